// cjm: the headless command line of CJM Studio. A thin shell: it parses the
// subcommand and hands over to cli_commands.cpp.

#include <QGuiApplication>
#include <cstdio>
#include <iostream>
#include <ostream>
#include <memory>
#include <string>
#include <vector>

#include "cjm/logging.hpp"
#include "cjm/problem.hpp"
#include "cli_commands.hpp"
#include "collab_commands.hpp"
#include "export_command.hpp"

#ifndef CJM_VERSION
#define CJM_VERSION "0.0.0"
#endif

namespace {

const char *const kUsage = R"(Usage: cjm COMMAND [OPTIONS] FILE...

Commands:
  validate FILE...             check maps; every problem as FILE:LINE:COL: message
                               or FILE: /json/pointer: message; exit 1 if any is invalid
  info FILE [--json]           title, map type, goal and counts of a map
  fmt FILE... [-o OUT] [--check]
                               rewrite maps in canonical form (in place, or to OUT);
                               --check only reports files that are not canonical (exit 1)
  export FILE -o OUT [--format png|pdf|svg|csv] [--scale N] [--page A3] [--landscape]
                     [--persona ID] [--tiles] [--per-persona] [--heat-strip]
                               the map as a picture, a PDF or the CSV card inventory,
                               painted exactly as the editor shows it; no display needed
  diff A B [--json]            what changed between two maps, card by card
                               (exit 0 equal, 1 different, 2 error); works as git's diff driver
  merge BASE OURS THEIRS [-o OUT]
                               three-way merge by id; conflicts stay in the map, marked
                               (exit 0 clean, 1 conflicts, 2 error); works as git's merge driver
  import IN.csv -o OUT.cjm [--encoding utf-8|gb18030|big5] [--map COLUMN=FIELD]... [--skip-bad-rows]
                               a map from a table of cards (the CSV inventory, or any spreadsheet)

Options:
  -h, --help                   show this help (also after a command: cjm fmt --help)
  --version                    show the version
  -v, --verbose                log debug messages to stderr

Exit codes: 0 success, 1 a file is invalid or could not be written, 2 wrong usage
(diff and merge: see above). Using maps with git: docs/collaboration.md.
)";

const char *commandHelp(const std::string &command)
{
    if (command == "validate")
        return "Usage: cjm validate FILE... [-q]\n\nChecks each map and prints every problem with its place:\n"
               "  FILE:LINE:COL: message        for text that is not valid JSON\n"
               "  FILE: /json/pointer: message  for content that breaks the format\n"
               "Valid files print 'FILE: valid' (not with -q). Exit 1 if any file is invalid.\n";
    if (command == "info")
        return "Usage: cjm info FILE [--json]\n\nPrints the map's title, type, goal, owner, review date and the\n"
               "number of personas, stages, lanes and cards by kind. --json prints the same as JSON.\n";
    if (command == "export")
        return "Usage: cjm export FILE -o OUT [--format png|pdf|svg|csv] [--scale N] [--transparent]\n"
               "                  [--page A4|A3|A2|Letter|Tabloid|fit] [--landscape|--portrait] [--margin MM]\n"
               "                  [--persona ID] [--tiles] [--per-persona] [--heat-strip]\n\n"
               "Paints the map as the editor does and writes it atomically. The format comes from OUT's\n"
               "extension unless --format is given.\n"
               "  --scale N        PNG pixels per map pixel, 0.25 to 4 (default 1 = 96 dpi)\n"
               "  --transparent    PNG without the background colour\n"
               "  --page SIZE      PDF paper: A4 (default), A3, A2, Letter, Tabloid, or fit (one page the map's size)\n"
               "  --landscape / --portrait   PDF orientation (default: whichever shows the map larger)\n"
               "  --margin MM      PDF margins in millimetres (default 10)\n"
               "  --persona ID     only this persona's band\n"
               "  --tiles          PDF at full size over several pages, headers repeated on each\n"
               "  --per-persona    PDF with one page per persona\n";
    if (command == "diff")
        return cjm::cli::kDiffHelp;
    if (command == "merge")
        return cjm::cli::kMergeHelp;
    if (command == "import")
        return cjm::cli::kImportHelp;
    if (command == "fmt")
        return "Usage: cjm fmt FILE... [-o OUT] [--check]\n\nRewrites each map in the canonical form of the .cjm "
               "format (docs/format.md):\nsame content, defaults left out, keys in order, unknown keys kept.\n"
               "  -o OUT     write to OUT instead of replacing FILE (one FILE only)\n"
               "  --check    change nothing; list files that are not canonical and exit 1 if any\n";
    return nullptr;
}

// Qt's own warnings (a font, an image, an SVG it reads) can quote a file's
// name or text: they reach the terminal through printableText too.
void printableQtMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const std::string line = cjm::printableText(qFormatLogMessage(type, context, message).toStdString());
    std::fprintf(stderr, "%s\n", line.c_str());
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    bool verbose = false;
    std::vector<std::string> rest;
    for (const auto &a : args) {
        if (a == "-v" || a == "--verbose")
            verbose = true;
        else
            rest.push_back(a);
    }
    cjm::initLogging(verbose ? cjm::LogLevel::Debug : cjm::LogLevel::Warning);

    if (rest.empty()) {
        std::cerr << kUsage;
        return 2;
    }
    const std::string command = rest.front();
    rest.erase(rest.begin());
    if (command == "-h" || command == "--help" || command == "help") {
        if (!rest.empty() && commandHelp(rest.front()))
            std::cout << commandHelp(rest.front());
        else
            std::cout << kUsage;
        return 0;
    }
    if (command == "--version") {
        std::cout << "cjm (CJM Studio) " << CJM_VERSION << '\n';
        return 0;
    }
    for (const auto &a : rest) {
        if (a == "-h" || a == "--help") {
            if (const char *help = commandHelp(command)) {
                std::cout << help;
                return 0;
            }
        }
        if (a == "--version") {
            std::cout << "cjm (CJM Studio) " << CJM_VERSION << '\n';
            return 0;
        }
    }
    // Reports and messages quote titles, names and file names: whatever a
    // command writes to them reaches the terminal only through printableText.
    cjm::cli::PrintableStreambuf printableOut(std::cout.rdbuf());
    cjm::cli::PrintableStreambuf printableErr(std::cerr.rdbuf());
    std::ostream out(&printableOut);
    std::ostream err(&printableErr);
    err.setf(std::ios::unitbuf); // as std::cerr: each message at once
    cjm::cli::Streams io{out, err, std::cout};
    if (command == "validate")
        return cjm::cli::runValidate(rest, io);
    if (command == "info")
        return cjm::cli::runInfo(rest, io);
    if (command == "fmt")
        return cjm::cli::runFmt(rest, io);
    if (command == "diff")
        return cjm::cli::runDiff(rest, io);
    if (command == "merge")
        return cjm::cli::runMerge(rest, io);
    if (command == "import")
        return cjm::cli::runImport(rest, io);
    if (command == "export") {
        // Painting needs QtGui but no display: the offscreen platform unless
        // the caller chose another.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        int qtArgc = 1;
        char *qtArgv[] = {argv[0], nullptr};
        qInstallMessageHandler(printableQtMessage);
        QGuiApplication app(qtArgc, qtArgv);
        QGuiApplication::setApplicationName(QStringLiteral("cjm"));
        QGuiApplication::setApplicationVersion(QStringLiteral(CJM_VERSION));
        return cjm::cli::runExport(rest, io);
    }
    std::cerr << "cjm: unknown command '" << cjm::printableText(command) << "'\n\n" << kUsage;
    return 2;
}
