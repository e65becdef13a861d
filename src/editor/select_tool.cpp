#include "select_tool.hpp"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <algorithm>
#include <cmath>
#include <map>

#include "document_controller.hpp"
#include "map_operations.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "palette_drop.hpp"

namespace cjm {

SelectTool::SelectTool(MapView *view) : m_view(view) {}

bool SelectTool::mousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    MapScene *scene = m_view->mapScene();
    const QPointF pos = m_view->mapToScene(event->position().toPoint());
    const MapLayout::Hit hit = scene->mapLayout().hitTest(pos);
    m_pressHit = hit;
    m_pressScenePos = pos;
    m_pressViewPos = event->position().toPoint();
    setDragging(false);
    m_view->setDropReadout({}, {});
    m_drag = Drag::None;
    m_lastTarget.reset();
    m_lastEmotion.reset();
    m_reorderTarget = -1;
    m_pressedHeader = {};
    if (hit.band >= 0)
        m_pressedHeader.personaId = scene->mapLayout().bands()[hit.band].personaId;
    if (hit.stage >= 0)
        m_pressedHeader.stageId = scene->mapLayout().stages()[hit.stage].stageId;
    if (hit.band >= 0 && hit.row >= 0)
        m_pressedHeader.laneId = scene->mapLayout().bands()[hit.band].rows[hit.row].laneId;
    // By id: a reorder, an undo or a teammate's edit may put another stage
    // or persona at that place before F2.
    m_lastClicked.kind = hit.kind;
    m_lastClicked.id = hit.kind == MapLayout::HitKind::StageHeader     ? m_pressedHeader.stageId
                       : hit.kind == MapLayout::HitKind::PersonaHeader ? m_pressedHeader.personaId
                       : hit.kind == MapLayout::HitKind::LaneLabel     ? m_pressedHeader.laneId
                                                                       : std::string();
    // A click on a card or in a cell puts the keyboard's cell there.
    if ((hit.kind == MapLayout::HitKind::Card || hit.kind == MapLayout::HitKind::Cell) && hit.band >= 0 &&
        hit.row >= 0 && hit.stage >= 0)
        m_view->setFocusedCell(hit.band, hit.row, hit.stage);
    switch (hit.kind) {
    case MapLayout::HitKind::Card: {
        if (!scene->isCardShown(hit.cardId))
            return false;
        if (event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier)) {
            scene->setCardSelected(hit.cardId, !scene->isCardSelected(hit.cardId));
            return true;
        }
        if (!scene->isCardSelected(hit.cardId))
            scene->setSelectedCards({hit.cardId});
        const bool emotion = scene->mapLayout().bands()[hit.band].rows[hit.row].kind == LaneKind::Emotions;
        // In display order, so the dragged cards land as they were.
        m_dragged = scene->selectedCardIds();
        m_drag = emotion && m_dragged.size() == 1 ? Drag::Emotion : Drag::Cards;
        return true;
    }
    case MapLayout::HitKind::StageHeader:
        m_drag = Drag::Stage;
        scene->clearCardSelection();
        return true;
    case MapLayout::HitKind::PersonaHeader:
        m_drag = Drag::Persona;
        scene->clearCardSelection();
        return true;
    case MapLayout::HitKind::LaneLabel:
        m_drag = Drag::Lane;
        scene->clearCardSelection();
        return true;
    default: return false; // empty space: the view's rubber band
    }
}

bool SelectTool::mouseMove(QMouseEvent *event)
{
    if (m_drag != Drag::None && !(event->buttons() & Qt::LeftButton)) {
        // The release went elsewhere (a dialog took the mouse meanwhile): the
        // drag ends here, the cards where they are, a header not dropped
        // (cancelHeaderDrag clears what any drag shows and holds).
        cancelHeaderDrag();
        return false;
    }
    if (m_drag == Drag::None)
        return false;
    if (!m_dragging) {
        if ((event->position().toPoint() - m_pressViewPos).manhattanLength() < QApplication::startDragDistance())
            return true;
        setDragging(true);
        m_gesture = m_view->mapScene()->controller()->beginGesture();
        m_undoIndexBeforeDrag = m_view->mapScene()->controller()->undoStack()->index();
    }
    const QPointF pos = m_view->mapToScene(event->position().toPoint());
    switch (m_drag) {
    case Drag::Cards: dragCardsTo(pos); break;
    case Drag::Emotion: dragEmotionTo(pos); break;
    default: dragHeaderTo(pos); break;
    }
    return true;
}

