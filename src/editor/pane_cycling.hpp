#pragma once
// F6 / Shift+F6 move keyboard focus between the window's panes: canvas ->
// Palette -> Inspector -> Structure -> canvas (and back), so a keyboard user
// reaches every dock without the mouse. A dock that is hidden is shown, and a
// dock tabbed behind another is raised, before it takes the focus.

#include <QList>
#include <QObject>
#include <QPointer>

class QMainWindow;
class QWidget;

namespace cjm {

class PaneCycling : public QObject {
    Q_OBJECT
public:
    // Installs the F6 / Shift+F6 shortcuts on `window`; `canvas` is the map
    // view. Docks are found by their object names (paletteDock, inspectorDock,
    // structureDock); a missing one is skipped.
    PaneCycling(QMainWindow *window, QWidget *canvas);

    // Focus the next (step = 1) or previous (step = -1) pane after the one
    // holding the focus now.
    void cycle(int step);

private:
    QList<QWidget *> panes() const;
    int currentPane(const QList<QWidget *> &panes) const;
    static void focusPane(QWidget *pane);

    QMainWindow *m_window;
    QPointer<QWidget> m_canvas;
};

} // namespace cjm
