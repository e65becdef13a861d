#pragma once
// What an applied edit changed, told by the edit itself (Edit::changes), so
// the canvas, the panels and the layout decide from it what to update and
// nobody picks a hint by hand. Reverting an edit changes the inverse
// (inverted(): what was added is removed and the other way round).
//
// One entry per entity: whether it was added, removed or moved, and which of
// its fields changed. Field names are the file's keys (fields.hpp `name`); a
// card's place is "persona", "stage", "lane" and "order"; the journey's id is
// "id".

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cjm/document.hpp"

namespace cjm {

class ChangeSet {
public:
    struct Entry {
        EntityKind kind = EntityKind::Journey;
        std::string id; // empty for the journey
        bool added = false;
        bool removed = false;
        // A persona, stage or lane: its position in display order. A card:
        // its cell or its order in the cell ("persona", "stage", "lane",
        // "order" name which in `fields`).
        bool moved = false;
        std::vector<std::string> fields; // changed fields, each once, in the order first changed
        bool hasField(std::string_view field) const;
    };

    void noteAdded(EntityKind kind, std::string_view id);
    void noteRemoved(EntityKind kind, std::string_view id);
    void noteMoved(EntityKind kind, std::string_view id);
    void noteField(EntityKind kind, std::string_view id, std::string_view field);
    // The map's own top-level keys (those this version does not know).
    void noteTopLevel() { m_topLevel = true; }
    // For an edit that cannot say what it changed: anything may have.
    void noteEverything() { m_everything = true; }
    // Adds what `later` changed after this.
    void append(const ChangeSet &later);
    // What undoing these changes changes: the same entities and fields, with
    // added and removed swapped.
    ChangeSet inverted() const;

    bool empty() const { return m_entries.empty() && !m_topLevel && !m_everything; }
    const std::vector<Entry> &entries() const { return m_entries; }
    const Entry *find(EntityKind kind, std::string_view id) const;
    bool hasField(EntityKind kind, std::string_view id, std::string_view field) const;

    // Anything may have changed: look at the whole map again.
    bool touchesEverything() const { return m_everything; }
    bool touchesTopLevel() const { return m_topLevel || m_everything; }
    // The frame of the map changed: personas, stages or lanes were added,
    // removed or reordered, a lane was hidden or shown or changed kind, or
    // the journey's id changed. Which bands, columns and rows exist, and
    // where, is then to be worked out again.
    bool touchesStructure() const;
    // Some card was added, removed or moved to another cell or order.
    bool movesCards() const;
    // Only what entities hold changed (texts, scores, colours...): nothing
    // was added, removed or moved, no lane was hidden or shown.
    bool isContentOnly() const { return !touchesStructure() && !movesCards(); }
    // Any entity of `kind` is in the set (added, removed, moved or a field).
    bool touches(EntityKind kind) const;
    bool touchesJourney() const { return touches(EntityKind::Journey); }
    // Names, colours, descriptions... of personas, stages or lanes changed.
    bool touchesLabels() const;
    // Every card in the set, in the order first noted.
    std::vector<std::string> cardIds() const;
    // The ids of `kind` in the set.
    std::vector<std::string> ids(EntityKind kind) const;

    bool operator==(const ChangeSet &other) const;

private:
    Entry &entry(EntityKind kind, std::string_view id);

    std::vector<Entry> m_entries;
    // (kind, id) -> index in m_entries, so an edit of 50,000 cards notes in linear time.
    std::unordered_map<std::string, std::size_t> m_index;
    bool m_topLevel = false;
    bool m_everything = false;
};

} // namespace cjm
