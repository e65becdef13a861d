#include <catch2/catch.hpp>

#include <iconv.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "cjm/csv.hpp"
#include "cjm/csv_import.hpp"
#include "cjm/edit.hpp"
#include "cjm/fields.hpp"
#include "cjm/sheet_update.hpp"
#include "test_helpers.hpp"

using namespace cjm;
using namespace cjm::test;

namespace {

Document sampleNamed(const char *name) { return mustRead(readText(std::string(CJM_SAMPLES_DIR) + "/" + name)); }

// UTF-8 to another encoding, through the same glibc iconv the import uses.
std::string encode(const std::string &utf8, const char *encoding)
{
    iconv_t cd = ::iconv_open(encoding, "UTF-8");
    REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
    std::string out(utf8.size() * 4 + 16, '\0');
    char *in = const_cast<char *>(utf8.data());
    std::size_t inLeft = utf8.size();
    char *outPtr = out.data();
    std::size_t outLeft = out.size();
    const std::size_t r = ::iconv(cd, &in, &inLeft, &outPtr, &outLeft);
    ::iconv_close(cd);
    REQUIRE(r != static_cast<std::size_t>(-1));
    out.resize(out.size() - outLeft);
    return out;
}

// Every field the card inventory carries is the same in `imported`.
void checkSameInventory(const Document &original, const Document &imported)
{
    REQUIRE(imported.cards().size() == original.cards().size());
    for (const Card &o : original.cards()) {
        INFO("card " << o.id);
        const Card *i = imported.card(o.id);
        REQUIRE(i);
        CHECK(imported.persona(i->persona)->name == original.persona(o.persona)->name);
        CHECK(imported.stage(i->stage)->name == original.stage(o.stage)->name);
        CHECK(imported.stage(i->stage)->phase == original.stage(o.stage)->phase);
        const Lane &ol = *original.lane(o.lane);
        const Lane &il = *imported.lane(i->lane);
        CHECK(il.title == ol.title);
        CHECK(il.kind == ol.kind);
        CHECK(il.kindName == ol.kindName);
        CHECK(i->order == o.order);
        CHECK(i->text == o.text);
        CHECK(i->notes == o.notes);
        CHECK(i->channel == o.channel);
        CHECK(i->direct == o.direct);
        CHECK(i->score == o.score);
        CHECK(i->severity == o.severity);
        CHECK(i->impact == o.impact);
        CHECK(i->status == o.status);
        CHECK(i->tags == o.tags);
        CHECK(i->link == o.link);
        Audit oa = o.audit.value_or(Audit{}), ia = i->audit.value_or(Audit{});
        oa.unknown = nullptr;
        CHECK(ia == oa);
        Metric om = o.metric.value_or(Metric{}), im = i->metric.value_or(Metric{});
        om.unknown = nullptr;
        if (om.unit && om.unit->empty())
            om.unit.reset();
        CHECK(im == om);
    }
}

} // namespace

TEST_CASE("CSV import: the exported inventory comes back as the same map", "[csv][import]")
{
    for (const char *name : {"ecommerce-en.cjm", "retail-zh.cjm"}) {
        INFO(name);
        const Document original = sampleNamed(name);
        const std::string csv = writeCardCsv(original);
        auto result = importCardCsv(csv);
        INFO(result.error);
        REQUIRE(result.ok());
        CHECK(result.badRows.empty());
        CHECK(result.encoding == TextEncoding::Utf8);
        CHECK(result.cardsImported == original.cards().size());
        checkSameInventory(original, *result.document);
        // Personas and stages in order of first appearance: the map's own order.
        std::vector<std::string> before, after;
        for (const auto &p : original.personas())
            if (std::any_of(original.cards().begin(), original.cards().end(),
                            [&](const Card &c) { return c.persona == p.id; }))
                before.push_back(p.name);
        for (const auto &p : result.document->personas())
            after.push_back(p.name);
        CHECK(after == before);
        // Exporting the import gives the same rows, but for the comment count (comments are not in it).
        // (Their order may differ: lanes are made in order of first appearance, which the rows only
        // follow persona by persona.)
        std::vector<std::vector<std::string>> again, first;
        std::string error;
        REQUIRE(parseCsv(writeCardCsv(*result.document), again, error));
        REQUIRE(parseCsv(csv, first, error));
        const auto comments = static_cast<std::size_t>(
            std::find(cardCsvColumns().begin(), cardCsvColumns().end(), "comments") - cardCsvColumns().begin());
        for (auto *rows : {&again, &first})
            for (auto &row : *rows)
                row.at(comments).clear();
        std::sort(again.begin(), again.end());
        std::sort(first.begin(), first.end());
        CHECK(again == first);
    }
}

