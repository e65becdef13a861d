// Editing by hand, driven through the canvas with synthetic mouse and key
// events on the offscreen platform. Every interaction must be one undo step
// whose undo gives back the exact bytes.
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <random>

#include "card_clipboard.hpp"
#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "document_controller.hpp"
#include "edit_actions.hpp"
#include "edit_command.hpp"
#include "find_bar.hpp"
#include "inline_editor.hpp"
#include "inspector_panel.hpp"
#include "main_window.hpp"
#include "map_operations.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "palette_drop.hpp"
#include "qt_text.hpp"
#include "select_tool.hpp"
#include "structure_panel.hpp"

using namespace cjm;

namespace {

QString samplePath(const char *name) { return QStringLiteral(CJM_SAMPLES_DIR "/") + QLatin1String(name); }

struct Fixture {
    MainWindow window;
    Fixture()
    {
        window.resize(1500, 1000);
        REQUIRE(window.loadFile(samplePath("ecommerce-en.cjm")));
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        window.view()->resetZoom();
        window.view()->setFocus();
    }
    MapView *view() { return window.view(); }
    const Document &doc() { return window.controller()->document(); }
    const MapLayout &layout() { return window.scene()->mapLayout(); }
    std::string bytes() { return writeDocument(doc()); }
    QPoint at(const QPointF &scenePos)
    {
        view()->ensureVisible(QRectF(scenePos, QSizeF(1, 1)), 200, 200);
        return view()->mapFromScene(scenePos);
    }
    void mouse(QEvent::Type type, const QPoint &pos, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
        QMouseEvent event(type, QPointF(pos), view()->viewport()->mapToGlobal(QPointF(pos)), button, buttons,
                          modifiers);
        QApplication::sendEvent(view()->viewport(), &event);
    }
    // Press at `from`, move in steps to `to`, release: one drag gesture.
    void drag(const QPointF &fromScene, const QPointF &toScene)
    {
        const QPoint from = at(fromScene);
        mouse(QEvent::MouseButtonPress, from, Qt::LeftButton);
        const QPoint to = view()->mapFromScene(toScene);
        for (int i = 1; i <= 8; ++i)
            mouse(QEvent::MouseMove, from + (to - from) * i / 8, Qt::LeftButton);
        mouse(QEvent::MouseButtonRelease, to, Qt::NoButton);
    }
    InlineEditor *editor() { return view()->viewport()->findChild<InlineEditor *>(QStringLiteral("inlineEditor")); }
};

const Card *firstCardOfKind(const Document &doc, LaneKind kind)
{
    for (const Card &card : doc.cards())
        if (doc.cardKind(card) == kind)
            return &card;
    return nullptr;
}

} // namespace

TEST_CASE("dragging a card to another cell moves it there in one undo step", "[editing]")
{
    Fixture f;
    const std::string before = f.bytes();
    const Card card = *firstCardOfKind(f.doc(), LaneKind::Actions);
    auto place = *f.layout().cardPlace(card.id);
    const int target = place.stage + 2;
    const QRectF targetCell = f.layout().cellRect(place.band, place.row, target);
    const int undoBefore = f.window.controller()->undoStack()->count();
    f.drag(f.layout().cardRect(card.id)->center(), QPointF(targetCell.center().x(), targetCell.bottom() - 3));
    const Card *moved = f.doc().card(card.id);
    CHECK(moved->stage == f.doc().stages()[target].id);
    CHECK(moved->lane == card.lane);
    CHECK(f.window.controller()->undoStack()->count() == undoBefore + 1); // the whole drag: one step
    CHECK(f.layout().cardPlace(card.id)->stage == target);
    f.window.controller()->undoStack()->undo();
    CHECK(f.bytes() == before);
    f.window.controller()->undoStack()->redo();
    CHECK(f.doc().card(card.id)->stage == f.doc().stages()[target].id);
}

TEST_CASE("several selected cards move together", "[editing]")
{
    Fixture f;
    const std::string before = f.bytes();
    std::vector<std::string> ids;
    for (const Card &card : f.doc().cards())
        if (f.doc().cardKind(card) == LaneKind::Thoughts && card.persona == f.doc().personas()[0].id)
            ids.push_back(card.id);
    REQUIRE(ids.size() >= 3);
    ids.resize(2);
    f.mouse(QEvent::MouseButtonPress, f.at(f.layout().cardRect(ids[0])->center()), Qt::LeftButton);
    f.mouse(QEvent::MouseButtonRelease, f.at(f.layout().cardRect(ids[0])->center()), Qt::NoButton);
    f.mouse(QEvent::MouseButtonPress, f.at(f.layout().cardRect(ids[1])->center()), Qt::LeftButton, Qt::ControlModifier);
    f.mouse(QEvent::MouseButtonRelease, f.at(f.layout().cardRect(ids[1])->center()), Qt::NoButton, Qt::ControlModifier);
    REQUIRE(f.window.scene()->selectedCardIds().size() == 2);
    auto place = *f.layout().cardPlace(ids[0]);
    const int lastStage = static_cast<int>(f.layout().stages().size()) - 1;
    const QRectF targetCell = f.layout().cellRect(place.band, place.row, lastStage);
    f.drag(f.layout().cardRect(ids[0])->center(), QPointF(targetCell.center().x(), targetCell.top() + 3));
    for (const auto &id : ids)
        CHECK(f.doc().card(id)->stage == f.doc().stages()[lastStage].id);
    // They land first in the cell, in their order.
    auto cell =
        f.doc().cardsInCell(f.doc().personas()[0].id, f.doc().stages()[lastStage].id, f.doc().card(ids[0])->lane);
    REQUIRE(cell.size() >= 2);
    CHECK(cell[0]->id == ids[0]);
    CHECK(cell[1]->id == ids[1]);
    f.window.controller()->undoStack()->undo();
    CHECK(f.bytes() == before);
}

TEST_CASE("dragging an emotion point up changes its score, snapping to whole steps", "[editing]")
{
    Fixture f;
    const std::string before = f.bytes();
    const Card card = *firstCardOfKind(f.doc(), LaneKind::Emotions);
    auto place = *f.layout().cardPlace(card.id);
    const QPointF face(f.layout().cardRect(card.id)->center().x(),
                       f.layout().emotionY(place.band, place.row, *card.score));
    const QPointF top(face.x(), f.layout().emotionY(place.band, place.row, 3) + 4);
    f.drag(face, top);
    CHECK(f.doc().card(card.id)->score == 3);
    CHECK(f.doc().card(card.id)->stage == card.stage);
    f.window.controller()->undoStack()->undo();
    CHECK(f.bytes() == before);
}

