// Spreadsheets both ways: the workbook's sheets back to the same map, the
// CSV inventory back with its ids, lane order and journey type, and a map
// updated from an edited sheet with exactly the sheet's edits.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cjm/csv.hpp"
#include "cjm/csv_import.hpp"
#include "cjm/diff.hpp"
#include "cjm/sheet_update.hpp"
#include "cjm/workbook.hpp"
#include "test_helpers.hpp"

using namespace cjm;
using namespace cjm::test;

namespace {

// Every sample and every template.
std::vector<std::filesystem::path> everyMap()
{
    std::vector<std::filesystem::path> maps;
    // Maps only: not the lock files an editor test may leave beside them.
    auto isMap = [](const std::filesystem::path &p) {
        return p.extension() == ".cjm" && !p.filename().string().starts_with('.');
    };
    for (const auto &entry : std::filesystem::directory_iterator(CJM_SAMPLES_DIR))
        if (isMap(entry.path()))
            maps.push_back(entry.path());
    for (const auto &entry :
         std::filesystem::recursive_directory_iterator(std::string(CJM_SOURCE_DIR) + "/resources/templates"))
        if (isMap(entry.path()))
            maps.push_back(entry.path());
    std::sort(maps.begin(), maps.end());
    REQUIRE(maps.size() >= 20);
    return maps;
}

// The map without its pictures, which no cell holds.
Document withoutPictures(const Document &document)
{
    Document copy = document;
    for (const auto &p : document.personas())
        if (p.avatar)
            REQUIRE(setField(fields::persona::avatar, p.id, std::nullopt)->apply(copy));
    for (const auto &c : document.cards())
        if (c.image)
            REQUIRE(setField(fields::card::image, c.id, std::nullopt)->apply(copy));
    return copy;
}

std::size_t column(const Sheet &sheet, const std::string &header)
{
    const auto &row = sheet.rows.front();
    for (std::size_t c = 0; c < row.size(); ++c)
        if (row[c].text == header)
            return c;
    FAIL("no column " << header);
    return 0;
}

Sheet &sheetNamed(Workbook &book, std::string_view name)
{
    for (auto &sheet : book.sheets)
        if (sheet.name == name)
            return sheet;
    FAIL("no sheet " << name);
    return book.sheets.front();
}

std::set<std::string> idsOf(const Document &d)
{
    std::set<std::string> ids{d.journey().id};
    for (const auto &p : d.personas())
        ids.insert(p.id);
    for (const auto &s : d.stages())
        ids.insert(s.id);
    for (const auto &l : d.lanes())
        ids.insert(l.id);
    for (const auto &c : d.cards())
        ids.insert(c.id);
    return ids;
}

} // namespace

TEST_CASE("Workbook: every sample and template comes back as the same map, pictures aside", "[workbook]")
{
    for (const auto &path : everyMap()) {
        INFO(path.string());
        const Document original = mustRead(readText(path.string()));
        const Workbook book = mapToWorkbook(original);
        REQUIRE(book.find(workbook::kCards));
        CHECK(book.find(workbook::kCards)->rows.size() == original.cards().size() + 1);
        REQUIRE(book.find(workbook::kLanes));
        // Lanes in map order.
        for (std::size_t i = 0; i < original.lanes().size(); ++i)
            CHECK(book.find(workbook::kLanes)->rowIds.at(i) == original.lanes()[i].id);
        const WorkbookImportResult back = workbookToMap(book);
        INFO((back.problems.empty() ? std::string() : back.problems.front()));
        REQUIRE(back.ok());
        const auto changes = diffDocuments(withoutPictures(original), *back.document);
        INFO((changes.empty() ? std::string() : changes.front().description));
        CHECK(changes.empty());
    }
}

