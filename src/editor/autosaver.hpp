#pragma once
// Autosave for one open map: every N seconds (setting "autosave/seconds",
// default 60) while the map has unsaved changes, a recovery copy is written.
// A normal save or close removes it. A failing autosave is logged and shown
// in the status bar, and never gets in the way of editing.
//
// The timer's copies are written on a worker thread: the UI thread only takes
// a snapshot of the document (a copy, no formatting and no disk), so a large
// map on a slow or network disk never makes the editor stutter.

#include <QFuture>
#include <QFutureWatcher>
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
    // Writes the recovery copy now, on this thread, if there is something new
    // to protect (before a reload, at restore).
    bool saveNow();
    // What the timer does: the same, written on a worker thread. Returns
    // false when there was nothing to do or a write is still under way.
    bool saveInBackground();
    // Waits for a background write to finish.
    void waitForBackgroundWrite();
    // Forgets the recovery copy (after a save, or when the map is closed).
    void discard();
    // Keeps the current recovery copy for the next start and continues under
    // a fresh one (the map is about to be replaced by the version on disk).
    void keepCurrentCopy();
    const RecoveryStore &store() const { return m_store; }

signals:
    void failed(const QString &message);
    void saved();

private:
    DocumentController *m_controller;
    RecoveryStore m_store;
    QTimer m_timer;
    QString m_id;
    void backgroundWriteFinished();

    bool m_dirty = false;   // changed since the last recovery copy
    bool m_written = false; // a recovery copy exists
    // A write on the worker thread, and whether the copy it writes was
    // discarded meanwhile (then it is removed as soon as it lands).
    QFutureWatcher<QString> m_writing;
    bool m_inFlight = false;
    bool m_discardWhenWritten = false;
};

} // namespace cjm
