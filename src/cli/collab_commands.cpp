#include "collab_commands.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <ostream>
#include <set>
#include <variant>

#include "cjm/csv_import.hpp"
#include "cjm/diff.hpp"
#include "cjm/document_io.hpp"
#include "cjm/file_io.hpp"
#include "cjm/merge.hpp"
#include "cjm/sheet_update.hpp"
#include "cjm/workbook.hpp"
#include "qt_text.hpp"
#include "xlsx_reader.hpp"

namespace cjm::cli {

namespace {

void printProblems(const std::string &file, const Problems &problems, std::ostream &out)
{
    for (const auto &p : problems)
        out << formatProblem(file, p) << '\n';
}

bool isHexOrDot(const std::string &s)
{
    return s == "." || (s.size() >= 7 && std::all_of(s.begin(), s.end(), [](char c) {
                            return std::isxdigit(static_cast<unsigned char>(c));
                        }));
}
bool isModeOrDot(const std::string &s)
{
    return s == "." || (!s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '7'; }));
}

// git's external diff: path old-file old-hex old-mode new-file new-hex new-mode [new-path xfrm]
bool isGitDiffForm(const std::vector<std::string> &a)
{
    return (a.size() == 7 || a.size() == 9) && isHexOrDot(a[2]) && isModeOrDot(a[3]) && isHexOrDot(a[5]) &&
           isModeOrDot(a[6]);
}

// A map from a path; git passes /dev/null for a side that does not exist.
std::optional<Document> readMap(const std::string &path, std::ostream &err, bool allowMissing)
{
    if (allowMissing && path == "/dev/null")
        return Document{};
    auto result = readDocumentFile(path);
    if (!result.ok()) {
        printProblems(path, result.problems, err);
        return std::nullopt;
    }
    return std::move(result.document);
}

int gitDiff(const std::vector<std::string> &a, Streams io)
{
    const std::string &path = a[0];
    auto before = readMap(a[1], io.err, true);
    auto after = readMap(a[4], io.err, true);
    if (!before || !after)
        return 2;
    io.out << "cjm diff a/" << path << " b/" << (a.size() == 9 ? a[7] : path) << '\n';
    if (a[1] == "/dev/null")
        io.out << "new map\n";
    else if (a[4] == "/dev/null")
        io.out << "map deleted\n";
    else {
        const auto changes = diffDocuments(*before, *after);
        if (changes.empty())
            io.out << "no changes to the map (only its formatting)\n";
        for (const auto &c : changes)
            io.out << "  " << c.description << '\n';
    }
    return 0;
}

} // namespace

int runDiff(const DiffArgs &args, Streams io)
{
    if (isGitDiffForm(args.files))
        return gitDiff(args.files, io);
    if (args.files.size() != 2) {
        io.err << "cjm diff: name two maps to compare\nUsage: cjm diff A B [--json]\n";
        return 2;
    }
    auto a = readMap(args.files[0], io.err, false);
    auto b = readMap(args.files[1], io.err, false);
    if (!a || !b)
        return 2;
    const auto changes = diffDocuments(*a, *b);
    if (args.json)
        io.out << printableJson(changesToJson(changes)) << '\n';
    else
        for (const auto &c : changes)
            io.out << c.description << '\n';
    return changes.empty() ? 0 : 1;
}

int runMerge(const MergeArgs &args, Streams io)
{
    if (args.files.size() != 3) {
        io.err << "cjm merge: name three maps: BASE OURS THEIRS\nUsage: cjm merge BASE OURS THEIRS [-o OUT] [--name "
                  "PATH]\n";
        return 2;
    }
    const std::optional<std::string> output =
        args.output.empty() ? std::nullopt : std::optional<std::string>(args.output);
    // git hands over temporary files; --name says which map they are.
    const std::string name = !args.name.empty() ? args.name : output.value_or(args.files[1]);
    auto base = readMap(args.files[0], io.err, false);
    auto ours = readMap(args.files[1], io.err, false);
    auto theirs = readMap(args.files[2], io.err, false);
    if (!base || !ours || !theirs) {
        io.err << "cjm merge: " << name << ": not merged: a version cannot be read\n";
        return 2;
    }
    MergeResult result = mergeDocuments(*base, *ours, *theirs);
    if (!result.document) {
        io.err << "cjm merge: " << name << ": the merged map would not be valid; nothing written:\n";
        printProblems(name, result.problems, io.err);
        return 2;
    }
    const std::string bytes = writeDocument(*result.document);
    if (output) {
        auto written = defaultFileSystem().writeAtomically(*output, bytes);
        if (!written.ok) {
            io.err << *output << ": could not save: " << written.error << '\n';
            return 2;
        }
    } else {
        io.data << bytes; // the map itself, byte for byte
    }
    // Ids are letters, digits, '-' and '_' (the reader checks), safe to print as they are.
    for (const auto &r : result.renamed)
        io.err << name << ": note: the id \u2018" << r.from
               << "\u2019 was taken by both sides for different things; the " << toString(r.entity) << " is now \u2018"
               << r.to << "\u2019\n";
    // Exit 0 tells git the file is resolved: only when nothing of either side was set aside.
    if (result.clean())
        return 0;
    io.err << name << ": " << result.conflicts.size() << (result.conflicts.size() == 1 ? " conflict" : " conflicts")
           << "; the map keeps ours and marks theirs (open it in CJM Studio to choose):\n";
    for (const auto &c : result.conflicts)
        io.err << name << ": conflict: " << c.description << '\n';
    return 1;
}

