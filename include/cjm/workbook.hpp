#pragma once
// The whole map as a spreadsheet workbook of text cells: sheets Cards,
// Personas, Stages, Lanes (in map order) and Journey. Everything the map
// holds has a cell except pictures (a persona's avatar, a card's image): what
// has no column of its own (comments, keys from newer versions, the
// generator) is JSON in a "more (JSON)" column. So a map written out and read
// back is the same map, pictures aside.
//
// This is plain data, no file format: the xlsx writer (render) styles and
// writes it with libxlsxwriter, the xlsx reader fills it from a file, and
// the CLI and the editor turn it into a map here.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cjm/document.hpp"

namespace cjm {

struct SheetCell {
    std::string text;
    bool number = false; // a number in the sheet (written as a number, text() its shortest form)
    bool operator==(const SheetCell &) const = default;
};

struct Sheet {
    std::string name;
    std::vector<std::vector<SheetCell>> rows; // rows[0] is the header
    // mapToWorkbook: the id of the entity each row below the header shows
    // (the Journey sheet: none). Not read back: ids are in the cells.
    std::vector<std::string> rowIds;
};

struct Workbook {
    std::vector<Sheet> sheets;
    const Sheet *find(std::string_view name) const;
};

namespace workbook {
inline constexpr std::string_view kCards = "Cards";
inline constexpr std::string_view kPersonas = "Personas";
inline constexpr std::string_view kStages = "Stages";
inline constexpr std::string_view kLanes = "Lanes";
inline constexpr std::string_view kJourney = "Journey";
// The column of JSON for what has no column of its own.
inline constexpr std::string_view kMoreColumn = "more (JSON)";
} // namespace workbook

// The map's sheets. Cards in display order (persona, stage, lane, order);
// a card's persona, stage and lane are named by name (a lane without a title
// by its kind), or by id where a name is shared or looks like another's id.
Workbook mapToWorkbook(const Document &document);

// The drop-down choices of the Cards sheet's columns that have them, by
// column name: persona, stage, lane (the names used in the Cards sheet),
// channel, severity, status.
struct ColumnChoices {
    std::string column;
    std::vector<std::string> choices;
};
std::vector<ColumnChoices> workbookChoices(const Document &document);

// "A1", "AB12": a cell's reference from 0-based column and row.
std::string cellReference(std::size_t column, std::size_t row);

struct WorkbookImportResult {
    std::optional<Document> document;
    // The first things wrong, each naming sheet and cell: "Cards!J5: score must
    // be a whole number, but it is ‘high’". Empty when document is set.
    std::vector<std::string> problems;
    bool ok() const { return document.has_value(); }
};

// The map the sheets describe. Columns are found by their header names in
// any order; rows without any text are skipped. A Cards row naming a persona,
// stage or lane the other sheets lack adds one. The reader of .cjm files has
// the last word: what it would refuse is refused here too, by sheet and row.
// Ids in `reservedIds` are never made up for rows without one (a map the
// sheet updates: such a row then never matches one of its cards).
WorkbookImportResult workbookToMap(const Workbook &workbook, const std::set<std::string> &reservedIds = {});

struct SheetContents;
// What of a card the workbook's Cards sheet holds (its columns), for planSheetUpdate.
SheetContents workbookSheetContents(const Workbook &workbook);

} // namespace cjm
