#pragma once
// What a map says at a glance, stage by stage: how each persona feels (the
// average emotion score), how much hurts (pain points and purchase barriers,
// weighted by severity), which opportunities are being worked on, and each
// persona's lowest emotional moment — the place a journey map exists to find.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "cjm/document.hpp"

namespace cjm {

struct StageInsight {
    std::vector<std::optional<double>> averageEmotion; // per persona, in map order; empty: no emotion card
    int painPoints = 0;
    int barriers = 0;
    int severity = 0; // the sum of their severities (1 low – 3 high)
    std::array<int, 4> opportunities{}; // by status: idea, planned, in progress, done
};

struct Insights {
    std::vector<StageInsight> stages;        // in map order
    std::vector<std::string> lowestMoments; // per persona: the emotion card with the lowest score, or ""
    int maxSeverity = 0;                     // of any stage, for scaling a heat strip
};

// One pass over the cards. Hidden lanes count too: hiding a lane is a view
// choice, not a change to what the team found.
Insights computeInsights(const Document &document);

} // namespace cjm
