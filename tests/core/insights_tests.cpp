// Insights from a known map: averages, pain and barrier counts with their
// severity, opportunities by status, and each persona's lowest moment; what
// a hidden lane and a focused persona change (the rule in cjm/insights.hpp),
// and the figures kept edit by edit against the figures counted afresh.
#include <catch2/catch.hpp>

#include "cjm/insights.hpp"
#include "test_helpers.hpp"

using namespace cjm;

namespace {
Document knownMap()
{
    Journey journey;
    journey.id = "j";
    std::vector<Persona> personas(2);
    personas[0].id = "p1";
    personas[1].id = "p2";
    std::vector<Stage> stages(3);
    stages[0].id = "s1";
    stages[1].id = "s2";
    stages[2].id = "s3";
    std::vector<Lane> lanes = {Lane::make("emo", LaneKind::Emotions), Lane::make("pain", LaneKind::PainPoints),
                               Lane::make("bar", LaneKind::Barriers), Lane::make("opp", LaneKind::Opportunities),
                               Lane::make("hidden-pain", LaneKind::PainPoints)};
    lanes[4].hidden = true;
    std::vector<Card> cards;
    auto add = [&](const char *id, const char *persona, const char *stage, const char *lane) -> Card & {
        Card card;
        card.id = id;
        card.persona = persona;
        card.stage = stage;
        card.lane = lane;
        card.order = static_cast<std::int64_t>(cards.size());
        cards.push_back(card);
        return cards.back();
    };
    add("e1", "p1", "s1", "emo").score = 2;
    add("e2", "p1", "s2", "emo").score = -2;
    add("e2b", "p1", "s2", "emo").score = -1; // two in one stage: averaged
    add("e3", "p1", "s3", "emo").score = -2;  // as low as s2, later: not the first time it hurt that much
    add("e4", "p2", "s1", "emo").score = -3;
    add("e5", "p2", "s3", "emo").score = 1;
    add("x1", "p1", "s2", "pain").severity = 3;
    add("x2", "p2", "s2", "pain").severity = 2;
    add("x3", "p1", "s2", "bar").severity = 1;
    add("x4", "p1", "s3", "hidden-pain").severity = 3;
    add("o1", "p1", "s1", "opp").status = OpportunityStatus::Planned;
    add("o2", "p2", "s1", "opp").status = OpportunityStatus::Planned;
    add("o3", "p2", "s3", "opp").status = OpportunityStatus::Done;
    return Document::fromParts(journey, personas, stages, lanes, cards);
}
} // namespace

TEST_CASE("insights of a known map, stage by stage", "[insights]")
{
    const Insights insights = computeInsights(knownMap());
    REQUIRE(insights.stages.size() == 3);
    const StageInsight &s1 = insights.stages[0], &s2 = insights.stages[1], &s3 = insights.stages[2];
    CHECK(s1.averageEmotion[0] == Approx(2.0));
    CHECK(s1.averageEmotion[1] == Approx(-3.0));
    CHECK(s2.averageEmotion[0] == Approx(-1.5));
    CHECK_FALSE(s2.averageEmotion[1]); // no emotion card: no average, not zero
    CHECK(s3.averageEmotion[0] == Approx(-2.0));
    CHECK(s3.averageEmotion[1] == Approx(1.0));

    CHECK(s2.painPoints == 2);
    CHECK(s2.barriers == 1);
    CHECK(s2.severity == 6);
    // x4 lies in a hidden lane: hidden on the canvas and in exports, so not counted.
    CHECK(s3.painPoints == 0);
    CHECK(s3.severity == 0);
    CHECK(s1.severity == 0);
    CHECK(insights.maxSeverity == 6);

    CHECK(s1.opportunities == std::array<int, 4>{0, 2, 0, 0});
    CHECK(s3.opportunities == std::array<int, 4>{0, 0, 0, 1});
}

TEST_CASE("each persona's lowest moment is its lowest score, the first time it is reached", "[insights]")
{
    const Insights insights = computeInsights(knownMap());
    REQUIRE(insights.lowestMoments.size() == 2);
    CHECK(insights.lowestMoments[0] == "e2");
    CHECK(insights.lowestMoments[1] == "e4");
    // A persona without emotion cards has none.
    Document doc = knownMap();
    Document empty = Document::fromParts(doc.journey(), doc.personas(), doc.stages(), doc.lanes(), {});
    const Insights none = computeInsights(empty);
    CHECK(none.lowestMoments == std::vector<std::string>{"", ""});
    CHECK(none.maxSeverity == 0);
}

namespace {
Document withCards(const Document &doc, std::vector<Card> cards)
{
    return Document::fromParts(doc.journey(), doc.personas(), doc.stages(), doc.lanes(), std::move(cards));
}

Card emotion(const char *id, const char *persona, const char *stage, const char *lane, int score,
             std::int64_t order = 0)
{
    Card card;
    card.id = id;
    card.persona = persona;
    card.stage = stage;
    card.lane = lane;
    card.score = score;
    card.order = order;
    return card;
}
} // namespace

