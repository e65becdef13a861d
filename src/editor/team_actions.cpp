#include "team_actions.hpp"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QSaveFile>
#include <QStatusBar>
#include <QTextStream>
#include <QTimer>
#include <QToolBar>
#include <spdlog/spdlog.h>

#include "cjm/document_io.hpp"
#include "document_controller.hpp"
#include "document_files.hpp"
#include "main_window.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "message_bar.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"
#include "team_credentials.hpp"
#include "team_library.hpp"
#include "team_library_dialog.hpp"
#include "team_panels.hpp"
#include "team_session.hpp"

namespace cjm {

TeamActions::TeamActions(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("teamActions"));
    m_open = new QAction(this);
    m_open->setObjectName(QStringLiteral("teamOpenAction"));
    connect(m_open, &QAction::triggered, this, &TeamActions::openFromLibrary);
    m_save = new QAction(this);
    m_save->setObjectName(QStringLiteral("teamSaveAction"));
    connect(m_save, &QAction::triggered, this, &TeamActions::saveToLibrary);

    m_link = plainLabel(QString(), window);
    m_link->setObjectName(QStringLiteral("teamLinkLabel"));
    m_link->hide();
    window->statusBar()->addPermanentWidget(m_link);

    DocumentController *controller = window->controller();
    connect(controller, &DocumentController::undoRefused, this, [this](const QString &message) {
        m_window->messageBar()->showMessage(message, {}, MessageBar::Tone::Warning, QStringLiteral("team"));
    });
    if (!qEnvironmentVariable("CJM_STUDIO_TEAM_DUMP").isEmpty()) {
        connect(controller, &DocumentController::changed, this, &TeamActions::writeDumpForTests);
        connect(controller, &DocumentController::documentReset, this, &TeamActions::writeDumpForTests);
        // Again as the window moves or scrolls: the cards' places on screen.
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, &TeamActions::writeDumpForTests);
        timer->start(500);
    }
}

QString TeamActions::commandLineProblem(bool hasDb, const QString &conninfo, bool hasMap, const QString &mapId)
{
    if (hasMap && !hasDb)
        return tr("--team-map needs --team-db, the connection string of the team library");
    if (hasDb && !hasMap)
        return tr("--team-db needs --team-map, the id of the map to open");
    if (!team::isValidMapId(toStdString(mapId)))
        return tr("--team-map: “%1” is not a map id (a letter or digit, then letters, digits, “.”, “_” or “-”, at "
                  "most 128)")
            .arg(mapId);
    if (conninfo.trimmed().isEmpty())
        return tr("--team-db: the connection string is empty");
    if (const std::string problem = team::conninfoProblem(toStdString(conninfo)); !problem.empty())
        return tr("--team-db: %1").arg(toQString(problem));
    bool password = false;
    stripPassword(conninfo, &password);
    if (password)
        return tr("--team-db: leave the password out (anyone on this computer can read a command line); put it "
                  "in ~/.pgpass, or CJM Studio asks for it");
    return {};
}

void TeamActions::placeIn(QMenu *file, QAction *before, QMenu *view)
{
    m_file = file;
    m_view = view;
    m_open->setText(tr("Open from Team Li&brary..."));
    m_open->setStatusTip(tr("Open a map of the team library on a PostgreSQL server, to edit it with others"));
    m_save->setText(tr("Save to Team &Library..."));
    m_save->setStatusTip(tr("Put this map in the team library: from then on it is edited together"));
    file->insertAction(before, m_open);
    file->insertAction(before, m_save);
    if (m_history)
        file->insertAction(before, m_history);
    if (m_panels && m_view && m_panels->commentsDock())
        m_view->addAction(m_panels->commentsDock()->toggleViewAction());
    updateLink();
}

