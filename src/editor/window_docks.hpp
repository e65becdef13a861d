#pragma once
// The docks around a window's canvas: Palette, Inspector, Structure, Undo
// History, Conflicts, Compare, Touchpoint Audit and Insights. Where each
// starts, which panels are closed until needed, and which go grey while the
// map is read-only. A panel that points at a card selects it on the canvas.

#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <string>
#include <vector>

#include "cjm/document.hpp"

class QDockWidget;
class QMainWindow;
class QWidget;

namespace cjm {

class ComparePanel;
class ConflictPanel;
class DocumentController;
class MapScene;
class MapView;
class MessageBar;

class WindowDocks : public QObject {
    Q_OBJECT
public:
    // Adds the docks to `window`; `bar` is where the Conflicts news goes.
    WindowDocks(QMainWindow *window, DocumentController *controller, MapScene *scene, MapView *view, MessageBar *bar);

    // Every dock, in the order the View menu lists their toggles.
    const QList<QDockWidget *> &docks() const { return m_docks; }

    // A panel of another feature (the team library's) in a dock of its own,
    // placed in `area` (a tab of the bottom dock when `bottom`, hidden until
    // shown). `build` makes the panel: now, and again after each change of
    // the UI language, so every tr() in it is asked anew; it gets the panel it
    // replaces (null the first time) to carry its state over. `title` gives
    // the dock's title the same way. `editing`: off while the map is
    // read-only. panelAdded() tells the window to list its toggle.
    QDockWidget *addPanel(const QString &objectName, std::function<QString()> title, Qt::DockWidgetArea area,
                          std::function<QWidget *(QWidget *previous)> build, bool editing = false);

    // The UI language changed: every dock's title and panel are built again
    // from the same builders, each new panel taking over what the old one
    // showed (the Inspector's subject, the comparison, the audit's sort and
    // filters, tabs and scroll positions). The docks themselves stay, so
    // which are open, tabbed, floating and how large is kept.
    void retranslate();
    // The panels that edit the map: off while it is read-only.
    void setEditingEnabled(bool enabled);
    // A map merged by `cjm merge` with conflicts: shows the Conflicts panel
    // and says so in the bar.
    void showConflictsIfAny();
    // Shows the Compare panel with the differences from `other`.
    void showComparison(Document other, const QString &otherName);
    // Shows one of the panels under the map (a tab of the bottom dock) at a
    // height where it can be read.
    void showBottomDock(QDockWidget *dock);

signals:
    void panelAdded(QDockWidget *dock);

private:
    struct Panel {
        QDockWidget *dock;
        std::function<QString()> title;
        std::function<QWidget *(QWidget *previous)> build;
        bool editing;
    };
    QDockWidget *addDock(const QString &objectName, std::function<QString()> title, Qt::DockWidgetArea area,
                         std::function<QWidget *(QWidget *previous)> build, bool editing);
    void buildPanel(Panel &panel);
    void showCard(const std::string &id);

    QMainWindow *m_window;
    DocumentController *m_controller;
    MapScene *m_scene;
    MapView *m_view;
    MessageBar *m_messageBar;
    QDockWidget *m_conflictDock = nullptr;
    QDockWidget *m_compareDock = nullptr;
    ComparePanel *m_comparePanel = nullptr;
    QList<QDockWidget *> m_docks;
    QList<QDockWidget *> m_bottomDocks;
    std::vector<Panel> m_panels;
    bool m_editingEnabled = true;
};

} // namespace cjm
