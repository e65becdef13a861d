// The `cjm` executable as a user or a script meets it: exit codes and output.
#include <catch2/catch.hpp>

#include <chrono>

#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

using namespace clitest;

namespace {

const char *const kThreeMistakes = R"({
  "format": "cjm",
  "version": 1,
  "journey": { "id": "j1", "type": "past" },
  "personas": [ { "id": "p1", "name": "Busy parent" } ],
  "stages": [ { "id": "s1", "name": "Awareness" } ],
  "lanes": [ { "id": "l1", "kind": "emotions" } ],
  "cards": [ { "id": "c1", "persona": "p1", "stage": "s9", "lane": "l1", "score": 7 } ]
}
)";

} // namespace

TEST_CASE("cjm validate: valid samples exit 0", "[cli]")
{
    auto run = cjm({"validate", kSample, kChineseSample});
    CHECK(run.exitCode == 0);
    CHECK(run.output.find("ecommerce-en.cjm: valid") != std::string::npos);
    CHECK(run.output.find("retail-zh.cjm: valid") != std::string::npos);
}

TEST_CASE("cjm validate: three mistakes are printed with their places, exit 1", "[cli]")
{
    TempDir dir;
    const fs::path bad = dir.path / "bad.cjm";
    writeText(bad, kThreeMistakes);
    auto run = cjm({"validate", bad.string(), kSample});
    CHECK(run.exitCode == 1);
    const std::string prefix = bad.string() + ": ";
    CHECK(run.output.find(prefix + "/journey/type: must be one of") != std::string::npos);
    CHECK(run.output.find(prefix + "/cards/0/stage: there is no stage with the id \"s9\"") != std::string::npos);
    CHECK(run.output.find(prefix + "/cards/0/score: must be a whole number from -3 to 3, but it is 7") !=
          std::string::npos);
    CHECK(run.output.find("ecommerce-en.cjm: valid") != std::string::npos);
}

TEST_CASE("cjm validate: syntax errors as FILE:LINE:COL", "[cli]")
{
    TempDir dir;
    const fs::path bad = dir.path / "syntax.cjm";
    writeText(bad, "{\n  \"format\": \"cjm\",\n  \"version\": 1,,\n}\n");
    auto run = cjm({"validate", bad.string()});
    CHECK(run.exitCode == 1);
    CHECK(run.output.find(bad.string() + ":3:16: not valid JSON") != std::string::npos);
}

TEST_CASE("cjm validate: missing file and no arguments", "[cli]")
{
    auto missing = cjm({"validate", "/no/such/map.cjm"});
    CHECK(missing.exitCode == 1);
    CHECK(missing.output.find("/no/such/map.cjm: the file /no/such/map.cjm does not exist") != std::string::npos);
    CHECK(cjm({"validate"}).exitCode == 2);
}

TEST_CASE("cjm info prints title, type, goal and counts; --json too", "[cli]")
{
    auto run = cjm({"info", kChineseSample});
    CHECK(run.exitCode == 0);
    CHECK(run.output.find("Title:     门店零售客户旅程") != std::string::npos);
    CHECK(run.output.find("Type:      current state") != std::string::npos);
    CHECK(run.output.find("Cards:     ") != std::string::npos);
    CHECK(run.output.find("  emotions: 12") != std::string::npos);

    auto json = cjm({"info", kSample, "--json"});
    CHECK(json.exitCode == 0);
    auto info = nlohmann::json::parse(json.output);
    CHECK(info["type"] == "current");
    CHECK(info["personas"].get<int>() >= 2);
    CHECK(info["stages"] == 5);
    int sum = 0;
    for (const auto &[kind, n] : info["cards"].items())
        sum += n.get<int>();
    CHECK(sum == info["cardsTotal"].get<int>());
    CHECK(info["lanes"].contains("emotions"));

    TempDir dir;
    writeText(dir.path / "bad.cjm", kThreeMistakes);
    CHECK(cjm({"info", (dir.path / "bad.cjm").string()}).exitCode == 1);
    CHECK(cjm({"info"}).exitCode == 2);
}

