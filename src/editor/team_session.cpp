#include "team_session.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMetaType>
#include <QPointer>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <spdlog/spdlog.h>
#include <utility>

#include "document_controller.hpp"
#include "operations.hpp"
#include "qt_text.hpp"
#include "team_credentials.hpp"

namespace cjm {

// What the worker tells the window after opening, each sync and each call.
struct TeamReport {
    enum class Kind { Opened, OpenFailed, Synced };
    Kind kind = Kind::Synced;
    quint64 lastBatch = 0; // own batches up to this one are in `document`
    team::LinkState state = team::LinkState::Offline;
    std::size_t pending = 0;
    QString error;
    QString role;
    // Set when the worker's map changed other than by the window's own
    // batches (others' edits, own edits dropped or held): the window takes it.
    std::optional<Document> document;
    ChangeSet changes;
    std::vector<team::DroppedOperation> dropped;
    std::vector<team::Conflict> conflicts;
    std::size_t newConflicts = 0;
    std::optional<std::vector<team::Presence>> presence;
    std::optional<std::vector<team::Comment>> comments;
    std::function<void()> then;                  // a call's part for the window
    std::function<void(const QString &)> failed; // ...or its error handler
    QString callError;
    QString failure;                            // the journal could not be written, a conflict not settled
    std::shared_ptr<team::TeamJournal> journal; // with Opened: the window journals its edits itself
};

namespace {

// Workers of closed sessions still finishing (a hung link): waited for,
// a little, when the application ends.
std::mutex g_closingMutex;
std::condition_variable g_closingDone;
int g_closing = 0;

} // namespace

} // namespace cjm

Q_DECLARE_METATYPE(std::shared_ptr<cjm::TeamReport>)

namespace cjm {

// Lives on the session's thread; owns the TeamClient. Every slot runs there.
class TeamWorker : public QObject {
    Q_OBJECT
public:
    explicit TeamWorker(team::ClientOptions options) : m_options(std::move(options)) {}
    ~TeamWorker() override = default;

    void open()
    {
        m_wakeup = new QTimer(this);
        m_wakeup->setSingleShot(true);
        connect(m_wakeup, &QTimer::timeout, this, [this] { syncAndReport({}, {}, false); });
        auto report = std::make_shared<TeamReport>();
        try {
            m_client = std::make_unique<team::TeamClient>(m_options);
        } catch (const team::TeamError &error) {
            report->kind = TeamReport::Kind::OpenFailed;
            report->error = openError(error);
            emit reported(report);
            return;
        } catch (const std::exception &error) {
            report->kind = TeamReport::Kind::OpenFailed;
            report->error = toQString(error.what());
            emit reported(report);
            return;
        }
        if (!m_client->hasDocument()) {
            report->kind = TeamReport::Kind::OpenFailed;
            report->error = QCoreApplication::translate(
                "cjm::TeamSession", "The team server cannot be reached, and this map was never opened on this "
                                    "computer, so there is no copy to work on offline.");
            m_client.reset();
            emit reported(report);
            return;
        }
        report->kind = TeamReport::Kind::Opened;
        report->journal = m_client->journal();
        report->document = m_client->document();
        fill(*report);
        report->conflicts = m_client->conflicts();
        emit reported(report);
        syncAndReport({}, {}, false);
    }

    // `journalled`: the window wrote it to the journal already (nullopt when
    // that failed: submit() tries again and says what went wrong).
    void submit(quint64 batch, std::vector<Json> operations, std::optional<team::TeamJournal::Entry> journalled)
    {
        m_queue.push_back({batch, std::move(operations), std::move(journalled)});
        if (!m_flushQueued) {
            m_flushQueued = true;
            // Every edit that arrived meanwhile goes in the same sync (a drag).
            QTimer::singleShot(0, this, &TeamWorker::flush);
        }
    }

    void call(TeamSession::Work work, std::function<void(const QString &)> failed, bool changesMap)
    {
        flush();
        auto report = std::make_shared<TeamReport>();
        if (!m_client) {
            report->failed = std::move(failed);
            report->callError = QCoreApplication::translate("cjm::TeamSession", "The map is not open.");
            fill(*report);
            emit reported(report);
            return;
        }
        std::function<void()> then;
        QString error;
        try {
            then = work(*m_client);
        } catch (const std::exception &e) {
            error = toQString(e.what());
        }
        ChangeSet changes;
        if (changesMap)
            changes.noteEverything(); // a restored version: anything may differ
        syncAndReport(std::move(changes), {}, changesMap, std::move(then), std::move(failed), error);
    }

