#pragma once
// Every change a user makes to a map, one method per operation. Each owns
// its rules (what it refuses), its undo text and how consecutive steps of
// one gesture merge, so renaming a stage from the canvas, the Structure panel
// or the Inspector is the same operation with the same result. The only
// place in the editor that builds core edits (edit.hpp); widgets call these
// and decide nothing about edits. What an operation changed reaches the
// views through DocumentController::changed, as the edit itself tells it.
//
// Each returns whether the map changed: false when the operation refuses
// (an empty name, an id that is gone, a read-only map, a value the file
// cannot hold) or when there was nothing to change.

#include <QCoreApplication>
#include <QString>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "cjm/audit.hpp"
#include "cjm/fields.hpp"
#include "cjm/merge.hpp"
#include "cjm/review.hpp"
#include "cjm/sheet_update.hpp"
#include "cjm/views.hpp"

namespace cjm {

class DocumentController;
struct PastePlan;
struct PaletteDrop;

class MapOperations {
    Q_DECLARE_TR_FUNCTIONS(MapOperations)
public:
    explicit MapOperations(DocumentController *controller) : m_controller(controller) {}

    // Names. A name is one line, its runs of white space made one space; an
    // empty name is refused. `gesture` (DocumentController::beginGesture)
    // merges the keystrokes of one typing into one undo step; 0 never merges.
    bool renameStage(const std::string &stageId, const QString &name, quint64 gesture = 0);
    bool renamePersona(const std::string &personaId, const QString &name, quint64 gesture = 0);
    bool renameMap(const QString &title, quint64 gesture = 0);
    // A lane's title; the kind's own name (or empty) makes it follow the UI
    // language again.
    bool renameLane(const std::string &laneId, const QString &title);
    bool setLaneShown(const std::string &laneId, bool shown);
    // The Structure panel's one row: title and shown together, one step.
    bool changeLane(const std::string &laneId, const QString &title, bool shown);

    // A card's words, as typed (several lines kept).
    bool setCardText(const std::string &cardId, const QString &text, quint64 gesture = 0);
    // One audit criterion of a touchpoint, 0 (not rated) to 5.
    bool setAuditRating(const std::string &cardId, const AuditCriterion &criterion, int rating, quint64 gesture = 0);
    // Any other field of an entity (the Inspector's rows): "Edit <field>".
    // Names, titles and a card's text go to the operations above.
    template <typename Entity, typename Value>
    bool setField(const EntityField<Entity, Value> &field, const std::string &id, std::type_identity_t<Value> value,
                  quint64 gesture = 0);
    // The review is done today: the next one is scheduled.
    bool markReviewed(const Date &today);

    // Cards.
    // A new card of the lane's kind in a cell at display position `index`;
    // returns its id (empty when refused).
    std::string addCardToCell(const std::string &personaId, const std::string &stageId, const std::string &laneId,
                              std::size_t index);
    // Moves `cardIds` into the cell (persona, stage, lane) at `index`. A
    // card keeps its kind: one of another kind than the lane goes to its own
    // lane in that persona and stage. Steps of one drag (`gesture`) merge.
    bool moveCards(const std::vector<std::string> &cardIds, const std::string &personaId, const std::string &stageId,
                   const std::string &laneId, std::size_t index, quint64 gesture = 0);
    // An emotion's score (-3..+3) and, if `stageId` differs, its stage.
    bool setEmotion(const std::string &cardId, int score, const std::string &stageId, quint64 gesture = 0);
    bool deleteCards(const std::vector<std::string> &cardIds);
    enum class PasteKind { Paste, Duplicate };
    bool pasteCards(const PastePlan &plan, PasteKind kind = PasteKind::Paste);
    // A palette entry dropped on the map; returns the id of what it made.
    std::string dropPaletteEntry(const PaletteDrop &drop);

    // Personas, stages and lanes. An added one is named "New persona",
    // "New stage" (a lane: its kind's name); returns its id, empty when refused.
    std::string addPersona(std::optional<std::size_t> index = std::nullopt);
    std::string addStage(std::optional<std::size_t> index = std::nullopt);
    std::string addLane(LaneKind kind = LaneKind::Notes, std::optional<std::size_t> index = std::nullopt);
    // Removing takes the cards in it along (one undo step brings all back).
    bool removePersona(const std::string &personaId);
    bool removeStage(const std::string &stageId);
    bool removeLane(const std::string &laneId);
    // To display position `index` (clamped).
    bool movePersona(const std::string &personaId, std::size_t index);
    bool moveStage(const std::string &stageId, std::size_t index);
    bool moveLane(const std::string &laneId, std::size_t index);

    // The map's saved views become `views` (the Views dialog's result; ids
    // kept for views that stay): one undo step named `undoText` ("Save View",
    // "Edit Views"). False when nothing changed or the map refuses.
    bool setViews(const std::vector<View> &views, const QString &undoText);

    // Applies an edited spreadsheet's changes (planSheetUpdate, made on the
    // map as it is now) as one undo step, "Update from Spreadsheet".
    bool updateFromSheet(SheetUpdatePlan plan);

    // Settles a merge conflict; `error` says why not when it cannot.
    bool resolveConflict(const Conflict &conflict, Resolution how, const Json &value, QString *error = nullptr);

private:
    DocumentController *m_controller;
};

} // namespace cjm
