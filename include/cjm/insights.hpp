#pragma once
// What a map says at a glance, stage by stage: how each persona feels (the
// average emotion score), how much hurts (pain points and purchase barriers,
// weighted by severity), which opportunities are being worked on, and each
// persona's lowest emotional moment — the place a journey map exists to find.
//
// One source for every figure the program shows: the Insights panel, the
// lowest-moment ring and the heat strip on the canvas, and every export read
// them from here (the render layer's MapLayout keeps a MapInsights up to
// date), so they cannot disagree. The rule, the same everywhere:
//
// - What the map shows is what is counted. A card in a hidden lane counts
//   nowhere: the lane is hidden on the canvas and in every export, so the
//   panel leaves it out too (and says that lanes are hidden).
// - A focus on one persona (a view setting, see MapLayout::setFocusPersona)
//   narrows the figures to that persona: the stage totals count its cards
//   alone, as the heat strip over its band does, and the other personas have
//   no average and no lowest moment shown. A persona's own figures never
//   change with the focus. A one-persona export is the same view of the map.
// - A persona's lowest moment is its emotion card with the lowest score, and
//   only a score below zero: a persona that never feels bad has none (no ring
//   on a +3). Ties go to the first time it hurt that much, in the order the
//   map is read: the earlier stage, then the upper emotion lane, then the one
//   drawn first in its cell (by order, then file order). Emotion lanes are
//   counted together, so a persona has one lowest moment, not one per lane.
// - An emotion card without a score counts in no average.
// - A gap is an emotion card whose `desired` score differs from its `score`:
//   how far the customer feels from how the business wants them to feel. A
//   persona's largest gaps come first by size (|desired - score|), ties in
//   the order the map is read (earlier stage, upper lane, lower order), then
//   by id. Hidden lanes and the focus count as for everything else.

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cjm/document.hpp"

namespace cjm {

// Pain points, barriers and opportunities in a stage (of one persona or all).
struct StageTally {
    int painPoints = 0;
    int barriers = 0;
    int severity = 0;                   // the sum of their severities (1 low – 3 high)
    std::array<int, 4> opportunities{}; // by status: idea, planned, in progress, done
    bool operator==(const StageTally &) const = default;
};

struct StageInsight : StageTally {
    std::vector<std::optional<double>> averageEmotion; // per persona, in map order; empty: no emotion card
    bool operator==(const StageInsight &) const = default;
};

// One emotion card whose felt score is not the desired one.
struct EmotionGap {
    std::string cardId;
    std::size_t stage = 0; // index in map order
    int score = 0;         // how the customer feels, -3..3
    int desired = 0;       // how they should feel, -3..3
    // Positive: the customer feels worse than wanted; negative: better.
    int gap() const { return desired - score; }
    bool operator==(const EmotionGap &) const = default;
};

// How many gaps per persona Insights lists.
inline constexpr std::size_t kListedGaps = 3;

struct Insights {
    std::vector<StageInsight> stages;       // in map order
    std::vector<std::string> lowestMoments; // per persona: its lowest moment's card id, or ""
    // Per persona: its largest gaps (at most kListedGaps), largest first; empty when none or not shown.
    std::vector<std::vector<EmotionGap>> largestGaps;
    int maxSeverity = 0; // of any stage, for scaling a heat strip
    bool operator==(const Insights &) const = default;
};

// The figures of one map, kept up to date edit by edit: a card edit costs
// that card (and a logarithmic step for its persona's lowest moment), never
// a pass over the map.
class MapInsights {
public:
    // Counts every card again: a new map, or personas, stages or lanes changed
    // (a lane hidden or shown included).
    void rebuild(const Document &document);
    // After the given cards changed (added, removed, moved, edited). Names
    // another card's id or one twice: harmless.
    void updateCards(const Document &document, const std::vector<std::string> &cardIds);

    std::size_t personaCount() const { return m_personaIds.size(); }
    std::size_t stageCount() const { return m_stageTotals.size(); }
    // The persona's lowest moment (see the rule above), "" for none.
    const std::string &lowestMoment(std::size_t persona) const { return m_lowest.at(persona); }
    std::optional<double> averageEmotion(std::size_t persona, std::size_t stage) const;
    // The persona's gaps between felt and desired (see the rule above), the
    // largest first, at most `limit` of them. Costs `limit`, not the map.
    std::vector<EmotionGap> largestGaps(std::size_t persona, std::size_t limit = kListedGaps) const;
    const StageTally &tally(std::size_t persona, std::size_t stage) const { return cell(persona, stage).tally; }
    const StageTally &stageTally(std::size_t stage) const { return m_stageTotals.at(stage); } // every persona
    // The figures as a view of the map shows them: every persona, or only
    // `focusPersonaId` when it names one. Costs personas × stages.
    Insights insights(std::string_view focusPersonaId = {}) const;

private:
    struct Cell {
        StageTally tally;
        int emotionSum = 0;
        int emotionCount = 0;
    };
    // What one card adds to the figures.
    struct Counted {
        std::size_t persona = 0;
        std::size_t stage = 0;
        LaneKind kind = LaneKind::Notes;
        std::optional<int> score;
        std::optional<int> desired;
        int severity = 0;
        OpportunityStatus status = OpportunityStatus::Idea;
        std::size_t lane = 0;
        std::int64_t order = 0;
    };
    // A score below zero, ordered by the lowest-moment rule; equal keys
    // but the id are told apart by file order when asked (see refreshLowest).
    struct Low {
        int score;
        std::size_t stage;
        std::size_t lane;
        std::int64_t order;
        std::string id;
        auto operator<=>(const Low &) const = default;
    };
    // A gap, ordered largest first, then as the map is read.
    struct Gap {
        int negativeSize; // -|desired - score|, so the largest sorts first
        std::size_t stage;
        std::size_t lane;
        std::int64_t order;
        std::string id;
        int score;
        int desired;
        auto operator<=>(const Gap &) const = default;
    };
    Cell &cell(std::size_t persona, std::size_t stage) { return m_cells[persona * m_stageTotals.size() + stage]; }
    const Cell &cell(std::size_t persona, std::size_t stage) const
    {
        return m_cells.at(persona * m_stageTotals.size() + stage);
    }
    std::optional<Counted> counted(const Document &document, const Card &card) const;
    void add(const std::string &id, const Counted &counted, int sign);
    void refreshLowest(const Document &document, std::size_t persona);

    std::vector<std::string> m_personaIds;
    std::vector<Cell> m_cells; // [persona][stage]
    std::vector<StageTally> m_stageTotals;
    std::unordered_map<std::string, Counted, StringHash, std::equal_to<>> m_counted;
    std::vector<std::set<Low>> m_belowZero; // per persona
    std::vector<std::set<Gap>> m_gaps;      // per persona
    std::vector<std::string> m_lowest;      // per persona
};

// The figures of a whole map, counted once (the Compare chart, tests).
Insights computeInsights(const Document &document, std::string_view focusPersonaId = {});

} // namespace cjm
