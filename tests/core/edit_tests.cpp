#include <catch2/catch.hpp>

#include <random>

#include "cjm/edit.hpp"
#include "test_helpers.hpp"

using namespace cjm;
using namespace cjm::test;

namespace {

Document sample() { return mustRead(readText(std::string(CJM_SAMPLES_DIR) + "/ecommerce-en.cjm")); }

// apply -> changed; revert -> the original bytes; apply again -> the same changed bytes.
std::string checkInvertible(Document &doc, Edit &edit)
{
    const std::string original = writeDocument(doc);
    REQUIRE(edit.apply(doc));
    const std::string changed = writeDocument(doc);
    edit.revert(doc);
    CHECK(writeDocument(doc) == original);
    REQUIRE(edit.apply(doc));
    CHECK(writeDocument(doc) == changed);
    return changed;
}

std::size_t countCards(const Document &doc, const std::string &field, const std::string &id)
{
    std::size_t n = 0;
    for (const auto &c : doc.cards())
        n += (field == "persona" ? c.persona : field == "stage" ? c.stage : c.lane) == id;
    return n;
}

} // namespace

TEST_CASE("add, update, move and remove of each entity kind are invertible", "[edit]")
{
    auto doc = sample();
    Persona persona;
    persona.id = "p-new";
    persona.name = "Student 学生";
    checkInvertible(doc, *addPersona(persona, 1));
    CHECK(doc.personas().at(1).id == "p-new");

    Stage stage;
    stage.id = "s-new";
    stage.name = "Onboarding";
    stage.phase = Phase::After;
    checkInvertible(doc, *addStage(stage, 0));
    CHECK(doc.stages().front().id == "s-new");

    checkInvertible(doc, *addLane(Lane::make("l-new", LaneKind::Barriers), std::nullopt));
    CHECK(doc.lanes().back().kind == LaneKind::Barriers);

    Card card;
    card.id = "c-new";
    card.persona = "p-new";
    card.stage = "s-new";
    card.lane = "l-new";
    card.text = "Price too high";
    card.severity = 3;
    checkInvertible(doc, *addCard(card));
    CHECK(doc.card("c-new")->severity == 3);

    Card changed = *doc.card("c-new");
    changed.text = "Price far too high";
    changed.tags = {"price"};
    checkInvertible(doc, *updateCard(changed));
    CHECK(doc.card("c-new")->text == "Price far too high");

    Persona renamed = *doc.persona("p-new");
    renamed.name = "Graduate";
    checkInvertible(doc, *updatePersona(renamed));
    Stage restaged = *doc.stage("s-new");
    restaged.color = "#112233";
    checkInvertible(doc, *updateStage(restaged));
    Lane relabelled = *doc.lane("l-new");
    relabelled.hidden = true;
    checkInvertible(doc, *updateLane(relabelled));

    Journey journey = doc.journey();
    journey.goal = "More repeat purchases";
    journey.type = MapType::Future;
    checkInvertible(doc, *setJourney(journey));

    checkInvertible(doc, *movePersona("p-new", 0));
    CHECK(doc.personas().front().id == "p-new");
    checkInvertible(doc, *moveStage("s-new", 99)); // clamped to the end
    CHECK(doc.stages().back().id == "s-new");
    checkInvertible(doc, *moveLane("l-new", 0));
    checkInvertible(doc, *moveCard("c-new", doc.personas().back().id, "s-new", "l-new", 4));
    checkInvertible(doc, *removeCard("c-new"));
    CHECK_FALSE(doc.contains("c-new"));
}

TEST_CASE("removing a stage, persona or lane removes its cards, and revert restores them exactly", "[edit]")
{
    auto doc = sample();
    const std::string original = writeDocument(doc);
    const std::string stageId = doc.stages().at(2).id;
    const std::string personaId = doc.personas().at(1).id;
    const std::string laneId = doc.lanes().at(0).id;
    REQUIRE(countCards(doc, "stage", stageId) > 0);

    auto removeS = removeStage(stageId);
    checkInvertible(doc, *removeS);
    CHECK(countCards(doc, "stage", stageId) == 0);
    CHECK_FALSE(doc.contains(stageId));
    removeS->revert(doc);
    CHECK(writeDocument(doc) == original);

    auto removeP = removePersona(personaId);
    checkInvertible(doc, *removeP);
    CHECK(countCards(doc, "persona", personaId) == 0);
    removeP->revert(doc);

    auto removeL = removeLane(laneId);
    checkInvertible(doc, *removeL);
    CHECK(countCards(doc, "lane", laneId) == 0);
    removeL->revert(doc);
    CHECK(writeDocument(doc) == original);
}

