// The canvas's keyboard focus (the focused cell) against what happens to the
// map under it: a selected card that moves takes the focus with it; Up/Down
// keep the selected card in sight, clear of the frozen headers; Enter on the
// Palette's Persona entry in persona focus mode; Insert and Enter with their
// modifiers; one screen-reader announcement per keyboard move; F2 on the
// last clicked header, found again by its id.
#include <catch2/catch.hpp>

#include <QAccessible>
#include <QApplication>
#include <QFile>
#include <QMouseEvent>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <vector>

#include "inline_editor.hpp"
#include "map_accessibility.hpp"
#include "map_operations.hpp"
#include "map_scene.hpp"
#include "map_style.hpp"
#include "map_view.hpp"
#include "palette_drop.hpp"
#include "qt_text.hpp"
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

void showFocused(MapView &view, int width, int height)
{
    view.resize(width, height);
    view.show();
    QApplication::setActiveWindow(&view);
    view.setFocus();
    REQUIRE(view.hasFocus());
}

// A canvas on a copy of the sample, shown at a size and holding the focus.
struct SampleCanvas {
    QTemporaryDir dir;
    DocumentController controller;
    bool loaded = (loadSampleCopy(controller, dir), true); // before the scene lays the map out
    MapScene scene{&controller};
    MapView view{&scene};
    SampleCanvas(int width, int height) { showFocused(view, width, height); }
};

std::optional<MapView::Cell> cellOf(const MapScene &scene, const std::string &cardId)
{
    const auto place = scene.mapLayout().cardPlace(cardId);
    if (!place)
        return std::nullopt;
    return MapView::Cell{place->band, place->row, place->stage};
}

// Closes an in-place editor left open (Esc: a blank new card goes again).
void closeEditor(MapView &view)
{
    if (auto *editor = view.viewport()->findChild<InlineEditor *>())
        QTest::keyClick(editor, Qt::Key_Escape);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

// The Focus events sent for screen readers. On the offscreen platform Qt
// drops accessibility events before any update handler (QAccessible is
// never active there), so they are counted where the canvas sends them.
struct FocusRecorder {
    std::vector<QAccessible::Id> seen;
    QMetaObject::Connection connection;
    explicit FocusRecorder(MapView &view)
    {
        MapAccessibility *accessibility = MapAccessibility::of(&view);
        REQUIRE(accessibility != nullptr);
        connection =
            QObject::connect(accessibility, &MapAccessibility::focusAnnounced,
                             [this](QAccessibleInterface *focused) { seen.push_back(QAccessible::uniqueId(focused)); });
    }
    ~FocusRecorder() { QObject::disconnect(connection); }
    // What was announced since the last call (announcements are sent once
    // the key press is handled).
    std::vector<QAccessibleInterface *> take()
    {
        QCoreApplication::sendPostedEvents();
        std::vector<QAccessibleInterface *> out;
        for (QAccessible::Id id : seen)
            out.push_back(QAccessible::accessibleInterface(id));
        seen.clear();
        return out;
    }
};

} // namespace

TEST_CASE("the focused cell follows a selected card that moves: Alt+arrows, undo, redo, another's edit",
          "[keyboard][canvasfocus]")
{
    SampleCanvas canvas(900, 600);
    DocumentController &controller = canvas.controller;
    MapScene &scene = canvas.scene;
    MapView &view = canvas.view;
    const MapLayout &layout = scene.mapLayout();
    REQUIRE(layout.stages().size() > 2);
    // A card in the first stage.
    std::string id;
    for (const std::string &candidate : layout.cardIds())
        if (const auto place = layout.cardPlace(candidate);
            place && place->stage == 0 && layout.bands()[place->band].rows[place->row].kind != LaneKind::Emotions) {
            id = candidate;
            break;
        }
    REQUIRE(!id.empty());
    view.selectTool()->selectCard(id);
    REQUIRE(view.focusedCell() == cellOf(scene, id));

    QTest::keyClick(view.viewport(), Qt::Key_Right, Qt::AltModifier);
    REQUIRE(cellOf(scene, id)->stage == 1);
    CHECK(view.focusedCell() == cellOf(scene, id));
    // Down goes on from the card's new cell, not the one it left.
    const MapView::Cell moved = *cellOf(scene, id);

    controller.undoStack()->undo();
    REQUIRE(cellOf(scene, id)->stage == 0);
    CHECK(view.focusedCell() == cellOf(scene, id));
    controller.undoStack()->redo();
    REQUIRE(cellOf(scene, id)->stage == 1);
    CHECK(view.focusedCell() == cellOf(scene, id));

    // Someone else's edit (a teammate, a panel) moves it on.
    const Card *card = controller.document().card(id);
    REQUIRE(card != nullptr);
    REQUIRE(controller.operations().moveCards({id}, card->persona, layout.stages()[2].stageId, card->lane, 0));
    CHECK(view.focusedCell() == cellOf(scene, id));
    CHECK(view.focusedCell()->stage == 2);

    // Insert adds to the card's cell.
    controller.undoStack()->undo();
    REQUIRE(view.focusedCell() == moved);
    QTest::keyClick(view.viewport(), Qt::Key_Insert);
    const std::vector<std::string> selected = scene.selectedCardIds();
    REQUIRE(selected.size() == 1);
    CHECK(selected.front() != id);
    CHECK(cellOf(scene, selected.front()) == moved);
    closeEditor(view);
}

