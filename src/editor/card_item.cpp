#include "card_item.hpp"

#include <QCoreApplication>
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

void CardItem::syncGeometry()
{
    auto rect = m_scene->mapLayout().cardRect(m_cardId);
    if (!rect)
        return;
    if (rect->size() != m_size) {
        prepareGeometryChange();
        m_size = rect->size();
    }
    setPos(rect->topLeft()); // no-op when unchanged
}

void CardItem::syncWithLayout()
{
    syncGeometry();
    update();
}

QString CardItem::toolTipText() const
{
    // Escaped: text from a teammate's file is never read as HTML.
    const Card *card = m_scene->controller()->document().card(m_cardId);
    QStringList parts;
    if (card) {
        if (!card->text.empty())
            parts << QStringLiteral("<b>%1</b>").arg(toQString(card->text).toHtmlEscaped());
        if (!card->notes.empty())
            parts << toQString(card->notes).toHtmlEscaped();
        if (card->link)
            parts << toQString(*card->link).toHtmlEscaped();
        if (!card->comments.empty())
            parts << QCoreApplication::translate("CardItem", "%n comment(s)", "", static_cast<int>(card->comments.size()));
    }
    return parts.isEmpty() ? QString()
                           : QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(parts.join(QStringLiteral("<br/>")));
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
