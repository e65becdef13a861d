#include "cjm/insights.hpp"

namespace cjm {

Insights computeInsights(const Document &document)
{
    const std::size_t personas = document.personas().size();
    Insights insights;
    insights.stages.resize(document.stages().size());
    insights.lowestMoments.assign(personas, std::string());
    std::vector<std::vector<std::pair<int, int>>> emotion(document.stages().size(),
                                                          std::vector<std::pair<int, int>>(personas)); // sum, count
    std::vector<std::optional<std::pair<std::size_t, int>>> lowest(personas); // stage index, score
    for (const Card &card : document.cards()) {
        const auto stage = document.stageIndex(card.stage);
        const auto persona = document.personaIndex(card.persona);
        if (!stage || !persona)
            continue;
        StageInsight &insight = insights.stages[*stage];
        switch (document.cardKind(card)) {
        case LaneKind::Emotions:
            if (card.score) {
                auto &[sum, count] = emotion[*stage][*persona];
                sum += *card.score;
                ++count;
                // The lowest score; on a tie, the earlier stage (the first time it hurts that much).
                auto &low = lowest[*persona];
                if (!low || *card.score < low->second || (*card.score == low->second && *stage < low->first)) {
                    low = std::make_pair(*stage, *card.score);
                    insights.lowestMoments[*persona] = card.id;
                }
            }
            break;
        case LaneKind::PainPoints:
            ++insight.painPoints;
            insight.severity += card.severity;
            break;
        case LaneKind::Barriers:
            ++insight.barriers;
            insight.severity += card.severity;
            break;
        case LaneKind::Opportunities: ++insight.opportunities[static_cast<std::size_t>(card.status)]; break;
        default: break;
        }
    }
    for (std::size_t s = 0; s < insights.stages.size(); ++s) {
        auto &averages = insights.stages[s].averageEmotion;
        averages.resize(personas);
        for (std::size_t p = 0; p < personas; ++p)
            if (emotion[s][p].second > 0)
                averages[p] = static_cast<double>(emotion[s][p].first) / emotion[s][p].second;
        insights.maxSeverity = std::max(insights.maxSeverity, insights.stages[s].severity);
    }
    return insights;
}

} // namespace cjm
