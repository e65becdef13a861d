// The canvas from the keyboard: Up/Down on a selected emotion change its
// score one step per press (one undo step each); an in-place editor opened
// near the window's edge is scrolled into sight.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QGraphicsRectItem>
#include <QMouseEvent>
#include <QPointer>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <algorithm>

#include "cjm/document_io.hpp"
#include "inline_editor.hpp"
#include "main_window.hpp"
#include "map_scene.hpp"
#include "map_style.hpp"
#include "map_view.hpp"
#include "palette_drop.hpp"
#include "palette_panel.hpp"
#include "select_tool.hpp"

using namespace cjm;

namespace {

void loadSampleCopy(DocumentController &controller, const QTemporaryDir &dir)
{
    const QString copy = dir.filePath(QStringLiteral("map.cjm"));
    REQUIRE(QFile::copy(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm"), copy));
    Problems problems;
    REQUIRE(controller.load(copy, problems));
}

const Card *firstEmotionWithScore(const Document &doc, int below)
{
    for (const Card &card : doc.cards())
        if (card.score && *card.score < below && doc.lane(card.lane) && doc.lane(card.lane)->kind == LaneKind::Emotions)
            return &card;
    return nullptr;
}

} // namespace

TEST_CASE("Up and Down on a selected emotion change its score by one step per press", "[keyboard]")
{
    QTemporaryDir dir;
    DocumentController controller;
    loadSampleCopy(controller, dir);
    MapScene scene(&controller);
    MapView view(&scene);
    view.resize(900, 600);
    view.show();

    const Card *emotion = firstEmotionWithScore(controller.document(), 2);
    REQUIRE(emotion != nullptr);
    const std::string id = emotion->id;
    const int before = *emotion->score;
    const int undoBefore = controller.undoStack()->index();
    view.selectTool()->selectCard(id);

    QTest::keyClick(view.viewport(), Qt::Key_Up);
    CHECK(controller.document().card(id)->score == before + 1);
    CHECK(controller.undoStack()->index() == undoBefore + 1);
    // Still selected: the key changed the score, it did not move the selection.
    CHECK(scene.selectedCardIds() == std::vector<std::string>{id});
    QTest::keyClick(view.viewport(), Qt::Key_Down);
    QTest::keyClick(view.viewport(), Qt::Key_Down);
    CHECK(controller.document().card(id)->score == before - 1);
    CHECK(controller.undoStack()->index() == undoBefore + 3);

    // At the bottom of the scale the key does nothing.
    for (int i = 0; i < 8; ++i)
        QTest::keyClick(view.viewport(), Qt::Key_Down);
    CHECK(controller.document().card(id)->score == -3);
    const int atBottom = controller.undoStack()->index();
    QTest::keyClick(view.viewport(), Qt::Key_Down);
    CHECK(controller.undoStack()->index() == atBottom);

    controller.undoStack()->setIndex(undoBefore);
    CHECK(controller.document().card(id)->score == before);
}

TEST_CASE("an in-place editor opened near the right edge is scrolled into sight", "[keyboard]")
{
    QTemporaryDir dir;
    DocumentController controller;
    loadSampleCopy(controller, dir);
    MapScene scene(&controller);
    MapView view(&scene);
    view.resize(500, 400);
    view.show();
    view.resetZoom();
    const MapLayout &layout = scene.mapLayout();
    const int last = static_cast<int>(layout.stages().size()) - 1;
    REQUIRE(last > 0);
    // The last stage header starts just inside the window's right edge: the
    // editor (at least 140 px wide) would be cut off there.
    const QRectF header = layout.stageHeaderRect(last);
    view.horizontalScrollBar()->setValue(0);
    view.verticalScrollBar()->setValue(0);
    const int target = static_cast<int>(header.left()) - view.viewport()->width() + 40;
    REQUIRE(target > 0);
    view.horizontalScrollBar()->setValue(target);
    REQUIRE(view.horizontalScrollBar()->value() == target);

    view.editStageName(last);
    auto *editor = view.viewport()->findChild<InlineEditor *>();
    REQUIRE(editor != nullptr);
    CHECK(view.viewport()->rect().contains(editor->geometry()));
    CHECK(view.horizontalScrollBar()->value() > target);
    QTest::keyClick(editor, Qt::Key_Escape);
}

TEST_CASE("Tab in an in-place card editor leaves it without typing a tab", "[keyboard]")
{
    QTemporaryDir dir;
    DocumentController controller;
    loadSampleCopy(controller, dir);
    MapScene scene(&controller);
    MapView view(&scene);
    view.resize(900, 600);
    view.show();
    const std::string id = controller.document().cards().front().id;
    view.editCardText(id);
    auto *editor = view.viewport()->findChild<InlineEditor *>();
    REQUIRE(editor != nullptr);
    QTest::keyClicks(editor, QStringLiteral("Kept"));
    QPointer<InlineEditor> alive(editor);
    QTest::keyClick(editor, Qt::Key_Tab);
    // Tab moved the focus on (committing) or, with nowhere to go, did
    // nothing; either way no tab was typed.
    if (alive) {
        CHECK(editor->toPlainText() == QStringLiteral("Kept"));
        QTest::keyClick(editor, Qt::Key_Return);
    }
    QApplication::processEvents();
    CHECK(controller.document().card(id)->text == "Kept");
}

TEST_CASE("Esc during a mouse drag of a card puts it back and leaves the undo stack as it was", "[keyboard]")
{
    QTemporaryDir dir;
    DocumentController controller;
    loadSampleCopy(controller, dir);
    MapScene scene(&controller);
    MapView view(&scene);
    view.resize(1400, 900);
    view.show();
    view.resetZoom();
    const MapLayout &layout = scene.mapLayout();
    // A card in the first stage, dragged into the second stage's cell of its row.
    std::string id;
    std::optional<MapLayout::CardPlace> place;
    for (const Card &card : controller.document().cards()) {
        place = layout.cardPlace(card.id);
        if (place && place->stage == 0 && layout.bands()[place->band].rows[place->row].kind != LaneKind::Emotions &&
            scene.isCardShown(card.id)) {
            id = card.id;
            break;
        }
    }
    REQUIRE_FALSE(id.empty());
    const std::string stageBefore = controller.document().card(id)->stage;
    const int undoBefore = controller.undoStack()->index();
    const QString undoTextBefore = controller.undoStack()->undoText();
    view.ensureVisible(layout.cellRect(place->band, place->row, 1), 0, 0);
    const QPoint from = view.mapFromScene(layout.cardRect(id)->center());
    const QPoint to = view.mapFromScene(layout.cellRect(place->band, place->row, 1).center());
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), view.viewport()->mapToGlobal(QPointF(to)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &move);
    REQUIRE(controller.document().card(id)->stage != stageBefore); // the drag moved it
    QTest::keyClick(&view, Qt::Key_Escape);
    CHECK(controller.document().card(id)->stage == stageBefore);
    CHECK(controller.undoStack()->index() == undoBefore);
    CHECK(controller.undoStack()->undoText() == undoTextBefore);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, to);
    CHECK(controller.document().card(id)->stage == stageBefore);
    CHECK(controller.undoStack()->index() == undoBefore);
}