TEST_CASE("CSV import: awkward values survive the round trip", "[csv][import]")
{
    Document doc = sampleNamed("ecommerce-en.cjm");
    Card card = doc.cards().front();
    card.text = "=HYPERLINK(\"http://evil\")";
    card.notes = "'quoted' line one\nline \"two\", with comma";
    card.channel = "-minus";
    card.tags = {"a", "b c", "'x"};
    card.link = "https://example.com/a?b=c,d";
    card.direct = false;
    card.severity = 3;
    card.impact = 1;
    card.status = OpportunityStatus::InProgress;
    card.order = 7;
    Audit audit;
    audit.simple = 5;
    audit.personal = 1;
    audit.note = "@mention";
    audit.reviewed = "2025-02-28";
    card.audit = audit;
    Metric metric;
    metric.value = 12.375;
    metric.target = -0.1;
    metric.unit = "+%";
    card.metric = metric;
    REQUIRE(updateCard(card)->apply(doc));
    Lane lane = Lane::make("l-future", LaneKind::Unknown, "Ideas from 2030");
    lane.kindName = "hologramMoments";
    REQUIRE(addLane(lane)->apply(doc));
    Card future;
    future.id = "c-future";
    future.persona = doc.personas().front().id;
    future.stage = doc.stages().back().id;
    future.lane = "l-future";
    future.text = "+1 for holograms";
    REQUIRE(addCard(future)->apply(doc));

    auto result = importCardCsv(writeCardCsv(doc));
    INFO(result.error);
    REQUIRE(result.ok());
    checkSameInventory(doc, *result.document);
    CHECK(result.document->card(card.id)->text == card.text);
}

