#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "cjm/edit.hpp"
#include "image_header.hpp"
#include "test_helpers.hpp"
#include "validation.hpp"

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

// A small map whose few cells fill up fast: two personas, two stages, lanes
// of four kinds (one from a newer version), cards with every kind of field.
// With `nearTheLimits`, the cells hold orders near both ends of what a file
// may hold, so edits that place cards after a cell's last one run out.
Document denseMap(bool nearTheLimits)
{
    Json map = test::minimalMap();
    map["personas"].push_back(Json{{"id", "p2"}, {"name", "Student"}, {"color", "#336699"}});
    map["lanes"].push_back(Json{{"id", "l3"}, {"kind", "journeyMoments"}, {"x-new", {1, 2}}});
    map["lanes"].push_back(Json{{"id", "l4"}, {"kind", "opportunities"}});
    map["cards"] = Json::array();
    const char *lanes[] = {"l1", "l2", "l3", "l4"};
    for (int i = 0; i < 24; ++i) {
        Json card{{"id", "c" + std::to_string(i)},
                  {"persona", i % 2 ? "p1" : "p2"},
                  {"stage", i % 4 < 2 ? "s1" : "s2"},
                  {"lane", lanes[i % 3 == 0 ? 1 : i % 4]},
                  {"text", "card " + std::to_string(i)}};
        if (nearTheLimits)
            card["order"] = i % 3 == 0 ? kMaxCardOrder - i % 5 : i % 3 == 1 ? kMaxCardOrder : i % 4;
        else
            card["order"] = i;
        if (card["lane"] == "l2" || i % 5 == 0)
            card["score"] = i % 7 - 3;
        if (i % 6 == 1)
            card["audit"] = Json{{"simple", 4}, {"note", "ok"}, {"reviewed", "2024-02-29"}};
        if (i % 6 == 2)
            card["metric"] = Json{{"value", 0.25}, {"target", 3}, {"unit", "%"}};
        if (i % 6 == 3)
            card["comments"] =
                Json::array({Json{{"author", "Li"}, {"text", "评论"}, {"time", "2026-03-01T08:00:00Z"}}});
        if (i % 6 == 4)
            card["tags"] = Json::array({"a", "b"});
        if (i % 6 == 5)
            card["x-later"] = Json{{"kept", true}};
        if (i % 8 == 0)
            card["link"] = "https://example.com/" + std::to_string(i);
        map["cards"].push_back(std::move(card));
    }
    return mustRead(map.dump());
}

struct Attempt {
    Attempt(EditPtr e = nullptr, bool fails = false, std::vector<CellKey> full = {})
        : edit(std::move(e)), mustFail(fails), fullCells(std::move(full))
    {
    }
    EditPtr edit;
    bool mustFail = false;          // it asks for something a map may not hold
    std::vector<CellKey> fullCells; // cells it adds to after their last card, which have no orders left
};

