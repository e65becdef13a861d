// One way to change a map: every place that offers an operation (the canvas,
// the Structure panel, the Inspector, the Audit panel...) goes through
// MapOperations, so the same operation gives the same map and the same undo
// text wherever it is done, and refuses the same things.

#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <catch2/catch.hpp>
#include <functional>

#include "audit_panel.hpp"
#include "cjm/document_io.hpp"
#include "document_controller.hpp"
#include "inline_editor.hpp"
#include "inspector_panel.hpp"
#include "main_window.hpp"
#include "map_operations.hpp"
#include "map_scene.hpp"
#include "map_style.hpp"
#include "map_view.hpp"
#include "palette_drop.hpp"
#include "qt_text.hpp"
#include "select_tool.hpp"
#include "structure_panel.hpp"

using namespace cjm;

namespace {

QString samplePath() { return QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm"); }

struct Window {
    // A copy of the sample of its own: no other window's lock on the sample
    // can turn opening it into a question.
    QTemporaryDir folder;
    MainWindow window;
    Window()
    {
        window.resize(1500, 1000);
        REQUIRE(folder.isValid());
        const QString path = folder.filePath(QStringLiteral("map.cjm"));
        REQUIRE(QFile::copy(samplePath(), path));
        REQUIRE(window.loadFile(path));
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        window.view()->resetZoom();
    }
    DocumentController *controller() { return window.controller(); }
    const Document &doc() { return controller()->document(); }
    StructurePanel *structure() { return window.findChild<StructurePanel *>(QStringLiteral("structurePanel")); }
    InspectorPanel *inspector() { return window.findChild<InspectorPanel *>(QStringLiteral("inspector")); }
    InlineEditor *inlineEditor()
    {
        for (auto *editor : window.view()->viewport()->findChildren<InlineEditor *>())
            if (editor->isVisible())
                return editor;
        return nullptr;
    }
    // Types `text` over what the in-place editor holds and commits it (Enter).
    void typeInPlace(const QString &text)
    {
        InlineEditor *editor = inlineEditor();
        REQUIRE(editor);
        editor->selectAll();
        if (text.isEmpty())
            QTest::keyClick(editor, Qt::Key_Delete);
        else
            QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
    }
    // Types into an Inspector line as a user does: select all, type.
    void typeInLine(const QString &objectName, const QString &text)
    {
        auto *line = inspector()->findChild<QLineEdit *>(objectName);
        REQUIRE(line);
        line->setFocus();
        line->selectAll();
        if (text.isEmpty())
            QTest::keyClick(line, Qt::Key_Backspace);
        else
            QTest::keyClicks(line, text);
    }
};

// What doing an operation left: the map's bytes, the undo steps and the
// newest step's text.
struct Outcome {
    std::string bytes;
    int steps = 0;
    QString undoText;
};

Outcome perform(const std::function<void(Window &)> &place)
{
    Window w;
    place(w);
    QApplication::processEvents();
    // A new card's id is random; the sample's ids never look like one.
    const QString bytes =
        QString::fromStdString(writeDocument(w.doc()))
            .replace(QRegularExpression(QStringLiteral("\"card-[a-z0-9]+\"")), QStringLiteral("\"card-new\""));
    return {bytes.toStdString(), w.controller()->undoStack()->count(), w.controller()->undoStack()->undoText()};
}

// Every place gives the same outcome, which changed the map in one step.
void checkSame(const std::vector<std::pair<const char *, std::function<void(Window &)>>> &places,
               const QString &undoText)
{
    const Outcome first = perform(places.front().second);
    CHECK(first.steps == 1);
    CHECK(first.undoText == undoText);
    for (std::size_t i = 1; i < places.size(); ++i) {
        INFO("from " << places[i].first << " (compared with " << places.front().first << ")");
        const Outcome other = perform(places[i].second);
        CHECK(other.steps == 1);
        CHECK(other.undoText == undoText);
        CHECK(other.bytes == first.bytes);
    }
}

// Every place refuses: the map stays as it was, with nothing to undo.
void checkRefused(const std::vector<std::pair<const char *, std::function<void(Window &)>>> &places)
{
    const std::string original = [] {
        Window w;
        return writeDocument(w.doc());
    }();
    for (const auto &[where, place] : places) {
        INFO("from " << where);
        const Outcome outcome = perform(place);
        CHECK(outcome.steps == 0);
        CHECK(outcome.bytes == original);
    }
}

} // namespace

TEST_CASE("renaming a stage is one operation from the canvas, the Structure panel and the Inspector", "[operations]")
{
    auto canvas = [](const QString &name) {
        return [name](Window &w) {
            w.window.view()->editStageName(1);
            w.typeInPlace(name);
        };
    };
    auto structure = [](const QString &name) {
        return [name](Window &w) { w.structure()->list(StructurePanel::Kind::Stages)->item(1)->setText(name); };
    };
    auto inspector = [](const QString &name) {
        return [name](Window &w) {
            w.inspector()->showStage(w.doc().stages()[1].id);
            w.typeInLine(QStringLiteral("Name"), name);
        };
    };
    const QString name = QStringLiteral("Research  phase");
    checkSame({{"canvas", canvas(name)}, {"structure panel", structure(name)}, {"inspector", inspector(name)}},
              QStringLiteral("Rename Stage"));
    {
        // The name is one line with single spaces, wherever it is typed.
        Window w;
        w.window.view()->editStageName(1);
        w.typeInPlace(name);
        CHECK(w.doc().stages()[1].name == "Research phase");
    }

    // An empty name is refused everywhere.
    checkRefused({{"canvas", canvas(QString())},
                  {"structure panel", structure(QStringLiteral("   "))},
                  {"inspector", inspector(QString())}});
}

TEST_CASE("renaming a persona is one operation from the canvas, the Structure panel and the Inspector", "[operations]")
{
    auto canvas = [](const QString &name) {
        return [name](Window &w) {
            w.window.view()->editPersonaName(0);
            w.typeInPlace(name);
        };
    };
    auto structure = [](const QString &name) {
        return [name](Window &w) { w.structure()->list(StructurePanel::Kind::Personas)->item(0)->setText(name); };
    };
    auto inspector = [](const QString &name) {
        return [name](Window &w) {
            w.inspector()->showPersona(w.doc().personas()[0].id);
            w.typeInLine(QStringLiteral("Name"), name);
        };
    };
    checkSame({{"canvas", canvas(QStringLiteral("Night-shift nurse"))},
               {"structure panel", structure(QStringLiteral("Night-shift nurse"))},
               {"inspector", inspector(QStringLiteral("Night-shift nurse"))}},
              QStringLiteral("Rename Persona"));
    checkRefused({{"canvas", canvas(QString())},
                  {"structure panel", structure(QString())},
                  {"inspector", inspector(QString())}});
}

TEST_CASE("renaming the map is one operation from the canvas title and the Inspector", "[operations]")
{
    auto canvas = [](const QString &title) {
        return [title](Window &w) {
            w.window.view()->editTitle();
            w.typeInPlace(title);
        };
    };
    auto inspector = [](const QString &title) {
        return [title](Window &w) {
            w.window.scene()->clearCardSelection(); // the Inspector shows the journey
            w.typeInLine(QStringLiteral("Title"), title);
        };
    };
    checkSame(
        {{"canvas", canvas(QStringLiteral("Renewal 2027"))}, {"inspector", inspector(QStringLiteral("Renewal 2027"))}},
        QStringLiteral("Rename Map"));
    checkRefused({{"canvas", canvas(QString())}, {"inspector", inspector(QString())}});
}

TEST_CASE("a card's text is one operation from the canvas and the Inspector", "[operations]")
{
    auto cardId = [](Window &w) {
        for (const Card &card : w.doc().cards())
            if (w.doc().cardKind(card) == LaneKind::Actions)
                return card.id;
        return std::string();
    };
    auto canvas = [cardId](Window &w) {
        w.window.view()->editCardText(cardId(w));
        w.typeInPlace(QStringLiteral("Compares prices"));
    };
    auto inspector = [cardId](Window &w) {
        w.window.view()->selectTool()->selectCard(cardId(w));
        auto *text = w.inspector()->findChild<QPlainTextEdit *>(QStringLiteral("Text"));
        REQUIRE(text);
        text->setFocus();
        text->selectAll();
        QTest::keyClicks(text, QStringLiteral("Compares prices"));
    };
    checkSame({{"canvas", canvas}, {"inspector", inspector}}, QStringLiteral("Edit Card Text"));
}

TEST_CASE("an audit rating is one operation from the Audit panel and the Inspector", "[operations]")
{
    auto touchpoint = [](Window &w) {
        for (const Card &card : w.doc().cards())
            if (w.doc().cardKind(card) == LaneKind::Touchpoints)
                return card.id;
        return std::string();
    };
    // A rating the card does not have yet.
    auto rating = [touchpoint](Window &w) {
        const Card *card = w.doc().card(touchpoint(w));
        return card->audit && card->audit->appropriate == 4 ? 3 : 4;
    };
    auto auditPanel = [touchpoint, rating](Window &w) {
        AuditPanel panel(w.controller());
        AuditTableModel *model = panel.model();
        const std::string id = touchpoint(w);
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data(AuditTableModel::CardIdRole).toString().toStdString() == id)
                REQUIRE(model->setData(model->index(row, AuditTableModel::FirstRating + 1), rating(w), Qt::EditRole));
    };
    auto inspector = [touchpoint, rating](Window &w) {
        w.window.view()->selectTool()->selectCard(touchpoint(w));
        auto *spin =
            w.inspector()->findChild<QSpinBox *>(QString::fromUtf8(std::string(auditCriteria()[1].name).c_str()));
        REQUIRE(spin);
        spin->setValue(rating(w));
    };
    checkSame({{"audit panel", auditPanel}, {"inspector", inspector}},
              QStringLiteral("Rate %1").arg(QString::fromUtf8(std::string(auditCriteria()[1].name).c_str())));
}

