#include "map_view.hpp"

#include <QGraphicsItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QRubberBand>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionGraphicsItem>
#include <QStyleOptionRubberBand>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include <QDragEnterEvent>
#include <QMimeData>

#include "inline_editor.hpp"
#include "map_accessibility.hpp"
#include "map_operations.hpp"
#include "map_scene.hpp"
#include "palette_drop.hpp"
#include "qt_text.hpp"
#include "select_tool.hpp"

namespace cjm {

namespace {
// A map smaller than the window sits at its top-left, like a document
// (a fitted one is centred, see fitToWindow).
constexpr Qt::Alignment kDocumentAlignment = Qt::AlignLeft | Qt::AlignTop;
constexpr int kFrozenShadow = 3; // the soft edge under the frozen stage row
} // namespace

MapView::MapView(MapScene *scene, QWidget *parent) : QGraphicsView(scene, parent), m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(RubberBandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setBackgroundBrush(QColor(0xe9, 0xec, 0xef));
    setFocusPolicy(Qt::StrongFocus);
    // The map as a table of cards for screen readers.
    new MapAccessibility(this);
    setAlignment(kDocumentAlignment);
    // An edit repaints the areas the scene reports. The frozen headers drawn
    // at the window's edge show parts of those areas (the stage row, the
    // persona headers and lane labels left of the content), so each area is
    // also repainted where its frozen copy is drawn, and nothing more: a
    // drag step repaints two cells, not the whole frozen column.
    connect(scene, &MapScene::areasChanged, this, &MapView::repaintSceneAreas);
    // Rows moved (a card dropped into a full cell grows its row): the
    // pixels below each moved row are moved rather than painted again, and
    // only the changed rows and cells are painted (issue 16: a drag step
    // repaints the cells it touched, not the window).
    connect(scene, &MapScene::areasShifted, this, &MapView::repaintShifted);
    // Rubber-band selection: the cards under the band, from the layout.
    connect(this, &QGraphicsView::rubberBandChanged, this, [this](QRect band) {
        if (band.isNull())
            return; // the band was let go
        // The band itself, not the signal's scene points: Qt 6.4 passes the
        // previous mouse position as the band's far corner.
        std::unordered_set<std::string> selection = m_rubberBandBase;
        for (std::string &id : m_scene->mapLayout().cardsIn(mapToScene(band).boundingRect()))
            selection.insert(std::move(id));
        m_scene->setSelectedCards(std::move(selection));
    });
    setAcceptDrops(true);
    m_tool = std::make_unique<SelectTool>(this);
    // After MapAccessibility's own handler (made above), so its focus card is current.
    connect(scene, &MapScene::cardSelectionChanged, this, &MapView::followSelection);
    // A moved card keeps its selection, so no selection signal says so: the
    // focused cell follows the focus card to its new cell whatever moved it
    // (Alt+arrows, a drag, undo and redo, a teammate's edit).
    connect(scene, &MapScene::cardsUpdated, this, [this](const std::vector<std::string> &cardIds) {
        const std::string card = focusCard();
        if (!card.empty() && std::find(cardIds.begin(), cardIds.end(), card) != cardIds.end())
            followSelection();
    });
    // Laid out again: the focused cell may be elsewhere (or another when its
    // persona, lane or stage went); it stays with the focus card if any.
    connect(scene, &MapScene::rebuilt, this, [this] {
        if (!followSelection())
            if (const std::optional<Cell> cell = focusedCell())
                setFocusedCell(cell->band, cell->row, cell->stage);
        viewport()->update();
    });
}

MapView::~MapView() = default;

void MapView::repaintSceneAreas(const std::vector<QRectF> &areas)
{
    if (areas.empty()) {
        viewport()->update();
        return;
    }
    const MapLayout &layout = m_scene->mapLayout();
    const MapMetrics &m = layout.style().metrics;
    const qreal scale = zoom();
    const QPointF origin = viewportTransform().map(QPointF(0, 0));
    const bool pinTop = origin.y() + m.titleHeight * scale < 0;
    const bool pinLeft = origin.x() < 0;
    const QRect visible = viewport()->rect();
    for (const QRectF &area : areas) {
        // Two pixels more for antialiased edges, as Qt's own view does.
        const QRect shown = mapFromScene(area).boundingRect().adjusted(-2, -2, 2, 2);
        if (!(shown & visible).isEmpty())
            viewport()->update(shown & visible);
        if (pinTop && area.intersects(layout.stageHeaderRowRect())) {
            const int height = static_cast<int>(std::ceil(m.stageHeaderHeight * scale)) + kFrozenShadow;
            const QRect frozen = QRect(shown.left(), 0, shown.width(), height) & visible;
            if (!frozen.isEmpty())
                viewport()->update(frozen);
        }
        if (pinLeft && area.left() < layout.contentLeft()) {
            // Drawn at the window's left edge, scene x 0 at pixel 0: only
            // the area's part left of the content, not the whole column.
            const int left = std::max(0, static_cast<int>(std::floor(area.left() * scale)) - 2);
            const int right = static_cast<int>(std::ceil(std::min(area.right(), layout.contentLeft()) * scale)) + 2;
            const QRect frozen = QRect(left, shown.top(), right - left, shown.height()) & visible;
            if (!frozen.isEmpty())
                viewport()->update(frozen);
        }
    }
}

void MapView::repaintShifted(const MapRepaint &repaint)
{
    // Moved pixels equal painted ones only when each shift is whole pixels;
    // what is drawn over the map at fixed places of the window (the drop
    // marker and readout, the rubber band) must not move with them.
    const qreal scale = zoom();
    const bool wholePixels = std::all_of(repaint.shifts.begin(), repaint.shifts.end(), [&](const MapShift &shift) {
        const qreal pixels = shift.by * scale;
        return std::abs(pixels - std::round(pixels)) < 1e-6;
    });
    if (!wholePixels || !m_dropMarker.isNull() || !m_readoutText.isEmpty() || !rubberBandRect().isEmpty()) {
        repaintSceneAreas(repaint.areas);
        return;
    }
    // The stage row pinned at the top does not move.
    const MapMetrics &m = m_scene->mapLayout().style().metrics;
    const bool pinTop = viewportTransform().map(QPointF(0, 0)).y() + m.titleHeight * scale < 0;
    const int frozenTop = pinTop ? static_cast<int>(std::ceil(m.stageHeaderHeight * scale)) + kFrozenShadow : 0;
    const QRect visible = viewport()->rect();
    // In order, each from the picture as the shifts before it left it; the
    // strips a move exposes are repainted by Qt.
    for (const MapShift &shift : repaint.shifts) {
        const int top = std::max(mapFromScene(QPointF(0, shift.from)).y(), frozenTop);
        if (top < visible.bottom())
            viewport()->scroll(0, qRound(shift.by * scale), QRect(0, top, visible.width(), visible.height() - top));
    }
    repaintSceneAreas(repaint.areasAfterShifts);
}

void MapView::setDropMarker(const QLineF &marker)
{
    if (marker == m_dropMarker)
        return;
    m_dropMarker = marker;
    viewport()->update();
}

void MapView::setDropReadout(const QPointF &scenePos, const QString &text, std::optional<int> score)
{
    if (text == m_readoutText && score == m_readoutScore && (text.isEmpty() || scenePos == m_readoutPos))
        return;
    m_readoutPos = scenePos;
    m_readoutText = text;
    m_readoutScore = text.isEmpty() ? std::nullopt : score;
    viewport()->update();
}

std::optional<MapView::Cell> MapView::focusedCell() const
{
    const MapLayout &layout = m_scene->mapLayout();
    const auto &bands = layout.bands();
    const auto &stages = layout.stages();
    if (bands.empty() || stages.empty())
        return std::nullopt;
    auto indexOf = [](const auto &items, auto same, int fallback) {
        for (std::size_t i = 0; i < items.size(); ++i)
            if (same(items[i]))
                return static_cast<int>(i);
        return std::clamp(fallback, 0, static_cast<int>(items.size()) - 1);
    };
    Cell cell;
    cell.band = indexOf(
        bands, [&](const auto &b) { return b.personaId == m_focus.personaId; }, m_focus.at.band);
    cell.stage = indexOf(
        stages, [&](const auto &st) { return st.stageId == m_focus.stageId; }, m_focus.at.stage);
    // A band without rows (every lane hidden) has no cells: the nearest band with some.
    for (int step = 0; step < static_cast<int>(bands.size()); ++step) {
        const int b = (cell.band + step) % static_cast<int>(bands.size());
        if (!bands[static_cast<std::size_t>(b)].rows.empty()) {
            const auto &rows = bands[static_cast<std::size_t>(b)].rows;
            cell.row = indexOf(
                rows, [&](const auto &r) { return r.laneId == m_focus.laneId; }, b == cell.band ? m_focus.at.row : 0);
            cell.band = b;
            return cell;
        }
    }
    return std::nullopt;
}

void MapView::setFocusedCell(int band, int row, int stage)
{
    const MapLayout &layout = m_scene->mapLayout();
    if (band < 0 || stage < 0 || band >= static_cast<int>(layout.bands().size()) ||
        stage >= static_cast<int>(layout.stages().size()))
        return;
    const auto &rows = layout.bands()[static_cast<std::size_t>(band)].rows;
    if (row < 0 || row >= static_cast<int>(rows.size()))
        return;
    const std::optional<Cell> before = focusedCell();
    const CellIds old = m_focus;
    m_focus.personaId = layout.bands()[static_cast<std::size_t>(band)].personaId;
    m_focus.laneId = rows[static_cast<std::size_t>(row)].laneId;
    m_focus.stageId = layout.stages()[static_cast<std::size_t>(stage)].stageId;
    m_focus.at = Cell{band, row, stage};
    // The same place may be another cell: its persona, lane or stage went
    // and a neighbour took the place (it is announced as the new focus).
    if (before == m_focus.at && old.personaId == m_focus.personaId && old.laneId == m_focus.laneId &&
        old.stageId == m_focus.stageId)
        return;
    updateCellArea(before);
    updateCellArea(m_focus.at);
    emit focusedCellChanged();
}

QRectF MapView::focusedCellRect() const
{
    const std::optional<Cell> cell = focusedCell();
    return cell ? m_scene->mapLayout().cellRect(cell->band, cell->row, cell->stage) : QRectF();
}

void MapView::updateCellArea(const std::optional<Cell> &cell)
{
    if (!cell)
        return;
    const MapLayout &layout = m_scene->mapLayout();
    if (cell->band >= static_cast<int>(layout.bands().size()) ||
        cell->stage >= static_cast<int>(layout.stages().size()) ||
        cell->row >= static_cast<int>(layout.bands()[static_cast<std::size_t>(cell->band)].rows.size()))
        return;
    const QRect shown = mapFromScene(layout.cellRect(cell->band, cell->row, cell->stage)).boundingRect();
    viewport()->update(shown.adjusted(-3, -3, 3, 3));
}

std::string MapView::focusCard() const
{
    const MapAccessibility *accessibility = MapAccessibility::of(this);
    std::string cardId = accessibility ? accessibility->focusCard() : std::string();
    if (cardId.empty()) {
        const std::vector<std::string> selected = m_scene->selectedCardIds();
        if (!selected.empty())
            cardId = selected.front();
    }
    return cardId;
}

bool MapView::followSelection()
{
    const std::string cardId = focusCard();
    if (cardId.empty())
        return false; // nothing selected: the focus stays on its cell
    const auto place = m_scene->mapLayout().cardPlace(cardId);
    if (!place)
        return false;
    setFocusedCell(place->band, place->row, place->stage);
    return true;
}

void MapView::focusInEvent(QFocusEvent *event)
{
    QGraphicsView::focusInEvent(event);
    updateCellArea(focusedCell());
}

void MapView::focusOutEvent(QFocusEvent *event)
{
    QGraphicsView::focusOutEvent(event);
    updateCellArea(focusedCell());
}

void MapView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (std::abs(zoom - this->zoom()) < 1e-9)
        return;
    setTransform(QTransform::fromScale(zoom, zoom));
    emit zoomChanged(zoom);
}

