#pragma once
// The team library in a window (#20): File ▸ Open from Team Library… and
// Save to Team Library…, the link in the status bar ("Online", "Offline — 3
// changes waiting", "Syncing… 2"), and, in a window of a team map, its
// session (TeamSession) wired to the message bar, the Conflicts panel and
// teampanels' presence, comments and history (TeamPanels).
//
// Save (Ctrl+S) in a team window writes nothing: every edit is sent as it is
// made (or journalled until the server can be reached), so Save syncs at
// once and says so; Save As… writes a copy to a file and the window stays
// the team map's.
//
// cjm-studio --team-db CONNINFO --team-map ID opens a team map at start
// (src/app/main.cpp: commandLineProblem, then openMap).
// Test hook (tests/gui/team_xvfb.sh): CJM_STUDIO_TEAM_DUMP=PATH writes the window's map to PATH after each change
// (and PATH.cards: "card ID X Y", each shown card's centre on screen).

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QLabel;
class QMenu;

namespace cjm {

class MainWindow;
class TeamPanels;
class TeamSession;

class TeamActions : public QObject {
    Q_OBJECT
public:
    // Adds its label to the window's status bar; placeIn() puts its
    // actions in the File menu.
    explicit TeamActions(MainWindow *window);
    // At every (re)build of the menus (View ▸ Language): the actions go
    // before `before` in `file`, their texts in the language now.
    // `view` gets the Comments dock's toggle once a team map is open.
    void placeIn(QMenu *file, QAction *before, QMenu *view = nullptr);

    static TeamActions *of(const QWidget *window);
    // MainWindow::save() in a team window: syncs and says that every edit is
    // sent as made. False for a file window (then Save saves the file).
    static bool saveTeamMap(MainWindow *window);

    QAction *openAction() const { return m_open; }
    QAction *saveAction() const { return m_save; }
    QLabel *linkLabel() const { return m_link; }
    TeamSession *session() const;
    TeamPanels *panels() const { return m_panels; }

    // Opens `mapId` in `from` when it holds an untouched new map, else in a
    // new window, shown once the map has arrived (deleted if it cannot be
    // opened, after saying why). Returns that window.
    static MainWindow *openMap(const QString &conninfo, const QString &mapId, MainWindow *from,
                               const QString &access = QString(), const QString &journalPath = QString());
    // What is wrong with cjm-studio's --team-db / --team-map (`hasDb`,
    // `hasMap`: given at all), in words that name the option; empty when
    // they can be tried.
    static QString commandLineProblem(bool hasDb, const QString &conninfo, bool hasMap, const QString &mapId);
    // This window edits `mapId` from now on (after Save to Team Library).
    void attach(const QString &conninfo, const QString &mapId, const QString &access,
                const QString &journalPath = QString());

public slots:
    void openFromLibrary();
    void saveToLibrary();

private:
    void sessionOpened();
    void updateLink();
    void writeDumpForTests();

    MainWindow *m_window;
    QPointer<QMenu> m_file;
    QPointer<QMenu> m_view;
    QAction *m_open;
    QAction *m_save;
    QAction *m_history = nullptr;
    QLabel *m_link;
    QPointer<TeamSession> m_session;
    TeamPanels *m_panels = nullptr;
    QString m_access;
    bool m_showWhenOpened = false;
};

} // namespace cjm
