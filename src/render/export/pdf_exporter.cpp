#include "pdf_exporter.hpp"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryFile>
#include <algorithm>
#include <sys/file.h>

#include "atomic_file.hpp"
#include "cjm/file_io.hpp"
#include "export_support.hpp"
#include "map_layout.hpp"
#include "pdf_page_painter.hpp"
#include "pdf_subpage_merge.hpp"
#include "qt_text.hpp"

namespace cjm {

using namespace exporting;

namespace {

constexpr int kPdfResolution = 96;

// Paints the export's pages onto `device` as QPdfWriter pages; with
// `subPages`, a page with cards is several device pages (devicePages).
// Returns the page count, or -1 when cancelled; 0 when the PDF could not be started.
int paintPdf(const Document &document, const MapLayout &layout, const ExportOptions &options,
             const ExportProgress &progress, QIODevice &device, bool subPages, std::vector<int> &devicePages)
{
    QPdfWriter writer(&device);
    // 96 device units an inch, scaled to points below. Not 72: Qt 6.4 scales
    // a font's letter spacing by its device's dpi / 96 in whole numbers, so
    // at 72 dpi the spacing that keeps text free of ligatures (textAsTyped())
    // would be dropped, and "confirmation" would copy as "conﬁrmation".
    writer.setResolution(kPdfResolution);
    writer.setTitle(toQString(document.journey().title));
    writer.setCreator(QStringLiteral("CJM Studio %1").arg(QCoreApplication::applicationVersion()));
    const QPageLayout pageLayout = pageLayoutFor(options, exportRegion(layout, options.selectedCards));
    writer.setPageLayout(pageLayout);
    QPainter painter;
    if (!painter.begin(&writer))
        return 0;
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    painter.scale(kPdfResolution / 72.0, kPdfResolution / 72.0); // one unit is one point
    const QRectF page(QPointF(0, 0), pageLayout.paintRect(QPageLayout::Point).size());
    PagePainter pagePainter(document, options, progress, [&writer] { return writer.newPage(); });
    if (subPages)
        pagePainter.setSubPages([&writer] { return writer.newPage(); });
    const int pages = pagePainter.paint(painter, page, layout);
    painter.end();
    devicePages = pagePainter.devicePages();
    return pages;
}

// Cuts the intermediate PDF short while the test seam asks for it.
void damageForTesting(QFileDevice &file)
{
    if (detail::intermediatesDamaged())
        file.resize(file.size() / 2);
}

} // namespace

ExportResult PdfExporter::write(const ExportJob &job) const
{
    MapLayout layout(MapStyle::textAsTyped());
    layout.rebuild(job.document);
    AtomicFile file(job.path);
    if (!file.create())
        return failure(file.error());
    std::vector<int> devicePages;
    // Tiles are a page each at 100%, slides a few stages of one persona:
    // no page is large enough to need sub-pages, and Qt's PDF goes straight
    // to the file.
    if (job.options.pdfLayout == PdfLayout::Tiles || job.options.pdfLayout == PdfLayout::Slides) {
        const int pages = paintPdf(job.document, layout, job.options, job.progress, file, false, devicePages);
        if (pages == 0)
            return failure(ExportText::tr("Could not write %1: the PDF could not be started.").arg(job.path));
        if (pages < 0)
            return failure(ExportText::tr("The export was cancelled."));
        if (!file.commit())
            return failure(file.error());
        ExportResult result = success();
        result.pages = pages;
        return result;
    }
    // The sub-pages go to a hidden file beside the target (the same disk),
    // named and locked as a save's temporary file is (".map.pdf.AbC123"):
    // removed when done, whatever happens, and should the process die, by
    // the next save's sweep of unlocked leftovers (removeStaleTemporaries).
    const QFileInfo target(job.path);
    QTemporaryFile intermediate(
        target.absolutePath() + QLatin1Char('/') +
        QString::fromStdString(siblingFileName(target.fileName().toStdString(), ".", ".XXXXXX")));
    if (!intermediate.open())
        return failure(ExportText::tr("Could not write %1: %2").arg(job.path, intermediate.errorString()));
    ::flock(intermediate.handle(), LOCK_EX | LOCK_NB); // a fresh file: nobody else holds it
    const int pages = paintPdf(job.document, layout, job.options, job.progress, intermediate, true, devicePages);
    if (pages == 0)
        return failure(ExportText::tr("Could not write %1: the PDF could not be started.").arg(job.path));
    if (pages < 0)
        return failure(ExportText::tr("The export was cancelled."));
    if (!intermediate.flush() || intermediate.error() != QFileDevice::NoError)
        return failure(ExportText::tr("Could not write %1: %2").arg(job.path, intermediate.errorString()));
    damageForTesting(intermediate);
    const QString merged = mergePdfSubPages(intermediate.fileName(), devicePages, file);
    if (!file.ok())
        return failure(file.error()); // the merge stopped because the disk did
    if (!merged.isEmpty())
        return failure(ExportText::tr("Could not write %1: merging each page's sub-pages into one page failed: %2")
                           .arg(job.path, merged));
    if (!file.commit())
        return failure(file.error());
    ExportResult result = success();
    result.pages = pages;
    return result;
}

} // namespace cjm