TEST_CASE("CSV: every plain card field of the field table is a column and survives write and import",
          "[csv][import][fields]")
{
    // A loop over fields::card::all, so a field added there is covered too:
    // each text, optional text and whole-number field gets a value that is
    // not the model's default, and must come back through the inventory.
    Document doc = sampleNamed("ecommerce-en.cjm");
    Card card = doc.cards().front();
    const Card defaults{};
    std::vector<std::string> names;
    std::apply(
        [&](const auto &...field) {
            (
                [&] {
                    auto &value = card.*field.member;
                    using Value = std::decay_t<decltype(value)>;
                    if constexpr (std::is_same_v<Value, std::string>) {
                        value = "=" + std::string(field.name) + ", \"value\"";
                    } else if constexpr (std::is_same_v<Value, std::optional<std::string>>) {
                        switch (field.format) {
                        case FieldFormat::Text: value = "+" + std::string(field.name); break;
                        case FieldFormat::Color: value = "#12ab9f"; break;
                        case FieldFormat::Date: value = "2024-02-29"; break;
                        case FieldFormat::UtcTime: value = "2024-02-29T23:59:58Z"; break;
                        case FieldFormat::Language: value = "zh-TW"; break;
                        case FieldFormat::WebLink: value = "https://example.com/" + std::string(field.name); break;
                        }
                    } else if constexpr (std::is_same_v<Value, int> || std::is_same_v<Value, std::optional<int>>) {
                        REQUIRE(field.min < field.max);
                        const int def = [&] {
                            if constexpr (std::is_same_v<Value, int>)
                                return defaults.*field.member;
                            else
                                return field.max + 1; // no value is the default
                        }();
                        value = def == field.max ? field.min : field.max;
                    } else {
                        return; // not a plain field: its columns are the inventory's own
                    }
                    REQUIRE_FALSE(value == defaults.*field.member);
                    names.emplace_back(field.name);
                }(),
                ...);
        },
        fields::card::all);
    REQUIRE(names.size() >= 9); // text, notes, color, link, score, desired, channel, severity, impact
    // A score on an emotions lane is needed there; the first card's lane takes any.
    REQUIRE(updateCard(card)->apply(doc));

    for (const std::string &name : names) {
        INFO("field " << name);
        CHECK(std::count(cardCsvColumns().begin(), cardCsvColumns().end(), name) == 1);
        const auto field = csvFieldFromName(name);
        REQUIRE(field);
        CHECK(toString(*field) == name);
        CHECK(std::find(csvFields().begin(), csvFields().end(), *field) != csvFields().end());
    }
    auto result = importCardCsv(writeCardCsv(doc));
    INFO(result.error);
    REQUIRE(result.ok());
    const Card *back = result.document->card(card.id);
    REQUIRE(back);
    std::apply(
        [&](const auto &...field) {
            (
                [&] {
                    using Value = std::decay_t<decltype(card.*field.member)>;
                    if constexpr (std::is_same_v<Value, std::string> ||
                                  std::is_same_v<Value, std::optional<std::string>> || std::is_same_v<Value, int> ||
                                  std::is_same_v<Value, std::optional<int>>) {
                        INFO("field " << field.name);
                        CHECK(back->*field.member == card.*field.member);
                    }
                }(),
                ...);
        },
        fields::card::all);
    // And a CSV with the column alone sets it on the card (what a sheet made elsewhere gives).
    auto sheet = importCardCsv("text,color\nA,#00ff00\nB,\n");
    INFO(sheet.error);
    REQUIRE(sheet.ok());
    CHECK(sheet.document->cards()[0].color == "#00ff00");
    CHECK_FALSE(sheet.document->cards()[1].color);
    // Mapped by the user, a value the field refuses is a bad row naming the field and the column.
    CsvImportOptions mapped;
    mapped.mapping = CsvColumnMapping{{CsvField::Text, *csvFieldFromName("color")}};
    auto bad = importCardCsv("text,color\nA,green\n", mapped);
    REQUIRE(bad.badRows.size() == 1);
    CHECK(bad.badRows[0].message ==
          "color (column 2 \u2018color\u2019) must be a color written #rrggbb, but it is \u2018green\u2019");
}