TEST_CASE("moving a stage is one operation from the Structure panel and a header drag", "[operations]")
{
    auto structure = [](Window &w) {
        StructurePanel *panel = w.structure();
        panel->setCurrentKind(StructurePanel::Kind::Stages);
        panel->list(StructurePanel::Kind::Stages)->setCurrentRow(2);
        panel->moveCurrent(-1);
    };
    auto canvas = [](Window &w) {
        MapView *view = w.window.view();
        const MapLayout &layout = w.window.scene()->mapLayout();
        view->ensureVisible(layout.stageHeaderRect(2), 200, 200);
        const QPoint from = view->mapFromScene(layout.stageHeaderRect(2).center());
        const QPoint to = view->mapFromScene(layout.stageHeaderRect(1).center());
        auto send = [&](QEvent::Type type, const QPoint &pos, Qt::MouseButtons buttons) {
            const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
            QMouseEvent event(type, QPointF(pos), view->viewport()->mapToGlobal(QPointF(pos)), button, buttons,
                              Qt::NoModifier);
            QApplication::sendEvent(view->viewport(), &event);
        };
        send(QEvent::MouseButtonPress, from, Qt::LeftButton);
        for (int i = 1; i <= 8; ++i)
            send(QEvent::MouseMove, from + (to - from) * i / 8, Qt::LeftButton);
        send(QEvent::MouseButtonRelease, to, Qt::NoButton);
    };
    checkSame({{"structure panel", structure}, {"canvas", canvas}}, QStringLiteral("Move Stage"));
}

