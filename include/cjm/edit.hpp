#pragma once
// Invertible edits: the only way a Document changes. apply() then revert()
// leaves the document exactly as it was (same ids, same array positions, same
// unknown keys), so the editor's undo stack is exact by construction.
//
// An edit records what it needs to undo itself when it is applied, so the
// same object can be applied, reverted and applied again any number of times
// as long as the document is in the matching state each time (as an undo
// stack guarantees).

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "cjm/change_set.hpp"
#include "cjm/document.hpp"
#include "cjm/fields.hpp"

namespace cjm {

class Edit {
public:
    virtual ~Edit() = default;
    // Applies the edit. Returns false, leaving the document unchanged, when it
    // does not fit the document (its target id is gone, a new id is taken,
    // a reference names nothing) or would make a map the reader refuses or
    // reads back differently (an invalid id, an order below 0, a date that
    // does not exist, a text over 1 MiB or not UTF-8, an emotion card without
    // a score, a map past the reader's 256 MiB or 4,194,304 values...). So
    // every document edits reach saves and reads back equal.
    virtual bool apply(Document &document) = 0;
    // Undoes the last successful apply().
    virtual void revert(Document &document) = 0;
    // A short English description for logs ("move card c3").
    virtual std::string description() const = 0;
    // Takes `next` into this edit when both change the same field of the same
    // entity (setField): this edit keeps its old value and takes the newest
    // value, so typing a paragraph is one old and one new text. Both must be
    // applied (this one first, `next` right after) or both reverted; `next`
    // is then spent. False, changing nothing, for any other pair.
    virtual bool mergeWith(Edit &) { return false; }
    // The memory this edit holds, in bytes: the object and what its values
    // own (what an undo stack of it costs).
    virtual std::size_t sizeInBytes() const = 0;
    // Adds to `changes` what the last apply() changed (reverting changes the
    // inverse: ChangeSet::inverted). Meaningful once the edit was applied; it
    // stays so after revert(). An edit that cannot tell says "everything".
    virtual void collectChanges(ChangeSet &changes) const { changes.noteEverything(); }
    ChangeSet changes() const
    {
        ChangeSet changes;
        collectChanges(changes);
        return changes;
    }
};

using EditPtr = std::unique_ptr<Edit>;

// Structure. `index` is the position in display order; nullopt appends.
EditPtr addPersona(Persona persona, std::optional<std::size_t> index = std::nullopt);
EditPtr addStage(Stage stage, std::optional<std::size_t> index = std::nullopt);
EditPtr addLane(Lane lane, std::optional<std::size_t> index = std::nullopt);
EditPtr addCard(Card card, std::optional<std::size_t> index = std::nullopt);

// Removing a persona, stage or lane removes the cards in it as well; revert
// puts every one of them back where it was.
EditPtr removePersona(std::string id);
EditPtr removeStage(std::string id);
EditPtr removeLane(std::string id);
EditPtr removeCard(std::string id);

// One field of the entity whose id is `id` (fields.hpp): the edit keeps that
// field's value alone, never the entity. Refused like any edit when the value
// would not read back or does not fit the map (an emotion card's score
// removed, a lane made an emotions lane with cards that have no score).
// The value's type is the field's (a text may be given as "...").
template <typename Entity, typename Value>
EditPtr setField(const EntityField<Entity, Value> &field, std::string id, std::type_identity_t<Value> value);
// One field of the journey.
template <typename Value>
EditPtr setField(const EntityField<Journey, Value> &field, std::type_identity_t<Value> value);

// Replace every field of the entity whose id is `value.id`. For what really
// replaces a whole entity (a merge's resolved value); a change of one field
// is setField.
EditPtr updatePersona(Persona value);
EditPtr updateStage(Stage value);
EditPtr updateLane(Lane value);
EditPtr updateCard(Card value);
EditPtr setJourney(Journey value);

// Display order of the bands, columns and rows.
EditPtr movePersona(std::string id, std::size_t newIndex);
EditPtr moveStage(std::string id, std::size_t newIndex);
EditPtr moveLane(std::string id, std::size_t newIndex);

// Put a card in another cell and/or at another order; touches nothing else.
EditPtr moveCard(std::string id, std::string persona, std::string stage, std::string lane, std::int64_t order);

// Puts `cardIds` (in that order) into a cell at display position `index`,
// numbering the cell's cards 0, 1, 2... Only cards whose cell or order
// changes get an edit, so a saved file changes only where the map did.
// Returns nullptr when nothing would change or an id is unknown.
EditPtr moveCardsToCell(const Document &document, const std::vector<std::string> &cardIds, const std::string &persona,
                        const std::string &stage, const std::string &lane, std::size_t index);
// Adds `card` to its cell (card.persona/stage/lane) at display position `index`.
EditPtr addCardToCell(const Document &document, Card card, std::size_t index);
// Adds `cards` after the last card of each one's cell (card.persona, stage
// and lane), in the given order; their `order` is set here. A cell whose
// orders run out (firstOrderAfter) has its cards renumbered 0, 1, 2... in
// display order within the same edit, the new cards after them. Cells are
// read from `document` as it is now: cards for a lane that an earlier part of
// the same compound adds start at 0. Null when `cards` is empty.
EditPtr addCardsAtEnd(const Document &document, std::vector<Card> cards, std::string description = "add cards");

// Several edits as one: applied in sequence, reverted in reverse. If one does
// not apply, those before it are reverted and the whole edit fails.
EditPtr compound(std::vector<EditPtr> edits, std::string description);

} // namespace cjm
