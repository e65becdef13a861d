// The canvas for screen readers: the map as a table (stages as columns,
// persona and lane as row headers), each card a child of its cell named by
// its text and described in words; selection and focus announced; the
// Inspector's fields named by their labels.
#include <catch2/catch.hpp>

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <map>
#include <vector>

#include "cjm/edit.hpp"
#include "inspector_panel.hpp"
#include "map_scene.hpp"
#include "map_style.hpp"
#include "map_view.hpp"
#include "qt_text.hpp"

using namespace cjm;

namespace {

// Opens a copy of the English sample (opening it in place would take a lock beside it).
void loadSampleCopy(DocumentController &controller, const QTemporaryDir &dir)
{
    const QString copy = dir.filePath(QStringLiteral("map.cjm"));
    REQUIRE(QFile::copy(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm"), copy));
    Problems problems;
    REQUIRE(controller.load(copy, problems));
}

// Every card reachable from the table: name -> description.
std::multimap<QString, QString> cardsInTable(QAccessibleInterface *table)
{
    std::multimap<QString, QString> cards;
    for (int i = 0; i < table->childCount(); ++i) {
        QAccessibleInterface *cell = table->child(i);
        REQUIRE(cell != nullptr);
        if (cell->role() != QAccessible::Cell)
            continue;
        for (int j = 0; j < cell->childCount(); ++j) {
            QAccessibleInterface *card = cell->child(j);
            REQUIRE(card != nullptr);
            CHECK(card->role() == QAccessible::ListItem);
            CHECK(card->parent() == cell);
            CHECK(cell->indexOfChild(card) == j);
            cards.emplace(card->text(QAccessible::Name), card->text(QAccessible::Description));
        }
    }
    return cards;
}

} // namespace

TEST_CASE("the canvas is a table of stages and persona lanes with every card in its cell", "[accessibility]")
{
    QTemporaryDir dir;
    DocumentController controller;
    loadSampleCopy(controller, dir);
    MapScene scene(&controller);
    MapView view(&scene);
    const Document &doc = controller.document();

    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(&view);
    REQUIRE(table != nullptr);
    CHECK(table->role() == QAccessible::Table);
    QAccessibleTableInterface *grid = table->tableInterface();
    REQUIRE(grid != nullptr);

    std::size_t rows = 0;
    for (const auto &band : scene.mapLayout().bands())
        rows += band.rows.size();
    CHECK(grid->rowCount() == static_cast<int>(rows));
    CHECK(grid->columnCount() == static_cast<int>(doc.stages().size()));
    REQUIRE(grid->rowCount() > 1);
    REQUIRE(grid->columnCount() > 1);

    // Headers: the stage's name over each column, persona and lane before each row.
    QAccessibleTableCellInterface *first = grid->cellAt(0, 0)->tableCellInterface();
    REQUIRE(first != nullptr);
    CHECK(first->rowIndex() == 0);
    CHECK(first->columnIndex() == 0);
    REQUIRE(first->columnHeaderCells().size() == 1);
    CHECK(first->columnHeaderCells().front()->role() == QAccessible::ColumnHeader);
    CHECK(first->columnHeaderCells().front()->text(QAccessible::Name) == toQString(doc.stages().front().name));
    CHECK(grid->columnDescription(1) == toQString(doc.stages()[1].name));
    REQUIRE(first->rowHeaderCells().size() == 1);
    const QString rowHeader = first->rowHeaderCells().front()->text(QAccessible::Name);
    const MapLayout::PersonaBand &band = scene.mapLayout().bands().front();
    CHECK(rowHeader.contains(toQString(doc.persona(band.personaId)->name)));
    CHECK(rowHeader.contains(laneDisplayTitle(*doc.lane(band.rows.front().laneId))));
    CHECK(grid->rowDescription(0) == rowHeader);
    // The same object each time it is asked for: QAccessible ids stay stable.
    CHECK(QAccessible::uniqueId(grid->cellAt(1, 1)) == QAccessible::uniqueId(grid->cellAt(1, 1)));
    CHECK(table->indexOfChild(grid->cellAt(1, 1)) >= 0);
    CHECK(table->child(table->indexOfChild(grid->cellAt(1, 1))) == grid->cellAt(1, 1));

    // Every card of the sample, by its text, with its kind (and severity or
    // channel where it has one) in the description.
    const std::multimap<QString, QString> cards = cardsInTable(table);
    CHECK(cards.size() == doc.cards().size());
    for (const Card &card : doc.cards()) {
        INFO(card.text);
        REQUIRE(scene.isCardShown(card.id));
        const auto found = cards.find(toQString(card.text));
        REQUIRE(found != cards.end());
        const QString description = found->second;
        CHECK(description.startsWith(laneKindDisplayName(doc.cardKind(card))));
        if (!card.channel.empty())
            CHECK(description.contains(channelDisplayName(card.channel)));
        if (card.score)
            CHECK(description.contains(QStringLiteral("score %1").arg(*card.score)));
        if (doc.cardKind(card) == LaneKind::PainPoints)
            CHECK(description.contains(QStringLiteral("severity")));
    }
}

// The events themselves (Focus, SelectionAdd/Remove, SelectionWithin,
// TableModelChanged) are not observable here: on the offscreen platform
// QAccessible is never active and Qt drops every event before any update
// handler. What a screen reader reads in answer to them is checked.
TEST_CASE("selecting a card moves the accessible focus and the selected state with it", "[accessibility]")
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
    REQUIRE(view.hasFocus());

    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(&view);
    const std::vector<std::string> ids = scene.mapLayout().cardIds();
    REQUIRE(ids.size() > 2);
    const Document &doc = controller.document();
    const QString firstText = toQString(doc.card(ids[0])->text);
    const QString secondText = toQString(doc.card(ids[1])->text);

    scene.setSelectedCards({ids[0]});
    QAccessibleInterface *focused = table->focusChild();
    REQUIRE(focused != nullptr);
    CHECK(focused->text(QAccessible::Name) == firstText);
    CHECK(focused->state().focused);
    CHECK(focused->state().selected);

    // The arrow keys move the selection, and the focus with it; the card that
    // a screen reader holds is no longer selected.
    scene.setSelectedCards({ids[1]});
    REQUIRE(table->focusChild() != nullptr);
    CHECK(table->focusChild()->text(QAccessible::Name) == secondText);
    CHECK_FALSE(focused->state().selected);
    CHECK_FALSE(focused->state().focused);
    QAccessibleInterface *cell = table->focusChild()->parent();
    REQUIRE(cell != nullptr);
    REQUIRE(cell->tableCellInterface() != nullptr);
    CHECK(cell->tableCellInterface()->isSelected());
    CHECK(table->tableInterface()->selectedCellCount() == 1);

    // A removed card's accessible object is deleted with it.
    const QAccessible::Id secondId = QAccessible::uniqueId(table->focusChild());
    controller.apply(removeCard(ids[1]), QStringLiteral("remove"));
    CHECK(QAccessible::accessibleInterface(secondId) == nullptr);
    // Ctrl+click adds a card: the focus stays where it was.
    scene.setSelectedCards({ids[0]});
    scene.setCardSelected(ids[2], true);
    REQUIRE(table->focusChild() != nullptr);
    CHECK(table->focusChild()->text(QAccessible::Name) == firstText);
    CHECK(table->tableInterface()->selectedCellCount() >= 1);
}

TEST_CASE("an empty cell the arrow keys reach takes the accessible focus", "[accessibility]")
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
    REQUIRE(view.hasFocus());
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(&view);
    const MapLayout &layout = scene.mapLayout();
    // A card with an empty cell right of it.
    int band = -1, row = -1, stage = -1;
    for (int b = 0; b < int(layout.bands().size()) && band < 0; ++b)
        for (int r = 0; r < int(layout.bands()[b].rows.size()) && band < 0; ++r)
            for (int s = 0; s + 1 < int(layout.stages().size()) && band < 0; ++s)
                if (!layout.cardsInCell(b, r, s).empty() && layout.cardsInCell(b, r, s + 1).empty()) {
                    band = b;
                    row = r;
                    stage = s;
                }
    REQUIRE(band >= 0);
    scene.setSelectedCards({layout.cardsInCell(band, row, stage).front().cardId});
    REQUIRE(table->focusChild() != nullptr);
    CHECK(table->focusChild()->role() == QAccessible::ListItem);