TEST_CASE("adding a card to a cell is one operation from a double-click and a palette drop", "[operations]")
{
    // The first touchpoint row's second stage, between its cards.
    auto cellPoint = [](Window &w) {
        const MapLayout &layout = w.window.scene()->mapLayout();
        for (int row = 0; row < static_cast<int>(layout.bands()[0].rows.size()); ++row)
            if (layout.bands()[0].rows[row].kind == LaneKind::Touchpoints)
                return layout.cellRect(0, row, 1).center();
        FAIL("no touchpoint row");
        return QPointF();
    };
    auto doubleClick = [cellPoint](Window &w) {
        const MapLayout::Hit hit = w.window.scene()->mapLayout().hitTest(cellPoint(w));
        REQUIRE(hit.kind == MapLayout::HitKind::Cell);
        w.window.view()->addCardInCell(hit.band, hit.row, hit.stage, hit.insertIndex);
    };
    auto palette = [cellPoint](Window &w) {
        const PaletteDrop drop =
            planPaletteDrop(w.doc(), w.window.scene()->mapLayout(),
                            PaletteEntry{PaletteEntry::Type::Card, LaneKind::Touchpoints, {}}, cellPoint(w));
        REQUIRE(drop.valid);
        CHECK_FALSE(w.controller()->operations().dropPaletteEntry(drop).empty());
    };
    checkSame({{"double-click", doubleClick}, {"palette", palette}},
              QStringLiteral("Add %1").arg(laneKindDisplayName(LaneKind::Touchpoints)));
}

