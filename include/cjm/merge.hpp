#pragma once
// Three-way merge of maps by entity id, and the conflicts it leaves in the
// file for the app to show and resolve.
//
// The rule: a merge keeps every value either side changed, in the map or in
// a conflict marker a person sees, or it writes nothing. It never drops one.
//
// Every object with an identity is merged key by key (a card's persona,
// stage, lane and order together as its "cell"), known keys and unknown ones
// alike: the map's top level, the journey, personas, stages, lanes, cards.
// A key only one side changed takes that side's value; a key both sides
// changed to different values is a conflict. Adds, deletes and the display
// order of personas, stages and lanes merge the same way. The merged map is
// always a valid .cjm: where there is a conflict the object keeps OURS and
// carries the other side in its unknown key "x-cjm-conflicts" (kConflictKey),
// which every reader keeps untouched:
//
//   "x-cjm-conflicts": [
//     {"type": "field", "field": "text", "base": "Ad", "theirs": "Instagram ad"},
//     {"type": "deleted", "deletedBy": "theirs"},
//     {"type": "order", "field": "stages", "base": ["s1", "s2"], "theirs": ["s2", "s1"]}
//   ]
//
// "base"/"theirs" are left out when that side has no such key (its default).
// A value nested so deep that the marker would pass the reader's nesting
// limit is stored as its JSON text instead, under "baseJson"/"theirsJson";
// listConflicts decodes it, so a Conflict always holds the values themselves.
// A deleted conflict is an entity one side deleted and the other changed (a
// card edited, or cards added or moved into a stage, persona or lane): it is
// kept with the changing side's content. Order conflicts sit on the journey;
// conflicts of top-level keys sit on the top level (DiffEntity::Map).
//
// "x-cjm-conflicts" itself merges as a list: markers one side removed (a
// conflict resolved) go, markers either side added stay. A value there that is
// not a list (written by hand or by another program) is kept as it is; when the
// merge must add a marker beside it, it becomes the list's first entry.
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
    DiffEntity entity = DiffEntity::Card; // Journey for Order conflicts; Map for top-level keys
    std::string id;                       // empty for Map
    std::string field;                    // empty for Deleted
    std::optional<Json> base;             // absent: the key was not set (its default)
    std::optional<Json> ours;             // the value the map holds now
    std::optional<Json> theirs;
    std::string deletedBy;   // Deleted: "ours" or "theirs"
    std::string description; // one readable English line with both values
    bool operator==(const Conflict &) const = default;
};

// Ids are unique across the whole file. When the two sides used one id for
// two different entities (say their new stage and our new lane), one of them
// is given a fresh id, and every reference to it follows.
struct RenamedId {
    DiffEntity entity = DiffEntity::Card; // the kind of the entity renamed
    std::string from, to;
    bool operator==(const RenamedId &) const = default;
};

struct MergeResult {
    std::optional<Document> document; // absent only when the merged map would not be valid (see problems)
    std::vector<Conflict> conflicts;  // what the merged map carries in "x-cjm-conflicts"
    Problems problems;                // why there is no document
    std::vector<RenamedId> renamed;   // entities whose id clashed with another kind's: no data lost
    // Clean: nothing left to choose, and so nothing of either side set aside.
    bool clean() const { return document && conflicts.empty(); }
};

MergeResult mergeDocuments(const Document &base, const Document &ours, const Document &theirs);

// The conflicts a map carries, in file order: top level, journey, personas, stages, lanes, cards.
// Marker entries this version cannot read (not an object, or an unknown "type") are kept in the
// file but not listed.
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
