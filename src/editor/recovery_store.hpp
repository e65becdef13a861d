#pragma once
// Recovery files: while a map has unsaved changes, a copy is written every
// so often to the user's app-data folder (recovery/<id>.cjm beside a small
// <id>.json saying which file it belongs to, its title, when, and which
// process wrote it). A normal save or close removes them; after a crash or a
// kill, the next start finds them and offers to restore each one.

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <vector>

#include "cjm/document.hpp"

namespace cjm {

struct RecoveryEntry {
    QString id;
    QString mapPath;       // recovery/<id>.cjm
    QString originalPath;  // the file it belongs to; empty for a map never saved
    QString title;
    QDateTime time;        // when it was written (UTC)
    qint64 pid = 0;        // the process that wrote it
};

class RecoveryStore {
public:
    // `folder` defaults to <AppDataLocation>/recovery.
    explicit RecoveryStore(QString folder = {});

    QString folder() const { return m_folder; }
    // Writes (atomically) the recovery copy for `id`. False with `error` on failure.
    bool write(const QString &id, const Document &document, const QString &originalPath, QString &error) const;
    void remove(const QString &id) const;
    // Entries whose writer is no longer running: left behind by a crash.
    std::vector<RecoveryEntry> orphans() const;
    std::vector<RecoveryEntry> all() const;

private:
    QString m_folder;
};

} // namespace cjm
