#pragma once
// One journey map in memory. Read-only to everyone but edits (edit.hpp) and the
// reader: every change goes through an Edit so that it can be undone exactly.
//
// Words, one meaning each:
// - Document: in code, the whole content of one .cjm file (this class): the
//   journey, personas, stages, lanes, cards, views and unknown keys. Code
//   that takes or returns a file's content names it so (readDocument,
//   writeDocument, diffDocuments, splitDocument).
// - map: the user's word for the same thing, used in UI text, undo texts and
//   messages ("Rename Map"; the reader's "the map has no ..."), and in names of
//   pictures of it (MapScene, MapPainter, MapLayout). Older names that use it
//   for the Document in code: workbookToMap/mapToWorkbook, DiffEntity::Map
//   (the file's top level), MapOperations (the user's operations on it).
// - Journey: the file's top-level "journey" entity, one per Document: title,
//   description, goal, type, language, review dates (model.hpp). Its title is
//   what the UI calls the map's name.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "cjm/model.hpp"

namespace cjm {

enum class EntityKind { Journey, Persona, Stage, Lane, Card };

// Where an id lives: its kind and its index in that kind's array.
struct EntityRef {
    EntityKind kind;
    std::size_t index;
};

struct CellKey {
    std::string persona;
    std::string stage;
    std::string lane;
    bool operator==(const CellKey &) const = default;
};

class DocumentAccess;

// The order of the first of `count` cards that go after a cell's last card
// (`last`: that card's order; nullopt when the cell is empty): last + 1, or 0.
// Nullopt when the last of them would pass kMaxCardOrder: then the cell's
// cards are renumbered 0, 1, 2... in display order and the new ones follow.
// The one place that decides; edits (addCardsAtEnd) and the CSV import use it.
std::optional<std::int64_t> firstOrderAfter(std::optional<std::int64_t> last, std::size_t count);

// Lets the id maps be searched with a string_view, without building a
// std::string for every lookup (painting asks for thousands per frame).
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

class Document {
public:
    Document() = default;

    // Top-level "generator": who wrote the file. Informational, kept as read.
    const std::optional<std::string> &generator() const { return m_generator; }
    const Journey &journey() const { return m_journey; }
    const std::vector<Persona> &personas() const { return m_personas; }
    const std::vector<Stage> &stages() const { return m_stages; }
    const std::vector<Lane> &lanes() const { return m_lanes; }
    const std::vector<Card> &cards() const { return m_cards; }
    // Saved views (top-level "views"), in file order. Not in the id index:
    // view(id) looks through them (a map has a handful).
    const std::vector<View> &views() const { return m_views; }
    const View *view(std::string_view id) const;
    const UnknownKeys &unknown() const { return m_unknown; }

    std::optional<EntityRef> find(std::string_view id) const;
    bool contains(std::string_view id) const { return find(id).has_value(); }
    const Persona *persona(std::string_view id) const;
    const Stage *stage(std::string_view id) const;
    const Lane *lane(std::string_view id) const;
    const Card *card(std::string_view id) const;
    std::optional<std::size_t> personaIndex(std::string_view id) const;
    std::optional<std::size_t> stageIndex(std::string_view id) const;
    std::optional<std::size_t> laneIndex(std::string_view id) const;
    std::optional<std::size_t> cardIndex(std::string_view id) const;

    // The cards of one cell, sorted by `order`, ties kept in file order.
    // Costs the cell's cards, not the map's (an index by cell, rebuilt after
    // cards are added, removed or moved).
    std::vector<const Card *> cardsInCell(std::string_view persona, std::string_view stage,
                                          std::string_view lane) const;
    // The kind a card is drawn as: its lane's (unknown kinds as notes).
    LaneKind cardKind(const Card &card) const;

    // A fresh id that no entity or view in this document uses, e.g. "card-k3x9q2mz".
    std::string newId(std::string_view prefix) const;

    // A document built in code (templates, tests): every part given at once.
    static Document fromParts(Journey journey, std::vector<Persona> personas, std::vector<Stage> stages,
                              std::vector<Lane> lanes, std::vector<Card> cards,
                              std::optional<std::string> generator = std::nullopt, UnknownKeys unknown = {},
                              std::vector<View> views = {});

    bool operator==(const Document &other) const;

private:
    friend class DocumentAccess;

    void invalidateIndex() const
    {
        m_indexValid = false;
        m_cellsValid = false;
    }
    // Card `index` moved from the old cell to its current one: the cell index
    // follows (cheap: two cells), so a drag never rebuilds it.
    void cardMovedCell(std::size_t index, std::string_view persona, std::string_view stage, std::string_view lane);
    void rebuildIndex() const;
    void rebuildCells() const;
    static std::string cellKey(std::string_view persona, std::string_view stage, std::string_view lane);

    std::optional<std::string> m_generator;
    Journey m_journey;
    std::vector<Persona> m_personas;
    std::vector<Stage> m_stages;
    std::vector<Lane> m_lanes;
    std::vector<Card> m_cards;
    std::vector<View> m_views;
    UnknownKeys m_unknown;

    // id -> place, built on first use after a structural change. Field edits
    // (text, colour, a card's cell) keep it valid, so typing never rebuilds it.
    mutable std::unordered_map<std::string, EntityRef, StringHash, std::equal_to<>> m_index;
    mutable bool m_indexValid = false;
    // cell key -> indexes of its cards, in file order. Built on first use
    // after a card changes cell (or any structural change).
    mutable std::unordered_map<std::string, std::vector<std::size_t>, StringHash, std::equal_to<>> m_cells;
    mutable bool m_cellsValid = false;
    // What edits know of the size of the file this map writes (edit.cpp):
    // at most `bytes` and `values` since the last measure. Not part of ==.
    struct WrittenSize {
        bool measured = false;
        std::size_t bytes = 0;
        std::size_t values = 0;
    };
    mutable WrittenSize m_written;
};

// The cards in the order a reader meets them (CSV rows, workbook rows): by
// persona, stage and lane in the map's order, then `order`, ties in file
// order. A card whose persona, stage or lane names nothing ranks with the
// first of that kind; cards in hidden lanes are included.
std::vector<const Card *> cardsInDisplayOrder(const Document &document);

// The entity of kind `Entity` with `id`, or nullptr: the one lookup for code
// generic over the entity kinds (field tables). The journey is the
// document's one journey, whatever `id` says.
template <typename Entity>
const Entity *findEntity(const Document &document, std::string_view id)
{
    if constexpr (std::is_same_v<Entity, Journey>)
        return &document.journey();
    else if constexpr (std::is_same_v<Entity, Persona>)
        return document.persona(id);
    else if constexpr (std::is_same_v<Entity, Stage>)
        return document.stage(id);
    else if constexpr (std::is_same_v<Entity, Lane>)
        return document.lane(id);
    else {
        static_assert(std::is_same_v<Entity, Card>, "findEntity: not an entity kind");
        return document.card(id);
    }
}

} // namespace cjm