TEST_CASE("F6 and Shift+F6 move the focus canvas, Palette, Inspector, Structure and round again", "[keyboard]")
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QApplication::setActiveWindow(&window);
    auto *view = window.findChild<MapView *>();
    auto *palette = window.findChild<QDockWidget *>(QStringLiteral("paletteDock"));
    auto *inspector = window.findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    auto *structure = window.findChild<QDockWidget *>(QStringLiteral("structureDock"));
    REQUIRE(view);
    REQUIRE(palette);
    REQUIRE(inspector);
    REQUIRE(structure);
    view->setFocus();
    REQUIRE(view->hasFocus());
    // Structure is tabbed with the Palette: F6 must reach both.
    REQUIRE(window.tabifiedDockWidgets(palette).contains(structure));

    const auto focusIn = [](QWidget *pane) {
        const QWidget *focus = QApplication::focusWidget();
        return focus && (focus == pane || pane->isAncestorOf(focus));
    };
    const auto press = [](Qt::KeyboardModifiers modifiers) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, modifiers);
    };

    press(Qt::NoModifier);
    CHECK(focusIn(palette));
    CHECK(palette->widget()->isVisible());
    press(Qt::NoModifier);
    CHECK(focusIn(inspector));
    press(Qt::NoModifier);
    CHECK(focusIn(structure));
    CHECK(structure->widget()->isVisible());
    press(Qt::NoModifier);
    CHECK(view->hasFocus());

    press(Qt::ShiftModifier);
    CHECK(focusIn(structure));
    press(Qt::ShiftModifier);
    CHECK(focusIn(inspector));
    press(Qt::ShiftModifier);
    CHECK(focusIn(palette));
    CHECK(palette->widget()->isVisible());
    press(Qt::ShiftModifier);
    CHECK(view->hasFocus());

    // A closed dock is reopened when its turn comes.
    inspector->close();
    palette->widget()->setFocus();
    press(Qt::NoModifier);
    CHECK(inspector->isVisible());
    CHECK(focusIn(inspector));
}

