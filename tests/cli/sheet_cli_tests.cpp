// Spreadsheets from the command line: workbooks out and back, a map updated
// from an edited sheet (--into), and git's log and show as the docs describe.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

using namespace clitest;

namespace {

bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

std::vector<fs::path> everyMap()
{
    std::vector<fs::path> maps;
    auto isMap = [](const fs::path &p) { return p.extension() == ".cjm" && !p.filename().string().starts_with('.'); };
    for (const auto &entry : fs::directory_iterator(CJM_SAMPLES_DIR))
        if (isMap(entry.path()))
            maps.push_back(entry.path());
    for (const auto &entry : fs::recursive_directory_iterator(std::string(CJM_SOURCE_DIR) + "/resources/templates"))
        if (isMap(entry.path()))
            maps.push_back(entry.path());
    std::sort(maps.begin(), maps.end());
    return maps;
}

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            out.push_back(line);
    return out;
}

const std::string kChineseMap = std::string(CJM_SAMPLES_DIR) + "/retail-zh.cjm";

} // namespace

TEST_CASE("cjm export -o map.xlsx and cjm import: every sample and template comes back identical", "[cli][xlsx]")
{
    TempDir dir;
    const auto maps = everyMap();
    REQUIRE(maps.size() >= 20);
    for (const auto &map : maps) {
        INFO(map.string());
        const std::string xlsx = (dir.path / "map.xlsx").string(), back = (dir.path / "back.cjm").string();
        auto exported = cjm({"export", map.string(), "-o", xlsx});
        INFO(exported.output);
        REQUIRE(exported.exitCode == 0);
        CHECK(readText(xlsx).starts_with("PK"));
        auto imported = cjm({"import", xlsx, "-o", back});
        INFO(imported.output);
        REQUIRE(imported.exitCode == 0);
        CHECK(contains(imported.output, "(read as workbook)"));
        auto diff = cjm({"diff", map.string(), back});
        INFO(diff.output);
        CHECK(diff.exitCode == 0);
    }
}

TEST_CASE("cjm import: a damaged workbook and workbook-less options are refused plainly", "[cli][xlsx]")
{
    TempDir dir;
    const std::string xlsx = (dir.path / "map.xlsx").string();
    REQUIRE(cjm({"export", kChineseMap, "-o", xlsx}).exitCode == 0);
    std::string bytes = readText(xlsx);
    const std::string cut = (dir.path / "cut.xlsx").string();
    writeText(cut, bytes.substr(0, bytes.size() / 2));
    auto damaged = cjm({"import", cut, "-o", (dir.path / "out.cjm").string()});
    CHECK(damaged.exitCode == 1);
    CHECK(contains(damaged.output, "is not a workbook"));
    CHECK_FALSE(fs::exists(dir.path / "out.cjm"));
    auto mapped = cjm({"import", xlsx, "--map", "text=text", "-o", (dir.path / "out.cjm").string()});
    CHECK(mapped.exitCode == 2);
    CHECK(contains(mapped.output, "is a workbook"));
    auto orphan = cjm({"import", xlsx, "--delete-missing", "-o", (dir.path / "out.cjm").string()});
    CHECK(orphan.exitCode == 2);
    CHECK(contains(orphan.output, "--delete-missing goes with --into"));
}

TEST_CASE("cjm import --into: a text changed, a row added and a row deleted in the workbook, and nothing else",
          "[cli][xlsx][update]")
{
    TempDir dir;
    const std::string xlsx = (dir.path / "map.xlsx").string(), edited = (dir.path / "edited.xlsx").string();
    const std::string out = (dir.path / "out.cjm").string();
    REQUIRE(cjm({"export", kChineseMap, "-o", xlsx}).exitCode == 0);
    auto edit =
        shell("python3 " + shellQuote(std::string(CJM_SOURCE_DIR) + "/tests/cli/xlsx_edit.py") + " " +
              shellQuote(xlsx) + " " + shellQuote(edited) + " c-mom-aware-tp2 '改过的文字' c-mom-aware-th1 '新的一行'");
    INFO(edit.output);
    REQUIRE(edit.exitCode == 0);

    auto update = cjm({"import", edited, "--into", kChineseMap, "-o", out});
    INFO(update.output);
    REQUIRE(update.exitCode == 0);
    CHECK(contains(update.output, "1 cards changed, 1 added, 0 removed, 1 without a row kept"));
    CHECK(contains(update.output, "(c-mom-aware-th1) has no row; kept (--delete-missing removes it)"));
    auto diff = cjm({"diff", kChineseMap, out});
    INFO(diff.output);
    CHECK(diff.exitCode == 1);
    const auto changes = lines(diff.output);
    REQUIRE(changes.size() == 2);
    CHECK(contains(changes[0], "text changed to \u2018改过的文字\u2019"));
    CHECK(contains(changes[1], "card \u2018新的一行\u2019 added in 了解品牌 (上班族妈妈, 触点)"));

    auto removing = cjm({"import", edited, "--into", kChineseMap, "--delete-missing", "-o", out});
    INFO(removing.output);
    REQUIRE(removing.exitCode == 0);
    CHECK(contains(removing.output, "(c-mom-aware-th1) has no row; removed"));
    auto removed = cjm({"diff", kChineseMap, out});
    const auto three = lines(removed.output);
    REQUIRE(three.size() == 3);
    CHECK(std::count_if(three.begin(), three.end(), [](const std::string &l) { return contains(l, "removed"); }) == 1);

    // The unedited workbook changes nothing.
    REQUIRE(cjm({"import", xlsx, "--into", kChineseMap, "-o", out}).exitCode == 0);
    CHECK(cjm({"diff", kChineseMap, out}).exitCode == 0);
}