void MapView::zoomAround(qreal factor, const QPointF &viewportAnchor)
{
    const QPointF sceneAnchor = mapToScene(viewportAnchor.toPoint());
    setAlignment(kDocumentAlignment); // no longer fitted (see fitToWindow)
    const ViewportAnchor old = transformationAnchor();
    setTransformationAnchor(NoAnchor);
    setZoom(zoom() * factor);
    // Keep the point under the cursor where it was.
    const QPointF moved = mapFromScene(sceneAnchor);
    const QPointF delta = moved - viewportAnchor;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + static_cast<int>(std::lround(delta.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + static_cast<int>(std::lround(delta.y())));
    setTransformationAnchor(old);
}

void MapView::zoomIn() { zoomAround(1.25, viewport()->rect().center()); }
void MapView::zoomOut() { zoomAround(0.8, viewport()->rect().center()); }
void MapView::resetZoom()
{
    setAlignment(kDocumentAlignment);
    setZoom(1.0);
}

void MapView::fitToWindow()
{
    const QRectF bounds = m_scene->mapLayout().bounds();
    if (bounds.isEmpty())
        return;
    // The whole scene (the map and the margin around it) fits the window
    // without scroll bars, which appear only for an ongoing zoom: the size
    // the viewport has without them. A hair less, so rounding never brings
    // one back.
    const QRectF scene = sceneRect();
    const QSizeF area = maximumViewportSize();
    const qreal zoom = std::min(area.width() / scene.width(), area.height() / scene.height()) * 0.995;
    // A fitted map is smaller than the window along one axis: centred there,
    // not left at the top-left (the margin around the map is the same on
    // each side, so centring the scene centres the map). Zooming by hand
    // puts it back at the top-left, like a document (see zoomAround).
    setAlignment(Qt::AlignCenter);
    setZoom(zoom);
    // QGraphicsView centres in whole pixels, truncating twice (up to 1.5 px
    // off centre). It centres the scene as the transform places it, so a
    // translation that already puts the scene's centre at the window's
    // middle pixel leaves it nothing to round: the map lands centred to the
    // half pixel (an odd window has no middle pixel).
    const QPoint middle(area.toSize().width() / 2, area.toSize().height() / 2); // in whole pixels, as Qt's
    const QPointF shift = QPointF(middle) - scene.center() * zoom;
    setTransform(QTransform(zoom, 0, 0, zoom, shift.x(), shift.y()));
    centerOn(bounds.center());
}

void MapView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        zoomAround(std::pow(1.15, steps), event->position());
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        // Shift+wheel scrolls sideways, as in spreadsheets and browsers.
        QScrollBar *bar = horizontalScrollBar();
        bar->setValue(bar->value() - event->angleDelta().y() / 120 * bar->singleStep() * 3);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panStart = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (m_tool->mousePress(event)) {
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        // A click on empty space clears the selection; with Ctrl, the
        // rubber band adds to it.
        const bool extend = event->modifiers() & Qt::ControlModifier;
        m_rubberBandBase = extend ? m_scene->selectedCards() : std::unordered_set<std::string>();
        if (!extend)
            m_scene->clearCardSelection();
    }
    QGraphicsView::mousePressEvent(event);
}

