#include "svg_exporter.hpp"

#include <QBuffer>
#include <QPainter>
#include <QSvgGenerator>
#include <functional>

#include "atomic_file.hpp"
#include "export_support.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"
#include "qt_text.hpp"
#include "svg_chunk_joiner.hpp"

namespace cjm {

using namespace exporting;

namespace {

// What one QSvgGenerator makes of `paint` on the export's canvas. Qt writes
// the title and description as they are: they are escaped here.
QByteArray paintSvg(const QRectF &region, const QString &title, const QString &description,
                    const std::function<void(QPainter &)> &paint) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setResolution(96); // map units are 96 dpi pixels
    generator.setSize(region.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), region.size()));
    generator.setTitle(title.toHtmlEscaped());
    generator.setDescription(description.toHtmlEscaped());
    {
        QPainter painter(&generator);
        painter.translate(-region.topLeft());
        paint(painter);
    }
    if (detail::intermediatesDamaged())
        bytes.truncate(bytes.size() / 2); // the test seam: a chunk cut short
    return bytes;
}

} // namespace

ExportResult SvgExporter::write(const ExportJob &job) const {
    MapLayout layout;
    layout.rebuild(job.document);
    const QRectF region = exportRegion(layout, job.options.selectedCards);
    const MapPainter mapPainter(job.document, layout);
    const PaintOptions paint = exportPaintOptions(job.options, 1.0);
    const std::vector<QRectF> chunks = cardChunks(layout, region);
    AtomicFile file(job.path);
    if (!file.create())
        return failure(file.error());
    const MapStyle &style = layout.style();
    SvgChunkJoiner joiner(file, {style.titleFont.families(), style.subtitleFont.families(), style.headerFont.families(),
                                 style.smallFont.families(), style.cardFont.families()});
    const auto joinFailed = [&](int chunk) {
        if (!file.ok())
            return failure(file.error());
        return failure(tr("Could not write %1: joining part %2 of the SVG failed: %3")
                           .arg(job.path)
                           .arg(chunk)
                           .arg(joiner.error()));
    };
    // The first chunk, the background, brings the document's size, title
    // and description; the cards follow a chunk at a time.
    if (!joiner.append(paintSvg(region, toQString(job.document.journey().title),
                                tr("Customer journey map made with CJM Studio"),
                                [&](QPainter &painter) { mapPainter.paintBackground(&painter, region, paint); })))
        return joinFailed(1);
    const int total = static_cast<int>(chunks.size());
    for (int i = 0; i < total; ++i) {
        const QRectF &chunk = chunks[static_cast<std::size_t>(i)];
        if (!joiner.append(paintSvg(region, QString(), QString(),
                                    [&](QPainter &painter) { mapPainter.paintCards(&painter, chunk, paint); })))
            return joinFailed(i + 2);
        if (job.progress && !job.progress(i + 1, total))
            return failure(tr("The export was cancelled."));
    }
    if (!joiner.finish())
        return joinFailed(total + 1);
    if (!file.commit())
        return failure(file.error());
    return success();
}

} // namespace cjm
