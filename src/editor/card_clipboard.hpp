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

#include "cjm/document.hpp"

namespace cjm {

inline constexpr const char *kCardsMimeType = "application/x-cjm-cards+json";

std::unique_ptr<QMimeData> cardsToMime(const Document &document, const std::vector<std::string> &cardIds);
std::optional<Document> cardsFromMime(const QMimeData *mime);

// What a paste adds (MapOperations::pasteCards does it).
struct PastePlan {
    std::vector<Card> cards; // new ids, their cells set; orders are picked when pasted
    std::vector<std::string> newCardIds;
    std::vector<std::string> shownLanes; // hidden lanes of a card's kind, shown
    std::vector<Lane> newLanes;          // lanes of a kind the map has none of
};

// Pastes every card of `clip` into `target` with new ids, at the end of a
// cell: the cell of `anchor` (a card of the target) when given, else where
// the same persona, stage and lane are found (by id, then by name), else the
// first persona and stage. A lane of the card's kind is shown or added when
// the target has none visible.
PastePlan planPaste(const Document &target, const Document &clip, const std::optional<std::string> &anchorCardId);

} // namespace cjm
