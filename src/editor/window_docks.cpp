#include "window_docks.hpp"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QMainWindow>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
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
#include "inspector_panel.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "message_bar.hpp"
#include "palette_panel.hpp"
#include "structure_panel.hpp"

namespace cjm {

namespace {

// What a rebuilt panel takes over from the one it replaces, whatever its
// class: the tab shown, the scroll positions and a sorted table's order.
// (A list's current entry and a field's typed text are the panel's own
// takeOver: only the panel knows which entry is which.)
// Widgets are paired in creation order, which the same builder on the same
// map repeats; nothing here can edit the map.
void carryViewState(QWidget *from, QWidget *to)
{
    const auto tabsFrom = from->findChildren<QTabWidget *>(), tabsTo = to->findChildren<QTabWidget *>();
    if (tabsFrom.size() == tabsTo.size())
        for (qsizetype i = 0; i < tabsFrom.size(); ++i)
            tabsTo[i]->setCurrentIndex(tabsFrom[i]->currentIndex());
    const auto tablesFrom = from->findChildren<QTableView *>(), tablesTo = to->findChildren<QTableView *>();
    if (tablesFrom.size() == tablesTo.size())
        for (qsizetype i = 0; i < tablesFrom.size(); ++i)
            if (tablesFrom[i]->isSortingEnabled() && tablesTo[i]->isSortingEnabled())
                tablesTo[i]->sortByColumn(tablesFrom[i]->horizontalHeader()->sortIndicatorSection(),
                                          tablesFrom[i]->horizontalHeader()->sortIndicatorOrder());
    // Scroll ranges exist once the new panel is laid out.
    const auto barsFrom = from->findChildren<QScrollBar *>(), barsTo = to->findChildren<QScrollBar *>();
    if (barsFrom.size() == barsTo.size()) {
        for (qsizetype i = 0; i < barsFrom.size(); ++i)
            QTimer::singleShot(0, barsTo[i], [bar = barsTo[i], value = barsFrom[i]->value()] { bar->setValue(value); });
    }
}

// The audit's filters, by the value each names (the lists are refilled from
// the same map, so the same entries are there).
void carryAuditFilters(AuditPanel *from, AuditPanel *to)
{
    const auto combosFrom = from->findChildren<QComboBox *>(), combosTo = to->findChildren<QComboBox *>();
    if (combosFrom.size() != combosTo.size())
        return;
    for (qsizetype i = 0; i < combosFrom.size(); ++i)
        if (combosFrom[i]->count() == combosTo[i]->count())
            combosTo[i]->setCurrentIndex(combosFrom[i]->currentIndex());
}

} // namespace

// Why the panels are built again rather than taught to retranslate
// themselves: a panel sets most of its words once, when it builds its rows
// and forms (the Inspector's labels per card kind, the Palette's library,
// table headers), so a retranslate function in each would repeat each
// builder and be forgotten for every word added later. Building the panel
// again with the same code cannot forget one, needs nothing from the
// panels' own files, and keeps the docks (so the layout is not touched).
WindowDocks::WindowDocks(QMainWindow *window, DocumentController *controller, MapScene *scene, MapView *view,
                         MessageBar *bar)
    : QObject(window), m_window(window), m_controller(controller), m_scene(scene), m_view(view), m_messageBar(bar)
{
    // The docks' object names ("paletteDock", "inspectorDock", ...) are the
    // keys of the layout QMainWindow::saveState() keeps in the settings: they
    // stay as they are when a panel's class is renamed (InspectorWidget and
    // PaletteWidget became InspectorPanel and PalettePanel), or a user's saved
    // layout would no longer find its docks.
    QDockWidget *paletteDock = addDock(
        QStringLiteral("paletteDock"), [] { return tr("Palette"); }, Qt::LeftDockWidgetArea,
        [](QWidget *previous) {
            auto *palette = new PalettePanel;
            if (auto *old = qobject_cast<PalettePanel *>(previous))
                palette->takeOver(*old);
            return palette;
        },
        true);
    QDockWidget *inspectorDock = addDock(
        QStringLiteral("inspectorDock"), [] { return tr("Inspector"); }, Qt::RightDockWidgetArea,
        [controller, scene, view](QWidget *previous) {
            auto *inspector = new InspectorPanel(controller, scene);
            connect(view, &MapView::stageClicked, inspector, &InspectorPanel::showStage);
            connect(view, &MapView::personaClicked, inspector, &InspectorPanel::showPersona);
            // The same subject as before: a stage or persona clicked, else the selection.
            if (auto *old = qobject_cast<InspectorPanel *>(previous)) {
                if (old->target() == InspectorPanel::Target::Stage)
                    inspector->showStage(old->targetId());
                else if (old->target() == InspectorPanel::Target::Persona)
                    inspector->showPersona(old->targetId());
                else
                    inspector->followSelection();
                inspector->takeTypedText(*old);
            }
            return inspector;
        },
        true);
    QDockWidget *structureDock = addDock(
        QStringLiteral("structureDock"), [] { return tr("Structure"); }, Qt::LeftDockWidgetArea,
        [controller, scene](QWidget *previous) {
            auto *structure = new StructurePanel(controller, scene);
            if (auto *old = qobject_cast<StructurePanel *>(previous))
                structure->takeOver(*old);
            return structure;
        },
        true);
    window->tabifyDockWidget(paletteDock, structureDock);
    paletteDock->raise();
    QDockWidget *historyDock = addDock(
        QStringLiteral("historyDock"), [] { return tr("Undo History"); }, Qt::RightDockWidgetArea,
        [controller](QWidget *) { return new QUndoView(controller->undoStack()); }, false);
    historyDock->hide();
    // Teammates' versions: merge conflicts to settle, and another version to compare with.
    m_conflictDock = addDock(
        QStringLiteral("conflictDock"), [] { return tr("Conflicts"); }, Qt::BottomDockWidgetArea,
        [this, controller](QWidget *) {
            auto *conflicts = new ConflictPanel(controller);
            // The last conflict settled: the bar that announced them has done its job.
            connect(conflicts, &ConflictPanel::conflictCountChanged, this, [this](int count) {
                if (count == 0 && m_messageBar->topic() == QStringLiteral("conflicts"))
                    m_messageBar->hide();
            });
            connect(conflicts, &ConflictPanel::showCard, this, &WindowDocks::showCard);
            return conflicts;
        },
        true);
    m_conflictDock->hide();
    m_compareDock = addDock(
        QStringLiteral("compareDock"), [] { return tr("Compare"); }, Qt::BottomDockWidgetArea,
        [this, controller, scene](QWidget *previous) {
            m_comparePanel = new ComparePanel(controller, scene);
            if (auto *old = qobject_cast<ComparePanel *>(previous))
                m_comparePanel->takeOver(*old);
            connect(m_comparePanel, &ComparePanel::showCard, this, &WindowDocks::showCard);
            connect(m_comparePanel, &ComparePanel::stopped, this, [this] { m_compareDock->hide(); });
            return m_comparePanel;
        },
        false);
    m_compareDock->hide();
    // The touchpoint audit: a table of every touchpoint's six ratings.
    QDockWidget *auditDock = addDock(
        QStringLiteral("auditDock"), [] { return tr("Touchpoint Audit"); }, Qt::BottomDockWidgetArea,
        [this, controller](QWidget *previous) {
            auto *audit = new AuditPanel(controller);
            if (auto *old = qobject_cast<AuditPanel *>(previous))
                carryAuditFilters(old, audit);
            connect(audit, &AuditPanel::showCard, this, &WindowDocks::showCard);
            return audit;
        },
        false);
    auditDock->hide();
    QDockWidget *insightsDock = addDock(
        QStringLiteral("insightsDock"), [] { return tr("Insights"); }, Qt::BottomDockWidgetArea,
        [scene](QWidget *) { return new InsightsPanel(scene); }, false);
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
    connect(m_compareDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_comparePanel->isComparing())
            QTimer::singleShot(0, m_compareDock, &QDockWidget::hide);
    });
    m_docks = {paletteDock,    structureDock, inspectorDock, historyDock,
               m_conflictDock, m_compareDock, auditDock,     insightsDock};
    // First run: narrow docks, so the map gets the room. Later runs restore
    // what the user arranged (the window's saved state).
    window->resizeDocks({paletteDock, inspectorDock}, {210, 320}, Qt::Horizontal);
}

