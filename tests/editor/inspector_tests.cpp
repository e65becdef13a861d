// The Inspector: the desired emotion and map language fields, the plain text
// rows of every kind, the audit criteria, Tab in its multi-line fields, its
// form at the dock's default width, and the dock's name a saved window layout
// finds it by.
#include <catch2/catch.hpp>

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "cjm/audit.hpp"
#include "cjm/document_io.hpp"
#include "document_controller.hpp"
#include "inspector_panel.hpp"
#include "main_window.hpp"
#include "map_scene.hpp"
#include "map_style.hpp"
#include "map_view.hpp"
#include "palette_panel.hpp"
#include "select_tool.hpp"

using namespace cjm;

namespace {

struct InspectorFixture {
    QTemporaryDir dir; // a copy of the sample: a lock on the shared one would stall other runs
    MainWindow window;
    InspectorPanel *inspector = nullptr;
    InspectorFixture()
    {
        window.resize(1500, 1000);
        const QString copy = dir.filePath(QStringLiteral("ecommerce-en.cjm"));
        REQUIRE(QFile::copy(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm"), copy));
        REQUIRE(window.loadFile(copy));
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        inspector = window.findChild<InspectorPanel *>(QStringLiteral("inspector"));
        REQUIRE(inspector);
    }
    const Document &doc() { return window.controller()->document(); }
    QUndoStack *undo() { return window.controller()->undoStack(); }
    const Card &firstOfKind(LaneKind kind)
    {
        for (const Card &card : doc().cards())
            if (doc().cardKind(card) == kind)
                return card;
        FAIL("no card of that kind in the sample");
        throw 0;
    }
};

} // namespace

TEST_CASE("the inspector sets an emotion's desired score, and none, each one undo step", "[inspector]")
{
    InspectorFixture f;
    const Card emotion = f.firstOfKind(LaneKind::Emotions);
    const std::string before = writeDocument(f.doc());
    f.window.view()->selectTool()->selectCard(emotion.id);
    REQUIRE(f.inspector->targetId() == emotion.id);
    auto *desired = f.inspector->findChild<QComboBox *>(QStringLiteral("Desired"));
    REQUIRE(desired);
    CHECK(desired->accessibleName() == QStringLiteral("Desired"));
    CHECK(desired->count() == 8); // none, +3 ... -3

    const int steps = f.undo()->count();
    desired->setCurrentIndex(desired->findData(2));
    CHECK(f.doc().card(emotion.id)->desired == std::optional(2));
    CHECK(f.undo()->count() == steps + 1);
    CHECK(f.undo()->undoText().contains(QStringLiteral("Desired")));
    desired->setCurrentIndex(0);
    CHECK_FALSE(f.doc().card(emotion.id)->desired.has_value());
    desired->setCurrentIndex(desired->findData(-1));
    CHECK(f.doc().card(emotion.id)->desired == std::optional(-1));
    CHECK(f.undo()->count() == steps + 1); // changes to one field in a row are one step

    f.undo()->undo();
    CHECK(desired->currentIndex() == (emotion.desired ? desired->findData(*emotion.desired) : 0)); // follows undo
    CHECK(writeDocument(f.doc()) == before);
}

TEST_CASE("the journey's map language: picked, typed in any case, or refused with a message", "[inspector]")
{
    InspectorFixture f;
    REQUIRE(f.inspector->target() == InspectorPanel::Target::Journey);
    auto *language = f.inspector->findChild<QComboBox *>(QStringLiteral("Map language"));
    REQUIRE(language);
    CHECK(language->accessibleName() == QStringLiteral("Map language"));
    auto *problem = f.inspector->findChild<QLabel *>(QStringLiteral("Map language problem"));
    REQUIRE(problem);
    REQUIRE(f.doc().journey().language == std::optional<std::string>("en"));
    CHECK(language->currentText() == QStringLiteral("en"));

    const int zhTw = language->findData(QStringLiteral("zh-TW"));
    REQUIRE(zhTw >= 0);
    language->setCurrentIndex(zhTw);
    emit language->activated(zhTw);
    CHECK(f.doc().journey().language == std::optional<std::string>("zh-TW"));

    // Another tag, typed in odd case, is kept in its conventional case.
    language->lineEdit()->selectAll();
    QTest::keyClicks(language->lineEdit(), QStringLiteral("DE-ch"));
    emit language->lineEdit()->editingFinished();
    CHECK(f.doc().journey().language == std::optional<std::string>("de-CH"));
    CHECK(problem->isHidden());

    // Not a tag: the map keeps its language and the field says why.
    const int steps = f.undo()->count();
    language->lineEdit()->selectAll();
    QTest::keyClicks(language->lineEdit(), QStringLiteral("not a tag!"));
    emit language->lineEdit()->editingFinished();
    CHECK(f.doc().journey().language == std::optional<std::string>("de-CH"));
    CHECK(f.undo()->count() == steps);
    CHECK_FALSE(problem->isHidden());
    CHECK(problem->text().contains(QStringLiteral("not a tag!")));

    // "The UI language" removes the map's own.
    language->setCurrentIndex(0);
    emit language->activated(0);
    CHECK_FALSE(f.doc().journey().language.has_value());
    CHECK(problem->isHidden());
}

TEST_CASE("Tab in the inspector's multi-line fields moves focus and never types into the map", "[inspector]")
{
    InspectorFixture f;
    f.window.activateWindow();
    const std::string before = writeDocument(f.doc());
    auto *description = f.inspector->findChild<QPlainTextEdit *>(QStringLiteral("Description"));
    REQUIRE(description);
    CHECK(description->tabChangesFocus());
    description->setFocus();
    QTest::keyClick(description, Qt::Key_Tab);
    CHECK_FALSE(description->toPlainText().contains(QLatin1Char('\t')));
    CHECK(writeDocument(f.doc()) == before);

    f.window.view()->selectTool()->selectCard(f.firstOfKind(LaneKind::Touchpoints).id);
    for (auto *edit : f.inspector->findChildren<QPlainTextEdit *>())
        CHECK(edit->tabChangesFocus());
}

TEST_CASE("at the dock's default width the inspector neither scrolls sideways nor clips a label", "[inspector]")
{
    InspectorFixture f;
    InspectorPanel narrow(f.window.controller(), f.window.scene());
    narrow.resize(320, 900);
    narrow.show();
    REQUIRE(QTest::qWaitForWindowExposed(&narrow));
    auto check = [&narrow](const char *what) {
        INFO(what);
        QCoreApplication::processEvents();
        auto *scroll = narrow.findChild<QScrollArea *>();
        REQUIRE(scroll);
        CHECK_FALSE(scroll->horizontalScrollBar()->isVisible());
        REQUIRE(scroll->widget());
        CHECK(scroll->widget()->width() <= scroll->viewport()->width());
        CHECK(scroll->widget()->minimumSizeHint().width() <= scroll->viewport()->width());
        for (QLabel *label : scroll->widget()->findChildren<QLabel *>()) {
            if (!label->isVisible() || label->wordWrap())
                continue;
            INFO(label->text().toStdString());
            CHECK(label->sizeHint().width() <= label->width());
        }
    };
    check("journey");
    for (LaneKind kind : {LaneKind::Touchpoints, LaneKind::Emotions, LaneKind::PainPoints}) {
        f.window.scene()->setSelectedCards({f.firstOfKind(kind).id});
        REQUIRE(narrow.target() == InspectorPanel::Target::Card);
        check(laneKindDisplayName(kind).toStdString().c_str());
    }
}

TEST_CASE("the inspector's plain text rows show and set their field of the journey, a persona, a stage and a card",
          "[inspector]")
{
    InspectorFixture f;
    // Types into the row named `name` and checks the field took it in one undo step, then undoes it.
    auto typeInto = [&](const char *name, const std::function<std::string()> &value) {
        INFO(name);
        const std::string shown = value();
        QWidget *row = f.inspector->findChild<QWidget *>(QLatin1String(name));
        REQUIRE(row);
        const int steps = f.undo()->index();
        if (auto *line = qobject_cast<QLineEdit *>(row)) {
            CHECK(line->text() == QString::fromStdString(shown));
            line->setFocus();
            line->end(false);
            QTest::keyClicks(line, QStringLiteral("xy"));
        } else {
            auto *box = qobject_cast<QPlainTextEdit *>(row);
            REQUIRE(box);
            CHECK(box->toPlainText() == QString::fromStdString(shown));
            box->setFocus();
            box->moveCursor(QTextCursor::End);
            QTest::keyClicks(box, QStringLiteral("xy"));
        }
        CHECK(value() == shown + "xy");
        CHECK(f.undo()->index() == steps + 1);
        f.undo()->undo();
        CHECK(value() == shown);
    };
    typeInto("Title", [&] { return f.doc().journey().title; });
    typeInto("Description", [&] { return f.doc().journey().description; });
    typeInto("Goal", [&] { return f.doc().journey().goal; });
    typeInto("Segment", [&] { return f.doc().journey().segment; });
    typeInto("Owner", [&] { return f.doc().journey().owner; });

    const std::string personaId = f.doc().personas().front().id;
    f.inspector->showPersona(personaId);
    REQUIRE(f.inspector->target() == InspectorPanel::Target::Persona);
    const auto persona = [&] { return *f.doc().persona(personaId); };
    typeInto("Name", [&] { return persona().name; });
    typeInto("Segment", [&] { return persona().segment; });
    typeInto("Description", [&] { return persona().description; });
    typeInto("Goals", [&] { return persona().goals; });
    typeInto("Needs", [&] { return persona().needs; });
    typeInto("Frustrations", [&] { return persona().frustrations; });

    const std::string stageId = f.doc().stages().back().id;
    f.inspector->showStage(stageId);
    REQUIRE(f.inspector->target() == InspectorPanel::Target::Stage);
    typeInto("Name", [&] { return f.doc().stage(stageId)->name; });
    typeInto("Description", [&] { return f.doc().stage(stageId)->description; });

    const std::string cardId = f.firstOfKind(LaneKind::Touchpoints).id;
    f.window.view()->selectTool()->selectCard(cardId);
    REQUIRE(f.inspector->targetId() == cardId);
    typeInto("Notes", [&] { return f.doc().card(cardId)->notes; });
}

TEST_CASE("the inspector rates a touchpoint on core's six audit criteria, in their translated names", "[inspector]")
{
    InspectorFixture f;
    const std::string cardId = f.firstOfKind(LaneKind::Touchpoints).id;
    f.window.view()->selectTool()->selectCard(cardId);
    for (const AuditCriterion &criterion : auditCriteria()) {
        INFO(criterion.name);
        auto *spin = f.inspector->findChild<QSpinBox *>(
            QString::fromUtf8(criterion.name.data(), qsizetype(criterion.name.size())));
        REQUIRE(spin);
        CHECK(spin->accessibleName() ==
              QCoreApplication::translate("AuditCriteria", std::string(criterion.name).c_str()));
        const int next = spin->value() == 5 ? 1 : spin->value() + 1;
        spin->setValue(next);
        const Card *card = f.doc().card(cardId);
        REQUIRE(card->audit);
        CHECK((*card->audit).*criterion.field == next);
        CHECK(f.undo()->undoText() == QStringLiteral("Rate %1").arg(spin->accessibleName()));
    }
}

// QMainWindow::saveState() names each dock by its object name, and the user's
// layout is kept in the settings: the Inspector and Palette docks keep their
// names whatever their panels' classes are called (InspectorWidget and
// PaletteWidget before #16), so a layout saved by an older version restores.
TEST_CASE("the Inspector and Palette docks keep the names a saved window layout finds them by", "[inspector]")
{
    MainWindow saved;
    auto *inspectorDock = saved.findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    auto *paletteDock = saved.findChild<QDockWidget *>(QStringLiteral("paletteDock"));
    REQUIRE(inspectorDock);
    REQUIRE(paletteDock);
    CHECK(qobject_cast<InspectorPanel *>(inspectorDock->widget()));
    CHECK(qobject_cast<PalettePanel *>(paletteDock->widget()));
    REQUIRE(saved.dockWidgetArea(inspectorDock) == Qt::RightDockWidgetArea);
    saved.addDockWidget(Qt::LeftDockWidgetArea, inspectorDock);
    paletteDock->hide();
    const QByteArray layout = saved.saveState();

    MainWindow restored;
    REQUIRE(restored.restoreState(layout));
    auto *restoredInspector = restored.findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    auto *restoredPalette = restored.findChild<QDockWidget *>(QStringLiteral("paletteDock"));
    REQUIRE(restoredInspector);
    REQUIRE(restoredPalette);
    CHECK(restored.dockWidgetArea(restoredInspector) == Qt::LeftDockWidgetArea);
    CHECK(restoredPalette->isHidden());
}
