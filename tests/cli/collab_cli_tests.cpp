// cjm diff, merge and import as a user, a script and git meet them.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

using namespace clitest;

namespace {

// A map whose parts the tests change, written in canonical form (like `cjm fmt`).
nlohmann::ordered_json baseMap()
{
    return nlohmann::ordered_json::parse(R"({
      "format": "cjm",
      "version": 1,
      "journey": { "id": "j1", "title": "First purchase" },
      "personas": [ { "id": "p1", "name": "Busy parent" } ],
      "stages": [ { "id": "s1", "name": "Awareness" }, { "id": "s2", "name": "Consideration" },
                  { "id": "s3", "name": "Adoption" } ],
      "lanes": [ { "id": "l1", "kind": "touchpoints" }, { "id": "l2", "kind": "emotions" } ],
      "cards": [
        { "id": "c1", "persona": "p1", "stage": "s1", "lane": "l1", "text": "Instagram ad", "channel": "socialMedia" },
        { "id": "c2", "persona": "p1", "stage": "s2", "lane": "l2", "text": "anxious", "score": -2 },
        { "id": "c3", "persona": "p1", "stage": "s3", "lane": "l1", "text": "Welcome email", "channel": "email" }
      ]
    })");
}

void writeMap(const fs::path &path, const nlohmann::ordered_json &map)
{
    writeText(path, map.dump(2) + "\n");
    REQUIRE(cjm({"fmt", path.string()}).exitCode == 0);
}

bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_CASE("cjm diff: a readable list, --json, and exit 0 / 1 / 2", "[cli][diff]")
{
    TempDir dir;
    auto a = baseMap(), b = baseMap();
    b["cards"][0]["stage"] = "s2";
    b["stages"][2]["name"] = "Onboarding";
    writeMap(dir.path / "a.cjm", a);
    writeMap(dir.path / "b.cjm", b);

    auto same = cjm({"diff", (dir.path / "a.cjm").string(), (dir.path / "a.cjm").string()});
    CHECK(same.exitCode == 0);
    CHECK(same.output.empty());

    auto run = cjm({"diff", (dir.path / "a.cjm").string(), (dir.path / "b.cjm").string()});
    CHECK(run.exitCode == 1);
    CHECK(run.output == "stage \u2018Adoption\u2019 renamed to \u2018Onboarding\u2019\n"
                        "card \u2018Instagram ad\u2019 moved from Awareness to Consideration (Busy parent)\n");

    auto json = cjm({"diff", (dir.path / "a.cjm").string(), (dir.path / "b.cjm").string(), "--json"});
    CHECK(json.exitCode == 1);
    const auto parsed = nlohmann::json::parse(json.output);
    CHECK(parsed["equal"] == false);
    REQUIRE(parsed["changes"].size() == 2);
    CHECK(parsed["changes"][1]["change"] == "moved");
    CHECK(parsed["changes"][1]["id"] == "c1");
    CHECK(parsed["changes"][1]["new"]["stage"] == "s2");

    writeText(dir.path / "broken.cjm", "{\n  \"format\": \"cjm\",\n  \"version\": 1,,\n}\n");
    auto broken = cjm({"diff", (dir.path / "a.cjm").string(), (dir.path / "broken.cjm").string()});
    CHECK(broken.exitCode == 2);
    CHECK(contains(broken.output, (dir.path / "broken.cjm").string() + ":3:16: not valid JSON"));
    CHECK(cjm({"diff", (dir.path / "a.cjm").string()}).exitCode == 2);
    CHECK(contains(cjm({"diff", "--help"}).output, "Usage: cjm diff"));
}

