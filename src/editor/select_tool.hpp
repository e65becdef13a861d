#pragma once
// The canvas's pointer and keyboard behaviour: select, drag cards between
// cells, drag emotion points up and down, reorder stages, personas and lanes
// by their headers, delete, move the selection with the arrow keys, and
// start in-place editing. Items stay passive views; every change is an edit
// pushed through the controller, and one gesture is one undo step.

#include <QCoreApplication>
#include <QPointF>
#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "map_layout.hpp"

class QKeyEvent;
class QMouseEvent;

namespace cjm {

class MapView;
class MapScene;
class DocumentController;

class SelectTool {
    // Its texts are in the translation context "SelectTool", where lupdate
    // finds them (Q_DECLARE_TR_FUNCTIONS gives the class its own tr()).
    Q_DECLARE_TR_FUNCTIONS(SelectTool)
public:
    explicit SelectTool(MapView *view);

    // Each returns true when it handled the event (the view then does not).
    bool mousePress(QMouseEvent *event);
    bool mouseMove(QMouseEvent *event);
    bool mouseRelease(QMouseEvent *event);
    bool mouseDoubleClick(QMouseEvent *event);
    bool keyPress(QKeyEvent *event);

    void deleteSelection();
    // Selects one card and scrolls it into view.
    void selectCard(const std::string &cardId);
    // The arrow keys: the focused cell moves to the neighbouring cell (a
    // stage left/right, a lane up/down, on across personas), empty cells
    // included; a card there is selected, an empty cell clears the
    // selection. Up/Down first go through the cards of the focused cell.
    // Up/Down pass an emotion lane without selecting its face (Up/Down on a
    // selected face change its score): there Enter, or Left/Right, select it.
    void moveSelection(int dx, int dy);
    // Enter with nothing selected: selects the focused cell's first card;
    // false when the cell is empty (Enter then adds a card there).
    bool selectFirstCardInFocusedCell();

private:
    enum class Drag { None, Cards, Emotion, Stage, Persona, Lane };

    void dragCardsTo(const QPointF &scenePos);
    void dragEmotionTo(const QPointF &scenePos);
    // Up/Down on one selected emotion change its score by `delta`; false
    // when the selection is not one emotion (the keys then move it).
    bool nudgeSelectedEmotion(int delta);
    // Alt+arrows: the selected cards move to the neighbouring cell, one stage
    // left/right (dStage) or to the next lane up/down in the band that holds
    // cards of their kind (dRow; a card keeps its kind, see moveCards). False
    // when there is no such cell.
    bool moveSelectedCards(int dStage, int dRow);
    // Esc during a card or emotion drag: the cards go back, nothing stays
    // on the undo stack.
    void cancelCardDrag();
    // A header drag only shows where the stage, persona or lane would go
    // (a drop marker); the move is one edit, on release. Moving a column or
    // band lays out every card again, which must not happen per mouse move.
    void dragHeaderTo(const QPointF &scenePos);
    void dropHeader();
    // Finds the dragged header's band, stage and row again by id; false
    // when it is gone.
    bool findPressedHeader();
    // F2 with no card selected: edits the last clicked header if it is still
    // on the map (or the title); false when there is none.
    bool editLastClicked();
    void cancelHeaderDrag();
    // Past the start distance, or ended: the scene rect is held meanwhile.
    void setDragging(bool dragging);
    int insertIndexIgnoringDragged(int band, int row, int stage, const QPointF &scenePos) const;

    MapView *m_view;
    Drag m_drag = Drag::None;
    bool m_dragging = false; // past the start distance
    QPointF m_pressScenePos;
    QPoint m_pressViewPos;
    MapLayout::Hit m_pressHit;
    // What F2 renames when no card is selected: the header last clicked, by
    // its stage, persona or lane id (or the title).
    struct {
        MapLayout::HitKind kind = MapLayout::HitKind::Nothing;
        std::string id;
    } m_lastClicked;
    std::vector<std::string> m_dragged;
    quint64 m_gesture = 0;
    int m_undoIndexBeforeDrag = 0; // the undo stack before a card drag, for Esc
    // The last target a card drag was applied for, so moving within the
    // same slot pushes nothing.
    std::optional<std::tuple<int, int, int, int>> m_lastTarget;
    std::optional<std::pair<int, int>> m_lastEmotion; // stage, score
    int m_reorderTarget = -1;                         // where a dragged header would go; -1: where it is
    struct PressedHeader {
        std::string personaId, stageId, laneId;
    } m_pressedHeader; // what was under the press, by id
};

} // namespace cjm