void MapView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panStart;
        m_panStart = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    if (m_tool->mouseMove(event)) {
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void MapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    if (m_tool->mouseRelease(event)) {
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void MapView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_tool->mouseDoubleClick(event)) {
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void MapView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    // Insert (or Ctrl+Enter) adds a card of the lane's kind in the focused
    // cell, after the selected card when it is there. Enter edits the one
    // selected card; with none, it adds a card as a double-click on the
    // cell does.
    // Only plain Insert: Shift+Insert and Ctrl+Insert are Paste and Copy on
    // Linux and Windows. The keypad's Enter (and Insert, keypad 0 without
    // Num Lock) carry the keypad modifier: they count as the main keys.
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if ((event->key() == Qt::Key_Insert && modifiers == Qt::NoModifier) ||
        (enter && modifiers == Qt::ControlModifier)) {
        addCardInFocusedCell();
        event->accept();
        return;
    }
    if (enter && modifiers == Qt::NoModifier) {
        const std::vector<std::string> selected = m_scene->selectedCardIds();
        if (selected.size() == 1)
            editCardText(selected.front());
        else if (selected.empty() && !m_tool->selectFirstCardInFocusedCell())
            addCardInFocusedCell();
        event->accept();
        return;
    }
    if (m_tool->keyPress(event)) {
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void MapView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        m_panning = false;
        viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void MapView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    // A scene being destroyed detaches itself, which moves the scroll bars:
    // by then it is no MapScene any more.
    if (scene() != m_scene)
        return;
    // The frozen headers do not scroll with the pixels: repaint them (and
    // the strip they were scrolled into), not the whole window.
    updateFrozenHeaders(dx, dy);
}

void MapView::updateFrozenHeaders(int dx, int dy)
{
    // Called after the scroll: (dx, dy) is how far the pixels moved, so the
    // map's origin was at origin - (dx, dy) before it.
    const MapLayout &layout = m_scene->mapLayout();
    const MapMetrics &m = layout.style().metrics;
    const qreal scale = zoom();
    const QPointF origin = viewportTransform().map(QPointF(0, 0));
    const qreal stageRowTop = origin.y() + m.titleHeight * scale;
    const bool topPinned = stageRowTop < 0 || stageRowTop - dy < 0;
    const bool leftPinned = origin.x() < 0 || origin.x() - dx < 0;
    // Frozen strips move with the map along their length (a scroll moves
    // their pixels correctly); only a scroll across them needs them
    // repainted (an edit repaints its own areas, see areasChanged).
    if (topPinned && dy != 0) {
        constexpr int kShadow = 3; // the soft edge under the frozen stage row
        const int height = static_cast<int>(std::ceil(m.stageHeaderHeight * scale)) + std::abs(dy) + kShadow;
        viewport()->update(QRect(0, 0, viewport()->width(), height));
    }
    if (leftPinned && dx != 0) {
        const int width = static_cast<int>(std::ceil(layout.contentLeft() * scale)) + std::abs(dx) + 1;
        viewport()->update(QRect(0, 0, width, viewport()->height()));
    }
}

void MapView::paintEvent(QPaintEvent *event)
{
    // The map has no item per card: the exposed area is painted straight
    // from the layout through MapPainter, the code every exporter uses. A
    // repaint costs the cells in the exposed area, not the map's size.
    // Zoomed out below kBlockDetail, paintCards draws every card as its
    // coloured block in one pass over the layout's cells.
    if (scene() != m_scene)
        return; // the scene is being destroyed
    const QRegion exposed = event->region();
    QPainter painter(viewport());
    painter.setRenderHints(renderHints());
    auto paintArea = [&](const QRect &area) {
        painter.setClipRect(area);
        painter.setWorldTransform(viewportTransform());
        // A pixel more: antialiased edges reach into the neighbouring pixel.
        const QRectF sceneArea = mapToScene(area.adjusted(-1, -1, 1, 1)).boundingRect();
        drawBackground(&painter, sceneArea);
        m_scene->paintArea(&painter, sceneArea, zoom());
        // Overlays the scene holds as items (teammates' selections,
        // team_presence.cpp); none on a file map: one empty index lookup.
        const QList<QGraphicsItem *> overlays =
            m_scene->items(sceneArea, Qt::IntersectsItemBoundingRect, Qt::AscendingOrder);
        for (QGraphicsItem *item : overlays) {
            if (!item->isVisible())
                continue;
            painter.save();
            painter.setWorldTransform(item->sceneTransform() * viewportTransform());
            QStyleOptionGraphicsItem option;
            option.exposedRect = item->boundingRect();
            item->paint(&painter, &option, viewport());
            painter.restore();
        }
        painter.resetTransform();
    };
    // Separate areas (two cells a card moved between, the seam of a row that
    // grew and the strip its move exposed) are painted one by one while they
    // cover well under their bounding rectangle; many small ones, or ones
    // that nearly fill it, are painted as that rectangle.
    // The map under the frozen headers is hidden by them: not painted.
    const QRegion mapExposed = exposed - frozenHeadersCover();
    const QRect bounding = mapExposed.boundingRect();
    qint64 separate = 0;
    for (const QRect &area : mapExposed)
        separate += static_cast<qint64>(area.width()) * area.height();
    if (mapExposed.rectCount() <= 32 && 3 * separate <= 2 * static_cast<qint64>(bounding.width()) * bounding.height())
        for (const QRect &area : mapExposed)
            paintArea(area);
    else if (!bounding.isEmpty())
        paintArea(bounding);
    painter.setClipRegion(exposed);
    painter.setWorldTransform(viewportTransform());
    drawForeground(&painter, mapToScene(exposed.boundingRect()).boundingRect());
    if (dragMode() == RubberBandDrag && !rubberBandRect().isEmpty()) {
        painter.resetTransform();
        QStyleOptionRubberBand option;
        option.initFrom(viewport());
        option.rect = rubberBandRect();
        option.shape = QRubberBand::Rectangle;
        QStyleHintReturnMask mask;
        if (viewport()->style()->styleHint(QStyle::SH_RubberBand_Mask, &option, viewport(), &mask))
            painter.setClipRegion(mask.region, Qt::IntersectClip);
        viewport()->style()->drawControl(QStyle::CE_RubberBand, &option, &painter, viewport());
    }
}

void MapView::drawForeground(QPainter *painter, const QRectF &)
{
    drawFocusedCell(painter);
    if (!m_dropMarker.isNull()) {
        painter->save();
        painter->setPen(QPen(QColor(0x1e, 0x88, 0xe5), 3 / zoom(), Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(m_dropMarker);
        painter->restore();
    }
    drawFrozenHeaders(painter);
    drawReadout(painter); // over the frozen headers too
}

namespace {
// The readout's parts in viewport pixels: the box, the face in it, the text.
struct ReadoutGeometry {
    QRect box, face, text;
};
ReadoutGeometry readoutGeometry(const QFontMetrics &metrics, const QString &text, bool withFace, const QPoint &at)
{
    ReadoutGeometry g;
    const int side = withFace ? metrics.height() + 6 : 0; // the face, as tall as the text and a little more
    const int gap = withFace ? 5 : 0;
    const QRect textRect = metrics.boundingRect(text);
    g.box = QRect(0, 0, side + gap + textRect.width() + 10, std::max(side, textRect.height()) + 6);
    g.box.moveBottomLeft(at + QPoint(10, -10));
    if (withFace)
        g.face = QRect(g.box.left() + 5, g.box.top() + (g.box.height() - side) / 2, side, side);
    g.text = QRect(g.box.left() + 5 + side + gap, g.box.top(), textRect.width(), g.box.height());
    return g;
}
} // namespace

QRect MapView::dropReadoutRect() const
{
    if (m_readoutText.isEmpty())
        return {};
    return readoutGeometry(QFontMetrics(font()), m_readoutText, m_readoutScore.has_value(), mapFromScene(m_readoutPos))
        .box;
}

QRect MapView::dropReadoutFaceRect() const
{
    if (m_readoutText.isEmpty() || !m_readoutScore)
        return {};
    return readoutGeometry(QFontMetrics(font()), m_readoutText, true, mapFromScene(m_readoutPos)).face;
}

void MapView::drawReadout(QPainter *painter)
{
    if (m_readoutText.isEmpty())
        return;
    // In viewport pixels, so it reads the same at every zoom.
    painter->save();
    painter->resetTransform();
    painter->setFont(font());
    const ReadoutGeometry g =
        readoutGeometry(QFontMetrics(font()), m_readoutText, m_readoutScore.has_value(), mapFromScene(m_readoutPos));
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QColor(0x1e, 0x88, 0xe5));
    painter->setBrush(QColor(255, 255, 255, 235));
    painter->drawRoundedRect(g.box, 4, 4);
    if (m_readoutScore) // the face the map draws for that score
        m_scene->mapPainter().paintEmotionFace(painter, QRectF(g.face), *m_readoutScore);
    painter->setPen(QColor(0x21, 0x21, 0x21));
    painter->drawText(g.text, Qt::AlignCenter, m_readoutText);
    painter->restore();
}

void MapView::drawFocusedCell(QPainter *painter)
{
    if (!hasFocus())
        return; // as a text cursor: shown where the keys go
    const QRectF cell = focusedCellRect();
    if (cell.isEmpty())
        return;
    // In viewport pixels, whole ones: a crisp two-pixel frame just inside
    // the cell's edge at every zoom.
    const QRect r = mapFromScene(cell).boundingRect();
    if (r.width() < 6 || r.height() < 6)
        return;
    constexpr int kWidth = 2;
    const QColor color(0x15, 0x65, 0xc0);
    painter->save();
    painter->resetTransform();
    painter->fillRect(QRect(r.left(), r.top(), r.width(), kWidth), color);
    painter->fillRect(QRect(r.left(), r.bottom() - kWidth + 1, r.width(), kWidth), color);
    painter->fillRect(QRect(r.left(), r.top(), kWidth, r.height()), color);
    painter->fillRect(QRect(r.right() - kWidth + 1, r.top(), kWidth, r.height()), color);
    painter->restore();
}

void MapView::revealFocusedCell()
{
    const std::optional<Cell> cell = focusedCell();
    if (!cell)
        return;
    // The focus card when it is in the focused cell (the cell may be taller
    // than the window: its top says nothing of where the card is), else the cell.
    const MapLayout &layout = m_scene->mapLayout();
    if (const std::string card = focusCard(); !card.empty())
        if (const auto place = layout.cardPlace(card);
            place && place->band == cell->band && place->row == cell->row && place->stage == cell->stage)
            if (const auto rect = layout.cardRect(card)) {
                revealSceneRect(*rect);
                return;
            }
    revealSceneRect(layout.cellRect(cell->band, cell->row, cell->stage));
}

void MapView::revealSceneRect(const QRectF &sceneRect)
{
    // Clear of the frozen stage row and persona column that lie over the
    // map's edge once it is scrolled (the map under them is hidden), with a
    // small margin, when the window has room for that. What is larger than
    // that area shows its top and left edges.
    constexpr int kMargin = 12;
    const MapLayout &layout = m_scene->mapLayout();
    const qreal scale = zoom();
    const QRect shown = mapFromScene(sceneRect).boundingRect();
    const QRect window = viewport()->rect();
    // How far to scroll along one axis so [lo, hi) lies in [areaLo, areaHi).
    auto delta = [](int lo, int hi, int areaLo, int areaHi) {
        if (hi - lo > areaHi - areaLo || lo < areaLo)
            return lo - areaLo;
        return hi > areaHi ? hi - areaHi : 0;
    };
    auto area = [&](int frozen, int size) {
        const int lo = frozen + kMargin, hi = size - kMargin;
        return hi - lo >= size / 3 ? std::pair{lo, hi} : std::pair{0, size}; // a tiny window: all of it
    };
    const auto [top, bottom] =
        area(static_cast<int>(std::ceil(layout.style().metrics.stageHeaderHeight * scale)), window.height());
    const auto [left, right] = area(static_cast<int>(std::ceil(layout.contentLeft() * scale)), window.width());
    const int dx = delta(shown.left(), shown.left() + shown.width(), left, right);
    const int dy = delta(shown.top(), shown.top() + shown.height(), top, bottom);
    if (dx != 0)
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + dx);
    if (dy != 0)
        verticalScrollBar()->setValue(verticalScrollBar()->value() + dy);
}

MapView::FrozenHeaders MapView::frozenHeaders() const
{
    const MapMetrics &m = m_scene->mapLayout().style().metrics;
    const QTransform toViewport = viewportTransform();
    const qreal scale = toViewport.m11();
    const QPointF origin = toViewport.map(QPointF(0, 0));
    FrozenHeaders frozen;
    frozen.top = origin.y() + m.titleHeight * scale < 0; // where the stage row would be
    frozen.left = origin.x() < 0;
    // Scene y of the stage row drawn at the top of the window; scene x 0 at its left edge.
    frozen.toTop = QTransform(scale, 0, 0, scale, origin.x(), -m.titleHeight * scale);
    frozen.toLeft = QTransform(scale, 0, 0, scale, 0, origin.y());
    return frozen;
}

QRegion MapView::frozenHeadersCover() const
{
    const FrozenHeaders frozen = frozenHeaders();
    if (!frozen.top && !frozen.left)
        return {};
    const MapLayout &layout = m_scene->mapLayout();
    const QRectF visibleScene = mapToScene(viewport()->rect()).boundingRect();
    // Only pixels a header fills whole: at its antialiased edges the map shows through.
    auto inner = [](const QRectF &r) {
        const int left = static_cast<int>(std::ceil(r.left())), top = static_cast<int>(std::ceil(r.top()));
        const int right = static_cast<int>(std::floor(r.right())), bottom = static_cast<int>(std::floor(r.bottom()));
        return right > left && bottom > top ? QRect(left, top, right - left, bottom - top) : QRect();
    };
    QRegion cover;
    if (frozen.top) {
        auto [s0, s1] = layout.stageRange(visibleScene.left(), visibleScene.right());
        for (int s = std::max(s0, 0); s0 >= 0 && s <= s1; ++s)
            cover += inner(frozen.toTop.mapRect(layout.stageHeaderRect(s)));
    }
    if (frozen.left) {
        auto [b0, b1] = layout.bandRange(visibleScene.top(), visibleScene.bottom());
        for (int b = std::max(b0, 0); b0 >= 0 && b <= b1; ++b) {
            cover += inner(frozen.toLeft.mapRect(layout.personaHeaderRect(b)));
            for (int r = 0; r < static_cast<int>(layout.bands()[static_cast<std::size_t>(b)].rows.size()); ++r)
                cover += inner(frozen.toLeft.mapRect(layout.laneLabelRect(b, r)));
        }
    }
    return cover & viewport()->rect();
}

void MapView::drawFrozenHeaders(QPainter *painter)
{
    const MapLayout &layout = m_scene->mapLayout();
    const MapPainter &mapPainter = m_scene->mapPainter();
    const MapMetrics &m = layout.style().metrics;
    const QTransform toViewport = viewportTransform();
    const qreal scale = toViewport.m11();
    const QPointF origin = toViewport.map(QPointF(0, 0));
    const FrozenHeaders frozen = frozenHeaders();
    const bool pinTop = frozen.top;
    const bool pinLeft = frozen.left;
    if (!pinTop && !pinLeft)
        return;
    PaintOptions options;
    options.levelOfDetail = scale;
    options.heatStrip = m_scene->showHeatStrip();
    const QRectF visibleScene = mapToScene(viewport()->rect()).boundingRect();
    // Only the headers in the area being painted (a drag step repaints two
    // cells, not every header at the edges).
    const QRectF exposed =
        painter->hasClipping() ? painter->transform().mapRect(painter->clipBoundingRect()) : QRectF(viewport()->rect());
    auto inExposed = [&](const QTransform &toPixels, const QRectF &rect) {
        return toPixels.mapRect(rect).adjusted(-2, -2, 2, 2).intersects(exposed);
    };
    painter->save();
    if (pinTop) {
        const QTransform &top = frozen.toTop;
        painter->setTransform(top);
        auto [s0, s1] = layout.stageRange(visibleScene.left(), visibleScene.right());
        if (s0 >= 0)
            for (int s = s0; s <= s1; ++s)
                if (inExposed(top, layout.stageHeaderRect(s)))
                    mapPainter.paintStageHeader(painter, s, layout.stageHeaderRect(s), options);
    }
    if (pinLeft) {
        const QTransform &left = frozen.toLeft;
        painter->setTransform(left);
        auto [b0, b1] = layout.bandRange(visibleScene.top(), visibleScene.bottom());
        if (b0 >= 0)
            for (int b = b0; b <= b1; ++b) {
                if (inExposed(left, layout.personaHeaderRect(b)))
                    mapPainter.paintPersonaHeader(painter, b, layout.personaHeaderRect(b), options);
                for (int r = 0; r < static_cast<int>(layout.bands()[b].rows.size()); ++r)
                    if (inExposed(left, layout.laneLabelRect(b, r)))
                        mapPainter.paintLaneLabel(painter, b, r, layout.laneLabelRect(b, r), options);
            }
    }
    if (pinTop) {
        // The corner where the two frozen strips meet.
        painter->setTransform(QTransform());
        const QRectF corner(0, 0, pinLeft ? layout.contentLeft() * scale : origin.x() + layout.contentLeft() * scale,
                            m.stageHeaderHeight * scale);
        if (corner.right() > 0)
            painter->fillRect(corner, QColor(0xf1, 0xf3, 0xf6));
        // A soft edge so the frozen row reads as lying over the map.
        painter->fillRect(QRectF(0, m.stageHeaderHeight * scale, viewport()->width(), 2), QColor(0, 0, 0, 30));
    }
    painter->restore();
}

void MapView::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasFormat(QLatin1String(kPaletteMimeType)) || mime->hasUrls()) {
        event->acceptProposedAction();
        return;
    }
    event->ignore();
}