    QTest::keyClick(view.viewport(), Qt::Key_Right);
    QAccessibleInterface *cell = table->focusChild();
    REQUIRE(cell != nullptr);
    CHECK(cell->role() == QAccessible::Cell);
    CHECK(cell->childCount() == 0);
    CHECK(cell->state().focusable);
    CHECK(cell->state().focused);
    REQUIRE(cell->tableCellInterface() != nullptr);
    CHECK(cell->tableCellInterface()->columnIndex() == stage + 1);
    QAccessibleInterface *again = table->tableInterface()->cellAt(cell->tableCellInterface()->rowIndex(), stage + 1);
    CHECK(again == cell);
    // Named by its persona, lane and stage, as every cell is.
    CHECK(cell->text(QAccessible::Name).endsWith(table->tableInterface()->columnDescription(stage + 1)));

    // Back on the card: the card has the focus, the cell no longer.
    QTest::keyClick(view.viewport(), Qt::Key_Left);
    REQUIRE(table->focusChild() != nullptr);
    CHECK(table->focusChild()->role() == QAccessible::ListItem);
    CHECK_FALSE(cell->state().focused);
}

TEST_CASE("every Inspector field is named by its label", "[accessibility]")
{
    QTemporaryDir dir;
    DocumentController controller;
    loadSampleCopy(controller, dir);
    MapScene scene(&controller);
    InspectorPanel inspector(&controller, &scene);
    const Document &doc = controller.document();
    const auto pain = std::find_if(doc.cards().begin(), doc.cards().end(),
                                   [&](const Card &c) { return doc.cardKind(c) == LaneKind::PainPoints; });
    REQUIRE(pain != doc.cards().end());
    scene.setSelectedCards({pain->id});

    auto *text = inspector.findChild<QPlainTextEdit *>(QStringLiteral("Text"));
    auto *severity = inspector.findChild<QComboBox *>(QStringLiteral("Severity"));
    REQUIRE(text != nullptr);
    REQUIRE(severity != nullptr);
    CHECK(text->accessibleName() == QStringLiteral("Text"));
    CHECK(severity->accessibleName() == QStringLiteral("Severity"));
    // No input of the form is left without a name.
    for (QWidget *field : inspector.findChildren<QWidget *>()) {
        if (!qobject_cast<QLineEdit *>(field) && !qobject_cast<QPlainTextEdit *>(field) &&
            !qobject_cast<QComboBox *>(field))
            continue;
        if (qobject_cast<QLineEdit *>(field) && qobject_cast<QComboBox *>(field->parentWidget()))
            continue; // an editable combo box's own line edit
        INFO(field->objectName().toStdString());
        CHECK_FALSE(QAccessible::queryAccessibleInterface(field)->text(QAccessible::Name).isEmpty());
    }
}