    void resolve(team::Conflict conflict, bool keepMine)
    {
        if (!m_client)
            return;
        flush();
        const auto &held = m_client->conflicts();
        for (std::size_t i = 0; i < held.size(); ++i) {
            const team::Conflict &c = held[i];
            if (c.entity == conflict.entity && c.id == conflict.id && c.field == conflict.field &&
                c.theirSeq == conflict.theirSeq) {
                ChangeSet changes;
                try {
                    changes = m_client->resolve(i, keepMine);
                } catch (const std::exception &error) {
                    spdlog::error("team map: resolving a conflict failed: {}", error.what());
                    m_failure = toQString(error.what());
                }
                syncAndReport(std::move(changes), {}, true);
                return;
            }
        }
    }

    void syncNow()
    {
        if (m_client) {
            flush();
            syncAndReport({}, {}, false);
        }
    }
    void setSelection(std::vector<std::string> ids)
    {
        if (m_client)
            m_client->setPresence(ids);
    }
    void disconnectClient()
    {
        if (m_client) {
            m_client->disconnect();
            rearm();
        }
    }
    // Closes the map here, on this thread: the presence row goes now.
    void shutdown()
    {
        flush(); // the last edits, typed right before closing, are journalled first
        delete m_notifier;
        m_notifier = nullptr;
        if (m_wakeup)
            m_wakeup->stop();
        m_client.reset();
    }

signals:
    void reported(const std::shared_ptr<cjm::TeamReport> &report);

private:
    static QString openError(const team::TeamError &error)
    {
        switch (error.kind()) {
        case team::TeamError::Kind::PermissionDenied:
            return QCoreApplication::translate("cjm::TeamSession", "You may not open this map: %1")
                .arg(toQString(error.what()));
        case team::TeamError::Kind::UnknownMap:
            return QCoreApplication::translate("cjm::TeamSession", "The team library has no such map: %1")
                .arg(toQString(error.what()));
        case team::TeamError::Kind::Invalid:
            return QCoreApplication::translate("cjm::TeamSession",
                                               "This map is open in another window of CJM Studio, or its local "
                                               "journal cannot be used: %1")
                .arg(toQString(error.what()));
        default: return toQString(error.what());
        }
    }

    void fill(TeamReport &report)
    {
        report.lastBatch = m_lastBatch;
        if (!m_client)
            return;
        report.state = m_client->state();
        report.pending = m_client->pendingCount();
        report.role = toQString(m_client->role());
    }

    void flush()
    {
        m_flushQueued = false;
        if (m_queue.empty() || !m_client)
            return;
        ChangeSet changes;
        std::vector<team::DroppedOperation> dropped;
        for (auto &[batch, operations, journalled] : m_queue) {
            std::vector<team::DroppedOperation> left;
            try {
                if (journalled)
                    m_client->submitJournalled(*journalled, &left);
                else
                    m_client->submit(operations, &left);
            } catch (const std::exception &error) {
                // The journal could not be written (a full disk): the edit
                // is not kept; the window takes the map back and says so.
                spdlog::error("team map: an edit could not be journalled: {}", error.what());
                m_failure = toQString(error.what());
                for (const Json &op : operations)
                    left.push_back({op, error.what()});
            }
            m_lastBatch = batch;
            if (!left.empty()) {
                // The window applied them; this map does not hold them: it
                // must take this map again where they were.
                changes.append(changeSetOfOperations([&] {
                    std::vector<Json> ops;
                    for (const auto &d : left)
                        ops.push_back(d.operation);
                    return ops;
                }()));
                dropped.insert(dropped.end(), left.begin(), left.end());
            }
        }
        m_queue.clear();
        syncAndReport(std::move(changes), std::move(dropped), false);
    }