void MapView::dragMoveEvent(QDragMoveEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasFormat(QLatin1String(kPaletteMimeType))) {
        auto entry = PaletteEntry::fromMime(mime->data(QLatin1String(kPaletteMimeType)));
        if (!entry) {
            event->ignore();
            return;
        }
        const QPointF pos = mapToScene(event->position().toPoint());
        PaletteDrop drop = planPaletteDrop(m_scene->controller()->document(), m_scene->mapLayout(), *entry, pos);
        setDropMarker(drop.marker);
        setDropReadout(pos, drop.valid && drop.score ? emotionScoreText(*drop.score) : QString(), drop.score);
        if (drop.valid)
            event->acceptProposedAction();
        else
            event->ignore();
        return;
    }
    if (mime->hasUrls())
        event->acceptProposedAction();
}

void MapView::dragLeaveEvent(QDragLeaveEvent *event)
{
    setDropMarker(QLineF());
    setDropReadout({}, {});
    QGraphicsView::dragLeaveEvent(event);
}

void MapView::dropEvent(QDropEvent *event)
{
    setDropMarker(QLineF());
    setDropReadout({}, {});
    const QMimeData *mime = event->mimeData();
    if (mime->hasFormat(QLatin1String(kPaletteMimeType))) {
        auto entry = PaletteEntry::fromMime(mime->data(QLatin1String(kPaletteMimeType)));
        if (!entry)
            return;
        const QPointF pos = mapToScene(event->position().toPoint());
        DocumentController *controller = m_scene->controller();
        const PaletteDrop drop = planPaletteDrop(controller->document(), m_scene->mapLayout(), *entry, pos);
        if (!drop.valid)
            return;
        const std::string newId = controller->operations().dropPaletteEntry(drop);
        if (newId.empty())
            return;
        event->acceptProposedAction();
        // Name what was just made, in place.
        if (entry->type == PaletteEntry::Type::Card) {
            m_tool->selectCard(newId);
            editCardText(newId);
        } else if (entry->type == PaletteEntry::Type::Stage) {
            if (auto index = controller->document().stageIndex(newId))
                editStageName(static_cast<int>(*index));
        } else {
            focusAndEditNewPersona(newId);
        }
        return;
    }
    if (mime->hasUrls()) {
        QStringList paths;
        for (const QUrl &url : mime->urls())
            if (url.isLocalFile())
                paths << url.toLocalFile();
        emit filesDropped(paths);
        event->acceptProposedAction();
    }
}