TEST_CASE("cjm info says whether the map's review is due", "[cli][review]")
{
    TempDir dir;
    auto mapDueOn = [&](const std::string &name, const std::string &date) {
        auto map = nlohmann::ordered_json::parse(readText(kSample));
        map["journey"]["reviewIntervalDays"] = 90;
        map["journey"]["nextReview"] = date;
        writeText(dir.path / name, map.dump(2));
        return (dir.path / name).string();
    };
    const std::string overdue = mapDueOn("overdue.cjm", "2001-01-01");
    const std::string upcoming = mapDueOn("upcoming.cjm", "2999-01-01");

    auto run = cjm({"info", overdue});
    CHECK(run.exitCode == 0);
    CHECK(run.output.find("Review:    every 90 days") != std::string::npos);
    CHECK(run.output.find("Next review: 2001-01-01 (overdue by ") != std::string::npos);
    CHECK(run.output.find("DUE") != std::string::npos);
    auto json = nlohmann::json::parse(cjm({"info", overdue, "--json"}).output);
    CHECK(json["review"]["state"] == "overdue");
    CHECK(json["review"]["due"] == true);
    CHECK(json["review"]["daysUntil"].get<int>() < -9000);

    run = cjm({"info", upcoming});
    CHECK(run.output.find("Next review: 2999-01-01 (in ") != std::string::npos);
    CHECK(run.output.find("DUE") == std::string::npos);
    json = nlohmann::json::parse(cjm({"info", upcoming, "--json"}).output);
    CHECK(json["review"]["state"] == "upcoming");
    CHECK(json["review"]["due"] == false);

    auto unscheduled = nlohmann::ordered_json::parse(readText(kSample));
    unscheduled["journey"].erase("nextReview");
    writeText(dir.path / "unscheduled.cjm", unscheduled.dump(2));
    json = nlohmann::json::parse(cjm({"info", (dir.path / "unscheduled.cjm").string(), "--json"}).output);
    CHECK(json["review"]["state"] == "notScheduled");
    CHECK_FALSE(json["review"].contains("daysUntil"));
}

TEST_CASE("cjm fmt: rewrites in place, a second run changes nothing, unknown keys survive", "[cli]")
{
    TempDir dir;
    const fs::path file = dir.path / "messy.cjm";
    writeText(file,
              R"({"version":1,"format":"cjm","x-top":{"keep":[1,"二"]},"journey":{"id":"j1","type":"current","x-j":1},
      "personas":[{"id":"p1","name":"P","x-p":null}],"stages":[{"id":"s1","name":"S"}],
      "lanes":[{"id":"l1","kind":"futureKind","x-l":true}],
      "cards":[{"id":"c1","persona":"p1","stage":"s1","lane":"l1","order":0,"tags":[],"x-c":"kept"}]})");
    auto first = cjm({"fmt", file.string()});
    CHECK(first.exitCode == 0);
    const std::string once = readText(file);
    for (const char *key :
         {"\"x-top\"", "\"keep\"", "\"二\"", "\"x-j\"", "\"x-p\"", "\"x-l\"", "\"x-c\"", "\"futureKind\""})
        CHECK(once.find(key) != std::string::npos);
    CHECK(once.find("\"order\"") == std::string::npos);
    CHECK(once.find("\"tags\"") == std::string::npos);
    const auto stamp = fs::last_write_time(file);
    auto second = cjm({"fmt", file.string()});
    CHECK(second.exitCode == 0);
    CHECK(readText(file) == once);
    CHECK(fs::last_write_time(file) == stamp); // not even rewritten
    CHECK(cjm({"fmt", "--check", file.string()}).exitCode == 0);
}

TEST_CASE("cjm fmt --check and -o", "[cli]")
{
    TempDir dir;
    const fs::path file = dir.path / "compact.cjm";
    writeText(file,
              R"({"format":"cjm","version":1,"journey":{"id":"j"},"personas":[],"stages":[],"lanes":[],"cards":[]})");
    const std::string before = readText(file);
    auto check = cjm({"fmt", "--check", file.string()});
    CHECK(check.exitCode == 1);
    CHECK(check.output.find("not in canonical form") != std::string::npos);
    CHECK(readText(file) == before);

    const fs::path out = dir.path / "out.cjm";
    CHECK(cjm({"fmt", file.string(), "-o", out.string()}).exitCode == 0);
    CHECK(readText(file) == before);
    CHECK(cjm({"fmt", "--check", out.string()}).exitCode == 0);
    CHECK(cjm({"fmt", "--check", kSample, kChineseSample}).exitCode == 0);

    CHECK(cjm({"fmt", file.string(), kSample, "-o", out.string()}).exitCode == 2);
    CHECK(cjm({"fmt", "--bogus", file.string()}).exitCode == 2);
    writeText(dir.path / "bad.cjm", kThreeMistakes);
    CHECK(cjm({"fmt", (dir.path / "bad.cjm").string()}).exitCode == 1);
    CHECK(cjm({"fmt", file.string(), "-o", "/no/such/folder/out.cjm"}).exitCode == 1);
}

