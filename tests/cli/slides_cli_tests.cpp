// cjm export --slides, and the text of every PDF as typed: no ligature code
// points, no words hidden under a clip, no words in a language the map is
// not in (issue #17).

#include <cctype>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "cli_test_support.hpp"

using namespace clitest;

namespace {

const std::string kEnglishSample = std::string(CJM_SAMPLES_DIR) + "/ecommerce-en.cjm";
const std::string kChinese = std::string(CJM_SAMPLES_DIR) + "/retail-zh.cjm";

std::string pdfText(const fs::path &pdf, const std::string &options = "")
{
    auto run = shell("pdftotext -enc UTF-8 " + options + " " + shellQuote(pdf.string()) + " -");
    REQUIRE(run.exitCode == 0);
    return run.output;
}

std::string withoutSpace(const std::string &text)
{
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            out += c;
    return out;
}

int pageCount(const fs::path &pdf)
{
    const auto info = shell("pdfinfo " + shellQuote(pdf.string()));
    std::smatch match;
    REQUIRE(std::regex_search(info.output, match, std::regex("Pages:\\s+(\\d+)")));
    return std::stoi(match[1]);
}

// The Latin words of a text, lower case.
std::set<std::string> latinWords(const std::string &text)
{
    std::set<std::string> words;
    const std::regex word("[A-Za-z]{2,}");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
        std::string w = it->str();
        for (char &c : w)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        words.insert(w);
    }
    return words;
}

} // namespace

TEST_CASE("cjm export --slides: 16:9 pages holding every card's whole text", "[cli][slides]")
{
    TempDir dir;
    const fs::path pdf = dir.path / "deck.pdf";
    auto run = cjm({"export", kChinese, "-o", pdf.string(), "--slides"});
    REQUIRE(run.exitCode == 0);
    const auto info = shell("pdfinfo " + shellQuote(pdf.string()));
    CHECK(info.output.find("960 x 540 pts") != std::string::npos);
    const auto map = nlohmann::json::parse(readText(kChinese));
    CHECK(pageCount(pdf) >= static_cast<int>(map["personas"].size()));
    // In drawing order each card's lines come one after another.
    const std::string text = withoutSpace(pdfText(pdf, "-raw"));
    for (const auto &card : map["cards"]) {
        // A feeling's words too: wrapped whole under its face on a slide.
        const std::string words = withoutSpace(card["text"].get<std::string>());
        INFO(words);
        CHECK(text.find(words) != std::string::npos);
    }
    // Each slide names the map, its persona and its stages.
    CHECK(text.find(withoutSpace(map["journey"]["title"].get<std::string>() + " · " +
                                 map["personas"][0]["name"].get<std::string>())) != std::string::npos);

    const fs::path narrow = dir.path / "narrow.pdf";
    REQUIRE(cjm({"export", kChinese, "-o", narrow.string(), "--slides", "--aspect", "4:3"}).exitCode == 0);
    CHECK(shell("pdfinfo " + shellQuote(narrow.string())).output.find("720 x 540 pts") != std::string::npos);
    CHECK(pageCount(narrow) >= pageCount(pdf));

    // The English sample's feelings are longer than a line under their face
    // ("Delivery fee shown only at checkout"): whole on the slides too.
    const fs::path english = dir.path / "english.pdf";
    REQUIRE(cjm({"export", kEnglishSample, "-o", english.string(), "--slides"}).exitCode == 0);
    const std::string englishText = withoutSpace(pdfText(english, "-raw"));
    const auto englishMap = nlohmann::json::parse(readText(kEnglishSample));
    for (const auto &card : englishMap["cards"]) {
        const std::string words = withoutSpace(card["text"].get<std::string>());
        INFO(words);
        CHECK(englishText.find(words) != std::string::npos);
    }
}

TEST_CASE("cjm export --slides: clear messages for options that do not fit", "[cli][slides]")
{
    TempDir dir;
    auto png = cjm({"export", kChinese, "-o", (dir.path / "m.png").string(), "--slides"});
    CHECK(png.exitCode == 2);
    CHECK(png.output.find("slides are a PDF") != std::string::npos);
    auto aspect = cjm({"export", kChinese, "-o", (dir.path / "m.pdf").string(), "--aspect", "4:3"});
    CHECK(aspect.exitCode == 2);
    CHECK(aspect.output.find("add --slides") != std::string::npos);
    auto shape = cjm({"export", kChinese, "-o", (dir.path / "m.pdf").string(), "--slides", "--aspect", "3:2"});
    CHECK(shape.exitCode != 0);
    CHECK_FALSE(fs::exists(dir.path / "m.pdf"));
    auto both = cjm({"export", kChinese, "-o", (dir.path / "m.pdf").string(), "--slides", "--tiles"});
    CHECK(both.exitCode != 0);
    auto help = cjm({"export", "--help"});
    CHECK(help.output.find("--slides") != std::string::npos);
    CHECK(help.output.find("--aspect") != std::string::npos);
}