TEST_CASE("a hidden lane counts nowhere, not even when it holds the lowest emotion", "[insights]")
{
    Document doc = knownMap();
    std::vector<Lane> lanes = doc.lanes();
    lanes.push_back(Lane::make("emo-hidden", LaneKind::Emotions));
    lanes.back().hidden = true;
    std::vector<Card> cards = doc.cards();
    cards.push_back(emotion("hidden-low", "p1", "s1", "emo-hidden", -3));
    const Document withHidden = Document::fromParts(doc.journey(), doc.personas(), doc.stages(), lanes, cards);
    const Insights insights = computeInsights(withHidden);
    CHECK(insights.lowestMoments[0] == "e2"); // what the canvas rings, not the hidden -3
    CHECK(insights.stages[0].averageEmotion[0] == Approx(2.0));
    // Shown again, it is the lowest moment and counts in the average.
    lanes.back().hidden = false;
    const Insights shown =
        computeInsights(Document::fromParts(doc.journey(), doc.personas(), doc.stages(), lanes, cards));
    CHECK(shown.lowestMoments[0] == "hidden-low");
    CHECK(shown.stages[0].averageEmotion[0] == Approx(-0.5));
}

TEST_CASE("a focused persona's figures are its own; the stage totals count it alone", "[insights]")
{
    const Document doc = knownMap();
    const Insights all = computeInsights(doc);
    const Insights focused = computeInsights(doc, "p2");
    REQUIRE(focused.stages.size() == 3);
    const StageInsight &s1 = focused.stages[0], &s2 = focused.stages[1], &s3 = focused.stages[2];
    CHECK(s2.painPoints == 1); // x2 only; x1 and the barrier x3 are p1's
    CHECK(s2.barriers == 0);
    CHECK(s2.severity == 2);
    CHECK(focused.maxSeverity == 2);
    CHECK(s1.opportunities == std::array<int, 4>{0, 1, 0, 0});
    CHECK(s3.opportunities == std::array<int, 4>{0, 0, 0, 1});
    // p2's own figures as without the focus; p1 not shown.
    CHECK(focused.lowestMoments == std::vector<std::string>{"", "e4"});
    for (std::size_t s = 0; s < 3; ++s) {
        CHECK_FALSE(focused.stages[s].averageEmotion[0]);
        CHECK(focused.stages[s].averageEmotion[1] == all.stages[s].averageEmotion[1]);
    }
    // A focus on a persona the map does not have shows everything.
    CHECK(computeInsights(doc, "no-such-persona") == all);
}

TEST_CASE("a lowest moment is below zero: a persona that never feels bad has none", "[insights]")
{
    const Document doc = knownMap();
    std::vector<Card> cards = {emotion("happy", "p1", "s1", "emo", 3), emotion("calm", "p2", "s1", "emo", 0),
                               emotion("glad", "p2", "s2", "emo", 2)};
    const Insights insights = computeInsights(withCards(doc, cards));
    CHECK(insights.lowestMoments == std::vector<std::string>{"", ""});
    // Its emotions still make its line in the chart.
    CHECK(insights.stages[0].averageEmotion[0] == Approx(3.0));
    CHECK(insights.stages[0].averageEmotion[1] == Approx(0.0));
    cards.push_back(emotion("dip", "p2", "s3", "emo", -1));
    CHECK(computeInsights(withCards(doc, cards)).lowestMoments == std::vector<std::string>{"", "dip"});
}

TEST_CASE("equal lowest scores: the earlier stage, then the upper lane, then the one drawn first", "[insights]")
{
    Document base = knownMap();
    std::vector<Lane> lanes = base.lanes();
    lanes.insert(lanes.begin(), Lane::make("emo-top", LaneKind::Emotions)); // above "emo"
    const Document doc = Document::fromParts(base.journey(), base.personas(), base.stages(), lanes, {});
    auto lowest = [&](std::vector<Card> cards) {
        return computeInsights(withCards(doc, std::move(cards))).lowestMoments[0];
    };
    // An earlier stage wins over an upper lane.
    CHECK(lowest({emotion("top-s2", "p1", "s2", "emo-top", -2), emotion("low-s1", "p1", "s1", "emo", -2)}) == "low-s1");
    // In one stage, the upper lane (whatever the file order).
    CHECK(lowest({emotion("lower", "p1", "s2", "emo", -2), emotion("upper", "p1", "s2", "emo-top", -2)}) == "upper");
    // In one cell, the smaller order (drawn further left) ...
    CHECK(lowest({emotion("right", "p1", "s2", "emo", -2, 5), emotion("left", "p1", "s2", "emo", -2, 1)}) == "left");
    // ... and with equal orders, file order, as the layout draws them (ids do not decide).
    CHECK(lowest({emotion("z-first", "p1", "s2", "emo", -2, 3), emotion("a-second", "p1", "s2", "emo", -2, 3)}) ==
          "z-first");
    // A lower score anywhere wins over all of that.
    CHECK(lowest({emotion("first", "p1", "s1", "emo-top", -2), emotion("deeper", "p1", "s3", "emo", -3)}) == "deeper");
}