TEST_CASE("CSV import: a guessed colour column of other values is left out and said so, not every row refused",
          "[csv][import]")
{
    // A third-party sheet: its "Color" is a word, not the card colour.
    const std::string sheet = "Stage,Card,Color\nAwareness,Sees an ad,red\nPurchase,Pays,dark blue\n";
    auto table = readCsvTable(sheet);
    REQUIRE(table.table);
    const CsvMappingGuess guess = guessCsvMapping(*table.table);
    CHECK(guess.mapping.columns == std::vector<CsvField>{CsvField::Stage, CsvField::Text, CsvField::Ignore});
    REQUIRE(guess.ignored.size() == 1);
    CHECK(guess.ignored[0] == CsvIgnoredColumn{2, *csvFieldFromName("color"), 2, "red"});
    // The header alone still names the field (what the user may choose).
    CHECK(guessCsvMapping(table.table->header).columns[2] == *csvFieldFromName("color"));

    auto imported = importCardCsv(sheet);
    INFO(imported.error);
    REQUIRE(imported.ok());
    CHECK(imported.badRows.empty());
    CHECK(imported.cardsImported == 2);
    for (const Card &card : imported.document->cards())
        CHECK_FALSE(card.color);
    CHECK(imported.mapping.columns[2] == CsvField::Ignore);
    // Update from Spreadsheet reads the sheet so too: it leaves the cards' colours as they are.
    CHECK(csvSheetContents(imported.mapping).cardFields.count("color") == 0);
    REQUIRE(imported.notes.size() == 1);
    CHECK(imported.notes[0] == "column 3 \u2018Color\u2019 is not imported: color takes a color written #rrggbb, "
                               "but line 2 has \u2018red\u2019 (map the column to color to import it anyway)");

    // Colours (or empty cells) in it: the column is the card colour, as the inventory writes it.
    auto colours = importCardCsv("Stage,Card,Color\nAwareness,Sees an ad,#ff0000\nPurchase,Pays,\n");
    REQUIRE(colours.ok());
    CHECK(colours.notes.empty());
    CHECK(colours.document->cards()[0].color == "#ff0000");

    // Chosen by the user: the rows with other values are bad, by line, field and column.
    CsvImportOptions chosen;
    chosen.mapping = guessCsvMapping(table.table->header);
    auto refused = importCardCsv(sheet, chosen);
    REQUIRE(refused.badRows.size() == 2);
    CHECK(refused.badRows[0].line == 2);
    CHECK(refused.badRows[0].message ==
          "color (column 3 \u2018Color\u2019) must be a color written #rrggbb, but it is \u2018red\u2019");
    CHECK(refused.notes.empty());

    // A typo among colours: the column is still the card colour, and the
    // typo's row is a bad row, not a reason to drop every card's colour.
    const std::string typo = "Stage,Card,Color\nAwareness,Sees an ad,#ff0000\nPurchase,Pays,#00ff0\n";
    auto typoTable = readCsvTable(typo);
    REQUIRE(typoTable.table);
    const CsvMappingGuess typoGuess = guessCsvMapping(*typoTable.table);
    CHECK(typoGuess.ignored.empty());
    CHECK(typoGuess.mapping.columns[2] == *csvFieldFromName("color"));
    auto typoImport = importCardCsv(typo);
    CHECK(typoImport.notes.empty());
    REQUIRE(typoImport.badRows.size() == 1);
    CHECK(typoImport.badRows[0].line == 3);
    CHECK(typoImport.badRows[0].message ==
          "color (column 3 \u2018Color\u2019) must be a color written #rrggbb, but it is \u2018#00ff0\u2019");
}

TEST_CASE("CSV update of a map: a sheet's Color column of words leaves the cards' colours as they are",
          "[csv][import][sheet]")
{
    auto made = importCardCsv("Stage,Card,Color\nAwareness,Sees an ad,#ff0000\n");
    REQUIRE(made.ok());
    const Document &map = *made.document;
    const Card &card = map.cards().at(0);
    REQUIRE(card.color == "#ff0000");
    std::set<std::string> reserved;
    for (const Card &c : map.cards())
        reserved.insert(c.id);
    // The sheet edited elsewhere: a new text, and the colour column holding words.
    CsvImportOptions options;
    options.reservedIds = reserved;
    auto sheet = importCardCsv("card id,Stage,Card,Color\n" + card.id + ",Awareness,Sees a new ad,red\n", options);
    INFO(sheet.error);
    REQUIRE(sheet.ok());
    CHECK(sheet.notes.size() == 1);
    const SheetUpdatePlan plan = planSheetUpdate(map, *sheet.document, csvSheetContents(sheet.mapping), false);
    INFO(plan.error);
    REQUIRE(plan.edit);
    CHECK(plan.changedCards == 1);
    Document after = map;
    REQUIRE(plan.edit->apply(after));
    CHECK(after.card(card.id)->text == "Sees a new ad");
    CHECK(after.card(card.id)->color == "#ff0000");
}

