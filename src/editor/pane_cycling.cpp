#include "pane_cycling.hpp"

#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QScrollArea>
#include <QShortcut>
#include <algorithm>

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

namespace {

bool takesTabFocus(const QWidget *widget, const QWidget *pane)
{
    return (widget->focusPolicy() & Qt::TabFocus) && widget->isEnabled() && widget->isVisibleTo(pane);
}

// A scroll area around other widgets (the Inspector's form) takes the focus
// but shows none and takes no typing: a keyboard user on it is stuck. It is
// passed over for the first field inside it. (Views that scroll, such as a
// list or the canvas, are what they show and keep the focus.)
bool isFieldContainer(const QWidget *widget, const QWidget *pane)
{
    const auto *area = qobject_cast<const QScrollArea *>(widget);
    if (!area || !area->widget())
        return false;
    const auto children = area->widget()->findChildren<QWidget *>();
    return std::any_of(children.begin(), children.end(),
                       [pane](const QWidget *child) { return takesTabFocus(child, pane); });
}

// The widget F6 gives the focus to in `content` (a dock's widget or the
// canvas): the content itself if it takes the focus (or hands it to its
// focus proxy); else the first widget in its focus chain that takes Tab focus
// and is not a container of fields; else the first container; else the
// content, so that the next F6 still knows where it is.
QWidget *focusTargetIn(QWidget *content)
{
    if (content->focusProxy() || ((content->focusPolicy() & Qt::TabFocus) && !isFieldContainer(content, content)))
        return content;
    QWidget *container = nullptr;
    // The whole ring: a form built again later (the Inspector's, at every
    // selection) is appended at the window's end of the chain, after widgets
    // of other panes.
    for (QWidget *w = content->nextInFocusChain(); w && w != content; w = w->nextInFocusChain()) {
        if (!content->isAncestorOf(w) || !takesTabFocus(w, content))
            continue;
        if (!isFieldContainer(w, content))
            return w;
        if (!container)
            container = w;
    }
    return container ? container : content;
}

} // namespace

void PaneCycling::focusPane(QWidget *pane)
{
    QWidget *content = pane;
    if (auto *dock = qobject_cast<QDockWidget *>(pane)) {
        dock->show();
        dock->raise(); // brings a tabified dock to the front of its tab group
        content = dock->widget();
    }
    QWidget *target = focusTargetIn(content);
    if (QWidget *window = target->window(); window && !window->isActiveWindow())
        window->activateWindow();
    target->setFocus(Qt::ShortcutFocusReason);
    // The field is scrolled into sight (the Inspector may be scrolled down,
    // its first field out of view).
    for (QWidget *p = target->parentWidget(); p && p != pane->parentWidget(); p = p->parentWidget())
        if (auto *area = qobject_cast<QScrollArea *>(p); area && area->widget() && area->widget()->isAncestorOf(target))
            area->ensureWidgetVisible(target);
}

} // namespace cjm