void MapView::openEditor(const QRectF &sceneRect, const QString &text, bool multiLine, const QFont &font,
                         std::function<void(std::optional<QString>)> done)
{
    // The editor is at least this big on screen; an editor opened near the
    // right or bottom edge would be cut off, so the view first scrolls the
    // whole editor into sight.
    const int minWidth = 140, minHeight = multiLine ? 60 : 28;
    const qreal scale = zoom();
    QRectF wanted = sceneRect;
    wanted.setWidth(std::max(wanted.width(), minWidth / scale));
    wanted.setHeight(std::max(wanted.height(), minHeight / scale));
    ensureVisible(wanted, 20, 20);
    QRect rect = mapFromScene(sceneRect).boundingRect();
    rect.setHeight(std::max(rect.height(), minHeight));
    rect.setWidth(std::max(rect.width(), minWidth));
    auto *editor = new InlineEditor(viewport(), text, multiLine, std::move(done));
    QFont scaled = font;
    scaled.setPixelSize(std::max(9, static_cast<int>(std::lround(font.pixelSize() * zoom()))));
    editor->setFont(scaled);
    editor->setGeometry(rect);
    editor->show();
    editor->setFocus();
}

void MapView::editCardText(const std::string &cardId, bool removeIfLeftEmpty)
{
    const Card *card = m_scene->controller()->document().card(cardId);
    auto rect = m_scene->mapLayout().cardRect(cardId);
    if (!card || !rect)
        return;
    ensureVisible(*rect, 20, 20);
    const int undoIndex = m_scene->controller()->undoStack()->index();
    openEditor(*rect, toQString(card->text), true, m_scene->mapLayout().style().cardFont,
               [this, cardId, removeIfLeftEmpty, undoIndex](std::optional<QString> text) {
                   DocumentController *controller = m_scene->controller();
                   const Card *current = controller->document().card(cardId);
                   if (!current)
                       return;
                   if (removeIfLeftEmpty && (!text || text->trimmed().isEmpty()) &&
                       controller->undoStack()->index() == undoIndex) {
                       controller->undoStack()->undo(); // the card just added, left blank
                       return;
                   }
                   if (text)
                       controller->operations().setCardText(cardId, *text);
               });
}