// A random edit for `doc`, covering every kind of edit and the cell-order
// functions. Most fit; some ask for what the reader would refuse or read
// back differently, and those must be refused.
Attempt randomEdit(const Document &doc, std::mt19937 &rng, int serial)
{
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    auto freshId = [&](const char *prefix) { return std::string(prefix) + "-r" + std::to_string(serial); };
    const auto &ps = doc.personas();
    const auto &ss = doc.stages();
    const auto &ls = doc.lanes();
    const auto &cs = doc.cards();
    auto needsScore = [&](const std::string &lane) { return doc.lane(lane)->kind == LaneKind::Emotions; };
    // A new card in a random cell, scored where it must be.
    auto newCard = [&](const std::string &suffix) {
        Card c;
        c.id = freshId("c") + suffix;
        c.persona = ps[pick(ps.size())].id;
        c.stage = ss[pick(ss.size())].id;
        c.lane = ls[pick(ls.size())].id;
        c.text = "card " + std::to_string(serial);
        if (needsScore(c.lane) || pick(2) == 0)
            c.score = static_cast<int>(pick(7)) - 3;
        return c;
    };
    auto unscored = [&]() -> const Card * {
        for (std::size_t tries = 0; tries < 20 && !cs.empty(); ++tries)
            if (const Card &c = cs[pick(cs.size())]; !c.score)
                return &c;
        return nullptr;
    };
    const bool haveCells = !ps.empty() && !ss.empty() && !ls.empty();
    switch (pick(26)) {
    case 0: {
        Persona p;
        p.id = freshId("p");
        p.name = "Persona " + std::to_string(serial);
        return {addPersona(p, pick(ps.size() + 1))};
    }
    case 1: {
        Stage s;
        s.id = freshId("s");
        s.name = "阶段 " + std::to_string(serial);
        return {addStage(s, pick(ss.size() + 1))};
    }
    case 2:
        return {addLane(Lane::make(freshId("l"), kKnownLaneKinds[pick(kKnownLaneKinds.size())]), pick(ls.size() + 1))};
    case 3:
    case 4: {
        if (!haveCells)
            break;
        // An order of the card's own: small, or at the top of the range.
        Card c = newCard("");
        c.order = pick(2) ? static_cast<std::int64_t>(pick(5)) : kMaxCardOrder - static_cast<std::int64_t>(pick(3));
        return {addCard(c, pick(cs.size() + 1))};
    }
    case 5:
        if (ps.size() > 1 && pick(4) == 0)
            return {removePersona(ps[pick(ps.size())].id)};
        break;
    case 6:
        if (ss.size() > 1 && pick(4) == 0)
            return {removeStage(ss[pick(ss.size())].id)};
        break;
    case 7:
        if (!cs.empty())
            return {removeCard(cs[pick(cs.size())].id)};
        break;
    case 8:
        if (!cs.empty()) {
            Card c = cs[pick(cs.size())];
            if (serial % 3 == 0) // typing: one field (no draw, so the seeds keep their sequences)
                return {setField(fields::card::text, c.id, c.text + " typed")};
            c.text += " edited";
            c.severity = 1 + static_cast<int>(pick(3));
            c.tags.push_back("t" + std::to_string(serial));
            if (pick(3) == 0)
                c.unknown["x-note"] = Json{{"by", "test"}, {"n", serial}};
            return {updateCard(c)};
        }
        break;
    case 9:
        if (!cs.empty() && !ps.empty() && !ss.empty()) {
            // Same lane, so a card never lands in an emotions lane without a score.
            const Card &c = cs[pick(cs.size())];
            const std::int64_t order =
                pick(2) ? static_cast<std::int64_t>(pick(10)) : kMaxCardOrder - static_cast<std::int64_t>(pick(3));
            return {moveCard(c.id, ps[pick(ps.size())].id, ss[pick(ss.size())].id, c.lane, order)};
        }
        break;
    case 10:
        if (!ss.empty())
            return {moveStage(ss[pick(ss.size())].id, pick(ss.size()))};
        break;
    case 11:
        if (!ps.empty())
            return {movePersona(ps[pick(ps.size())].id, pick(ps.size()))};
        break;
    case 12: {
        Journey j = doc.journey();
        j.title = "Title " + std::to_string(serial);
        j.reviewIntervalDays = static_cast<int>(pick(100));
        j.nextReview = pick(2) ? "2024-02-29" : "2026-12-31";
        return {setJourney(j)};
    }
    case 13:
        if (ls.size() > 1 && pick(3) == 0)
            return {removeLane(ls[pick(ls.size())].id)};
        if (!ls.empty()) {
            Lane l = ls[pick(ls.size())];
            l.hidden = !l.hidden;
            return {updateLane(l)};
        }
        break;
    case 14:
    case 15:
    case 23:
    case 24: {
        // Duplicate and paste: one to three cards after the last of their cells.
        if (!haveCells)
            break;
        std::vector<Card> cards;
        const std::size_t n = 1 + pick(3);
        // Half the time a copy of a card in its own cell, as Duplicate makes.
        Card first = !cs.empty() && pick(2) ? cs[pick(cs.size())] : newCard("a");
        for (std::size_t k = 0; k < n; ++k) {
            Card c = k == 0 || pick(2) ? first : newCard("");
            c.id = freshId("c") + "-" + std::to_string(k);
            cards.push_back(std::move(c));
        }
        std::vector<CellKey> full;
        for (const Card &c : cards) {
            const auto cell = doc.cardsInCell(c.persona, c.stage, c.lane);
            const auto adding = std::count_if(cards.begin(), cards.end(), [&](const Card &o) {
                return o.persona == c.persona && o.stage == c.stage && o.lane == c.lane;
            });
            if (!cell.empty() && !firstOrderAfter(cell.back()->order, static_cast<std::size_t>(adding)))
                full.push_back({c.persona, c.stage, c.lane});
        }
        return {addCardsAtEnd(doc, std::move(cards)), false, std::move(full)};
    }
    case 16:
        if (haveCells)
            return {addCardToCell(doc, newCard(""), pick(4))};
        break;
    case 17: {
        // Drag: cards of one lane to another cell of that lane, at a position.
        if (cs.empty() || ps.empty() || ss.empty())
            break;
        const Card &c = cs[pick(cs.size())];
        std::vector<std::string> ids{c.id};
        for (const Card *other : doc.cardsInCell(c.persona, c.stage, c.lane))
            if (other != &c && pick(2) == 0)
                ids.push_back(other->id);
        auto edit = moveCardsToCell(doc, ids, ps[pick(ps.size())].id, ss[pick(ss.size())].id, c.lane, pick(5));
        return {std::move(edit)};
    }
    // What a map may not hold: each must be refused.
    case 18: {
        if (cs.empty())
            break;
        Card c = cs[pick(cs.size())];
        switch (pick(12)) {
        case 0: c.order = -1 - static_cast<std::int64_t>(pick(3)); break;
        case 1: c.color = "red"; break;
        case 2: c.score = pick(2) ? 4 : -4; break;
        case 3: c.text = "broken \xff UTF-8"; break;
        case 4: c.link = "javascript:alert(1)"; break;
        case 5: c.unknown["text"] = "a known key kept as unknown would be written twice"; break;
        case 6: c.metric = Metric{std::nan(""), 1.0, std::nullopt, {}}; break;
        case 7: c.audit = Audit{6, 0, 0, 0, 0, 0, {}, std::nullopt, {}}; break;
        case 8: c.comments.push_back(Comment{std::nullopt, "hi", "2026-13-01T00:00:00Z", {}}); break;
        case 9: c.severity = 0; break;
        case 10: c.tags.push_back(std::string(1024 * 1024 + 1, 't')); break;
        default: c.image = Image{"image/png", "bm90IGEgcGljdHVyZQ==", {}}; break;
        }
        return {updateCard(c), true};
    }
    case 19: {
        if (cs.empty())
            break;
        const Card &c = cs[pick(cs.size())];
        return {moveCard(c.id, c.persona, c.stage, c.lane, -1 - static_cast<std::int64_t>(pick(kMaxCardOrder))), true};
    }
    case 20: {
        // An emotion without a score: added, moved in, or made by changing the lane's kind.
        std::vector<const Lane *> emotions;
        for (const Lane &l : ls)
            if (l.kind == LaneKind::Emotions)
                emotions.push_back(&l);
        const Card *c = unscored();
        if (!c || ps.empty() || ss.empty())
            break;
        if (emotions.empty() || pick(3) == 0) {
            Lane l = *doc.lane(c->lane);
            if (l.kind == LaneKind::Emotions)
                break;
            l.kind = LaneKind::Emotions;
            return {updateLane(l), true};
        }
        const std::string &lane = emotions[pick(emotions.size())]->id;
        if (pick(2))
            return {moveCard(c->id, c->persona, c->stage, lane, 0), true};
        Card added = newCard("");
        added.lane = lane;
        added.score.reset();
        return {addCard(added), true};
    }
    case 21: {
        Journey j = doc.journey();
        switch (pick(4)) {
        case 0: j.nextReview = "2026-02-30"; break;
        case 1: j.reviewIntervalDays = 3651; break;
        case 2: j.created = "2026-01-01 10:00"; break;
        default: j.id = "not an id"; break;
        }
        return {setJourney(j), true};
    }
    case 22: {
        switch (pick(4)) {
        case 0: {
            Persona p;
            p.id = std::string(65, 'p');
            return {addPersona(p), true};
        }
        case 1: {
            if (cs.empty())
                break;
            Stage s;
            s.id = cs[pick(cs.size())].id; // taken by a card
            return {addStage(s), true};
        }
        case 2: {
            Lane l = Lane::make(freshId("l"), LaneKind::Unknown);
            l.kindName.clear();
            return {addLane(l), true};
        }
        default: {
            if (ss.empty())
                break;
            Stage s = ss[pick(ss.size())];
            s.color = "#12345";
            return {updateStage(s), true};
        }
        }
        break;
    }
    default: {
        // A lane of a kind from a newer version, which the reader keeps.
        Lane l = Lane::make(freshId("l"), LaneKind::Unknown);
        l.kindName = "journeyMoments";
        return {addLane(l, pick(ls.size() + 1))};
    }
    }
    return {};
}

} // namespace