TEST_CASE("cjm merge: clean merges exit 0, conflicts exit 1 and stay valid JSON", "[cli][merge]")
{
    TempDir dir;
    auto base = baseMap(), ours = baseMap(), theirs = baseMap();
    ours["cards"][0]["text"] = "Instagram story";
    theirs["cards"][2]["text"] = "Welcome email with a coupon";
    writeMap(dir.path / "base.cjm", base);
    writeMap(dir.path / "ours.cjm", ours);
    writeMap(dir.path / "theirs.cjm", theirs);
    const std::string out = (dir.path / "out.cjm").string();

    auto clean = cjm({"merge", (dir.path / "base.cjm").string(), (dir.path / "ours.cjm").string(),
                      (dir.path / "theirs.cjm").string(), "-o", out});
    CHECK(clean.exitCode == 0);
    CHECK(clean.output.empty());
    const std::string merged = readText(out);
    CHECK(contains(merged, "\"Instagram story\""));
    CHECK(contains(merged, "\"Welcome email with a coupon\""));
    CHECK(cjm({"fmt", "--check", out}).exitCode == 0);

    theirs["cards"][0]["text"] = "Instagram reel";
    writeMap(dir.path / "theirs.cjm", theirs);
    auto conflicted = cjm({"merge", (dir.path / "base.cjm").string(), (dir.path / "ours.cjm").string(),
                           (dir.path / "theirs.cjm").string(), "-o", out, "--name", "map.cjm"});
    CHECK(conflicted.exitCode == 1);
    CHECK(contains(conflicted.output, "map.cjm: 1 conflict;"));
    CHECK(contains(conflicted.output, "map.cjm: conflict: card \u2018Instagram story\u2019: text changed on both "
                                      "sides: ours \u2018Instagram story\u2019, theirs \u2018Instagram reel\u2019 "
                                      "(was \u2018Instagram ad\u2019)"));
    CHECK(cjm({"validate", out}).exitCode == 0);
    const auto result = nlohmann::json::parse(readText(out));
    CHECK(result["cards"][0]["text"] == "Instagram story");
    CHECK(result["cards"][0]["x-cjm-conflicts"][0]["theirs"] == "Instagram reel");
    CHECK(result["cards"][2]["text"] == "Welcome email with a coupon");

    // Without -o the map goes to stdout.
    auto toStdout = cjm({"merge", (dir.path / "base.cjm").string(), (dir.path / "ours.cjm").string(),
                         (dir.path / "ours.cjm").string()});
    CHECK(toStdout.exitCode == 0);
    CHECK(toStdout.output == readText(dir.path / "ours.cjm"));

    auto missing =
        cjm({"merge", (dir.path / "base.cjm").string(), "/no/such.cjm", (dir.path / "theirs.cjm").string(), "-o", out});
    CHECK(missing.exitCode == 2);
    CHECK(contains(missing.output, "/no/such.cjm: the file /no/such.cjm does not exist"));
    auto unwritable = cjm({"merge", (dir.path / "base.cjm").string(), (dir.path / "ours.cjm").string(),
                           (dir.path / "theirs.cjm").string(), "-o", "/no/such/folder/out.cjm"});
    CHECK(unwritable.exitCode == 2);
    CHECK(cjm({"merge", (dir.path / "base.cjm").string()}).exitCode == 2);
}

