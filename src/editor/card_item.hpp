#pragma once
// A card on the canvas. It holds the card's id, not a copy of the card, and
// paints through the scene's MapPainter, the same code the exporters use.

#include <QGraphicsItem>
#include <string>

namespace cjm {

class MapScene;

class CardItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    CardItem(MapScene *scene, std::string cardId);

    int type() const override { return Type; }
    const std::string &cardId() const { return m_cardId; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // Re-reads the card's place and size from the layout.
    void syncWithLayout();

private:
    MapScene *m_scene;
    std::string m_cardId;
    QSizeF m_size;
};

} // namespace cjm
