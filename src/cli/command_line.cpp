#include "command_line.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <ostream>

namespace cjm::cli {

namespace {

const char *const kFooter = "Exit codes: 0 success, 1 a file is invalid or could not be written, 2 wrong usage\n"
                            "(diff and merge: see their help). Using maps with git: docs/collaboration.md.";

// A subcommand: `summary` in the list of commands and atop its help,
// `details` under its options.
CLI::App *addCommand(CLI::App &app, const char *name, const char *summary, const std::string &details = {})
{
    CLI::App *sub = app.add_subcommand(name, summary);
    sub->group("Commands");
    if (!details.empty())
        sub->footer(details);
    return sub;
}

// Prose for a terminal: `text` broken into lines of at most 100 characters.
std::string wrapped(const std::string &text)
{
    std::string out, line;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t space = text.find(' ', at);
        const std::string word = text.substr(at, space == std::string::npos ? std::string::npos : space - at);
        at = space == std::string::npos ? text.size() : space + 1;
        if (!line.empty() && line.size() + 1 + word.size() > 100) {
            out += line + '\n';
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    return out + line;
}

} // namespace

CommandLine::CommandLine(const std::string &version)
    : m_app(std::make_unique<CLI::App>("The command line of CJM Studio: check, format, export, "
                                       "compare, merge and import customer journey maps (.cjm), "
                                       "no display needed.",
                                       "cjm"))
{
    CLI::App &app = *m_app;
    app.get_formatter()->column_width(34);
    app.get_formatter()->label("Subcommands", "Commands");
    app.get_formatter()->label("SUBCOMMAND", "COMMAND");
    app.get_formatter()->label("Positionals", "Arguments");
    app.footer(kFooter);
    app.set_help_flag("-h,--help", "show this help (also after a command: cjm fmt --help)");
    app.set_version_flag("--version", "cjm (CJM Studio) " + version, "show the version");
    app.add_flag("-v,--verbose", m_verbose, "log debug messages to stderr");
    // Subcommands made from here on inherit this: -v, --version and --help
    // are understood after the subcommand too.
    app.fallthrough();
    app.require_subcommand(1);

    CLI::App *validate = addCommand(
        app, "validate", "check maps; every problem as FILE:LINE:COL: message or FILE: /json/pointer: message",
        "Checks each map and prints every problem with its place:\n"
        "  FILE:LINE:COL: message        for text that is not valid JSON\n"
        "  FILE: /json/pointer: message  for content that breaks the format\n"
        "Valid files print 'FILE: valid' (not with -q). Exit 1 if any file is invalid.\n\n" +
            std::string(kFooter));
    validate->add_option("FILE", m_validate.files, "the maps to check")->required()->type_name("");
    validate->add_flag("-q,--quiet", m_validate.quiet, "print only the problems");
    validate->callback([this] { m_command = Command::Validate; });

    CLI::App *info =
        addCommand(app, "info", "title, map type, goal and counts of a map",
                   wrapped("Prints the map's title, type, goal, owner, review date and the number of personas, "
                           "stages, lanes and cards by kind.") +
                       "\n\n" + kFooter);
    info->add_option("FILE", m_info.file, "the map")->required()->type_name("");
    info->add_flag("--json", m_info.json, "print the same as JSON");
    info->callback([this] { m_command = Command::Info; });

    CLI::App *fmt =
        addCommand(app, "fmt", "rewrite maps in canonical form (in place, or to OUT)",
                   wrapped("Rewrites each map in the canonical form of the .cjm format (docs/format.md): same "
                           "content, defaults left out, keys in order, unknown keys kept. Run twice, the second "
                           "run changes nothing.") +
                       "\n\n" + kFooter);
    fmt->add_option("FILE", m_fmt.files, "the maps to rewrite")->required()->type_name("");
    fmt->add_option("-o,--output", m_fmt.output, "write to OUT instead of replacing FILE (one FILE only)")
        ->type_name("OUT");
    fmt->add_flag("--check", m_fmt.check, "change nothing; list files that are not canonical and exit 1 if any");
    fmt->callback([this] { m_command = Command::Fmt; });

    CLI::App *exporting = addCommand(
        app, "export",
        "the map as a picture, a PDF, an SVG, PowerPoint slides, an Excel workbook or the CSV card inventory, or "
        "the touchpoint audit; no display needed",
        wrapped("Paints the map as the editor does and writes it atomically: a PNG picture, a vector PDF (or PDF "
                "slides, --slides), an SVG, PowerPoint slides with editable shapes (pptx), an Excel workbook of "
                "every card, persona, stage and lane (xlsx) or the CSV card inventory; or the touchpoint audit "
                "(--audit-worksheet, --audit). The format comes from OUT's extension unless --format is given. No "
                "display needed.") +
            "\n\n" + kFooter);
    exporting->add_option("FILE", m_export.input, "the map to export")->required()->type_name("");
    exporting->add_option("-o,--output", m_export.output, "the file to write")->required()->type_name("OUT");
    exporting
        ->add_option("--format", m_export.format,
                     "png, pdf, svg, csv, pptx or xlsx (the whole map as an Excel workbook; cjm import reads it back) "
                     "(default: OUT's extension)")
        ->type_name("FORMAT")
        ->check(CLI::IsMember({"png", "pdf", "svg", "csv", "pptx", "xlsx"}, CLI::ignore_case));
    exporting->add_option("--scale", m_export.scale, "PNG pixels per map pixel, 0.25 to 4 (default 1 = 96 dpi)")
        ->type_name("N")
        ->check(CLI::Range(0.25, 4.0));
    exporting->add_flag("--transparent", m_export.transparent, "PNG without the background colour");
    exporting
        ->add_option("--page", m_export.page,
                     "PDF paper: A4 (default), A3, A2, Letter, Tabloid, or fit (one page the map's size)")
        ->type_name("SIZE")
        ->check(CLI::IsMember({"A4", "A3", "A2", "Letter", "Tabloid", "fit"}, CLI::ignore_case));
    CLI::Option *landscape = exporting->add_flag("--landscape", m_export.landscape,
                                                 "PDF across the page (default: whichever shows the map larger)");
    exporting->add_flag("--portrait", m_export.portrait, "PDF down the page")->excludes(landscape);
    exporting->add_option("--margin", m_export.margin, "PDF margins in millimetres, 0 to 50 (default 10)")
        ->type_name("MM")
        ->check(CLI::Range(0.0, 50.0));
    exporting->add_option("--persona", m_export.persona, "only this persona's band")->type_name("ID");
    CLI::Option *tiles =
        exporting->add_flag("--tiles", m_export.tiles, "PDF at full size over several pages, headers repeated on each");
    CLI::Option *perPersona =
        exporting->add_flag("--per-persona", m_export.perPersona, "PDF with one page per persona")->excludes(tiles);
    exporting
        ->add_flag("--slides", m_export.slides,
                   "PDF as slides for a deck: 16:9 pages (13.333 x 7.5 in), one persona and a few stages each, card "
                   "text 13 pt (smaller only for a card taller than a slide), no word under 9 pt, every card's whole "
                   "text, empty lanes left out; a .pptx is always slides")
        ->excludes(tiles)
        ->excludes(perPersona);
    exporting
        ->add_option("--view", m_export.view,
                     "slides of one of the map's saved views (its personas, stages and lanes); implies --slides for a "
                     "PDF")
        ->type_name("NAME");
    exporting->add_option("--aspect", m_export.aspect, "the slides' shape: 16:9 (default) or 4:3")
        ->type_name("RATIO")
        ->check(CLI::IsMember({"16:9", "4:3"}));
    exporting->add_flag("--heat-strip", m_export.heatStrip,
                        "draw the pain heat strip under the stage headers (each stage tinted by its pain points and "
                        "barriers), as View > Pain Heat Strip shows it in the editor");
    CLI::Option *worksheet = exporting->add_flag(
        "--audit-worksheet", m_export.auditWorksheet,
        "instead of the map, the touchpoint audit worksheet: a PDF checklist, one row per touchpoint with empty "
        "rating boxes");
    CLI::Option *audit = exporting->add_flag(
        "--audit", m_export.audit,
        "instead of the map, the filled touchpoint audit: each touchpoint's six ratings and average, as a PDF or a "
        "CSV table");
    audit->excludes(worksheet);
    exporting->callback([this] { m_command = Command::Export; });

    CLI::App *diff = addCommand(
        app, "diff", "what changed between two maps, card by card; works as git's diff driver",
        wrapped("Lists what changed from map A to map B, by entity: journey fields; personas, stages and lanes added, "
                "removed, renamed or reordered; cards added, removed, changed field by field or moved. Exit 0 when "
                "equal, 1 "
                "when different, 2 when a map cannot be read.") +
            "\n\n" +
            "As git's diff driver (git config diff.cjm.command 'cjm diff'), cjm diff takes git's seven\n"
            "arguments and exits 0 unless a map cannot be read. See docs/collaboration.md.");
    diff->add_option("A B", m_diff.files, "the two maps (or git's seven arguments)")->required()->type_name("");
    diff->add_flag(
        "--json", m_diff.json,
        "the changes as JSON: {\"equal\", \"changes\": [{\"change\", \"entity\", \"id\", \"field\", \"old\", "
        "\"new\", \"description\"}]}");
    diff->callback([this] { m_command = Command::Diff; });

    CLI::App *merge = addCommand(
        app, "merge", "three-way merge by id, conflicts kept in the map; works as git's merge driver",
        wrapped("Three-way merge by entity id: what only one side changed is taken; a key both sides changed "
                "differently (known or not, top level included), or an entity one side deleted and the other "
                "changed, is a conflict: the map keeps OURS and stores THEIRS in \"x-cjm-conflicts\", so the file "
                "stays valid and CJM Studio can show and resolve it. Conflicts are listed on stderr. Nothing of either "
                "side is dropped.") +
            "\n\nExit 0 clean (nothing set aside), 1 with conflicts, 2 when a map cannot be read or\n"
            "written or the merged map would not be valid (nothing written).\n\n"
            "As git's merge driver: git config merge.cjm.driver 'cjm merge %O %A %B -o %A --name %P'\n"
            "and '*.cjm merge=cjm' in .gitattributes. See docs/collaboration.md.");
    merge->add_option("BASE OURS THEIRS", m_merge.files, "the common ancestor and the two versions")
        ->required()
        ->type_name("");
    merge->add_option("-o,--output", m_merge.output, "write the merged map (atomically) to OUT; without it, to stdout")
        ->type_name("OUT");
    merge->add_option("--name", m_merge.name, "how messages name the file (git passes %P)")->type_name("PATH");
    merge->callback([this] { m_command = Command::Merge; });

    CLI::App *import = addCommand(
        app, "import", "a map from a table of cards (a workbook, the CSV inventory, or any spreadsheet)",
        wrapped("Builds a map from a table of cards. A workbook CJM Studio exports (.xlsx) comes back as the same "
                "map, pictures aside; the CSV card inventory as the same cards. Other tables are read by their "
                "header names or by --map; personas, stages and lanes are made from the distinct names. With --into, "
                "the sheet's rows update an existing map instead: rows are matched to cards by id, changed fields "
                "are applied and new rows added; cards without a row are listed, and removed only with "
                "--delete-missing.") +
            "\n\nExit 0 written, 1 when the table is refused or a file cannot be read or written, 2 wrong usage.");
    import->add_option("IN", m_import.input, "the table to import: a workbook (.xlsx) or a CSV file")
        ->required()
        ->type_name("");
    import->add_option("-o,--output", m_import.output, "the map to write")->required()->type_name("OUT.cjm");
    import
        ->add_option("--encoding", m_import.encoding,
                     "the text's encoding: utf-8, gb18030 or big5 (default: detected; UTF-8 with or without BOM, "
                     "GB18030 or Big5)")
        ->type_name("E");
    import
        ->add_option("--map", m_import.maps,
                     "COLUMN is a header name or a column number from 1; FIELD is one of persona, stage, phase, "
                     "lane, lane kind, order, text, notes, channel, direct, score, severity, impact, status, tags, "
                     "simple, appropriate, relevant, meaningful, engaging, personal, audit note, reviewed, link, "
                     "metric value, metric target, metric unit, card id, or ignore; repeat for more columns")
        ->type_name("COLUMN=FIELD")
        ->allow_extra_args(false);
    import->add_flag("--skip-bad-rows", m_import.skipBadRows,
                     "import the good rows when some are bad (they are listed either way)");
    import->add_option("--into", m_import.into, "update this map from the sheet's rows (matched by card id)")
        ->type_name("MAP.cjm");
    import->add_flag("--delete-missing", m_import.deleteMissing,
                     "with --into: remove the cards that no row names (they are listed either way)");
    CLI::Option *title =
        import->add_option("--title", m_importTitle, "the map's title (default: the file's name)")->type_name("TITLE");
    import->callback([this, title] {
        m_command = Command::Import;
    if (title->count() > 0)
        m_import.title = m_importTitle;
});

addTeamCommand(app, m_team)->callback([this] { m_command = Command::Team; });

CLI::App *help = addCommand(app, "help", "show this help, or a command's: cjm help fmt");
help->add_option("COMMAND", m_helpTopic, "the command")->type_name("");
} // namespace cjm::cli

CommandLine::~CommandLine() = default;

std::optional<int> CommandLine::parse(const std::vector<std::string> &args, Streams io)
{
    CLI::App &app = *m_app;
    // The first word that is not an option names the command.
    const auto word =
        std::find_if(args.begin(), args.end(), [](const std::string &a) { return a.empty() || a[0] != '-'; });
    if (word != args.end()) {
        const auto subcommands = app.get_subcommands([](const CLI::App *) { return true; });
        if (std::none_of(subcommands.begin(), subcommands.end(),
                         [&](const CLI::App *sub) { return sub->get_name() == *word; })) {
            io.err << "cjm: unknown command '" << *word << "'\n\n" << app.help();
            return 2;
        }
    }
    try {
        // CLI11 takes the arguments last to first.
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::CallForHelp &) {
        io.out << app.help();
        return 0;
    } catch (const CLI::CallForVersion &version) {
        io.out << version.what() << '\n';
        return 0;
    } catch (const CLI::ParseError &error) {
        // The message quotes the arguments: io.err shows them printable.
        const std::vector<CLI::App *> selected = app.get_subcommands();
        if (selected.empty())
            io.err << "cjm: " << error.what() << "\n\n" << app.help();
        else
            io.err << "cjm " << selected.front()->get_name() << ": " << error.what() << "\n\n"
                   << selected.front()->help(app.get_name());
        return 2;
    }
    if (app.got_subcommand("help")) {
        if (m_helpTopic.empty()) {
            io.out << app.help();
            return 0;
        }
        const auto subcommands =
            app.get_subcommands([&](const CLI::App *sub) { return sub->get_name() == m_helpTopic; });
        if (subcommands.empty()) {
            io.err << "cjm: unknown command '" << m_helpTopic << "'\n\n" << app.help();
            return 2;
        }
        io.out << subcommands.front()->help(app.get_name());
        return 0;
    }
    return std::nullopt;
}

int CommandLine::run(Streams io) const
{
    switch (m_command) {
    case Command::Validate: return runValidate(m_validate, io);
    case Command::Info: return runInfo(m_info, io);
    case Command::Fmt: return runFmt(m_fmt, io);
    case Command::Export: return runExport(m_export, io);
    case Command::Diff: return runDiff(m_diff, io);
    case Command::Merge: return runMerge(m_merge, io);
    case Command::Import: return runImport(m_import, io);
    case Command::Team: return runTeam(m_team, io);
    }
    return 2;
}

} // namespace cjm::cli