void MapView::editStageName(int stage)
{
    const MapLayout &layout = m_scene->mapLayout();
    if (stage < 0 || stage >= static_cast<int>(layout.stages().size()))
        return;
    const std::string id = layout.stages()[stage].stageId;
    const Stage *current = m_scene->controller()->document().stage(id);
    const QRectF header = layout.stageHeaderRect(stage);
    openEditor(QRectF(header.left() + 4, header.top() + 8, header.width() - 8, 30), toQString(current->name), false,
               layout.style().headerFont, [this, id](std::optional<QString> text) {
                   if (text)
                       m_scene->controller()->operations().renameStage(id, *text);
               });
}

void MapView::editPersonaName(int band)
{
    const MapLayout &layout = m_scene->mapLayout();
    if (band < 0 || band >= static_cast<int>(layout.bands().size()))
        return;
    const std::string id = layout.bands()[band].personaId;
    const Persona *current = m_scene->controller()->document().persona(id);
    const QRectF header = layout.personaHeaderRect(band);
    openEditor(QRectF(header.left() + 4, header.top() + 4, 220, 30), toQString(current->name), false,
               layout.style().headerFont, [this, id](std::optional<QString> text) {
                   if (text)
                       m_scene->controller()->operations().renamePersona(id, *text);
               });
}