namespace {

// Lowers the limits edits keep to while it lives.
class LimitsForEdits {
public:
    explicit LimitsForEdits(const ReadLimits &limits) : m_previous(detail::editLimits())
    {
        detail::setEditLimits(limits);
    }
    ~LimitsForEdits() { detail::setEditLimits(m_previous); }
    LimitsForEdits(const LimitsForEdits &) = delete;
    LimitsForEdits &operator=(const LimitsForEdits &) = delete;

private:
    ReadLimits m_previous;
};

std::size_t countValues(const Json &v)
{
    std::size_t n = 1;
    if (v.is_structured())
        for (const auto &child : v)
            n += countValues(child);
    return n;
}

// What edits count of a map's file (detail::fileCost) is at least what the
// writer writes, in bytes and in values as the reader counts them, and not
// wildly more.
std::string fileCostDifference(const Document &doc)
{
    const std::string bytes = writeDocument(doc);
    const detail::FileCost cost = detail::fileCost(doc);
    const std::size_t values = countValues(Json::parse(bytes));
    if (cost.bytes < bytes.size() || cost.values < values || cost.bytes > 2 * bytes.size() || cost.values != values)
        return "counted " + std::to_string(cost.bytes) + " bytes and " + std::to_string(cost.values) + " values; " +
               "the file has " + std::to_string(bytes.size()) + " bytes and " + std::to_string(values) + " values";
    return {};
}

// Applies random edits to `doc` until `count` have applied. Each one that
// must be refused is, and changes nothing; with `checkEach`, every map reached
// saves and reads back equal, and a cell that ran out of orders is 0, 1, 2...
// Returns the applied edits, in order.
std::vector<EditPtr> randomEdits(Document &doc, unsigned seed, std::size_t count, bool checkEach, int &renumbered)
{
    std::mt19937 rng(seed);
    std::vector<EditPtr> applied;
    int serial = 0, refused = 0;
    while (applied.size() < count) {
        Attempt attempt = randomEdit(doc, rng, ++serial);
        if (!attempt.edit)
            continue;
        INFO("edit " << serial << ": " << attempt.edit->description());
        if (attempt.mustFail) {
            const Document before = doc;
            CHECK_FALSE(attempt.edit->apply(doc));
            CHECK(doc == before);
            ++refused;
            continue;
        }
        if (!attempt.edit->apply(doc))
            continue;
        if (checkEach) {
            const std::string difference = readBackDifference(doc, detail::editLimits());
            CHECK(difference == "");
            CHECK(fileCostDifference(doc) == "");
            if (!difference.empty())
                break;
        }
        for (const CellKey &key : attempt.fullCells) {
            const auto cell = doc.cardsInCell(key.persona, key.stage, key.lane);
            for (std::size_t i = 0; i < cell.size(); ++i)
                CHECK(cell[i]->order == static_cast<std::int64_t>(i));
        }
        renumbered += !attempt.fullCells.empty();
        applied.push_back(std::move(attempt.edit));
    }
    CHECK(refused > static_cast<int>(count / 20));
    return applied;
}

} // namespace

TEST_CASE("random edits: every map they reach saves and reads back equal, near the limits too", "[edit]")
{
    const bool nearTheLimits = GENERATE(false, true);
    const unsigned seed = GENERATE(1u, 2u);
    INFO("seed " << seed << (nearTheLimits ? ", orders and file size near the limits" : ""));
    auto doc = denseMap(nearTheLimits);
    REQUIRE(readBackDifference(doc).empty());
    // Near the limits, the file may grow only a little (the real limits are
    // hundreds of megabytes away), so edits meet them often.
    ReadLimits limits;
    if (nearTheLimits) {
        const detail::FileCost start = detail::fileCost(doc);
        limits.maxFileBytes = start.bytes + 12000;
        limits.maxValues = start.values + 700;
    }
    const LimitsForEdits lowered(limits);
    int renumbered = 0;
    randomEdits(doc, seed, 200, true, renumbered);
    if (nearTheLimits)
        CHECK(renumbered >= 3); // some cells ran out of orders
}

