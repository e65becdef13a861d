#include <catch2/catch.hpp>

#include <set>

#include "cjm/edit.hpp"
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

TEST_CASE("the cell index follows every move, update, undo and removal", "[document]")
{
    // cardsInCell answers from an index kept up to date edit by edit; a scan
    // of all cards is the reference it must always agree with.
    Document doc = cjm::test::mustRead(cjm::test::minimalMap().dump());
    auto scan = [&](const std::string &persona, const std::string &stage, const std::string &lane) {
        std::vector<std::string> ids;
        std::vector<const Card *> cards;
        for (const Card &card : doc.cards())
            if (card.persona == persona && card.stage == stage && card.lane == lane)
                cards.push_back(&card);
        std::stable_sort(cards.begin(), cards.end(), [](const Card *a, const Card *b) { return a->order < b->order; });
        for (const Card *card : cards)
            ids.push_back(card->id);
        return ids;
    };
    auto indexed = [&](const std::string &persona, const std::string &stage, const std::string &lane) {
        std::vector<std::string> ids;
        for (const Card *card : doc.cardsInCell(persona, stage, lane))
            ids.push_back(card->id);
        return ids;
    };
    // More cards, stages and lanes to move between.
    REQUIRE(addStage(Stage{"stage-b", "Second", "", Phase::None, std::nullopt, {}})->apply(doc));
    REQUIRE(addLane(Lane::make("lane-notes", LaneKind::Notes))->apply(doc));
    for (int i = 0; i < 12; ++i) {
        Card card;
        card.id = "extra-" + std::to_string(i);
        card.persona = doc.personas()[0].id;
        card.stage = doc.stages()[static_cast<std::size_t>(i) % doc.stages().size()].id;
        card.lane = i % 3 ? "lane-notes" : doc.lanes()[0].id;
        card.order = i;
        REQUIRE(addCard(card)->apply(doc));
    }
    auto checkAll = [&] {
        for (const Stage &stage : doc.stages())
            for (const Lane &lane : doc.lanes()) {
                INFO(stage.id << " / " << lane.id);
                CHECK(indexed(doc.personas()[0].id, stage.id, lane.id) ==
                      scan(doc.personas()[0].id, stage.id, lane.id));
            }
    };
    checkAll();
    std::vector<EditPtr> done;
    unsigned state = 7;
    for (int step = 0; step < 60; ++step) {
        state = state * 1103515245u + 12345u;
        const Card &card = doc.cards()[(state >> 8) % doc.cards().size()];
        if (doc.cardKind(card) == LaneKind::Emotions)
            continue;
        const std::string stage = doc.stages()[(state >> 4) % doc.stages().size()].id;
        EditPtr edit;
        if (step % 3 == 0) {
            Card changed = card;
            changed.stage = stage;
            changed.text += "!";
            edit = updateCard(changed);
        } else if (step % 3 == 1) {
            edit = moveCard(card.id, card.persona, stage, card.lane, static_cast<std::int64_t>(state % 5));
        } else {
            edit = moveCardsToCell(doc, {card.id}, card.persona, stage, "lane-notes", state % 3);
        }
        if (edit && edit->apply(doc))
            done.push_back(std::move(edit));
        checkAll();
    }
    while (!done.empty()) {
        done.back()->revert(doc);
        done.pop_back();
        checkAll();
    }
    REQUIRE(removeCard("extra-4")->apply(doc));
    checkAll();
}

TEST_CASE("cards in display order: persona, stage, lane in map order, then order, ties in file order", "[document]")
{
    Journey journey;
    journey.id = "j";
    std::vector<Persona> personas(2);
    personas[0].id = "p1";
    personas[1].id = "p2";
    std::vector<Stage> stages(2);
    stages[0].id = "s1";
    stages[1].id = "s2";
    std::vector<Lane> lanes{Lane::make("l1", LaneKind::Touchpoints), Lane::make("l2", LaneKind::Notes)};
    lanes[1].hidden = true; // a hidden lane's cards are in the order all the same
    auto card = [](std::string id, std::string persona, std::string stage, std::string lane, std::int64_t order) {
        Card c;
        c.id = std::move(id);
        c.persona = std::move(persona);
        c.stage = std::move(stage);
        c.lane = std::move(lane);
        c.order = order;
        return c;
    };
    std::vector<Card> cards{
        card("p2s1", "p2", "s1", "l1", 0),         card("p1s2", "p1", "s2", "l1", 0),
        card("hidden", "p1", "s1", "l2", 0),       card("second", "p1", "s1", "l1", 5),
        card("first", "p1", "s1", "l1", 1),        card("tie", "p1", "s1", "l1", 5),
        card("no-persona", "gone", "s2", "l1", 0), // ranks with the first persona
        card("no-stage", "p2", "gone", "l2", 0),   // with the first stage
        card("no-lane", "p2", "s1", "gone", 3),    // with the first lane
    };
    const Document doc = Document::fromParts(journey, personas, stages, lanes, cards);
    std::vector<std::string> ids;
    for (const Card *c : cardsInDisplayOrder(doc))
        ids.push_back(c->id);
    CHECK(ids == std::vector<std::string>{"first", "second", "tie", "hidden", "p1s2", "no-persona", "p2s1", "no-lane",
                                          "no-stage"});
    CHECK(cardsInDisplayOrder(Document{}).empty());
}

TEST_CASE("findEntity finds each kind by id, the journey whatever the id", "[document]")
{
    auto doc = mustRead(minimalMap().dump());
    CHECK(findEntity<Journey>(doc, "")->id == "j1");
    CHECK(findEntity<Persona>(doc, "p1")->name == "Busy parent");
    CHECK(findEntity<Stage>(doc, "s2")->name == "Purchase");
    CHECK(findEntity<Lane>(doc, "l2")->kind == LaneKind::Emotions);
    CHECK(findEntity<Card>(doc, "c1")->text == "Instagram ad");
    CHECK(findEntity<Card>(doc, "p1") == nullptr); // an id of another kind
    CHECK(findEntity<Stage>(doc, "nothing") == nullptr);
}