    void syncAndReport(ChangeSet changes, std::vector<team::DroppedOperation> dropped, bool documentChanged,
                       std::function<void()> then = {}, std::function<void(const QString &)> failed = {},
                       const QString &callError = {})
    {
        if (!m_client)
            return;
        auto report = std::make_shared<TeamReport>();
        team::SyncResult result;
        try {
            result = m_client->sync();
        } catch (const team::TeamError &error) {
            // Retrying cannot mend it (access withdrawn): say so, keep trying.
            result.error = error.what();
            report->error = toQString(error.what());
        }
        if (!result.reachedServer && report->error.isEmpty())
            report->error = toQString(result.error);
        report->failure = std::exchange(m_failure, QString());
        changes.append(result.changes);
        dropped.insert(dropped.end(), result.dropped.begin(), result.dropped.end());
        if (!changes.empty() || documentChanged) {
            report->document = m_client->document();
            report->changes = std::move(changes);
        }
        report->dropped = std::move(dropped);
        report->conflicts = m_client->conflicts();
        report->newConflicts = result.newConflicts;
        if (result.presenceChanged || !m_sentPresence) {
            report->presence = m_client->presence();
            m_sentPresence = true;
        }
        if (result.commentsChanged || !m_sentComments) {
            report->comments = m_client->comments();
            m_sentComments = true;
        }
        report->then = std::move(then);
        report->failed = std::move(failed);
        report->callError = callError;
        fill(*report);
        emit reported(report);
        rearm();
        // Notifications read into libpq's buffer during the sync do not wake
        // the socket notifier: TeamClient::sync() takes them in itself (a
        // second sync here woke every client again with its own heartbeat).
    }

    // Wakes up when the server has news for this map, or for the heartbeat
    // (offline: the next retry).
    void rearm()
    {
        const int socket = m_client ? m_client->listenSocket() : -1;
        if (socket != m_socket) {
            delete m_notifier;
            m_notifier = nullptr;
            m_socket = socket;
            if (socket >= 0) {
                m_notifier = new QSocketNotifier(socket, QSocketNotifier::Read, this);
                connect(m_notifier, &QSocketNotifier::activated, this, [this] {
                    if (!m_client)
                        return;
                    bool news = true;
                    try {
                        news = m_client->waitForNews(0);
                    } catch (const std::exception &) {
                    }
                    if (news)
                        syncAndReport({}, {}, false);
                    else
                        rearm();
                });
            }
        }
        if (m_client && m_wakeup)
            m_wakeup->start(static_cast<int>(std::max<std::int64_t>(50, m_client->nextWakeup().count())));
    }

    team::ClientOptions m_options;
    std::unique_ptr<team::TeamClient> m_client;
    struct Queued {
        quint64 batch;
        std::vector<Json> operations;
        std::optional<team::TeamJournal::Entry> journalled;
    };
    std::vector<Queued> m_queue;
    bool m_flushQueued = false;
    quint64 m_lastBatch = 0;
    QTimer *m_wakeup = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    int m_socket = -1;
    QString m_failure; // an error to tell the window with the next report
    bool m_sentPresence = false;
    bool m_sentComments = false;
};

QString TeamNotice::text() const
{
    switch (kind) {
    case Kind::Dropped:
        return TeamSession::tr("%n of your changes could not be made: a teammate deleted what they changed.", "",
                               count);
    case Kind::NotKept: return TeamSession::tr("A change could not be kept on this computer: %1").arg(detail);
    case Kind::Conflicts:
        return TeamSession::tr("%n of your offline changes conflict with a teammate's: both changed the same thing. "
                               "Settle each in the Conflicts panel.",
                               "", count);
    }
    return {};
}

ChangeSet changeSetOfOperations(const std::vector<Json> &operations)
{
    ChangeSet changes;
    const auto text = [](const Json &op, const char *key) {
        const auto found = op.find(key);
        return found != op.end() && found->is_string() ? found->get<std::string>() : std::string();
    };
    const auto kindOf = [](const std::string &entity) -> std::optional<EntityKind> {
        if (entity == "journey")
            return EntityKind::Journey;
        if (entity == "persona")
            return EntityKind::Persona;
        if (entity == "stage")
            return EntityKind::Stage;
        if (entity == "lane")
            return EntityKind::Lane;
        if (entity == "card")
            return EntityKind::Card;
        return std::nullopt;
    };
    for (const Json &op : operations) {
        if (!op.is_object())
            continue;
        const std::string kind = text(op, "op");
        const std::optional<EntityKind> entity = kindOf(text(op, "entity"));
        if (!entity) {
            changes.noteTopLevel(); // "map": the top level's own keys
            continue;
        }
        const std::string id = *entity == EntityKind::Journey ? std::string() : text(op, "id");
        if (kind == "set") {
            changes.noteField(*entity, id, text(op, "field"));
        } else if (kind == "add") {
            const std::string added = op.contains("value") && op["value"].is_object() ? text(op["value"], "id") : "";
            changes.noteAdded(*entity, added);
        } else if (kind == "remove") {
            changes.noteRemoved(*entity, id);
        } else if (kind == "move") {
            changes.noteMoved(*entity, id);
            for (const char *field : {"persona", "stage", "lane", "order"})
                changes.noteField(*entity, id, field);
        } else if (kind == "order" && op.contains("ids") && op["ids"].is_array()) {
            for (const Json &each : op["ids"])
                if (each.is_string())
                    changes.noteMoved(*entity, each.get<std::string>());
        } else {
            changes.noteEverything();
        }
    }
    return changes;
}

TeamSession::TeamSession(DocumentController *controller, Options options)
    : QObject(controller), m_controller(controller), m_options(std::move(options))
{
    qRegisterMetaType<std::shared_ptr<TeamReport>>();
    if (m_options.journalPath.isEmpty())
        m_options.journalPath = defaultJournalPath(m_options.conninfo, m_options.mapId);
    QDir().mkpath(QFileInfo(m_options.journalPath).absolutePath());
    team::ClientOptions client;
    client.conninfo = toStdString(m_options.conninfo);
    client.mapId = toStdString(m_options.mapId);
    client.journalPath = toStdString(m_options.journalPath);

    m_thread = new QThread; // no parent: it may outlive the session (see the destructor)
    m_thread->setObjectName(QStringLiteral("team ") + m_options.mapId);
    m_worker = new TeamWorker(std::move(client));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    // On the worker's thread, as it ends (after the session closed it).
    connect(
        m_thread, &QThread::finished, m_thread,
        [closing = m_closing] {
            if (!*closing)
                return;
            const std::lock_guard lock(g_closingMutex);
            --g_closing;
            g_closingDone.notify_all();
        },
        Qt::DirectConnection);
    // At the end of the application, the workers of closed windows get a
    // moment to take their presence rows away (their journals are safe
    // either way).
    static const bool waitsAtExit = [] {
        qAddPostRoutine([] { waitForClosedSessions(std::chrono::milliseconds(2000)); });
        return true;
    }();
    Q_UNUSED(waitsAtExit);
    connect(m_worker, &TeamWorker::reported, this, &TeamSession::onReport, Qt::QueuedConnection);
    connect(controller, &DocumentController::localOperations, this, &TeamSession::sendLocal);
    connect(controller, &DocumentController::resolveHeldConflict, this, &TeamSession::resolve);
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &TeamWorker::open, Qt::QueuedConnection);
}