TEST_CASE("dragging a stage header reorders the columns", "[editing]")
{
    Fixture f;
    const std::string before = f.bytes();
    const std::string first = f.doc().stages()[0].id;
    const QRectF header0 = f.layout().stageHeaderRect(0);
    const QRectF header2 = f.layout().stageHeaderRect(2);
    // While dragging, a marker shows where the stage will go and nothing
    // is laid out again; the move is one edit, on release.
    QSignalSpy relayouts(f.window.scene(), &MapScene::layoutChanged);
    const QPoint from = f.at(header0.center());
    const QPoint to = f.view()->mapFromScene(header2.center());
    f.mouse(QEvent::MouseButtonPress, from, Qt::LeftButton);
    for (int i = 1; i <= 8; ++i)
        f.mouse(QEvent::MouseMove, from + (to - from) * i / 8, Qt::LeftButton);
    CHECK(relayouts.count() == 0);
    CHECK(f.doc().stages()[0].id == first);
    CHECK(f.view()->dropMarker().x1() == Approx(header2.right()));
    f.mouse(QEvent::MouseButtonRelease, to, Qt::NoButton);
    CHECK(f.view()->dropMarker().isNull());
    CHECK(f.doc().stages()[2].id == first);
    CHECK(relayouts.count() == 1);
    CHECK(f.window.controller()->undoStack()->count() == 1);
    f.window.controller()->undoStack()->undo();
    CHECK(f.bytes() == before);

    // Escape during the drag puts it back.
    f.mouse(QEvent::MouseButtonPress, from, Qt::LeftButton);
    for (int i = 1; i <= 8; ++i)
        f.mouse(QEvent::MouseMove, from + (to - from) * i / 8, Qt::LeftButton);
    QTest::keyClick(f.view()->viewport(), Qt::Key_Escape);
    CHECK(f.view()->dropMarker().isNull());
    f.mouse(QEvent::MouseMove, to + QPoint(3, 0), Qt::LeftButton); // moving on does not bring the drag back
    CHECK(f.view()->dropMarker().isNull());
    f.mouse(QEvent::MouseButtonRelease, to + QPoint(3, 0), Qt::NoButton);
    CHECK(f.bytes() == before);

    // An undo during the drag that removes the dragged stage ends the drag.
    const std::size_t stages = f.doc().stages().size();
    Stage added = f.doc().stages().back();
    added.id = "stage-added-for-the-test";
    added.name = "Added";
    REQUIRE(f.window.controller()->apply(addStage(added), QStringLiteral("Add Stage")));
    const QPoint last = f.at(f.layout().stageHeaderRect(static_cast<int>(stages)).center());
    const QPoint first0 = f.view()->mapFromScene(f.layout().stageHeaderRect(0).center());
    f.mouse(QEvent::MouseButtonPress, last, Qt::LeftButton);
    for (int i = 1; i <= 4; ++i)
        f.mouse(QEvent::MouseMove, last + (first0 - last) * i / 8, Qt::LeftButton);
    f.window.controller()->undoStack()->undo();
    for (int i = 5; i <= 8; ++i)
        f.mouse(QEvent::MouseMove, last + (first0 - last) * i / 8, Qt::LeftButton);
    f.mouse(QEvent::MouseButtonRelease, first0, Qt::NoButton);
    CHECK(f.doc().stages().size() == stages);
    CHECK(f.bytes() == before);
}

TEST_CASE("dropping a palette entry adds a card in the cell under the pointer", "[editing]")
{
    Fixture f;
    const std::string before = f.bytes();
    const auto &band = f.layout().bands()[1];
    int painRow = -1;
    for (int r = 0; r < static_cast<int>(band.rows.size()); ++r)
        if (band.rows[r].kind == LaneKind::PainPoints)
            painRow = r;
    REQUIRE(painRow >= 0);
    const QRectF cell = f.layout().cellRect(1, painRow, 4);
    const QPoint pos = f.at(QPointF(cell.center().x(), cell.bottom() - 2));
    QMimeData mime;
    mime.setData(QLatin1String(kPaletteMimeType),
                 PaletteEntry{PaletteEntry::Type::Card, LaneKind::PainPoints, {}}.toMime().toUtf8());
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(f.view()->viewport(), &enter);
    QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(f.view()->viewport(), &move);
    CHECK(move.isAccepted());
    CHECK_FALSE(f.view()->dropMarker().isNull()); // the insertion marker shows where it lands
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(f.view()->viewport(), &drop);
    CHECK(f.view()->dropMarker().isNull());
    REQUIRE(f.doc().cards().size() == 120);
    const Card &added = f.doc().cards().back();
    CHECK(added.persona == f.doc().personas()[1].id);
    CHECK(added.stage == f.doc().stages()[4].id);
    CHECK(f.doc().cardKind(added) == LaneKind::PainPoints);
    // The new card is being named in place.
    InlineEditor *editor = f.editor();
    REQUIRE(editor);
    QTest::keyClicks(editor, QStringLiteral("Returns are slow"));
    QTest::keyClick(editor, Qt::Key_Return);
    CHECK(f.doc().card(added.id)->text == "Returns are slow");
    f.window.controller()->undoStack()->undo();
    f.window.controller()->undoStack()->undo();
    CHECK(f.bytes() == before);
}

TEST_CASE("dropping a card of a kind the map has no lane for creates the lane", "[editing]")
{
    Fixture f;
    const std::string before = f.bytes();
    auto plan = planPaletteDrop(f.doc(), f.layout(), PaletteEntry{PaletteEntry::Type::Card, LaneKind::Barriers, {}},
                                f.layout().cellRect(0, 0, 1).center());
    REQUIRE(plan.valid);
    CHECK(plan.laneId.empty()); // a new lane
    const std::string newId = f.window.controller()->operations().dropPaletteEntry(plan);
    const Card *card = f.doc().card(newId);
    REQUIRE(card);
    CHECK(f.doc().lane(card->lane)->kind == LaneKind::Barriers);
    CHECK(f.window.scene()->isCardShown(card->id));
    f.window.controller()->undoStack()->undo();
    CHECK(f.bytes() == before);

    // Stage and persona entries insert between columns and bands.
    auto stage = planPaletteDrop(f.doc(), f.layout(), PaletteEntry{PaletteEntry::Type::Stage, {}, {}},
                                 QPointF(f.layout().stageHeaderRect(1).left() + 5, 300));
    const std::string stageId = f.window.controller()->operations().dropPaletteEntry(stage);
    CHECK(f.doc().stages()[1].id == stageId);
    auto persona = planPaletteDrop(f.doc(), f.layout(), PaletteEntry{PaletteEntry::Type::Persona, {}, {}},
                                   QPointF(300, f.layout().bands()[0].y + 5));
    const std::string personaId = f.window.controller()->operations().dropPaletteEntry(persona);
    CHECK(f.doc().personas()[0].id == personaId);
}