TEST_CASE("CSV import: UTF-8 with or without a byte-order mark; GB18030 and Big5 detected or chosen", "[csv][import]")
{
    const Document simplified = sampleNamed("retail-zh.cjm");
    std::string utf8 = writeCardCsv(simplified);
    REQUIRE(utf8.starts_with("\xEF\xBB\xBF"));

    SECTION("without the mark")
    {
        auto r = importCardCsv(utf8.substr(3));
        REQUIRE(r.ok());
        CHECK(r.encoding == TextEncoding::Utf8);
        checkSameInventory(simplified, *r.document);
    }
    SECTION("GB18030, detected")
    {
        const std::string gb = encode(utf8.substr(3), "GB18030");
        CHECK(detectTextEncoding(gb) == TextEncoding::Gb18030);
        auto r = importCardCsv(gb);
        INFO(r.error);
        REQUIRE(r.ok());
        CHECK(r.encoding == TextEncoding::Gb18030);
        checkSameInventory(simplified, *r.document);
    }
    SECTION("Big5, detected, and chosen")
    {
        const std::string table = "persona,stage,lane kind,text,notes\r\n"
                                  "忙碌的家長,認知,touchpoints,在臉書上看到週末促銷廣告,顧客覺得價格合理\r\n"
                                  "忙碌的家長,考慮,actions,到門市試穿並詢問店員,\r\n"
                                  "忙碌的家長,購買,painPoints,結帳時排隊太久,會員點數兌換說明不清楚\r\n";
        const std::string big5 = encode(table, "BIG5");
        CHECK(detectTextEncoding(big5) == TextEncoding::Big5);
        auto r = importCardCsv(big5);
        INFO(r.error);
        REQUIRE(r.ok());
        CHECK(r.encoding == TextEncoding::Big5);
        REQUIRE(r.document->cards().size() == 3);
        CHECK(r.document->cards()[0].text == "在臉書上看到週末促銷廣告");
        CHECK(r.document->cards()[2].notes == "會員點數兌換說明不清楚");
        CHECK(r.document->stages().size() == 3);
        CHECK(r.document->stages()[1].name == "考慮");

        CsvImportOptions options;
        options.encoding = TextEncoding::Big5;
        CHECK(importCardCsv(big5, options).document->personas().front().name == "忙碌的家長");
        // The same table in GB18030 is told apart from Big5.
        CHECK(detectTextEncoding(encode(table, "GB18030")) == TextEncoding::Gb18030);
    }
    SECTION("the wrong encoding chosen: the line and column are named")
    {
        CsvImportOptions options;
        options.encoding = TextEncoding::Utf8;
        const std::string gb = encode("text\r\nok\r\n第二行\r\n", "GB18030");
        auto r = importCardCsv(gb, options);
        CHECK_FALSE(r.ok());
        CHECK(r.error == "line 3, column 1: the text is not UTF-8 (choose its encoding: GB18030 or Big5)");
        // The column is the field's number, counted as the CSV is read: a
        // quoted field's line ends and delimiters stay inside it.
        const std::string sheet = encode("stage;text\r\n\"a;\r\nb\";ok\r\nVisit;\"x;\"\"y\"\";丂\"\r\n", "GB18030");
        auto placed = importCardCsv(sheet, options);
        CHECK(placed.error == "line 4, column 2: the text is not UTF-8 (choose its encoding: GB18030 or Big5)");
        options.encoding = TextEncoding::Big5; // 丂 is no Big5 character: no Big5 character starts with 0x81
        auto big5 = importCardCsv(sheet, options);
        CHECK(big5.error.starts_with("line 4, column 2: the text is not Big5"));
    }
    CHECK(textEncodingFromName("GBK") == TextEncoding::Gb18030);
    CHECK(textEncodingFromName("Big5") == TextEncoding::Big5);
    CHECK(textEncodingFromName("utf8") == TextEncoding::Utf8);
    CHECK_FALSE(textEncodingFromName("latin1"));
}