// Exit 0 tells git the file is resolved, so it comes only when nothing of either
// side was set aside; valid versions always merge into a map the reader accepts.
TEST_CASE("cjm merge: nothing is dropped; exit 0 only when clean, 1 when a value waits in a conflict", "[cli][merge]")
{
    TempDir dir;
    const std::string out = (dir.path / "out.cjm").string();
    auto mergeOf = [&](const nlohmann::ordered_json &base, const nlohmann::ordered_json &ours,
                       const nlohmann::ordered_json &theirs) {
        writeMap(dir.path / "base.cjm", base);
        writeMap(dir.path / "ours.cjm", ours);
        writeMap(dir.path / "theirs.cjm", theirs);
        auto run = cjm({"merge", (dir.path / "base.cjm").string(), (dir.path / "ours.cjm").string(),
                        (dir.path / "theirs.cjm").string(), "-o", out, "--name", "map.cjm"});
        INFO(run.output);
        CHECK(cjm({"validate", out}).exitCode == 0); // whatever the exit code, the map reads back
        return run;
    };
    auto nested = [](int levels, const std::string &leaf) {
        nlohmann::ordered_json value = leaf;
        for (int i = 0; i < levels; ++i)
            value = nlohmann::ordered_json{{"a", value}};
        return value;
    };

    SECTION("an x-cjm-conflicts that is not a list survives edits of other fields: exit 0")
    {
        auto base = baseMap();
        base["cards"][0]["x-cjm-conflicts"] = {{"note", "KEEP-ME"}};
        auto ours = base, theirs = base;
        ours["cards"][0]["text"] = "Instagram story";
        theirs["cards"][0]["notes"] = "seen on the train";
        auto run = mergeOf(base, ours, theirs);
        CHECK(run.exitCode == 0);
        const auto merged = nlohmann::json::parse(readText(out));
        CHECK(merged["cards"][0]["x-cjm-conflicts"]["note"] == "KEEP-ME");
        CHECK(merged["cards"][0]["notes"] == "seen on the train");
    }
    SECTION("a top-level unknown key both sides changed: exit 1, theirs kept in a conflict")
    {
        auto base = baseMap();
        base["x-team"] = "growth";
        auto ours = base, theirs = base;
        ours["x-team"] = "retention";
        theirs["x-team"] = "loyalty";
        auto run = mergeOf(base, ours, theirs);
        CHECK(run.exitCode == 1);
        CHECK(contains(run.output,
                       "map.cjm: conflict: the map: x-team changed on both sides: ours \u2018retention\u2019, "
                       "theirs \u2018loyalty\u2019 (was \u2018growth\u2019)"));
        const auto merged = nlohmann::json::parse(readText(out));
        CHECK(merged["x-team"] == "retention");
        CHECK(merged["x-cjm-conflicts"][0]["theirs"] == "loyalty");
    }
    SECTION("their new stage has our new lane's id and holds a card they moved: exit 0, the card follows")
    {
        auto base = baseMap();
        auto ours = base, theirs = base;
        ours["lanes"].push_back({{"id", "y"}, {"kind", "notes"}});
        theirs["stages"].push_back({{"id", "y"}, {"name", "Loyalty"}});
        theirs["cards"][0]["stage"] = "y";
        auto run = mergeOf(base, ours, theirs);
        CHECK(run.exitCode == 0);
        CHECK(contains(run.output, "map.cjm: note: the id \u2018y\u2019 was taken by both sides for different "
                                   "things; the stage is now \u2018y-2\u2019"));
        const auto merged = nlohmann::json::parse(readText(out));
        CHECK(merged["stages"][3]["id"] == "y-2");
        CHECK(merged["cards"][0]["stage"] == "y-2");
        CHECK(merged["lanes"][2]["id"] == "y");
    }
    SECTION("both sides changed a value 60 levels deep: exit 1, the conflict within the nesting limit")
    {
        auto base = baseMap();
        base["cards"][0]["x-deep"] = nested(60, "base");
        auto ours = base, theirs = base;
        ours["cards"][0]["x-deep"] = nested(60, "ours");
        theirs["cards"][0]["x-deep"] = nested(60, "theirs");
        auto run = mergeOf(base, ours, theirs);
        CHECK(run.exitCode == 1);
        const auto merged = nlohmann::json::parse(readText(out));
        CHECK(nlohmann::json::parse(merged["cards"][0]["x-cjm-conflicts"][0]["theirsJson"].get<std::string>()) ==
              nested(60, "theirs"));
    }
    SECTION("their new journey id is our new card's id: exit 0, the journey renamed")
    {
        auto base = baseMap();
        auto ours = base, theirs = base;
        ours["cards"].push_back({{"id", "k7"}, {"persona", "p1"}, {"stage", "s1"}, {"lane", "l1"}, {"text", "Flyer"}});
        theirs["journey"]["id"] = "k7";
        auto run = mergeOf(base, ours, theirs);
        CHECK(run.exitCode == 0);
        const auto merged = nlohmann::json::parse(readText(out));
        CHECK(merged["journey"]["id"] == "k7-2");
        CHECK(merged["cards"][3]["id"] == "k7");
    }
}

