// One test per error class of docs/format.md ("Guarantees the reader gives"),
// each checking the message and where it points.
#include <catch2/catch.hpp>

#include "image_header.hpp"
#include "test_helpers.hpp"
#include "validation.hpp"

using namespace cjm;
using namespace cjm::test;

TEST_CASE("the minimal map of the spec reads", "[reader]")
{
    auto doc = mustRead(minimalMap().dump());
    CHECK(doc.journey().title == "First purchase");
    CHECK(doc.cards().size() == 2);
    CHECK(doc.cards()[1].score == -2);
    CHECK(doc.lanes()[1].kind == LaneKind::Emotions);
}

TEST_CASE("not JSON: line and column", "[reader]")
{
    auto problems = problemsOf(std::string("{\n  \"format\": \"cjm\",\n  \"version\" 1\n}"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 3);
    CHECK(problems[0].column == 13);
    CHECK(problems[0].message.find("not valid JSON") == 0);
    CHECK(problems[0].toString().find("line 3, column 13: ") == 0);
}

TEST_CASE("a key twice in one object is refused by line and column, as a map's rule, not as bad JSON", "[reader]")
{
    // RFC 8259 allows duplicate keys; a map names each key once, so which
    // one counts is never a guess.
    auto problems = problemsOf(std::string("{\n  \"format\": \"cjm\",\n  \"version\": 1,\n  \"journey\": "
                                           "{\"id\": \"j1\",\n    \"title\": \"A\", \"title\": \"B\"}\n}"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 5);
    CHECK(problems[0].column == 19);
    CHECK(problems[0].message == "the key \"title\" appears twice in one object; a map may name each key once");
    CHECK(formatProblem("file.cjm", problems[0]) ==
          "file.cjm:5:19: the key \"title\" appears twice in one object; a map may name each key once");
    // Limits are the map's rules too; a break of JSON's grammar is still "not valid JSON".
    CHECK(problemsOf(std::string("{\"a\": 1e999}"))[0].message.find("not valid JSON") == std::string::npos);
    CHECK(problemsOf(std::string("{\"a\": 1,}"))[0].message.find("not valid JSON: ") == 0);
}

TEST_CASE("not an object", "[reader]")
{
    auto problems = problemsOf(std::string("[1, 2]"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("instead of one JSON object") != std::string::npos);
    CHECK(problems[0].message.find("a list") != std::string::npos);
}

TEST_CASE("format missing or not cjm", "[reader]")
{
    auto map = minimalMap();
    map.erase("format");
    CHECK(hasProblem(problemsOf(map), "", "\"format\" key is missing"));
    map["format"] = "tmx";
    auto problems = problemsOf(map);
    REQUIRE(problems.size() == 1); // nothing else is checked in a file that is not a map
    CHECK(hasProblem(problems, "/format", "must be \"cjm\""));
}

TEST_CASE("version missing, not an integer, newer, or below 1", "[reader]")
{
    auto map = minimalMap();
    map.erase("version");
    CHECK(hasProblem(problemsOf(map), "", "no \"version\""));
    map["version"] = "1";
    CHECK(hasProblem(problemsOf(map), "/version", "must be a whole number"));
    map["version"] = 1.5;
    CHECK(hasProblem(problemsOf(map), "/version", "must be a whole number"));
    map["version"] = 2;
    auto problems = problemsOf(map);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer == "/version");
    CHECK(problems[0].message == "saved by a newer version: format 2; this version reads format 1");
    map["version"] = 0;
    CHECK(hasProblem(problemsOf(map), "/version", "must be 1 or more"));
    map["version"] = 1.0; // JSON Schema's integer admits 1.0
    CHECK(problemsOf(map).empty());
}

TEST_CASE("required keys missing, at every level", "[reader]")
{
    auto map = minimalMap();
    map["journey"].erase("id");
    map["personas"][0].erase("name");
    map["stages"][1].erase("id");
    map["lanes"][0].erase("kind");
    map["cards"][0].erase("lane");
    map.erase("cards");
    auto problems = problemsOf(map);
    CHECK(hasProblem(problems, "/journey", "the journey has no \"id\""));
    CHECK(hasProblem(problems, "/personas/0", "the persona has no \"name\""));
    CHECK(hasProblem(problems, "/stages/1", "the stage has no \"id\""));
    CHECK(hasProblem(problems, "/lanes/0", "the lane has no \"kind\""));
    CHECK(hasProblem(problems, "", "no \"cards\" list"));

    auto map2 = minimalMap();
    map2["cards"][0].erase("lane");
    map2["cards"][1]["comments"] = Json::array({Json{{"author", "x"}}});
    map2["cards"][1]["image"] = Json{{"mime", "image/png"}};
    auto problems2 = problemsOf(map2);
    CHECK(hasProblem(problems2, "/cards/0", "the card has no \"lane\""));
    CHECK(hasProblem(problems2, "/cards/1/comments/0", "the comment has no \"text\""));
    CHECK(hasProblem(problems2, "/cards/1/image", "no \"data\""));
}

TEST_CASE("wrong types name the place and what was found", "[reader]")
{
    auto map = minimalMap();
    map["journey"]["title"] = 42;
    map["personas"] = Json::object();
    map["cards"][0]["tags"] = "not a list";
    map["cards"][0]["direct"] = "yes";
    map["cards"][1]["text"] = Json::array();
    map["cards"][1]["metric"] = Json{{"value", "ten"}};
    auto problems = problemsOf(map);
    CHECK(hasProblem(problems, "/journey/title", "must be text, but it is the number 42"));
    CHECK(hasProblem(problems, "/personas", "must be a list, but it is an object"));
    CHECK(hasProblem(problems, "/cards/0/tags", "must be a list of tags"));
    CHECK(hasProblem(problems, "/cards/0/direct", "must be true or false, but it is the text \"yes\""));
    CHECK(hasProblem(problems, "/cards/1/text", "must be text, but it is a list"));
    CHECK(hasProblem(problems, "/cards/1/metric/value", "must be a number"));
}

TEST_CASE("values out of range or outside their set", "[reader]")
{
    auto map = minimalMap();
    map["journey"]["type"] = "past";
    map["journey"]["reviewIntervalDays"] = 4000;
    map["journey"]["nextReview"] = "2026-02-30";
    map["journey"]["created"] = "2026-01-01 10:00:00";
    map["stages"][0]["phase"] = "later";
    map["stages"][0]["color"] = "red";
    map["cards"][0]["order"] = -1;
    map["cards"][0]["link"] = "javascript:alert(1)";
    map["cards"][0]["audit"] = Json{{"simple", 6}, {"reviewed", "yesterday"}};
    map["cards"][0]["severity"] = 0;
    map["cards"][0]["impact"] = 4;
    map["cards"][0]["status"] = "someday";
    map["cards"][1]["score"] = 5;
    map["cards"][1]["desired"] = -4;
    auto problems = problemsOf(map);
    CHECK(hasProblem(problems, "/journey/type", "must be one of \"current\", \"future\" or \"dayInLife\""));
    CHECK(hasProblem(problems, "/journey/reviewIntervalDays", "from 0 to 3650, but it is 4000"));
    CHECK(hasProblem(problems, "/journey/nextReview", "\"2026-02-30\" is not a date on the calendar"));
    CHECK(hasProblem(problems, "/journey/created", "not a UTC time"));
    CHECK(hasProblem(problems, "/stages/0/phase", "must be one of"));
    CHECK(hasProblem(problems, "/stages/0/color", "not a colour"));
    CHECK(hasProblem(problems, "/cards/0/order", "0 or more, but it is -1"));
    CHECK(hasProblem(problems, "/cards/0/link", "not a web address"));
    CHECK(hasProblem(problems, "/cards/0/audit/simple", "from 0 to 5"));
    CHECK(hasProblem(problems, "/cards/0/audit/reviewed", "not a date"));
    CHECK(hasProblem(problems, "/cards/0/severity", "from 1 to 3, but it is 0"));
    CHECK(hasProblem(problems, "/cards/0/impact", "from 1 to 3, but it is 4"));
    CHECK(hasProblem(problems, "/cards/0/status", "must be one of \"idea\""));
    CHECK(hasProblem(problems, "/cards/1/score", "from -3 to 3, but it is 5"));
    CHECK(hasProblem(problems, "/cards/1/desired", "from -3 to 3, but it is -4"));
    // A wrong score is reported once, not again as a missing one.
    CHECK_FALSE(hasProblem(problems, "/cards/1", "needs a \"score\""));
}

TEST_CASE("a date in the right shape that names no day is not on the calendar; leap years count", "[reader]")
{
    auto dateProblems = [](const std::string &date) {
        auto map = minimalMap();
        map["journey"]["nextReview"] = date;
        return problemsOf(map);
    };
    for (const char *day : {"2026-02-28", "2024-02-29", "2000-02-29", "2026-12-31", "2026-04-30"})
        CHECK(dateProblems(day).empty());
    for (const char *day : {"2026-02-30", "2026-02-29", "1900-02-29", "2100-02-29", "2026-04-31", "2026-13-01",
                            "2026-00-10", "2026-01-00"}) {
        INFO(day);
        const auto problems = dateProblems(day);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].pointer == "/journey/nextReview");
        CHECK(problems[0].message == "\"" + std::string(day) + "\" is not a date on the calendar");
    }
    CHECK(formatProblem("file.cjm", dateProblems("2026-02-30")[0]) ==
          "file.cjm: /journey/nextReview: \"2026-02-30\" is not a date on the calendar");
    // The wrong shape keeps saying how a date is written.
    for (const char *notDate : {"2026-2-3", "30.02.2026", "2026-02-30x", "２０２６-02-03"})
        CHECK(hasProblem(dateProblems(notDate), "/journey/nextReview", "is not a date written as YYYY-MM-DD"));
    // The same for times, whose day or hour may not exist.
    auto map = minimalMap();
    map["journey"]["created"] = "2025-02-29T10:00:00Z";
    map["journey"]["modified"] = "2026-01-01T24:00:00Z";
    const auto problems = problemsOf(map);
    CHECK(hasProblem(problems, "/journey/created", "\"2025-02-29T10:00:00Z\" is not a date and time that exists"));
    CHECK(hasProblem(problems, "/journey/modified", "\"2026-01-01T24:00:00Z\" is not a date and time that exists"));
    map["journey"]["created"] = "2024-02-29T23:59:59Z";
    map["journey"]["modified"] = "2026-01-01T10:00:00+01:00";
    CHECK(hasProblem(problemsOf(map), "/journey/modified", "not a UTC time written as"));
    CHECK_FALSE(hasProblem(problemsOf(map), "/journey/created", ""));
}