void MapView::editTitle()
{
    const MapLayout &layout = m_scene->mapLayout();
    const QRectF title = layout.titleRect();
    openEditor(QRectF(title.left() + 12, title.top() + 12, std::min<qreal>(600, title.width() - 24), 36),
               toQString(m_scene->controller()->document().journey().title), false, layout.style().titleFont,
               [this](std::optional<QString> text) {
                   if (text)
                       m_scene->controller()->operations().renameMap(*text);
               });
}

void MapView::addCardInCell(int band, int row, int stage, int index)
{
    const MapLayout &layout = m_scene->mapLayout();
    const std::string id = m_scene->controller()->operations().addCardToCell(
        layout.bands()[band].personaId, layout.stages()[stage].stageId, layout.bands()[band].rows[row].laneId,
        static_cast<std::size_t>(std::max(index, 0)));
    if (id.empty())
        return;
    m_tool->selectCard(id);
    editCardText(id, true);
}

std::string MapView::addCardOfKind(LaneKind kind, const std::string &channel)
{
    const Document &doc = m_scene->controller()->document();
    if (doc.personas().empty() || doc.stages().empty())
        return {};
    PaletteDrop drop;
    drop.valid = true;
    drop.type = PaletteEntry::Type::Card;
    drop.kind = kind;
    drop.channel = channel;
    drop.personaId = doc.personas().front().id;
    drop.stageId = doc.stages().front().id;
    for (const Lane &lane : doc.lanes())
        if (lane.kind == kind) {
            drop.laneId = lane.id;
            break;
        }
    // No lane of that kind yet: the drop makes one after the others.
    drop.newLaneIndex = doc.lanes().size();
    // The focused cell's persona and stage (the selected card's cell when
    // one is selected), in its lane when that is of the kind.
    const MapLayout &layout = m_scene->mapLayout();
    if (const std::optional<Cell> cell = focusedCell()) {
        const MapLayout::PersonaBand &band = layout.bands()[static_cast<std::size_t>(cell->band)];
        drop.personaId = band.personaId;
        drop.stageId = layout.stages()[static_cast<std::size_t>(cell->stage)].stageId;
        const std::string &laneId = band.rows[static_cast<std::size_t>(cell->row)].laneId;
        if (const Lane *lane = doc.lane(laneId); lane && effectiveKind(lane->kind) == kind)
            drop.laneId = laneId;
    }
    const std::vector<std::string> selected = m_scene->selectedCardIds();
    if (const Card *card = selected.empty() ? nullptr : doc.card(selected.front());
        card && card->persona == drop.personaId && card->stage == drop.stageId && card->lane == drop.laneId) {
        const std::vector<const Card *> cell = doc.cardsInCell(card->persona, card->stage, card->lane);
        const auto at = std::find(cell.begin(), cell.end(), card);
        if (at != cell.end())
            drop.index = static_cast<std::size_t>(at - cell.begin()) + 1;
    }
    const std::string id = m_scene->controller()->operations().dropPaletteEntry(drop);
    if (id.empty())
        return {};
    m_tool->selectCard(id);
    editCardText(id, true);
    return id;
}