TEST_CASE("cjm --help and --version everywhere; unknown commands", "[cli]")
{
    for (auto args : std::vector<std::vector<std::string>>{{"--help"},
                                                           {"-h"},
                                                           {"help"},
                                                           {"validate", "--help"},
                                                           {"info", "-h"},
                                                           {"fmt", "--help"},
                                                           {"help", "fmt"}}) {
        auto run = cjm(args);
        CHECK(run.exitCode == 0);
        CHECK(run.output.find("Usage: cjm") != std::string::npos);
    }
    for (auto args : std::vector<std::vector<std::string>>{{"--version"}, {"fmt", "--version"}}) {
        auto run = cjm(args);
        CHECK(run.exitCode == 0);
        CHECK(run.output.find("cjm (CJM Studio) ") == 0);
    }
    auto unknown = cjm({"frobnicate"});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.output.find("unknown command 'frobnicate'") != std::string::npos);
    CHECK(cjm({}).exitCode == 2);
}

TEST_CASE("-v turns on debug logging to stderr", "[cli]")
{
    auto run = cjm({"-v", "validate", kSample});
    CHECK(run.exitCode == 0);
    CHECK(run.output.find("[debug] validated 1 file(s)") != std::string::npos);
    CHECK(cjm({"validate", kSample}).output.find("[debug]") == std::string::npos);
}

TEST_CASE("cjm export: a vector PDF of the Chinese sample with searchable Chinese text, no display needed",
          "[cli][export]")
{
    TempDir dir;
    const fs::path pdf = dir.path / "map.pdf";
    ::unsetenv("DISPLAY");
    auto run = cjm({"export", kChineseSample, "-o", pdf.string()});
    REQUIRE(run.exitCode == 0);
    auto info = shell("pdfinfo " + shellQuote(pdf.string()));
    REQUIRE(info.exitCode == 0);
    CHECK(info.output.find("Pages:           1") != std::string::npos);
    CHECK(info.output.find("(A4)") != std::string::npos);
    CHECK(info.output.find("Title:           门店零售客户旅程") != std::string::npos);
    CHECK(info.output.find("Creator:         CJM Studio") != std::string::npos);
    auto text = shell("pdftotext " + shellQuote(pdf.string()) + " -");
    REQUIRE(text.exitCode == 0);
    CHECK(text.output.find("门店零售客户旅程") != std::string::npos);             // the title
    CHECK(text.output.find("广告和促销：周末亲子促销传单") != std::string::npos); // a card
    CHECK(text.output.find("让客户") == std::string::npos);                       // descriptions are not drawn
    auto fonts = shell("pdffonts " + shellQuote(pdf.string()));
    CHECK(fonts.output.find(" yes ") != std::string::npos); // embedded
}

TEST_CASE("cjm export: page size, orientation, tiles and per persona", "[cli][export]")
{
    TempDir dir;
    const fs::path a3 = dir.path / "a3.pdf";
    REQUIRE(cjm({"export", kSample, "-o", a3.string(), "--page", "A3", "--landscape"}).exitCode == 0);
    CHECK(shell("pdfinfo " + shellQuote(a3.string())).output.find("1191 x 842 pts (A3)") != std::string::npos);
    const fs::path per = dir.path / "per.pdf";
    REQUIRE(cjm({"export", kSample, "-o", per.string(), "--per-persona"}).exitCode == 0);
    CHECK(shell("pdfinfo " + shellQuote(per.string())).output.find("Pages:           3") != std::string::npos);
    const fs::path tiles = dir.path / "tiles.pdf";
    REQUIRE(cjm({"export", kSample, "-o", tiles.string(), "--tiles"}).exitCode == 0);
    CHECK(shell("pdfinfo " + shellQuote(tiles.string())).output.find("Pages:           1\n") == std::string::npos);
    // Every tile repeats the stage header: "Awareness" or a later stage's name on each page.
    auto text = shell("pdftotext " + shellQuote(tiles.string()) + " -");
    CHECK(text.output.find("Awareness") != std::string::npos);
    CHECK(text.output.find("Advocacy") != std::string::npos);
}

