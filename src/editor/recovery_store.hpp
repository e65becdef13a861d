#pragma once
// Recovery files: while a map has unsaved changes, a copy is written every
// so often to the user's app-data folder (recovery/<id>.cjm beside a small
// <id>.json saying which file it belongs to, its title, when, and which
// process wrote it). A normal save or close removes them; after a crash or a
// kill, the next start finds them and offers to restore each one.
//
// Which process wrote a copy is told by more than its pid, because pids are
// reused (after a reboot, or by any process started since): the writer holds
// an flock on a session lock file in the folder for as long as it runs (the
// kernel drops it when the process dies, even by kill -9), and the copy also
// records the boot id and the process's start time. Copies written before
// these fields existed are judged by their pid alone.

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <vector>

#include "cjm/document.hpp"

namespace cjm {

struct RecoveryEntry {
    QString id;
    QString mapPath;      // recovery/<id>.cjm
    QString originalPath; // the file it belongs to; empty for a map never saved
    QString title;
    QDateTime time;        // when it was written (UTC)
    qint64 pid = 0;        // the process that wrote it
    QString bootId;        // the boot it ran in (/proc/sys/kernel/random/boot_id); empty if unknown or older copy
    qint64 startTime = -1; // its start time in clock ticks since boot (/proc/PID/stat); -1 if unknown
    QString lockName;      // its session lock file in the folder; empty if it held none
};

// This machine's boot id; empty where the system does not say.
QString currentBootId();
// When process `pid` started, in clock ticks since boot; -1 if it does not
// run (a zombie, already dead but not yet reaped, does not run) or the system
// does not say.
qint64 processStartTime(qint64 pid);

class RecoveryStore {
public:
    // `folder` defaults to <AppDataLocation>/recovery.
    explicit RecoveryStore(QString folder = {});

    QString folder() const { return m_folder; }
    // Writes (atomically) the recovery copy for `id`. False with `error` on failure.
    bool write(const QString &id, const Document &document, const QString &originalPath, QString &error) const;
    void remove(const QString &id) const;
    // Entries whose writer is no longer running: left behind by a crash.
    // Also deletes session lock files that no process holds and no copy names.
    std::vector<RecoveryEntry> orphans() const;
    std::vector<RecoveryEntry> all() const;

private:
    QString m_folder;
};

} // namespace cjm
