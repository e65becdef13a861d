// Scale: the whole chain works on a 50,000-card map — read, lay out, edit,
// save, read back, undo. Correctness only; how long it takes is cjm-bench's
// business, never a pass/fail condition.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QTemporaryDir>
#include <QUndoStack>

#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "document_controller.hpp"
#include "map_generator.hpp"
#include "map_scene.hpp"

using namespace cjm;

TEST_CASE("the generator is deterministic and builds what it promises", "[scale]")
{
    const Document a = bench::generateMap(bench::shapeFor(1000));
    const Document b = bench::generateMap(bench::shapeFor(1000));
    CHECK(writeDocument(a) == writeDocument(b));
    CHECK(a.cards().size() == 1000);
    CHECK(a.stages().size() == 40);
    CHECK(a.lanes().size() == kKnownLaneKinds.size());
    auto reread = readDocument(writeDocument(a));
    REQUIRE(reread.ok());
    CHECK(*reread.document == a);
}

TEST_CASE("a 50,000-card map opens, edits, saves and undoes correctly", "[scale]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.cjm"));
    const Document generated = bench::generateMap(bench::shapeFor(50000));
    REQUIRE(generated.cards().size() == 50000);
    {
        DocumentController writer;
        writer.resetDocument(generated, QString());
        QString error;
        REQUIRE(writer.save(path, error));
    }

    DocumentController controller;
    Problems problems;
    REQUIRE(controller.load(path, problems));
    CHECK(controller.document() == generated);
    MapScene scene(&controller);
    CHECK(scene.mapLayout().cardCount() == 50000);
    CHECK(scene.shownCardCount() == 50000);

    // Edits of every sort: text, a move to another cell, a new card, a removal.
    const Document &doc = controller.document();
    Card edited = doc.cards()[12345];
    edited.text = "改过的文字 edited at scale";
    REQUIRE(controller.apply(updateCard(edited), QStringLiteral("Edit")));
    const Card moving = doc.cards()[40000];
    const std::string targetStage = doc.stages()[(doc.stageIndex(moving.stage).value() + 1) % doc.stages().size()].id;
    REQUIRE(controller.apply(moveCardsToCell(doc, {moving.id}, moving.persona, targetStage, moving.lane, 0),
                             QStringLiteral("Move")));
    Card added;
    added.id = doc.newId("card");
    added.persona = doc.personas().back().id;
    added.stage = doc.stages().front().id;
    added.lane = doc.lanes().front().id;
    added.text = "A new touchpoint";
    const std::string addedId = added.id;
    REQUIRE(controller.apply(addCardToCell(doc, added, 0), QStringLiteral("Add")));
    const std::string removedId = doc.cards()[777].id;
    REQUIRE(controller.apply(removeCard(removedId), QStringLiteral("Remove")));

    CHECK(doc.card(edited.id)->text == edited.text);
    CHECK(doc.card(moving.id)->stage == targetStage);
    CHECK(doc.card(moving.id)->order == 0);
    CHECK(doc.card(addedId));
    CHECK_FALSE(doc.card(removedId));
    CHECK(doc.cards().size() == 50000);
    // The scene followed every edit.
    CHECK(scene.shownCardCount() == 50000);
    CHECK(scene.mapLayout().cardPlace(moving.id)->stage == static_cast<int>(doc.stageIndex(targetStage).value()));
    CHECK_FALSE(scene.mapLayout().cardPlace(removedId));
    // The cell the card moved into is in order, no duplicates.
    const auto cell = doc.cardsInCell(moving.persona, targetStage, moving.lane);
    for (std::size_t i = 0; i < cell.size(); ++i)
        CHECK(cell[i]->order == static_cast<std::int64_t>(i));

    QString error;
    REQUIRE(controller.save(path, error));
    auto saved = readDocumentFile(path.toStdString());
    REQUIRE(saved.ok());
    CHECK(*saved.document == doc);

    controller.undoStack()->setIndex(0);
    CHECK(controller.document() == generated);
    CHECK(scene.shownCardCount() == 50000);
    CHECK(scene.mapLayout().cardPlace(removedId));
    CHECK_FALSE(scene.mapLayout().cardPlace(addedId));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
