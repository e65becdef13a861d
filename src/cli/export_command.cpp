#include "export_command.hpp"

#include <ostream>

#include "cjm/document_io.hpp"
#include "map_exporter.hpp"
#include "qt_text.hpp"

namespace cjm::cli {

namespace {
const char *const kUsage =
    "Usage: cjm export FILE -o OUT [--format png|pdf|svg|csv] [--scale N] [--transparent]\n"
    "                  [--page A4|A3|A2|Letter|Tabloid|fit] [--landscape|--portrait] [--margin MM]\n"
    "                  [--persona ID] [--tiles] [--per-persona] [--heat-strip]\n";
}

int runExport(const std::vector<std::string> &args, Streams io)
{
    std::string input, output;
    ExportOptions options;
    bool formatGiven = false;
    std::string error;
    auto needValue = [&](std::size_t &i) -> const std::string * {
        if (i + 1 >= args.size()) {
            error = "the option " + args[i] + " needs a value";
            return nullptr;
        }
        return &args[++i];
    };
    for (std::size_t i = 0; i < args.size() && error.empty(); ++i) {
        const std::string &a = args[i];
        if (a == "-o" || a == "--output") {
            if (auto v = needValue(i))
                output = *v;
        } else if (a == "--format") {
            if (auto v = needValue(i)) {
                formatGiven = true;
                if (!exportFormatFromName(toQString(*v), options.format))
                    error = "unknown format '" + *v + "' (png, pdf, svg or csv)";
            }
        } else if (a == "--scale") {
            if (auto v = needValue(i)) {
                bool ok = false;
                options.scale = toQString(*v).toDouble(&ok);
                if (!ok || options.scale < 0.25 || options.scale > 4)
                    error = "--scale takes a number from 0.25 to 4";
            }
        } else if (a == "--page") {
            if (auto v = needValue(i))
                if (!paperSizeFromName(toQString(*v), options.paper))
                    error = "unknown page size '" + *v + "' (A4, A3, A2, Letter, Tabloid or fit)";
        } else if (a == "--margin") {
            if (auto v = needValue(i)) {
                bool ok = false;
                options.marginMillimetres = toQString(*v).toDouble(&ok);
                if (!ok || options.marginMillimetres < 0 || options.marginMillimetres > 50)
                    error = "--margin takes millimetres from 0 to 50";
            }
        } else if (a == "--persona") {
            if (auto v = needValue(i))
                options.personaId = *v;
        } else if (a == "--landscape") {
            options.orientation = PageOrientation::Landscape;
        } else if (a == "--portrait") {
            options.orientation = PageOrientation::Portrait;
        } else if (a == "--transparent") {
            options.transparentBackground = true;
        } else if (a == "--tiles") {
            options.pdfLayout = PdfLayout::Tiles;
        } else if (a == "--heat-strip") {
            options.heatStrip = true;
        } else if (a == "--per-persona") {
            options.pdfLayout = PdfLayout::PerPersona;
        } else if (!a.empty() && a[0] == '-') {
            error = "unknown option " + a;
        } else if (input.empty()) {
            input = a;
        } else {
            error = "name one map to export (got '" + input + "' and '" + a + "')";
        }
    }
    if (error.empty() && input.empty())
        error = "name the map to export";
    if (error.empty() && output.empty())
        error = "name the file to write with -o OUT";
    if (error.empty() && !formatGiven && !exportFormatFromPath(toQString(output), options.format))
        error = "cannot tell the format from '" + output + "': add --format png|pdf|svg|csv";
    if (!error.empty()) {
        io.err << "cjm export: " << error << '\n' << kUsage;
        return 2;
    }
    auto read = readDocumentFile(input);
    if (!read.ok()) {
        for (const auto &p : read.problems)
            io.err << formatProblem(input, p) << '\n';
        return 1;
    }
    const ExportResult result = exportMap(*read.document, options, toQString(output));
    if (!result.ok) {
        io.err << "cjm export: " << toStdString(result.error) << '\n';
        return 1;
    }
    return 0;
}

} // namespace cjm::cli
