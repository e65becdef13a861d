#include <catch2/catch.hpp>

#include <set>

#include "test_helpers.hpp"
#include "validation.hpp"

using namespace cjm;
using namespace cjm::test;

TEST_CASE("id lookup finds every entity by kind", "[document]")
{
    auto doc = mustRead(minimalMap().dump());
    CHECK(doc.find("j1")->kind == EntityKind::Journey);
    CHECK(doc.persona("p1")->name == "Busy parent");
    CHECK(doc.stage("s2")->name == "Purchase");
    CHECK(doc.stageIndex("s2") == 1u);
    CHECK(doc.lane("l2")->kind == LaneKind::Emotions);
    CHECK(doc.card("c1")->text == "Instagram ad");
    CHECK(doc.persona("s1") == nullptr); // an id of another kind
    CHECK_FALSE(doc.contains("nothing"));
}

TEST_CASE("cell queries return the cell's cards sorted by order, ties in file order", "[document]")
{
    auto map = minimalMap();
    map["cards"] = Json::array();
    for (auto [id, order] : std::vector<std::pair<std::string, int>>{{"a", 2}, {"b", 0}, {"c", 2}, {"d", 1}})
        map["cards"].push_back(Json{{"id", id}, {"persona", "p1"}, {"stage", "s1"}, {"lane", "l1"}, {"order", order}});
    map["cards"].push_back(Json{{"id", "elsewhere"}, {"persona", "p1"}, {"stage", "s2"}, {"lane", "l1"}});
    auto doc = mustRead(map.dump());
    std::vector<std::string> ids;
    for (const Card *card : doc.cardsInCell("p1", "s1", "l1"))
        ids.push_back(card->id);
    CHECK(ids == std::vector<std::string>{"b", "d", "a", "c"});
    CHECK(doc.cardsInCell("p1", "s2", "l2").empty());
}

TEST_CASE("new ids are unique and match the id pattern", "[document]")
{
    auto doc = mustRead(minimalMap().dump());
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {
        auto id = doc.newId("card");
        CHECK(detail::isId(id));
        CHECK_FALSE(doc.contains(id));
        CHECK(seen.insert(id).second);
    }
    CHECK(detail::isId(doc.newId("名前 with spaces")));
    CHECK(detail::isId(doc.newId(std::string(100, 'x'))));
}

TEST_CASE("shared-type checks", "[document]")
{
    CHECK(detail::isDate("2024-02-29"));
    CHECK_FALSE(detail::isDate("2023-02-29"));
    CHECK_FALSE(detail::isDate("2023-13-01"));
    CHECK(detail::isUtcTime("2026-11-23T23:59:59Z"));
    CHECK_FALSE(detail::isUtcTime("2026-11-23T24:00:00Z"));
    CHECK_FALSE(detail::isUtcTime("2026-11-23T10:00:00+01:00"));
    CHECK(detail::isColor("#A0b1C2"));
    CHECK_FALSE(detail::isColor("#abc"));
    CHECK(detail::isWebLink("HTTPS://example.com"));
    CHECK_FALSE(detail::isWebLink("file:///etc/passwd"));
    CHECK_FALSE(detail::isWebLink("javascript:alert(1)"));
}