TEST_CASE("CSV import: bad rows are listed by line and refused unless skipping is allowed", "[csv][import]")
{
    const std::string table = "persona,stage,lane kind,text,score,link\n"
                              "Parent,Awareness,touchpoints,\"An ad\nover two lines\",,https://example.com\n"
                              "Parent,Awareness,emotions,curious,9,\n"
                              "Parent,Purchase,emotions,,,\n"
                              "Parent,Purchase,touchpoints,Checkout,,javascript:alert(1)\n"
                              ",,,,,\n"
                              "Student,Purchase,emotions,happy,+2,\n";
    auto refused = importCardCsv(table);
    CHECK_FALSE(refused.ok());
    CHECK(refused.error.empty());
    REQUIRE(refused.badRows.size() == 3);
    CHECK(refused.badRows[0] == CsvRowProblem{4, "score must be a whole number from -3 to 3, but it is \u20189\u2019"});
    CHECK(refused.badRows[1] == CsvRowProblem{5, "an emotion card needs a score from -3 to 3"});
    CHECK(refused.badRows[2].line == 6);
    CHECK(refused.badRows[2].message.find("link must be a web address") != std::string::npos);

    CsvImportOptions skip;
    skip.skipBadRows = true;
    auto kept = importCardCsv(table, skip);
    REQUIRE(kept.ok());
    CHECK(kept.badRows.size() == 3);
    CHECK(kept.cardsImported == 2);
    CHECK(kept.document->cards()[0].text == "An ad\nover two lines");
    CHECK(kept.document->cards()[1].score == 2);
    REQUIRE(kept.document->personas().size() == 2);
    CHECK(kept.document->personas()[1].name == "Student");
    // Only stages of imported rows exist.
    CHECK(kept.document->stages().size() == 2);
}

TEST_CASE("CSV import: other spreadsheets through a column mapping", "[csv][import]")
{
    SECTION("guessed from Chinese headers, semicolons, defaults for what is missing")
    {
        const std::string table =
            "阶段;接触点;渠道;备注;评分\n认知;朋友推荐;wordOfMouth;;5\n购买;收银台排队;store;高峰期;1\n";
        auto r = importCardCsv(table);
        INFO(r.error);
        REQUIRE(r.ok());
        CHECK(r.mapping.columns == std::vector<CsvField>{CsvField::Stage, CsvField::Text, CsvField::Channel,
                                                         CsvField::Notes, CsvField::Ignore});
        const Document &d = *r.document;
        REQUIRE(d.personas().size() == 1);
        CHECK(d.personas()[0].name == "Customer");
        REQUIRE(d.lanes().size() == 1);
        CHECK(d.lanes()[0].kind == LaneKind::Touchpoints);
        CHECK(d.stages()[1].name == "购买");
        CHECK(d.cards()[1].notes == "高峰期");
        CHECK(d.cards()[1].channel == "store");
    }
    SECTION("chosen by hand; a lane named like a kind becomes that kind")
    {
        const std::string table =
            "Who,When,Row,What,Extra\nAlex,Week 1,Pain points,Slow site,x\nAlex,Week 1,Ideas,Faster CDN,y\n";
        CsvImportOptions options;
        options.mapping = CsvColumnMapping{{CsvField::Persona, CsvField::Stage, CsvField::Lane, CsvField::Text}};
        options.title = "Site speed";
        auto r = importCardCsv(table, options);
        INFO(r.error);
        REQUIRE(r.ok());
        const Document &d = *r.document;
        CHECK(d.journey().title == "Site speed");
        REQUIRE(d.lanes().size() == 2);
        CHECK(d.lanes()[0].kind == LaneKind::PainPoints);
        CHECK(d.lanes()[0].title.empty());
        CHECK(d.lanes()[1].kind == LaneKind::Touchpoints);
        CHECK(d.lanes()[1].title == "Ideas");
        CHECK(d.cards()[1].text == "Faster CDN");
        CHECK(d.cards()[1].order == 0); // its own cell
    }
    SECTION("no text column is a clear error")
    {
        auto r = importCardCsv("Name,Stage\nA,B\n");
        CHECK_FALSE(r.ok());
        CHECK(r.error.find("no column holds the card text") != std::string::npos);
        CHECK(r.error.find("\u2018Name\u2019, \u2018Stage\u2019") != std::string::npos);
    }
    CHECK(csvFieldFromName("Lane Kind") == CsvField::LaneKind);
    CHECK(toString(CsvField::AuditNote) == "audit note");
    CHECK(csvFields().size() == cardCsvColumns().size() - 1); // all but the comment count
    for (CsvField f : csvFields())
        CHECK(std::find(cardCsvColumns().begin(), cardCsvColumns().end(), std::string(toString(f))) !=
              cardCsvColumns().end());
}

