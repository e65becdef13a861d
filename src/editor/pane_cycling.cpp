#include "pane_cycling.hpp"

#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QShortcut>

namespace cjm {

PaneCycling::PaneCycling(QMainWindow *window, QWidget *canvas) : QObject(window), m_window(window), m_canvas(canvas)
{
    // WidgetWithChildren (not Window): a floating dock is its own window but
    // still the main window's child, so F6 also leaves a floating dock.
    auto *next = new QShortcut(QKeySequence(Qt::Key_F6), window);
    next->setContext(Qt::WidgetWithChildrenShortcut);
    connect(next, &QShortcut::activated, this, [this] { cycle(1); });
    auto *previous = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6), window);
    previous->setContext(Qt::WidgetWithChildrenShortcut);
    connect(previous, &QShortcut::activated, this, [this] { cycle(-1); });
}

QList<QWidget *> PaneCycling::panes() const
{
    QList<QWidget *> result;
    if (m_canvas)
        result << m_canvas.data();
    for (const char *name : {"paletteDock", "inspectorDock", "structureDock"})
        if (auto *dock = m_window->findChild<QDockWidget *>(QLatin1String(name)); dock && dock->widget())
            result << dock;
    return result;
}

int PaneCycling::currentPane(const QList<QWidget *> &panes) const
{
    const QWidget *focus = QApplication::focusWidget();
    for (int i = 0; focus && i < panes.size(); ++i)
        if (panes[i] == focus || panes[i]->isAncestorOf(focus))
            return i;
    return -1; // focus elsewhere (toolbar, find bar, another dock): F6 starts at the canvas
}

void PaneCycling::cycle(int step)
{
    const QList<QWidget *> list = panes();
    if (list.isEmpty())
        return;
    const int current = currentPane(list);
    const int count = int(list.size());
    const int target = current < 0 ? (step > 0 ? 0 : count - 1) : ((current + step) % count + count) % count;
    focusPane(list[target]);
}

void PaneCycling::focusPane(QWidget *pane)
{
    QWidget *content = pane;
    if (auto *dock = qobject_cast<QDockWidget *>(pane)) {
        dock->show();
        dock->raise(); // brings a tabified dock to the front of its tab group
        content = dock->widget();
    }
    // The first widget inside the pane that takes Tab focus; a container with
    // no such child takes the focus itself so the next F6 still knows where it is.
    QWidget *target = content;
    if (!(content->focusPolicy() & Qt::TabFocus)) {
        for (QWidget *w = content->nextInFocusChain(); w && w != content; w = w->nextInFocusChain()) {
            if (!content->isAncestorOf(w))
                continue;
            if ((w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(content) && w->isEnabled()) {
                target = w;
                break;
            }
        }
    }
    if (QWidget *window = target->window(); window && !window->isActiveWindow())
        window->activateWindow();
    target->setFocus(Qt::ShortcutFocusReason);
}

} // namespace cjm
