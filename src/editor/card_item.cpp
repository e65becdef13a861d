#include "card_item.hpp"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "cjm/document.hpp"
#include "map_scene.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {
constexpr qreal kDecorationMargin = 4; // selection and find outlines reach past the card
}

CardItem::CardItem(MapScene *scene, std::string cardId) : m_scene(scene), m_cardId(std::move(cardId))
{
    setFlag(ItemIsSelectable);
    syncWithLayout();
}

QRectF CardItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-kDecorationMargin, -kDecorationMargin, kDecorationMargin,
                                                  kDecorationMargin);
}

void CardItem::syncWithLayout()
{
    const MapLayout &layout = m_scene->mapLayout();
    auto rect = layout.cardRect(m_cardId);
    if (!rect)
        return;
    if (rect->size() != m_size) {
        prepareGeometryChange();
        m_size = rect->size();
    }
    setPos(rect->topLeft());
    // The full text when the card shows it cut short. Escaped so that text
    // from a teammate's file is never read as HTML.
    const MapLayout::CardBox *box = layout.cardBox(m_cardId);
    const Card *card = m_scene->controller()->document().card(m_cardId);
    if (box && card && box->elided)
        setToolTip(QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(toQString(card->text).toHtmlEscaped()));
    else
        setToolTip(QString());
    update();
}

void CardItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    PaintOptions options;
    options.levelOfDetail = option->levelOfDetailFromTransform(painter->worldTransform());
    std::unordered_set<std::string> selected;
    if (isSelected()) {
        selected.insert(m_cardId);
        options.selectedCards = &selected;
    }
    options.highlightedCards = &m_scene->highlightedCards();
    m_scene->mapPainter().paintCard(painter, m_cardId, QRectF(QPointF(0, 0), m_size), options);
}

} // namespace cjm
