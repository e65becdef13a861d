#include "export_command.hpp"

#include <QFileInfo>
#include <ostream>

#include "audit_report.hpp"
#include "cjm/document_io.hpp"
#include "cjm/problem.hpp"
#include "cjm/views.hpp"
#include "map_exporter.hpp"
#include "qt_text.hpp"
#include "xlsx_exporter.hpp"

namespace cjm::cli {

namespace {

int usageError(const std::string &message, Streams io)
{
    io.err << "cjm export: " << message << "\nRun 'cjm export --help' for the options.\n";
    return 2;
}

// --audit-worksheet and --audit: the touchpoint audit on paper or as a table.
int exportAudit(const Document &document, const ExportArgs &args, ExportFormat format, Streams io)
{
    AuditReportKind kind = AuditReportKind::Worksheet;
    if (args.audit)
        kind = format == ExportFormat::Csv ? AuditReportKind::FilledCsv : AuditReportKind::FilledPdf;
    const AuditReportResult result = writeAuditReport(document, toQString(args.output), kind);
    if (!result.ok) {
        io.err << "cjm export: " << toStdString(result.error) << '\n';
        return 1;
    }
    return 0;
}

// --view NAME: the personas, stages and lanes of a view saved in the map.
// Returns what is wrong, or "" when `options` now show the view.
std::string applyView(const Document &document, const std::string &name, ExportOptions &options)
{
    const View *view = findView(document, name);
    if (!view) {
        std::string known;
        for (const View &v : availableViews(document))
            known += (known.empty() ? "" : ", ") + ("'" + printableText(v.name) + "'");
        return "the map has no view named '" + printableText(name) + "' (its views: " + known + ")";
    }
    options.slides = slideSelectionFor(document, *view);
    return {};
}

// OUT.xlsx or --format xlsx: the whole map as an Excel workbook
// (xlsx_exporter.hpp), which `cjm import` reads back; the picture options
// do not apply to it.
bool isWorkbook(const ExportArgs &args)
{
    const QString format = args.format.empty() ? QFileInfo(toQString(args.output)).suffix() : toQString(args.format);
    return format.compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0;
}

int exportWorkbook(const ExportArgs &args, Streams io)
{
    auto read = readDocumentFile(args.input);
    if (!read.ok()) {
        for (const auto &p : read.problems)
            io.err << formatProblem(args.input, p) << '\n';
        return 1;
    }
    const ExportResult result = writeWorkbookFile(*read.document, toQString(args.output));
    if (!result.ok) {
        io.err << "cjm export: " << toStdString(result.error) << '\n';
        return 1;
    }
    return 0;
}

} // namespace

int runExport(const ExportArgs &args, Streams io)
{
    if (isWorkbook(args) && !args.audit && !args.auditWorksheet)
        return exportWorkbook(args, io);
    ExportOptions options;
    const bool formatGiven = !args.format.empty();
    if (formatGiven ? !exportFormatFromName(toQString(args.format), options.format)
                    : !exportFormatFromPath(toQString(args.output), options.format))
        return usageError("cannot tell the format from '" + args.output + "': add --format png|pdf|svg|csv|pptx|xlsx",
                          io);
    const bool auditReport = args.audit || args.auditWorksheet;
    if (args.auditWorksheet && options.format != ExportFormat::Pdf)
        return usageError("the audit worksheet is a PDF: name OUT.pdf or add --format pdf", io);
    if (args.audit && options.format != ExportFormat::Pdf && options.format != ExportFormat::Csv)
        return usageError("the audit is a PDF or a CSV table: name OUT.pdf or OUT.csv, or add --format pdf|csv", io);
    if (!args.page.empty() && !paperSizeFromName(toQString(args.page), options.paper))
        return usageError("unknown page size '" + args.page + "' (A4, A3, A2, Letter, Tabloid or fit)", io);
    options.scale = args.scale;
    options.marginMillimetres = args.margin;
    options.personaId = args.persona;
    options.transparentBackground = args.transparent;
    options.heatStrip = args.heatStrip;
    if (args.landscape)
        options.orientation = PageOrientation::Landscape;
    if (args.portrait)
        options.orientation = PageOrientation::Portrait;
    if (args.tiles)
        options.pdfLayout = PdfLayout::Tiles;
    if (args.perPersona)
        options.pdfLayout = PdfLayout::PerPersona;
    // A PowerPoint deck is always slides: the pages of the PDF slides.
    const bool deck = options.format == ExportFormat::Pptx;
    const bool slides = args.slides || !args.view.empty() || deck;
    if (slides) {
        if (options.format != ExportFormat::Pdf && !deck)
            return usageError("slides are a PDF or a PowerPoint deck: name OUT.pdf or OUT.pptx", io);
        options.pdfLayout = PdfLayout::Slides;
    }
    SlideAspect aspect = SlideAspect::Wide;
    if (!args.aspect.empty() && !slideAspectFromName(toQString(args.aspect), aspect))
        return usageError("unknown slide shape '" + args.aspect + "' (16:9 or 4:3)", io);
    options.slides.aspect = aspect;
    if (!args.aspect.empty() && !slides)
        return usageError("--aspect is the shape of slides: add --slides", io);

    auto read = readDocumentFile(args.input);
    if (!read.ok()) {
        for (const auto &p : read.problems)
            io.err << formatProblem(args.input, p) << '\n';
        return 1;
    }
    if (auditReport)
        return exportAudit(*read.document, args, options.format, io);
    if (!args.view.empty()) {
        const std::string problem = applyView(*read.document, args.view, options);
        if (!problem.empty()) {
            io.err << "cjm export: " << problem << '\n';
            return 1;
        }
        if (!args.aspect.empty())
            options.slides.aspect = aspect; // the command line's shape over the view's
    }
    const ExportResult result = exportMap(*read.document, options, toQString(args.output));
    if (!result.ok) {
        io.err << "cjm export: " << toStdString(result.error) << '\n';
        return 1;
    }
    return 0;
}

} // namespace cjm::cli
