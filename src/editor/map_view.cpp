#include "map_view.hpp"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "map_scene.hpp"

namespace cjm {

MapView::MapView(MapScene *scene, QWidget *parent) : QGraphicsView(scene, parent), m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(RubberBandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setBackgroundBrush(QColor(0xe9, 0xec, 0xef));
    setFocusPolicy(Qt::StrongFocus);
    connect(scene, &MapScene::layoutChanged, viewport(), qOverload<>(&QWidget::update));
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
void MapView::resetZoom() { setZoom(1.0); }

void MapView::fitToWindow()
{
    const QRectF bounds = m_scene->mapLayout().bounds();
    if (bounds.isEmpty())
        return;
    const QSizeF area = viewport()->size();
    setZoom(std::min(area.width() / bounds.width(), area.height() / bounds.height()) * 0.98);
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
    QGraphicsView::mouseReleaseEvent(event);
}

void MapView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
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
    // The frozen headers do not scroll with the pixels: repaint them.
    viewport()->update();
}

void MapView::drawForeground(QPainter *painter, const QRectF &)
{
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

} // namespace cjm