TEST_CASE("Workbook: shared names, odd tags, big orders, comments and unknown keys come back", "[workbook]")
{
    Document map = mustRead(readText(std::string(CJM_SAMPLES_DIR) + "/ecommerce-en.cjm"));
    const Card first = map.cards().front();
    // Two lanes titled alike, and one titled like another lane's id: the Cards sheet names them by id.
    REQUIRE(setField(fields::lane::title, map.lanes()[1].id,
                     map.lanes()[0].title.empty() ? std::string("Same") : map.lanes()[0].title)
                ->apply(map));
    REQUIRE(setField(fields::lane::title, map.lanes()[0].id, map.lanes()[1].title)->apply(map));
    REQUIRE(setField(fields::lane::title, map.lanes()[2].id, map.lanes()[3].id)->apply(map));
    REQUIRE(setField(fields::card::tags, first.id, std::vector<std::string>{"a; b", " spaced ", "[x]"})->apply(map));
    REQUIRE(moveCard(first.id, first.persona, first.stage, first.lane, kMaxCardOrder)->apply(map));
    REQUIRE(setField(fields::card::text, first.id, std::string("=1+1 _x0041_ \x01 line\nbreak"))->apply(map));
    Comment comment;
    comment.author = "Ann";
    comment.text = "check this";
    REQUIRE(setField(fields::card::comments, first.id, std::vector<Comment>{comment})->apply(map));
    UnknownKeys unknown = Json::object();
    unknown["x-later"] = Json::array({1, 2});
    REQUIRE(setField(fields::card::unknown, first.id, unknown)->apply(map));
    Metric metric;
    metric.value = 0.1 + 0.2; // needs 17 digits
    metric.target = 3;
    REQUIRE(setField(fields::card::metric, first.id, std::optional<Metric>(metric))->apply(map));

    const WorkbookImportResult back = workbookToMap(mapToWorkbook(map));
    INFO((back.problems.empty() ? std::string() : back.problems.front()));
    REQUIRE(back.ok());
    const auto changes = diffDocuments(withoutPictures(map), *back.document);
    INFO((changes.empty() ? std::string() : changes.front().description));
    CHECK(changes.empty());
}

TEST_CASE("Workbook: a cell that is not a value is named by sheet and cell", "[workbook]")
{
    const Document map = mustRead(readText(std::string(CJM_SAMPLES_DIR) + "/ecommerce-en.cjm"));
    Workbook book = mapToWorkbook(map);
    Sheet &cards = sheetNamed(book, workbook::kCards);
    const std::size_t score = column(cards, "score");
    cards.rows[3][score] = {"high", false};
    cards.rows[4][column(cards, "direct")] = {"maybe", false};
    const WorkbookImportResult result = workbookToMap(book);
    CHECK_FALSE(result.ok());
    REQUIRE(result.problems.size() == 2);
    CHECK(result.problems[0] ==
          "Cards!" + cellReference(score, 3) + ": score must be a whole number, but it is \u2018high\u2019");
    CHECK(result.problems[1].find("direct must be yes or no") != std::string::npos);

    // What only the reader knows is named by sheet and row.
    Workbook outOfRange = mapToWorkbook(map);
    Sheet &sheet = sheetNamed(outOfRange, workbook::kCards);
    std::size_t row = 0;
    for (std::size_t r = 1; r < sheet.rows.size(); ++r)
        if (!sheet.rows[r][score].text.empty())
            row = r;
    REQUIRE(row > 0);
    sheet.rows[row][score] = {"9", true};
    const WorkbookImportResult refused = workbookToMap(outOfRange);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.problems.front().starts_with("Cards row " + std::to_string(row + 1) + " (score): "));
}