TEST_CASE("double-click edits a card in place: Enter commits, Escape cancels, Shift+Enter breaks the line", "[editing]")
{
    Fixture f;
    const Card card = *firstCardOfKind(f.doc(), LaneKind::Actions);
    const QPoint pos = f.at(f.layout().cardRect(card.id)->center());
    f.mouse(QEvent::MouseButtonPress, pos, Qt::LeftButton);
    f.mouse(QEvent::MouseButtonRelease, pos, Qt::NoButton);
    f.mouse(QEvent::MouseButtonDblClick, pos, Qt::LeftButton);
    InlineEditor *editor = f.editor();
    REQUIRE(editor);
    CHECK(editor->toPlainText() == toQString(card.text));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Line one"));
    QTest::keyClick(editor, Qt::Key_Return, Qt::ShiftModifier);
    editor->insertPlainText(QStringLiteral("二行目")); // as an input method commits it
    QTest::keyClick(editor, Qt::Key_Return);
    CHECK(f.doc().card(card.id)->text == "Line one\n二行目");

    f.view()->editCardText(card.id);
    editor = nullptr;
    for (auto *e : f.view()->viewport()->findChildren<InlineEditor *>())
        if (e->isVisible())
            editor = e;
    REQUIRE(editor);
    QTest::keyClicks(editor, QStringLiteral("discarded"));
    QTest::keyClick(editor, Qt::Key_Escape);
    CHECK(f.doc().card(card.id)->text == "Line one\n二行目");
}

TEST_CASE("double-click on an empty cell adds a card there; leaving it empty removes it", "[editing]")
{
    Fixture f;
    const std::string before = f.bytes();
    // An empty cell: the Advocacy pain points of the first persona.
    const auto &band = f.layout().bands()[0];
    int row = -1, stage = -1;
    for (int r = 0; r < static_cast<int>(band.rows.size()) && row < 0; ++r)
        for (int s = 0; s < static_cast<int>(f.layout().stages().size()); ++s)
            if (band.rows[r].kind != LaneKind::Emotions && f.layout().cardsInCell(0, r, s).empty()) {
                row = r;
                stage = s;
                break;
            }
    REQUIRE(row >= 0);
    const QPoint pos = f.at(f.layout().cellRect(0, row, stage).center());
    f.mouse(QEvent::MouseButtonDblClick, pos, Qt::LeftButton);
    REQUIRE(f.doc().cards().size() == 120);
    InlineEditor *editor = f.editor();
    REQUIRE(editor);
    QTest::keyClick(editor, Qt::Key_Escape);
    CHECK(f.bytes() == before);

    f.mouse(QEvent::MouseButtonDblClick, pos, Qt::LeftButton);
    editor = nullptr;
    for (auto *e : f.view()->viewport()->findChildren<InlineEditor *>())
        if (e->isVisible())
            editor = e;
    REQUIRE(editor);
    QTest::keyClicks(editor, QStringLiteral("A new idea"));
    QTest::keyClick(editor, Qt::Key_Return);
    CHECK(f.doc().cards().back().text == "A new idea");
    CHECK(f.doc().cards().back().stage == f.doc().stages()[stage].id);
}

TEST_CASE("Delete removes the selection in one step; arrow keys move the selection", "[editing]")
{
    Fixture f;
    const std::string before = f.bytes();
    const Card card = *firstCardOfKind(f.doc(), LaneKind::Touchpoints);
    f.view()->selectTool()->selectCard(card.id);
    QTest::keyClick(f.view()->viewport(), Qt::Key_Down);
    auto selected = f.window.scene()->selectedCardIds();
    REQUIRE(selected.size() == 1);
    CHECK(selected[0] != card.id);
    QTest::keyClick(f.view()->viewport(), Qt::Key_Up);
    CHECK(f.window.scene()->selectedCardIds() == std::vector<std::string>{card.id});
    QTest::keyClick(f.view()->viewport(), Qt::Key_Right);
    const std::string right = f.window.scene()->selectedCardIds().at(0);
    CHECK(f.doc().card(right)->stage != card.stage);
    CHECK(f.doc().card(right)->lane == card.lane);

    f.view()->selectTool()->selectCard(card.id);
    QTest::keyClick(f.view()->viewport(), Qt::Key_Delete);
    CHECK_FALSE(f.doc().contains(card.id));
    CHECK_FALSE(f.window.scene()->isCardShown(card.id));
    QTest::keyClick(f.view()->viewport(), Qt::Key_Z, Qt::ControlModifier);
    f.window.controller()->undoStack()->undo();
    CHECK(f.bytes() == before);
    QTest::keyClick(f.view()->viewport(), Qt::Key_Escape);
    CHECK(f.window.scene()->selectedCardIds().empty());
}

TEST_CASE("saving over a file a teammate changed on disk asks first", "[editing][safety]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.cjm"));
    QFile::copy(samplePath("ecommerce-en.cjm"), path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    MainWindow window;
    REQUIRE(window.loadFile(path));
    // A teammate saves a change.
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    bytes.replace("Online store: first purchase", "Their new title");
    file.resize(0);
    file.write(bytes);
    file.close();
    CHECK(window.controller()->changedOnDisk());
    bool asked = false;
    QTimer::singleShot(0, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        REQUIRE(box);
        asked = box->text().contains(QStringLiteral("was changed by someone else"));
        box->button(QMessageBox::Cancel)->click();
    });
    CHECK_FALSE(window.saveFile(path));
    CHECK(asked);
    QFile again(path);
    REQUIRE(again.open(QIODevice::ReadOnly));
    CHECK(again.readAll().contains("Their new title")); // their work is still there
}

TEST_CASE("the inspector edits the selected card's fields; typing in one field is one undo step",
          "[editing][inspector]")
{
    Fixture f;
    const std::string before = f.bytes();
    auto *inspector = f.window.findChild<InspectorPanel *>(QStringLiteral("inspector"));
    REQUIRE(inspector);
    CHECK(inspector->target() == InspectorPanel::Target::Journey);
    const Card pain = *firstCardOfKind(f.doc(), LaneKind::PainPoints);
    f.view()->selectTool()->selectCard(pain.id);
    REQUIRE(inspector->target() == InspectorPanel::Target::Card);
    CHECK(inspector->targetId() == pain.id);

    auto *notes = inspector->findChild<QPlainTextEdit *>(QStringLiteral("Notes"));
    REQUIRE(notes);
    const int steps = f.window.controller()->undoStack()->count();
    notes->setFocus();
    notes->moveCursor(QTextCursor::End);
    QTest::keyClicks(notes, QStringLiteral("Seen in 12 interviews"));
    CHECK(f.doc().card(pain.id)->notes == pain.notes + "Seen in 12 interviews");
    CHECK(f.window.controller()->undoStack()->count() == steps + 1); // 21 keys, one step

    auto *severity = inspector->findChild<QComboBox *>(QStringLiteral("Severity"));
    REQUIRE(severity);
    severity->setCurrentIndex(severity->findData(1));
    CHECK(f.doc().card(pain.id)->severity == 1);
    CHECK(f.window.controller()->undoStack()->count() == steps + 2);

    // Undo puts the values back into the fields too.
    f.window.controller()->undoStack()->undo();
    CHECK(severity->currentData().toInt() == pain.severity);
    f.window.controller()->undoStack()->undo();
    CHECK(notes->toPlainText() == toQString(pain.notes));
    CHECK(f.bytes() == before);
}