TEST_CASE("cjm import --into from the CSV inventory: exactly the sheet's edits", "[cli][csv][update]")
{
    TempDir dir;
    const std::string csv = (dir.path / "cards.csv").string(), out = (dir.path / "out.cjm").string();
    REQUIRE(cjm({"export", kChineseMap, "-o", csv}).exitCode == 0);
    std::string text = readText(csv);
    // Change a text, drop a row, add a row without an id (as a spreadsheet user would).
    const std::string old = "口口相传：小区妈妈群里的推荐";
    REQUIRE(contains(text, old));
    text.replace(text.find(old), old.size(), "邻居推荐");
    const auto dropped = text.find("c-mom-aware-th1");
    REQUIRE(dropped != std::string::npos);
    const auto start = text.rfind("\r\n", dropped) + 2, end = text.find("\r\n", dropped) + 2;
    text.erase(start, end - start);
    text += "上班族妈妈,了解品牌,,触点,touchpoints,,新的一行,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n";
    const std::string edited = (dir.path / "edited.csv").string();
    writeText(edited, text);
    auto update = cjm({"import", edited, "--into", kChineseMap, "-o", out});
    INFO(update.output);
    REQUIRE(update.exitCode == 0);
    CHECK(contains(update.output, "(c-mom-aware-th1) has no row; kept"));
    auto diff = cjm({"diff", kChineseMap, out});
    INFO(diff.output);
    const auto changes = lines(diff.output);
    REQUIRE(changes.size() == 2);
    CHECK(contains(changes[0], "text changed to \u2018邻居推荐\u2019"));
    CHECK(contains(changes[1], "card \u2018新的一行\u2019 added in 了解品牌 (上班族妈妈, 触点)"));
}

TEST_CASE("cjm export -o cards.csv and cjm import: ids, lane order and journey type come back", "[cli][csv]")
{
    TempDir dir;
    for (const auto &map : everyMap()) {
        INFO(map.string());
        const std::string csv = (dir.path / "cards.csv").string(), back = (dir.path / "back.cjm").string();
        REQUIRE(cjm({"export", map.string(), "-o", csv}).exitCode == 0);
        auto imported = cjm({"import", csv, "-o", back});
        INFO(imported.output);
        REQUIRE(imported.exitCode == 0);
        auto diff = cjm({"diff", "--json", map.string(), back});
        const auto json = nlohmann::json::parse(diff.output);
        for (const auto &change : json["changes"]) {
            INFO(change.dump());
            // Lanes, stages and personas keep their ids (no removed-and-added) and their order.
            CHECK(change["change"] != "reordered");
            CHECK(change["change"] != "added");
            CHECK(change["change"] != "moved");
            if (change["entity"] == "journey")
                CHECK(change.value("field", "") != "type");
            if (change["entity"] == "card")
                CHECK((change.value("field", "") == "color" || change.value("field", "") == "comments" ||
                       change.value("field", "") == "image"));
        }
    }
}

TEST_CASE("git log -p and git show use cjm diff only with --ext-diff, as collaboration.md says", "[cli][git]")
{
    REQUIRE(shell("git --version").exitCode == 0);
    TempDir dir;
    const std::string repo = (dir.path / "repo").string();
    const std::string git = "git -C " + shellQuote(repo) + " ";
    auto run = [&](const std::string &command) {
        auto r = shell(command);
        INFO(command << "\n" << r.output);
        REQUIRE(r.exitCode == 0);
        return r.output;
    };
    run("git init -q -b main " + shellQuote(repo));
    run(git + "config user.name Tester");
    run(git + "config user.email tester@example.com");
    // Set up as docs/collaboration.md says.
    run(git + "config diff.cjm.command " + shellQuote(shellQuote(CJM_EXECUTABLE) + " diff"));
    writeText(fs::path(repo) / ".gitattributes", "*.cjm diff=cjm merge=cjm\n");
    const fs::path map = fs::path(repo) / "map.cjm";
    writeText(map, readText(std::string(CJM_SAMPLES_DIR) + "/ecommerce-en.cjm"));
    run(git + "add . && " + git + "commit -q -m base");
    auto json = nlohmann::ordered_json::parse(readText(map));
    const std::string oldText = json["cards"][0]["text"];
    json["cards"][0]["text"] = "Rewritten first card";
    writeText(map, json.dump(2) + "\n");
    REQUIRE(cjm({"fmt", map.string()}).exitCode == 0);
    run(git + "commit -q -am edit");

    const std::string readable = "text changed to \u2018Rewritten first card\u2019";
    const std::string rawLine = "+      \"text\": \"Rewritten first card\"";
    // git diff uses the driver by itself.
    CHECK(contains(run(git + "diff HEAD~1 HEAD"), readable));
    // git log -p and git show show the JSON lines unless asked.
    for (const std::string &command : {git + "log -p -1", git + "show"}) {
        INFO(command);
        const std::string plain = run(command);
        CHECK(contains(plain, rawLine));
        CHECK_FALSE(contains(plain, readable));
        const std::string asked = run(command + " --ext-diff");
        CHECK(contains(asked, readable));
        CHECK_FALSE(contains(asked, rawLine));
    }
    // The alias the docs suggest.
    run(git + "config alias.maplog 'log -p --ext-diff'");
    CHECK(contains(run(git + "maplog -1"), readable));
    // And the raw text on demand.
    CHECK(contains(run(git + "diff --no-ext-diff HEAD~1 HEAD"), rawLine));
}