TEST_CASE("ids must match the pattern and be unique across the file", "[reader]")
{
    auto map = minimalMap();
    map["cards"][0]["id"] = "has space";
    map["cards"][1]["id"] = "s1";
    map["personas"].push_back(Json{{"id", "p1"}, {"name", "Twin"}});
    auto problems = problemsOf(map);
    CHECK(hasProblem(problems, "/cards/0/id", "is not a valid id"));
    CHECK(hasProblem(problems, "/cards/1/id", "the id \"s1\" is already used at /stages/0"));
    CHECK(hasProblem(problems, "/personas/1/id", "the id \"p1\" is already used at /personas/0"));
    map["cards"][0]["id"] = std::string(65, 'a');
    CHECK(hasProblem(problemsOf(map), "/cards/0/id", "is not a valid id"));
}

TEST_CASE("references to ids that do not exist, or name the wrong kind", "[reader]")
{
    auto map = minimalMap();
    map["cards"][0]["stage"] = "s9";
    map["cards"][1]["persona"] = "s1";
    auto problems = problemsOf(map);
    CHECK(hasProblem(problems, "/cards/0/stage", "there is no stage with the id \"s9\""));
    CHECK(hasProblem(problems, "/cards/0/stage", "(the card \"Instagram ad\")")); // named by its words
    CHECK(hasProblem(problems, "/cards/1/persona", "\"s1\" is a stage, not a persona"));
}