TEST_CASE("hiding a lane from the Structure panel is undone in one step and names itself", "[operations]")
{
    Window w;
    const std::string before = writeDocument(w.doc());
    QListWidget *lanes = w.structure()->list(StructurePanel::Kind::Lanes);
    lanes->item(0)->setCheckState(Qt::Unchecked);
    CHECK(w.doc().lanes()[0].hidden);
    CHECK(w.controller()->undoStack()->undoText() == QStringLiteral("Hide Lane"));
    CHECK(w.controller()->operations().setLaneShown(w.doc().lanes()[0].id, true));
    CHECK(w.controller()->undoStack()->undoText() == QStringLiteral("Show Lane"));
    w.controller()->undoStack()->undo();
    w.controller()->undoStack()->undo();
    CHECK(writeDocument(w.doc()) == before);
}

TEST_CASE("no file in the editor builds core edits but the operations", "[operations]")
{
    // The edits of edit.hpp (and views.hpp) are made in map_operations.cpp
    // alone (and carried by the controller and its undo commands): a widget
    // that built its own would bring back its own rules and its own undo
    // text. A method of the same name is declared with its return type.
    const QRegularExpression builds(QStringLiteral(
        "#include\\s+\"cjm/edit\\.hpp\"|\\bEditPtr\\b|(?<![\\w.>:])(?<!void )(?<!bool "
        ")(cjm::)?(setField|addPersona|addStage|addLane|addCard|"
        "removePersona|removeStage|removeLane|removeCard|updatePersona|updateStage|updateLane|updateCard|setJourney|"
        "movePersona|moveStage|moveLane|moveCard|moveCardsToCell|addCardToCell|addCardsAtEnd|compound|addView|"
        "updateView|"
        "removeView|moveView)\\s*\\("));
    REQUIRE(builds.isValid());
    const QStringList allowed{QStringLiteral("map_operations"), QStringLiteral("document_controller"),
                              QStringLiteral("edit_command")};
    int files = 0;
    QDirIterator it(QStringLiteral(CJM_SOURCE_DIR "/src/editor"), {QStringLiteral("*.cpp"), QStringLiteral("*.hpp")},
                    QDir::Files);
    while (it.hasNext()) {
        const QString path = it.next();
        if (allowed.contains(QFileInfo(path).completeBaseName()))
            continue;
        ++files;
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly | QIODevice::Text));
        int number = 0;
        while (!file.atEnd()) {
            ++number;
            const QString line = QString::fromUtf8(file.readLine()).section(QStringLiteral("//"), 0, 0);
            INFO(path.toStdString() << ":" << number << ": " << line.trimmed().toStdString());
            CHECK_FALSE(builds.match(line).hasMatch());
        }
    }
    CHECK(files > 20);
}

TEST_CASE("the controller tells what each operation changed, and an undo the inverse", "[operations]")
{
    Window w;
    std::vector<ChangeSet> told;
    QObject::connect(w.controller(), &DocumentController::changed, w.controller(),
                     [&](const ChangeSet &changes) { told.push_back(changes); });
    MapOperations &operations = w.controller()->operations();
    QUndoStack *undo = w.controller()->undoStack();

    const std::string stageId = operations.addStage(1);
    REQUIRE(!stageId.empty());
    REQUIRE(told.size() == 1);
    CHECK(told.back().find(EntityKind::Stage, stageId)->added);
    CHECK(told.back().touchesStructure());
    undo->undo();
    REQUIRE(told.size() == 2);
    CHECK(told.back().find(EntityKind::Stage, stageId)->removed);

    const std::string cardId = w.doc().cards().front().id;
    REQUIRE(operations.setCardText(cardId, QStringLiteral("Shorter")));
    CHECK(told.back().hasField(EntityKind::Card, cardId, "text"));
    CHECK(told.back().isContentOnly());
    CHECK(told.back().cardIds() == std::vector<std::string>{cardId});

    // Mark Reviewed changes the review date alone, not the whole journey.
    const Date today{std::chrono::year{2030}, std::chrono::month{1}, std::chrono::day{15}};
    REQUIRE(w.doc().journey().reviewIntervalDays > 0); // so a next review is scheduled
    REQUIRE(operations.markReviewed(today));
    const ChangeSet::Entry *journey = told.back().find(EntityKind::Journey, "");
    REQUIRE(journey);
    CHECK(journey->hasField("nextReview"));
    CHECK_FALSE(journey->hasField("title"));
    CHECK_FALSE(told.back().touchesStructure());
    undo->undo();
    CHECK(told.back().hasField(EntityKind::Journey, "", "nextReview"));
}