TEST_CASE("Update from a workbook: a changed cell, a new row and a deleted row, and nothing else", "[workbook][update]")
{
    const Document map = mustRead(readText(std::string(CJM_SAMPLES_DIR) + "/retail-zh.cjm"));
    Workbook book = mapToWorkbook(map);
    Sheet &cards = sheetNamed(book, workbook::kCards);
    const std::size_t text = column(cards, "text"), id = column(cards, "id");
    const std::string changedId = cards.rows[2][id].text;
    cards.rows[2][text].text = "改过的文字";
    const std::string deletedId = cards.rows[5][id].text;
    cards.rows.erase(cards.rows.begin() + 5);
    // A new row as a person types it: no id, no order, names of an existing persona, stage and lane.
    std::vector<SheetCell> added(cards.rows.front().size());
    for (const char *header : {"persona", "stage", "lane"})
        added[column(cards, header)] = cards.rows[1][column(cards, header)];
    added[text].text = "新的触点";
    cards.rows.push_back(added);

    const WorkbookImportResult sheet = workbookToMap(book, idsOf(map));
    INFO((sheet.problems.empty() ? std::string() : sheet.problems.front()));
    REQUIRE(sheet.ok());
    const SheetContents contents = workbookSheetContents(book);
    CHECK(contents.cardFields.count("text"));
    CHECK(contents.cardFields.count("cell"));
    CHECK_FALSE(contents.cardFields.count("image"));

    SECTION("the missing row is reported and kept")
    {
        const SheetUpdatePlan plan = planSheetUpdate(map, *sheet.document, contents, false);
        REQUIRE(plan.error.empty());
        CHECK(plan.missingCards == std::vector<std::string>{deletedId});
        CHECK(plan.changedCards == 1);
        CHECK(plan.addedCards == 1);
        CHECK(plan.removedCards == 0);
        REQUIRE(plan.changes.size() == 2);
        CHECK(plan.changes[0].type == ChangeType::Changed);
        CHECK(plan.changes[0].id == changedId);
        CHECK(plan.changes[0].field == "text");
        CHECK(plan.changes[1].type == ChangeType::Added);
        Document after = map;
        REQUIRE(plan.edit);
        REQUIRE(plan.edit->apply(after));
        CHECK(diffDocuments(map, after) == plan.changes);
        const Card *newCard = after.card(plan.changes[1].id);
        REQUIRE(newCard);
        CHECK(newCard->text == "新的触点");
        CHECK_FALSE(map.contains(newCard->id));
        CHECK(newCard->persona == map.cards().front().persona);
        // One undoable step: reverting gives the map back.
        plan.edit->revert(after);
        CHECK(after == map);
    }
    SECTION("--delete-missing removes it")
    {
        const SheetUpdatePlan plan = planSheetUpdate(map, *sheet.document, contents, true);
        CHECK(plan.removedCards == 1);
        REQUIRE(plan.changes.size() == 3);
        CHECK(std::count_if(plan.changes.begin(), plan.changes.end(),
                            [&](const Change &c) { return c.type == ChangeType::Removed && c.id == deletedId; }) == 1);
    }
    SECTION("an unedited workbook changes nothing")
    {
        const Workbook same = mapToWorkbook(map);
        const WorkbookImportResult again = workbookToMap(same, idsOf(map));
        REQUIRE(again.ok());
        const SheetUpdatePlan plan = planSheetUpdate(map, *again.document, workbookSheetContents(same), true);
        CHECK(plan.changes.empty());
        CHECK(plan.missingCards.empty());
        CHECK_FALSE(plan.edit);
    }
}

TEST_CASE("CSV: every sample and template comes back with its ids, lane order and journey type", "[csv][import]")
{
    for (const auto &path : everyMap()) {
        INFO(path.string());
        const Document original = mustRead(readText(path.string()));
        auto result = importCardCsv(writeCardCsv(original));
        INFO(result.error);
        REQUIRE(result.ok());
        const Document &back = *result.document;
        CHECK(back.journey().type == original.journey().type);
        for (const Change &change : diffDocuments(original, back)) {
            INFO(change.description);
            // What the inventory does not carry: the journey's other fields, what describes a
            // persona or stage beyond its name, colours, pictures, comments, hidden lanes, keys of
            // newer versions, and personas, stages and lanes without a card.
            const bool notCarried =
                change.entity == DiffEntity::Journey || change.entity == DiffEntity::Map ||
                (change.type == ChangeType::Removed && change.entity != DiffEntity::Card) ||
                (change.type == ChangeType::Changed &&
                 (change.field == "description" || change.field == "segment" || change.field == "goals" ||
                  change.field == "needs" || change.field == "frustrations" || change.field == "color" ||
                  change.field == "avatar" || change.field == "image" || change.field == "comments" ||
                  change.field == "hidden" || change.field.starts_with("x-")));
            CHECK(notCarried);
        }
    }
}