TEST_CASE("edits that do not fit the document fail and change nothing", "[edit]")
{
    auto doc = sample();
    const std::string original = writeDocument(doc);
    Card card;
    card.id = doc.cards().front().id; // taken
    card.persona = doc.personas().front().id;
    card.stage = doc.stages().front().id;
    card.lane = doc.lanes().front().id;
    CHECK_FALSE(addCard(card)->apply(doc));
    card.id = "c-fresh";
    card.stage = "no-such-stage";
    CHECK_FALSE(addCard(card)->apply(doc));
    CHECK_FALSE(removeStage("no-such-stage")->apply(doc));
    CHECK_FALSE(moveCard(doc.cards().front().id, "nobody", card.persona, card.lane, 0)->apply(doc));
    CHECK_FALSE(removePersona(doc.stages().front().id)->apply(doc)); // a stage's id is not a persona's
    Persona stranger;
    stranger.id = "nobody";
    CHECK_FALSE(updatePersona(stranger)->apply(doc));

    // A compound whose second part fails undoes its first part.
    std::vector<EditPtr> parts;
    parts.push_back(removeCard(doc.cards().front().id));
    parts.push_back(removeStage("no-such-stage"));
    CHECK_FALSE(compound(std::move(parts), "broken")->apply(doc));
    CHECK(writeDocument(doc) == original);
}

namespace {

// A random edit that fits `doc` now, covering every kind of edit.
EditPtr randomEdit(const Document &doc, std::mt19937 &rng, int serial)
{
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    auto freshId = [&](const char *prefix) { return std::string(prefix) + "-r" + std::to_string(serial); };
    const auto &ps = doc.personas();
    const auto &ss = doc.stages();
    const auto &ls = doc.lanes();
    const auto &cs = doc.cards();
    switch (pick(14)) {
    case 0: {
        Persona p;
        p.id = freshId("p");
        p.name = "Persona " + std::to_string(serial);
        return addPersona(p, pick(ps.size() + 1));
    }
    case 1: {
        Stage s;
        s.id = freshId("s");
        s.name = "阶段 " + std::to_string(serial);
        return addStage(s, pick(ss.size() + 1));
    }
    case 2:
        return addLane(Lane::make(freshId("l"), kKnownLaneKinds[pick(kKnownLaneKinds.size())]), pick(ls.size() + 1));
    case 3:
    case 4: {
        if (ps.empty() || ss.empty() || ls.empty())
            break;
        Card c;
        c.id = freshId("c");
        c.persona = ps[pick(ps.size())].id;
        c.stage = ss[pick(ss.size())].id;
        c.lane = ls[pick(ls.size())].id;
        c.text = "card " + std::to_string(serial);
        c.order = static_cast<std::int64_t>(pick(5));
        c.score = static_cast<int>(pick(7)) - 3;
        return addCard(c, pick(cs.size() + 1));
    }
    case 5:
        if (ps.size() > 1 && pick(4) == 0)
            return removePersona(ps[pick(ps.size())].id);
        break;
    case 6:
        if (ss.size() > 1 && pick(4) == 0)
            return removeStage(ss[pick(ss.size())].id);
        break;
    case 7:
        if (!cs.empty())
            return removeCard(cs[pick(cs.size())].id);
        break;
    case 8:
        if (!cs.empty()) {
            Card c = cs[pick(cs.size())];
            c.text += " edited";
            c.severity = 1 + static_cast<int>(pick(3));
            c.tags.push_back("t" + std::to_string(serial));
            return updateCard(c);
        }
        break;
    case 9:
        if (!cs.empty() && !ps.empty() && !ss.empty()) {
            // Same lane, so a card never lands in an emotions lane without a score.
            const Card &c = cs[pick(cs.size())];
            return moveCard(c.id, ps[pick(ps.size())].id, ss[pick(ss.size())].id, c.lane,
                            static_cast<std::int64_t>(pick(10)));
        }
        break;
    case 10:
        if (!ss.empty())
            return moveStage(ss[pick(ss.size())].id, pick(ss.size()));
        break;
    case 11:
        if (!ps.empty())
            return movePersona(ps[pick(ps.size())].id, pick(ps.size()));
        break;
    case 12: {
        Journey j = doc.journey();
        j.title = "Title " + std::to_string(serial);
        j.reviewIntervalDays = static_cast<int>(pick(100));
        return setJourney(j);
    }
    case 13:
        if (ls.size() > 1 && pick(3) == 0)
            return removeLane(ls[pick(ls.size())].id);
        if (!ls.empty()) {
            Lane l = ls[pick(ls.size())];
            l.hidden = !l.hidden;
            return updateLane(l);
        }
        break;
    }
    return nullptr;
}

} // namespace