namespace {

// The spreadsheet read as a map, and what of a card it holds.
struct SheetRead {
    Document document;
    SheetContents contents;
    std::string readAs;          // "gb18030", "workbook"
    std::size_t skippedRows = 0; // bad rows skipped with --skip-bad-rows
};

// A workbook (by its bytes, whatever its name) or a CSV. Returns the exit code on failure.
std::variant<SheetRead, int> readSheet(const ImportArgs &args, const std::set<std::string> &reservedIds, Streams io)
{
    const std::string &input = args.input;
    std::string bytes;
    auto read = defaultFileSystem().readAll(input, bytes, ReadLimits{}.maxFileBytes);
    if (!read.ok) {
        io.err << input << ": " << read.error << '\n';
        return 1;
    }
    if (looksLikeZip(bytes)) {
        if (!args.encoding.empty() || !args.maps.empty() || args.skipBadRows) {
            io.err << "cjm import: --encoding, --map and --skip-bad-rows are for CSV files; " << input
                   << " is a workbook\n";
            return 2;
        }
        XlsxReadResult workbook = readXlsxFile(toQString(input));
        if (!workbook.workbook) {
            io.err << toStdString(workbook.error) << '\n';
            return 1;
        }
        WorkbookImportResult imported = workbookToMap(*workbook.workbook, reservedIds);
        for (const auto &problem : imported.problems)
            io.err << input << ": " << problem << '\n';
        if (!imported.ok()) {
            io.err << "cjm import: nothing written\n";
            return 1;
        }
        Document document = std::move(*imported.document);
        if (args.title) {
            auto edit = setField(fields::journey::title, *args.title);
            if (!edit->apply(document)) {
                io.err << "cjm import: the title is not valid\n";
                return 2;
            }
        }
        return SheetRead{std::move(document), workbookSheetContents(*workbook.workbook), "workbook", 0};
    }
    CsvImportOptions options;
    if (!args.encoding.empty()) {
        options.encoding = textEncodingFromName(args.encoding);
        if (!options.encoding) {
            io.err << "cjm import: unknown encoding '" << args.encoding << "' (utf-8, gb18030 or big5)\n";
            return 2;
        }
    }
    options.skipBadRows = args.skipBadRows;
    options.reservedIds = reservedIds;
    const bool titleGiven = args.title.has_value();
    if (titleGiven)
        options.title = *args.title;
    auto table = readCsvTable(bytes, options.encoding);
    if (!table.table) {
        io.err << input << ": " << table.error << '\n';
        return 1;
    }
    // Guessed from the header and the values: a "Color" column of words is
    // left out with a note, not every row refused.
    const CsvMappingGuess guess = guessCsvMapping(*table.table);
    CsvColumnMapping mapping = guess.mapping;
    for (const auto &m : args.maps) {
        const auto eq = m.rfind('=');
        auto field = eq == std::string::npos ? std::nullopt : csvFieldFromName(m.substr(eq + 1));
        if (!field) {
            io.err << "cjm import: --map takes COLUMN=FIELD with a field such as text, persona or stage (got '" << m
                   << "')\n";
            return 2;
        }
        const std::string column = m.substr(0, eq);
        std::optional<std::size_t> index;
        const auto &header = table.table->header;
        for (std::size_t i = 0; i < header.size() && !index; ++i)
            if (header[i] == column)
                index = i;
        if (!index && !column.empty() && std::all_of(column.begin(), column.end(), ::isdigit)) {
            const std::size_t n = std::stoul(column);
            if (n >= 1 && n <= header.size())
                index = n - 1;
        }
        if (!index) {
            io.err << "cjm import: " << input << " has no column '" << column << "' (name one of its header or give "
                   << "its number from 1 to " << header.size() << ")\n";
            return 2;
        }
        // One column per field: a field mapped here leaves the column it was guessed for.
        if (*field != CsvField::Ignore)
            std::replace(mapping.columns.begin(), mapping.columns.end(), *field, CsvField::Ignore);
        if (mapping.columns.size() <= *index)
            mapping.columns.resize(*index + 1, CsvField::Ignore);
        mapping.columns[*index] = *field;
    }
    // The columns the guess left out, unless --map chose a field for them.
    for (const CsvIgnoredColumn &ignored : guess.ignored)
        if (ignored.column >= mapping.columns.size() || mapping.columns[ignored.column] == CsvField::Ignore)
            io.err << input << ": " << describe(ignored, table.table->header) << '\n';
    options.mapping = mapping;
    options.encoding = table.table->encoding;
    if (!titleGiven)
        options.title = std::filesystem::path(input).stem().string();
    CsvImportResult result = importCardCsv(bytes, options);
    for (const auto &bad : result.badRows)
        io.err << input << ":" << bad.line << ": " << bad.message << '\n';
    if (!result.error.empty()) {
        io.err << input << ": " << result.error << '\n';
        return 1;
    }
    if (!result.ok()) {
        io.err << "cjm import: " << result.badRows.size() << (result.badRows.size() == 1 ? " bad row" : " bad rows")
               << "; nothing written (add --skip-bad-rows to import the other rows)\n";
        return 1;
    }
    return SheetRead{std::move(*result.document), csvSheetContents(mapping), std::string(toString(result.encoding)),
                     result.badRows.size()};
}

// --into MAP: the map updated from the sheet's rows (sheet_update.hpp).
int updateInto(const ImportArgs &args, Streams io)
{
    auto map = readDocumentFile(args.into);
    if (!map.ok()) {
        printProblems(args.into, map.problems, io.err);
        return 1;
    }
    std::set<std::string> reserved;
    const Document &before = *map.document;
    reserved.insert(before.journey().id);
    for (const auto &p : before.personas())
        reserved.insert(p.id);
    for (const auto &s : before.stages())
        reserved.insert(s.id);
    for (const auto &l : before.lanes())
        reserved.insert(l.id);
    for (const auto &c : before.cards())
        reserved.insert(c.id);
    auto sheet = readSheet(args, reserved, io);
    if (const int *code = std::get_if<int>(&sheet))
        return *code;
    const SheetRead &read = std::get<SheetRead>(sheet);
    SheetUpdatePlan plan = planSheetUpdate(before, read.document, read.contents, args.deleteMissing);
    if (!plan.error.empty()) {
        io.err << args.input << ": " << plan.error << '\n';
        return 1;
    }
    for (const auto &id : plan.missingCards)
        io.err << args.input << ": " << entityLabel(before, DiffEntity::Card, id) << " (" << id << ") has no row"
               << (args.deleteMissing ? "; removed\n" : "; kept (--delete-missing removes it)\n");
    Document after = before;
    if (plan.edit && !plan.edit->apply(after)) {
        io.err << args.input << ": the changes do not apply to " << args.into << "; nothing written\n";
        return 1;
    }
    auto written = defaultFileSystem().writeAtomically(args.output, writeDocument(after));
    if (!written.ok) {
        io.err << args.output << ": could not save: " << written.error << '\n';
        return 1;
    }
    io.out << args.output << ": " << plan.changedCards << " cards changed, " << plan.addedCards << " added, "
           << plan.removedCards << " removed, " << plan.missingCards.size() - plan.removedCards
           << " without a row kept (" << plan.changes.size() << (plan.changes.size() == 1 ? " change" : " changes")
           << ", read as " << read.readAs << ")\n";
    return 0;
}

} // namespace

int runImport(const ImportArgs &args, Streams io)
{
    if (args.deleteMissing && args.into.empty()) {
        io.err << "cjm import: --delete-missing goes with --into MAP.cjm\n";
        return 2;
    }
    if (!args.into.empty())
        return updateInto(args, io);
    auto sheet = readSheet(args, {}, io);
    if (const int *code = std::get_if<int>(&sheet))
        return *code;
    const SheetRead &read = std::get<SheetRead>(sheet);
    const std::string &output = args.output;
    auto written = defaultFileSystem().writeAtomically(output, writeDocument(read.document));
    if (!written.ok) {
        io.err << output << ": could not save: " << written.error << '\n';
        return 1;
    }
    const Document &d = read.document;
    io.out << output << ": " << d.cards().size() << " cards, " << d.personas().size() << " personas, "
           << d.stages().size() << " stages, " << d.lanes().size() << " lanes (read as " << read.readAs << ")";
    if (read.skippedRows > 0)
        io.out << "; skipped " << read.skippedRows << (read.skippedRows == 1 ? " bad row" : " bad rows");
    io.out << '\n';
    return 0;
}

} // namespace cjm::cli