TEST_CASE("50 keys typed into the inspector on a card with an 8 MiB picture are one small undo step",
          "[editing][inspector][memory]")
{
    Fixture f;
    DocumentController *controller = f.window.controller();
    const Card card = *firstCardOfKind(f.doc(), LaneKind::Touchpoints);
    // A PNG header the reader accepts, then 8 MiB of bytes that do not compress.
    QByteArray raw("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x02\x80\0\0\x01\xe0\x08\x06\0\0\0", 29);
    std::mt19937 random(3);
    while (raw.size() < 8 * 1024 * 1024)
        raw.append(static_cast<char>(random() & 0xFF));
    const Image picture{"image/png", raw.toBase64().toStdString(), {}};
    REQUIRE(controller->apply(setField(fields::card::image, card.id, picture), QStringLiteral("Picture")));
    const std::string before = f.bytes();
    f.view()->selectTool()->selectCard(card.id);
    auto *inspector = f.window.findChild<InspectorPanel *>(QStringLiteral("inspector"));
    REQUIRE(inspector);
    REQUIRE(inspector->targetId() == card.id);
    auto *text = inspector->findChild<QPlainTextEdit *>(QStringLiteral("Text"));
    REQUIRE(text);
    QUndoStack *stack = controller->undoStack();
    const int steps = stack->count();
    text->setFocus();
    text->moveCursor(QTextCursor::End);
    const QString typed = QStringLiteral(" and the checkout page loads slowly on phones, says 1 in 3");
    REQUIRE(typed.size() >= 50);
    QTest::keyClicks(text, typed.left(50));
    CHECK(f.doc().card(card.id)->text == card.text + toStdString(typed.left(50)));
    REQUIRE(stack->count() == steps + 1);
    const auto *step = dynamic_cast<const EditCommand *>(stack->command(stack->count() - 1));
    REQUIRE(step);
    CHECK(step->sizeInBytes() <= 64 * 1024); // the text twice, not the picture 100 times

    stack->undo();
    CHECK(f.doc().card(card.id)->text == card.text);
    CHECK(text->toPlainText() == toQString(card.text));
    CHECK(f.bytes() == before);
    stack->redo(); // the newest text, all 50 keys
    CHECK(f.doc().card(card.id)->text == card.text + toStdString(typed.left(50)));
    stack->undo();
    CHECK(f.bytes() == before);
}

TEST_CASE("the inspector's touchpoint, emotion and KPI fields", "[editing][inspector]")
{
    Fixture f;
    auto *inspector = f.window.findChild<InspectorPanel *>(QStringLiteral("inspector"));
    const Card touchpoint = *firstCardOfKind(f.doc(), LaneKind::Touchpoints);
    f.view()->selectTool()->selectCard(touchpoint.id);
    auto *channel = inspector->findChild<QComboBox *>(QStringLiteral("Channel"));
    REQUIRE(channel);
    channel->setCurrentIndex(channel->findData(QStringLiteral("store")));
    CHECK(f.doc().card(touchpoint.id)->channel == "store");
    auto *direct = inspector->findChild<QCheckBox *>(QStringLiteral("Direct"));
    direct->setChecked(!touchpoint.direct);
    CHECK(f.doc().card(touchpoint.id)->direct == !touchpoint.direct);
    auto *engaging = inspector->findChild<QSpinBox *>(QStringLiteral("Engaging"));
    REQUIRE(engaging);
    engaging->setValue(4);
    REQUIRE(f.doc().card(touchpoint.id)->audit);
    CHECK(f.doc().card(touchpoint.id)->audit->engaging == 4);
    auto *link = inspector->findChild<QLineEdit *>(QStringLiteral("Link"));
    link->setFocus();
    QTest::keyClicks(link, QStringLiteral("javascript:alert(1)"));
    CHECK_FALSE(f.doc().card(touchpoint.id)->link == std::optional<std::string>("javascript:alert(1)"));
    link->clear();
    QTest::keyClicks(link, QStringLiteral("https://example.com/ad"));
    CHECK(f.doc().card(touchpoint.id)->link == "https://example.com/ad");

    const Card emotion = *firstCardOfKind(f.doc(), LaneKind::Emotions);
    f.view()->selectTool()->selectCard(emotion.id);
    auto *score = inspector->findChild<QSlider *>(QStringLiteral("Score"));
    REQUIRE(score);
    score->setValue(-3);
    CHECK(f.doc().card(emotion.id)->score == -3);

    const Card kpi = *firstCardOfKind(f.doc(), LaneKind::Kpis);
    f.view()->selectTool()->selectCard(kpi.id);
    auto *target = inspector->findChild<QDoubleSpinBox *>(QStringLiteral("Target"));
    REQUIRE(target);
    target->setValue(99.5);
    CHECK(f.doc().card(kpi.id)->metric->target == 99.5);
}