bool SelectTool::mouseRelease(QMouseEvent *event)
{
    if (m_drag == Drag::None || event->button() != Qt::LeftButton)
        return false;
    if (!m_dragging) {
        const MapLayout &layout = m_view->mapScene()->mapLayout();
        if (m_drag == Drag::Stage && m_pressHit.stage >= 0)
            emit m_view->stageClicked(layout.stages()[m_pressHit.stage].stageId);
        else if (m_drag == Drag::Persona && m_pressHit.band >= 0)
            emit m_view->personaClicked(layout.bands()[m_pressHit.band].personaId);
    } else if (m_drag == Drag::Stage || m_drag == Drag::Persona || m_drag == Drag::Lane) {
        dropHeader();
    }
    m_drag = Drag::None;
    setDragging(false);
    m_view->setDropReadout({}, {});
    m_view->setDropMarker(QLineF());
    return true;
}

void SelectTool::setDragging(bool dragging)
{
    m_dragging = dragging;
    m_view->mapScene()->holdSceneRect(dragging);
}

int SelectTool::insertIndexIgnoringDragged(int band, int row, int stage, const QPointF &scenePos) const
{
    const MapLayout &layout = m_view->mapScene()->mapLayout();
    const QPointF origin = layout.cellRect(band, row, stage).topLeft();
    int index = 0;
    for (const auto &box : layout.cardsInCell(band, row, stage)) {
        if (std::find(m_dragged.begin(), m_dragged.end(), box.cardId) != m_dragged.end())
            continue;
        if (box.rect.translated(origin).center().y() < scenePos.y())
            ++index;
    }
    return index;
}

void SelectTool::dragCardsTo(const QPointF &scenePos)
{
    MapScene *scene = m_view->mapScene();
    const MapLayout &layout = scene->mapLayout();
    const MapLayout::Hit hit = layout.hitTest(scenePos);
    if (hit.band < 0 || hit.stage < 0 || hit.row < 0)
        return;
    const auto &targetRow = layout.bands()[hit.band].rows[hit.row];
    const int index = insertIndexIgnoringDragged(hit.band, hit.row, hit.stage, scenePos);
    const auto target = std::make_tuple(hit.band, hit.row, hit.stage, index);
    if (m_lastTarget == target)
        return;
    m_lastTarget = target;
    // A card keeps its kind: it joins the row under the pointer when that
    // row is of its kind, else it stays in its own lane in the new column.
    if (!scene->controller()->operations().moveCards(m_dragged, layout.bands()[hit.band].personaId,
                                                     layout.stages()[hit.stage].stageId, targetRow.laneId,
                                                     static_cast<std::size_t>(index), m_gesture))
        return;
    // Keep the moved cards selected.
    scene->setSelectedCards(std::unordered_set<std::string>(m_dragged.begin(), m_dragged.end()));
}

void SelectTool::dragEmotionTo(const QPointF &scenePos)
{
    MapScene *scene = m_view->mapScene();
    const MapLayout &layout = scene->mapLayout();
    const Document &doc = scene->controller()->document();
    const Card *card = doc.card(m_dragged.front());
    auto place = layout.cardPlace(m_dragged.front());
    if (!card || !place)
        return;
    // The score whose height is nearest the pointer, snapped to -3..+3.
    int score = 0;
    qreal best = 1e18;
    for (int s = -3; s <= 3; ++s) {
        const qreal d = std::abs(layout.emotionY(place->band, place->row, s) - scenePos.y());
        if (d < best) {
            best = d;
            score = s;
        }
    }
    auto [s0, s1] = layout.stageRange(scenePos.x(), scenePos.x());
    (void)s1;
    const int stage = s0 >= 0 ? s0 : place->stage;
    m_view->setDropReadout(scenePos, emotionScoreText(score), score);
    if (m_lastEmotion == std::make_pair(stage, score))
        return;
    m_lastEmotion = std::make_pair(stage, score);
    const std::string cardId = card->id; // the edit may move the card in the document
    if (!scene->controller()->operations().setEmotion(cardId, score, layout.stages()[stage].stageId, m_gesture))
        return;
    scene->setCardSelected(cardId, true);
}