TEST_CASE("the focused cell follows a card dragged with the mouse", "[keyboard][canvasfocus]")
{
    SampleCanvas canvas(1400, 900);
    MapScene &scene = canvas.scene;
    MapView &view = canvas.view;
    view.resetZoom();
    const MapLayout &layout = scene.mapLayout();
    std::string id;
    for (const std::string &candidate : layout.cardIds())
        if (const auto place = layout.cardPlace(candidate);
            place && place->stage == 0 && layout.bands()[place->band].rows[place->row].kind != LaneKind::Emotions) {
            id = candidate;
            break;
        }
    REQUIRE(!id.empty());
    const MapView::Cell from = *cellOf(scene, id);
    view.ensureVisible(layout.cellRect(from.band, from.row, 1), 0, 0);
    const QPoint press = view.mapFromScene(layout.cardRect(id)->center());
    const QPoint to = view.mapFromScene(layout.cellRect(from.band, from.row, 1).center());
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, press);
    REQUIRE(view.focusedCell() == from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), view.viewport()->mapToGlobal(QPointF(to)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &move);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, to);
    REQUIRE(cellOf(scene, id)->stage == 1);
    CHECK(view.focusedCell() == cellOf(scene, id));
}

TEST_CASE("Up and Down keep the selected card in sight below the frozen stage row", "[keyboard][canvasfocus]")
{
    SampleCanvas canvas(700, 500);
    DocumentController &controller = canvas.controller;
    MapScene &scene = canvas.scene;
    MapView &view = canvas.view;
    view.setZoom(1.5);
    const MapLayout &layout = scene.mapLayout();
    // A non-emotion row with a row under it in the same band: its first
    // stage's cell is made much taller than the window.
    int band = -1, row = -1;
    for (int b = 0; b < int(layout.bands().size()) && band < 0; ++b)
        for (int r = 0; r + 1 < int(layout.bands()[b].rows.size()) && band < 0; ++r)
            if (layout.bands()[b].rows[r].kind != LaneKind::Emotions) {
                band = b;
                row = r;
            }
    REQUIRE(band >= 0);
    const std::string personaId = layout.bands()[band].personaId;
    const std::string laneId = layout.bands()[band].rows[row].laneId;
    const std::string stageId = layout.stages()[0].stageId;
    for (int i = 0; i < 14; ++i) {
        const std::string id = controller.operations().addCardToCell(personaId, stageId, laneId, 0);
        REQUIRE(!id.empty());
        controller.operations().setCardText(id, QStringLiteral("A card with a few lines of text, number %1, so that "
                                                               "the cell grows well past the window's height")
                                                    .arg(i));
    }
    const qreal scale = view.zoom();
    const int frozenTop = static_cast<int>(std::ceil(layout.style().metrics.stageHeaderHeight * scale));
    const int frozenLeft = static_cast<int>(std::ceil(layout.contentLeft() * scale));
    REQUIRE(layout.cellRect(band, row, 0).height() * scale > 2 * view.viewport()->height());
    auto checkInSight = [&] {
        const std::vector<std::string> selected = scene.selectedCardIds();
        REQUIRE(selected.size() == 1);
        const auto rect = layout.cardRect(selected.front());
        REQUIRE(rect);
        const QRect shown = view.mapFromScene(*rect).boundingRect();
        INFO("card at " << shown.top() << ".." << shown.bottom() << " in a viewport " << view.viewport()->height()
                        << " high, frozen row " << frozenTop);
        CHECK(shown.top() >= frozenTop);
        CHECK(shown.bottom() <= view.viewport()->height());
        CHECK(shown.left() >= frozenLeft - 1);
    };

    scene.clearCardSelection();
    view.setFocusedCell(band, row + 1, 0);
    // Up into the tall cell: its last card.
    QTest::keyClick(view.viewport(), Qt::Key_Up);
    REQUIRE(view.focusedCell() == (MapView::Cell{band, row, 0}));
    checkInSight();
    // Up through the cell's cards, each in sight.
    const int count = static_cast<int>(layout.cardsInCell(band, row, 0).size());
    for (int i = 1; i < count; ++i) {
        QTest::keyClick(view.viewport(), Qt::Key_Up);
        checkInSight();
    }
    for (int i = 1; i < count; ++i) {
        QTest::keyClick(view.viewport(), Qt::Key_Down);
        checkInSight();
    }
}