TEST_CASE("clicking a stage header shows the stage in the inspector; nothing selected shows the journey",
          "[editing][inspector]")
{
    Fixture f;
    auto *inspector = f.window.findChild<InspectorPanel *>(QStringLiteral("inspector"));
    const QPoint header = f.at(f.layout().stageHeaderRect(1).center());
    f.mouse(QEvent::MouseButtonPress, header, Qt::LeftButton);
    f.mouse(QEvent::MouseButtonRelease, header, Qt::NoButton);
    REQUIRE(inspector->target() == InspectorPanel::Target::Stage);
    auto *phase = inspector->findChild<QComboBox *>(QStringLiteral("Phase"));
    REQUIRE(phase);
    phase->setCurrentIndex(phase->findData(static_cast<int>(Phase::During)));
    CHECK(f.doc().stages()[1].phase == Phase::During);
    auto *name = inspector->findChild<QLineEdit *>(QStringLiteral("Name"));
    name->setFocus();
    name->selectAll();
    // A name moves nothing on the map: typing it lays nothing out again.
    QSignalSpy relayouts(f.window.scene(), &MapScene::layoutChanged);
    int changes = 0, structureChanges = 0, nameChanges = 0;
    const std::string stageId = f.doc().stages()[1].id;
    QObject::connect(f.window.controller(), &DocumentController::changed, f.window.controller(),
                     [&](const ChangeSet &set) {
                         ++changes;
                         structureChanges += set.touchesStructure() || set.movesCards() ? 1 : 0;
                         nameChanges += set.hasField(EntityKind::Stage, stageId, "name") ? 1 : 0;
                     });
    QTest::keyClicks(name, QStringLiteral("Research"));
    CHECK(f.doc().stages()[1].name == "Research");
    CHECK(relayouts.count() == 0);
    CHECK(changes == 8);
    CHECK(nameChanges == 8);
    CHECK(structureChanges == 0);

    const QPoint persona = f.at(f.layout().personaHeaderRect(0).center());
    f.mouse(QEvent::MouseButtonPress, persona, Qt::LeftButton);
    f.mouse(QEvent::MouseButtonRelease, persona, Qt::NoButton);
    REQUIRE(inspector->target() == InspectorPanel::Target::Persona);
    auto *goals = inspector->findChild<QPlainTextEdit *>(QStringLiteral("Goals"));
    REQUIRE(goals);
    goals->setPlainText(QStringLiteral("Lunch boxes by Monday"));
    CHECK(f.doc().personas()[0].goals == "Lunch boxes by Monday");

    f.window.scene()->clearCardSelection();
    f.view()->selectTool()->selectCard(f.doc().cards().front().id);
    f.window.scene()->clearCardSelection();
    REQUIRE(inspector->target() == InspectorPanel::Target::Journey);
    auto *goal = inspector->findChild<QLineEdit *>(QStringLiteral("Goal"));
    REQUIRE(goal);
    goal->setFocus();
    goal->selectAll();
    QTest::keyClicks(goal, QStringLiteral("More repeat buyers"));
    CHECK(f.doc().journey().goal == "More repeat buyers");
}

TEST_CASE("copy and paste cards within a map and into another map; pasted cards get new ids", "[editing][clipboard]")
{
    Fixture f;
    const std::string before = f.bytes();
    const Card pain = *firstCardOfKind(f.doc(), LaneKind::PainPoints);
    f.view()->selectTool()->selectCard(pain.id);
    f.window.copySelection();
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    REQUIRE(mime->hasFormat(QLatin1String(kCardsMimeType)));
    CHECK(mime->text() == toQString(pain.text)); // plain text for other applications
    f.window.paste();
    REQUIRE(f.doc().cards().size() == 120);
    const Card &copy = f.doc().cards().back();
    CHECK(copy.id != pain.id);
    CHECK(copy.text == pain.text);
    CHECK(copy.severity == pain.severity);
    CHECK(copy.persona == pain.persona);
    CHECK(copy.stage == pain.stage);
    CHECK(f.window.scene()->selectedCardIds() == std::vector<std::string>{copy.id});
    f.window.controller()->undoStack()->undo();
    CHECK(f.bytes() == before);

    // Into a new map: the stage is found by name, the lane kind by kind.
    MainWindow other;
    const std::string otherBefore = writeDocument(other.controller()->document());
    other.paste();
    const Document &target = other.controller()->document();
    REQUIRE(target.cards().size() == 1);
    const Card &pasted = target.cards().front();
    CHECK(pasted.text == pain.text);
    CHECK(target.cardKind(pasted) == LaneKind::PainPoints);
    CHECK(readDocument(writeDocument(target)).ok());
    other.controller()->undoStack()->undo();
    CHECK(writeDocument(other.controller()->document()) == otherBefore);
}

TEST_CASE("a pasted card of a kind the target map has no lane for brings its lane", "[editing][clipboard]")
{
    Fixture f;
    const Card kpi = *firstCardOfKind(f.doc(), LaneKind::Kpis);
    f.view()->selectTool()->selectCard(kpi.id);
    f.window.copySelection();
    MainWindow blank; // default lanes have no KPIs
    blank.paste();
    const Document &target = blank.controller()->document();
    REQUIRE(target.cards().size() == 1);
    CHECK(target.cardKind(target.cards().front()) == LaneKind::Kpis);
    CHECK(blank.scene()->shownCardCount() == 1);
}

TEST_CASE("cut removes, duplicate copies next to the original, a broken clipboard is ignored", "[editing][clipboard]")
{
    Fixture f;
    const Card thought = *firstCardOfKind(f.doc(), LaneKind::Thoughts);
    f.view()->selectTool()->selectCard(thought.id);
    f.window.duplicateSelection();
    REQUIRE(f.doc().cards().size() == 120);
    CHECK(f.doc().cards().back().text == thought.text);
    CHECK(f.doc().cards().back().stage == thought.stage);
    f.view()->selectTool()->selectCard(thought.id);
    f.window.cutSelection();
    CHECK_FALSE(f.doc().contains(thought.id));
    auto *broken = new QMimeData;
    broken->setData(QLatin1String(kCardsMimeType), "{\"format\": \"cjm\", \"version\": 1, \"cards\": [");
    QApplication::clipboard()->setMimeData(broken);
    const std::string before = f.bytes();
    f.window.paste();
    CHECK(f.bytes() == before);
}

TEST_CASE("Cut, Copy, Duplicate and Delete are enabled with cards selected, Paste with cards on the clipboard",
          "[editing][clipboard]")
{
    Fixture f;
    auto *edit = f.window.findChild<EditActions *>();
    REQUIRE(edit);
    const QList<QAction *> needSelection = {edit->cutAction(), edit->copyAction(), edit->duplicateAction(),
                                            edit->deleteAction()};
    QApplication::clipboard()->setText(QStringLiteral("text from another application"));
    f.window.scene()->clearCardSelection();
    for (QAction *action : needSelection)
        CHECK_FALSE(action->isEnabled());
    CHECK_FALSE(edit->pasteAction()->isEnabled());

    f.view()->selectTool()->selectCard(firstCardOfKind(f.doc(), LaneKind::Thoughts)->id);
    for (QAction *action : needSelection)
        CHECK(action->isEnabled());
    CHECK_FALSE(edit->pasteAction()->isEnabled());
    edit->copyAction()->trigger();
    CHECK(edit->pasteAction()->isEnabled());

    f.window.scene()->clearCardSelection();
    for (QAction *action : needSelection)
        CHECK_FALSE(action->isEnabled());
    CHECK(edit->pasteAction()->isEnabled()); // pasting needs no selection
}

