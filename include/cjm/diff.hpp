#pragma once
// Comparing two maps by entity id: what was added, removed, changed (field by
// field, unknown keys included), moved (a card's cell or order) or reordered
// (the display order of personas, stages or lanes). The result is data: the
// CLI prints it, the app highlights the cards it names.
//
// Values are compared in their canonical JSON form (writeDocument), so a key
// the writer leaves out (a default) compares as absent.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cjm/document.hpp"

namespace cjm {

// What a change is about. `Map` is the file's top level: its generator and
// keys this version does not know. `View` is a saved view (top-level "views").
enum class DiffEntity { Map, Journey, Persona, Stage, Lane, Card, View };

enum class ChangeType {
    Added,     // the entity is only in B; `after` is its JSON
    Removed,   // the entity is only in A; `before` is its JSON
    Changed,   // one key of the entity differs; `field` names it
    Moved,     // a card went to another cell (`field` "cell") or another place in its cell (`field` "order")
    Reordered, // the display order of personas, stages or lanes changed; `field` names the array
};

struct Change {
    ChangeType type = ChangeType::Changed;
    DiffEntity entity = DiffEntity::Card;
    std::string id; // the entity's id; empty for Map and Reordered
    // Changed: the key ("text", "name", "x-custom"); Moved: "cell" or "order";
    // Reordered: "personas", "stages", "lanes" or "views"; Added and Removed: empty.
    std::string field;
    // Absent when the key is not in that map (it has its default).
    // Moved "cell": {"persona", "stage", "lane", "order"}; Moved "order": the numbers;
    // Reordered: the ids present in both maps, in A's and in B's order.
    std::optional<Json> before;
    std::optional<Json> after;
    // One readable English line: "card ‘Instagram ad’ moved from Awareness to Consideration (Busy parent)".
    std::string description;

    bool operator==(const Change &) const = default;
};

// The changes that turn `a` into `b`: journey first, then personas, stages,
// lanes, cards and views, each in B's order with removals first. Empty when equal.
std::vector<Change> diffDocuments(const Document &a, const Document &b);

// {"equal": bool, "changes": [{"change", "entity", "id", "field", "old", "new", "description"}]}
// ("old"/"new" left out when absent).
Json changesToJson(const std::vector<Change> &changes);

std::string_view toString(DiffEntity entity); // "map", "journey", "persona", "stage", "lane", "card", "view"
std::string_view toString(ChangeType type);   // "added", "removed", "changed", "moved", "reordered"
std::optional<EntityKind> toEntityKind(DiffEntity entity); // nullopt for Map and View (not in the id index)

// How messages name an entity of `document`: "card ‘Instagram ad’", "stage
// ‘Awareness’", "lane ‘Touchpoints’", "persona ‘Busy parent’", "view ‘Exec deck’", "the journey".
// A card without text, or an id the document lacks, is named by its id.
std::string entityLabel(const Document &document, DiffEntity entity, const std::string &id);

} // namespace cjm