TEST_CASE("cjm merge and cjm diff as git's merge and diff drivers, in a real repository", "[cli][merge][git]")
{
    REQUIRE(shell("git --version").exitCode == 0); // this test drives a real git
    TempDir dir;
    const std::string repo = (dir.path / "repo").string();
    const std::string git = "git -C " + shellQuote(repo) + " ";
    auto run = [&](const std::string &command) {
        auto r = shell(command);
        INFO(command << "\n" << r.output);
        return r;
    };
    REQUIRE(run("git init -q -b main " + shellQuote(repo)).exitCode == 0);
    REQUIRE(run(git + "config user.name Tester").exitCode == 0);
    REQUIRE(run(git + "config user.email tester@example.com").exitCode == 0);
    REQUIRE(run(git + "config merge.cjm.name 'CJM Studio map merge'").exitCode == 0);
    REQUIRE(run(git + "config merge.cjm.driver " +
                shellQuote(shellQuote(CJM_EXECUTABLE) + " merge %O %A %B -o %A --name %P"))
                .exitCode == 0);
    REQUIRE(run(git + "config diff.cjm.command " + shellQuote(shellQuote(CJM_EXECUTABLE) + " diff")).exitCode == 0);
    writeText(fs::path(repo) / ".gitattributes", "*.cjm diff=cjm merge=cjm\n");
    const fs::path map = fs::path(repo) / "map.cjm";
    auto base = baseMap();
    writeMap(map, base);
    REQUIRE(run(git + "add . && " + git + "commit -q -m base").exitCode == 0);

    // Two branches edit different cards: git merges through cjm merge, cleanly.
    auto teammate = base;
    teammate["cards"][2]["text"] = "Welcome email with a coupon";
    REQUIRE(run(git + "checkout -q -b teammate").exitCode == 0);
    writeMap(map, teammate);
    REQUIRE(run(git + "commit -q -am 'teammate: coupon'").exitCode == 0);
    REQUIRE(run(git + "checkout -q main").exitCode == 0);
    auto mine = base;
    mine["cards"][0]["text"] = "Instagram story";
    mine["cards"][0]["stage"] = "s2";
    writeMap(map, mine);
    REQUIRE(run(git + "commit -q -am 'me: story'").exitCode == 0);

    auto diff = run(git + "diff HEAD~1 HEAD -- map.cjm");
    CHECK(diff.exitCode == 0);
    CHECK(contains(diff.output, "card \u2018Instagram ad\u2019 moved from Awareness to Consideration (Busy parent)"));
    CHECK(contains(diff.output, "card \u2018Instagram ad\u2019 text changed to \u2018Instagram story\u2019"));

    auto merge = run(git + "merge -q --no-edit teammate");
    CHECK(merge.exitCode == 0);
    auto merged = nlohmann::json::parse(readText(map));
    CHECK(merged["cards"][0]["text"] == "Instagram story");
    CHECK(merged["cards"][0]["stage"] == "s2");
    CHECK(merged["cards"][2]["text"] == "Welcome email with a coupon");
    CHECK(cjm({"fmt", "--check", map.string()}).exitCode == 0);

    // Both edit the same card's text: the merge stops, the map stays valid and carries both texts.
    REQUIRE(run(git + "checkout -q teammate").exitCode == 0);
    auto theirs = nlohmann::ordered_json::parse(readText(map));
    theirs["cards"][1]["text"] = "worried";
    writeMap(map, theirs);
    REQUIRE(run(git + "commit -q -am 'teammate: worried'").exitCode == 0);
    REQUIRE(run(git + "checkout -q main").exitCode == 0);
    auto ours = nlohmann::ordered_json::parse(readText(map));
    ours["cards"][1]["text"] = "nervous";
    writeMap(map, ours);
    REQUIRE(run(git + "commit -q -am 'me: nervous'").exitCode == 0);
    auto conflicted = run(git + "merge --no-edit teammate");
    CHECK(conflicted.exitCode != 0);
    CHECK(contains(conflicted.output, "map.cjm: conflict: card \u2018nervous\u2019: text changed on both sides"));
    CHECK(cjm({"validate", map.string()}).exitCode == 0);
    const std::string text = readText(map);
    CHECK_FALSE(contains(text, "<<<<<<<"));
    auto result = nlohmann::json::parse(text);
    CHECK(result["cards"][1]["text"] == "nervous");
    CHECK(result["cards"][1]["x-cjm-conflicts"][0]["theirs"] == "worried");
    CHECK(result["cards"][1]["x-cjm-conflicts"][0]["base"] == "anxious");
}