TEST_CASE("CSV: the formula guard is taken off exactly as it was put on", "[csv]")
{
    for (const std::string text : {"=1+1", "+x", "-3", "@who", "'quoted'", "''", "plain", "", "'"}) {
        INFO(text);
        CHECK(csvUnguardText(csvSafeText(text)) == text);
    }
    CHECK(csvSafeText("'x") == "''x");
    std::vector<std::vector<std::string>> rows;
    std::vector<int> lines;
    std::string error;
    REQUIRE(parseCsv("a;b\n\"x\ny\";z\nlast;row", rows, error, &lines, ';'));
    CHECK(rows == std::vector<std::vector<std::string>>{{"a", "b"}, {"x\ny", "z"}, {"last", "row"}});
    CHECK(lines == std::vector<int>{1, 2, 4});
}

TEST_CASE("CSV import: a row without an order after one at the largest order renumbers its cell", "[csv][import]")
{
    const std::string table = "persona,stage,lane,order,text\n"
                              "Ann,Visit,Notes,9223372036854775807,first\n"
                              "Ann,Visit,Notes,,second\n"
                              "Ann,Visit,Notes,3,third\n"
                              "Ann,Visit,Notes,,fourth\n"
                              "Ann,Leave,Notes,9223372036854775807,alone\n";
    auto r = importCardCsv(table);
    INFO(r.error);
    REQUIRE(r.ok());
    const Document &d = *r.document;
    std::vector<std::pair<std::string, std::int64_t>> cell;
    for (const Card *c : d.cardsInCell(d.cards()[0].persona, d.cards()[0].stage, d.cards()[0].lane))
        cell.emplace_back(c->text, c->order);
    CHECK(cell ==
          std::vector<std::pair<std::string, std::int64_t>>{{"first", 0}, {"second", 1}, {"third", 3}, {"fourth", 4}});
    CHECK(d.cards()[4].order == kMaxCardOrder); // a cell that needed no new order keeps its own
    CHECK(readDocument(writeDocument(d)).ok());
}

TEST_CASE("CSV: every csv-spectrum case reads as its JSON says", "[csv][spectrum]")
{
    const std::filesystem::path dir = std::filesystem::path(CJM_TEST_DATA_DIR) / "csv-spectrum";
    std::vector<std::filesystem::path> cases;
    for (const auto &entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".csv")
            cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() == 12);
    for (const auto &csvPath : cases) {
        INFO(csvPath.filename().string());
        std::filesystem::path jsonPath = csvPath;
        jsonPath.replace_extension(".json");
        const nlohmann::json expected = nlohmann::json::parse(readText(jsonPath.string()));
        REQUIRE(expected.is_array());
        CsvTableResult read = readCsvTable(readText(csvPath.string()));
        INFO(read.error);
        REQUIRE(read.table);
        CHECK(read.table->encoding == TextEncoding::Utf8);
        nlohmann::json actual = nlohmann::json::array();
        for (const auto &row : read.table->rows) {
            REQUIRE(row.size() == read.table->header.size());
            nlohmann::json object = nlohmann::json::object();
            for (std::size_t i = 0; i < row.size(); ++i)
                object[read.table->header[i]] = row[i];
            actual.push_back(object);
        }
        CHECK(actual == expected);
    }
}

