#pragma once
// Everything on the canvas that is not a card: title, stage headers, persona
// bands, lane labels, grid and the emotion curve. Painted per exposed area.

#include <QGraphicsItem>

namespace cjm {

class MapScene;

class MapBackgroundItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    explicit MapBackgroundItem(MapScene *scene);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    void syncWithLayout();

private:
    MapScene *m_scene;
    QRectF m_bounds;
};

} // namespace cjm