TEST_CASE("cjm export --help says what the slides and formats are, as README does", "[cli][slides][help]")
{
    // The help's words with its line wrapping undone.
    const auto flat = [](const std::string &text) {
        std::string out;
        for (const char c : text)
            if (!std::isspace(static_cast<unsigned char>(c)))
                out += c;
            else if (!out.empty() && out.back() != ' ')
                out += ' ';
        return out;
    };
    const std::string help = flat(cjm({"export", "--help"}).output);
    // Card text on slides is the card font's 13 pt (SlidePage::cardTextPoints at scale 1).
    CHECK(help.find("card text 13 pt") != std::string::npos);
    CHECK(help.find("12 pt") == std::string::npos);
    CHECK(help.find("no word under 9 pt") != std::string::npos);
    CHECK(help.find("PowerPoint slides") != std::string::npos);
    CHECK(help.find("Excel workbook") != std::string::npos);
    const std::string commands = flat(cjm({"--help"}).output);
    const std::size_t line = commands.find("export ");
    REQUIRE(line != std::string::npos);
    CHECK(commands.find("PowerPoint", line) != std::string::npos);
}

TEST_CASE("cjm export: PDF text is the text as typed, without ligatures", "[cli][slides][pdf-text]")
{
    TempDir dir;
    for (const std::vector<std::string> &layout :
         {std::vector<std::string>{}, {"--tiles"}, {"--slides"}, {"--per-persona"}}) {
        const fs::path pdf = dir.path / "en.pdf";
        std::vector<std::string> args{"export", kEnglishSample, "-o", pdf.string()};
        args.insert(args.end(), layout.begin(), layout.end());
        REQUIRE(cjm(args).exitCode == 0);
        const std::string text = pdfText(pdf);
        INFO((layout.empty() ? std::string("fitted") : layout[0]));
        CHECK(text.find("confirmation") != std::string::npos);
        // U+FB00..U+FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) in UTF-8: EF AC 80..86.
        CHECK(std::regex_search(text, std::regex("\xEF\xAC[\x80-\x86]")) == false);
    }
}

TEST_CASE("cjm export --tiles: each card's words on one page only", "[cli][slides][pdf-text]")
{
    TempDir dir;
    const fs::path pdf = dir.path / "tiles.pdf";
    REQUIRE(cjm({"export", kEnglishSample, "-o", pdf.string(), "--tiles"}).exitCode == 0);
    const int pages = pageCount(pdf);
    REQUIRE(pages > 1);
    std::vector<std::string> pageTexts;
    for (int p = 1; p <= pages; ++p)
        pageTexts.push_back(withoutSpace(pdfText(pdf, "-raw -f " + std::to_string(p) + " -l " + std::to_string(p))));
    const auto map = nlohmann::json::parse(readText(kEnglishSample));
    std::set<std::string> emotionLanes;
    for (const auto &lane : map["lanes"])
        if (lane["kind"] == "emotions")
            emotionLanes.insert(lane["id"].get<std::string>());
    std::vector<std::string> texts;
    for (const auto &card : map["cards"])
        texts.push_back(withoutSpace(card["text"].get<std::string>()));
    int checked = 0;
    for (const auto &card : map["cards"]) {
        if (emotionLanes.count(card["lane"].get<std::string>()))
            continue;
        const std::string words = withoutSpace(card["text"].get<std::string>());
        // A short text may also be a word the program writes (the channel
        // "Live chat"); a text that is also (part of) another card's cannot
        // be told apart.
        if (words.size() < 12 || std::count_if(texts.begin(), texts.end(), [&](const std::string &other) {
                                     return other.find(words) != std::string::npos;
                                 }) > 1)
            continue;
        int found = 0;
        for (const std::string &page : pageTexts)
            for (std::size_t at = page.find(words); at != std::string::npos; at = page.find(words, at + 1))
                ++found;
        INFO(words);
        CHECK(found == 1);
        ++checked;
    }
    CHECK(checked > 20);
    // A lane's label is on a page only with its row: never more often than
    // the pages, and the whole map's lanes each at least once.
    for (const auto &lane : map["lanes"]) {
        if (!lane.contains("title"))
            continue;
        int found = 0;
        for (const std::string &page : pageTexts)
            found += page.find(withoutSpace(lane["title"].get<std::string>())) != std::string::npos;
        CHECK(found >= 1);
    }
}