QDockWidget *WindowDocks::addDock(const QString &objectName, std::function<QString()> title, Qt::DockWidgetArea area,
                                  std::function<QWidget *(QWidget *previous)> build, bool editing)
{
    auto *dock = new QDockWidget(m_window);
    dock->setObjectName(objectName);
    m_window->addDockWidget(area, dock);
    m_panels.push_back({dock, std::move(title), std::move(build), editing});
    buildPanel(m_panels.back());
    return dock;
}

QDockWidget *WindowDocks::addPanel(const QString &objectName, std::function<QString()> title, Qt::DockWidgetArea area,
                                   std::function<QWidget *(QWidget *previous)> build, bool editing)
{
    QDockWidget *dock = addDock(objectName, std::move(title), area, std::move(build), editing);
    m_docks.append(dock);
    if (area == Qt::BottomDockWidgetArea) {
        dock->hide();
        m_bottomDocks.append(dock);
        connect(dock->toggleViewAction(), &QAction::triggered, this, [this, dock](bool shown) {
            if (shown)
                showBottomDock(dock);
        });
    }
    emit panelAdded(dock);
    return dock;
}

void WindowDocks::buildPanel(Panel &panel)
{
    QWidget *previous = panel.dock->widget();
    QWidget *widget = panel.build(previous);
    if (previous)
        carryViewState(previous, widget);
    panel.dock->setWindowTitle(panel.title()); // the View menu's toggle follows
    panel.dock->setWidget(widget);
    if (panel.editing)
        widget->setEnabled(m_editingEnabled);
    // The old panel goes now, so no one finds two (findChild) and none of
    // its signals arrive late. Nothing of it is on the stack: a language
    // change is handled from the event loop.
    delete previous;
}

void WindowDocks::retranslate()
{
    QWidget *focused = QApplication::focusWidget();
    bool focusInPanel = false;
    for (const Panel &panel : m_panels)
        focusInPanel = focusInPanel || (focused && panel.dock->widget() && panel.dock->widget()->isAncestorOf(focused));
    for (Panel &panel : m_panels)
        buildPanel(panel);
    if (focusInPanel)
        m_view->setFocus(); // the focused field is gone; the canvas takes the keys
}

void WindowDocks::setEditingEnabled(bool enabled)
{
    m_editingEnabled = enabled;
    for (const Panel &panel : m_panels)
        if (panel.editing && panel.dock->widget())
            panel.dock->widget()->setEnabled(enabled);
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
    m_messageBar->showTranslated([this] {
        m_messageBar->showMessage(
            tr("This map was merged from two versions and has %n conflict(s): places where both "
               "sides changed the same thing. Settle each in the Conflicts panel.",
               "", static_cast<int>(listConflicts(m_controller->document()).size())),
            {{tr("Show Conflicts"), [this] { showBottomDock(m_conflictDock); }, QStringLiteral("showConflictsButton")}},
            MessageBar::Tone::Warning, QStringLiteral("conflicts"));
    });
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