bool SelectTool::nudgeSelectedEmotion(int delta)
{
    MapScene *scene = m_view->mapScene();
    const auto selected = scene->selectedCardIds();
    if (selected.size() != 1)
        return false;
    const MapLayout &layout = scene->mapLayout();
    auto place = layout.cardPlace(selected.front());
    const Card *card = scene->controller()->document().card(selected.front());
    if (!card || !place || layout.bands()[place->band].rows[place->row].kind != LaneKind::Emotions)
        return false;
    // Up raises the face one step, as dragging it up does; at +3 or -3 the
    // key does nothing (and does not move the selection away either). Each
    // press is its own undo step.
    const int score = std::clamp(card->score.value_or(0) + delta, -3, 3);
    if (score != card->score.value_or(0))
        scene->controller()->operations().setEmotion(card->id, score, card->stage);
    return true;
}

bool SelectTool::findPressedHeader()
{
    // By id: an undo during the drag may have rebuilt the layout.
    const MapLayout &layout = m_view->mapScene()->mapLayout();
    auto indexOf = [](const auto &items, auto id) {
        for (std::size_t i = 0; i < items.size(); ++i)
            if (id(items[i]))
                return static_cast<int>(i);
        return -1;
    };
    const int band = indexOf(layout.bands(), [&](const auto &b) { return b.personaId == m_pressedHeader.personaId; });
    const int stage = indexOf(layout.stages(), [&](const auto &s) { return s.stageId == m_pressedHeader.stageId; });
    const int row = band < 0 ? -1 : indexOf(layout.bands()[static_cast<std::size_t>(band)].rows, [&](const auto &r) {
        return r.laneId == m_pressedHeader.laneId;
    });
    m_pressHit.band = band;
    m_pressHit.stage = stage;
    m_pressHit.row = row;
    switch (m_drag) {
    case Drag::Stage: return stage >= 0;
    case Drag::Persona: return band >= 0;
    case Drag::Lane: return band >= 0 && row >= 0;
    default: return false;
    }
}

void SelectTool::cancelHeaderDrag()
{
    m_drag = Drag::None;
    setDragging(false);
    m_view->setDropReadout({}, {});
    m_reorderTarget = -1;
    m_view->setDropMarker(QLineF());
}

void SelectTool::cancelCardDrag()
{
    // The drag's steps merged into one command pushed since it began: undo
    // it, so the cards are back where they were and Undo offers what it
    // offered before the drag. The rest of the gesture (the mouse release)
    // then does nothing.
    QUndoStack *stack = m_view->mapScene()->controller()->undoStack();
    while (stack->index() > m_undoIndexBeforeDrag)
        stack->undo();
    MapScene *scene = m_view->mapScene();
    std::unordered_set<std::string> kept;
    for (const std::string &id : m_dragged)
        if (scene->controller()->document().card(id))
            kept.insert(id);
    scene->setSelectedCards(std::move(kept));
    m_drag = Drag::None;
    setDragging(false);
    m_view->setDropReadout({}, {});
    m_lastTarget.reset();
    m_lastEmotion.reset();
    m_view->setDropMarker(QLineF());
}

