#include "collab_commands.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <ostream>

#include "cjm/csv_import.hpp"
#include "cjm/diff.hpp"
#include "cjm/document_io.hpp"
#include "cjm/file_io.hpp"
#include "cjm/merge.hpp"

namespace cjm::cli {

const char *const kDiffHelp =
    "Usage: cjm diff A B [--json]\n\n"
    "Lists what changed from map A to map B, by entity: journey fields; personas, stages\n"
    "and lanes added, removed, renamed or reordered; cards added, removed, changed field by\n"
    "field or moved. Exit 0 when equal, 1 when different, 2 when a map cannot be read.\n"
    "  --json     the changes as JSON: {\"equal\", \"changes\": [{\"change\", \"entity\", \"id\",\n"
    "             \"field\", \"old\", \"new\", \"description\"}]}\n\n"
    "As git's diff driver (git config diff.cjm.command 'cjm diff'), cjm diff takes git's seven\n"
    "arguments and exits 0 unless a map cannot be read. See docs/collaboration.md.\n";

const char *const kMergeHelp =
    "Usage: cjm merge BASE OURS THEIRS [-o OUT] [--name PATH]\n\n"
    "Three-way merge by entity id: what only one side changed is taken; a key both\n"
    "sides changed differently (known or not, top level included), or an entity one side\n"
    "deleted and the other changed, is a conflict: the map keeps OURS and stores THEIRS in\n"
    "\"x-cjm-conflicts\", so the file stays valid and CJM Studio can show and resolve it.\n"
    "Conflicts are listed on stderr. Nothing of either side is dropped.\n"
    "  -o OUT      write the merged map (atomically) to OUT; without it, to stdout\n"
    "  --name PATH how messages name the file (git passes %P)\n"
    "Exit 0 clean (nothing set aside), 1 with conflicts, 2 when a map cannot be read or\n"
    "written or the merged map would not be valid (nothing written).\n\n"
    "As git's merge driver: git config merge.cjm.driver 'cjm merge %O %A %B -o %A --name %P'\n"
    "and '*.cjm merge=cjm' in .gitattributes. See docs/collaboration.md.\n";

const char *const kImportHelp =
    "Usage: cjm import IN.csv -o OUT.cjm [--encoding utf-8|gb18030|big5] [--map COLUMN=FIELD]...\n"
    "                  [--skip-bad-rows] [--title TITLE]\n\n"
    "Builds a map from a table of cards. The card inventory CJM Studio exports comes back as\n"
    "the same map; other tables are read by their header names or by --map. Personas,\n"
    "stages and lanes are made from the distinct names, in order of first appearance.\n"
    "  --encoding E      the text's encoding (default: detected; UTF-8 with or without BOM,\n"
    "                    GB18030 or Big5)\n"
    "  --map COLUMN=FIELD  COLUMN is a header name or a column number from 1; FIELD is one of\n"
    "                    persona, stage, phase, lane, lane kind, order, text, notes, channel,\n"
    "                    direct, score, severity, impact, status, tags, simple, appropriate,\n"
    "                    relevant, meaningful, engaging, personal, audit note, reviewed, link,\n"
    "                    metric value, metric target, metric unit, card id, or ignore\n"
    "  --skip-bad-rows   import the good rows when some are bad (they are listed either way)\n"
    "  --title TITLE     the map's title (default: the file's name)\n"
    "Exit 0 written, 1 when the table is refused or a file cannot be read or written, 2 wrong usage.\n";

namespace {

void printProblems(const std::string &file, const Problems &problems, std::ostream &out)
{
    for (const auto &p : problems)
        out << formatProblem(file, p) << '\n';
}

bool isHexOrDot(const std::string &s)
{
    return s == "." || (s.size() >= 7 && std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }));
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

int runDiff(const std::vector<std::string> &args, Streams io)
{
    if (isGitDiffForm(args))
        return gitDiff(args, io);
    auto parsed = parseArgs(args, {"--json"}, {});
    if (parsed.error.empty() && parsed.files.size() != 2)
        parsed.error = "name two maps to compare";
    if (!parsed.error.empty()) {
        io.err << "cjm diff: " << parsed.error << "\nUsage: cjm diff A B [--json]\n";
        return 2;
    }
    auto a = readMap(parsed.files[0], io.err, false);
    auto b = readMap(parsed.files[1], io.err, false);
    if (!a || !b)
        return 2;
    const auto changes = diffDocuments(*a, *b);
    if (parsed.options.count("--json"))
        io.out << printableJson(changesToJson(changes)) << '\n';
    else
        for (const auto &c : changes)
            io.out << c.description << '\n';
    return changes.empty() ? 0 : 1;
}

int runMerge(const std::vector<std::string> &args, Streams io)
{
    auto parsed = parseArgs(args, {}, {"-o", "--output", "--name"});
    std::optional<std::string> output;
    for (const char *key : {"-o", "--output"})
        if (parsed.options.count(key))
            output = parsed.options[key];
    if (parsed.error.empty() && parsed.files.size() != 3)
        parsed.error = "name three maps: BASE OURS THEIRS";
    if (!parsed.error.empty()) {
        io.err << "cjm merge: " << parsed.error << "\nUsage: cjm merge BASE OURS THEIRS [-o OUT] [--name PATH]\n";
        return 2;
    }
    // git hands over temporary files; --name says which map they are.
    const std::string name = parsed.options.count("--name") ? parsed.options["--name"] : output.value_or(parsed.files[1]);
    auto base = readMap(parsed.files[0], io.err, false);
    auto ours = readMap(parsed.files[1], io.err, false);
    auto theirs = readMap(parsed.files[2], io.err, false);
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
        io.err << name << ": note: the id \u2018" << r.from << "\u2019 was taken by both sides for different things; the "
               << toString(r.entity) << " is now \u2018" << r.to << "\u2019\n";
    // Exit 0 tells git the file is resolved: only when nothing of either side was set aside.
    if (result.clean())
        return 0;
    io.err << name << ": " << result.conflicts.size() << (result.conflicts.size() == 1 ? " conflict" : " conflicts")
           << "; the map keeps ours and marks theirs (open it in CJM Studio to choose):\n";
    for (const auto &c : result.conflicts)
        io.err << name << ": conflict: " << c.description << '\n';
    return 1;
}

int runImport(const std::vector<std::string> &args, Streams io)
{
    std::string input, output, error;
    CsvImportOptions options;
    std::vector<std::string> maps;
    bool titleGiven = false;
    for (std::size_t i = 0; i < args.size() && error.empty(); ++i) {
        const std::string &a = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size()) {
                error = "the option " + a + " needs a value";
                return std::nullopt;
            }
            return args[++i];
        };
        if (a == "-o" || a == "--output") {
            if (auto v = value())
                output = *v;
        } else if (a == "--encoding") {
            if (auto v = value()) {
                options.encoding = textEncodingFromName(*v);
                if (!options.encoding)
                    error = "unknown encoding '" + *v + "' (utf-8, gb18030 or big5)";
            }
        } else if (a == "--map") {
            if (auto v = value())
                maps.push_back(*v);
        } else if (a == "--title") {
            if (auto v = value()) {
                options.title = *v;
                titleGiven = true;
            }
        } else if (a == "--skip-bad-rows") {
            options.skipBadRows = true;
        } else if (a.size() > 1 && a[0] == '-') {
            error = "unknown option " + a;
        } else if (input.empty()) {
            input = a;
        } else {
            error = "name one table to import (got '" + input + "' and '" + a + "')";
        }
    }
    if (error.empty() && input.empty())
        error = "name the CSV file to import";
    if (error.empty() && output.empty())
        error = "name the map to write with -o OUT.cjm";
    if (!error.empty()) {
        io.err << "cjm import: " << error << '\n' << kImportHelp;
        return 2;
    }
    std::string bytes;
    auto read = defaultFileSystem().readAll(input, bytes, ReadLimits{}.maxFileBytes);
    if (!read.ok) {
        io.err << input << ": " << read.error << '\n';
        return 1;
    }
    auto table = readCsvTable(bytes, options.encoding);
    if (!table.table) {
        io.err << input << ": " << table.error << '\n';
        return 1;
    }
    CsvColumnMapping mapping = guessCsvMapping(table.table->header);
    for (const auto &m : maps) {
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
    auto written = defaultFileSystem().writeAtomically(output, writeDocument(*result.document));
    if (!written.ok) {
        io.err << output << ": could not save: " << written.error << '\n';
        return 1;
    }
    const Document &d = *result.document;
    io.out << output << ": " << d.cards().size() << " cards, " << d.personas().size() << " personas, "
           << d.stages().size() << " stages, " << d.lanes().size() << " lanes (read as " << toString(result.encoding)
           << ")";
    if (!result.badRows.empty())
        io.out << "; skipped " << result.badRows.size() << (result.badRows.size() == 1 ? " bad row" : " bad rows");
    io.out << '\n';
    return 0;
}

} // namespace cjm::cli
