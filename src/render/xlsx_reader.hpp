#pragma once
// Reads an .xlsx workbook's cells as text (cjm/workbook.hpp), for `cjm
// import` and the editor alike: the zip through libzip (zip_archive.hpp), each part's XML
// through QXmlStreamReader. It reads what Excel, LibreOffice and
// libxlsxwriter write: shared strings (rich text runs joined, phonetic
// guides left out), inline strings, formula results, numbers, booleans,
// cells placed by their references (or in sequence without them), the
// _xHHHH_ escapes of control characters, and numbers in a date format as
// YYYY-MM-DD. Formulas are read as their last computed value.
//
// Here in render rather than core because core has no Qt; it needs only
// QtCore, and render is the lowest layer the CLI and the editor share.

#include <QString>
#include <optional>

#include "cjm/workbook.hpp"

namespace cjm {

struct XlsxReadResult {
    std::optional<Workbook> workbook;
    QString error; // "map.xlsx: xl/worksheets/sheet1.xml, line 3: ..." in words
};

// Every sheet, in the workbook's order. Refuses (with an error, never a
// partial workbook) a file that is not a zip, lacks its workbook part, holds
// XML that does not parse, or whose parts unpack past 256 MiB.
XlsxReadResult readXlsxFile(const QString &path);

// True when the bytes start as a zip does ("PK\3\4"): how the CLI tells a
// workbook from a CSV whatever the file is called.
bool looksLikeZip(const std::string &firstBytes);

} // namespace cjm