TeamSession::~TeamSession()
{
    disconnect(m_worker, nullptr, this, nullptr);
    // Every edit is in the journal already (sendLocal): it is closed here,
    // and its lock released, without waiting for the worker, so the map can
    // be opened again at once even while the worker is stuck on a dead link.
    if (m_journal)
        m_journal->close();
    TeamWorker *worker = m_worker;
    // After whatever the worker is doing: send what is queued, close the map
    // (its presence row goes), then end the thread. Nothing here waits for
    // it: it finishes on its own, detached, and deletes itself.
    {
        const std::lock_guard lock(g_closingMutex);
        ++g_closing;
    }
    *m_closing = true;
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            worker->shutdown();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
}

bool TeamSession::waitForClosedSessions(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(g_closingMutex);
    return g_closingDone.wait_for(lock, timeout, [] { return g_closing == 0; });
}

TeamSession *TeamSession::of(const DocumentController *controller)
{
    return controller ? controller->findChild<TeamSession *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

QString TeamSession::defaultJournalPath(const QString &conninfo, const QString &mapId)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/team");
    return folder + QLatin1Char('/') +
           toQString(team::journalFileName(toStdString(stripPassword(conninfo)), toStdString(mapId)));
}

QString TeamSession::connection() const { return stripPassword(m_options.conninfo); }

std::size_t TeamSession::pendingCount() const
{
    std::size_t inFlight = 0;
    for (const auto &[batch, operations] : m_inFlight)
        inFlight += operations.size();
    return m_workerPending + inFlight;
}

QString TeamSession::statusText() const
{
    if (!m_open)
        return tr("Connecting…");
    const int pending = static_cast<int>(pendingCount());
    if (m_state == team::LinkState::Offline)
        return pending > 0 ? tr("Offline — %n change(s) waiting", "", pending) : tr("Offline");
    if (pending > 0)
        return tr("Syncing… %1").arg(pending);
    return tr("Online");
}

void TeamSession::call(Work work, std::function<void(const QString &)> failed, bool changesMap)
{
    TeamWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, work = std::move(work), failed = std::move(failed), changesMap]() mutable {
            worker->call(std::move(work), std::move(failed), changesMap);
        },
        Qt::QueuedConnection);
}

void TeamSession::syncNow()
{
    TeamWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->syncNow(); }, Qt::QueuedConnection);
}

