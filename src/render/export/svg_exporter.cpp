#include "svg_exporter.hpp"

#include <QBuffer>
#include <QPainter>
#include <QSvgGenerator>
#include <deque>
#include <functional>
#include <future>

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
                    const std::function<void(QPainter &)> &paint)
{
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

ExportResult SvgExporter::write(const ExportJob &job) const
{
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
    const QList<QStringList> fontFamilies{style.titleFont.families(), style.subtitleFont.families(),
                                          style.headerFont.families(), style.smallFont.families(),
                                          style.cardFont.families()};
    // Reading a chunk as XML and writing it out again takes longer than
    // painting it: while the next chunk is painted here, workers make the
    // last ones into parts, and the parts are written in order. At most
    // kInFlight chunks wait, so memory stays bounded.
    constexpr std::size_t kInFlight = 2;
    std::deque<std::future<SvgPart>> pending; // after fontFamilies: its destructor waits for the workers
    int written = 0;                          // parts in the file
    QString joinError;
    const auto writeOldest = [&] {
        const SvgPart part = pending.front().get();
        pending.pop_front();
        ++written;
        if (!part.ok()) {
            joinError = part.error;
            return false;
        }
        return file.append(part.bytes);
    };
    int painted = 0;
    const auto join = [&](QByteArray svg) {
        pending.push_back(std::async(std::launch::async, [svg = std::move(svg), index = painted++, &fontFamilies] {
            return svgChunkPart(svg, index, fontFamilies);
        }));
        while (pending.size() > kInFlight)
            if (!writeOldest())
                return false;
        return true;
    };
    const auto joinFailed = [&] {
        if (!file.ok())
            return failure(file.error());
        return failure(ExportText::tr("Could not write %1: joining part %2 of the SVG failed: %3")
                           .arg(job.path)
                           .arg(written)
                           .arg(joinError));
    };
    // The first chunk, the background, brings the document's size, title
    // and description; the cards follow a chunk at a time.
    if (!join(paintSvg(region, toQString(job.document.journey().title),
                       ExportText::tr("Customer journey map made with CJM Studio"),
                       [&](QPainter &painter) { mapPainter.paintBackground(&painter, region, paint); })))
        return joinFailed();
    const int total = static_cast<int>(chunks.size());
    for (int i = 0; i < total; ++i) {
        const QRectF &chunk = chunks[static_cast<std::size_t>(i)];
        if (!join(paintSvg(region, QString(), QString(),
                           [&](QPainter &painter) { mapPainter.paintCards(&painter, chunk, paint); })))
            return joinFailed();
        if (job.progress && !job.progress(i + 1, total))
            return failure(ExportText::tr("The export was cancelled."));
    }
    while (!pending.empty())
        if (!writeOldest())
            return joinFailed();
    if (!file.append(svgDocumentEnd()))
        return failure(file.error());
    if (!file.commit())
        return failure(file.error());
    return success();
}

} // namespace cjm