TEST_CASE("cjm import: the exported inventory back to a map; encodings, --map and bad rows", "[cli][import]")
{
    TempDir dir;
    const std::string csv = (dir.path / "cards.csv").string();
    REQUIRE(cjm({"export", kChineseSample, "-o", csv}).exitCode == 0);
    const std::string out = (dir.path / "back.cjm").string();
    auto run = cjm({"import", csv, "-o", out});
    INFO(run.output);
    CHECK(run.exitCode == 0);
    CHECK(contains(run.output, "back.cjm: "));
    CHECK(contains(run.output, "(read as utf-8)"));
    CHECK(cjm({"validate", out}).exitCode == 0);
    auto info = nlohmann::json::parse(cjm({"info", out, "--json"}).output);
    auto original = nlohmann::json::parse(cjm({"info", kChineseSample, "--json"}).output);
    CHECK(info["cardsTotal"] == original["cardsTotal"]);
    CHECK(info["cards"] == original["cards"]);
    CHECK(info["title"] == "cards");

    // GB18030, detected; and chosen.
    const std::string gb = (dir.path / "gb.csv").string();
    REQUIRE(shell("tail -c +4 " + shellQuote(csv) + " | iconv -f UTF-8 -t GB18030 > " + shellQuote(gb)).exitCode == 0);
    auto detected = cjm({"import", gb, "-o", (dir.path / "gb.cjm").string(), "--title", "门店"});
    CHECK(detected.exitCode == 0);
    CHECK(contains(detected.output, "(read as gb18030)"));
    CHECK(nlohmann::json::parse(readText(dir.path / "gb.cjm"))["journey"]["title"] == "门店");
    auto wrong = cjm({"import", gb, "-o", (dir.path / "x.cjm").string(), "--encoding", "utf-8"});
    CHECK(wrong.exitCode == 1);
    CHECK(contains(wrong.output, gb + ": line 2, column 1: the text is not UTF-8"));
    CHECK_FALSE(fs::exists(dir.path / "x.cjm"));

    // Another spreadsheet, mapped by hand; a bad row refused, then skipped.
    const std::string sheet = (dir.path / "sheet.csv").string();
    writeText(sheet, "Who,When,What,Feeling\nAlex,Week 1,Slow site,-2\nAlex,Week 2,Fast help,7\n");
    auto refused = cjm({"import", sheet, "-o", out, "--map", "Who=persona", "--map", "2=stage", "--map", "What=text",
                        "--map", "Feeling=score"});
    CHECK(refused.exitCode == 1);
    CHECK(contains(refused.output, sheet + ":3: score must be a whole number from -3 to 3, but it is \u20187\u2019"));
    CHECK(contains(refused.output, "nothing written (add --skip-bad-rows"));
    auto skipped = cjm({"import", sheet, "-o", out, "--map", "Who=persona", "--map", "2=stage", "--map", "What=text",
                        "--map", "Feeling=score", "--skip-bad-rows"});
    CHECK(skipped.exitCode == 0);
    CHECK(contains(skipped.output, "1 cards, 1 personas, 1 stages, 1 lanes"));
    CHECK(contains(skipped.output, "skipped 1 bad row"));
    auto map = nlohmann::json::parse(readText(out));
    CHECK(map["personas"][0]["name"] == "Alex");
    CHECK(map["cards"][0]["score"] == -2);

    CHECK(cjm({"import", sheet, "-o", out, "--map", "Nope=text"}).exitCode == 2);
    CHECK(cjm({"import", sheet, "-o", out, "--map", "Who=wishes"}).exitCode == 2);
    CHECK(cjm({"import", sheet, "-o", out, "--encoding", "latin1"}).exitCode == 2);
    CHECK(cjm({"import", sheet}).exitCode == 2);
    CHECK(cjm({"import", "/no/such.csv", "-o", out}).exitCode == 1);
    CHECK(contains(cjm({"import", "--help"}).output, "Usage: cjm import"));
}