TEST_CASE("an emotion card without a score", "[reader]")
{
    auto map = minimalMap();
    map["cards"][1].erase("score");
    CHECK(hasProblem(problemsOf(map), "/cards/1", "needs a \"score\""));
}

TEST_CASE("merge-conflict markers are named by line", "[reader]")
{
    const std::string text = "{\n  \"format\": \"cjm\",\n<<<<<<< HEAD\n  \"version\": 1,\n=======\n  \"version\": "
                             "2,\n>>>>>>> theirs\n}";
    auto problems = problemsOf(text);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 3);
    CHECK(problems[0].message.find("unresolved merge conflict at line 3") == 0);
}

TEST_CASE("all content problems are reported, up to a cap", "[reader]")
{
    auto map = minimalMap();
    for (int i = 0; i < 150; ++i)
        map["cards"].push_back(
            Json{{"id", "x" + std::to_string(i)}, {"persona", "nobody"}, {"stage", "s1"}, {"lane", "l1"}});
    auto problems = problemsOf(map);
    REQUIRE(problems.size() == 101);
    CHECK(problems.back().message == "... and 50 more problems");
}

TEST_CASE("three different mistakes give three problems", "[reader]")
{
    auto map = minimalMap();
    map["journey"]["type"] = "past";
    map["cards"][0]["stage"] = "s9";
    map["cards"][1]["score"] = 9;
    auto problems = problemsOf(map);
    CHECK(problems.size() == 3);
}

