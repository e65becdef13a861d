#pragma once
// The card inventory as CSV: one row per card, the table people paste into
// spreadsheets. UTF-8 with a byte-order mark (so Excel shows Chinese text
// correctly), CRLF line ends and RFC 4180 quoting.

#include <string>
#include <string_view>
#include <vector>

#include "cjm/document.hpp"

namespace cjm {

// Column names of the inventory, in order.
const std::vector<std::string> &cardCsvColumns();

// Cards in display order: persona, stage, lane, then order. Hidden lanes are
// included (it is an inventory, not a picture).
std::string writeCardCsv(const Document &document);

// RFC 4180 parsing (quoted fields, doubled quotes; CRLF, LF or CR line ends),
// as tolerant as Python's csv module (the rules are in csv.cpp): a quote that
// does not start a field is text (24" monitor), and text after a closing
// quote joins the field ("abc"def is abcdef). A leading UTF-8 byte-order mark is
// skipped. Returns false, with `error` naming the line and column (the field's
// number in its row), only when a quoted field is never closed. `rowLines`,
// when given, gets the line each row starts on (a quoted field may span lines).
bool parseCsv(std::string_view text, std::vector<std::vector<std::string>> &rows, std::string &error,
              std::vector<int> *rowLines = nullptr, char delimiter = ',');

// Where byte `offset` of a CSV text falls, read as parseCsv reads it: the
// line (1-based; a quoted field's line ends count) and the column (the
// number of the field in its row, 1-based). Works on GB18030 and Big5 bytes
// too, so an undecodable byte can be placed before the text is decoded.
struct CsvPosition {
    int line = 1;
    int column = 1;
};
CsvPosition csvPositionAt(std::string_view text, std::size_t offset, char delimiter = ',');

// The one of , ; and tab that the first line uses most outside quotes; a
// comma on a tie. On undecoded GB18030 or Big5 bytes as well.
char guessCsvDelimiter(std::string_view text);

// One RFC 4180 row, fields quoted where needed, ending in CRLF.
std::string csvRow(const std::vector<std::string> &fields);

// Spreadsheets run a cell that starts with = + - @ as a formula; text from a
// map is written with a leading apostrophe so it stays text. Text that starts
// with an apostrophe gets one more, so the guard can always be told apart.
std::string csvSafeText(const std::string &text);
// The text csvSafeText was given: one leading apostrophe before = + - @ or ' removed.
std::string csvUnguardText(const std::string &text);

} // namespace cjm