TEST_CASE("duplicating the two cards at the largest orders of a cell saves a map that opens", "[editing][clipboard]")
{
    // Issue 15, item 2: a cell with orders 9223372036854775807 and
    // 9223372036854775806, both selected, Ctrl+D, Ctrl+S wrote the copy with
    // order -9223372036854775808, and neither `cjm validate` nor the editor
    // would open the file again. Now the cell is renumbered 0, 1, 2, 3 in the
    // same undo step.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("orders.cjm"));
    Json map = Json::parse(R"({
      "format": "cjm", "version": 1,
      "journey": { "id": "j1", "title": "Orders at the limit" },
      "personas": [ { "id": "p1", "name": "Ann" } ],
      "stages": [ { "id": "s1", "name": "Visit" }, { "id": "s2", "name": "Buy" } ],
      "lanes": [ { "id": "l1", "kind": "touchpoints" } ],
      "cards": [
        { "id": "top", "persona": "p1", "stage": "s1", "lane": "l1", "order": 9223372036854775807, "text": "top" },
        { "id": "next", "persona": "p1", "stage": "s1", "lane": "l1", "order": 9223372036854775806, "text": "next" },
        { "id": "other", "persona": "p1", "stage": "s2", "lane": "l1", "order": 9223372036854775807, "text": "other" }
      ]
    })");
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        const std::string bytes = writeDocument(*readDocument(map.dump()).document);
        file.write(bytes.data(), static_cast<qint64>(bytes.size()));
    }
    MainWindow window;
    REQUIRE(window.loadFile(path));
    const Document &doc = window.controller()->document();
    const std::string before = writeDocument(doc);
    window.scene()->setSelectedCards({"top", "next"});
    window.duplicateSelection();
    REQUIRE(doc.cards().size() == 5);
    std::vector<std::pair<std::string, std::int64_t>> cell;
    for (const Card *card : doc.cardsInCell("p1", "s1", "l1"))
        cell.emplace_back(card->text, card->order);
    CHECK(cell == std::vector<std::pair<std::string, std::int64_t>>{{"next", 0}, {"top", 1}, {"next", 2}, {"top", 3}});
    CHECK(doc.card("other")->order == kMaxCardOrder); // another cell keeps its orders
    REQUIRE(window.saveFile(path));
    const ReadResult saved = readDocumentFile(path.toStdString());
    INFO((saved.problems.empty() ? std::string() : saved.problems.front().toString()));
    REQUIRE(saved.ok());
    CHECK(*saved.document == doc);
    // One undo step gives back the cell as it was.
    window.controller()->undoStack()->undo();
    CHECK(writeDocument(doc) == before);
}

TEST_CASE("a rubber band selects the cards it touches, Ctrl adds to the selection, a click on empty space clears it",
          "[editing][selection]")
{
    Fixture f;
    // From the empty margin above the title to the middle of the second
    // stage's first row: the band ends on the last mouse position.
    const QPointF start(f.layout().bounds().left() + 10, f.layout().bounds().top() - 20);
    const QRectF cell = f.layout().cellRect(0, 0, 1);
    const QPointF end = cell.center();
    auto band = [&](const QPointF &from, const QPointF &to, Qt::KeyboardModifiers modifiers) {
        const QPoint a = f.at(from);
        const QPoint b = f.view()->mapFromScene(to);
        f.mouse(QEvent::MouseButtonPress, a, Qt::LeftButton, modifiers);
        // Half way in small steps, then one jump: the band must end where
        // the mouse is, not where it was one move before.
        for (int i = 1; i <= 5; ++i)
            f.mouse(QEvent::MouseMove, a + (b - a) * i / 10, Qt::LeftButton, modifiers);
        f.mouse(QEvent::MouseMove, b, Qt::LeftButton, modifiers);
        f.mouse(QEvent::MouseButtonRelease, b, Qt::NoButton, modifiers);
        return f.view()->mapToScene(QRect(a, b).normalized()).boundingRect();
    };
    const QRectF swept = band(start, end, Qt::NoModifier);
    std::vector<std::string> expected = f.layout().inDisplayOrder(f.layout().cardsIn(swept));
    REQUIRE(expected.size() >= 2);
    CHECK(f.window.scene()->selectedCardIds() == expected);

    // Ctrl: a second band elsewhere adds its cards.
    const QRectF otherCell = f.layout().cellRect(1, 0, 2);
    const QRectF second = band(otherCell.topLeft() + QPointF(-4, -4), otherCell.center(), Qt::ControlModifier);
    for (std::string &id : f.layout().cardsIn(second))
        expected.push_back(id);
    expected = f.layout().inDisplayOrder(expected);
    CHECK(f.window.scene()->selectedCardIds() == expected);

    // A click on the empty margin clears the selection.
    const QPoint empty = f.at(start);
    f.mouse(QEvent::MouseButtonPress, empty, Qt::LeftButton);
    f.mouse(QEvent::MouseButtonRelease, empty, Qt::NoButton);
    CHECK(f.window.scene()->selectedCards().empty());
}

TEST_CASE("find highlights matching cards and steps through them", "[editing][find]")
{
    Fixture f;
    f.window.find();
    FindBar *bar = f.window.findBar();
    REQUIRE(bar->isVisible());
    bar->setQuery(QStringLiteral("delivery"));
    const auto matches = bar->matches();
    REQUIRE(matches.size() >= 3);
    for (const auto &id : matches) {
        const Card *card = f.doc().card(id);
        const std::string all = card->text + card->notes;
        CHECK(QString::fromStdString(all).contains(QStringLiteral("delivery"), Qt::CaseInsensitive));
    }
    CHECK(f.window.scene()->highlightedCards().size() == matches.size());
    bar->next();
    CHECK(f.window.scene()->selectedCardIds() == std::vector<std::string>{matches[0]});
    bar->next();
    CHECK(f.window.scene()->selectedCardIds() == std::vector<std::string>{matches[1]});
    bar->next(-1);
    CHECK(f.window.scene()->selectedCardIds() == std::vector<std::string>{matches[0]});
    bar->close();
    CHECK(f.window.scene()->highlightedCards().empty());
}

