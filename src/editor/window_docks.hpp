#pragma once
// The docks around a window's canvas: Palette, Inspector, Structure, Undo
// History, Conflicts, Compare, Touchpoint Audit and Insights. Where each
// starts, which panels are closed until needed, and which go grey while the
// map is read-only. A panel that points at a card selects it on the canvas.

#include <QList>
#include <QObject>
#include <string>

#include "cjm/document.hpp"

class QDockWidget;
class QMainWindow;
class QWidget;

namespace cjm {

class ComparePanel;
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

private:
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
    QList<QWidget *> m_editingWidgets;
};

} // namespace cjm
