#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "cjm/edit.hpp"
#include "test_helpers.hpp"

using namespace cjm;
using namespace cjm::test;

namespace {
std::string dataPath(const std::string &relative) { return std::string(CJM_TEST_DATA_DIR) + "/" + relative; }

std::vector<std::string> linesOf(const std::string &text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}
} // namespace

TEST_CASE("golden cases: input formats to expected, byte for byte", "[writer]")
{
    const std::string name = GENERATE("every-field", "defaults-spelled-out", "unknown-keys");
    INFO(name);
    auto doc = mustRead(readText(dataPath(name + "/input.cjm")));
    CHECK(writeDocument(doc) == readText(dataPath(name + "/expected.cjm")));
}

TEST_CASE("every field survives a round trip", "[writer]")
{
    auto doc = mustRead(readText(dataPath("every-field/input.cjm")));
    const Journey &j = doc.journey();
    CHECK(doc.generator() == "CJM Studio test");
    CHECK(j.title == "Every field 全部字段");
    CHECK(j.type == MapType::Future);
    CHECK(j.language == "zh-Hans-CN"); // written "zh-hans-cn": the conventional case
    CHECK(j.reviewIntervalDays == 90);
    CHECK(j.nextReview == "2027-02-28");
    CHECK(j.created == "2026-01-02T03:04:05Z");
    CHECK(j.modified == "2026-11-23T10:00:00Z");
    const Persona &p = doc.personas().at(0);
    CHECK(p.frustrations == "Hidden fees");
    CHECK(p.color == "#3366cc");
    REQUIRE(p.avatar);
    CHECK(p.avatar->mime == "image/png");
    CHECK(doc.stages().at(0).phase == Phase::Before);
    CHECK(doc.stages().at(0).color == "#ffcc00");
    CHECK(doc.lanes().at(0).hidden);
    CHECK(doc.lanes().at(0).title == "Touchpoints");
    const Card &tp = *doc.card("c-tp");
    CHECK(tp.order == 3);
    CHECK(tp.notes == "Seen on the commute\nsecond line");
    CHECK(tp.tags == std::vector<std::string>{"social", "付费"});
    CHECK(tp.link == "https://example.com/campaign?id=1");
    CHECK(tp.channel == "socialMedia");
    CHECK_FALSE(tp.direct);
    REQUIRE(tp.audit);
    CHECK(tp.audit->simple == 4);
    CHECK(tp.audit->personal == 5);
    CHECK(tp.audit->note == "Checked in store");
    CHECK(tp.audit->reviewed == "2026-10-01");
    REQUIRE(tp.comments.size() == 2);
    CHECK(tp.comments[0].author == "Li Wei");
    CHECK(tp.comments[0].time == "2026-11-20T08:30:00Z");
    CHECK_FALSE(tp.comments[1].author.has_value());
    CHECK(doc.card("c-em")->score == -3);
    CHECK(doc.card("c-em")->desired == 1);
    CHECK(doc.card("c-op")->impact == 3);
    CHECK(doc.card("c-op")->status == OpportunityStatus::InProgress);
    REQUIRE(doc.card("c-kpi")->metric);
    CHECK(doc.card("c-kpi")->metric->value == 62.5);
    CHECK(doc.card("c-kpi")->metric->target == 80);
    CHECK(doc.card("c-kpi")->metric->unit == "%");
    CHECK(doc.card("c-pain")->severity == 3);

    auto again = mustRead(writeDocument(doc));
    CHECK(again == doc);
}

TEST_CASE("saving twice gives identical bytes", "[writer]")
{
    for (const char *name : {"ecommerce-en.cjm", "retail-zh.cjm"}) {
        auto doc = mustRead(readText(std::string(CJM_SAMPLES_DIR) + "/" + name));
        const std::string first = writeDocument(doc);
        CHECK(writeDocument(doc) == first);
        CHECK(writeDocument(mustRead(first)) == first);
    }
}

TEST_CASE("the samples are already in canonical form", "[writer][samples]")
{
    for (const char *name : {"ecommerce-en.cjm", "retail-zh.cjm"}) {
        const std::string bytes = readText(std::string(CJM_SAMPLES_DIR) + "/" + name);
        CHECK(writeDocument(mustRead(bytes)) == bytes);
    }
}