TEST_CASE("find narrows as the query grows and follows edits card by card", "[editing][find]")
{
    Fixture f;
    f.window.find();
    FindBar *bar = f.window.findBar();
    auto everyMatch = [&](const QString &query) {
        std::vector<std::string> ids;
        for (const std::string &id : f.layout().cardIds()) {
            const Card *card = f.doc().card(id);
            QString all = toQString(card->text) + QLatin1Char('\n') + toQString(card->notes);
            for (const auto &tag : card->tags)
                all += QLatin1Char('\n') + toQString(tag);
            if (all.contains(query, Qt::CaseInsensitive))
                ids.push_back(id);
        }
        return ids;
    };
    // Typed letter by letter: each answer narrows the last, and equals a full search.
    for (const char *typed : {"d", "de", "del", "deli", "DELIVERY", "deliver"}) {
        INFO(typed);
        bar->setQuery(QString::fromUtf8(typed));
        CHECK(bar->matches() == everyMatch(QString::fromUtf8(typed)));
    }
    bar->setQuery(QStringLiteral("delivery"));
    const std::size_t before = bar->matches().size();
    REQUIRE(before >= 2);

    // A card gains the word, a match loses it: only they are looked at again.
    Card gains = *f.doc().card(everyMatch(QStringLiteral("lunch")).front());
    REQUIRE(std::find(bar->matches().begin(), bar->matches().end(), gains.id) == bar->matches().end());
    gains.text += " (free delivery)";
    REQUIRE(f.window.controller()->apply(updateCard(gains), QStringLiteral("Edit")));
    const auto &found = bar->matches();
    Card loses = *f.doc().card(found.front() != gains.id ? found.front() : found.back());
    loses.text = "Nothing to find here";
    loses.notes.clear();
    loses.tags.clear();
    REQUIRE(f.window.controller()->apply(updateCard(loses), QStringLiteral("Edit")));
    CHECK(bar->matches() == everyMatch(QStringLiteral("delivery")));
    CHECK(bar->matches().size() == before);
    CHECK(f.window.scene()->highlightedCards().count(gains.id) == 1);
    CHECK(f.window.scene()->highlightedCards().count(loses.id) == 0);

    // A hidden lane takes its matches with it.
    const Card *match = f.doc().card(bar->matches().front());
    Lane lane = *f.doc().lane(match->lane);
    lane.hidden = true;
    REQUIRE(f.window.controller()->apply(updateLane(lane), QStringLiteral("Hide")));
    CHECK(bar->matches() == everyMatch(QStringLiteral("delivery")));
    CHECK(f.window.scene()->highlightedCards().size() == bar->matches().size());
}

TEST_CASE("structure panel: add, rename, reorder, hide a lane, focus a persona", "[editing][structure]")
{
    Fixture f;
    const std::string before = f.bytes();
    auto *panel = f.window.findChild<StructurePanel *>(QStringLiteral("structurePanel"));
    REQUIRE(panel);
    QListWidget *stages = panel->list(StructurePanel::Kind::Stages);
    REQUIRE(stages->count() == 5);
    panel->setCurrentKind(StructurePanel::Kind::Stages);
    panel->addEntry();
    REQUIRE(f.doc().stages().size() == 6);
    stages->currentItem()->setText(QStringLiteral("Loyalty"));
    CHECK(f.doc().stages().back().name == "Loyalty");
    stages->setCurrentRow(5);
    panel->moveCurrent(-1);
    CHECK(f.doc().stages()[4].name == "Loyalty");

    panel->setCurrentKind(StructurePanel::Kind::Lanes);
    QListWidget *lanes = panel->list(StructurePanel::Kind::Lanes);
    const std::size_t shownBefore = f.window.scene()->shownCardCount();
    lanes->item(0)->setCheckState(Qt::Unchecked);
    CHECK(f.doc().lanes()[0].hidden);
    CHECK(f.window.scene()->shownCardCount() < shownBefore);
    lanes->item(0)->setCheckState(Qt::Checked);
    CHECK_FALSE(f.doc().lanes()[0].hidden);

    panel->setCurrentKind(StructurePanel::Kind::Personas);
    panel->list(StructurePanel::Kind::Personas)->setCurrentRow(1);
    panel->toggleFocus();
    REQUIRE(f.layout().bands().size() == 1);
    CHECK(f.layout().bands()[0].personaId == f.doc().personas()[1].id);
    for (const Card &card : f.doc().cards())
        CHECK(f.window.scene()->isCardShown(card.id) == (card.persona == f.doc().personas()[1].id));
    panel->toggleFocus();
    CHECK(f.layout().bands().size() == f.doc().personas().size());

    while (f.window.controller()->undoStack()->canUndo())
        f.window.controller()->undoStack()->undo();
    CHECK(f.bytes() == before);
}

TEST_CASE("deleting a stage that holds cards says how many and can be cancelled", "[editing][structure]")
{
    Fixture f;
    const std::string before = f.bytes();
    auto *panel = f.window.findChild<StructurePanel *>(QStringLiteral("structurePanel"));
    panel->setCurrentKind(StructurePanel::Kind::Stages);
    panel->list(StructurePanel::Kind::Stages)->setCurrentRow(0);
    const std::string stageId = f.doc().stages()[0].id;
    int cards = 0;
    for (const Card &card : f.doc().cards())
        cards += card.stage == stageId;
    REQUIRE(cards > 1);
    QString asked;
    QTimer::singleShot(0, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        REQUIRE(box);
        asked = box->text();
        box->button(QMessageBox::Cancel)->click();
    });
    panel->deleteCurrent();
    CHECK(asked.contains(QStringLiteral("and the %1 cards in it").arg(cards)));
    CHECK(f.bytes() == before);

    QTimer::singleShot(0, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        REQUIRE(box);
        for (QAbstractButton *button : box->buttons())
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
    });
    panel->deleteCurrent();
    CHECK_FALSE(f.doc().contains(stageId));
    for (const Card &card : f.doc().cards())
        CHECK(card.stage != stageId);
    f.window.controller()->undoStack()->undo();
    CHECK(f.bytes() == before);
}

TEST_CASE("pictures for cards: PNG and JPEG within the limits, others refused", "[editing][inspector]")
{
    QTemporaryDir dir;
    QImage small(120, 80, QImage::Format_RGB32);
    small.fill(Qt::green);
    REQUIRE(small.save(dir.filePath(QStringLiteral("ok.png"))));
    REQUIRE(small.save(dir.filePath(QStringLiteral("ok.jpg"))));
    REQUIRE(small.save(dir.filePath(QStringLiteral("no.bmp"))));
    QImage wide(8193, 2, QImage::Format_RGB32);
    wide.fill(Qt::white);
    REQUIRE(wide.save(dir.filePath(QStringLiteral("wide.png"))));
    QString error;
    auto png = loadPictureFile(dir.filePath(QStringLiteral("ok.png")), error);
    REQUIRE(png);
    CHECK(png->mime == "image/png");
    auto jpeg = loadPictureFile(dir.filePath(QStringLiteral("ok.jpg")), error);
    REQUIRE(jpeg);
    CHECK(jpeg->mime == "image/jpeg");
    CHECK_FALSE(loadPictureFile(dir.filePath(QStringLiteral("no.bmp")), error));
    CHECK(error.contains(QStringLiteral("PNG and JPEG")));
    CHECK_FALSE(loadPictureFile(dir.filePath(QStringLiteral("wide.png")), error));
    CHECK(error.contains(QStringLiteral("8192")));

    Fixture f;
    const Card card = f.doc().cards().front();
    f.view()->selectTool()->selectCard(card.id);
    auto *inspector = f.window.findChild<InspectorPanel *>(QStringLiteral("inspector"));
    inspector->addCommentToCard(QStringLiteral("Check with the ads team"));
    const Card *withComment = f.doc().card(card.id);
    REQUIRE(withComment->comments.size() == card.comments.size() + 1);
    CHECK(withComment->comments.back().text == "Check with the ads team");
    CHECK(withComment->comments.back().time.has_value());
    auto *list = inspector->findChild<QListWidget *>(QStringLiteral("Comments"));
    REQUIRE(list);
    CHECK(list->count() == static_cast<int>(card.comments.size()) + 1);
    CHECK(readDocument(f.bytes()).ok());
}