std::string MapView::addCardInFocusedCell()
{
    const std::optional<Cell> cell = focusedCell();
    if (!cell)
        return {};
    const MapLayout &layout = m_scene->mapLayout();
    const auto &cards = layout.cardsInCell(cell->band, cell->row, cell->stage);
    // After the selected card when it is in this cell, else after the last.
    int index = static_cast<int>(cards.size());
    const std::vector<std::string> selected = m_scene->selectedCardIds();
    if (!selected.empty())
        if (const auto place = layout.cardPlace(selected.front());
            place && place->band == cell->band && place->row == cell->row && place->stage == cell->stage)
            index = place->indexInCell + 1;
    const std::string id = m_scene->controller()->operations().addCardToCell(
        layout.bands()[static_cast<std::size_t>(cell->band)].personaId,
        layout.stages()[static_cast<std::size_t>(cell->stage)].stageId,
        layout.bands()[static_cast<std::size_t>(cell->band)].rows[static_cast<std::size_t>(cell->row)].laneId,
        static_cast<std::size_t>(index));
    if (id.empty())
        return {};
    m_tool->selectCard(id);
    editCardText(id, true);
    return id;
}

std::string MapView::addStageAfterFocus()
{
    const std::optional<Cell> cell = focusedCell();
    PaletteDrop drop;
    drop.valid = true;
    drop.type = PaletteEntry::Type::Stage;
    drop.index = cell ? static_cast<std::size_t>(cell->stage + 1) : m_scene->mapLayout().stages().size();
    const std::string id = m_scene->controller()->operations().dropPaletteEntry(drop);
    if (id.empty())
        return {};
    // The new column takes the focus, in the focused row.
    const auto index = m_scene->controller()->document().stageIndex(id);
    if (!index)
        return id;
    if (const std::optional<Cell> now = focusedCell()) {
        m_scene->clearCardSelection();
        setFocusedCell(now->band, now->row, static_cast<int>(*index));
    }
    editStageName(static_cast<int>(*index));
    return id;
}

std::string MapView::addPersonaAfterFocus()
{
    const std::optional<Cell> cell = focusedCell();
    const Document &doc = m_scene->controller()->document();
    PaletteDrop drop;
    drop.valid = true;
    drop.type = PaletteEntry::Type::Persona;
    // The document's index: the bands are only the personas shown (one in
    // persona focus mode).
    drop.index = doc.personas().size();
    if (cell)
        if (const auto at =
                doc.personaIndex(m_scene->mapLayout().bands()[static_cast<std::size_t>(cell->band)].personaId))
            drop.index = *at + 1;
    const std::string id = m_scene->controller()->operations().dropPaletteEntry(drop);
    if (id.empty())
        return {};
    focusAndEditNewPersona(id);
    return id;
}

void MapView::focusAndEditNewPersona(const std::string &personaId)
{
    // With one persona shown, the new one is shown instead: it can only be
    // named, and reached from the keyboard, where it is seen.
    if (!m_scene->mapLayout().focusPersona().empty())
        m_scene->setFocusPersona(personaId);
    const MapLayout &layout = m_scene->mapLayout();
    const auto &bands = layout.bands();
    const auto band = std::find_if(bands.begin(), bands.end(),
                                   [&](const MapLayout::PersonaBand &b) { return b.personaId == personaId; });
    if (band == bands.end())
        return;
    const int index = static_cast<int>(band - bands.begin());
    // The new band takes the focus: its first lane, in the focused stage.
    if (const std::optional<Cell> now = focusedCell()) {
        m_scene->clearCardSelection();
        setFocusedCell(index, 0, now->stage);
    }
    editPersonaName(index);
}

} // namespace cjm