void SelectTool::dragHeaderTo(const QPointF &scenePos)
{
    if (!findPressedHeader()) {
        cancelHeaderDrag(); // it is gone
        return;
    }
    const MapLayout &layout = m_view->mapScene()->mapLayout();
    const QRectF bounds = layout.bounds();
    int target = -1;
    int current = -1;
    QLineF marker;
    if (m_drag == Drag::Stage) {
        // The column under the pointer is where the dragged stage goes.
        auto [s0, s1] = layout.stageRange(scenePos.x(), scenePos.x());
        (void)s1;
        if (s0 < 0)
            s0 = scenePos.x() < layout.contentLeft() ? 0 : static_cast<int>(layout.stages().size()) - 1;
        target = s0;
        current = m_pressHit.stage;
        // The marker on the side of that column the stage will take.
        const QRectF header = layout.stageHeaderRect(target);
        const qreal x = target > current ? header.right() : header.left();
        marker = QLineF(x, header.top(), x, bounds.bottom());
    } else if (m_drag == Drag::Persona) {
        auto [b0, b1] = layout.bandRange(scenePos.y(), scenePos.y());
        (void)b1;
        if (b0 < 0)
            return;
        target = b0;
        current = m_pressHit.band;
        const QRectF band = layout.bandRect(target);
        const qreal y = target > current ? band.bottom() : band.top();
        marker = QLineF(bounds.left(), y, bounds.right(), y);
    } else {
        // Lanes: the row under the pointer, in the pressed band.
        const auto &band = layout.bands()[m_pressHit.band];
        int row = 0;
        for (int r = 0; r < static_cast<int>(band.rows.size()); ++r)
            if (scenePos.y() >= band.rows[r].y)
                row = r;
        target = row;
        current = m_pressHit.row;
        const QRectF rect = layout.rowRect(m_pressHit.band, row);
        const qreal y = target > current ? rect.bottom() : rect.top();
        marker = QLineF(bounds.left(), y, bounds.right(), y);
    }
    m_reorderTarget = target == current ? -1 : target;
    m_view->setDropMarker(m_reorderTarget < 0 ? QLineF() : marker);
}

void SelectTool::dropHeader()
{
    m_view->setDropMarker(QLineF());
    MapScene *scene = m_view->mapScene();
    const MapLayout &layout = scene->mapLayout();
    const int count = m_drag == Drag::Stage     ? static_cast<int>(layout.stages().size())
                      : m_drag == Drag::Persona ? static_cast<int>(layout.bands().size())
                      : m_pressHit.band >= 0    ? static_cast<int>(layout.bands()[m_pressHit.band].rows.size())
                                                : 0;
    if (m_reorderTarget < 0 || !findPressedHeader() || m_reorderTarget >= count)
        return;
    MapOperations &operations = scene->controller()->operations();
    const Document &doc = scene->controller()->document();
    const int target = m_reorderTarget;
    m_reorderTarget = -1;
    if (m_drag == Drag::Stage) {
        operations.moveStage(layout.stages()[m_pressHit.stage].stageId, static_cast<std::size_t>(target));
    } else if (m_drag == Drag::Persona) {
        operations.movePersona(layout.bands()[m_pressHit.band].personaId, static_cast<std::size_t>(target));
    } else {
        // Rows are the visible lanes; the move is to that lane's place among all lanes.
        const auto &rows = layout.bands()[m_pressHit.band].rows;
        if (const auto targetIndex = doc.laneIndex(rows[static_cast<std::size_t>(target)].laneId))
            operations.moveLane(rows[static_cast<std::size_t>(m_pressHit.row)].laneId, *targetIndex);
    }
}

bool SelectTool::mouseDoubleClick(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    const QPointF pos = m_view->mapToScene(event->position().toPoint());
    const MapLayout::Hit hit = m_view->mapScene()->mapLayout().hitTest(pos);
    switch (hit.kind) {
    case MapLayout::HitKind::Card: m_view->editCardText(hit.cardId); return true;
    case MapLayout::HitKind::StageHeader: m_view->editStageName(hit.stage); return true;
    case MapLayout::HitKind::PersonaHeader: m_view->editPersonaName(hit.band); return true;
    case MapLayout::HitKind::Title: m_view->editTitle(); return true;
    case MapLayout::HitKind::Cell: m_view->addCardInCell(hit.band, hit.row, hit.stage, hit.insertIndex); return true;
    default: return false;
    }
}

