#pragma once
// Three-way merge of maps by entity id, and the conflicts it leaves in the
// file for the app to show and resolve.
//
// Every entity is merged key by key (a card's persona, stage, lane and order
// together as its "cell"): a key only one side changed takes that side's
// value; a key both sides changed to different values is a conflict. Adds,
// deletes and the display order of personas, stages and lanes merge the same
// way. The merged map is always a valid .cjm: where there is a conflict the
// entity keeps OURS and carries the other side in the unknown key
// "x-cjm-conflicts" (kConflictKey), which every reader keeps untouched:
//
//   "x-cjm-conflicts": [
//     {"type": "field", "field": "text", "base": "Ad", "theirs": "Instagram ad"},
//     {"type": "deleted", "deletedBy": "theirs"},
//     {"type": "order", "field": "stages", "base": ["s1", "s2"], "theirs": ["s2", "s1"]}
//   ]
//
// "base"/"theirs" are left out when that side has no such key (its default).
// A deleted conflict is an entity one side deleted and the other changed (a
// card edited, or cards added or moved into a stage, persona or lane): it is
// kept with the changing side's content. Order conflicts sit on the journey.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cjm/diff.hpp"
#include "cjm/document.hpp"
#include "cjm/edit.hpp"
#include "cjm/problem.hpp"

namespace cjm {

inline constexpr const char *kConflictKey = "x-cjm-conflicts";

enum class ConflictType {
    Field,   // both sides changed one key differently; `field` names it ("text", "cell", "x-custom")
    Deleted, // one side deleted the entity, the other changed it; `deletedBy` says which
    Order,   // both sides reordered personas, stages or lanes differently; `field` names the array
};

struct Conflict {
    ConflictType type = ConflictType::Field;
    DiffEntity entity = DiffEntity::Card; // Journey for Order conflicts
    std::string id;
    std::string field;       // empty for Deleted
    std::optional<Json> base;   // absent: the key was not set (its default)
    std::optional<Json> ours;   // the value the map holds now
    std::optional<Json> theirs;
    std::string deletedBy;   // Deleted: "ours" or "theirs"
    std::string description; // one readable English line with both values
    bool operator==(const Conflict &) const = default;
};

struct MergeResult {
    std::optional<Document> document; // absent only when the merged map would not be valid (see problems)
    std::vector<Conflict> conflicts;  // what the merged map carries in "x-cjm-conflicts"
    Problems problems;                // why there is no document
    // Top-level keys this version does not know that both sides changed: OURS kept, not marked.
    std::vector<std::string> notes;
    bool clean() const { return document && conflicts.empty(); }
};

MergeResult mergeDocuments(const Document &base, const Document &ours, const Document &theirs);

// The conflicts a map carries, in file order: journey, personas, stages, lanes, cards.
std::vector<Conflict> listConflicts(const Document &document);

enum class Resolution {
    KeepOurs,   // the value the map holds now (for Deleted: delete it if ours deleted it)
    KeepTheirs, // the value from "theirs" (for Deleted: delete it if theirs deleted it)
    SetValue,   // `value`: a field's JSON, a cell {"persona","stage","lane","order"}, or an order's id list
};

struct ResolveResult {
    EditPtr edit;      // apply it (through the undo stack) to resolve; it also removes the marker
    std::string error; // why not, when edit is null
};

// An undoable edit that settles `conflict` (as listConflicts gave it) in `document`.
ResolveResult resolveConflict(const Document &document, const Conflict &conflict, Resolution how,
                              const Json &value = nullptr);

std::string_view toString(ConflictType type); // "field", "deleted", "order"

} // namespace cjm