TEST_CASE("figures kept card by card equal the figures counted afresh", "[insights]")
{
    // Random edits to a known map: each step changes a few cards (score,
    // severity, status, cell, removal, a new card) and tells MapInsights which.
    const Document start = knownMap();
    MapInsights kept;
    kept.rebuild(start);
    std::vector<Card> cards = start.cards();
    const char *personas[] = {"p1", "p2"};
    const char *stages[] = {"s1", "s2", "s3"};
    const char *lanes[] = {"emo", "pain", "bar", "opp", "hidden-pain"};
    std::uint32_t seed = 20261124;
    auto next = [&](std::uint32_t n) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % n;
    };
    int added = 0;
    for (int step = 0; step < 300; ++step) {
        std::vector<std::string> changed;
        for (std::uint32_t k = 0, edits = 1 + next(3); k < edits; ++k) {
            const std::uint32_t what = next(6);
            if (what == 0 || cards.empty()) {
                Card card = emotion("", personas[next(2)], stages[next(3)], lanes[next(5)],
                                    static_cast<int>(next(7)) - 3, next(4));
                card.id = "new" + std::to_string(added++);
                card.severity = 1 + static_cast<int>(next(3));
                cards.push_back(card);
                changed.push_back(card.id);
                continue;
            }
            Card &card = cards[next(static_cast<std::uint32_t>(cards.size()))];
            changed.push_back(card.id);
            switch (what) {
            case 1:
                card.score = static_cast<int>(next(7)) - 3;
                if (next(2))
                    card.desired = static_cast<int>(next(7)) - 3;
                else
                    card.desired.reset();
                break;
            case 2: card.severity = 1 + static_cast<int>(next(3)); break;
            case 3: card.status = static_cast<OpportunityStatus>(next(4)); break;
            case 4:
                card.persona = personas[next(2)];
                card.stage = stages[next(3)];
                card.lane = lanes[next(5)];
                card.order = next(4);
                break;
            default: cards.erase(cards.begin() + (&card - cards.data())); break;
            }
        }
        const Document now = withCards(start, cards);
        kept.updateCards(now, changed);
        INFO("step " << step);
        REQUIRE(kept.insights() == computeInsights(now));
        REQUIRE(kept.insights("p1") == computeInsights(now, "p1"));
    }
}

TEST_CASE("each persona's largest gaps between felt and desired, largest first", "[insights][desired]")
{
    Document map = knownMap();
    std::vector<Card> cards = map.cards();
    auto set = [&](const char *id, std::optional<int> desired) {
        for (Card &card : cards)
            if (card.id == id)
                card.desired = desired;
    };
    set("e1", 2);  // felt as desired: no gap
    set("e2", 1);  // -2 -> +1: 3
    set("e2b", 2); // -1 -> +2: 3, same stage and lane, drawn after e2
    set("e3", 3);  // -2 -> +3: 5, the largest
    set("e4", 0);  // p2: -3 -> 0: 3
    set("e5", -1); // p2: felt better than wanted, +1 -> -1: a gap of 2 the other way
    map = withCards(map, cards);
    const Insights insights = computeInsights(map);
    REQUIRE(insights.largestGaps.size() == 2);
    const auto &p1 = insights.largestGaps[0];
    REQUIRE(p1.size() == 3);
    CHECK(p1[0] == EmotionGap{"e3", 2, -2, 3});
    CHECK(p1[0].gap() == 5);
    CHECK(p1[1].cardId == "e2");
    CHECK(p1[2].cardId == "e2b");
    const auto &p2 = insights.largestGaps[1];
    REQUIRE(p2.size() == 2);
    CHECK(p2[0].cardId == "e4");
    CHECK(p2[1].cardId == "e5");
    CHECK(p2[1].gap() == -2);

    // At most kListedGaps are listed; the kept figures can give more.
    MapInsights kept;
    kept.rebuild(map);
    CHECK(kept.largestGaps(0, 10).size() == 3);
    CHECK(kept.largestGaps(0, 1).size() == 1);

    // A focus leaves the other persona's gaps out; a hidden lane counts nowhere.
    CHECK(computeInsights(map, "p2").largestGaps[0].empty());
    CHECK(computeInsights(map, "p2").largestGaps[1].size() == 2);
    std::vector<Lane> lanes = map.lanes();
    lanes[0].hidden = true;
    const Document hidden = Document::fromParts(map.journey(), map.personas(), map.stages(), lanes, map.cards());
    CHECK(computeInsights(hidden).largestGaps[0].empty());
}