bool SelectTool::keyPress(QKeyEvent *event)
{
    if (event->modifiers() == Qt::AltModifier) {
        switch (event->key()) {
        case Qt::Key_Left: moveSelectedCards(-1, 0); return true;
        case Qt::Key_Right: moveSelectedCards(1, 0); return true;
        case Qt::Key_Up: moveSelectedCards(0, -1); return true;
        case Qt::Key_Down: moveSelectedCards(0, 1); return true;
        default: break;
        }
    }
    switch (event->key()) {
    case Qt::Key_F2: {
        // The selected card, else the header or title last clicked (while it
        // is on the map), else the focused cell's first card.
        auto selected = m_view->mapScene()->selectedCardIds();
        if (selected.size() == 1)
            m_view->editCardText(selected.front());
        else if (!editLastClicked() && selected.empty() && selectFirstCardInFocusedCell())
            m_view->editCardText(m_view->mapScene()->selectedCardIds().front());
        return true;
    }
    case Qt::Key_Escape:
        if (m_dragging && (m_drag == Drag::Stage || m_drag == Drag::Persona || m_drag == Drag::Lane)) {
            cancelHeaderDrag(); // it stays where it was
            return true;
        }
        if (m_dragging && (m_drag == Drag::Cards || m_drag == Drag::Emotion)) {
            cancelCardDrag();
            return true;
        }
        m_view->mapScene()->clearCardSelection();
        return true;
    case Qt::Key_Left: moveSelection(-1, 0); return true;
    case Qt::Key_Right: moveSelection(1, 0); return true;
    case Qt::Key_Up:
        if (!nudgeSelectedEmotion(1))
            moveSelection(0, -1);
        return true;
    case Qt::Key_Down:
        if (!nudgeSelectedEmotion(-1))
            moveSelection(0, 1);
        return true;
    default: return false;
    }
}

bool SelectTool::editLastClicked()
{
    const MapLayout &layout = m_view->mapScene()->mapLayout();
    auto indexOf = [](const auto &items, auto same) {
        const auto at = std::find_if(items.begin(), items.end(), same);
        return at == items.end() ? -1 : static_cast<int>(at - items.begin());
    };
    const std::string &id = m_lastClicked.id;
    switch (m_lastClicked.kind) {
    case MapLayout::HitKind::StageHeader:
        if (const int stage = indexOf(layout.stages(), [&](const auto &s) { return s.stageId == id; }); stage >= 0) {
            m_view->editStageName(stage);
            return true;
        }
        return false;
    case MapLayout::HitKind::PersonaHeader:
        if (const int band = indexOf(layout.bands(), [&](const auto &b) { return b.personaId == id; }); band >= 0) {
            m_view->editPersonaName(band);
            return true;
        }
        return false;
    case MapLayout::HitKind::Title: m_view->editTitle(); return true;
    default: return false; // a lane's title is edited in the Structure panel
    }
}

bool SelectTool::moveSelectedCards(int dStage, int dRow)
{
    MapScene *scene = m_view->mapScene();
    const std::vector<std::string> ids = scene->selectedCardIds();
    const Document &doc = scene->controller()->document();
    const Card *anchor = ids.empty() ? nullptr : doc.card(ids.front());
    if (!anchor)
        return false;
    const MapLayout &layout = scene->mapLayout();
    const std::optional<MapLayout::CardPlace> place = layout.cellFor(*anchor);
    if (!place)
        return false;
    const int stage = place->stage + dStage;
    if (stage < 0 || stage >= int(layout.stages().size()))
        return false;
    const std::vector<MapLayout::LaneRow> &rows = layout.bands()[place->band].rows;
    int row = place->row;
    if (dRow != 0) {
        // The next row of the same kind: a card never changes kind by a move.
        const LaneKind kind = doc.cardKind(*anchor);
        for (row = place->row + dRow; row >= 0 && row < int(rows.size()); row += dRow)
            if (rows[row].kind == kind)
                break;
        if (row < 0 || row >= int(rows.size()))
            return false;
    }
    // Copies: the move lays the map out again.
    const std::string personaId = layout.bands()[place->band].personaId;
    const std::string stageId = layout.stages()[stage].stageId;
    const std::string laneId = rows[row].laneId;
    const std::size_t end = doc.cardsInCell(personaId, stageId, laneId).size();
    if (!scene->controller()->operations().moveCards(ids, personaId, stageId, laneId, end))
        return false;
    m_view->revealFocusedCell(); // it followed the card (MapView, on cardsUpdated)
    return true;
}