TEST_CASE("Enter on Persona with one persona shown adds the persona after it and edits its name",
          "[keyboard][canvasfocus]")
{
    SampleCanvas canvas(900, 600);
    DocumentController &controller = canvas.controller;
    MapScene &scene = canvas.scene;
    MapView &view = canvas.view;
    const Document &doc = controller.document();
    REQUIRE(doc.personas().size() >= 3);
    const std::string focused = doc.personas()[1].id;
    scene.setFocusPersona(focused);
    REQUIRE(scene.mapLayout().bands().size() == 1);

    // A drop above the shown band goes before its persona, below it after.
    PaletteEntry persona;
    persona.type = PaletteEntry::Type::Persona;
    const MapLayout::PersonaBand &band = scene.mapLayout().bands().front();
    CHECK(planPaletteDrop(doc, scene.mapLayout(), persona, QPointF(100, band.y + 1)).index == 1);
    CHECK(planPaletteDrop(doc, scene.mapLayout(), persona, QPointF(100, band.y + band.height + 10)).index == 2);

    const std::string id = view.addPersonaAfterFocus();
    REQUIRE(!id.empty());
    CHECK(doc.personaIndex(id) == std::optional<std::size_t>(2));
    CHECK(doc.personaIndex(focused) == std::optional<std::size_t>(1));
    // The new persona is the one shown, with its name being edited.
    REQUIRE(scene.mapLayout().bands().size() == 1);
    CHECK(scene.mapLayout().bands().front().personaId == id);
    CHECK(view.focusedCell()->band == 0);
    auto *editor = view.viewport()->findChild<InlineEditor *>();
    REQUIRE(editor != nullptr);
    CHECK(editor->toPlainText() == toQString(doc.persona(id)->name));
    closeEditor(view);
}