TEST_CASE("CSV: quotes read as Python's csv module reads them", "[csv]")
{
    std::vector<std::vector<std::string>> rows;
    std::string error;
    using Rows = std::vector<std::vector<std::string>>;
    // A quote that does not start a field is text.
    REQUIRE(parseCsv("24\" monitor,x\n5'11\",y\"z\"\n", rows, error));
    CHECK(rows == Rows{{"24\" monitor", "x"}, {"5'11\"", "y\"z\""}});
    // Text after a closing quote joins the field; a later quote there is text too.
    REQUIRE(parseCsv("\"abc\"def,\"abc\" ,\"a\"\"b\" c,\"abc\"def\"ghi\"\n", rows, error));
    CHECK(rows == Rows{{"abcdef", "abc ", "a\"b c", "abcdef\"ghi\""}});
    // A space before a quote makes the field unquoted: space and quotes are kept,
    // and a delimiter inside ends the field.
    REQUIRE(parseCsv(" \"abc\",x\n \"a,b\"\n", rows, error));
    CHECK(rows == Rows{{" \"abc\"", "x"}, {" \"a", "b\""}});
    // CR alone ends a line, as CRLF and LF do; a line end inside quotes is kept as written.
    std::vector<int> lines;
    REQUIRE(parseCsv("a,b\r1,\"x\ry\"\r2,3\r\n4,5\n6,7", rows, error, &lines));
    CHECK(rows == Rows{{"a", "b"}, {"1", "x\ry"}, {"2", "3"}, {"4", "5"}, {"6", "7"}});
    CHECK(lines == std::vector<int>{1, 2, 4, 5, 6});
    // The one refusal, an unclosed quote, names the line and the column it opens in.
    CHECK_FALSE(parseCsv("a,b,c\r\n1,2,3\r\n4,\"five,6\r\n7,8,9\r\n", rows, error));
    CHECK(error == "line 3, column 2: a quoted field is never closed");
    CHECK_FALSE(parseCsv("a\rb\r\"c", rows, error));
    CHECK(error == "line 3, column 1: a quoted field is never closed");
}

TEST_CASE("CSV import: quotes in unquoted fields, CR line ends, extra fields and a header alone", "[csv][import]")
{
    // The header's delimiter is found past a stray quote in it.
    auto sized = importCardCsv("Screen 24\";text;stage\r27\";Too big;Visit\r\"15\"\" or less\";Fine;Visit\r");
    INFO(sized.error);
    REQUIRE(sized.ok());
    REQUIRE(sized.document->cards().size() == 2);
    CHECK(sized.document->cards()[0].text == "Too big");
    CHECK(sized.document->cards()[1].text == "Fine");
    CHECK(sized.document->stages().size() == 1);

    const std::string table = "persona,stage,text\r\n"
                              "Ann,Visit,\"fits\"\r\n"
                              "Ann,Visit,trailing commas,,\r\n"
                              "Ann,Visit,one too many,extra\r\n"
                              "Ann,Visit,\"three\nlines\nlong\",,x,,y\r\n"
                              "Ann,Visit,last\r\n";
    auto refused = importCardCsv(table);
    CHECK_FALSE(refused.ok());
    CHECK(refused.error.empty());
    REQUIRE(refused.badRows.size() == 2);
    CHECK(refused.badRows[0] == CsvRowProblem{4, "column 4 holds \u2018extra\u2019, past the header's 3 columns"});
    CHECK(refused.badRows[1] ==
          CsvRowProblem{5, "column 5 holds \u2018x\u2019, past the header's 3 columns (and 1 more past it)"});
    CsvImportOptions skip;
    skip.skipBadRows = true;
    auto kept = importCardCsv(table, skip);
    REQUIRE(kept.ok());
    CHECK(kept.badRows == refused.badRows);
    REQUIRE(kept.cardsImported == 3);
    CHECK(kept.document->cards()[1].text == "trailing commas");
    CHECK(kept.document->cards()[2].text == "last");

    // The inventory of a map without cards: its header alone.
    Document blank = Document::fromParts({}, {}, {}, {}, {});
    auto empty = importCardCsv(writeCardCsv(blank));
    INFO(empty.error);
    REQUIRE(empty.ok());
    CHECK(empty.cardsImported == 0);
    CHECK(empty.document->cards().empty());
    CHECK(readDocument(writeDocument(*empty.document)).ok());
    // Rows that were all refused are still an error, and an empty file has nothing to import.
    CHECK(importCardCsv("text,score\nx,9\n", skip).error == "no row could be imported");
    CHECK(importCardCsv("").error == "the file has no rows");
}