TEST_CASE("1,000 random edits: revert all gives the original bytes, re-apply gives the edited bytes", "[edit]")
{
    const unsigned seed = GENERATE(1u, 2u, 3u);
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    auto doc = sample();
    const std::string original = writeDocument(doc);
    std::vector<EditPtr> applied;
    int serial = 0;
    while (applied.size() < 1000) {
        auto edit = randomEdit(doc, rng, ++serial);
        if (edit && edit->apply(doc))
            applied.push_back(std::move(edit));
    }
    const std::string edited = writeDocument(doc);
    REQUIRE(edited != original);
    // The edits keep the map valid, so what the writer wrote reads back.
    CHECK(readDocument(edited).problems.empty());
    for (auto it = applied.rbegin(); it != applied.rend(); ++it)
        (*it)->revert(doc);
    CHECK(writeDocument(doc) == original);
    for (auto &edit : applied)
        REQUIRE(edit->apply(doc));
    CHECK(writeDocument(doc) == edited);
}

TEST_CASE("moving cards into a cell renumbers only what changes", "[edit]")
{
    auto map = test::minimalMap();
    map["cards"] = Json::array();
    for (auto [id, stage, order] : std::vector<std::tuple<std::string, std::string, int>>{
             {"a", "s1", 0}, {"b", "s1", 1}, {"c", "s1", 2}, {"x", "s2", 0}, {"y", "s2", 1}})
        map["cards"].push_back(Json{{"id", id}, {"persona", "p1"}, {"stage", stage}, {"lane", "l1"}, {"order", order}});
    auto doc = mustRead(map.dump());
    auto ids = [&](const std::string &stage) {
        std::vector<std::string> out;
        for (const Card *c : doc.cardsInCell("p1", stage, "l1"))
            out.push_back(c->id);
        return out;
    };
    // x goes between a and b.
    auto edit = moveCardsToCell(doc, {"x"}, "p1", "s1", "l1", 1);
    REQUIRE(edit);
    const std::string before = writeDocument(doc);
    REQUIRE(edit->apply(doc));
    CHECK(ids("s1") == std::vector<std::string>{"a", "x", "b", "c"});
    CHECK(doc.card("a")->order == 0); // untouched
    CHECK(doc.card("c")->order == 3);
    edit->revert(doc);
    CHECK(writeDocument(doc) == before);

    // Two cards to the front of the other cell, in the given order.
    auto two = moveCardsToCell(doc, {"c", "a"}, "p1", "s2", "l1", 0);
    REQUIRE(two->apply(doc));
    CHECK(ids("s2") == std::vector<std::string>{"c", "a", "x", "y"});
    CHECK(ids("s1") == std::vector<std::string>{"b"});
    // Moving a card to where it already is changes nothing.
    CHECK(moveCardsToCell(doc, {"c"}, "p1", "s2", "l1", 0) == nullptr);
    CHECK(moveCardsToCell(doc, {"nope"}, "p1", "s2", "l1", 0) == nullptr);
}

TEST_CASE("adding a card at a position in its cell", "[edit]")
{
    auto doc = mustRead(test::minimalMap().dump());
    Card card;
    card.id = "c-new";
    card.persona = "p1";
    card.stage = "s1";
    card.lane = "l1";
    card.text = "first";
    const std::string before = writeDocument(doc);
    auto edit = addCardToCell(doc, card, 0);
    REQUIRE(edit->apply(doc));
    auto cell = doc.cardsInCell("p1", "s1", "l1");
    REQUIRE(cell.size() == 2);
    CHECK(cell[0]->id == "c-new");
    CHECK(cell[1]->id == "c1");
    CHECK(cell[1]->order == 1);
    edit->revert(doc);
    CHECK(writeDocument(doc) == before);
}
