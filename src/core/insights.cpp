#include "cjm/insights.hpp"

#include <algorithm>

namespace cjm {

std::optional<MapInsights::Counted> MapInsights::counted(const Document &document, const Card &card) const
{
    // The lane first: most cards are of kinds no figure counts, and a
    // rebuild asks this of every card.
    const auto lane = document.laneIndex(card.lane);
    if (!lane || document.lanes()[*lane].hidden)
        return std::nullopt; // not on the map as drawn
    Counted counted;
    counted.lane = *lane;
    counted.kind = effectiveKind(document.lanes()[*lane].kind);
    switch (counted.kind) {
    case LaneKind::Emotions:
        if (!card.score)
            return std::nullopt;
        counted.score = card.score;
        counted.desired = card.desired;
        counted.order = card.order;
        break;
    case LaneKind::PainPoints:
    case LaneKind::Barriers: counted.severity = card.severity; break;
    case LaneKind::Opportunities: counted.status = card.status; break;
    default: return std::nullopt;
    }
    const auto persona = document.personaIndex(card.persona);
    const auto stage = document.stageIndex(card.stage);
    if (!persona || !stage)
        return std::nullopt;
    counted.persona = *persona;
    counted.stage = *stage;
    return counted;
}

void MapInsights::add(const std::string &id, const Counted &counted, int sign)
{
    Cell &target = cell(counted.persona, counted.stage);
    StageTally &total = m_stageTotals[counted.stage];
    for (StageTally *tally : {&target.tally, &total}) {
        switch (counted.kind) {
        case LaneKind::PainPoints:
            tally->painPoints += sign;
            tally->severity += sign * counted.severity;
            break;
        case LaneKind::Barriers:
            tally->barriers += sign;
            tally->severity += sign * counted.severity;
            break;
        case LaneKind::Opportunities: tally->opportunities[static_cast<std::size_t>(counted.status)] += sign; break;
        default: break;
        }
    }
    if (counted.kind != LaneKind::Emotions)
        return;
    target.emotionSum += sign * *counted.score;
    target.emotionCount += sign;
    if (counted.desired && *counted.desired != *counted.score) {
        const int size = *counted.desired - *counted.score;
        Gap gap{-(size < 0 ? -size : size),
                counted.stage,
                counted.lane,
                counted.order,
                id,
                *counted.score,
                *counted.desired};
        if (sign > 0)
            m_gaps[counted.persona].insert(std::move(gap));
        else
            m_gaps[counted.persona].erase(gap);
    }
    if (*counted.score < 0) {
        Low low{*counted.score, counted.stage, counted.lane, counted.order, id};
        if (sign > 0)
            m_belowZero[counted.persona].insert(std::move(low));
        else
            m_belowZero[counted.persona].erase(low);
    }
}

void MapInsights::refreshLowest(const Document &document, std::size_t persona)
{
    const std::set<Low> &lows = m_belowZero[persona];
    if (lows.empty()) {
        m_lowest[persona].clear();
        return;
    }
    // The set orders equal keys by id; the map draws them in file order.
    auto best = lows.begin();
    auto sameKey = [&](const Low &a, const Low &b) {
        return a.score == b.score && a.stage == b.stage && a.lane == b.lane && a.order == b.order;
    };
    for (auto it = std::next(best); it != lows.end() && sameKey(*it, *best); ++it)
        if (document.cardIndex(it->id) < document.cardIndex(best->id))
            best = it;
    m_lowest[persona] = best->id;
}

void MapInsights::rebuild(const Document &document)
{
    const std::size_t personas = document.personas().size(), stages = document.stages().size();
    m_personaIds.clear();
    for (const Persona &persona : document.personas())
        m_personaIds.push_back(persona.id);
    m_stageTotals.assign(stages, {});
    m_cells.assign(personas * stages, {});
    m_counted.clear();
    m_belowZero.assign(personas, {});
    m_gaps.assign(personas, {});
    m_lowest.assign(personas, {});
    for (const Card &card : document.cards())
        if (auto c = counted(document, card)) {
            add(card.id, *c, +1);
            m_counted.emplace(card.id, *c);
        }
    for (std::size_t p = 0; p < personas; ++p)
        refreshLowest(document, p);
}

void MapInsights::updateCards(const Document &document, const std::vector<std::string> &cardIds)
{
    std::vector<std::size_t> touched; // personas whose lowest moment may have changed
    auto touch = [&](std::size_t persona) {
        if (std::find(touched.begin(), touched.end(), persona) == touched.end())
            touched.push_back(persona);
    };
    for (const std::string &id : cardIds) {
        // Take back what the card added, then add what it adds now: a card
        // named twice ends up counted once.
        if (auto old = m_counted.find(id); old != m_counted.end()) {
            add(id, old->second, -1);
            if (old->second.kind == LaneKind::Emotions)
                touch(old->second.persona);
            m_counted.erase(old);
        }
        const Card *card = document.card(id);
        if (!card)
            continue; // removed
        if (auto c = counted(document, *card)) {
            add(id, *c, +1);
            if (c->kind == LaneKind::Emotions)
                touch(c->persona);
            m_counted.emplace(id, *c);
        }
    }
    for (std::size_t persona : touched)
        refreshLowest(document, persona);
}

std::optional<double> MapInsights::averageEmotion(std::size_t persona, std::size_t stage) const
{
    const Cell &c = cell(persona, stage);
    if (c.emotionCount == 0)
        return std::nullopt;
    return static_cast<double>(c.emotionSum) / c.emotionCount;
}

std::vector<EmotionGap> MapInsights::largestGaps(std::size_t persona, std::size_t limit) const
{
    std::vector<EmotionGap> out;
    for (const Gap &gap : m_gaps.at(persona)) {
        if (out.size() == limit)
            break;
        out.push_back({gap.id, gap.stage, gap.score, gap.desired});
    }
    return out;
}

Insights MapInsights::insights(std::string_view focusPersonaId) const
{
    const std::size_t personas = m_personaIds.size();
    std::optional<std::size_t> focus;
    if (!focusPersonaId.empty())
        if (auto it = std::find(m_personaIds.begin(), m_personaIds.end(), focusPersonaId); it != m_personaIds.end())
            focus = static_cast<std::size_t>(it - m_personaIds.begin());
    auto shown = [&](std::size_t persona) { return !focus || *focus == persona; };
    Insights insights;
    insights.stages.resize(m_stageTotals.size());
    insights.lowestMoments.assign(personas, std::string());
    insights.largestGaps.assign(personas, {});
    for (std::size_t s = 0; s < m_stageTotals.size(); ++s) {
        StageInsight &stage = insights.stages[s];
        static_cast<StageTally &>(stage) = focus ? tally(*focus, s) : m_stageTotals[s];
        stage.averageEmotion.resize(personas);
        for (std::size_t p = 0; p < personas; ++p)
            if (shown(p))
                stage.averageEmotion[p] = averageEmotion(p, s);
        insights.maxSeverity = std::max(insights.maxSeverity, stage.severity);
    }
    for (std::size_t p = 0; p < personas; ++p)
        if (shown(p)) {
            insights.lowestMoments[p] = m_lowest[p];
            insights.largestGaps[p] = largestGaps(p);
        }
    return insights;
}

Insights computeInsights(const Document &document, std::string_view focusPersonaId)
{
    MapInsights insights;
    insights.rebuild(document);
    return insights.insights(focusPersonaId);
}

} // namespace cjm