TEST_CASE("Insert and Ctrl+Enter add a card of the selected card's kind right after it and edit it", "[keyboard]")
{
    QTemporaryDir dir;
    DocumentController controller;
    loadSampleCopy(controller, dir);
    MapScene scene(&controller);
    MapView view(&scene);
    view.resize(900, 600);
    view.show();
    QApplication::setActiveWindow(&view);
    view.setFocus();

    const Document &doc = controller.document();
    const std::string first = scene.mapLayout().cardIds().front();
    const Card before = *doc.card(first);
    const LaneKind kind = doc.cardKind(before);
    const std::size_t cellBefore = doc.cardsInCell(before.persona, before.stage, before.lane).size();
    const int undoBefore = controller.undoStack()->index();

    view.selectTool()->selectCard(first);
    QTest::keyClick(view.viewport(), Qt::Key_Insert);
    std::vector<const Card *> cell = doc.cardsInCell(before.persona, before.stage, before.lane);
    REQUIRE(cell.size() == cellBefore + 1);
    const auto at = std::find_if(cell.begin(), cell.end(), [&](const Card *c) { return c->id == first; });
    REQUIRE(at != cell.end());
    REQUIRE(at + 1 != cell.end());
    const std::string added = (*(at + 1))->id;
    CHECK(doc.cardKind(**(at + 1)) == kind);
    CHECK(controller.undoStack()->index() == undoBefore + 1);
    CHECK(scene.selectedCardIds() == std::vector<std::string>{added});
    auto *editor = view.findChild<InlineEditor *>();
    REQUIRE(editor);
    QTest::keyClicks(editor, QStringLiteral("Typed"));
    QTest::keyClick(editor, Qt::Key_Return);
    CHECK(doc.card(added)->text == "Typed");

    // Ctrl+Enter does the same, after the card just added.
    view.setFocus();
    QTest::keyClick(view.viewport(), Qt::Key_Return, Qt::ControlModifier);
    cell = doc.cardsInCell(before.persona, before.stage, before.lane);
    REQUIRE(cell.size() == cellBefore + 2);
    const auto typed = std::find_if(cell.begin(), cell.end(), [&](const Card *c) { return c->id == added; });
    REQUIRE(typed + 1 != cell.end());
    CHECK(scene.selectedCardIds() == std::vector<std::string>{(*(typed + 1))->id});
}

