#include "window_docks.hpp"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QTimer>
#include <QUndoView>
#include <algorithm>
#include <unordered_set>
#include <utility>

#include "audit_panel.hpp"
#include "cjm/merge.hpp"
#include "compare_panel.hpp"
#include "conflict_panel.hpp"
#include "document_controller.hpp"
#include "insights_panel.hpp"
#include "inspector_widget.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "message_bar.hpp"
#include "palette_widget.hpp"
#include "structure_panel.hpp"

namespace cjm {

WindowDocks::WindowDocks(QMainWindow *window, DocumentController *controller, MapScene *scene, MapView *view,
                         MessageBar *bar)
    : QObject(window), m_window(window), m_controller(controller), m_scene(scene), m_view(view), m_messageBar(bar)
{
    auto *paletteDock = new QDockWidget(tr("Palette"), window);
    paletteDock->setObjectName(QStringLiteral("paletteDock"));
    auto *palette = new PaletteWidget(paletteDock);
    paletteDock->setWidget(palette);
    window->addDockWidget(Qt::LeftDockWidgetArea, paletteDock);
    auto *inspectorDock = new QDockWidget(tr("Inspector"), window);
    inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    auto *inspector = new InspectorWidget(controller, scene, inspectorDock);
    inspectorDock->setWidget(inspector);
    window->addDockWidget(Qt::RightDockWidgetArea, inspectorDock);
    connect(view, &MapView::stageClicked, inspector, &InspectorWidget::showStage);
    connect(view, &MapView::personaClicked, inspector, &InspectorWidget::showPersona);
    auto *structureDock = new QDockWidget(tr("Structure"), window);
    structureDock->setObjectName(QStringLiteral("structureDock"));
    structureDock->setWidget(new StructurePanel(controller, scene, structureDock));
    window->addDockWidget(Qt::LeftDockWidgetArea, structureDock);
    window->tabifyDockWidget(paletteDock, structureDock);
    paletteDock->raise();
    auto *historyDock = new QDockWidget(tr("Undo History"), window);
    historyDock->setObjectName(QStringLiteral("historyDock"));
    historyDock->setWidget(new QUndoView(controller->undoStack(), historyDock));
    window->addDockWidget(Qt::RightDockWidgetArea, historyDock);
    historyDock->hide();
    // Teammates' versions: merge conflicts to settle, and another version to compare with.
    m_conflictDock = new QDockWidget(tr("Conflicts"), window);
    m_conflictDock->setObjectName(QStringLiteral("conflictDock"));
    auto *conflicts = new ConflictPanel(controller, m_conflictDock);
    m_conflictDock->setWidget(conflicts);
    // The last conflict settled: the bar that announced them has done its job.
    connect(conflicts, &ConflictPanel::conflictCountChanged, this, [this](int count) {
        if (count == 0 && m_messageBar->topic() == QStringLiteral("conflicts"))
            m_messageBar->hide();
    });
    window->addDockWidget(Qt::BottomDockWidgetArea, m_conflictDock);
    m_conflictDock->hide();
    m_compareDock = new QDockWidget(tr("Compare"), window);
    m_compareDock->setObjectName(QStringLiteral("compareDock"));
    m_comparePanel = new ComparePanel(controller, scene, m_compareDock);
    m_compareDock->setWidget(m_comparePanel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_compareDock);
    m_compareDock->hide();
    connect(conflicts, &ConflictPanel::showCard, this, &WindowDocks::showCard);
    connect(m_comparePanel, &ComparePanel::showCard, this, &WindowDocks::showCard);
    // The touchpoint audit: a table of every touchpoint's six ratings.
    auto *auditDock = new QDockWidget(tr("Touchpoint Audit"), window);
    auditDock->setObjectName(QStringLiteral("auditDock"));
    auto *audit = new AuditPanel(controller, auditDock);
    auditDock->setWidget(audit);
    window->addDockWidget(Qt::BottomDockWidgetArea, auditDock);
    auditDock->hide();
    connect(audit, &AuditPanel::showCard, this, &WindowDocks::showCard);
    auto *insightsDock = new QDockWidget(tr("Insights"), window);
    insightsDock->setObjectName(QStringLiteral("insightsDock"));
    insightsDock->setWidget(new InsightsPanel(scene, insightsDock));
    window->addDockWidget(Qt::BottomDockWidgetArea, insightsDock);
    insightsDock->hide();
    // The panels under the map share one bottom dock as tabs: opened one
    // after another they would each take a slice of the height and leave the
    // map a third of the window.
    m_bottomDocks = {m_conflictDock, m_compareDock, auditDock, insightsDock};
    for (QDockWidget *dock : std::as_const(m_bottomDocks)) {
        connect(dock->toggleViewAction(), &QAction::triggered, this, [this, dock](bool shown) {
            if (shown)
                showBottomDock(dock);
        });
    }
    // Compare has nothing to show until File ▸ Compare With... gives it a
    // version; it closes with Stop Comparing and is not brought back by the
    // window's saved layout at the next start.
    connect(m_comparePanel, &ComparePanel::stopped, m_compareDock, &QDockWidget::hide);
    connect(m_compareDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_comparePanel->isComparing())
            QTimer::singleShot(0, m_compareDock, &QDockWidget::hide);
    });
    m_docks = {paletteDock,    structureDock, inspectorDock, historyDock,
               m_conflictDock, m_compareDock, auditDock,     insightsDock};
    m_editingWidgets = {palette, inspector, structureDock->widget(), conflicts};
    // First run: narrow docks, so the map gets the room. Later runs restore
    // what the user arranged (the window's saved state).
    window->resizeDocks({paletteDock, inspectorDock}, {210, 320}, Qt::Horizontal);
}

