// Insights from a known map: averages, pain and barrier counts with their
// severity, opportunities by status, and each persona's lowest moment.
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
    CHECK(s3.painPoints == 1); // a hidden lane still counts
    CHECK(s3.severity == 3);
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
