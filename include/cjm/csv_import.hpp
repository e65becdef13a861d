#pragma once
// Building a map from a spreadsheet's CSV: the card inventory writeCardCsv
// writes comes back as the same map, and other tables come in through a
// column mapping (which column is the persona, the stage, the text...).
// Personas, stages and lanes are made from the distinct names, in the order
// they first appear. Text may be UTF-8 (with or without a byte-order mark),
// GB18030 or Big5, detected or chosen.

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cjm/document.hpp"

namespace cjm {

enum class TextEncoding { Utf8, Gb18030, Big5 };

std::string_view toString(TextEncoding encoding); // "utf-8", "gb18030", "big5"
// "utf-8"/"utf8", "gb18030" (also "gbk", "gb2312", which it contains), "big5"; any case.
std::optional<TextEncoding> textEncodingFromName(std::string_view name);

// Valid UTF-8 (or a UTF-8 byte-order mark) is UTF-8. Otherwise GB18030 or
// Big5: the one that decodes without error; when both do, the one whose
// characters fall more often among its encoding's most common characters
// (GB2312 level 1; Big5's frequently used block), GB18030 on a tie.
TextEncoding detectTextEncoding(std::string_view bytes);

// The text as UTF-8, without a byte-order mark. On bytes the encoding does
// not allow, false with `error` naming the line and column of the first bad
// byte, as the CSV is read ("line 3, column 2: ...").
bool decodeText(std::string_view bytes, TextEncoding encoding, std::string &utf8, std::string &error);

// What a column holds. The names (toString) are the inventory's column names.
enum class CsvField {
    Ignore,
    Persona,
    Stage,
    Phase,
    Lane,
    LaneKind,
    Order,
    Text,
    Notes,
    Channel,
    Direct,
    Score,
    Desired,
    Severity,
    Impact,
    Status,
    Tags,
    Simple,
    Appropriate,
    Relevant,
    Meaningful,
    Engaging,
    Personal,
    AuditNote,
    Reviewed,
    Link,
    MetricValue,
    MetricTarget,
    MetricUnit,
    CardId,
    PersonaId,
    StageId,
    LaneId,
    LanePosition,
    JourneyType,
    // Then one value for each plain card field of include/cjm/fields.hpp (text,
    // optional text, whole number) that has no column above, in the table's
    // order: FirstTableField is the first, FirstTableField + 1 the next...
    // Their names are the fields' keys ("color"); the inventory writes them
    // after "journey type", so a new card field is a column by itself.
    FirstTableField = 1000,
};

// Every field a column can be mapped to (not Ignore), in the inventory's order
// (the table fields last).
const std::vector<CsvField> &csvFields();
std::string_view toString(CsvField field); // "persona", "lane kind", "audit note", "card id"; Ignore gives "ignore"
std::optional<CsvField> csvFieldFromName(std::string_view name); // the names above, any case

// Which field each column holds, by column index; columns past the end are ignored.
struct CsvColumnMapping {
    std::vector<CsvField> columns;
    bool operator==(const CsvColumnMapping &) const = default;
};

// A mapping from header names: the inventory's own names and a few common
// English and Chinese ones ("card", "touchpoint", "阶段", "渠道"...).
CsvColumnMapping guessCsvMapping(const std::vector<std::string> &header);

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows; // blank rows left out
    std::vector<int> lines;                     // the line each row starts on (1-based, the header is line 1)
    TextEncoding encoding = TextEncoding::Utf8;
    char delimiter = ',';
};

// A column the header names a field for, left out of the guess because a
// value in it is not what the field takes: a third-party sheet's "Color"
// column of words ("red") is not the card colour (#rrggbb). Only fields that
// take a written form (fields.hpp FieldFormat) are checked.
struct CsvIgnoredColumn {
    std::size_t column = 0;            // from 0
    CsvField field = CsvField::Ignore; // the field its header names
    int line = 0;                      // the first row whose value the field does not take
    std::string value;                 // that value
    bool operator==(const CsvIgnoredColumn &) const = default;
};

struct CsvTableResult {
    std::optional<CsvTable> table;
    std::string error; // "line 7: a quoted field is never closed"
};

// Decodes (detecting the encoding unless given) and splits a CSV. The
// delimiter is the one of , ; and tab that the header line uses most.
CsvTableResult readCsvTable(std::string_view bytes, std::optional<TextEncoding> encoding = std::nullopt);

struct CsvMappingGuess {
    CsvColumnMapping mapping;
    std::vector<CsvIgnoredColumn> ignored; // the columns the header alone would have mapped
};

// guessCsvMapping of the table's header, less the columns none of whose
// values the field takes (a "Color" column of words): a guess never makes
// every row of a file bad. A column with some values of the field's form
// stays mapped, and a value it refuses is a bad row, as in a mapping the
// user chooses.
CsvMappingGuess guessCsvMapping(const CsvTable &table);
// "column 3 ‘Color’ is not imported: color takes a color written #rrggbb, but
// line 2 has ‘red’ (map the column to color to import it anyway)"
std::string describe(const CsvIgnoredColumn &ignored, const std::vector<std::string> &header);

struct CsvImportOptions {
    std::optional<TextEncoding> encoding;    // nullopt: detect
    std::optional<CsvColumnMapping> mapping; // nullopt: guessCsvMapping of the header
    bool skipBadRows = false;                // import the good rows when some are bad
    std::string title;                       // the journey's title
    // For rows without a persona, stage or lane column (or an empty cell).
    std::string defaultPersonaName = "Customer";
    std::string defaultStageName = "Journey";
    LaneKind defaultLaneKind = LaneKind::Touchpoints;
    // Ids the import must not make up (the map a sheet updates, cjm import
    // --into): a row without an id then never matches a card of that map.
    // Ids the file gives are kept either way.
    std::set<std::string> reservedIds;
};

// A row with text in fields past the header's columns is a bad row too
// ("column 5 holds ‘x’, past the header's 4 columns"): refused, or skipped
// with skipBadRows, never cut short in silence.
struct CsvRowProblem {
    int line = 0;        // where the row starts in the file
    std::string message; // every problem of the row: "score must be a whole number from -3 to 3, but it is ‘9’"
    bool operator==(const CsvRowProblem &) const = default;
};

struct CsvImportResult {
    std::optional<Document> document; // absent on a fatal error, or on bad rows without skipBadRows
    std::string error; // fatal: undecodable text, an unclosed quote, no text column, an empty file, no row importable
    // A header without rows is no error: it makes a map without cards.
    std::vector<CsvRowProblem> badRows;
    TextEncoding encoding = TextEncoding::Utf8;
    CsvColumnMapping mapping; // the mapping used
    // Without options.mapping: the columns the guess left out, and why
    // (describe of each CsvMappingGuess::ignored), for the user to read.
    std::vector<std::string> notes;
    std::size_t cardsImported = 0;
    bool ok() const { return document.has_value(); }
};

// The inventory's columns give the ids of cards, personas, stages and lanes
// and the journey's type: an exported inventory imports with the same ids
// and type. Lanes are ordered by the "lane position" column; personas,
// stages (and lanes without a position) as the rows show them (a stage
// before another in any persona stays before it), else as they first appear.
CsvImportResult importCardCsv(std::string_view bytes, const CsvImportOptions &options = {});

struct SheetContents;
// What of a card a CSV with this mapping holds, for planSheetUpdate (sheet_update.hpp).
SheetContents csvSheetContents(const CsvColumnMapping &mapping);

} // namespace cjm