TEST_CASE("Shift+Insert and Ctrl+Insert add no card; keypad Enter works as Enter", "[keyboard][canvasfocus]")
{
    SampleCanvas canvas(900, 600);
    DocumentController &controller = canvas.controller;
    MapScene &scene = canvas.scene;
    MapView &view = canvas.view;
    const MapLayout &layout = scene.mapLayout();
    const std::string id = layout.cardIds().front();
    view.selectTool()->selectCard(id);
    const std::size_t cards = controller.document().cards().size();

    QTest::keyClick(view.viewport(), Qt::Key_Insert, Qt::ShiftModifier);
    QTest::keyClick(view.viewport(), Qt::Key_Insert, Qt::ControlModifier);
    CHECK(controller.document().cards().size() == cards);
    CHECK(view.viewport()->findChild<InlineEditor *>() == nullptr);

    // Keypad Enter on a selected card edits it.
    QTest::keyClick(view.viewport(), Qt::Key_Enter, Qt::KeypadModifier);
    auto *editor = view.viewport()->findChild<InlineEditor *>();
    REQUIRE(editor != nullptr);
    CHECK(editor->toPlainText() == toQString(controller.document().card(id)->text));
    CHECK(controller.document().cards().size() == cards);
    closeEditor(view);
    view.setFocus();

    // Ctrl+keypad Enter adds a card after it.
    QTest::keyClick(view.viewport(), Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    CHECK(controller.document().cards().size() == cards + 1);
    CHECK(view.viewport()->findChild<InlineEditor *>() != nullptr);
    closeEditor(view);
    view.setFocus();
    CHECK(controller.document().cards().size() == cards); // left blank: gone again

    // Plain Insert adds one.
    QTest::keyClick(view.viewport(), Qt::Key_Insert);
    CHECK(controller.document().cards().size() == cards + 1);
    closeEditor(view);
}

TEST_CASE("each arrow press announces the new place once to screen readers", "[accessibility][canvasfocus]")
{
    SampleCanvas canvas(900, 600);
    DocumentController &controller = canvas.controller;
    MapScene &scene = canvas.scene;
    MapView &view = canvas.view;
    FocusRecorder recorder(view);
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(&view);
    REQUIRE(table != nullptr);
    const MapLayout &layout = scene.mapLayout();
    // A card with an empty cell right of it and a card right of that.
    int band = -1, row = -1, stage = -1;
    for (int b = 0; b < int(layout.bands().size()) && band < 0; ++b)
        for (int r = 0; r < int(layout.bands()[b].rows.size()) && band < 0; ++r)
            for (int s = 0; s + 2 < int(layout.stages().size()) && band < 0; ++s)
                if (layout.bands()[b].rows[r].kind != LaneKind::Emotions && !layout.cardsInCell(b, r, s).empty() &&
                    layout.cardsInCell(b, r, s + 1).empty() && !layout.cardsInCell(b, r, s + 2).empty()) {
                    band = b;
                    row = r;
                    stage = s;
                }
    REQUIRE(band >= 0);
    view.selectTool()->selectCard(layout.cardsInCell(band, row, stage).front().cardId);
    recorder.take();

    // Onto the empty cell: that cell, once (not the cell left first).
    QTest::keyClick(view.viewport(), Qt::Key_Right);
    std::vector<QAccessibleInterface *> announced = recorder.take();
    REQUIRE(announced.size() == 1);
    REQUIRE(announced.front() != nullptr);
    CHECK(announced.front()->role() == QAccessible::Cell);
    REQUIRE(announced.front()->tableCellInterface() != nullptr);
    CHECK(announced.front()->tableCellInterface()->columnIndex() == stage + 1);

    // Onto the card in the next cell: that card, once.
    QTest::keyClick(view.viewport(), Qt::Key_Right);
    announced = recorder.take();
    REQUIRE(announced.size() == 1);
    REQUIRE(announced.front() != nullptr);
    CHECK(announced.front()->role() == QAccessible::ListItem);
    CHECK(announced.front()->text(QAccessible::Name) ==
          toQString(controller.document().card(layout.cardsInCell(band, row, stage + 2).front().cardId)->text));

    // The focused stage is removed: the neighbour that takes its place is announced.
    scene.clearCardSelection();
    view.setFocusedCell(band, row, stage + 1);
    recorder.take();
    const std::string removed = layout.stages()[stage + 1].stageId;
    REQUIRE(controller.operations().removeStage(removed));
    announced = recorder.take();
    REQUIRE(announced.size() == 1);
    REQUIRE(announced.front() != nullptr);
    CHECK(announced.front()->role() == QAccessible::Cell);
    REQUIRE(view.focusedCell());
    CHECK(announced.front()->tableCellInterface()->columnIndex() == view.focusedCell()->stage);
}

TEST_CASE("F2 with nothing selected edits the last clicked stage by its id, not its old place",
          "[keyboard][canvasfocus]")
{
    SampleCanvas canvas(1400, 700);
    DocumentController &controller = canvas.controller;
    MapScene &scene = canvas.scene;
    MapView &view = canvas.view;
    view.resetZoom();
    const MapLayout &layout = scene.mapLayout();
    REQUIRE(layout.stages().size() > 2);
    const std::string clicked = layout.stages()[0].stageId;
    const QString name = toQString(controller.document().stage(clicked)->name);
    const QPoint at = view.mapFromScene(layout.stageHeaderRect(0).center());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, at);
    scene.clearCardSelection();
    REQUIRE(controller.operations().moveStage(clicked, 2));

    QTest::keyClick(view.viewport(), Qt::Key_F2);
    auto *editor = view.viewport()->findChild<InlineEditor *>();
    REQUIRE(editor != nullptr);
    CHECK(editor->toPlainText() == name);
    closeEditor(view);
    view.setFocus();

    // Gone: F2 edits no stage's name.
    REQUIRE(controller.operations().removeStage(clicked));
    scene.clearCardSelection();
    QTest::keyClick(view.viewport(), Qt::Key_F2);
    if (auto *other = view.viewport()->findChild<InlineEditor *>()) {
        for (const Stage &stage : controller.document().stages())
            CHECK(other->toPlainText() != toQString(stage.name));
        closeEditor(view);
    }
}
