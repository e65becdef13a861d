#pragma once
// One window's link to a map of the team library (docs/team.md, #20): a
// team::TeamClient run on a worker thread of its own, so the window never
// waits for the network and a server that cannot be reached never freezes
// it. The session belongs to the window's DocumentController (its child).
//
// - Own edits: the controller (shared, DocumentController::setShared) tells
//   each edit, undo and redo as team operations; they go to the worker, which
//   journals and sends them.
// - Teammates' edits: after each sync that changed the map, the worker hands
//   over its document (the server's map with this client's pending edits on
//   top); own edits made meanwhile, not yet with the worker, are applied on
//   top of it again (no keystroke is lost), and the controller shows it
//   without an undo step (applyRemote).
// - The link: online, offline with the number of changes waiting, or
//   syncing; dropped operations and conflicts of offline edits are notices
//   for the message bar and the Conflicts panel.

#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "cjm/change_set.hpp"
#include "cjm/document.hpp"
#include "team_client.hpp"

class QThread;
class QTimer;

namespace cjm {

class DocumentController;
class TeamWorker;
struct TeamReport;

// News of the link for the message bar, kept as what happened rather than
// as words, so that a notice on screen is said again in the new language
// after View ▸ Language.
struct TeamNotice {
    enum class Kind {
        Dropped,   // `count` own edits dropped: a teammate deleted what they changed
        NotKept,   // an edit could not be journalled on this computer: `detail` says why
        Conflicts, // `count` offline edits conflict with a teammate's
    };
    Kind kind = Kind::Dropped;
    int count = 0;
    QString detail; // the system's words (a file error), as they came
    // The notice in the UI language now.
    QString text() const;
    bool conflicts() const { return kind == Kind::Conflicts; }
};

// What a list of team operations changes (for the canvas): the entities and
// fields they name.
ChangeSet changeSetOfOperations(const std::vector<Json> &operations);

class TeamSession : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString conninfo; // as libpq takes it; a password in it stays in memory only
        QString mapId;
        // The journal (pending edits, survives kill -9); empty: the default
        // one for this map and connection (defaultJournalPath).
        QString journalPath;
    };

    // Starts opening the map on the worker: opened() or openFailed() follows.
    // Until then the controller's map is left alone.
    TeamSession(DocumentController *controller, Options options);
    // Closes the journal (every edit is in it already) and tells the worker
    // to close the map (its presence row goes); never waits for the worker:
    // one stuck on a dead link finishes later on its own.
    ~TeamSession() override;
    // Waits up to `timeout` for the workers of closed sessions to finish;
    // false if some are still busy. The application gives them 2 s at exit.
    static bool waitForClosedSessions(std::chrono::milliseconds timeout);

    // The session of the window whose controller this is; null for a file.
    static TeamSession *of(const DocumentController *controller);
    // QStandardPaths::AppDataLocation/team/<file>: one journal per map and
    // connection (password left out), the same at every start, so edits a
    // killed run left are sent at the next.
    static QString defaultJournalPath(const QString &conninfo, const QString &mapId);

    DocumentController *controller() const { return m_controller; }
    QString mapId() const { return m_options.mapId; }
    // The connection without a password (for titles, settings and journals).
    QString connection() const;
    bool isOpen() const { return m_open; }
    QString role() const { return m_role; }
    team::LinkState state() const { return m_state; }
    // Operations not yet acknowledged by the server: the worker's pending
    // ones and those on their way to it.
    std::size_t pendingCount() const;
    // "Online", "Offline — 3 changes waiting", "Syncing… 2".
    QString statusText() const;
    const std::vector<team::Presence> &presence() const { return m_presence; }
    const std::vector<team::Comment> &comments() const { return m_comments; }
    // The last reason the server could not be reached ("" when it was).
    QString lastError() const { return m_lastError; }

    // Runs `work` on the worker, after every edit sent before. What it
    // returns runs back on this thread (the widgets' part); a TeamError it
    // throws goes to `failed` instead. A sync follows, so lists are fresh.
    using Work = std::function<std::function<void()>(team::TeamClient &)>;
    // `changesMap`: the work changes the map (a restored version): the
    // window takes the worker's map afterwards.
    void call(Work work, std::function<void(const QString &error)> failed = {}, bool changesMap = false);
    // Syncs now instead of at the next wakeup (Save, a retry button).
    void syncNow();
    // The selection others see outlined (sent with the next heartbeat).
    void setSelection(std::vector<std::string> cardIds);
    // Drops the connection (a test's lost network): the next sync reconnects.
    void disconnectForTests();

signals:
    // The map arrived: the controller holds it, shared.
    void opened();
    // It cannot be opened: permission denied, an unknown map, a journal in
    // use by another window, or offline with no copy on this computer.
    void openFailed(const QString &message);
    // The link's state or the number of changes waiting changed.
    void linkChanged();
    // News for the message bar: own edits dropped because a teammate
    // deleted what they changed, conflicts of offline edits, access lost.
    void notice(const cjm::TeamNotice &notice);
    void presenceChanged();
    void commentsChanged();
    // A sync was taken in (for tests and the panels).
    void synced();

private:
    void onReport(const std::shared_ptr<TeamReport> &report);
    void sendLocal(const std::vector<Json> &operations);
    void resolve(const team::Conflict &conflict, bool keepMine);

    DocumentController *m_controller;
    Options m_options;
    QThread *m_thread = nullptr;
    TeamWorker *m_worker = nullptr;
    // The journal, shared with the worker's client: own edits are written
    // to it here, at once (null until opened).
    std::shared_ptr<team::TeamJournal> m_journal;
    std::shared_ptr<std::atomic<bool>> m_closing = std::make_shared<std::atomic<bool>>(false);
    bool m_open = false;
    QString m_role;
    team::LinkState m_state = team::LinkState::Offline;
    std::size_t m_workerPending = 0;
    QString m_lastError;
    quint64 m_nextBatch = 0;
    QTimer *m_selectionSync = nullptr;
    // Own operations handed to the worker and not yet in a document it
    // reported: applied again on top of each document that arrives.
    std::deque<std::pair<quint64, std::vector<Json>>> m_inFlight;
    std::vector<team::Presence> m_presence;
    std::vector<team::Comment> m_comments;
};

} // namespace cjm
