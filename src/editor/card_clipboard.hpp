#pragma once
// Copying and pasting cards, between windows and between maps. The payload
// is a small .cjm document with the cards and the personas, stages and lanes
// they sit in, so pasting goes through the ordinary reader (an untrusted
// clipboard is validated like a file) and cards can find their places by
// name in another map. Plain text goes along for other applications.

#include <QMimeData>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cjm/edit.hpp"

namespace cjm {

inline constexpr const char *kCardsMimeType = "application/x-cjm-cards+json";

std::unique_ptr<QMimeData> cardsToMime(const Document &document, const std::vector<std::string> &cardIds);
std::optional<Document> cardsFromMime(const QMimeData *mime);

struct PastePlan {
    EditPtr edit;
    std::vector<std::string> newCardIds;
    bool structural = false; // a lane had to be added or shown
};

// Pastes every card of `clip` into `target` with new ids, at the end of a
// cell: the cell of `anchor` (a card of the target) when given, else where
// the same persona, stage and lane are found (by id, then by name), else the
// first persona and stage. A lane of the card's kind is shown or added when
// the target has none visible.
PastePlan planPaste(const Document &target, const Document &clip, const std::optional<std::string> &anchorCardId);

} // namespace cjm