TEST_CASE("1,000 random edits: revert all gives the original bytes, re-apply gives the edited bytes", "[edit]")
{
    const unsigned seed = GENERATE(1u, 2u, 3u);
    INFO("seed " << seed);
    auto doc = sample();
    const std::string original = writeDocument(doc);
    int renumbered = 0;
    std::vector<EditPtr> applied = randomEdits(doc, seed, 1000, false, renumbered);
    const std::string edited = writeDocument(doc);
    REQUIRE(edited != original);
    CHECK(readBackDifference(doc) == "");
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

TEST_CASE("the order after a cell's last card, and when there is none", "[edit][order]")
{
    CHECK(firstOrderAfter(std::nullopt, 1) == 0);
    CHECK(firstOrderAfter(std::nullopt, 3) == 0);
    CHECK(firstOrderAfter(7, 2) == 8);
    CHECK(firstOrderAfter(kMaxCardOrder - 1, 1) == kMaxCardOrder);
    CHECK(firstOrderAfter(kMaxCardOrder - 2, 2) == kMaxCardOrder - 1);
    CHECK(firstOrderAfter(kMaxCardOrder - 2, 3) == std::nullopt);
    CHECK(firstOrderAfter(kMaxCardOrder, 1) == std::nullopt);
    CHECK(firstOrderAfter(0, static_cast<std::size_t>(kMaxCardOrder)) == 1); // 1 .. 2^63-1
    CHECK(firstOrderAfter(0, static_cast<std::size_t>(kMaxCardOrder) + 1) == std::nullopt);
}

TEST_CASE("duplicating the two cards at the largest orders renumbers their cell in the same edit", "[edit][order]")
{
    // The report: orders 9223372036854775807 and 9223372036854775806 in one
    // cell; Duplicate gave the copy order -9223372036854775808 and the saved
    // map no longer opened.
    auto map = test::minimalMap();
    map["cards"][0]["order"] = kMaxCardOrder;
    map["cards"].push_back(
        Json{{"id", "c3"}, {"persona", "p1"}, {"stage", "s1"}, {"lane", "l1"}, {"order", kMaxCardOrder - 1}});
    auto doc = mustRead(map.dump());
    const std::string before = writeDocument(doc);
    std::vector<Card> copies;
    for (const Card *card : doc.cardsInCell("p1", "s1", "l1")) {
        Card copy = *card;
        copy.id = copy.id + "-copy";
        copies.push_back(copy);
    }
    auto edit = addCardsAtEnd(doc, copies, "duplicate");
    REQUIRE(edit);
    REQUIRE(edit->apply(doc));
    std::vector<std::pair<std::string, std::int64_t>> cell;
    for (const Card *card : doc.cardsInCell("p1", "s1", "l1"))
        cell.emplace_back(card->id, card->order);
    CHECK(cell ==
          std::vector<std::pair<std::string, std::int64_t>>{{"c3", 0}, {"c1", 1}, {"c3-copy", 2}, {"c1-copy", 3}});
    CHECK(doc.card("c2")->order == 0); // other cells are not touched
    CHECK(readBackDifference(doc) == "");
    edit->revert(doc);
    CHECK(writeDocument(doc) == before);

    // With room left, the copies follow the last card and nothing else moves.
    map["cards"][0]["order"] = 10;
    map["cards"][2]["order"] = 5;
    doc = mustRead(map.dump());
    auto roomy = addCardsAtEnd(doc, copies, "duplicate");
    REQUIRE(roomy->apply(doc));
    CHECK(doc.card("c3")->order == 5);
    CHECK(doc.card("c1")->order == 10);
    CHECK(doc.card("c3-copy")->order == 11);
    CHECK(doc.card("c1-copy")->order == 12);
    CHECK(addCardsAtEnd(doc, {}) == nullptr);
}

TEST_CASE("edits refuse what the reader would refuse or read back differently", "[edit]")
{
    auto doc = mustRead(test::minimalMap().dump());
    const Document original = doc;
    const Card card = *doc.card("c1");
    auto refused = [&](EditPtr edit) {
        const bool applied = edit->apply(doc);
        CHECK(doc == original);
        return !applied;
    };
    auto cardWith = [&](auto change) {
        Card c = card;
        change(c);
        return c;
    };
    CHECK(refused(updateCard(cardWith([](Card &c) { c.order = -1; }))));
    CHECK(refused(addCard(cardWith([](Card &c) {
        c.id = "c-new";
        c.order = std::numeric_limits<std::int64_t>::min();
    }))));
    CHECK(refused(moveCard("c1", "p1", "s1", "l1", -1)));
    CHECK(refused(updateCard(cardWith([](Card &c) { c.color = "#12345g"; }))));
    CHECK(refused(updateCard(cardWith([](Card &c) { c.link = "ftp://example.com"; }))));
    CHECK(refused(updateCard(cardWith([](Card &c) { c.score = 4; }))));
    CHECK(refused(updateCard(cardWith([](Card &c) { c.impact = 4; }))));
    CHECK(refused(updateCard(cardWith([](Card &c) { c.text = std::string(1024 * 1024 + 1, 'x'); }))));
    CHECK(refused(updateCard(cardWith([](Card &c) { c.notes = "\xc3\x28"; }))));
    CHECK(refused(updateCard(cardWith([](Card &c) { c.metric = Metric{1.0, INFINITY, std::nullopt, {}}; }))));
    CHECK(refused(updateCard(cardWith([](Card &c) { c.audit = Audit{0, 0, 0, 0, 0, -1, {}, "2026-02-29", {}}; }))));
    CHECK(refused(updateCard(cardWith([](Card &c) { c.image = Image{"image/gif", "R0lGOD==", {}}; }))));
    CHECK(refused(updateCard(cardWith([](Card &c) { c.unknown["order"] = 3; }))));
    CHECK(refused(updateCard(cardWith([](Card &c) {
        Json deep = Json::array();
        for (int i = 0; i < 70; ++i)
            deep = Json::array({deep});
        c.unknown["x-deep"] = deep;
    }))));
    CHECK(refused(updateCard(cardWith([](Card &c) { c.unknown["x-nan"] = std::nan(""); }))));
    // An emotion needs a score: not added, moved in or made without one.
    CHECK(refused(addCard(cardWith([](Card &c) {
        c.id = "c-new";
        c.lane = "l2";
    }))));
    CHECK(refused(moveCard("c1", "p1", "s1", "l2", 0)));
    Lane lane = *doc.lane("l1");
    lane.kind = LaneKind::Emotions;
    CHECK(refused(updateLane(lane)));
    Card emotion = *doc.card("c2");
    emotion.score.reset();
    CHECK(refused(updateCard(emotion)));
    // Ids: the pattern, and one entity each.
    Persona persona;
    persona.id = "has space";
    CHECK(refused(addPersona(persona)));
    persona.id = "s1";
    CHECK(refused(addPersona(persona)));
    Stage stage = *doc.stage("s1");
    stage.color = "blue";
    CHECK(refused(updateStage(stage)));
    Lane unnamed = Lane::make("l-x", LaneKind::Unknown);
    unnamed.kindName.clear();
    CHECK(refused(addLane(unnamed)));
    Journey journey = doc.journey();
    journey.nextReview = "2026-02-30";
    CHECK(refused(setJourney(journey)));
    journey.nextReview.reset();
    journey.modified = "2026-02-28T24:00:00Z";
    CHECK(refused(setJourney(journey)));
    journey.modified.reset();
    journey.id = "";
    CHECK(refused(setJourney(journey)));

    // The same changes within the rules apply.
    CHECK(updateCard(cardWith([](Card &c) { c.order = kMaxCardOrder; }))->apply(doc));
    CHECK(moveCard("c2", "p1", "s1", "l2", 0)->apply(doc)); // it has a score
    journey = doc.journey();
    journey.nextReview = "2028-02-29";
    CHECK(setJourney(journey)->apply(doc));
    CHECK(readBackDifference(doc) == "");
}

TEST_CASE("edits store a value as the reader would give it back", "[edit]")
{
    auto doc = mustRead(test::minimalMap().dump());
    // A known kind is written by its name; a name of a known kind is that kind.
    Lane lane = Lane::make("l-a", LaneKind::Barriers);
    lane.kindName = "something else";
    REQUIRE(addLane(lane)->apply(doc));
    CHECK(doc.lane("l-a")->kindName == "barriers");
    Lane spelled;
    spelled.id = "l-b";
    spelled.kind = LaneKind::Unknown;
    spelled.kindName = "kpis";
    REQUIRE(addLane(spelled)->apply(doc));
    CHECK(doc.lane("l-b")->kind == LaneKind::Kpis);
    // No unknown keys is null, however it was emptied.
    Card card = *doc.card("c1");
    card.unknown = Json::object();
    card.metric = Metric{};
    card.metric->unknown = Json::object();
    REQUIRE(updateCard(card)->apply(doc));
    CHECK(doc.card("c1")->unknown.is_null());
    CHECK(doc.card("c1")->metric->unknown.is_null());
    CHECK(readBackDifference(doc) == "");
}

TEST_CASE("edits keep a map within the reader's whole-file limits, undo and redo included", "[edit][limits]")
{
    // The real limits (256 MiB, 4,194,304 values) take hundreds of megabytes
    // to reach; the bookkeeping is the same for lower ones.
    auto doc = mustRead(test::minimalMap().dump());
    const detail::FileCost start = detail::fileCost(doc);
    const bool byValues = GENERATE(false, true);
    ReadLimits limits;
    if (byValues)
        limits.maxValues = start.values + 60;
    else
        limits.maxFileBytes = start.bytes + 1200;
    const LimitsForEdits lowered(limits);
    INFO((byValues ? "values" : "bytes"));
    Card card = *doc.card("c1");
    card.text = std::string(100, 'x');
    card.tags = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
    std::vector<EditPtr> added;
    for (int i = 0; i < 20; ++i) {
        card.id = "more-" + std::to_string(i);
        auto edit = addCard(card);
        if (!edit->apply(doc))
            break;
        CHECK(readBackDifference(doc, limits) == "");
        added.push_back(std::move(edit));
    }
    REQUIRE(added.size() >= 2);
    REQUIRE(added.size() < 20); // the limit refused one
    // Then small cards until one more does not fit either: the room left is
    // less than one small card.
    Card tiny;
    tiny.persona = card.persona;
    tiny.stage = card.stage;
    tiny.lane = card.lane;
    int tinies = 0;
    for (;; ++tinies) {
        tiny.id = "tiny-" + std::to_string(tinies);
        if (!addCard(tiny)->apply(doc))
            break;
    }
    CHECK(readBackDifference(doc, limits) == "");
    const std::size_t cardsAtLimit = doc.cards().size();
    tiny.id = "tiny-again";

    // A card cannot grow past the limit.
    Card grown = *doc.card("more-0");
    grown.tags.resize(25, "t");
    CHECK_FALSE(updateCard(grown)->apply(doc));

    // A removal makes room; undone, it takes the room back.
    auto remove = removeCard("more-1");
    REQUIRE(remove->apply(doc));
    auto grow = updateCard(grown);
    REQUIRE(grow->apply(doc));
    CHECK(readBackDifference(doc, limits) == "");
    grow->revert(doc);
    remove->revert(doc);
    CHECK_FALSE(updateCard(grown)->apply(doc));
    CHECK_FALSE(addCard(tiny)->apply(doc));

    // So does a change that shrank a card, and a move that shortened an order.
    Card shrunk = *doc.card("more-0");
    shrunk.tags.clear();
    auto shrink = updateCard(shrunk);
    REQUIRE(shrink->apply(doc));
    auto fill = addCard(tiny);
    REQUIRE(fill->apply(doc));
    fill->revert(doc);
    shrink->revert(doc);
    CHECK_FALSE(addCard(tiny)->apply(doc));
    auto move = moveCard("more-0", card.persona, card.stage, card.lane, kMaxCardOrder);
    if (move->apply(doc)) { // the longer order fitted in the room left
        auto back = moveCard("more-0", card.persona, card.stage, card.lane, 0);
        REQUIRE(back->apply(doc));
        back->revert(doc);
        CHECK(readBackDifference(doc, limits) == "");
        move->revert(doc);
    }
    CHECK_FALSE(addCard(tiny)->apply(doc));
    CHECK(readBackDifference(doc, limits) == "");
    CHECK(doc.cards().size() == cardsAtLimit);
}

// --- field edits -------------------------------------------------------------

namespace {

// The first bytes of a PNG of w x h pixels: what the reader looks at.
std::string pngHeader(std::uint32_t w, std::uint32_t h)
{
    std::string b("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (std::uint32_t v : {w, h})
        for (int shift = 24; shift >= 0; shift -= 8)
            b.push_back(static_cast<char>((v >> shift) & 0xFF));
    b += std::string("\x08\x06\0\0\0", 5);
    return b;
}

// A PNG picture of `bytes` bytes (random after the header), as a card holds it.
Image bigPicture(std::size_t bytes)
{
    std::string raw = pngHeader(640, 480);
    std::mt19937 random(7);
    while (raw.size() < bytes)
        raw.push_back(static_cast<char>(random() & 0xFF));
    return Image{"image/png", detail::encodeBase64(raw), {}};
}

// One value of each kind of entity with every field set, each different from
// the same entity in test::minimalMap() and as the reader would give it back.
Journey fullJourney()
{
    Journey j;
    j.id = "j1";
    j.title = "Renewal";
    j.description = "From the reminder to the renewed plan";
    j.goal = "Fewer cancellations";
    j.type = MapType::Future;
    j.segment = "Families";
    j.owner = "CX team";
    j.reviewIntervalDays = 90;
    j.nextReview = "2027-01-31";
    j.created = "2026-01-01T09:00:00Z";
    j.modified = "2026-02-01T10:30:00Z";
    j.language = "en-GB";
    j.unknown = Json{{"x-journey", "kept"}};
    return j;
}
Persona fullPersona()
{
    Persona p;
    p.id = "p1";
    p.name = "Student 学生";
    p.description = "Studies and works";
    p.segment = "Young";
    p.goals = "Save money";
    p.needs = "Clear prices";
    p.frustrations = "Hidden fees";
    p.color = "#aabbcc";
    p.avatar = Image{"image/png", detail::encodeBase64(pngHeader(64, 64)), {}};
    p.unknown = Json{{"x-persona", 1}};
    return p;
}
Stage fullStage()
{
    Stage s;
    s.id = "s1";
    s.name = "Discovery";
    s.description = "First contact";
    s.phase = Phase::Before;
    s.color = "#102030";
    s.unknown = Json{{"x-stage", true}};
    return s;
}
Lane fullLane()
{
    Lane l = Lane::make("l1", LaneKind::Barriers, "Blockers");
    l.hidden = true;
    l.unknown = Json{{"x-lane", Json::array({1, 2})}};
    return l;
}
Card fullCard()
{
    Card c;
    c.id = "c1";
    c.persona = "p1";
    c.stage = "s1";
    c.lane = "l1";
    c.text = "Reminder e-mail";
    c.notes = "Sent 30 days before";
    c.color = "#ffeedd";
    c.tags = {"renewal", "email"};
    c.link = "https://example.com/reminder";
    c.score = 1;
    c.channel = "email";
    c.direct = false;
    c.audit = Audit{1, 2, 3, 4, 5, 0, "checked", "2026-03-01", {}};
    c.severity = 3;
    c.impact = 1;
    c.status = OpportunityStatus::Done;
    c.metric = Metric{1.5, 2.0, "%", {}};
    // SOI, an APP0 segment, then SOF0 with height 300 and width 400.
    const std::string jpeg("\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xC0\x00\x11\x08\x01\x2C\x01\x90", 17);
    c.image = Image{"image/jpeg", detail::encodeBase64(jpeg), {}};
    c.comments = {Comment{"Ann", "Shorter subject?", "2026-01-05T08:00:00Z", {}}};
    c.desired = 3;
    c.unknown = Json{{"x-card", Json{{"nested", "yes"}}}};
    return c;
}

template <typename T>
const T &entityIn(const Document &doc, const std::string &id)
{
    return *findEntity<T>(doc, id);
}

template <typename T, typename V>
EditPtr fieldEdit(const EntityField<T, V> &field, const std::string &id, V value)
{
    if constexpr (std::is_same_v<T, Journey>)
        return setField(field, std::move(value));
    else
        return setField(field, id, std::move(value));
}

// Sets every field of `table`, one at a time, from `full` into the entity
// `full.id` names in `doc`: each changes that field alone and reverts to the
// same bytes; all of them together make the entity `full`.
template <typename T, typename Table>
void setEachField(Document &doc, const T &full, const Table &table)
{
    const std::string id = full.id;
    std::vector<EditPtr> applied;
    std::apply(
        [&](const auto &...field) {
            auto one = [&](const auto &f) {
                INFO("field " << f.name);
                const T before = entityIn<T>(doc, id);
                CHECK(before.*(f.member) != full.*(f.member)); // the sample sets every field
                auto edit = fieldEdit(f, id, full.*(f.member));
                checkInvertible(doc, *edit);
                // It tells that this field of this entity changed, and nothing else.
                const ChangeSet changes = edit->changes();
                REQUIRE(changes.entries().size() == 1);
                CHECK(changes.entries()[0].id == (std::is_same_v<T, Journey> ? std::string() : id));
                CHECK(changes.entries()[0].fields == std::vector<std::string>{std::string(f.name)});
                CHECK_FALSE(changes.entries()[0].added);
                CHECK_FALSE(changes.entries()[0].removed);
                CHECK_FALSE(changes.movesCards());
                T expected = before;
                expected.*(f.member) = full.*(f.member);
                if constexpr (std::is_same_v<T, Lane>)
                    expected.kind = laneKindFromString(expected.kindName);
                CHECK(entityIn<T>(doc, id) == expected);
                CHECK(readBackDifference(doc) == "");
                applied.push_back(std::move(edit));
            };
            (one(field), ...);
        },
        table);
    CHECK(entityIn<T>(doc, id) == full);
    for (auto it = applied.rbegin(); it != applied.rend(); ++it)
        (*it)->revert(doc);
}

} // namespace

TEST_CASE("every field of every kind of entity can be set and reverted, and changes nothing else", "[edit][field]")
{
    auto doc = mustRead(test::minimalMap().dump());
    const std::string original = writeDocument(doc);
    setEachField(doc, fullJourney(), fields::journey::all);
    setEachField(doc, fullPersona(), fields::persona::all);
    setEachField(doc, fullStage(), fields::stage::all);
    setEachField(doc, fullLane(), fields::lane::all);
    setEachField(doc, fullCard(), fields::card::all);
    CHECK(writeDocument(doc) == original);
}

TEST_CASE("the field tables name every key the writer writes, but ids and a card's place", "[edit][field]")
{
    auto names = [](const auto &table) {
        std::vector<std::string> out;
        std::apply([&](const auto &...field) { (out.emplace_back(field.name), ...); }, table);
        return out;
    };
    auto covered = [](const Json &written, std::vector<std::string> names, std::vector<std::string> identity) {
        names.insert(names.end(), identity.begin(), identity.end());
        for (const auto &[key, value] : written.items())
            if (key.rfind("x-", 0) != 0 && std::find(names.begin(), names.end(), key) == names.end()) {
                INFO("not a field: " << key);
                return false;
            }
        return true;
    };
    CHECK(covered(journeyToJson(fullJourney()), names(fields::journey::all), {"id"}));
    CHECK(covered(personaToJson(fullPersona()), names(fields::persona::all), {"id"}));
    CHECK(covered(stageToJson(fullStage()), names(fields::stage::all), {"id"}));
    CHECK(covered(laneToJson(fullLane()), names(fields::lane::all), {"id"}));
    CHECK(covered(cardToJson(fullCard()), names(fields::card::all), {"id", "persona", "stage", "lane", "order"}));
}

TEST_CASE("a field edit leaves the rest of the entity as it was, unknown keys included", "[edit][field]")
{
    Json map = test::minimalMap();
    map["cards"][0]["x-future"] = Json{{"kept", Json::array({1, "two"})}};
    map["cards"][0]["tags"] = Json::array({"a", "b"});
    auto doc = mustRead(map.dump());
    const Json before = cardToJson(*doc.card("c1"));
    auto edit = setField(fields::card::text, "c1", std::string("Instagram story"));
    checkInvertible(doc, *edit);
    Json expected = before;
    expected["text"] = "Instagram story";
    CHECK(cardToJson(*doc.card("c1")).dump() == expected.dump());
    CHECK(doc.card("c2")->text == "anxious");
    CHECK(edit->description() == "change card c1 text");
}

TEST_CASE("merged edits of one field keep the first old value and the newest value", "[edit][field]")
{
    auto doc = mustRead(test::minimalMap().dump());
    const std::string original = writeDocument(doc);
    auto first = setField(fields::card::text, "c1", std::string("I"));
    REQUIRE(first->apply(doc));
    for (const char *text : {"In", "Ins", "Insta"}) {
        auto next = setField(fields::card::text, "c1", std::string(text));
        REQUIRE(next->apply(doc));
        REQUIRE(first->mergeWith(*next));
    }
    CHECK(doc.card("c1")->text == "Insta");
    first->revert(doc);
    CHECK(writeDocument(doc) == original);
    REQUIRE(first->apply(doc));
    CHECK(doc.card("c1")->text == "Insta");

    // Another field, another entity or an edit in the other state is not taken.
    auto notes = setField(fields::card::notes, "c1", std::string("n"));
    REQUIRE(notes->apply(doc));
    CHECK_FALSE(first->mergeWith(*notes));
    auto other = setField(fields::card::text, "c2", std::string("calm"));
    REQUIRE(other->apply(doc));
    CHECK_FALSE(first->mergeWith(*other));
    auto pending = setField(fields::card::text, "c1", std::string("Instagram"));
    CHECK_FALSE(first->mergeWith(*pending));
    auto whole = updateCard(*doc.card("c1"));
    REQUIRE(whole->apply(doc));
    CHECK_FALSE(first->mergeWith(*whole));
    whole->revert(doc);
    other->revert(doc);
    notes->revert(doc);
    first->revert(doc);
    CHECK(writeDocument(doc) == original);

    // Not yet applied, a merged edit applies the newest value.
    auto a = setField(fields::stage::name, "s1", std::string("Aw"));
    auto b = setField(fields::stage::name, "s1", std::string("Awake"));
    REQUIRE(a->mergeWith(*b));
    REQUIRE(a->apply(doc));
    CHECK(doc.stage("s1")->name == "Awake");
    a->revert(doc);
    CHECK(writeDocument(doc) == original);
}

TEST_CASE("typing in a card with an 8 MiB picture keeps the text in the undo step, not the card", "[edit][field]")
{
    auto doc = mustRead(test::minimalMap().dump());
    REQUIRE(setField(fields::card::image, "c1", std::optional(bigPicture(8 * 1024 * 1024)))->apply(doc));
    const std::string original = writeDocument(doc);
    std::string text = doc.card("c1")->text;
    text += ' ';
    auto typing = setField(fields::card::text, "c1", text);
    REQUIRE(typing->apply(doc));
    for (int key = 1; key < 50; ++key) {
        text += static_cast<char>('a' + key % 26);
        auto next = setField(fields::card::text, "c1", text);
        REQUIRE(next->apply(doc));
        REQUIRE(typing->mergeWith(*next));
    }
    CHECK(doc.card("c1")->text == text);
    CHECK(typing->sizeInBytes() < 64 * 1024);
    // The same change as a whole card holds the picture twice.
    auto whole = updateCard(*doc.card("c1"));
    REQUIRE(whole->apply(doc));
    CHECK(whole->sizeInBytes() > 2 * 8 * 1024 * 1024);
    whole->revert(doc);
    typing->revert(doc);
    CHECK(writeDocument(doc) == original);
}

TEST_CASE("a field edit the reader would refuse changes nothing", "[edit][field]")
{
    auto doc = mustRead(test::minimalMap().dump());
    const Document original = doc;
    const std::string bytes = writeDocument(doc);
    auto refused = [&](EditPtr edit) {
        const bool applied = edit->apply(doc);
        CHECK(doc == original);
        CHECK(writeDocument(doc) == bytes);
        return !applied;
    };
    CHECK(refused(setField(fields::card::color, "c1", std::optional<std::string>("#12345g"))));
    CHECK(refused(setField(fields::card::link, "c1", std::optional<std::string>("ftp://example.com"))));
    CHECK(refused(setField(fields::card::text, "c1", std::string(1024 * 1024 + 1, 'x'))));
    CHECK(refused(setField(fields::card::notes, "c1", std::string("\xc3\x28"))));
    CHECK(refused(setField(fields::card::severity, "c1", 0)));
    CHECK(refused(setField(fields::card::score, "c1", std::optional(4))));
    CHECK(refused(setField(fields::card::score, "c2", std::optional<int>()))); // an emotion needs one
    CHECK(refused(setField(fields::card::image, "c1", std::optional(Image{"image/gif", "R0lGOD==", {}}))));
    CHECK(refused(setField(fields::card::unknown, "c1", UnknownKeys{{"order", 3}})));
    CHECK(refused(setField(fields::card::audit, "c1", std::optional(Audit{0, 0, 0, 0, 0, 6, {}, {}, {}}))));
    CHECK(refused(setField(fields::card::text, "nobody", std::string("x"))));
    CHECK(refused(setField(fields::card::text, "s1", std::string("x"))));        // a stage, not a card
    CHECK(refused(setField(fields::lane::kind, "l1", std::string("emotions")))); // c1 has no score
    CHECK(refused(setField(fields::lane::kind, "l1", std::string(""))));
    CHECK(refused(setField(fields::stage::color, "s1", std::optional<std::string>("blue"))));
    CHECK(refused(setField(fields::persona::name, "p1", std::string("\xff"))));
    CHECK(refused(setField(fields::journey::nextReview, std::optional<std::string>("2026-02-30"))));
    CHECK(refused(setField(fields::journey::reviewIntervalDays, 4000)));

    // Within the rules they apply; an unknown lane kind is kept as spelled.
    CHECK(setField(fields::lane::kind, "l2", std::string("journeyPhase"))->apply(doc));
    CHECK(doc.lane("l2")->kind == LaneKind::Unknown);
    CHECK(setField(fields::card::score, "c2", std::optional<int>())->apply(doc)); // no longer an emotions lane
    CHECK(readBackDifference(doc) == "");
}

TEST_CASE("field edits keep a map within the reader's whole-file limits, undo included", "[edit][field][limits]")
{
    auto doc = mustRead(test::minimalMap().dump());
    ReadLimits limits;
    limits.maxFileBytes = detail::fileCost(doc).bytes + 1000;
    const LimitsForEdits lowered(limits);
    CHECK_FALSE(setField(fields::card::text, "c1", std::string(2000, 'x'))->apply(doc));
    auto grow = setField(fields::card::text, "c1", std::string(900, 'x'));
    REQUIRE(grow->apply(doc));
    CHECK_FALSE(setField(fields::card::notes, "c1", std::string(200, 'y'))->apply(doc));
    // Shrinking makes room, and its undo takes it back.
    auto shrink = setField(fields::card::text, "c1", std::string());
    REQUIRE(shrink->apply(doc));
    auto notes = setField(fields::card::notes, "c1", std::string(200, 'y'));
    REQUIRE(notes->apply(doc));
    notes->revert(doc);
    shrink->revert(doc);
    CHECK_FALSE(setField(fields::card::notes, "c1", std::string(200, 'y'))->apply(doc));
    CHECK(readBackDifference(doc, limits) == "");
}

// What each kind of edit says it changed (ChangeSet), and what undoing it changes.
namespace {
ChangeSet applied(Document &doc, Edit &edit)
{
    REQUIRE(edit.apply(doc));
    return edit.changes();
}
} // namespace

TEST_CASE("each edit reports what it changed, and undo the inverse", "[edit][changes]")
{
    auto doc = mustRead(test::minimalMap().dump());

    SECTION("adding and removing entities")
    {
        Stage stage;
        stage.id = "s3";
        stage.name = "Loyalty";
        auto add = addStage(stage, 0);
        ChangeSet changes = applied(doc, *add);
        REQUIRE(changes.entries().size() == 1);
        CHECK(changes.find(EntityKind::Stage, "s3")->added);
        CHECK(changes.touchesStructure());
        CHECK_FALSE(changes.isContentOnly());
        const ChangeSet undo = changes.inverted();
        CHECK(undo.find(EntityKind::Stage, "s3")->removed);
        CHECK_FALSE(undo.find(EntityKind::Stage, "s3")->added);
        add->revert(doc);
        CHECK(add->changes() == changes); // reverting keeps what the edit says it did

        // A stage goes with its cards: each is named as removed.
        auto remove = removeStage("s1");
        changes = applied(doc, *remove);
        CHECK(changes.find(EntityKind::Stage, "s1")->removed);
        CHECK(changes.find(EntityKind::Card, "c1")->removed);
        CHECK_FALSE(changes.find(EntityKind::Card, "c2"));
        CHECK(changes.cardIds() == std::vector<std::string>{"c1"});
        CHECK(changes.inverted().find(EntityKind::Card, "c1")->added);
        remove->revert(doc);

        auto removeOne = removeCard("c2");
        changes = applied(doc, *removeOne);
        CHECK(changes.cardIds() == std::vector<std::string>{"c2"});
        CHECK(changes.movesCards());
        CHECK_FALSE(changes.touchesStructure());
        removeOne->revert(doc);

        Card card;
        card.id = "c9";
        card.persona = "p1";
        card.stage = "s1";
        card.lane = "l1";
        auto addOne = addCardToCell(doc, card, 0);
        changes = applied(doc, *addOne);
        CHECK(changes.find(EntityKind::Card, "c9")->added);
        // c1 moves down one place in its cell to make room.
        CHECK(changes.find(EntityKind::Card, "c1")->moved);
        CHECK(changes.hasField(EntityKind::Card, "c1", "order"));
        CHECK_FALSE(changes.hasField(EntityKind::Card, "c1", "stage"));
        CHECK_FALSE(changes.touchesStructure());
        addOne->revert(doc);
    }

    SECTION("reordering bands, columns and rows")
    {
        auto move = moveStage("s2", 0);
        ChangeSet changes = applied(doc, *move);
        CHECK(changes.find(EntityKind::Stage, "s2")->moved);
        CHECK(changes.touchesStructure());
        CHECK(changes.cardIds().empty());
        move->revert(doc);
        // To where it already is: nothing changed, nothing to tell.
        auto stay = moveLane("l1", 0);
        CHECK(applied(doc, *stay).empty());
        stay->revert(doc);
    }

    SECTION("moving a card to another cell is a card move, not a structure change")
    {
        auto move = moveCard("c1", "p1", "s2", "l1", 4);
        ChangeSet changes = applied(doc, *move);
        const ChangeSet::Entry *entry = changes.find(EntityKind::Card, "c1");
        REQUIRE(entry);
        CHECK(entry->moved);
        CHECK(entry->fields == std::vector<std::string>{"stage", "order"});
        CHECK(changes.movesCards());
        CHECK_FALSE(changes.touchesStructure());
        CHECK(changes.inverted().find(EntityKind::Card, "c1")->moved);
        move->revert(doc);

        auto many = moveCardsToCell(doc, {"c2"}, "p1", "s1", "l2", 0);
        REQUIRE(many);
        changes = applied(doc, *many);
        CHECK(changes.cardIds() == std::vector<std::string>{"c2"});
        CHECK(changes.hasField(EntityKind::Card, "c2", "stage"));
        many->revert(doc);
    }

    SECTION("fields: content, labels and what shapes the rows")
    {
        auto text = setField(fields::card::text, "c1", "Billboard");
        ChangeSet changes = applied(doc, *text);
        CHECK(changes.isContentOnly());
        CHECK(changes.cardIds() == std::vector<std::string>{"c1"});
        CHECK_FALSE(changes.touchesLabels());
        text->revert(doc);

        auto title = setField(fields::lane::title, "l1", "Channels");
        changes = applied(doc, *title);
        CHECK(changes.touchesLabels());
        CHECK(changes.isContentOnly());
        title->revert(doc);

        auto hide = setField(fields::lane::hidden, "l1", true);
        changes = applied(doc, *hide);
        CHECK(changes.touchesStructure()); // a row goes
        CHECK(changes.hasField(EntityKind::Lane, "l1", "hidden"));
        hide->revert(doc);

        auto goal = setField(fields::journey::goal, "More buyers");
        changes = applied(doc, *goal);
        CHECK(changes.touchesJourney());
        CHECK(changes.hasField(EntityKind::Journey, "", "goal"));
        CHECK_FALSE(changes.touchesStructure());
        goal->revert(doc);
    }

    SECTION("a whole-entity update names only the fields that differ")
    {
        Card card = *doc.card("c1");
        card.text = "Billboard";
        card.notes = "Near the station";
        card.order = 3;
        auto update = updateCard(card);
        ChangeSet changes = applied(doc, *update);
        const ChangeSet::Entry *entry = changes.find(EntityKind::Card, "c1");
        REQUIRE(entry);
        CHECK(entry->fields == std::vector<std::string>{"text", "notes", "order"});
        CHECK(entry->moved);
        update->revert(doc);

        Journey journey = doc.journey();
        journey.title = "Renewal";
        journey.id = "j2";
        auto setAll = setJourney(journey);
        changes = applied(doc, *setAll);
        CHECK(changes.hasField(EntityKind::Journey, "", "title"));
        CHECK(changes.hasField(EntityKind::Journey, "", "id"));
        CHECK(changes.touchesStructure()); // the map's id names no card, yet every id lookup changes
        setAll->revert(doc);
    }

    SECTION("several edits as one: every part, once")
    {
        std::vector<EditPtr> parts;
        parts.push_back(setField(fields::card::text, "c1", "A"));
        parts.push_back(setField(fields::card::text, "c1", "B"));
        parts.push_back(setField(fields::card::notes, "c1", "N"));
        parts.push_back(setField(fields::stage::name, "s2", "Checkout"));
        auto both = compound(std::move(parts), "edit");
        ChangeSet changes = applied(doc, *both);
        CHECK(changes.entries().size() == 2);
        CHECK(changes.find(EntityKind::Card, "c1")->fields == std::vector<std::string>{"text", "notes"});
        CHECK(changes.touchesLabels());
        CHECK(changes.inverted().inverted() == changes);
        both->revert(doc);
    }

    SECTION("merged field edits tell the one field")
    {
        auto first = setField(fields::card::text, "c1", "A");
        auto second = setField(fields::card::text, "c1", "AB");
        REQUIRE(first->apply(doc));
        REQUIRE(second->apply(doc));
        REQUIRE(first->mergeWith(*second));
        CHECK(first->changes().find(EntityKind::Card, "c1")->fields == std::vector<std::string>{"text"});
        first->revert(doc);
    }
}

TEST_CASE("a change set joins what several edits changed", "[edit][changes]")
{
    ChangeSet a;
    a.noteAdded(EntityKind::Card, "c1");
    a.noteField(EntityKind::Card, "c1", "text");
    ChangeSet b;
    b.noteField(EntityKind::Card, "c1", "text");
    b.noteField(EntityKind::Card, "c1", "score");
    b.noteMoved(EntityKind::Persona, "p1");
    a.append(b);
    REQUIRE(a.entries().size() == 2);
    CHECK(a.find(EntityKind::Card, "c1")->added);
    CHECK(a.find(EntityKind::Card, "c1")->fields == std::vector<std::string>{"text", "score"});
    CHECK(a.touchesStructure());
    CHECK(a.ids(EntityKind::Persona) == std::vector<std::string>{"p1"});
    // The same id in two kinds is two entries.
    ChangeSet c;
    c.noteField(EntityKind::Stage, "x", "name");
    c.noteField(EntityKind::Persona, "x", "name");
    CHECK(c.entries().size() == 2);
    CHECK(ChangeSet().empty());
    ChangeSet all;
    all.noteEverything();
    CHECK(all.touchesStructure());
    CHECK(all.touches(EntityKind::Card));
}
