#pragma once
// The team panels of one window of a team map, together: the presence
// avatars and outlines, the Comments dock and File ▸ History…, with the
// conversions from the engine's data (cjm::team::TeamClient's presence,
// comments and versions) to the panels' own. The team session feeds them;
// the panels ask for what the user does through signals.

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QObject>
#include <QPointer>
#include <QString>
#include <string>
#include <vector>

#include "team_client.hpp"
#include "team_comments.hpp"
#include "team_history.hpp"
#include "team_presence.hpp"

class QToolBar;

namespace cjm {

class MapScene;

// "YYYY-MM-DDThh:mm:ssZ" (the engine's UTC times) as a UTC QDateTime;
// invalid when it is not that.
QDateTime serverTime(const std::string &text);
TeamPerson toTeamPerson(const team::Presence &presence);
std::vector<TeamPerson> toTeamPeople(const std::vector<team::Presence> &presence);
// Threads: a reply to a reply belongs to the thread of the comment it
// answers, so every comment's parentId is its thread's first comment.
std::vector<TeamComment> toTeamComments(const std::vector<team::Comment> &comments);
TeamVersion toTeamVersion(const team::Version &version);
std::vector<TeamVersion> toTeamVersions(const std::vector<team::Version> &versions);

class TeamPanels : public QObject {
    Q_OBJECT
public:
    // Adds the avatars to `toolbar`, the outline overlay to `scene` and the
    // Comments dock to `window` (right side, tabbed with nothing, shown).
    TeamPanels(QMainWindow *window, MapScene *scene, QToolBar *toolbar);
    ~TeamPanels() override;

    TeamPresence *presence() const { return m_presence; }
    CommentsPanel *comments() const { return m_comments; }
    QDockWidget *commentsDock() const { return m_dock; }
    // File ▸ History… for this window: triggers historyWanted().
    QAction *historyAction() const { return m_historyAction; }
    // The History dialog shown now (null when closed).
    TeamHistoryDialog *historyDialog() const { return m_history; }

public slots:
    // The engine's lists, as of its last sync.
    void showPresence(const std::vector<cjm::team::Presence> &presence);
    void showComments(const std::vector<cjm::team::Comment> &comments);
    // Shows (or refreshes) the History dialog with these versions.
    TeamHistoryDialog *showHistory(const std::vector<cjm::TeamVersion> &versions, const QString &mapTitle);
    // A viewer: the comments can be read, not posted.
    void setViewer(bool viewer);

signals:
    // File ▸ History… was chosen: fetch the versions and call showHistory.
    void historyWanted();
    // The History dialog was opened: connect its compareRequested/restoreRequested.
    void historyOpened(cjm::TeamHistoryDialog *dialog);

private:
    QPointer<QWidget> m_window;
    TeamPresence *m_presence;
    QPointer<QDockWidget> m_dock;
    CommentsPanel *m_comments;
    QPointer<QAction> m_historyAction;
    QPointer<TeamHistoryDialog> m_history;
};

} // namespace cjm