TEST_CASE("Enter on a palette card entry adds that card in the selected card's cell and edits it", "[keyboard]")
{
    QTemporaryDir dir;
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QApplication::setActiveWindow(&window);
    auto *view = window.findChild<MapView *>();
    auto *palette = window.findChild<PalettePanel *>();
    REQUIRE(view);
    REQUIRE(palette);
    DocumentController &controller = *view->mapScene()->controller();
    loadSampleCopy(controller, dir);
    const Document &doc = controller.document();

    // Selected card: a new Pain point goes to that card's persona and stage.
    const std::string selected = view->mapScene()->mapLayout().cardIds().front();
    const Card anchor = *doc.card(selected);
    view->selectTool()->selectCard(selected);
    int row = -1;
    for (int i = 0; i < palette->count(); ++i)
        if (palette->item(i)->text() == laneKindDisplayName(LaneKind::PainPoints))
            row = i;
    REQUIRE(row >= 0);
    palette->setFocus();
    palette->setCurrentRow(row);
    const std::size_t cardsBefore = doc.cards().size();
    QTest::keyClick(palette, Qt::Key_Return);
    REQUIRE(doc.cards().size() == cardsBefore + 1);
    const std::vector<std::string> now = view->mapScene()->selectedCardIds();
    REQUIRE(now.size() == 1);
    const Card *added = doc.card(now.front());
    REQUIRE(added);
    CHECK(added->persona == anchor.persona);
    CHECK(added->stage == anchor.stage);
    CHECK(doc.cardKind(*added) == LaneKind::PainPoints);
    CHECK(view->findChild<InlineEditor *>() != nullptr);
}

TEST_CASE("Alt+arrows move the selected card to the neighbouring cell; Delete removes it", "[keyboard]")
{
    QTemporaryDir dir;
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QApplication::setActiveWindow(&window);
    auto *view = window.findChild<MapView *>();
    REQUIRE(view);
    MapScene &scene = *view->mapScene();
    DocumentController &controller = *scene.controller();
    loadSampleCopy(controller, dir);
    const Document &doc = controller.document();
    const MapLayout &layout = scene.mapLayout();
    REQUIRE(layout.stages().size() > 1);
    // A card in the first stage, so there is a stage to its right.
    std::string id;
    for (const std::string &candidate : layout.cardIds())
        if (doc.card(candidate)->stage == layout.stages()[0].stageId) {
            id = candidate;
            break;
        }
    REQUIRE(!id.empty());
    const Card before = *doc.card(id);
    view->setFocus();
    view->selectTool()->selectCard(id);
    const int undoBefore = controller.undoStack()->index();

    QTest::keyClick(view->viewport(), Qt::Key_Right, Qt::AltModifier);
    CHECK(doc.card(id)->stage == layout.stages()[1].stageId);
    CHECK(doc.card(id)->lane == before.lane);
    CHECK(doc.card(id)->persona == before.persona);
    CHECK(controller.undoStack()->index() == undoBefore + 1);
    CHECK(scene.selectedCardIds() == std::vector<std::string>{id});

    QTest::keyClick(view->viewport(), Qt::Key_Left, Qt::AltModifier);
    CHECK(doc.card(id)->stage == before.stage);
    // The first stage has nothing to its left: nothing happens.
    const int undoAtLeft = controller.undoStack()->index();
    QTest::keyClick(view->viewport(), Qt::Key_Left, Qt::AltModifier);
    CHECK(doc.card(id)->stage == before.stage);
    CHECK(controller.undoStack()->index() == undoAtLeft);

    // Up/Down go to the next lane of the card's kind in the band, if any.
    const auto place = layout.cellFor(*doc.card(id));
    REQUIRE(place);
    const auto &rows = layout.bands()[place->band].rows;
    std::string below;
    for (int r = place->row + 1; r < int(rows.size()) && below.empty(); ++r)
        if (rows[r].kind == doc.cardKind(before))
            below = rows[r].laneId;
    QTest::keyClick(view->viewport(), Qt::Key_Down, Qt::AltModifier);
    CHECK(doc.card(id)->lane == (below.empty() ? before.lane : below));

    QTest::keyClick(view->viewport(), Qt::Key_Delete);
    CHECK(doc.card(id) == nullptr);
    CHECK(scene.selectedCardIds().empty());
}

