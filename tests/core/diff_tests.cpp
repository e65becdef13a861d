#include <catch2/catch.hpp>

#include "cjm/diff.hpp"
#include "test_helpers.hpp"

using namespace cjm;
using namespace cjm::test;

namespace {

Document sample() { return mustRead(readText(std::string(CJM_SAMPLES_DIR) + "/ecommerce-en.cjm")); }

Document read(const Json &json) { return mustRead(json.dump()); }

// The one change a diff of `a` and `b` must find.
Change onlyChange(const Json &a, const Json &b)
{
    auto changes = diffDocuments(read(a), read(b));
    REQUIRE(changes.size() == 1);
    return changes.front();
}

} // namespace

TEST_CASE("diff: a map compared with itself has no changes", "[diff]")
{
    CHECK(diffDocuments(sample(), sample()).empty());
    const auto json = changesToJson({});
    CHECK(json["equal"] == true);
    CHECK(json["changes"].empty());
}

TEST_CASE("diff: journey fields, and the map's own unknown keys", "[diff]")
{
    Json a = minimalMap(), b = minimalMap();
    b["journey"]["title"] = "Second purchase";
    auto c = onlyChange(a, b);
    CHECK(c.type == ChangeType::Changed);
    CHECK(c.entity == DiffEntity::Journey);
    CHECK(c.id == "j1");
    CHECK(c.field == "title");
    CHECK(c.before == Json("First purchase"));
    CHECK(c.after == Json("Second purchase"));
    CHECK(c.description == "journey title changed from \u2018First purchase\u2019 to \u2018Second purchase\u2019");

    b = minimalMap();
    b["journey"]["type"] = "future";
    c = onlyChange(a, b);
    CHECK(c.field == "type");
    CHECK_FALSE(c.before.has_value()); // the default is not written
    CHECK(c.after == Json("future"));
    CHECK(c.description == "journey type set to \u2018future\u2019");

    b = minimalMap();
    b["x-team"] = {{"squad", "growth"}};
    c = onlyChange(a, b);
    CHECK(c.entity == DiffEntity::Map);
    CHECK(c.field == "x-team");
    CHECK(c.id.empty());
}

TEST_CASE("diff: personas, stages and lanes added, removed, renamed and reordered", "[diff]")
{
    Json a = minimalMap(), b = minimalMap();
    b["stages"][1]["name"] = "Checkout";
    auto c = onlyChange(a, b);
    CHECK(c.entity == DiffEntity::Stage);
    CHECK(c.id == "s2");
    CHECK(c.field == "name");
    CHECK(c.description == "stage \u2018Purchase\u2019 renamed to \u2018Checkout\u2019");

    b = minimalMap();
    b["lanes"][0]["title"] = "Where we meet";
    c = onlyChange(a, b);
    CHECK(c.entity == DiffEntity::Lane);
    CHECK(c.description == "lane \u2018Touchpoints\u2019: title set to \u2018Where we meet\u2019");

    b = minimalMap();
    b["personas"].push_back({{"id", "p2"}, {"name", "Student"}});
    c = onlyChange(a, b);
    CHECK(c.type == ChangeType::Added);
    CHECK(c.entity == DiffEntity::Persona);
    CHECK(c.after == b["personas"][1]);
    CHECK(c.description == "persona \u2018Student\u2019 added");
    c = onlyChange(b, a);
    CHECK(c.type == ChangeType::Removed);
    CHECK(c.before == b["personas"][1]);
    CHECK(c.description == "persona \u2018Student\u2019 removed");

    b = minimalMap();
    std::swap(b["stages"][0], b["stages"][1]);
    c = onlyChange(a, b);
    CHECK(c.type == ChangeType::Reordered);
    CHECK(c.entity == DiffEntity::Stage);
    CHECK(c.field == "stages");
    CHECK(c.before == Json::array({"s1", "s2"}));
    CHECK(c.after == Json::array({"s2", "s1"}));
    CHECK(c.description == "stages reordered: Awareness, Purchase \u2192 Purchase, Awareness");

    // Adding at the front is not a reorder of the others.
    b = minimalMap();
    b["lanes"].insert(b["lanes"].begin(), Json{{"id", "l0"}, {"kind", "actions"}});
    c = onlyChange(a, b);
    CHECK(c.type == ChangeType::Added);
    CHECK(c.description == "lane \u2018Actions\u2019 added");
}

TEST_CASE("diff: card fields one by one, unknown keys included", "[diff]")
{
    Json a = minimalMap();
    Json b = minimalMap();
    b["cards"][0]["text"] = "TikTok ad";
    b["cards"][0]["channel"] = "advertising";
    b["cards"][0]["tags"] = {"paid"};
    b["cards"][0]["x-source"] = "survey 2025";
    b["cards"][1].erase("text");
    auto changes = diffDocuments(read(a), read(b));
    REQUIRE(changes.size() == 5);
    CHECK(changes[0].field == "text");
    CHECK(changes[0].description == "card \u2018Instagram ad\u2019 text changed to \u2018TikTok ad\u2019");
    CHECK(changes[1].field == "tags");
    CHECK(changes[1].after == Json::array({"paid"}));
    CHECK(changes[2].field == "channel");
    CHECK(changes[2].description ==
          "card \u2018Instagram ad\u2019: channel changed from \u2018socialMedia\u2019 to \u2018advertising\u2019");
    CHECK(changes[3].field == "x-source");
    CHECK_FALSE(changes[3].before.has_value());
    CHECK(changes[4].id == "c2");
    CHECK(changes[4].field == "text");
    CHECK_FALSE(changes[4].after.has_value());
    CHECK(changes[4].description == "card \u2018anxious\u2019: text removed (was \u2018anxious\u2019)");
    for (const auto &c : changes) {
        CHECK(c.type == ChangeType::Changed);
        CHECK(c.entity == DiffEntity::Card);
    }
}