void WindowDocks::setEditingEnabled(bool enabled)
{
    for (QWidget *widget : m_editingWidgets)
        widget->setEnabled(enabled);
}

void WindowDocks::showCard(const std::string &id)
{
    m_scene->setSelectedCards({id});
    if (m_scene->isCardShown(id))
        m_view->centerOn(m_scene->cardPaintRect(id).center());
}

void WindowDocks::showConflictsIfAny()
{
    const std::size_t count = listConflicts(m_controller->document()).size();
    if (count == 0)
        return;
    showBottomDock(m_conflictDock);
    m_messageBar->showMessage(
        tr("This map was merged from two versions and has %n conflict(s): places where both "
           "sides changed the same thing. Settle each in the Conflicts panel.",
           "", static_cast<int>(count)),
        {{tr("Show Conflicts"), [this] { showBottomDock(m_conflictDock); }, QStringLiteral("showConflictsButton")}},
        MessageBar::Tone::Warning, QStringLiteral("conflicts"));
}

void WindowDocks::showComparison(Document other, const QString &otherName)
{
    m_comparePanel->compareWith(std::move(other), otherName);
    showBottomDock(m_compareDock);
}

void WindowDocks::showBottomDock(QDockWidget *dock)
{
    dock->show();
    // Joins a panel already open under the map as its tab (QMainWindow only
    // keeps tab groups of shown docks, so this is done at each opening).
    if (!dock->isFloating() && m_window->dockWidgetArea(dock) == Qt::BottomDockWidgetArea) {
        for (QDockWidget *other : std::as_const(m_bottomDocks)) {
            if (other != dock && other->isVisible() && !other->isFloating() &&
                m_window->dockWidgetArea(other) == Qt::BottomDockWidgetArea) {
                if (!m_window->tabifiedDockWidgets(other).contains(dock))
                    m_window->tabifyDockWidget(other, dock);
                break;
            }
        }
    }
    dock->raise();
    // Tall enough for a table and the Insights chart to be read, while the
    // map keeps most of the window. A height the user dragged is kept.
    const int wanted = std::max(220, m_window->height() * 35 / 100);
    if (dock->height() < wanted * 2 / 3)
        m_window->resizeDocks({dock}, {wanted}, Qt::Vertical);
}

} // namespace cjm