TEST_CASE("dragging an emotion shows its score next to the pointer until the drag ends", "[keyboard]")
{
    QTemporaryDir dir;
    DocumentController controller;
    loadSampleCopy(controller, dir);
    MapScene scene(&controller);
    MapView view(&scene);
    view.resize(1400, 900);
    view.show();
    const MapLayout &layout = scene.mapLayout();
    const Card *emotion = firstEmotionWithScore(controller.document(), 3);
    REQUIRE(emotion);
    const std::string id = emotion->id;
    const auto place = layout.cardPlace(id);
    REQUIRE(place);
    const int target = *emotion->score == -3 ? 3 : -3;
    view.ensureVisible(layout.cellRect(place->band, place->row, place->stage), 0, 0);
    const QPoint from = view.mapFromScene(layout.cardRect(id)->center());
    const QPoint to =
        view.mapFromScene(QPointF(layout.cardRect(id)->center().x(), layout.emotionY(place->band, place->row, target)));
    CHECK(view.dropReadout().isEmpty());
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), view.viewport()->mapToGlobal(QPointF(to)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &move);
    REQUIRE(controller.document().card(id)->score == target);
    CHECK(view.dropReadout() == emotionScoreText(target));
    // A face and the number: the face is the one the map draws for that
    // score (MapPainter::paintEmotionFace), filled with the score's colour.
    CHECK(view.dropReadoutScore() == target);
    const QRect face = view.dropReadoutFaceRect();
    REQUIRE(!face.isEmpty());
    CHECK(view.dropReadoutRect().contains(face));
    const QImage shown = view.viewport()->grab().toImage();
    // Left of the eyes, above the mouth: the fill.
    const QColor fill = shown.pixelColor(face.left() + face.width() / 5, face.center().y() - face.height() / 10);
    const QColor expected = layout.style().emotionColor(target);
    CHECK(std::abs(fill.red() - expected.red()) <= 12);
    CHECK(std::abs(fill.green() - expected.green()) <= 12);
    CHECK(std::abs(fill.blue() - expected.blue()) <= 12);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, to);
    CHECK(view.dropReadout().isEmpty());
    CHECK(view.dropReadoutFaceRect().isEmpty());
}

namespace {

// A cell that holds cards with an empty cell right of it.
struct CellPair {
    int band = -1, row = -1, stage = -1; // the cell with cards; stage + 1 is empty
};
CellPair cardCellBesideEmptyOne(const MapLayout &layout)
{
    for (int b = 0; b < int(layout.bands().size()); ++b)
        for (int r = 0; r < int(layout.bands()[b].rows.size()); ++r)
            for (int s = 0; s + 1 < int(layout.stages().size()); ++s)
                if (!layout.cardsInCell(b, r, s).empty() && layout.cardsInCell(b, r, s + 1).empty())
                    return {b, r, s};
    return {};
}

// How many pixels across the focused cell's left edge, half way down, have
// the focus rectangle's colour.
int focusPixelsAcrossLeftEdge(MapView &view)
{
    const QImage image = view.viewport()->grab().toImage();
    const QRect cell = view.mapFromScene(view.focusedCellRect()).boundingRect();
    const QColor focus(0x15, 0x65, 0xc0);
    int count = 0;
    for (int x = cell.left() - 6; x <= cell.left() + 6; ++x) {
        const QColor c = image.pixelColor(x, cell.center().y());
        if (std::abs(c.red() - focus.red()) + std::abs(c.green() - focus.green()) + std::abs(c.blue() - focus.blue()) <
            40)
            ++count;
    }
    return count;
}

} // namespace