TEST_CASE("file size limit", "[reader][limits]")
{
    ReadLimits limits;
    limits.maxFileBytes = 1000;
    auto result = readDocument(std::string(2000, ' '), limits);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].message.find("larger than the") != std::string::npos);
}

TEST_CASE("string limit of 1 MiB", "[reader][limits]")
{
    auto map = minimalMap();
    map["cards"][0]["notes"] = std::string(2 * 1024 * 1024, 'x');
    auto problems = problemsOf(map);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("longer than the limit of 1 MiB") != std::string::npos);
    CHECK(problems[0].line == 1);
}

TEST_CASE("nesting limit inside an unknown key", "[reader][limits]")
{
    auto map = minimalMap();
    std::string text = map.dump();
    text.insert(1, "\"deep\": " + std::string(100000, '[') + std::string(100000, ']') + ",");
    auto problems = problemsOf(text);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("nested more than 64 levels") != std::string::npos);
}

namespace {
std::string pngHeader(std::uint32_t w, std::uint32_t h)
{
    std::string b("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (std::uint32_t v : {w, h})
        for (int shift = 24; shift >= 0; shift -= 8)
            b.push_back(static_cast<char>((v >> shift) & 0xFF));
    b += std::string("\x08\x06\0\0\0", 5);
    return b;
}
} // namespace

TEST_CASE("embedded images: not images, too many pixels, too large, bad base64", "[reader][limits]")
{
    auto map = minimalMap();
    map["cards"][0]["image"] = Json{{"mime", "image/png"}, {"data", detail::encodeBase64("GIF89a not a png")}};
    CHECK(hasProblem(problemsOf(map), "/cards/0/image/data", "not a PNG image"));
    map["cards"][0]["image"] = Json{{"mime", "image/png"}, {"data", detail::encodeBase64(pngHeader(100000, 100000))}};
    CHECK(hasProblem(problemsOf(map), "/cards/0/image/data", "100000x100000 pixels; at most 8192x8192"));
    map["cards"][0]["image"] = Json{{"mime", "image/jpeg"}, {"data", detail::encodeBase64(pngHeader(10, 10))}};
    CHECK(hasProblem(problemsOf(map), "/cards/0/image/data", "not a JPEG image"));
    map["cards"][0]["image"] = Json{{"mime", "image/png"}, {"data", "abc"}};
    CHECK(hasProblem(problemsOf(map), "/cards/0/image/data", "not valid base64"));
    map["cards"][0]["image"] = Json{{"mime", "image/gif"}, {"data", "R0lG"}};
    CHECK(hasProblem(problemsOf(map), "/cards/0/image/mime", "must be \"image/png\" or \"image/jpeg\""));
    // Past 8 MiB the parser stops at the string itself, with its line and column.
    std::string big = pngHeader(10, 10) + std::string(9 * 1024 * 1024, '\0');
    map["cards"][0]["image"] = Json{{"mime", "image/png"}, {"data", detail::encodeBase64(big)}};
    auto tooBig = problemsOf(map);
    REQUIRE(tooBig.size() == 1);
    CHECK(tooBig[0].message.find("picture here is larger than the 8 MiB") != std::string::npos);
    CHECK(tooBig[0].line == 1);
    map["cards"][0]["image"] = Json{{"mime", "image/png"}, {"data", detail::encodeBase64(pngHeader(640, 480))}};
    CHECK(problemsOf(map).empty());
}

TEST_CASE("JPEG sizes are read from the frame header", "[reader]")
{
    // SOI, an APP0 segment, then SOF0 with height 300 and width 400.
    std::string jpeg("\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xC0\x00\x11\x08\x01\x2C\x01\x90", 17);
    auto size = detail::jpegSize(jpeg);
    REQUIRE(size);
    CHECK(size->width == 400);
    CHECK(size->height == 300);
    CHECK_FALSE(detail::jpegSize(std::string("\xFF\xD8\xFF\xD9", 4)));
}

TEST_CASE("a leading byte-order mark is tolerated", "[reader]")
{
    CHECK(readDocument("\xEF\xBB\xBF" + minimalMap().dump()).ok());
}

TEST_CASE("unknown lane kinds are kept and drawn as notes", "[reader]")
{
    auto map = minimalMap();
    map["lanes"][0]["kind"] = "journeyPhotos";
    auto doc = mustRead(map.dump());
    CHECK(doc.lanes()[0].kind == LaneKind::Unknown);
    CHECK(doc.lanes()[0].kindName == "journeyPhotos");
    CHECK(doc.cardKind(doc.cards()[0]) == LaneKind::Notes);
}

TEST_CASE("the bundled samples are valid", "[reader][samples]")
{
    for (const char *name : {"ecommerce-en.cjm", "retail-zh.cjm"}) {
        INFO(name);
        auto result = readDocumentFile(std::string(CJM_SAMPLES_DIR) + "/" + name);
        CHECK(result.problems.empty());
        REQUIRE(result.ok());
        CHECK(result.document->personas().size() >= 2);
        bool hasEmotion = false, hasPain = false;
        for (const auto &card : result.document->cards()) {
            hasEmotion = hasEmotion || result.document->cardKind(card) == LaneKind::Emotions;
            hasPain = hasPain || result.document->cardKind(card) == LaneKind::PainPoints;
        }
        CHECK(hasEmotion);
        CHECK(hasPain);
    }
}

TEST_CASE("reading a missing file is a problem, not a crash", "[reader]")
{
    auto result = readDocumentFile("/nonexistent/folder/map.cjm");
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].message.find("does not exist") != std::string::npos);
}