TEST_CASE("diff: cards added, removed and moved between cells or inside one", "[diff]")
{
    Json a = minimalMap();
    a["personas"].push_back({{"id", "p2"}, {"name", "Student"}});
    Json b = a;
    b["cards"][0]["stage"] = "s2";
    auto c = onlyChange(a, b);
    CHECK(c.type == ChangeType::Moved);
    CHECK(c.field == "cell");
    CHECK(c.before == Json({{"persona", "p1"}, {"stage", "s1"}, {"lane", "l1"}, {"order", 0}}));
    CHECK(c.after == Json({{"persona", "p1"}, {"stage", "s2"}, {"lane", "l1"}, {"order", 0}}));
    CHECK(c.description == "card \u2018Instagram ad\u2019 moved from Awareness to Purchase (Busy parent)");

    b = a;
    b["cards"][0]["persona"] = "p2";
    CHECK(onlyChange(a, b).description ==
          "card \u2018Instagram ad\u2019 moved from persona Busy parent to Student (Awareness)");

    b = a;
    b["cards"][0]["persona"] = "p2";
    b["cards"][0]["stage"] = "s2";
    CHECK(onlyChange(a, b).description ==
          "card \u2018Instagram ad\u2019 moved from Awareness \u00b7 Touchpoints \u00b7 Busy parent to Purchase \u00b7 "
          "Touchpoints \u00b7 Student");

    b = a;
    b["cards"][0]["order"] = 3;
    c = onlyChange(a, b);
    CHECK(c.type == ChangeType::Moved);
    CHECK(c.field == "order");
    CHECK(c.before == Json(0));
    CHECK(c.after == Json(3));

    b = a;
    b["cards"].push_back({{"id", "c3"}, {"persona", "p2"}, {"stage", "s1"}, {"lane", "l1"}, {"text", "Flyer"}});
    c = onlyChange(a, b);
    CHECK(c.type == ChangeType::Added);
    CHECK(c.description == "card \u2018Flyer\u2019 added in Awareness (Student, Touchpoints)");
    c = onlyChange(b, a);
    CHECK(c.type == ChangeType::Removed);
    CHECK(c.description == "card \u2018Flyer\u2019 removed from Awareness (Student, Touchpoints)");

    // The card array's own order means nothing.
    b = a;
    std::swap(b["cards"][0], b["cards"][1]);
    CHECK(diffDocuments(read(a), read(b)).empty());
}

TEST_CASE("diff: as JSON, every record with its kind, id, field and values", "[diff]")
{
    Json a = minimalMap(), b = minimalMap();
    b["cards"][0]["text"] = "Poster";
    const Json json = changesToJson(diffDocuments(read(a), read(b)));
    CHECK(json["equal"] == false);
    REQUIRE(json["changes"].size() == 1);
    const Json &c = json["changes"][0];
    CHECK(c["change"] == "changed");
    CHECK(c["entity"] == "card");
    CHECK(c["id"] == "c1");
    CHECK(c["field"] == "text");
    CHECK(c["old"] == "Instagram ad");
    CHECK(c["new"] == "Poster");
    CHECK(c["description"].get<std::string>().find("Poster") != std::string::npos);
}

TEST_CASE("diff: an emotion's desired score, set, changed and removed, reads as a score", "[diff][desired]")
{
    Json a = minimalMap(), b = minimalMap();
    b["cards"][1]["desired"] = 1;
    auto c = onlyChange(a, b);
    CHECK(c.entity == DiffEntity::Card);
    CHECK(c.field == "desired");
    CHECK_FALSE(c.before.has_value());
    CHECK(c.description == "card \u2018anxious\u2019: desired set to +1");

    a = b;
    b["cards"][1]["desired"] = 3;
    c = onlyChange(a, b);
    CHECK(c.before == Json(1));
    CHECK(c.after == Json(3));
    CHECK(c.description == "card \u2018anxious\u2019: desired changed from +1 to +3");

    a = b;
    b["cards"][1].erase("desired");
    CHECK(onlyChange(a, b).description == "card \u2018anxious\u2019: desired removed (was +3)");

    b = minimalMap();
    b["cards"][1]["score"] = 0;
    CHECK(onlyChange(minimalMap(), b).description == "card \u2018anxious\u2019: score changed from -2 to 0");
}

TEST_CASE("diff and merge: the map's language is a journey field", "[diff][language]")
{
    Json a = minimalMap(), b = minimalMap();
    b["journey"]["language"] = "zh-TW";
    auto c = onlyChange(a, b);
    CHECK(c.entity == DiffEntity::Journey);
    CHECK(c.field == "language");
    CHECK(c.description == "journey language set to \u2018zh-TW\u2019");
    a = b;
    b["journey"]["language"] = "en";
    CHECK(onlyChange(a, b).description == "journey language changed from \u2018zh-TW\u2019 to \u2018en\u2019");
}