TEST_CASE("cjm export: PNG, SVG and CSV from the extension or --format", "[cli][export]")
{
    TempDir dir;
    CHECK(cjm({"export", kSample, "-o", (dir.path / "m.png").string(), "--scale", "2"}).exitCode == 0);
    CHECK(readText(dir.path / "m.png").substr(1, 3) == "PNG");
    CHECK(cjm({"export", kSample, "-o", (dir.path / "m.svg").string()}).exitCode == 0);
    CHECK(readText(dir.path / "m.svg").find("<svg") != std::string::npos);
    CHECK(cjm({"export", kSample, "-o", (dir.path / "cards.txt").string(), "--format", "csv"}).exitCode == 0);
    CHECK(readText(dir.path / "cards.txt").rfind("\xEF\xBB\xBFpersona,stage", 0) == 0);
    auto one = cjm({"export", kSample, "-o", (dir.path / "one.csv").string(), "--persona", "nobody"});
    CHECK(one.exitCode == 1);
    CHECK(one.output.find("no persona with the id") != std::string::npos);
}

TEST_CASE("cjm export: clear messages and exit codes for bad input and unwritable output", "[cli][export]")
{
    TempDir dir;
    writeText(dir.path / "bad.cjm", kThreeMistakes);
    auto bad = cjm({"export", (dir.path / "bad.cjm").string(), "-o", (dir.path / "x.pdf").string()});
    CHECK(bad.exitCode == 1);
    CHECK(bad.output.find("/cards/0/stage: there is no stage with the id \"s9\"") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path / "x.pdf"));

    auto unwritable = cjm({"export", kSample, "-o", "/no/such/folder/map.pdf"});
    CHECK(unwritable.exitCode == 1);
    CHECK(unwritable.output.find("Could not write /no/such/folder/map.pdf") != std::string::npos);

    CHECK(cjm({"export", kSample}).exitCode == 2);
    CHECK(cjm({"export", kSample, "-o", (dir.path / "map.docx").string()}).output.find("cannot tell the format") !=
          std::string::npos);
    CHECK(cjm({"export", kSample, "-o", (dir.path / "m.png").string(), "--scale", "9"}).exitCode == 2);
    CHECK(cjm({"export", kSample, "-o", (dir.path / "m.pdf").string(), "--page", "B7"}).exitCode == 2);
    CHECK(cjm({"export", "--help"}).output.find("Usage: cjm export") != std::string::npos);
}

TEST_CASE("cjm export --heat-strip draws the pain heat strip into the export", "[cli][insights]")
{
    TempDir dir;
    const auto plain = dir.path / "plain.png", strip = dir.path / "strip.png";
    REQUIRE(cjm({"export", kSample, "-o", plain.string()}).exitCode == 0);
    REQUIRE(cjm({"export", kSample, "-o", strip.string(), "--heat-strip"}).exitCode == 0);
    CHECK(readText(plain) != readText(strip));
    CHECK(cjm({"export"}).output.find("--heat-strip") != std::string::npos); // the usage names it
}