TEST_CASE("a sample cut off anywhere is refused with a place, never half-read", "[reader][limits]")
{
    // A download or sync that stopped early. Every 37th byte keeps the test
    // quick under the sanitizers and still cuts inside keys, strings, numbers
    // and multi-byte Chinese characters.
    for (const char *name : {"ecommerce-en.cjm", "retail-zh.cjm"}) {
        const std::string whole = readText(std::string(CJM_SAMPLES_DIR) + "/" + name);
        REQUIRE(readDocument(whole).ok());
        // The final bytes are the closing brace and newline: everything before them is incomplete.
        const std::size_t lastBrace = whole.rfind('}');
        for (std::size_t length = 0; length < lastBrace; length += 37) {
            INFO(name << " cut to " << length << " bytes");
            auto result = readDocument(std::string_view(whole).substr(0, length));
            CHECK_FALSE(result.ok());
            REQUIRE_FALSE(result.problems.empty());
            CHECK(result.problems[0].line >= 1);
        }
    }
}

TEST_CASE("a JSON value a person typed is parsed as strictly as a map", "[reader][json]")
{
    Problem problem;
    const auto good = parseJsonValue(R"({"a": [1, 2], "b": "Landing page"})", problem);
    REQUIRE(good);
    CHECK((*good)["b"] == "Landing page");

    // The lenient parser would take the last "a"; the reader's refuses it, naming the place.
    const auto twice = parseJsonValue("{\"a\": 1,\n \"a\": 2}", problem);
    CHECK_FALSE(twice);
    CHECK(problem.line == 2);
    CHECK(problem.message.find("appears twice") != std::string::npos);

    CHECK_FALSE(parseJsonValue("NaN", problem));
    CHECK_FALSE(parseJsonValue("[1, 2", problem));
    CHECK(problem.message.find("not valid JSON") != std::string::npos);
}