void TeamSession::setSelection(std::vector<std::string> cardIds)
{
    TeamWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, ids = std::move(cardIds)]() mutable { worker->setSelection(std::move(ids)); },
        Qt::QueuedConnection);
    // Others see it at once, not at the next heartbeat (a burst of clicks: one sync).
    if (!m_selectionSync) {
        m_selectionSync = new QTimer(this);
        m_selectionSync->setSingleShot(true);
        m_selectionSync->setInterval(150);
        connect(m_selectionSync, &QTimer::timeout, this, &TeamSession::syncNow);
    }
    m_selectionSync->start();
}

void TeamSession::disconnectForTests()
{
    TeamWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->disconnectClient(); }, Qt::QueuedConnection);
}

void TeamSession::sendLocal(const std::vector<Json> &operations)
{
    if (!m_open || operations.empty())
        return;
    const quint64 batch = ++m_nextBatch;
    m_inFlight.emplace_back(batch, operations);
    // Into the journal now, on this thread (fsync'd: it survives kill -9),
    // not when the worker gets to it: that may be stuck in a sync on a dead
    // link for as long as TCP keepalives take to notice.
    std::optional<team::TeamJournal::Entry> journalled;
    if (m_journal) {
        try {
            journalled = m_journal->append(operations);
        } catch (const std::exception &error) {
            // The worker tries again and tells the window if it cannot.
            spdlog::error("team map {}: an edit could not be journalled: {}", toStdString(m_options.mapId),
                          error.what());
        }
    }
    TeamWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, batch, operations, journalled = std::move(journalled)]() mutable {
            worker->submit(batch, std::move(operations), std::move(journalled));
        },
        Qt::QueuedConnection);
    emit linkChanged();
}

void TeamSession::resolve(const team::Conflict &conflict, bool keepMine)
{
    TeamWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, conflict, keepMine] { worker->resolve(conflict, keepMine); }, Qt::QueuedConnection);
}

void TeamSession::onReport(const std::shared_ptr<TeamReport> &report)
{
    if (report->kind == TeamReport::Kind::OpenFailed) {
        emit openFailed(report->error);
        return;
    }
    m_role = report->role;
    if (report->kind == TeamReport::Kind::Opened) {
        m_journal = report->journal;
        m_controller->resetDocument(std::move(*report->document), QString());
        m_controller->setShared(true);
        m_controller->setHeldConflicts(report->conflicts);
        m_open = true;
        m_state = report->state;
        m_workerPending = report->pending;
        emit opened();
        emit linkChanged();
        return;
    }
    if (!m_open)
        return;
    while (!m_inFlight.empty() && m_inFlight.front().first <= report->lastBatch)
        m_inFlight.pop_front();
    if (report->document) {
        // The worker's map, with this window's edits it has not seen yet on top.
        Document document = std::move(*report->document);
        ChangeSet changes = std::move(report->changes);
        for (const auto &[batch, operations] : m_inFlight) {
            for (const Json &op : operations) {
                std::string why;
                if (!team::applyOperation(document, op, why))
                    spdlog::info("team map {}: an own edit no longer fits: {}", toStdString(m_options.mapId), why);
            }
            changes.append(changeSetOfOperations(operations));
        }
        m_controller->applyRemote(std::move(document), changes);
    }
    m_controller->setHeldConflicts(report->conflicts);
    if (!report->dropped.empty()) {
        for (const team::DroppedOperation &dropped : report->dropped)
            spdlog::info("team map {}: dropped {}: {}", toStdString(m_options.mapId), dropped.operation.dump(),
                         dropped.why);
        emit notice({TeamNotice::Kind::Dropped, static_cast<int>(report->dropped.size()), {}});
    }
    if (!report->failure.isEmpty())
        emit notice({TeamNotice::Kind::NotKept, 0, report->failure});
    if (report->newConflicts > 0)
        emit notice({TeamNotice::Kind::Conflicts, static_cast<int>(report->newConflicts), {}});
    if (report->presence) {
        m_presence = std::move(*report->presence);
        emit presenceChanged();
    }
    if (report->comments) {
        m_comments = std::move(*report->comments);
        emit commentsChanged();
    }
    m_state = report->state;
    m_workerPending = report->pending;
    m_lastError = report->error;
    if (report->then)
        report->then();
    else if (!report->callError.isEmpty() && report->failed)
        report->failed(report->callError);
    emit linkChanged();
    emit synced();
}

} // namespace cjm

#include "team_session.moc"