TEST_CASE("arrows move the focused cell through empty cells too; it is drawn as a rectangle at any zoom", "[keyboard]")
{
    QTemporaryDir dir;
    DocumentController controller;
    loadSampleCopy(controller, dir);
    MapScene scene(&controller);
    MapView view(&scene);
    view.resize(1000, 700);
    view.show();
    QApplication::setActiveWindow(&view);
    view.setFocus();
    REQUIRE(view.hasFocus());
    const MapLayout &layout = scene.mapLayout();
    const CellPair at = cardCellBesideEmptyOne(layout);
    REQUIRE(at.band >= 0);
    const std::string card = layout.cardsInCell(at.band, at.row, at.stage).front().cardId;

    // Selecting a card focuses its cell.
    view.selectTool()->selectCard(card);
    REQUIRE(view.focusedCell());
    CHECK(*view.focusedCell() == MapView::Cell{at.band, at.row, at.stage});

    // Right: the empty cell beside it takes the focus; nothing is selected.
    QTest::keyClick(view.viewport(), Qt::Key_Right);
    CHECK(*view.focusedCell() == MapView::Cell{at.band, at.row, at.stage + 1});
    CHECK(scene.selectedCardIds().empty());

    // Drawn: a two-pixel rectangle in the focus colour, the same at every zoom.
    for (const qreal zoom : {0.6, 1.0, 2.0}) {
        view.setZoom(zoom);
        view.revealFocusedCell();
        INFO("zoom " << zoom);
        CHECK(focusPixelsAcrossLeftEdge(view) == 2);
    }
    view.setZoom(1.0);
    view.revealFocusedCell();
    // Not drawn when the canvas does not have the keys.
    view.clearFocus();
    CHECK(focusPixelsAcrossLeftEdge(view) == 0);
    view.setFocus();

    // Left: back to the card's cell, the card selected again.
    QTest::keyClick(view.viewport(), Qt::Key_Left);
    CHECK(*view.focusedCell() == MapView::Cell{at.band, at.row, at.stage});
    CHECK(scene.selectedCardIds() == std::vector<std::string>{card});

    // Up and Down cross lanes, empty or not, and into the next persona's band.
    QTest::keyClick(view.viewport(), Qt::Key_Right);
    const int rows = int(layout.bands()[at.band].rows.size());
    for (int i = 0; i < rows; ++i)
        QTest::keyClick(view.viewport(), Qt::Key_Down);
    const MapView::Cell down = *view.focusedCell();
    CHECK(down.stage == at.stage + 1);
    if (at.band + 1 < int(layout.bands().size()))
        CHECK(down.band == at.band + 1);
    else
        CHECK(down.row == rows - 1); // the last lane: nothing below
}

TEST_CASE("Insert adds a card of the lane's kind in an empty focused cell; Enter and F2 edit a card", "[keyboard]")
{
    QTemporaryDir dir;
    DocumentController controller;
    loadSampleCopy(controller, dir);
    MapScene scene(&controller);
    MapView view(&scene);
    view.resize(1000, 700);
    view.show();
    QApplication::setActiveWindow(&view);
    view.setFocus();
    const MapLayout &layout = scene.mapLayout();
    const Document &doc = controller.document();
    const CellPair at = cardCellBesideEmptyOne(layout);
    REQUIRE(at.band >= 0);
    view.selectTool()->selectCard(layout.cardsInCell(at.band, at.row, at.stage).front().cardId);
    QTest::keyClick(view.viewport(), Qt::Key_Right);
    REQUIRE(scene.selectedCardIds().empty());
    const std::string personaId = layout.bands()[at.band].personaId;
    const std::string stageId = layout.stages()[at.stage + 1].stageId;
    const std::string laneId = layout.bands()[at.band].rows[at.row].laneId;
    const LaneKind kind = layout.bands()[at.band].rows[at.row].kind;
    REQUIRE(doc.cardsInCell(personaId, stageId, laneId).empty());

    QTest::keyClick(view.viewport(), Qt::Key_Insert);
    std::vector<const Card *> cell = doc.cardsInCell(personaId, stageId, laneId);
    REQUIRE(cell.size() == 1);
    CHECK(doc.cardKind(*cell.front()) == kind);
    const std::string added = cell.front()->id;
    CHECK(scene.selectedCardIds() == std::vector<std::string>{added});
    auto *editor = qobject_cast<InlineEditor *>(QApplication::focusWidget());
    REQUIRE(editor);
    QTest::keyClicks(editor, QStringLiteral("Typed in place"));
    QTest::keyClick(editor, Qt::Key_Return);
    CHECK(doc.card(added)->text == "Typed in place");
    // Enter closed the editor: the keys are the canvas's again.
    CHECK(view.hasFocus());
    CHECK(*view.focusedCell() == MapView::Cell{at.band, at.row, at.stage + 1});

    // Enter on the selected card edits it; so does F2.
    QTest::keyClick(view.viewport(), Qt::Key_Return);
    editor = qobject_cast<InlineEditor *>(QApplication::focusWidget());
    REQUIRE(editor);
    CHECK(editor->toPlainText() == QStringLiteral("Typed in place"));
    QTest::keyClick(editor, Qt::Key_Escape);
    CHECK(view.hasFocus());
    QTest::keyClick(view.viewport(), Qt::Key_F2);
    editor = qobject_cast<InlineEditor *>(QApplication::focusWidget());
    REQUIRE(editor);
    QTest::keyClicks(editor, QStringLiteral("Renamed"));
    QTest::keyClick(editor, Qt::Key_Return);
    CHECK(doc.card(added)->text == "Renamed");
    CHECK(doc.cardsInCell(personaId, stageId, laneId).size() == 1);
}