TEST_CASE("dragging a persona header or a lane label reorders bands and rows", "[editing]")
{
    Fixture f;
    const std::string before = f.bytes();
    const std::string firstPersona = f.doc().personas()[0].id;
    f.drag(f.layout().personaHeaderRect(0).center(), QPointF(30, f.layout().bands()[1].y + 40));
    CHECK(f.doc().personas()[1].id == firstPersona);
    f.window.controller()->undoStack()->undo();
    CHECK(f.bytes() == before);

    const std::string firstLane = f.doc().lanes()[0].id;
    const QRectF label0 = f.layout().laneLabelRect(0, 0);
    const QRectF label2 = f.layout().laneLabelRect(0, 2);
    f.drag(label0.center(), label2.center());
    CHECK(f.doc().lanes()[2].id == firstLane);
    CHECK(f.window.controller()->undoStack()->count() == 1); // the undone persona move was replaced
    f.window.controller()->undoStack()->undo();
    CHECK(f.bytes() == before);
}

TEST_CASE("stage and persona names and the title are edited in place", "[editing]")
{
    Fixture f;
    auto editVisible = [&]() -> InlineEditor * {
        for (auto *e : f.view()->viewport()->findChildren<InlineEditor *>())
            if (e->isVisible())
                return e;
        return nullptr;
    };
    f.mouse(QEvent::MouseButtonDblClick, f.at(f.layout().stageHeaderRect(2).center()), Qt::LeftButton);
    InlineEditor *editor = editVisible();
    REQUIRE(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Checkout"));
    QTest::keyClick(editor, Qt::Key_Return);
    CHECK(f.doc().stages()[2].name == "Checkout");

    f.view()->editPersonaName(0);
    editor = editVisible();
    REQUIRE(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Working parent"));
    QTest::keyClick(editor, Qt::Key_Return);
    CHECK(f.doc().personas()[0].name == "Working parent");

    f.mouse(QEvent::MouseButtonDblClick, f.at(QPointF(60, 30)), Qt::LeftButton);
    editor = editVisible();
    REQUIRE(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("First purchase, revised"));
    QTest::keyClick(editor, Qt::Key_Return);
    CHECK(f.doc().journey().title == "First purchase, revised");
}

TEST_CASE("a map built from blank by hand undoes step by step back to blank and redoes exactly", "[editing]")
{
    MainWindow window;
    window.resize(1500, 1000);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    DocumentController *controller = window.controller();
    const std::string blank = writeDocument(controller->document());
    auto drop = [&](const PaletteEntry &entry, const QPointF &at) {
        auto plan = planPaletteDrop(controller->document(), window.scene()->mapLayout(), entry, at);
        REQUIRE(plan.valid);
        const std::string newId = controller->operations().dropPaletteEntry(plan);
        REQUIRE(!newId.empty());
        return newId;
    };
    const MapLayout &layout = window.scene()->mapLayout();
    drop(PaletteEntry{PaletteEntry::Type::Persona, {}, {}}, QPointF(30, layout.bounds().bottom() - 2));
    drop(PaletteEntry{PaletteEntry::Type::Stage, {}, {}}, QPointF(layout.bounds().right() - 2, 130));
    std::vector<std::string> cards;
    for (LaneKind kind : {LaneKind::Touchpoints, LaneKind::Actions, LaneKind::Thoughts, LaneKind::Emotions,
                          LaneKind::PainPoints, LaneKind::Opportunities, LaneKind::Owners, LaneKind::Kpis})
        for (int stage = 0; stage < 3; ++stage)
            cards.push_back(
                drop(PaletteEntry{PaletteEntry::Type::Card, kind, kind == LaneKind::Touchpoints ? "email" : ""},
                     window.scene()->mapLayout().cellRect(0, 0, stage).center()));
    // Some words and a score, as the inspector and canvas would set them.
    for (std::size_t i = 0; i < cards.size(); ++i) {
        Card card = *controller->document().card(cards[i]);
        card.text = "card " + std::to_string(i);
        if (controller->document().cardKind(card) == LaneKind::Emotions)
            card.score = static_cast<int>(i % 7) - 3;
        REQUIRE(controller->apply(updateCard(std::move(card)), QStringLiteral("Edit")));
    }
    const std::string built = writeDocument(controller->document());
    CHECK(readDocument(built).ok());
    CHECK(window.scene()->shownCardCount() == cards.size());
    QUndoStack *stack = controller->undoStack();
    while (stack->canUndo())
        stack->undo();
    CHECK(writeDocument(controller->document()) == blank);
    CHECK(window.scene()->shownCardCount() == 0);
    while (stack->canRedo())
        stack->redo();
    CHECK(writeDocument(controller->document()) == built);
    CHECK(window.scene()->shownCardCount() == cards.size());
}

TEST_CASE("F2 renames the clicked stage; the audit date is set in the inspector", "[editing]")
{
    Fixture f;
    const QPoint header = f.at(f.layout().stageHeaderRect(0).center());
    f.mouse(QEvent::MouseButtonPress, header, Qt::LeftButton);
    f.mouse(QEvent::MouseButtonRelease, header, Qt::NoButton);
    QTest::keyClick(f.view()->viewport(), Qt::Key_F2);
    InlineEditor *editor = nullptr;
    for (auto *e : f.view()->viewport()->findChildren<InlineEditor *>())
        if (e->isVisible())
            editor = e;
    REQUIRE(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Discover"));
    QTest::keyClick(editor, Qt::Key_Return);
    CHECK(f.doc().stages()[0].name == "Discover");

    const Card touchpoint = *firstCardOfKind(f.doc(), LaneKind::Touchpoints);
    f.view()->selectTool()->selectCard(touchpoint.id);
    auto *inspector = f.window.findChild<InspectorPanel *>(QStringLiteral("inspector"));
    auto *reviewed = inspector->findChild<QCheckBox *>(QStringLiteral("Reviewed"));
    auto *date = inspector->findChild<QDateEdit *>(QStringLiteral("Reviewed on"));
    REQUIRE(reviewed);
    REQUIRE(date);
    reviewed->setChecked(true);
    date->setDate(QDate(2026, 3, 14));
    REQUIRE(f.doc().card(touchpoint.id)->audit);
    CHECK(f.doc().card(touchpoint.id)->audit->reviewed == "2026-03-14");
    reviewed->setChecked(false);
    CHECK_FALSE(f.doc().card(touchpoint.id)->audit->reviewed.has_value());
}
