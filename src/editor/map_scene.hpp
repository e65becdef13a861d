#pragma once
// The canvas's scene: the MapLayout of the controller's document, the
// selection and the find highlights. It holds no item per card: the view
// paints the exposed part of the map through MapPainter, from the layout
// (see MapView::paintEvent), and every question about what is where goes
// to the layout. An edit repaints only the area it changed.
//
// Why no item per card: with 50,000 cards, one QGraphicsItem each cost
// memory and time to build, and a row that grew had to move every item
// below it, so one keystroke or drag step could cost O(cards below). The
// layout keeps card rectangles relative to their row, so the same edit
// costs the touched cells, and the repaint is bounded by the window.

#include <QGraphicsScene>
#include <QRegion>
#include <string>
#include <unordered_set>
#include <vector>

#include "document_controller.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"

#include "map_regions.hpp"

namespace cjm {

// What to repaint after an edit that moved rows (a card dropped into a full
// cell grows its row, and everything below it moves): either move the
// pixels by `shifts` (in order; see DirtyRegion::shifts) and repaint
// `areasAfterShifts`, or, when the pixels cannot be moved (a shift that is
// not a whole number of pixels at the zoom, an overlay drawn over the map),
// repaint `areas`. Scene units.
struct MapRepaint {
    std::vector<MapShift> shifts;
    std::vector<QRectF> areasAfterShifts;
    std::vector<QRectF> areas;
};

class MapScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit MapScene(DocumentController *controller, QObject *parent = nullptr);

    DocumentController *controller() const { return m_controller; }
    const MapLayout &mapLayout() const { return m_layout; }
    const MapPainter &mapPainter() const { return m_painter; }

    // Whether a card is laid out (drawn) at all: hidden lanes and a focus
    // on another persona leave cards out.
    bool isCardShown(const std::string &cardId) const { return m_layout.cardPlace(cardId).has_value(); }
    std::size_t shownCardCount() const { return m_layout.cardCount(); }

    // The selection: ids of shown cards. Changing it repaints the cards
    // whose state changed and emits cardSelectionChanged().
    const std::unordered_set<std::string> &selectedCards() const { return m_selected; }
    bool isCardSelected(const std::string &cardId) const { return m_selected.count(cardId) > 0; }
    // In display order (band, row, stage, order in the cell).
    std::vector<std::string> selectedCardIds() const;
    void setSelectedCards(std::unordered_set<std::string> cardIds);
    void setCardSelected(const std::string &cardId, bool selected);
    void clearCardSelection() { setSelectedCards({}); }
    void selectAllCards();
    // Qt's item selection does not apply: there are no items. Hidden so
    // that code meaning the cards cannot reach it by mistake.
    void clearSelection() = delete;
    QList<QGraphicsItem *> selectedItems() const = delete;

    // Paints `sceneArea` as the canvas shows it: the map through MapPainter
    // with the selection, find highlights and heat strip. The view paints
    // its exposed areas with this, and QGraphicsScene::render() reaches it
    // through drawBackground().
    void paintArea(QPainter *painter, const QRectF &sceneArea, qreal levelOfDetail) const;

    // Canvas-only decoration passed to the painter.
    const std::unordered_set<std::string> &highlightedCards() const { return m_highlighted; }
    void setHighlightedCards(std::unordered_set<std::string> cards);
    // Show only one persona's band (empty: all). A view setting, not an edit.
    void setFocusPersona(const std::string &personaId);
    // The pain heat strip under the stage headers (View ▸ Pain Heat Strip).
    bool showHeatStrip() const { return m_showHeatStrip; }
    void setShowHeatStrip(bool show);

    // Repaints these areas of the map in every view (empty: all of it). For
    // what is drawn over the map as items (teammates' outlines): Qt's own
    // QGraphicsItem::update() does not reach a canvas that paints itself.
    void repaintAreas(std::vector<QRectF> areas);

    // While a drag holds it, the scene rect grows with the map but does not
    // shrink: a row that grows and shrinks under the dragged card would
    // otherwise resize the scroll bars, and repaint them, at every step.
    // Let go, it fits the map again.
    void holdSceneRect(bool held);

    // The card's words, notes, link and comment count, as rich text with the
    // file's text escaped. Built when a tooltip is asked for, never kept.
    QString cardToolTip(const std::string &cardId) const;
    // Where a card and its selection or find outline are drawn.
    QRectF cardPaintRect(const std::string &cardId) const;

signals:
    // The layout changed (after an edit or a rebuild); the area it changed
    // has already been scheduled for repainting.
    void layoutChanged();
    // Which of the two: every card laid out again (a new map, a structure
    // change, a persona focus), or only these cards (after a card edit).
    void rebuilt();
    void cardsUpdated(const std::vector<std::string> &cardIds);
    void focusChanged(const std::string &personaId);
    void cardSelectionChanged();
    // These areas of the scene need repainting; an empty list: all of it.
    void areasChanged(const std::vector<QRectF> &sceneAreas);
    // Rows moved: instead of areasChanged, when something is connected to
    // this signal (a view that can move its pixels), else areasChanged
    // with repaint.areas.
    void areasShifted(const cjm::MapRepaint &repaint);

protected:
    void helpEvent(QGraphicsSceneHelpEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    // Follows one applied, undone or redone edit.
    void followChanges(const ChangeSet &changes);
    void rebuild();
    // How the canvas paints: the selection, find highlights and heat strip.
    PaintOptions paintOptions(qreal levelOfDetail) const;
    // Repaints the cards of `ids` (selection or highlight changed): each
    // card's area when they are few, their common bounds when many.
    void repaintCards(const std::vector<std::string> &ids);
    // The map with a margin, so its edges can be scrolled into the middle
    // (only grown while held, see holdSceneRect).
    void fitSceneRect();
    // At most kMaxSeparateAreas rectangles: many become their bounds.
    static std::vector<QRectF> fewAreas(const QRegion &region);

    DocumentController *m_controller;
    bool m_sceneRectHeld = false;
    MapLayout m_layout;
    MapPainter m_painter;
    std::unordered_set<std::string> m_selected;
    std::unordered_set<std::string> m_highlighted;
    bool m_showHeatStrip = false;
};

} // namespace cjm