TEST_CASE("cjm export: a zh-TW map exported under an English locale has no English words the program added",
          "[cli][slides][language]")
{
    TempDir dir;
    auto map = nlohmann::ordered_json::parse(readText(kChinese));
    map["journey"]["language"] = "zh-TW";
    const fs::path file = dir.path / "zh-tw.cjm";
    writeText(file, map.dump(2));
    // Every Latin word the map itself holds (ids, channel ids, its own text) may appear.
    const std::set<std::string> own = latinWords(readText(file));
    for (const std::vector<std::string> &layout : {std::vector<std::string>{}, {"--slides"}, {"--tiles"}}) {
        const fs::path pdf = dir.path / "out.pdf";
        std::string command = "LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 LANGUAGE=en " + shellQuote(CJM_EXECUTABLE) +
                              " export " + shellQuote(file.string()) + " -o " + shellQuote(pdf.string()) +
                              " --heat-strip";
        for (const std::string &option : layout)
            command += " " + option;
        REQUIRE(shell(command).exitCode == 0);
        INFO((layout.empty() ? std::string("fitted") : layout[0]));
        for (const std::string &word : latinWords(pdfText(pdf))) {
            INFO(word);
            CHECK(own.count(word) == 1);
        }
        // The program's words are there, in Traditional Chinese: the phase chips.
        CHECK(pdfText(pdf).find("購買前") != std::string::npos);
    }
}

TEST_CASE("cjm export --view: the slides of a view saved in the map, or a built-in one", "[cli][slides][views]")
{
    TempDir dir;
    auto map = nlohmann::ordered_json::parse(readText(kChinese));
    const std::string persona = map["personas"][1]["id"];
    const std::string first = map["stages"][1]["id"], last = map["stages"][2]["id"];
    map["views"] = nlohmann::ordered_json::array({{{"id", "view-board"},
                                                   {"name", "Board deck"},
                                                   {"personas", {persona}},
                                                   {"stages", {{"from", first}, {"to", last}}},
                                                   {"layout", "slides"},
                                                   {"aspect", "4:3"},
                                                   {"hideEmptyLanes", true}}});
    const fs::path file = dir.path / "views.cjm";
    writeText(file, map.dump(2));
    const fs::path pdf = dir.path / "board.pdf";
    auto run = cjm({"export", file.string(), "-o", pdf.string(), "--view", "Board deck"});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(shell("pdfinfo " + shellQuote(pdf.string())).output.find("720 x 540 pts") != std::string::npos);
    const std::string text = withoutSpace(pdfText(pdf, "-raw"));
    // Only that persona, only those stages.
    CHECK(text.find(withoutSpace(map["personas"][1]["name"].get<std::string>())) != std::string::npos);
    CHECK(text.find(withoutSpace(map["personas"][0]["name"].get<std::string>())) == std::string::npos);
    CHECK(text.find(withoutSpace(map["stages"][0]["name"].get<std::string>())) == std::string::npos);
    CHECK(text.find(withoutSpace(map["stages"][1]["name"].get<std::string>())) != std::string::npos);
    // --aspect wins over the view's shape.
    REQUIRE(cjm({"export", file.string(), "-o", pdf.string(), "--view", "view-board", "--aspect", "16:9"}).exitCode ==
            0);
    CHECK(shell("pdfinfo " + shellQuote(pdf.string())).output.find("960 x 540 pts") != std::string::npos);
    // A built-in view needs no saving.
    REQUIRE(cjm({"export", kChinese, "-o", pdf.string(), "--view", "One persona per slide set"}).exitCode == 0);
    CHECK(pageCount(pdf) >= 3);
    // An unknown view: exit 1, the map's views named, nothing written.
    const fs::path none = dir.path / "none.pdf";
    auto unknown = cjm({"export", file.string(), "-o", none.string(), "--view", "Nope"});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.output.find("no view named 'Nope'") != std::string::npos);
    CHECK(unknown.output.find("Board deck") != std::string::npos);
    CHECK_FALSE(fs::exists(none));
}

TEST_CASE("cjm export --format names every format it writes", "[cli][slides]")
{
    TempDir dir;
    const fs::path out = dir.path / "deck.bin";
    auto pdf = cjm({"export", kChinese, "-o", out.string(), "--format", "pdf", "--slides"});
    CHECK(pdf.exitCode == 0);
    auto pptx = cjm({"export", kChinese, "-o", out.string(), "--format", "pptx"});
    INFO(pptx.output);
    CHECK(pptx.exitCode == 0);
    CHECK(cjm({"export", "--help"}).output.find("pptx or xlsx") != std::string::npos);
}