void SelectTool::deleteSelection()
{
    MapScene *scene = m_view->mapScene();
    const std::vector<std::string> ids = scene->selectedCardIds();
    if (ids.empty())
        return;
    scene->controller()->operations().deleteCards(ids);
}

void SelectTool::selectCard(const std::string &cardId)
{
    MapScene *scene = m_view->mapScene();
    if (!scene->isCardShown(cardId))
        return;
    scene->setSelectedCards({cardId});
    // The focused cell followed it (MapView::followSelection): the card is
    // revealed clear of the frozen headers.
    m_view->revealFocusedCell();
}

void SelectTool::moveSelection(int dx, int dy)
{
    MapScene *scene = m_view->mapScene();
    const MapLayout &layout = scene->mapLayout();
    const std::optional<MapView::Cell> focus = m_view->focusedCell();
    if (!focus)
        return;
    int band = focus->band, row = focus->row, stage = focus->stage;
    // The selected card in the focused cell, if any: Up/Down go through the
    // cell's cards first.
    int index = -1;
    const std::vector<std::string> selected = scene->selectedCardIds();
    if (!selected.empty())
        if (const auto place = layout.cardPlace(selected.front());
            place && place->band == band && place->row == row && place->stage == stage)
            index = place->indexInCell;
    if (dy != 0 && index >= 0) {
        const auto &cell = layout.cardsInCell(band, row, stage);
        if (index + dy >= 0 && index + dy < static_cast<int>(cell.size())) {
            selectCard(cell[static_cast<std::size_t>(index + dy)].cardId);
            return;
        }
    }
    // Then the neighbouring cell, with or without cards: a stage left or
    // right, a lane up or down (on into the next persona's band).
    const int stages = static_cast<int>(layout.stages().size());
    const int bands = static_cast<int>(layout.bands().size());
    auto rowsIn = [&](int b) { return static_cast<int>(layout.bands()[static_cast<std::size_t>(b)].rows.size()); };
    if (dx != 0) {
        stage += dx;
        if (stage < 0 || stage >= stages)
            return;
    } else {
        row += dy;
        // Past a band's edge: the next band that has rows.
        while (row < 0 || row >= rowsIn(band)) {
            band += dy;
            if (band < 0 || band >= bands)
                return;
            row = dy > 0 ? 0 : rowsIn(band) - 1;
        }
    }
    const auto &cell = layout.cardsInCell(band, row, stage);
    // Up and Down go on through an emotion lane: a face selected on the way
    // would take the next press as a change of its score.
    const bool emotions =
        layout.bands()[static_cast<std::size_t>(band)].rows[static_cast<std::size_t>(row)].kind == LaneKind::Emotions;
    if (cell.empty() || (dy != 0 && emotions)) {
        scene->clearCardSelection();
        m_view->setFocusedCell(band, row, stage);
        m_view->revealFocusedCell();
        return;
    }
    // A card there is selected: across, the one at the same place in the
    // cell; down, the first; up, the last.
    const int count = static_cast<int>(cell.size());
    const int pick = dx != 0 ? std::clamp(index, 0, count - 1) : (dy > 0 ? 0 : count - 1);
    selectCard(cell[static_cast<std::size_t>(pick)].cardId); // the focused cell follows, the card is revealed
}

bool SelectTool::selectFirstCardInFocusedCell()
{
    const std::optional<MapView::Cell> focus = m_view->focusedCell();
    if (!focus)
        return false;
    const auto &cell = m_view->mapScene()->mapLayout().cardsInCell(focus->band, focus->row, focus->stage);
    if (cell.empty())
        return false;
    selectCard(cell.front().cardId);
    return true;
}

} // namespace cjm