// csv-import-tolerance: spreadsheet CSV read as Python's csv module reads it.
TEST_CASE("cjm import: quotes inside fields, CR line ends, extra fields and a blank map's inventory",
          "[cli][import][csv]")
{
    TempDir dir;
    const std::string out = (dir.path / "out.cjm").string();

    // csv-spectrum's location_coordinates.csv (37°36'37.8"N): the table reads; the
    // message is that no column holds the card text, and --map names one.
    const std::string coordinates = std::string(CJM_TEST_DATA_DIR) + "/csv-spectrum/location_coordinates.csv";
    auto unmapped = cjm({"import", coordinates, "-o", out});
    CHECK(unmapped.exitCode == 1);
    CHECK(contains(unmapped.output, "no column holds the card text"));
    CHECK_FALSE(contains(unmapped.output, "quote"));
    auto mapped = cjm({"import", coordinates, "-o", out, "--map", "Location Coordinates=text"});
    INFO(mapped.output);
    REQUIRE(mapped.exitCode == 0);
    CHECK(nlohmann::json::parse(readText(out))["cards"][0]["text"] == "37\uFFFD36'37.8\"N 121\uFFFD2'17.9\"W");

    // A 24" monitor in a file with CR line ends; a row with a field past the
    // header is named by line and column, refused, then skipped.
    const std::string sheet = (dir.path / "monitors.csv").string();
    writeText(sheet, "text,stage\r24\" monitor,Browse\r27\" monitor,Browse,too much\r\"32\"\" monitor\",Buy\r");
    auto refused = cjm({"import", sheet, "-o", out});
    CHECK(refused.exitCode == 1);
    CHECK(contains(refused.output, sheet + ":3: column 3 holds \u2018too much\u2019, past the header's 2 columns"));
    CHECK(contains(refused.output, "nothing written"));
    auto skipped = cjm({"import", sheet, "-o", out, "--skip-bad-rows"});
    INFO(skipped.output);
    CHECK(skipped.exitCode == 0);
    CHECK(contains(skipped.output, "skipped 1 bad row"));
    auto cards = nlohmann::json::parse(readText(out))["cards"];
    REQUIRE(cards.size() == 2);
    CHECK(cards[0]["text"] == "24\" monitor");
    CHECK(cards[1]["text"] == "32\" monitor");

    // An unclosed quote is the one refusal of the table, by line and column.
    writeText(sheet, "text,stage\n24\" monitor,Browse\nfine,\"Buy\n");
    CHECK(contains(cjm({"import", sheet, "-o", out}).output,
                   sheet + ": line 3, column 2: a quoted field is never closed"));

    // A blank map's inventory is its header alone: it imports as a map without cards.
    const std::string blank = (dir.path / "blank.cjm").string();
    writeText(blank, R"({"format": "cjm", "version": 1, "journey": {"id": "j1", "title": "Blank"},
                        "personas": [], "stages": [], "lanes": [], "cards": []})");
    REQUIRE(cjm({"validate", blank}).exitCode == 0);
    const std::string inventory = (dir.path / "blank.csv").string();
    REQUIRE(cjm({"export", blank, "-o", inventory}).exitCode == 0);
    const std::string back = (dir.path / "back.cjm").string();
    auto imported = cjm({"import", inventory, "-o", back});
    INFO(imported.output);
    CHECK(imported.exitCode == 0);
    CHECK(contains(imported.output, "0 cards"));
    CHECK(cjm({"validate", back}).exitCode == 0);
    CHECK(nlohmann::json::parse(readText(back))["cards"].empty());
}

TEST_CASE("cjm import: a Color column of words is left out with a note; mapped by hand its rows are bad",
          "[cli][import]")
{
    TempDir dir;
    const std::string sheet = (dir.path / "third.csv").string();
    writeText(sheet, "Stage,Card,Color\nAwareness,Sees an ad,red\n");
    const std::string out = (dir.path / "third.cjm").string();
    auto run = cjm({"import", sheet, "-o", out});
    INFO(run.output);
    CHECK(run.exitCode == 0);
    CHECK(contains(run.output, sheet + ": column 3 \u2018Color\u2019 is not imported: color takes a color written "
                                       "#rrggbb, but line 2 has \u2018red\u2019 (map the column to color to import "
                                       "it anyway)"));
    auto map = nlohmann::json::parse(readText(out));
    CHECK_FALSE(map["cards"][0].contains("color"));
    auto mapped = cjm({"import", sheet, "-o", out, "--map", "Color=color"});
    CHECK(mapped.exitCode == 1);
    CHECK(contains(mapped.output, sheet + ":2: color (column 3 \u2018Color\u2019) must be a color written #rrggbb, "
                                          "but it is \u2018red\u2019"));
    CHECK_FALSE(contains(mapped.output, "is not imported"));
}
