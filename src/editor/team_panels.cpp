#include "team_panels.hpp"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QToolBar>
#include <map>

#include "map_scene.hpp"
#include "qt_text.hpp"

namespace cjm {

QDateTime serverTime(const std::string &text)
{
    QDateTime time = QDateTime::fromString(toQString(text), Qt::ISODate);
    if (time.isValid())
        time = time.toUTC();
    return time;
}

TeamPerson toTeamPerson(const team::Presence &presence)
{
    return {toQString(presence.role), toQString(presence.clientId), presence.selection, presence.self};
}

std::vector<TeamPerson> toTeamPeople(const std::vector<team::Presence> &presence)
{
    std::vector<TeamPerson> people;
    people.reserve(presence.size());
    for (const team::Presence &one : presence)
        people.push_back(toTeamPerson(one));
    return people;
}

std::vector<TeamComment> toTeamComments(const std::vector<team::Comment> &comments)
{
    std::map<std::int64_t, std::optional<std::int64_t>> parentOf;
    for (const team::Comment &comment : comments)
        parentOf[comment.id] = comment.parent;
    auto threadOf = [&](std::int64_t id) {
        // Up the replies to the comment that starts the thread (a bounded
        // walk: a cycle in bad data cannot hang the window).
        for (std::size_t step = 0; step <= comments.size(); ++step) {
            const auto it = parentOf.find(id);
            if (it == parentOf.end() || !it->second)
                return id;
            id = *it->second;
        }
        return id;
    };
    std::vector<TeamComment> result;
    result.reserve(comments.size());
    for (const team::Comment &comment : comments) {
        TeamComment converted;
        converted.id = comment.id;
        converted.parentId = comment.parent ? threadOf(*comment.parent) : 0;
        if (converted.parentId == comment.id)
            converted.parentId = 0;
        converted.cardId = comment.cardId;
        converted.author = toQString(comment.author);
        converted.time = serverTime(comment.time);
        converted.text = toQString(comment.text);
        converted.resolved = comment.resolved;
        result.push_back(std::move(converted));
    }
    return result;
}

TeamVersion toTeamVersion(const team::Version &version)
{
    return {version.version, toQString(version.author), serverTime(version.time), static_cast<int>(version.operations),
            toQString(version.summary)};
}

std::vector<TeamVersion> toTeamVersions(const std::vector<team::Version> &versions)
{
    std::vector<TeamVersion> result;
    result.reserve(versions.size());
    for (const team::Version &version : versions)
        result.push_back(toTeamVersion(version));
    return result;
}

TeamPanels::TeamPanels(QMainWindow *window, MapScene *scene, QToolBar *toolbar)
    : QObject(window), m_window(window), m_presence(new TeamPresence(toolbar, scene, this)),
      m_dock(new QDockWidget(tr("Comments"), window)), m_comments(new CommentsPanel(scene, m_dock)),
      m_historyAction(new QAction(tr("&History…"), window))
{
    m_dock->setObjectName(QStringLiteral("teamCommentsDock"));
    m_dock->setWidget(m_comments);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_historyAction->setObjectName(QStringLiteral("teamHistoryAction"));
    m_historyAction->setStatusTip(tr("The versions of this team map: compare any two, restore one"));
    connect(m_historyAction, &QAction::triggered, this, &TeamPanels::historyWanted);
    // A thread clicked in the dock shows its card.
    connect(m_comments, &CommentsPanel::showCard, scene, [scene](const std::string &cardId) {
        if (scene->isCardShown(cardId))
            scene->setSelectedCards({cardId});
    });
}

TeamPanels::~TeamPanels()
{
    if (m_history)
        m_history->close();
    // Deleting the dock takes it out of the window's layout (the window may
    // be going itself: this is one of its children).
    delete m_dock;
    delete m_historyAction;
}

void TeamPanels::showPresence(const std::vector<team::Presence> &presence)
{
    m_presence->setPeople(toTeamPeople(presence));
}

void TeamPanels::showComments(const std::vector<team::Comment> &comments)
{
    if (m_dock)
        m_comments->setComments(toTeamComments(comments));
}

TeamHistoryDialog *TeamPanels::showHistory(const std::vector<TeamVersion> &versions, const QString &mapTitle)
{
    if (m_history) {
        m_history->setVersions(versions);
    } else {
        m_history = new TeamHistoryDialog(versions, mapTitle, m_window);
        m_history->setAttribute(Qt::WA_DeleteOnClose);
        emit historyOpened(m_history);
    }
    m_history->show();
    m_history->raise();
    return m_history;
}

void TeamPanels::setViewer(bool viewer)
{
    if (m_dock)
        m_comments->setCanPost(!viewer, viewer ? tr("You are a viewer of this map: you can read the comments but "
                                                    "not post, reply or resolve.")
                                               : QString());
}

} // namespace cjm