TEST_CASE("output is pretty, UTF-8, newline-terminated, without BOM", "[writer]")
{
    auto map = minimalMap();
    map["journey"]["title"] = "首次购买 😀";
    const std::string bytes = writeDocument(mustRead(map.dump()));
    CHECK(bytes.find("首次购买 😀") != std::string::npos);
    CHECK(bytes.find("\\u") == std::string::npos);
    CHECK(bytes.back() == '\n');
    CHECK(bytes.find('\r') == std::string::npos);
    CHECK(bytes.rfind("{\n  \"format\": \"cjm\",\n  \"version\": 1,\n", 0) == 0);
}

TEST_CASE("moving a card changes only that card's lines", "[writer]")
{
    auto doc = mustRead(readText(std::string(CJM_SAMPLES_DIR) + "/ecommerce-en.cjm"));
    const std::string before = writeDocument(doc);
    const Card card =
        *std::find_if(doc.cards().begin() + 10, doc.cards().end(), [](const Card &c) { return c.order == 0; });
    const std::string otherStage =
        doc.stages().back().id == card.stage ? doc.stages().front().id : doc.stages().back().id;
    auto edit = moveCard(card.id, card.persona, otherStage, card.lane, 7);
    REQUIRE(edit->apply(doc));
    const std::string after = writeDocument(doc);
    auto a = linesOf(before), b = linesOf(after);
    // The card had no "order" line (0 is the default): one line changes, one is added.
    REQUIRE(b.size() == a.size() + 1);
    std::vector<std::string> changed;
    std::size_t i = 0, k = 0;
    while (i < a.size() && k < b.size()) {
        if (a[i] == b[k]) {
            ++i;
            ++k;
        } else if (b[k].find("\"order\"") != std::string::npos) {
            changed.push_back(b[k++]);
        } else {
            changed.push_back(b[k]);
            ++i;
            ++k;
        }
    }
    CHECK(changed == std::vector<std::string>{"      \"stage\": \"" + otherStage + "\",", "      \"order\": 7,"});
}

TEST_CASE("a file that spells out defaults means the same as one that does not", "[writer]")
{
    auto spelled = mustRead(readText(dataPath("defaults-spelled-out/input.cjm")));
    auto canonical = mustRead(readText(dataPath("defaults-spelled-out/expected.cjm")));
    CHECK(spelled == canonical);
}

TEST_CASE("unknown keys at every level come back", "[writer]")
{
    auto doc = mustRead(readText(dataPath("unknown-keys/input.cjm")));
    const std::string bytes = writeDocument(doc);
    for (const char *key : {"zTopLevel", "aLastKey", "x-journey", "x-persona", "x-stage", "x-lane", "x-card", "x-audit",
                            "x-metric", "x-image", "x-comment", "journeyPhotos"}) {
        INFO(key);
        CHECK(bytes.find(std::string("\"") + key + "\"") != std::string::npos);
    }
}

TEST_CASE("the model's defaults are the format's: a default entity writes only what is required", "[writer]")
{
    Card card;
    card.id = "c";
    card.persona = "p";
    card.stage = "s";
    card.lane = "l";
    CHECK(cardToJson(card) == Json{{"id", "c"}, {"persona", "p"}, {"stage", "s"}, {"lane", "l"}});
    card.impact = 3;
    card.severity = 1;
    CHECK(cardToJson(card)["impact"] == 3);
    CHECK(cardToJson(card)["severity"] == 1);
    Journey journey;
    journey.id = "j";
    CHECK(journeyToJson(journey) == Json{{"id", "j"}});
    CHECK(laneToJson(Lane::make("l", LaneKind::Notes)) == Json{{"id", "l"}, {"kind", "notes"}});
    Stage stage;
    stage.id = "s";
    CHECK(stageToJson(stage) == Json{{"id", "s"}, {"name", ""}});
    View view;
    view.id = "v";
    CHECK(viewToJson(view) == Json{{"id", "v"}, {"name", ""}});
}
