#include "map_background_item.hpp"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "map_scene.hpp"

namespace cjm {

MapBackgroundItem::MapBackgroundItem(MapScene *scene) : m_scene(scene)
{
    // exposedRect lets a repaint of a small area paint only that area.
    setFlag(ItemUsesExtendedStyleOption);
    setZValue(-1);
    syncWithLayout();
}

QRectF MapBackgroundItem::boundingRect() const { return m_bounds; }

void MapBackgroundItem::syncWithLayout()
{
    const QRectF bounds = m_scene->mapLayout().bounds();
    if (bounds != m_bounds) {
        prepareGeometryChange();
        m_bounds = bounds;
    }
    update();
}

void MapBackgroundItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    PaintOptions options;
    options.levelOfDetail = option->levelOfDetailFromTransform(painter->worldTransform());
    options.heatStrip = m_scene->showHeatStrip();
    m_scene->mapPainter().paintBackground(painter, option->exposedRect, options);
}

} // namespace cjm
