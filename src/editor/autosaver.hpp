#pragma once
// Autosave for one open map: every N seconds (setting "autosave/seconds",
// default 60) while the map has unsaved changes, a recovery copy is written.
// A normal save or close removes it. A failing autosave is logged and shown
// in the status bar, and never gets in the way of editing.

#include <QObject>
#include <QTimer>

#include "recovery_store.hpp"

namespace cjm {

class DocumentController;

class Autosaver : public QObject {
    Q_OBJECT
public:
    Autosaver(DocumentController *controller, RecoveryStore store, QObject *parent = nullptr);
    ~Autosaver() override;

    static int configuredIntervalSeconds();
    void setIntervalSeconds(int seconds);
    // Writes the recovery copy now if there is something new to protect.
    bool saveNow();
    // Forgets the recovery copy (after a save, or when the map is closed).
    void discard();
    QString recoveryId() const { return m_id; }
    const RecoveryStore &store() const { return m_store; }

signals:
    void failed(const QString &message);

private:
    DocumentController *m_controller;
    RecoveryStore m_store;
    QTimer m_timer;
    QString m_id;
    bool m_dirty = false;   // changed since the last recovery copy
    bool m_written = false; // a recovery copy exists
};

} // namespace cjm