TEST_CASE("an emotion's desired score is optional: absent means no target", "[reader][desired]")
{
    Json map = minimalMap();
    CHECK_FALSE(mustRead(map.dump()).card("c2")->desired);
    map["cards"][1]["desired"] = 2;
    CHECK(mustRead(map.dump()).card("c2")->desired == 2);
    map["cards"][1]["desired"] = "+2";
    CHECK(hasProblem(problemsOf(map), "/cards/1/desired", "from -3 to 3, but it is the text \"+2\""));
}

TEST_CASE("a map's language is a BCP 47 tag, kept in its conventional case", "[reader][language]")
{
    CHECK(canonicalLanguageTag("en") == "en");
    CHECK(canonicalLanguageTag("zh-CN") == "zh-CN");
    CHECK(canonicalLanguageTag("ZH-tw") == "zh-TW");
    CHECK(canonicalLanguageTag("zh-hant-tw") == "zh-Hant-TW");
    CHECK(canonicalLanguageTag("es-419") == "es-419");
    CHECK(canonicalLanguageTag("de-CH-1996") == "de-CH-1996");
    CHECK(canonicalLanguageTag("sl-rozaj-biske") == "sl-rozaj-biske");
    CHECK(canonicalLanguageTag("zh-yue-HK") == "zh-yue-HK");
    CHECK(canonicalLanguageTag("en-US-u-ca-gregory") == "en-US-u-ca-gregory");
    CHECK(canonicalLanguageTag("en-a-bbb-x-A-CCC") == "en-a-bbb-x-a-ccc");
    CHECK(canonicalLanguageTag("x-WHATEVER") == "x-whatever");
    for (const char *bad : {"", "e", "zh_CN", "chinese-simplified-characters", "en-", "-en", "en--US", "en-US-u",
                            "en-x", "x", "123", "en-a-b", "zh-CN-x-toolongvalue", "zh-\u4e2d"})
        CHECK_FALSE(canonicalLanguageTag(bad));

    Json map = minimalMap();
    CHECK_FALSE(mustRead(map.dump()).journey().language); // absent: the UI language
    map["journey"]["language"] = "zh-cn";
    CHECK(mustRead(map.dump()).journey().language == "zh-CN");
    CHECK(writeDocument(mustRead(map.dump())).find("\"language\": \"zh-CN\"") != std::string::npos);
    map["journey"]["language"] = "zh_CN";
    CHECK(hasProblem(problemsOf(map), "/journey/language", "\"zh_CN\" is not a language tag (BCP 47)"));
    map["journey"]["language"] = 7;
    CHECK(hasProblem(problemsOf(map), "/journey/language", "must be a language tag"));
}

