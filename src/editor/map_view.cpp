#include "map_view.hpp"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QRubberBand>
#include <QScrollBar>
#include <QStyle>
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
    connect(scene, &MapScene::areasChanged, this, [this](const std::vector<QRectF> &areas) {
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
        constexpr int kShadow = 3; // the soft edge under the frozen stage row
        for (const QRectF &area : areas) {
            // Two pixels more for antialiased edges, as Qt's own view does.
            const QRect shown = mapFromScene(area).boundingRect().adjusted(-2, -2, 2, 2);
            if (!(shown & visible).isEmpty())
                viewport()->update(shown & visible);
            if (pinTop && area.intersects(layout.stageHeaderRowRect())) {
                const int height = static_cast<int>(std::ceil(m.stageHeaderHeight * scale)) + kShadow;
                const QRect frozen = QRect(shown.left(), 0, shown.width(), height) & visible;
                if (!frozen.isEmpty())
                    viewport()->update(frozen);
            }
            if (pinLeft && area.left() < layout.contentLeft()) {
                const int width = static_cast<int>(std::ceil(layout.contentLeft() * scale)) + 1;
                const QRect frozen = QRect(0, shown.top(), width, shown.height()) & visible;
                if (!frozen.isEmpty())
                    viewport()->update(frozen);
            }
        }
    });
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
}

MapView::~MapView() = default;

void MapView::setDropMarker(const QLineF &marker)
{
    if (marker == m_dropMarker)
        return;
    m_dropMarker = marker;
    viewport()->update();
}

void MapView::setDropReadout(const QPointF &scenePos, const QString &text)
{
    if (text == m_readoutText && (text.isEmpty() || scenePos == m_readoutPos))
        return;
    m_readoutPos = scenePos;
    m_readoutText = text;
    viewport()->update();
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
    // Insert (or Ctrl+Enter) adds a card of the selected card's kind right after it.
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (event->key() == Qt::Key_Insert || (enter && event->modifiers() == Qt::ControlModifier)) {
        const std::vector<std::string> selected = m_scene->selectedCardIds();
        const Document &doc = m_scene->controller()->document();
        if (const Card *card = selected.empty() ? nullptr : doc.card(selected.front())) {
            addCardOfKind(doc.cardKind(*card));
            event->accept();
            return;
        }
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
        painter.resetTransform();
    };
    // A few separate areas (two cells a card moved between) are painted one
    // by one; many are painted as their bounding rectangle.
    if (exposed.rectCount() <= 4)
        for (const QRect &area : exposed)
            paintArea(area);
    else
        paintArea(exposed.boundingRect());
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
    if (!m_dropMarker.isNull()) {
        painter->save();
        painter->setPen(QPen(QColor(0x1e, 0x88, 0xe5), 3 / zoom(), Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(m_dropMarker);
        painter->restore();
    }
    if (!m_readoutText.isEmpty()) {
        // In viewport pixels, so it reads the same at every zoom.
        painter->save();
        painter->resetTransform();
        painter->setFont(font());
        const QFontMetrics metrics(font());
        const QPoint at = mapFromScene(m_readoutPos);
        QRect box = metrics.boundingRect(m_readoutText).adjusted(-5, -3, 5, 3);
        box.moveBottomLeft(at + QPoint(10, -10));
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QColor(0x1e, 0x88, 0xe5));
        painter->setBrush(QColor(255, 255, 255, 235));
        painter->drawRoundedRect(box, 4, 4);
        painter->setPen(QColor(0x21, 0x21, 0x21));
        painter->drawText(box, Qt::AlignCenter, m_readoutText);
        painter->restore();
    }
    const MapLayout &layout = m_scene->mapLayout();
    const MapPainter &mapPainter = m_scene->mapPainter();
    const MapMetrics &m = layout.style().metrics;
    const QTransform toViewport = viewportTransform();
    const qreal scale = toViewport.m11();
    const QPointF origin = toViewport.map(QPointF(0, 0));
    const qreal headerTop = origin.y() + m.titleHeight * scale; // where the stage row would be
    const bool pinTop = headerTop < 0;
    const bool pinLeft = origin.x() < 0;
    if (!pinTop && !pinLeft)
        return;
    PaintOptions options;
    options.levelOfDetail = scale;
    options.heatStrip = m_scene->showHeatStrip();
    const QRectF visibleScene = mapToScene(viewport()->rect()).boundingRect();
    painter->save();
    if (pinTop) {
        // Scene y of the stage row is drawn at the top of the window.
        painter->setTransform(QTransform(scale, 0, 0, scale, origin.x(), -m.titleHeight * scale));
        auto [s0, s1] = layout.stageRange(visibleScene.left(), visibleScene.right());
        if (s0 >= 0)
            for (int s = s0; s <= s1; ++s)
                mapPainter.paintStageHeader(painter, s, layout.stageHeaderRect(s), options);
    }
    if (pinLeft) {
        painter->setTransform(QTransform(scale, 0, 0, scale, 0, origin.y()));
        auto [b0, b1] = layout.bandRange(visibleScene.top(), visibleScene.bottom());
        if (b0 >= 0)
            for (int b = b0; b <= b1; ++b) {
                mapPainter.paintPersonaHeader(painter, b, layout.personaHeaderRect(b), options);
                for (int r = 0; r < static_cast<int>(layout.bands()[b].rows.size()); ++r)
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
        setDropReadout(pos, drop.valid && drop.score ? emotionScoreText(*drop.score) : QString());
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
        } else if (auto index = controller->document().personaIndex(newId)) {
            editPersonaName(static_cast<int>(*index));
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
    const std::vector<std::string> selected = m_scene->selectedCardIds();
    if (const Card *card = selected.empty() ? nullptr : doc.card(selected.front())) {
        drop.personaId = card->persona;
        drop.stageId = card->stage;
        if (doc.cardKind(*card) == kind)
            drop.laneId = card->lane;
        if (drop.laneId == card->lane) {
            const std::vector<const Card *> cell = doc.cardsInCell(card->persona, card->stage, card->lane);
            const auto at = std::find(cell.begin(), cell.end(), card);
            if (at != cell.end())
                drop.index = static_cast<std::size_t>(at - cell.begin()) + 1;
        }
    }
    const std::string id = m_scene->controller()->operations().dropPaletteEntry(drop);
    if (id.empty())
        return {};
    m_tool->selectCard(id);
    editCardText(id, true);
    return id;
}

} // namespace cjm