namespace {

// Text meant to take over a terminal: clear the screen, set the window title,
// colour what follows, a C1 CSI (U+009B), a line separator, and a bidi
// override that would turn the rest of the line around.
const std::string kHostile = "\x1b[2J\x1b]0;owned\x07Title \xc2\x9b"
                             "31m red \u2028 next \u202e reversed \u2066 isolated";

// Everything that reaches the terminal: no control character but '\n' and
// '\t', no DEL, no C1 control, line or paragraph separator, bidi embedding,
// override or isolate. Returns what it found, empty when all is printable.
std::string unprintable(const std::string &output)
{
    std::string found;
    for (std::size_t i = 0; i < output.size(); ++i) {
        const auto c = static_cast<unsigned char>(output[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
            found += "byte " + std::to_string(c) + " at " + std::to_string(i) + "; ";
        if (c == 0xC2 && i + 1 < output.size() && static_cast<unsigned char>(output[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(output[i + 1]) <= 0x9F)
            found += "C1 control at " + std::to_string(i) + "; ";
    }
    for (const char *mark :
         {"\u2028", "\u2029", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"})
        if (output.find(mark) != std::string::npos)
            found += "a separator or bidi control; ";
    return found;
}

bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

// The English sample with kHostile in its title, goal, names and lane kinds.
nlohmann::ordered_json hostileMap()
{
    auto map = nlohmann::ordered_json::parse(readText(kSample));
    map["journey"]["title"] = kHostile;
    map["journey"]["goal"] = "first line\nsecond line " + kHostile;
    map["personas"][0]["name"] = "persona " + kHostile;
    map["stages"][0]["name"] = "stage " + kHostile;
    map["lanes"][0]["kind"] = "x-\x1b[31mkind";
    return map;
}

} // namespace

TEST_CASE("cjm info shows a map's control characters and bidi overrides escaped", "[cli][hostile-text]")
{
    TempDir dir;
    const fs::path file = dir.path / "hostile.cjm";
    writeText(file, hostileMap().dump(2));
    auto run = cjm({"info", file.string()});
    REQUIRE(run.exitCode == 0);
    CHECK(unprintable(run.output).empty());
    CHECK(contains(run.output,
                   "Title:     \\x1b[2J\\x1b]0;owned\\x07Title \\u009b31m red \\u2028 next \\u202e reversed"));
    CHECK(contains(run.output, "Goal:      first line\\nsecond line \\x1b[2J")); // one field, one line
    CHECK(contains(run.output, "persona \\x1b[2J"));
    CHECK(contains(run.output, "stage \\x1b[2J"));
    CHECK(contains(run.output, "x-\\x1b[31mkind: 1"));

    // --json stays JSON that reads back as the map's own text.
    auto json = cjm({"info", file.string(), "--json"});
    REQUIRE(json.exitCode == 0);
    CHECK(unprintable(json.output).empty());
    const auto info = nlohmann::json::parse(json.output);
    CHECK(info["title"] == kHostile);
}

TEST_CASE("cjm validate shows control characters in file names and duplicate keys escaped", "[cli][hostile-text]")
{
    TempDir dir;
    const fs::path named = dir.path / "esc\x1b[31mname.cjm";
    writeText(named, readText(kSample));
    auto valid = cjm({"validate", named.string()});
    CHECK(valid.exitCode == 0);
    CHECK(unprintable(valid.output).empty());
    CHECK(contains(valid.output, "esc\\x1b[31mname.cjm: valid"));

    const fs::path twice = dir.path / "twice.cjm";
    writeText(twice, "{\"format\": \"cjm\", \"version\": 1, \"x-\\u001b[2J\\u202e\": 1, \"x-\\u001b[2J\\u202e\": 2}\n");
    auto duplicate = cjm({"validate", twice.string()});
    CHECK(duplicate.exitCode == 1);
    CHECK(unprintable(duplicate.output).empty());
    CHECK(contains(duplicate.output, "x-\\x1b[2J\\u202e"));
}

TEST_CASE("cjm diff and merge show the maps' control characters escaped", "[cli][hostile-text]")
{
    TempDir dir;
    const fs::path base = dir.path / "base.cjm", ours = dir.path / "ours.cjm", theirs = dir.path / "theirs.cjm";
    auto map = nlohmann::ordered_json::parse(readText(kSample));
    writeText(base, map.dump(2));
    map["journey"]["title"] = "ours " + kHostile;
    map["personas"][0]["name"] = "persona \x7f\u0085 " + kHostile;
    writeText(ours, map.dump(2));
    map["journey"]["title"] = "theirs " + kHostile;
    writeText(theirs, map.dump(2));

    auto diff = cjm({"diff", base.string(), ours.string()});
    CHECK(diff.exitCode == 1);
    CHECK(unprintable(diff.output).empty());
    CHECK(contains(diff.output, "ours \\x1b[2J"));
    CHECK(contains(diff.output, "persona \\x7f\\u0085 \\x1b[2J"));
    auto diffJson = cjm({"diff", base.string(), ours.string(), "--json"});
    CHECK(unprintable(diffJson.output).empty());
    // Still JSON, holding the name exactly.
    CHECK(contains(nlohmann::json::parse(diffJson.output).dump(),
                   nlohmann::json(map["personas"][0]["name"].get<std::string>()).dump()));

    const fs::path merged = dir.path / "merged\x1b[2J.cjm";
    auto merge = cjm({"merge", base.string(), ours.string(), theirs.string(), "-o", merged.string()});
    CHECK(merge.exitCode == 1); // the title is a conflict
    CHECK(unprintable(merge.output).empty());
    CHECK(contains(merge.output, "merged\\x1b[2J.cjm: conflict"));
    CHECK(contains(merge.output, "\\x1b[2J"));
    // Without -o the merged map itself goes to stdout, byte for byte.
    const fs::path toStdout = dir.path / "stdout.cjm";
    const auto piped = shell("(" + shellQuote(CJM_EXECUTABLE) + " merge " + shellQuote(base.string()) + " " +
                             shellQuote(ours.string()) + " " + shellQuote(theirs.string()) + " > " +
                             shellQuote(toStdout.string()) + ")");
    CHECK(piped.exitCode == 1);
    CHECK(readText(toStdout) == readText(merged));
    CHECK(contains(readText(toStdout), "\u0085"));
}

TEST_CASE("cjm import shows the table's control characters escaped", "[cli][hostile-text]")
{
    TempDir dir;
    const fs::path table = dir.path / "cards\x1b]0;t\x07.csv";
    writeText(table, "persona,stage,lane,text,score\n"
                     "Parent,Awareness,emotions,fine,1\n"
                     "Parent,Awareness,emotions,bad,\x1b[2J\u202e\n");
    auto run = cjm({"import", table.string(), "-o", (dir.path / "out.cjm").string()});
    CHECK(run.exitCode == 1);
    CHECK(unprintable(run.output).empty());
    CHECK(contains(run.output, "cards\\x1b]0;t\\x07.csv:3:"));
    CHECK(contains(run.output, "\\x1b[2J\\u202e"));
}

TEST_CASE("log lines quoting a file name show its control characters escaped", "[cli][hostile-text]")
{
    TempDir dir;
    // A temporary file left behind by a save that did not finish: the next
    // save removes it and logs its name.
    const fs::path target = dir.path / "out\x1b[31m.cjm";
    const fs::path leftover = dir.path / ".out\x1b[31m.cjm.AbC123";
    writeText(leftover, "half a map");
    fs::last_write_time(leftover, fs::file_time_type::clock::now() - std::chrono::hours(24));
    auto run = cjm({"-v", "fmt", kSample, "-o", target.string()});
    CHECK(run.exitCode == 0);
    CHECK_FALSE(fs::exists(leftover));
    CHECK(unprintable(run.output).empty());
    CHECK(contains(run.output, "removed " + dir.path.string() + "/.out\\x1b[31m.cjm.AbC123"));
}

// Included here, after every call of the clitest::cjm runner above: its
// namespace cjm would make those calls ambiguous.
#include "cli_commands.hpp"

TEST_CASE("the printable stream never cuts a character in two, however the text arrives", "[cli][hostile-text]")
{
    std::ostringstream target;
    {
        cjm::cli::PrintableStreambuf printable(target.rdbuf());
        std::ostream out(&printable);
        // 门 is three bytes: written one byte at a time with a flush after each,
        // it must come out whole, not as three bytes shown as escapes.
        const std::string text = "门\x1b[2J\u202e" + std::string(70 * 1024, 'x') + "门\n";
        for (const char c : text) {
            out.put(c);
            out.flush();
        }
        out << "tail without a line break: \xe9"; // not UTF-8: shown as an escape at the end
    }
    const std::string expected =
        "门\\x1b[2J\\u202e" + std::string(70 * 1024, 'x') + "门\ntail without a line break: \\xe9";
    CHECK(target.str() == expected);
}

#include "cjm/audit.hpp"

namespace {

// Each touchpoint's text as the audit's rows begin it (a long one is cut
// short with an ellipsis on paper).
std::vector<std::string> touchpointBeginnings(const std::string &map)
{
    auto read = cjm::readDocumentFile(map);
    REQUIRE(read.ok());
    std::vector<std::string> names;
    for (const cjm::AuditEntry &entry : cjm::auditEntries(*read.document))
        names.push_back(entry.card->text.substr(0, 12));
    REQUIRE_FALSE(names.empty());
    return names;
}

} // namespace

TEST_CASE("cjm export --audit-worksheet and --audit make the touchpoint audit without a display",
          "[cli][export][audit]")
{
    TempDir dir;
    ::unsetenv("DISPLAY");
    const fs::path worksheet = dir.path / "ws.pdf", audit = dir.path / "audit.pdf", table = dir.path / "audit.csv";
    REQUIRE(clitest::cjm({"export", kSample, "--audit-worksheet", "-o", worksheet.string()}).exitCode == 0);
    REQUIRE(clitest::cjm({"export", kSample, "--audit", "-o", audit.string()}).exitCode == 0);
    REQUIRE(clitest::cjm({"export", kSample, "--audit", "-o", table.string()}).exitCode == 0);
    for (const fs::path &pdf : {worksheet, audit}) {
        INFO(pdf.string());
        const auto run = shell("pdftotext " + shellQuote(pdf.string()) + " -");
        REQUIRE(run.exitCode == 0);
        // The font draws "fi" and "fl" as ligatures: pdftotext gives them back as one character.
        std::string text = run.output;
        for (const auto &[ligature, letters] : {std::pair<std::string, std::string>{"\uFB01", "fi"}, {"\uFB02", "fl"}})
            for (std::size_t at = text.find(ligature); at != std::string::npos; at = text.find(ligature, at))
                text.replace(at, ligature.size(), letters);
        CHECK(contains(text, pdf == worksheet ? "Touchpoint audit worksheet" : "Touchpoint audit:"));
        for (const std::string &name : touchpointBeginnings(kSample))
            CHECK(contains(text, name));
    }
    const std::string csv = readText(table);
    for (const std::string &name : touchpointBeginnings(kSample))
        CHECK(contains(csv, name));

    // The worksheet is a PDF, the audit a PDF or a table; the map's own options do not mix in.
    CHECK(clitest::cjm({"export", kSample, "--audit-worksheet", "-o", (dir.path / "ws.png").string()}).exitCode == 2);
    CHECK(clitest::cjm({"export", kSample, "--audit", "-o", (dir.path / "a.svg").string()}).exitCode == 2);
    CHECK(clitest::cjm({"export", kSample, "--audit", "--audit-worksheet", "-o", audit.string()}).exitCode == 2);
    auto unwritable = clitest::cjm({"export", kSample, "--audit", "-o", "/no/such/folder/audit.pdf"});
    CHECK(unwritable.exitCode == 1);
    CHECK(contains(unwritable.output, "/no/such/folder/audit.pdf"));
}

TEST_CASE("every option in the generated help has a description", "[cli]")
{
    // The help comes from the one table of options: an option without
    // words would show as its name alone on its line.
    for (const std::string command : {"validate", "info", "fmt", "export", "diff", "merge", "import"}) {
        INFO(command);
        const auto help = clitest::cjm({command, "--help"});
        REQUIRE(help.exitCode == 0);
        CHECK(contains(help.output, "Usage: cjm " + command));
        std::istringstream lines(help.output);
        std::string line, previous;
        bool options = false;
        while (std::getline(lines, line)) {
            if (line == "Options:")
                options = true;
            else if (line.empty())
                options = false;
            else if (options && line.rfind("  -", 0) == 0) {
                // "  --name VALUE   description", or the description on the next line.
                const std::size_t gap = line.find("  ", 2);
                std::string next;
                const bool descriptionBelow = gap == std::string::npos;
                if (descriptionBelow) {
                    REQUIRE(std::getline(lines, next));
                    CHECK(next.find_first_not_of(' ') != std::string::npos);
                } else {
                    CHECK(line.find_first_not_of(' ', gap) != std::string::npos);
                }
            }
        }
    }
    const auto exportHelp = clitest::cjm({"export", "--help"}).output;
    const std::size_t heatStrip = exportHelp.find("--heat-strip");
    REQUIRE(heatStrip != std::string::npos);
    CHECK(exportHelp.substr(heatStrip, exportHelp.find('\n', heatStrip) - heatStrip).find("pain heat strip") !=
          std::string::npos);
}

TEST_CASE("the parser's own messages show the arguments they quote escaped", "[cli][hostile-text]")
{
    // An unknown option, a value outside its choices, an unknown command:
    // each message names what was typed, printable.
    for (const std::vector<std::string> &args :
         {std::vector<std::string>{"fmt", "--bo\x1b[2Jgus", kSample},
          std::vector<std::string>{"export", kSample, "-o", "m.pdf", "--page", "\x1b]0;owned\x07"},
          std::vector<std::string>{"\x1b[31mnope\u202e"}}) {
        const auto run = clitest::cjm(args);
        CHECK(run.exitCode == 2);
        CHECK(unprintable(run.output).empty());
        CHECK((contains(run.output, "\\x1b[2J") || contains(run.output, "\\x1b]0;owned\\x07") ||
               contains(run.output, "\\x1b[31mnope\\u202e")));
    }
}