TEST_CASE("an edit may set only a well-formed language tag in its conventional case", "[reader][language]")
{
    Journey journey = mustRead(minimalMap().dump()).journey();
    journey.language = "zh-TW";
    CHECK(detail::readsBack(journey));
    journey.language = "zh-tw"; // would read back as "zh-TW": not the same value
    CHECK_FALSE(detail::readsBack(journey));
    journey.language = "Chinese";
    CHECK_FALSE(detail::readsBack(journey));
}

TEST_CASE("an unknown key may not be one the field tables name: the writer would write it twice", "[reader][fields]")
{
    Document doc = mustRead(minimalMap().dump());
    Card card = *doc.card("c2");
    card.unknown = Json{{"x-kept", 1}};
    CHECK(detail::readsBack(card));
    for (const char *known : {"desired", "score", "comments", "persona", "order"}) {
        card.unknown = Json{{known, 1}};
        INFO(known);
        CHECK_FALSE(detail::readsBack(card));
    }
    Journey journey = doc.journey();
    journey.unknown = Json{{"language", "en"}};
    CHECK_FALSE(detail::readsBack(journey));
    journey.unknown = Json{{"id", "j2"}};
    CHECK_FALSE(detail::readsBack(journey));
}

TEST_CASE("the reader reads each field of the field tables; a key named \"unknown\" stays an unknown key",
          "[reader][fields]")
{
    auto map = minimalMap();
    for (const char *array : {"personas", "stages", "lanes", "cards"})
        map[array][0]["unknown"] = Json{{"kept", true}};
    map["journey"]["unknown"] = 7;
    const Document doc = mustRead(map.dump());
    CHECK(doc.journey().unknown == Json{{"unknown", 7}});
    CHECK(doc.personas()[0].unknown == Json{{"unknown", Json{{"kept", true}}}});
    CHECK(doc.stages()[0].unknown == Json{{"unknown", Json{{"kept", true}}}});
    CHECK(doc.lanes()[0].unknown == Json{{"unknown", Json{{"kept", true}}}});
    CHECK(doc.cards()[0].unknown == Json{{"unknown", Json{{"kept", true}}}});
    CHECK(writeDocument(mustRead(writeDocument(doc))) == writeDocument(doc));

    // Every field of the card table, off its default, comes back equal.
    Document full = mustRead(minimalMap().dump());
    Card card = *full.card("c1");
    card.notes = "n";
    card.color = "#112233";
    card.tags = {"a", "b"};
    card.link = "https://example.com";
    card.score = -1;
    card.desired = 3;
    card.channel = "email";
    card.direct = false;
    card.audit = Audit{};
    card.audit->simple = 4;
    card.severity = 3;
    card.impact = 1;
    card.status = OpportunityStatus::Done;
    card.metric = Metric{};
    card.metric->value = 2.5;
    card.comments = {Comment{}};
    card.comments[0].text = "c";
    Journey journey = full.journey();
    journey.language = "zh-TW";
    journey.reviewIntervalDays = 30;
    journey.nextReview = "2026-03-01";
    journey.created = "2026-01-01T10:00:00Z";
    journey.type = MapType::Future;
    std::vector<Stage> stages = full.stages();
    stages[0].phase = Phase::During;
    stages[0].color = "#abcdef";
    std::vector<Lane> lanes = full.lanes();
    lanes[0].hidden = true;
    lanes[0].title = "Ads";
    const Document built =
        Document::fromParts(journey, full.personas(), stages, lanes, {card, full.cards()[1]}, std::nullopt);
    CHECK(readBackDifference(built).empty());
}