TEST_CASE("Update from a CSV: only the columns it has change, rows without an id are new cards", "[csv][update]")
{
    const Document map = mustRead(readText(std::string(CJM_SAMPLES_DIR) + "/ecommerce-en.cjm"));
    // An empty severity cell is the default severity, 2: a card that has it.
    const Card &target = *std::find_if(map.cards().begin() + 1, map.cards().end(),
                                       [](const Card &c) { return c.severity == 2 && !c.text.empty(); });
    // A foreign table: an id, a text and a severity column; nothing else of the cards.
    const std::string csv = "id,text,severity\r\n" + target.id + ",Rewritten,\r\n,A brand new card,3\r\n";
    CsvImportOptions options;
    options.reservedIds = idsOf(map);
    const CsvImportResult sheet = importCardCsv(csv, options);
    INFO(sheet.error);
    REQUIRE(sheet.ok());
    const SheetContents contents = csvSheetContents(sheet.mapping);
    CHECK(contents.cardFields == std::set<std::string>{"text", "severity"});
    const SheetUpdatePlan plan = planSheetUpdate(map, *sheet.document, contents, false);
    REQUIRE(plan.error.empty());
    CHECK(plan.missingCards.size() == map.cards().size() - 1);
    Document after = map;
    REQUIRE(plan.edit);
    REQUIRE(plan.edit->apply(after));
    const auto changes = diffDocuments(map, after);
    // The text, and a new card in the default persona, stage and lane (the table names none).
    const auto cardChanges = std::count_if(changes.begin(), changes.end(), [](const Change &c) {
        return c.entity == DiffEntity::Card && c.type != ChangeType::Added;
    });
    CHECK(cardChanges == 1);
    CHECK(std::count_if(changes.begin(), changes.end(), [&](const Change &c) {
              return c.id == target.id && c.type == ChangeType::Changed && c.field == "text";
          }) == 1);
    CHECK(after.card(target.id)->text == "Rewritten");
    CHECK(after.card(target.id)->severity == target.severity);
    CHECK(std::count_if(changes.begin(), changes.end(), [](const Change &c) {
              return c.type == ChangeType::Added && c.entity == DiffEntity::Card;
          }) == 1);
    CHECK(after.lanes().size() >= map.lanes().size());
    for (std::size_t i = 0; i < map.lanes().size(); ++i)
        CHECK(after.lanes()[i].id == map.lanes()[i].id);
}

TEST_CASE("Workbook: a card whose persona, stage or lane names nothing keeps that id, not another's label",
          "[workbook]")
{
    Journey journey;
    journey.id = "j";
    std::vector<Card> cards(2);
    cards[0].id = "kept";
    cards[0].persona = "p1";
    cards[0].stage = "s1";
    cards[0].lane = "l1";
    cards[1].id = "stray";
    cards[1].persona = "gone-p";
    cards[1].stage = "gone-s";
    cards[1].lane = "gone-l";
    std::vector<Persona> personas(1);
    personas[0].id = "p1";
    personas[0].name = "Parent";
    std::vector<Stage> stages(1);
    stages[0].id = "s1";
    stages[0].name = "Buy";
    const Document doc =
        Document::fromParts(journey, personas, stages, {Lane::make("l1", LaneKind::Touchpoints, "Ads")}, cards);
    const Workbook book = mapToWorkbook(doc);
    const Sheet *sheet = book.find(workbook::kCards);
    REQUIRE(sheet);
    REQUIRE(sheet->rows.size() == 3);
    CHECK(sheet->rows[0][1].text == "persona");
    CHECK(sheet->rowIds == std::vector<std::string>{"kept", "stray"});
    CHECK(sheet->rows[1][1].text == "Parent");
    CHECK(sheet->rows[1][2].text == "Buy");
    CHECK(sheet->rows[1][3].text == "Ads");
    CHECK(sheet->rows[2][1].text == "gone-p");
    CHECK(sheet->rows[2][2].text == "gone-s");
    CHECK(sheet->rows[2][3].text == "gone-l");
}
