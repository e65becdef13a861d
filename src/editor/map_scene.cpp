#include "map_scene.hpp"

#include <QGraphicsSceneHelpEvent>
#include <QGraphicsView>
#include <QToolTip>

#include "card_item.hpp"
#include "map_background_item.hpp"

namespace cjm {

MapScene::MapScene(DocumentController *controller, QObject *parent)
    : QGraphicsScene(parent), m_controller(controller), m_painter(controller->document(), m_layout)
{
    // A BSP tree keeps "which items are here" logarithmic on big maps.
    setItemIndexMethod(BspTreeIndex);
    connect(controller, &DocumentController::documentReset, this, &MapScene::rebuild);
    connect(controller, &DocumentController::structureChanged, this, &MapScene::rebuild);
    connect(controller, &DocumentController::journeyChanged, this, [this] {
        if (m_background)
            m_background->update(m_layout.titleRect());
    });
    connect(controller, &DocumentController::cardsChanged, this, &MapScene::updateCards);
    rebuild();
}

CardItem *MapScene::cardItem(const std::string &cardId) const
{
    auto it = m_cardItems.find(cardId);
    return it == m_cardItems.end() ? nullptr : it->second;
}

void MapScene::setFocusPersona(const std::string &personaId)
{
    if (personaId == m_layout.focusPersona())
        return;
    m_layout.setFocusPersona(personaId);
    rebuild();
    emit focusChanged(personaId);
}

void MapScene::setShowHeatStrip(bool show)
{
    if (show == m_showHeatStrip)
        return;
    m_showHeatStrip = show;
    update(m_layout.stageHeaderRowRect());
    for (QGraphicsView *view : views())
        view->viewport()->update(); // the frozen header row is drawn by the view
}

void MapScene::setHighlightedCards(std::unordered_set<std::string> cards)
{
    // Repaint only the cards whose highlight changes.
    for (const std::string &id : m_highlighted)
        if (!cards.count(id))
            if (CardItem *item = cardItem(id))
                item->update();
    for (const std::string &id : cards)
        if (!m_highlighted.count(id))
            if (CardItem *item = cardItem(id))
                item->update();
    m_highlighted = std::move(cards);
}

std::vector<std::string> MapScene::selectedCardIds() const
{
    std::vector<std::string> ids;
    for (QGraphicsItem *item : selectedItems())
        if (auto *card = qgraphicsitem_cast<CardItem *>(item))
            ids.push_back(card->cardId());
    return ids;
}

void MapScene::rebuild()
{
    const std::vector<std::string> selected = selectedCardIds();
    clear(); // deletes the items
    m_cardItems.clear();
    m_layout.rebuild(m_controller->document());
    m_background = new MapBackgroundItem(this);
    addItem(m_background);
    for (const std::string &id : m_layout.cardIds()) {
        auto *item = new CardItem(this, id);
        addItem(item);
        m_cardItems.emplace(id, item);
    }
    for (const std::string &id : selected)
        if (CardItem *item = cardItem(id))
            item->setSelected(true);
    // Leave a margin around the map so its edges can be scrolled into the middle.
    setSceneRect(m_layout.bounds().adjusted(-40, -40, 40, 40));
    emit layoutChanged();
}

void MapScene::updateCards(const std::vector<std::string> &cardIds)
{
    // The cells the cards leave and the cells they enter both re-stack.
    std::vector<MapLayout::CardPlace> cells;
    auto remember = [&](const std::string &id) {
        if (auto place = m_layout.cardPlace(id))
            cells.push_back(*place);
    };
    for (const std::string &id : cardIds)
        remember(id);
    const QRectF oldBounds = m_layout.bounds();
    // Where each row starts now: a row that grows pushes the rows below it.
    std::vector<std::vector<qreal>> rowTops;
    for (const auto &band : m_layout.bands()) {
        rowTops.emplace_back();
        for (const auto &row : band.rows)
            rowTops.back().push_back(row.y);
    }
    m_layout.updateCards(m_controller->document(), cardIds);
    for (const std::string &id : cardIds) {
        remember(id);
        const bool laidOut = m_layout.cardRect(id).has_value();
        CardItem *item = cardItem(id);
        if (!laidOut && item) {
            m_cardItems.erase(id);
            delete item;
        } else if (laidOut && !item) {
            item = new CardItem(this, id);
            addItem(item);
            m_cardItems.emplace(id, item);
        }
    }
    for (const auto &place : cells)
        for (const auto &box : m_layout.cardsInCell(place.band, place.row, place.stage))
            if (CardItem *item = cardItem(box.cardId))
                item->syncWithLayout();
    // A row changed height: only the cards of the rows that moved follow.
    const auto &bands = m_layout.bands();
    for (std::size_t b = 0; b < bands.size() && b < rowTops.size(); ++b)
        for (std::size_t r = 0; r < bands[b].rows.size() && r < rowTops[b].size(); ++r) {
            if (bands[b].rows[r].y == rowTops[b][r])
                continue;
            for (std::size_t s = 0; s < m_layout.stages().size(); ++s)
                for (const auto &box : m_layout.cardsInCell(static_cast<int>(b), static_cast<int>(r), static_cast<int>(s)))
                    if (CardItem *item = cardItem(box.cardId))
                        item->syncGeometry();
        }
    if (m_layout.bounds() != oldBounds)
        setSceneRect(m_layout.bounds().adjusted(-40, -40, 40, 40));
    m_background->syncWithLayout();
    emit layoutChanged();
}

void MapScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    const MapLayout::Hit hit = m_layout.hitTest(event->scenePos());
    CardItem *item = hit.kind == MapLayout::HitKind::Card ? cardItem(hit.cardId) : nullptr;
    if (!item) {
        QGraphicsScene::helpEvent(event); // stage and persona headers, the background
        return;
    }
    const QString text = item->toolTipText();
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->screenPos(), text, event->widget());
    event->setAccepted(!text.isEmpty());
}

} // namespace cjm