TEST_CASE("a click on a card or an empty cell moves the focused cell there", "[keyboard]")
{
    QTemporaryDir dir;
    DocumentController controller;
    loadSampleCopy(controller, dir);
    MapScene scene(&controller);
    MapView view(&scene);
    view.resize(1400, 900);
    view.show();
    QApplication::setActiveWindow(&view);
    view.setFocus();
    const MapLayout &layout = scene.mapLayout();
    const CellPair at = cardCellBesideEmptyOne(layout);
    REQUIRE(at.band >= 0);
    const std::string card = layout.cardsInCell(at.band, at.row, at.stage).front().cardId;
    view.ensureVisible(layout.cellRect(at.band, at.row, at.stage + 1), 40, 40);
    view.ensureVisible(*layout.cardRect(card), 40, 40);

    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(layout.cardRect(card)->center()));
    CHECK(*view.focusedCell() == MapView::Cell{at.band, at.row, at.stage});
    CHECK(scene.selectedCardIds() == std::vector<std::string>{card});

    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      view.mapFromScene(layout.cellRect(at.band, at.row, at.stage + 1).center()));
    CHECK(*view.focusedCell() == MapView::Cell{at.band, at.row, at.stage + 1});
    CHECK(scene.selectedCardIds().empty());
}

TEST_CASE("Enter on the Palette's Stage and Persona entries adds a stage and a persona after the focused cell's",
          "[keyboard]")
{
    QTemporaryDir dir;
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QApplication::setActiveWindow(&window);
    auto *view = window.findChild<MapView *>();
    auto *palette = window.findChild<PalettePanel *>();
    REQUIRE(view);
    REQUIRE(palette);
    DocumentController &controller = *view->mapScene()->controller();
    loadSampleCopy(controller, dir);
    const Document &doc = controller.document();
    REQUIRE(doc.stages().size() > 1);
    view->setFocus();
    view->setFocusedCell(0, 0, 0);
    QTest::keyClick(view->viewport(), Qt::Key_Right); // the second stage
    REQUIRE(view->focusedCell()->stage == 1);
    const std::vector<Stage> stagesBefore = doc.stages();
    const std::vector<Persona> personasBefore = doc.personas();
    const auto rowOf = [&](PaletteEntry::Type type) {
        for (int i = 0; i < palette->count(); ++i)
            if (PaletteEntry::fromMime(palette->item(i)->data(Qt::UserRole + 1).toString().toUtf8())->type == type)
                return i;
        return -1;
    };

    palette->setFocus();
    palette->setCurrentRow(rowOf(PaletteEntry::Type::Stage));
    const int undoBefore = controller.undoStack()->index();
    QTest::keyClick(palette, Qt::Key_Return);
    REQUIRE(doc.stages().size() == stagesBefore.size() + 1);
    CHECK(doc.stages()[0].id == stagesBefore[0].id);
    CHECK(doc.stages()[1].id == stagesBefore[1].id);
    CHECK(doc.stages()[3].id == stagesBefore[2].id); // the new one is the third
    CHECK(controller.undoStack()->index() == undoBefore + 1);
    CHECK(view->focusedCell()->stage == 2); // the new column has the focus
    auto *editor = qobject_cast<InlineEditor *>(QApplication::focusWidget());
    REQUIRE(editor); // its name, in place
    QTest::keyClicks(editor, QStringLiteral("Checkout"));
    QTest::keyClick(editor, Qt::Key_Return);
    CHECK(doc.stages()[2].name == "Checkout");

    palette->setFocus();
    palette->setCurrentRow(rowOf(PaletteEntry::Type::Persona));
    QTest::keyClick(palette, Qt::Key_Return);
    REQUIRE(doc.personas().size() == personasBefore.size() + 1);
    CHECK(doc.personas()[0].id == personasBefore[0].id);
    CHECK(view->focusedCell()->band == 1); // the new band, after the focused one
    CHECK(view->mapScene()->mapLayout().bands()[1].personaId == doc.personas()[1].id);
    CHECK(doc.personas()[1].id != personasBefore[0].id);
    REQUIRE(qobject_cast<InlineEditor *>(QApplication::focusWidget()) != nullptr);
}