TeamActions *TeamActions::of(const QWidget *window)
{
    return window ? window->findChild<TeamActions *>(QStringLiteral("teamActions"), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

TeamSession *TeamActions::session() const { return m_session; }

bool TeamActions::saveTeamMap(MainWindow *window)
{
    TeamActions *actions = of(window);
    if (!actions || !actions->m_session)
        return false;
    actions->m_session->syncNow();
    const int waiting = static_cast<int>(actions->m_session->pendingCount());
    window->statusBar()->showMessage(
        waiting > 0 ? tr("This map lives in the team library: each change is sent as you make it. %n change(s) "
                         "waiting are kept on this computer until the server takes them. Save As writes a copy to "
                         "a file.",
                         "", waiting)
                    : tr("This map lives in the team library: each change is sent as you make it. Save As writes "
                         "a copy to a file."),
        8000);
    return true;
}

MainWindow *TeamActions::openMap(const QString &conninfo, const QString &mapId, MainWindow *from, const QString &access,
                                 const QString &journalPath)
{
    // Already open in a window of this run: that one (one journal, one window).
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (auto *window = qobject_cast<MainWindow *>(widget))
            if (TeamSession *session = TeamSession::of(window->controller()))
                if (session->mapId() == mapId && session->connection() == stripPassword(conninfo)) {
                    window->show();
                    window->raise();
                    window->activateWindow();
                    return window;
                }
    MainWindow *window = from && from->controller()->isPristine() ? from : new MainWindow;
    TeamActions *actions = of(window);
    if (!actions)
        return nullptr;
    actions->m_showWhenOpened = window != from;
    actions->attach(conninfo, mapId, access, journalPath);
    return window;
}

void TeamActions::attach(const QString &conninfo, const QString &mapId, const QString &access,
                         const QString &journalPath)
{
    delete m_session;
    m_access = access;
    auto *session = new TeamSession(m_window->controller(), {conninfo, mapId, journalPath});
    m_session = session;
    m_link->setText(session->statusText());
    m_link->show();
    connect(session, &TeamSession::opened, this, &TeamActions::sessionOpened);
    connect(session, &TeamSession::linkChanged, this, &TeamActions::updateLink);
    connect(session, &TeamSession::openFailed, this, [this, session](const QString &message) {
        spdlog::warn("team map {}: {}", toStdString(session->mapId()), toStdString(message));
        // A window made for the map was never shown: it goes, and the box
        // stands alone.
        auto *box = new PlainMessageBox(QMessageBox::Warning, tr("Could Not Open Team Map"),
                                        tr("The map “%1” could not be opened.").arg(session->mapId()), QMessageBox::Ok,
                                        m_showWhenOpened ? nullptr : m_window);
        box->setInformativeText(message);
        box->setObjectName(QStringLiteral("teamOpenFailedDialog"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        session->deleteLater();
        m_link->hide();
        if (m_showWhenOpened)
            m_window->deleteLater();
    });
    connect(session, &TeamSession::notice, this, [this](const TeamNotice &notice) {
        // Composed from its data each time: View ▸ Language says it again.
        MessageBar *bar = m_window->messageBar();
        bar->showTranslated([this, bar, notice] {
            std::vector<MessageBar::Action> actions;
            if (notice.conflicts())
                actions.push_back({tr("Show Conflicts"),
                                   [this] {
                                       if (auto *dock =
                                               m_window->findChild<QDockWidget *>(QStringLiteral("conflictDock"))) {
                                           dock->show();
                                           dock->raise();
                                       }
                                   },
                                   QStringLiteral("teamShowConflictsButton")});
            bar->showMessage(notice.text(), std::move(actions), MessageBar::Tone::Warning, QStringLiteral("team"));
        });
        if (notice.conflicts())
            if (auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("conflictDock"))) {
                dock->show();
                dock->raise();
            }
    });
    connect(m_window->scene(), &MapScene::cardSelectionChanged, session, [this, session] {
        const auto &selected = m_window->scene()->selectedCards();
        session->setSelection(std::vector<std::string>(selected.begin(), selected.end()));
    });
}

void TeamActions::sessionOpened()
{
    TeamSession *session = m_session;
    if (!session)
        return;
    DocumentController *controller = m_window->controller();
    const QString title = toQString(controller->document().journey().title);
    controller->setTeamName(title.isEmpty() ? tr("%1 — Team Library").arg(session->mapId())
                                            : tr("%1 · %2 — Team Library").arg(session->mapId(), title));
    controller->setReadOnly(m_access == QStringLiteral("viewer"));
    m_window->files()->releaseLock(); // a file this window had open is not the map any more
    if (!m_panels) {
        m_panels =
            new TeamPanels(m_window, m_window->scene(), m_window->findChild<QToolBar *>(QStringLiteral("mainToolbar")));
        m_history = m_panels->historyAction();
        if (m_file) {
            const QList<QAction *> actions = m_file->actions();
            const qsizetype after = actions.indexOf(m_save) + 1;
            m_file->insertAction(after < actions.size() ? actions.at(after) : nullptr, m_history);
        }
        // View ▸ Comments brings the dock back once closed, like the other panels.
        if (m_view && m_panels->commentsDock())
            m_view->addAction(m_panels->commentsDock()->toggleViewAction());
        m_panels->setViewer(m_access == QStringLiteral("viewer"));
        connect(m_panels->comments(), &CommentsPanel::postRequested, this,
                [this](const std::string &cardId, qint64 parentId, const QString &text) {
                    if (!m_session)
                        return;
                    QPointer<CommentsPanel> panel = m_panels->comments();
                    const std::string words = toStdString(text);
                    m_session->call(
                        [cardId, parentId, words](team::TeamClient &client) -> std::function<void()> {
                            client.addComment(cardId, words,
                                              parentId > 0 ? std::optional<std::int64_t>(parentId) : std::nullopt);
                            return [] {};
                        },
                        [panel](const QString &error) {
                            if (panel)
                                panel->postFailed(error);
                        });
                });
        connect(m_panels->comments(), &CommentsPanel::resolveRequested, this, [this](qint64 thread, bool resolved) {
            if (!m_session)
                return;
            QPointer<CommentsPanel> panel = m_panels->comments();
            m_session->call(
                [thread, resolved](team::TeamClient &client) -> std::function<void()> {
                    client.resolveComment(thread, resolved);
                    return [] {};
                },
                [panel](const QString &error) {
                    if (panel)
                        panel->postFailed(error);
                });
        });
        connect(m_panels, &TeamPanels::historyWanted, this, [this] {
            if (!m_session)
                return;
            QPointer<TeamPanels> panels = m_panels;
            const QString title = m_window->controller()->displayName();
            m_session->call(
                [panels, title](team::TeamClient &client) -> std::function<void()> {
                    std::vector<team::Version> versions = client.history();
                    return [panels, title, versions] {
                        if (panels)
                            panels->showHistory(toTeamVersions(versions), title);
                    };
                },
                [this](const QString &error) {
                    MessageBar *bar = m_window->messageBar();
                    bar->showTranslated([bar, error] {
                        bar->showMessage(tr("The history cannot be read now: %1").arg(error), {},
                                         MessageBar::Tone::Warning, QStringLiteral("team"));
                    });
                });
        });
        connect(m_panels, &TeamPanels::historyOpened, this, [this](TeamHistoryDialog *dialog) {
            QPointer<TeamHistoryDialog> shown = dialog;
            connect(dialog, &TeamHistoryDialog::compareRequested, this, [this, shown](qint64 older, qint64 newer) {
                if (!m_session)
                    return;
                m_session->call(
                    [shown, older, newer](team::TeamClient &client) -> std::function<void()> {
                        Document a = client.documentAt(older), b = client.documentAt(newer);
                        return [shown, older, newer, a, b] {
                            if (shown)
                                shown->showComparison(older, a, newer, b);
                        };
                    },
                    [shown](const QString &error) {
                        if (shown)
                            shown->showError(error);
                    });
            });
            connect(dialog, &TeamHistoryDialog::restoreRequested, this, [this, shown](qint64 version) {
                if (!m_session)
                    return;
                QPointer<TeamPanels> panels = m_panels;
                m_session->call(
                    [version, shown, panels](team::TeamClient &client) -> std::function<void()> {
                        const std::int64_t seq = client.restore(version);
                        return [shown, panels, version, seq] {
                            if (shown)
                                shown->restored(version, seq);
                            if (panels)
                                emit panels->historyWanted(); // the list with the new version on top
                        };
                    },
                    [shown](const QString &error) {
                        if (shown)
                            shown->showError(error);
                    },
                    true);
            });
        });
    }
    // This session's lists (a window that was attached again has a new one).
    connect(session, &TeamSession::presenceChanged, m_panels, [this, session] {
        if (session == m_session)
            m_panels->showPresence(session->presence());
    });
    connect(session, &TeamSession::commentsChanged, m_panels, [this, session] {
        if (session == m_session)
            m_panels->showComments(session->comments());
    });
    m_panels->setViewer(m_access == QStringLiteral("viewer"));
    m_panels->showPresence(session->presence());
    m_panels->showComments(session->comments());
    updateLink();
    if (m_showWhenOpened) {
        m_showWhenOpened = false;
        m_window->show();
    }
    writeDumpForTests();
}

void TeamActions::updateLink()
{
    if (!m_session) {
        m_link->hide();
        return;
    }
    if (!m_session->isOpen() && m_link->isHidden())
        return;
    m_link->setText(m_session->statusText());
    m_link->setToolTip(m_session->lastError().isEmpty()
                           ? plainToolTip(tr("Connected as %1").arg(m_session->role()))
                           : plainToolTip(tr("The team server cannot be reached: %1").arg(m_session->lastError())));
    m_link->show();
}

void TeamActions::openFromLibrary()
{
    TeamLibraryDialog dialog(TeamLibraryDialog::Mode::Open, m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.mapId().isEmpty())
        return;
    openMap(dialog.conninfo(), dialog.mapId(), m_window, dialog.access());
}

void TeamActions::saveToLibrary()
{
    const Document document = m_window->controller()->document();
    TeamLibraryDialog dialog(TeamLibraryDialog::Mode::Save, m_window, &document);
    if (dialog.exec() != QDialog::Accepted || dialog.mapId().isEmpty())
        return;
    attach(dialog.conninfo(), dialog.mapId(), dialog.access());
    MessageBar *bar = m_window->messageBar();
    bar->showTranslated([bar, id = dialog.mapId()] {
        bar->showMessage(tr("Saved to the team library as “%1”. Teammates open it with File ▸ Open from Team "
                            "Library; your edits are sent as you make them.")
                             .arg(id),
                         {}, MessageBar::Tone::Information, QStringLiteral("team"));
    });
}

void TeamActions::writeDumpForTests()
{
    const QString path = qEnvironmentVariable("CJM_STUDIO_TEAM_DUMP");
    if (path.isEmpty() || !m_session || !m_session->isOpen())
        return;
    const Document &document = m_window->controller()->document();
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        const std::string bytes = writeDocument(document);
        file.write(bytes.data(), static_cast<qint64>(bytes.size()));
        file.commit();
    }
    // Where each card is on screen, for xdotool.
    QSaveFile cards(path + QStringLiteral(".cards"));
    if (!cards.open(QIODevice::WriteOnly))
        return;
    QTextStream out(&cards);
    MapView *view = m_window->view();
    for (const Card &card : document.cards()) {
        const std::optional<QRectF> rect = m_window->scene()->mapLayout().cardRect(card.id);
        if (!rect)
            continue;
        const QPoint local = view->mapFromScene(rect->center());
        if (!view->viewport()->rect().contains(local))
            continue;
        const QPoint global = view->viewport()->mapToGlobal(local);
        out << "card " << toQString(card.id) << ' ' << global.x() << ' ' << global.y() << '\n';
    }
    out.flush();
    cards.commit();
}

} // namespace cjm
