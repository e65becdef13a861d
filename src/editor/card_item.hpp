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

    // Re-reads the card's place and size from the layout and repaints it
    // (its content changed).
    void syncWithLayout();
    // Only the place and size: for cards pushed along by a row that grew.
    void syncGeometry();
    // The card's words, notes, link and comment count, as rich text with the
    // file's text escaped. Built when a tooltip is asked for, not kept: a
    // map of 50,000 cards need not carry 50,000 tooltips.
    QString toolTipText() const;

private:
    MapScene *m_scene;
    std::string m_cardId;
    QSizeF m_size;
};

} // namespace cjm
