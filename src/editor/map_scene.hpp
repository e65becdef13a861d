#pragma once
// The canvas's scene: a MapLayout of the controller's document, one
// CardItem per visible card over one background item. It listens to the
// controller and updates only what an edit touched.

#include <QGraphicsScene>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "document_controller.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"

namespace cjm {

class CardItem;
class MapBackgroundItem;

class MapScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit MapScene(DocumentController *controller, QObject *parent = nullptr);

    DocumentController *controller() const { return m_controller; }
    const MapLayout &mapLayout() const { return m_layout; }
    const MapPainter &mapPainter() const { return m_painter; }
    CardItem *cardItem(const std::string &cardId) const;
    std::size_t cardItemCount() const { return m_cardItems.size(); }
    std::vector<std::string> selectedCardIds() const;
    // Canvas-only decoration passed to the painter.
    const std::unordered_set<std::string> &highlightedCards() const { return m_highlighted; }
    void setHighlightedCards(std::unordered_set<std::string> cards);
    // Show only one persona's band (empty: all). A view setting, not an edit.
    void setFocusPersona(const std::string &personaId);
    // The pain heat strip under the stage headers (View ▸ Pain Heat Strip).
    bool showHeatStrip() const { return m_showHeatStrip; }
    void setShowHeatStrip(bool show);

signals:
    void layoutChanged();
    void focusChanged(const std::string &personaId);

protected:
    // Card tooltips are built when asked for (see CardItem::toolTipText).
    void helpEvent(QGraphicsSceneHelpEvent *event) override;

private:
    void rebuild();
    void updateCards(const std::vector<std::string> &cardIds);

    DocumentController *m_controller;
    MapLayout m_layout;
    MapPainter m_painter;
    MapBackgroundItem *m_background = nullptr;
    std::unordered_map<std::string, CardItem *> m_cardItems;
    std::unordered_set<std::string> m_highlighted;
    bool m_showHeatStrip = false;
};

} // namespace cjm
