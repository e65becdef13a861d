#pragma once
// Updating a map from an edited spreadsheet (a CSV inventory or a workbook):
// rows are matched to cards by id. What the sheet holds of a matched card is
// taken from it (changed fields, another cell or order); rows with a new id
// or none are new cards; cards the sheet lacks are reported, and removed
// only when asked. Ids, the order of personas, stages and lanes, the
// journey, and every field the sheet has no column for stay as they are.
//
// The plan is computed first, as data, so the editor can show the changes
// before it applies them as one undoable edit; `cjm import --into` applies
// the same edit.

#include <set>
#include <string>
#include <vector>

#include "cjm/diff.hpp"
#include "cjm/document.hpp"
#include "cjm/edit.hpp"

namespace cjm {

// Which card fields a sheet holds: names of fields::card ("text", "score",
// "audit"...) plus "cell" (persona, stage and lane) and "order".
struct SheetContents {
    std::set<std::string> cardFields;
    // The audit's and metric's keys from newer versions (a workbook's "more
    // (JSON)" column holds them; a CSV does not).
    bool nestedUnknown = false;
};

struct SheetUpdatePlan {
    // What applying `edit` changes, as `cjm diff MAP OUT` lists it.
    std::vector<Change> changes;
    // Cards of the map no row names, in map order: removed by `edit` only
    // with deleteMissing (then also in `changes`).
    std::vector<std::string> missingCards;
    std::size_t changedCards = 0, addedCards = 0, removedCards = 0;
    // Null when nothing changes. Applies to the map it was planned on.
    EditPtr edit;
    // Set when the changes together make a map the reader refuses; nothing applies.
    std::string error;
};

// `sheet` is the spreadsheet read as a map (importCardCsv or workbookToMap,
// with the map's ids reserved so that ids made up for rows without one never
// match a card). A sheet's persona, stage or lane is the map's with the
// same id, else the map's with the same name (a lane: title and kind), else
// added after the map's.
SheetUpdatePlan planSheetUpdate(const Document &map, const Document &sheet, const SheetContents &contents,
                                bool deleteMissing);

} // namespace cjm