TEST_CASE("Up and Down pass an emotion lane without changing a score; Enter there selects the face", "[keyboard]")
{
    QTemporaryDir dir;
    DocumentController controller;
    loadSampleCopy(controller, dir);
    MapScene scene(&controller);
    MapView view(&scene);
    view.resize(1000, 700);
    view.show();
    QApplication::setActiveWindow(&view);
    view.setFocus();
    const MapLayout &layout = scene.mapLayout();
    const Document &doc = controller.document();
    // An emotion below 3 in a lane with a lane above and below it.
    int band = -1, row = -1, stage = -1;
    for (int b = 0; b < int(layout.bands().size()) && band < 0; ++b) {
        const auto &rows = layout.bands()[b].rows;
        for (int r = 1; r + 1 < int(rows.size()) && band < 0; ++r)
            for (int s = 0; s < int(layout.stages().size()) && band < 0; ++s)
                if (rows[r].kind == LaneKind::Emotions && !layout.cardsInCell(b, r, s).empty() &&
                    doc.card(layout.cardsInCell(b, r, s).front().cardId)->score.value_or(0) < 3) {
                    band = b;
                    row = r;
                    stage = s;
                }
    }
    REQUIRE(band >= 0);
    const std::string face = layout.cardsInCell(band, row, stage).front().cardId;
    const int score = doc.card(face)->score.value_or(0);
    const std::string before = writeDocument(doc);
    scene.clearCardSelection();
    view.setFocusedCell(band, row - 1, stage);

    QTest::keyClick(view.viewport(), Qt::Key_Down);
    CHECK(*view.focusedCell() == MapView::Cell{band, row, stage});
    CHECK(scene.selectedCardIds().empty());
    QTest::keyClick(view.viewport(), Qt::Key_Down);
    CHECK(*view.focusedCell() == MapView::Cell{band, row + 1, stage});
    QTest::keyClick(view.viewport(), Qt::Key_Up);
    CHECK(*view.focusedCell() == MapView::Cell{band, row, stage});
    CHECK(writeDocument(doc) == before); // no score changed on the way

    // Enter in the emotion cell selects its face; then Up raises its score.
    QTest::keyClick(view.viewport(), Qt::Key_Return);
    CHECK(scene.selectedCardIds() == std::vector<std::string>{face});
    CHECK(view.findChild<InlineEditor *>() == nullptr);
    QTest::keyClick(view.viewport(), Qt::Key_Up);
    CHECK(doc.card(face)->score == score + 1);
}

TEST_CASE("the canvas paints the items a scene holds over the map (teammates' selection outlines)", "[keyboard]")
{
    QTemporaryDir dir;
    DocumentController controller;
    loadSampleCopy(controller, dir);
    MapScene scene(&controller);
    MapView view(&scene);
    view.resize(900, 600);
    view.show();
    const MapLayout &layout = scene.mapLayout();
    // A cell clear of the frozen headers.
    const QRectF cell = layout.cellRect(0, 0, 1);
    view.setFocusedCell(0, 0, 1);
    view.revealFocusedCell();
    (void)view.viewport()->grab(); // laid out, so the mapping below is the one painted with
    const QPoint centre = view.mapFromScene(cell.center());
    const QColor before = view.viewport()->grab().toImage().pixelColor(centre);
    auto *item = scene.addRect(cell.adjusted(10, 10, -10, -10), QPen(Qt::NoPen), QColor(0xff, 0x00, 0xcc));
    item->setZValue(10);
    const QImage shown = view.viewport()->grab().toImage();
    CHECK(shown.pixelColor(centre) == QColor(0xff, 0x00, 0xcc));
    item->setVisible(false);
    CHECK(view.viewport()->grab().toImage().pixelColor(centre) == before);
}
