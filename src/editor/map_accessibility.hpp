#pragma once
// The canvas for assistive technology (screen readers reach it through
// QAccessible: AT-SPI on Linux, UI Automation, NSAccessibility).
//
// The canvas has no widget or item per card (see map_scene.hpp), so Qt has
// nothing to expose by itself. The map is exposed as a table, as a
// spreadsheet is: the stages are the columns, each persona's visible lanes
// the rows (the row header names persona and lane), and each card is a
// child of its cell, named by its text and described by its kind, channel,
// score and severity.
//
// Accessible objects are made when assistive technology first asks for them
// and kept until what they stand for goes, because QAccessible gives each
// one an id that must stay the same while it lives. With 50,000 cards
// nothing is built for every card: a screen reader that walks the whole
// tree builds what it walks, and an edit or a repaint builds nothing.

#include <QAccessible>
#include <QObject>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cjm {

class MapView;
class MapScene;

class MapAccessibility : public QObject {
    Q_OBJECT
public:
    // Made by the view for itself (a child of it); installs the factory
    // that gives the view its table interface the first time.
    explicit MapAccessibility(MapView *view);
    ~MapAccessibility() override;

    static MapAccessibility *of(const MapView *view);
    MapView *view() const { return m_view; }
    MapScene *scene() const;

    // The table's shape, from the scene's layout.
    int rowCount() const;
    int columnCount() const;
    // Table row <-> (band, row in the band).
    std::pair<int, int> bandRow(int tableRow) const;
    int tableRow(int band, int row) const;
    QString rowName(int tableRow) const;
    QString columnName(int column) const;

    // The kept accessible objects; nullptr for a position or card that is not
    // on the map.
    QAccessibleInterface *cell(int tableRow, int column);
    QAccessibleInterface *header(Qt::Orientation orientation, int index);
    QAccessibleInterface *card(const std::string &cardId);

    // The card that has the accessible focus: the one the keyboard moves
    // from (the first selected in display order, or the last one focused
    // while it stays selected). Empty when nothing is selected.
    const std::string &focusCard() const { return m_focusCard; }
    // The cell of the keyboard's focus (MapView::focusedCell), with or
    // without cards: it has the accessible focus when no card has.
    QAccessibleInterface *focusedCell();
    bool isFocusedCell(int tableRow, int column) const;

    // Where a scene rectangle is on the screen (what QAccessibleInterface::rect wants).
    QRect screenRect(const QRectF &sceneRect) const;

signals:
    // A Focus event was sent for `focused` (what a screen reader announces;
    // also said when no platform bridge listens, e.g. to tests).
    void focusAnnounced(QAccessibleInterface *focused);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Sends a Focus event for the focus card (else the focused cell) when the
    // view has the keyboard focus, once the event being handled is done.
    void announceFocus();
    void sendFocus();
    void forgetLayout();
    void onRebuilt();
    void onCardsUpdated(const std::vector<std::string> &cardIds);
    void onSelectionChanged();
    void deleteInterface(QAccessible::Id id);

    MapView *m_view;
    // Kept interfaces: cells by (table row, column), headers by
    // (orientation, index), cards by id with the selected state they last
    // announced.
    std::map<std::pair<int, int>, QAccessible::Id> m_cells;
    std::map<std::pair<int, int>, QAccessible::Id> m_headers;
    struct KeptCard {
        QAccessible::Id id = 0;
        bool selected = false;
    };
    std::unordered_map<std::string, KeptCard> m_cards;
    std::string m_focusCard;
    bool m_announcing = false; // a Focus event is on its way
};

} // namespace cjm
