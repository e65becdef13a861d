#include "map_exporter.hpp"

#include <QBuffer>
#include <QCoreApplication>
#include <QDate>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSet>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <future>
#include <png.h>

#include "atomic_file.hpp"
#include "cjm/csv.hpp"
#include "cjm/file_io.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"
#include "pdf_page_merge.hpp"
#include "qt_text.hpp"

namespace cjm {

// A later SVG chunk, ready to follow the first (see exportSvg). Qt numbers
// gradients from 1 in every generator, so the ids a chunk defines get the
// suffix, in their definitions and in every "url(#id)" attribute. (Qt 6.4's
// generator defines ids only in <defs> and refers to them only as url(#id);
// it escapes text, so no card's text holds a quote.)
bool detail::svgChunkBody(const QByteArray &svg, const QByteArray &suffix, QByteArray &body)
{
    const qsizetype defsStart = svg.indexOf("<defs>\n");
    const qsizetype defsEnd = defsStart < 0 ? -1 : svg.indexOf("</defs>\n", defsStart);
    const qsizetype end = svg.lastIndexOf("</svg>");
    if (defsStart < 0 || defsEnd < 0 || end < defsEnd)
        return false;
    const qsizetype defsContent = defsStart + 7;
    const bool hasDefs = defsEnd > defsContent;
    const qsizetype from = hasDefs ? defsStart : defsEnd + 8;
    const QByteArrayView text = QByteArrayView(svg).sliced(from, end - from);
    QSet<QByteArray> ids;
    for (qsizetype i = svg.indexOf(" id=\"", defsContent); i >= 0 && i < defsEnd; i = svg.indexOf(" id=\"", i + 5)) {
        const qsizetype close = svg.indexOf('"', i + 5);
        if (close < 0)
            return false;
        ids.insert(svg.mid(i + 5, close - i - 5));
    }
    body.clear();
    if (ids.isEmpty()) {
        body.append(text.data(), text.size());
        return true;
    }
    // One pass over the text: copy it, renaming at each " id=\"" and "\"url(#".
    const QByteArrayView idMarker(" id=\""), urlMarker("\"url(#");
    body.reserve(text.size() + ids.size() * 2 * suffix.size() + 64);
    qsizetype at = 0;
    qsizetype idAt = text.indexOf(idMarker), urlAt = text.indexOf(urlMarker);
    while (idAt >= 0 || urlAt >= 0) {
        const bool isId = idAt >= 0 && (urlAt < 0 || idAt < urlAt);
        const qsizetype nameStart = isId ? idAt + idMarker.size() : urlAt + urlMarker.size();
        const qsizetype nameEnd = text.indexOf(isId ? '"' : ')', nameStart);
        if (nameEnd < 0)
            return false;
        body.append(text.data() + at, nameEnd - at);
        if (ids.contains(text.sliced(nameStart, nameEnd - nameStart).toByteArray()))
            body.append(suffix);
        at = nameEnd;
        if (idAt >= 0 && idAt < at)
            idAt = text.indexOf(idMarker, at);
        if (urlAt >= 0 && urlAt < at)
            urlAt = text.indexOf(urlMarker, at);
    }
    body.append(text.data() + at, text.size() - at);
    return true;
}

namespace {
bool isGenericFamily(const QString &family)
{
    static const QStringList generic{QStringLiteral("serif"),   QStringLiteral("sans-serif"),
                                     QStringLiteral("monospace"), QStringLiteral("cursive"),
                                     QStringLiteral("fantasy"), QStringLiteral("system-ui")};
    return generic.contains(family);
}

// A family name in CSS, quoted (a generic family is a keyword), inside an XML attribute.
QString cssFamily(const QString &family)
{
    if (isGenericFamily(family))
        return family;
    QString quoted = family;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return (QLatin1Char('\'') + quoted + QLatin1Char('\'')).toHtmlEscaped();
}
} // namespace

QByteArray detail::svgWithGenericFontFamily(const QByteArray &svg, const QList<QStringList> &fontFamilies)
{
    // Qt writes the attribute as font-family="NAME" after a space or a line
    // break; text and titles have their quotes escaped, so the marker is only
    // ever an attribute.
    const QByteArrayView marker("font-family=\"");
    QHash<QByteArray, QByteArray> rewritten; // a few fonts, thousands of attributes
    QByteArray out;
    out.reserve(svg.size() + svg.size() / 8);
    qsizetype at = 0;
    for (qsizetype found = svg.indexOf(marker); found >= 0; found = svg.indexOf(marker, at)) {
        const qsizetype nameStart = found + marker.size();
        const qsizetype nameEnd = svg.indexOf('"', nameStart);
        if (nameEnd < 0)
            break;
        if (found == 0 || !QChar::isSpace(static_cast<uchar>(svg[found - 1]))) {
            out.append(svg.constData() + at, nameStart - at); // part of a longer attribute name
            at = nameStart;
            continue;
        }
        const QByteArray name = svg.mid(nameStart, nameEnd - nameStart);
        auto value = rewritten.find(name);
        if (value == rewritten.end()) {
            const QString family = QString::fromUtf8(name);
            QStringList families{family};
            for (const QStringList &list : fontFamilies)
                if (!list.isEmpty() && list.front() == family) {
                    families = list;
                    break;
                }
            QStringList names;
            for (const QString &each : families)
                names << cssFamily(each);
            if (std::none_of(families.begin(), families.end(), isGenericFamily))
                names << QStringLiteral("sans-serif"); // every map font is a sans
            value = rewritten.insert(name, names.join(QStringLiteral(", ")).toUtf8());
        }
        out.append(svg.constData() + at, nameStart - at);
        out.append(value.value());
        at = nameEnd;
    }
    out.append(svg.constData() + at, svg.size() - at);
    return out;
}

namespace {

// Map units are pixels at 100% on a 96 dpi screen; PDF units are points.
constexpr qreal kPointsPerUnit = 72.0 / 96.0;

QString tr(const char *text) { return QCoreApplication::translate("Export", text); }

ExportResult failure(const QString &message)
{
    ExportResult result;
    result.error = message;
    return result;
}

// Only one persona's band: a copy of the map without the other personas.
Document scopedDocument(const Document &document, const std::string &personaId)
{
    std::vector<Persona> personas;
    for (const Persona &p : document.personas())
        if (p.id == personaId)
            personas.push_back(p);
    std::vector<Card> cards;
    for (const Card &c : document.cards())
        if (c.persona == personaId)
            cards.push_back(c);
    return Document::fromParts(document.journey(), std::move(personas), document.stages(), document.lanes(),
                               std::move(cards), document.generator(), document.unknown());
}

QRectF exportRegion(const MapLayout &layout, const std::vector<std::string> &selectedCards)
{
    if (selectedCards.empty())
        return layout.bounds();
    QRectF region;
    for (const std::string &id : selectedCards)
        if (auto rect = layout.cardRect(id))
            region = region.isNull() ? *rect : region.united(*rect);
    if (region.isNull())
        return layout.bounds();
    return region.adjusted(-16, -16, 16, 16).intersected(layout.bounds());
}

PaintOptions exportPaintOptions(const ExportOptions &options, qreal levelOfDetail)
{
    PaintOptions paint;
    // Exports are read up close: always full detail, whatever the scale.
    paint.levelOfDetail = std::max<qreal>(levelOfDetail, 1.0);
    paint.transparentBackground = options.transparentBackground;
    paint.heatStrip = options.heatStrip;
    paint.date = options.date.isEmpty() ? QLocale().toString(QDate::currentDate(), QLocale::ShortFormat) : options.date;
    return paint;
}

ExportResult writeBytes(const QString &path, const QByteArray &bytes)
{
    auto written = defaultFileSystem().writeAtomically(path.toStdString(),
                                                      std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!written.ok)
        return failure(tr("Could not write %1: %2").arg(path, toQString(written.error)));
    ExportResult result;
    result.ok = true;
    return result;
}

// Streams a PNG to the file row by row through libpng. QImageWriter needs the
// whole picture as one QImage (1.4 GB for a 10,000-card map) and filters
// every row adaptively; here the map is painted in strips and each strip's
// rows go straight to the encoder, unfiltered (flat map colours compress
// well without filters, at a fraction of the time).
class PngStream {
public:
    explicit PngStream(AtomicFile &file)
        : m_png(png_create_write_struct(PNG_LIBPNG_VER_STRING, this, &PngStream::onError, &PngStream::onWarning)),
          m_file(file)
    {
        if (m_png)
            m_info = png_create_info_struct(m_png);
    }
    ~PngStream() { png_destroy_write_struct(&m_png, &m_info); }
    PngStream(const PngStream &) = delete;
    PngStream &operator=(const PngStream &) = delete;

    // libpng reports errors by longjmp; nothing with a destructor lives
    // between each setjmp and the libpng calls after it.
    bool begin(int width, int height, bool alpha, int dotsPerMetre)
    {
        if (!m_png || !m_info)
            return false;
        if (setjmp(png_jmpbuf(m_png)))
            return false;
        png_set_write_fn(m_png, this, &PngStream::onWrite, nullptr);
        png_set_IHDR(m_png, m_info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
                     alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        // Tell image viewers the real density, so 2x prints at the same size.
        png_set_pHYs(m_png, m_info, static_cast<png_uint_32>(dotsPerMetre), static_cast<png_uint_32>(dotsPerMetre),
                     PNG_RESOLUTION_METER);
        png_set_filter(m_png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
        png_set_compression_level(m_png, kPngCompression);
        png_set_compression_buffer_size(m_png, 1 << 17);
        png_write_info(m_png, m_info);
        return true;
    }
    // PNG wants straight (not premultiplied) alpha, in R, G, B(, A) order.
    bool writeRows(const QImage &strip, int rows, bool alpha)
    {
        const QImage converted = strip.convertToFormat(alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
        return writeConverted(converted, rows);
    }
    bool finish()
    {
        if (setjmp(png_jmpbuf(m_png)))
            return false;
        png_write_end(m_png, nullptr);
        return true;
    }

    // zlib level 2: map pictures are large areas of flat colour; levels 1
    // to 3 differ by a few percent in size and time.
    static constexpr int kPngCompression = 2;

private:
    bool writeConverted(const QImage &converted, int rows)
    {
        if (setjmp(png_jmpbuf(m_png)))
            return false;
        for (int y = 0; y < rows; ++y)
            png_write_row(m_png, converted.constScanLine(y));
        return true;
    }
    static void onWrite(png_structp png, png_bytep data, png_size_t length)
    {
        auto *self = static_cast<PngStream *>(png_get_io_ptr(png));
        if (!self->m_file.append(reinterpret_cast<const char *>(data), static_cast<qint64>(length)))
            png_error(png, "write failed");
    }
    static void onError(png_structp png, png_const_charp) { png_longjmp(png, 1); }
    static void onWarning(png_structp, png_const_charp) {}

    png_structp m_png = nullptr;
    png_infop m_info = nullptr;
    AtomicFile &m_file;
};

ExportResult exportPng(const Document &document, const MapLayout &layout, const ExportOptions &options,
                       const QString &path)
{
    const qreal scale = std::clamp<qreal>(options.scale, 0.1, 8.0);
    const QRectF region = exportRegion(layout, options.selectedCards);
    const qint64 width = static_cast<qint64>(std::ceil(region.width() * scale));
    const qint64 height = static_cast<qint64>(std::ceil(region.height() * scale));
    if (width > kMaxPngSide || height > kMaxPngSide || width * height > kMaxPngPixels)
        return failure(tr("At this scale the picture would be %1 x %2 pixels, more than a PNG file can hold here. "
                          "Export a PDF instead (it stays sharp at any size), or choose a smaller scale.")
                           .arg(width)
                           .arg(height));
    // Strips of at most 256 rows (about 10 MB at 9,654 pixels wide), so
    // memory stays bounded whatever the map's height.
    const int stripHeight = static_cast<int>(std::min<qint64>(height, 256));
    // Two strips: while one is painted here, a worker converts and encodes
    // the other (both cores busy; the encoder is the larger half).
    QImage strips[2] = {QImage(static_cast<int>(width), stripHeight, QImage::Format_ARGB32_Premultiplied),
                        QImage(static_cast<int>(width), stripHeight, QImage::Format_ARGB32_Premultiplied)};
    if (strips[0].isNull() || strips[1].isNull())
        return failure(tr("There is not enough memory for a %1 x %2 pixel picture. Export a PDF or choose a smaller "
                          "scale.")
                           .arg(width)
                           .arg(height));
    const bool alpha = options.transparentBackground;
    const int dotsPerMetre = static_cast<int>(std::lround(96.0 * scale / 0.0254));
    AtomicFile file(path);
    if (!file.create())
        return failure(file.error());
    PngStream png(file);
    if (!png.begin(static_cast<int>(width), static_cast<int>(height), alpha, dotsPerMetre))
        return failure(tr("The picture could not be encoded."));
    const MapPainter mapPainter(document, layout);
    const PaintOptions paint = exportPaintOptions(options, scale);
    std::future<bool> encoding; // the previous strip's
    bool encoded = true;
    for (int top = 0, index = 0; top < height && encoded; top += stripHeight, index ^= 1) {
        const int rows = static_cast<int>(std::min<qint64>(stripHeight, height - top));
        QImage &strip = strips[index]; // its last encoding was waited for a strip ago
        strip.fill(Qt::transparent);
        {
            QPainter painter(&strip);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
            painter.translate(0, -top);
            painter.scale(scale, scale);
            painter.translate(-region.topLeft());
            painter.setClipRect(region);
            // What reaches into this strip, with a margin for what is drawn
            // a little outside its rectangle (outlines, anti-aliasing).
            const QRectF exposed(region.left(), region.top() + top / scale, region.width(), rows / scale);
            mapPainter.paintMap(&painter, exposed.adjusted(0, -8, 0, 8).intersected(region), paint);
        }
        if (encoding.valid())
            encoded = encoding.get();
        encoding = std::async(std::launch::async, [&png, &strip, rows, alpha] { return png.writeRows(strip, rows, alpha); });
    }
    if (encoding.valid())
        encoded = encoding.get() && encoded;
    if (encoded)
        encoded = png.finish();
    if (!file.ok())
        return failure(file.error()); // the encoder stopped because the disk did
    if (!encoded)
        return failure(tr("The picture could not be encoded."));
    if (!file.commit())
        return failure(file.error());
    ExportResult result;
    result.ok = true;
    result.pixelSize = QSize(static_cast<int>(width), static_cast<int>(height));
    return result;
}

// SVG and PDF are painted a chunk of cards at a time: the background (with
// everything but the cards), then the cards of one lane row after another,
// a row cut between stages when it holds more than this many. Qt's SVG and PDF
// engines keep what they draw in memory (the SVG's whole body, a PDF page's
// whole content stream) until the end, so each chunk gets its own: memory
// follows the chunk, not the map.
constexpr std::size_t kCardsPerChunk = 1000;

// The rectangles whose cards, painted one rectangle after another with
// paintCards, are exactly the cards paintCards(region) paints, in the same
// order (the layout's display order: band, row, stage, place in the cell).
// That is checked against the layout; were it ever not so, the one chunk is
// the whole region (right, if not small).
std::vector<QRectF> cardChunks(const MapLayout &layout, const QRectF &region)
{
    std::vector<QRectF> chunks;
    const auto &stages = layout.stages();
    const auto &bands = layout.bands();
    const int stageCount = static_cast<int>(stages.size());
    for (int b = 0; b < static_cast<int>(bands.size()); ++b)
        for (int r = 0; r < static_cast<int>(bands[b].rows.size()); ++r) {
            const MapLayout::LaneRow &row = bands[b].rows[static_cast<std::size_t>(r)];
            std::size_t count = 0;
            int first = 0;
            for (int s = 0; s < stageCount; ++s) {
                count += layout.cardsInCell(b, r, s).size();
                if (count == 0) {
                    first = s + 1;
                    continue;
                }
                if (count < kCardsPerChunk && s + 1 < stageCount)
                    continue;
                const qreal x0 = stages[static_cast<std::size_t>(first)].x;
                const qreal x1 = stages[static_cast<std::size_t>(s)].x + stages[static_cast<std::size_t>(s)].width;
                const QRectF rect = QRectF(x0, row.y, x1 - x0, row.height).intersected(region);
                if (!rect.isEmpty())
                    chunks.push_back(rect);
                count = 0;
                first = s + 1;
            }
        }
    const std::vector<std::string> all = layout.cardsIn(region);
    std::size_t at = 0;
    for (const QRectF &rect : chunks)
        for (const std::string &id : layout.cardsIn(rect))
            if (at >= all.size() || all[at++] != id)
                return {region};
    if (at != all.size())
        return {region};
    return chunks;
}

// What one QSvgGenerator makes of `paint` on the export's canvas. The
// generator writes its header (XML declaration, <svg> with size and viewBox,
// title and description when set), <defs>, then the drawing in <g> elements,
// then "</svg>". Qt writes the title and description as they are: they are
// escaped here. Font families get their whole list and a generic family
// (svgWithGenericFontFamily).
QByteArray paintSvg(const QRectF &region, const QString &title, const QString &description,
                    const QList<QStringList> &fontFamilies, const std::function<void(QPainter &)> &paint)
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
    return detail::svgWithGenericFontFamily(bytes, fontFamilies);
}

ExportResult exportSvg(const Document &document, const MapLayout &layout, const ExportOptions &options,
                       const QString &path, const ExportProgress &progress)
{
    const QRectF region = exportRegion(layout, options.selectedCards);
    const MapPainter mapPainter(document, layout);
    const PaintOptions paint = exportPaintOptions(options, 1.0);
    const std::vector<QRectF> chunks = cardChunks(layout, region);
    AtomicFile file(path);
    if (!file.create())
        return failure(file.error());
    // The first chunk, the background, brings the header: the file starts as
    // one generator's would, and its "</svg>" comes after the last chunk.
    const MapStyle &style = layout.style();
    const QList<QStringList> fontFamilies{style.titleFont.families(), style.subtitleFont.families(),
                                          style.headerFont.families(), style.smallFont.families(),
                                          style.cardFont.families()};
    const QByteArray head = paintSvg(region, toQString(document.journey().title),
                                     tr("Customer journey map made with CJM Studio"), fontFamilies,
                                     [&](QPainter &painter) { mapPainter.paintBackground(&painter, region, paint); });
    const QByteArray closing("</svg>\n");
    if (!head.endsWith(closing))
        return failure(tr("The SVG could not be made."));
    file.append(head.constData(), head.size() - closing.size());
    const int total = static_cast<int>(chunks.size());
    QByteArray body;
    for (int i = 0; i < total; ++i) {
        const QRectF &chunk = chunks[static_cast<std::size_t>(i)];
        const QByteArray svg = paintSvg(region, QString(), QString(), fontFamilies, [&](QPainter &painter) {
            mapPainter.paintCards(&painter, chunk, paint);
        });
        if (!detail::svgChunkBody(svg, "_" + QByteArray::number(i + 1), body))
            return failure(tr("The SVG could not be made."));
        if (!file.append(body))
            return failure(file.error());
        if (progress && !progress(i + 1, total))
            return failure(tr("The export was cancelled."));
    }
    file.append(closing);
    if (!file.commit())
        return failure(file.error());
    ExportResult result;
    result.ok = true;
    return result;
}

QPageSize pageSizeFor(PaperSize paper, const QSizeF &fitPoints)
{
    switch (paper) {
    case PaperSize::A4: return QPageSize(QPageSize::A4);
    case PaperSize::A3: return QPageSize(QPageSize::A3);
    case PaperSize::A2: return QPageSize(QPageSize::A2);
    case PaperSize::Letter: return QPageSize(QPageSize::Letter);
    case PaperSize::Tabloid: return QPageSize(QPageSize::Tabloid);
    case PaperSize::FitMap: return QPageSize(fitPoints, QPageSize::Point, QString(), QPageSize::ExactMatch);
    }
    return QPageSize(QPageSize::A4);
}

class PagePainter {
public:
    PagePainter(const Document &document, const ExportOptions &options, const ExportProgress &progress,
                std::function<bool()> newPage)
        : m_document(document), m_options(options), m_progress(progress), m_newPage(std::move(newPage))
    {
    }

    // Pages with many cards painted as several device pages: the background,
    // then the cards a chunk at a time (kCardsPerChunk), each after
    // `newSubPage`. QPdfEngine keeps a page's whole content stream in memory
    // until the next page starts; pdf::SubPageMerger makes them one page again.
    void setSubPages(std::function<bool()> newSubPage) { m_newSubPage = std::move(newSubPage); }
    // How many device pages each page painted took, in order.
    const std::vector<int> &devicePages() const { return m_devicePages; }

    // Paints every page; returns the page count, or -1 when cancelled.
    int paint(QPainter &painter, const QRectF &page, const MapLayout &wholeLayout)
    {
        const QRectF fullRegion = exportRegion(wholeLayout, m_options.selectedCards);
        m_devicePages.assign(1, 1);
        bool complete = false;
        if (m_options.pdfLayout == PdfLayout::PerPersona && m_options.personaId.empty())
            complete = perPersona(painter, page);
        else if (m_options.pdfLayout == PdfLayout::Tiles)
            complete = tiles(painter, page, wholeLayout);
        else
            complete = fitted(painter, page, wholeLayout, fullRegion);
        return complete ? m_pages : -1;
    }

private:
    bool step(int done, int total) { return !m_progress || m_progress(done, total); }

    // One page: `region` of the layout scaled into `target` (points),
    // centred; with sub-pages, the cards a chunk at a time, each chunk
    // reported to `chunkDone` (which may cancel).
    bool paintRegion(QPainter &painter, const MapPainter &mapPainter, const MapLayout &layout, const QRectF &region,
                     const QRectF &target, const PaintOptions &paint, const ExportProgress &chunkDone = {})
    {
        const qreal scale = std::min(target.width() / region.width(), target.height() / region.height());
        painter.save();
        painter.translate(target.topLeft() + QPointF((target.width() - region.width() * scale) / 2,
                                                     (target.height() - region.height() * scale) / 2));
        painter.scale(scale, scale);
        painter.translate(-region.topLeft());
        painter.setClipRect(region);
        bool complete = true;
        if (!m_newSubPage) {
            mapPainter.paintMap(&painter, region, paint);
        } else {
            // paintMap is paintBackground then paintCards; cardChunks()
            // splits the second without changing what it paints or its order.
            const std::vector<QRectF> chunks = cardChunks(layout, region);
            mapPainter.paintBackground(&painter, region, paint);
            const int total = static_cast<int>(chunks.size());
            for (int i = 0; i < total && complete; ++i) {
                // The painter's state (transform, clip) carries over to the
                // new page. Should the device refuse one, the chunk goes on
                // the current page.
                if (m_newSubPage())
                    ++m_devicePages.back();
                mapPainter.paintCards(&painter, chunks[static_cast<std::size_t>(i)], paint);
                complete = !chunkDone || chunkDone(i + 1, total);
            }
        }
        painter.restore();
        return complete;
    }

    bool fitted(QPainter &painter, const QRectF &page, const MapLayout &layout, const QRectF &region)
    {
        const MapPainter mapPainter(m_document, layout);
        bool chunked = false; // then the last chunk's step was the last step
        const auto chunkDone = [&](int done, int total) {
            chunked = true;
            return step(done, total);
        };
        const bool complete =
            paintRegion(painter, mapPainter, layout, region, page, exportPaintOptions(m_options, 1.0), chunkDone);
        m_pages = 1;
        return complete && (chunked || step(1, 1));
    }

    bool nextPage()
    {
        if (m_newPage && !m_newPage())
            return false;
        m_devicePages.push_back(1);
        return true;
    }

    bool perPersona(QPainter &painter, const QRectF &page)
    {
        const int total = static_cast<int>(m_document.personas().size());
        for (int i = 0; i < total; ++i) {
            if (i > 0 && !nextPage())
                return true; // the device takes no more pages (a preview)
            const Document scoped = scopedDocument(m_document, m_document.personas()[static_cast<std::size_t>(i)].id);
            MapLayout layout;
            layout.rebuild(scoped);
            paintRegion(painter, MapPainter(scoped, layout), layout, layout.bounds(), page,
                        exportPaintOptions(m_options, 1.0));
            ++m_pages;
            if (!step(i + 1, total))
                return false;
        }
        if (total == 0) {
            MapLayout layout;
            layout.rebuild(m_document);
            return fitted(painter, page, layout, layout.bounds());
        }
        return true;
    }

    // Pages at 100% (96 dpi), cut between stages and between rows, each with
    // the stage header row and the persona/lane column repeated, like a
    // spreadsheet printed with repeated titles.
    bool tiles(QPainter &painter, const QRectF &page, const MapLayout &layout)
    {
        const MapMetrics &m = layout.style().metrics;
        const MapPainter mapPainter(m_document, layout);
        const PaintOptions paint = exportPaintOptions(m_options, 1.0);
        const qreal s = kPointsPerUnit;
        const qreal left = layout.contentLeft();
        const qreal pageWidth = page.width() / s;   // map units across a page
        const qreal pageHeight = page.height() / s;

        // Column groups: as many stages as fit beside the left column.
        std::vector<std::pair<int, int>> columns;
        const int stageCount = static_cast<int>(layout.stages().size());
        for (int first = 0; first < stageCount;) {
            int last = first;
            qreal width = layout.stages()[first].width;
            while (last + 1 < stageCount && left + width + layout.stages()[last + 1].width <= pageWidth)
                width += layout.stages()[++last].width;
            columns.emplace_back(first, last);
            first = last + 1;
        }
        if (columns.empty())
            columns.emplace_back(-1, -1);
        // Row groups: consecutive lane rows (across bands) that fit under the
        // header; the first group also leaves room for the title block.
        struct Span {
            qreal top, bottom;
        };
        std::vector<Span> rows;
        const qreal contentTop = m.titleHeight + m.stageHeaderHeight;
        {
            qreal groupTop = -1, groupBottom = -1;
            for (const auto &band : layout.bands())
                for (const auto &row : band.rows) {
                    const qreal available = pageHeight - m.stageHeaderHeight - (rows.empty() ? m.titleHeight : 0);
                    const qreal top = row.y;
                    const qreal bottom = row.y + row.height;
                    if (groupTop < 0) {
                        groupTop = top;
                        groupBottom = bottom;
                    } else if (bottom - groupTop <= available) {
                        groupBottom = bottom;
                    } else {
                        rows.push_back({groupTop, groupBottom});
                        groupTop = top;
                        groupBottom = bottom;
                    }
                }
            if (groupTop >= 0)
                rows.push_back({groupTop, groupBottom});
            if (rows.empty())
                rows.push_back({contentTop, contentTop});
        }
        const int total = static_cast<int>(columns.size() * rows.size());
        int done = 0;
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (const auto &[firstStage, lastStage] : columns) {
                if (done > 0 && !nextPage())
                    return true;
                const qreal x0 = firstStage >= 0 ? layout.stages()[firstStage].x : left;
                const qreal x1 = lastStage >= 0 ? layout.stages()[lastStage].x + layout.stages()[lastStage].width : left;
                // If one stage or row is wider or taller than the page, the
                // page is scaled down to hold it rather than cutting a card.
                const qreal neededWidth = left + (x1 - x0);
                const qreal neededHeight = (r == 0 ? m.titleHeight : 0) + m.stageHeaderHeight + (rows[r].bottom - rows[r].top);
                const qreal fit = std::min({1.0, pageWidth / neededWidth, pageHeight / neededHeight});
                painter.save();
                painter.scale(s * fit, s * fit);
                qreal y = 0;
                if (r == 0) {
                    // Title block spans the page.
                    painter.save();
                    painter.setClipRect(QRectF(0, 0, neededWidth, m.titleHeight));
                    mapPainter.paintTitleBlock(&painter, QRectF(0, 0, neededWidth, m.titleHeight), paint);
                    painter.restore();
                    y = m.titleHeight;
                }
                // Stage headers of this column group.
                painter.save();
                painter.translate(left - x0, y - m.titleHeight);
                painter.setClipRect(QRectF(x0, m.titleHeight, x1 - x0, m.stageHeaderHeight));
                for (int st = std::max(firstStage, 0); firstStage >= 0 && st <= lastStage; ++st)
                    mapPainter.paintStageHeader(&painter, st, layout.stageHeaderRect(st), paint);
                painter.restore();
                y += m.stageHeaderHeight;
                // The persona/lane column for these rows.
                painter.save();
                painter.translate(0, y - rows[r].top);
                painter.setClipRect(QRectF(0, rows[r].top, left, rows[r].bottom - rows[r].top));
                mapPainter.paintBackground(&painter, QRectF(0, rows[r].top, left, rows[r].bottom - rows[r].top), paint);
                painter.restore();
                // The cells.
                painter.save();
                painter.translate(left - x0, y - rows[r].top);
                const QRectF cells(x0, rows[r].top, x1 - x0, rows[r].bottom - rows[r].top);
                painter.setClipRect(cells);
                mapPainter.paintMap(&painter, cells, paint);
                painter.restore();
                painter.restore();
                ++m_pages;
                if (!step(++done, total))
                    return false;
            }
        return true;
    }

    const Document &m_document;
    const ExportOptions &m_options;
    const ExportProgress &m_progress;
    std::function<bool()> m_newPage;
    std::function<bool()> m_newSubPage;
    std::vector<int> m_devicePages;
    int m_pages = 0;
};


QPageLayout pageLayoutFor(const ExportOptions &options, const QRectF &region)
{
    const QMarginsF margins(options.marginMillimetres, options.marginMillimetres, options.marginMillimetres,
                            options.marginMillimetres);
    const qreal marginPoints = options.marginMillimetres * 72.0 / 25.4;
    const QSizeF fitPoints = region.size() * kPointsPerUnit + QSizeF(2 * marginPoints, 2 * marginPoints);
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    if (options.paper != PaperSize::FitMap) {
        if (options.orientation == PageOrientation::Landscape)
            orientation = QPageLayout::Landscape;
        else if (options.orientation == PageOrientation::Auto && options.pdfLayout != PdfLayout::Tiles)
            orientation = region.width() > region.height() ? QPageLayout::Landscape : QPageLayout::Portrait;
        else if (options.orientation == PageOrientation::Auto)
            orientation = QPageLayout::Landscape; // tiles: more stages per page
    }
    return QPageLayout(pageSizeFor(options.paper, fitPoints), orientation, margins, QPageLayout::Millimeter);
}

// `unexpected`: the sub-pages could not be merged (see pdf::SubPageMerger);
// the export can be made again without them.
ExportResult writePdf(const Document &document, const MapLayout &layout, const ExportOptions &options,
                      const QString &path, const ExportProgress &progress, bool subPages, bool &unexpected)
{
    AtomicFile file(path);
    if (!file.create())
        return failure(file.error());
    QPdfWriter writer(&file);
    writer.setResolution(72); // one device unit is one point
    writer.setTitle(toQString(document.journey().title));
    writer.setCreator(QStringLiteral("CJM Studio %1").arg(QCoreApplication::applicationVersion()));
    const QPageLayout pageLayout = pageLayoutFor(options, exportRegion(layout, options.selectedCards));
    writer.setPageLayout(pageLayout);
    QPainter painter;
    if (!painter.begin(&writer))
        return failure(tr("The PDF could not be started."));
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    const QRectF page(QPointF(0, 0), pageLayout.paintRect(QPageLayout::Point).size());
    PagePainter pagePainter(document, options, progress, [&writer] { return writer.newPage(); });
    if (subPages)
        pagePainter.setSubPages([&writer] { return writer.newPage(); });
    const int pages = pagePainter.paint(painter, page, layout);
    painter.end();
    if (pages < 0)
        return failure(tr("The export was cancelled."));
    const std::vector<int> &devicePages = pagePainter.devicePages();
    if (file.ok() && std::any_of(devicePages.begin(), devicePages.end(), [](int n) { return n > 1; }) &&
        !pdf::SubPageMerger(file).merge(devicePages) && file.ok()) {
        unexpected = true;
        return failure(tr("The PDF could not be made."));
    }
    if (!file.commit())
        return failure(file.error());
    ExportResult result;
    result.ok = true;
    result.pages = pages;
    return result;
}

ExportResult exportPdf(const Document &document, const MapLayout &layout, const ExportOptions &options,
                       const QString &path, const ExportProgress &progress)
{
    bool unexpected = false;
    ExportResult result = writePdf(document, layout, options, path, progress, true, unexpected);
    if (unexpected) // a Qt that writes its PDFs otherwise: one page in one piece, as before
        result = writePdf(document, layout, options, path, progress, false, unexpected);
    return result;
}

} // namespace

bool exportFormatFromName(const QString &name, ExportFormat &format)
{
    const QString n = name.toLower();
    if (n == QLatin1String("png"))
        format = ExportFormat::Png;
    else if (n == QLatin1String("pdf"))
        format = ExportFormat::Pdf;
    else if (n == QLatin1String("svg"))
        format = ExportFormat::Svg;
    else if (n == QLatin1String("csv"))
        format = ExportFormat::Csv;
    else
        return false;
    return true;
}

bool exportFormatFromPath(const QString &path, ExportFormat &format)
{
    return exportFormatFromName(QFileInfo(path).suffix(), format);
}

bool paperSizeFromName(const QString &name, PaperSize &paper)
{
    const QString n = name.toLower();
    if (n == QLatin1String("a4"))
        paper = PaperSize::A4;
    else if (n == QLatin1String("a3"))
        paper = PaperSize::A3;
    else if (n == QLatin1String("a2"))
        paper = PaperSize::A2;
    else if (n == QLatin1String("letter"))
        paper = PaperSize::Letter;
    else if (n == QLatin1String("tabloid"))
        paper = PaperSize::Tabloid;
    else if (n == QLatin1String("fit") || n == QLatin1String("map"))
        paper = PaperSize::FitMap;
    else
        return false;
    return true;
}

ExportResult exportMap(const Document &document, const ExportOptions &options, const QString &path,
                       const ExportProgress &progress)
{
    if (!options.personaId.empty() && !document.persona(options.personaId))
        return failure(tr("The map has no persona with the id “%1”.").arg(toQString(options.personaId)));
    const Document scoped = options.personaId.empty() ? Document() : scopedDocument(document, options.personaId);
    const Document &source = options.personaId.empty() ? document : scoped;
    if (options.format == ExportFormat::Csv) {
        const std::string csv = writeCardCsv(source);
        return writeBytes(path, QByteArray(csv.data(), static_cast<qsizetype>(csv.size())));
    }
    MapLayout layout;
    layout.rebuild(source);
    switch (options.format) {
    case ExportFormat::Png: return exportPng(source, layout, options, path);
    case ExportFormat::Svg: return exportSvg(source, layout, options, path, progress);
    case ExportFormat::Pdf: return exportPdf(source, layout, options, path, progress);
    case ExportFormat::Csv: break;
    }
    return failure(tr("Unknown export format."));
}

} // namespace cjm

namespace cjm {

namespace {
// The part of the map an export covers (one persona, or all), laid out.
struct ScopedLayout {
    Document scoped;
    const Document *source;
    MapLayout layout;
    ScopedLayout(const Document &document, const ExportOptions &options)
        : scoped(options.personaId.empty() ? Document() : scopedDocument(document, options.personaId)),
          source(options.personaId.empty() ? &document : &scoped)
    {
        layout.rebuild(*source);
    }
};
} // namespace

QPageLayout exportPageLayout(const Document &document, const ExportOptions &options)
{
    const ScopedLayout scope(document, options);
    return pageLayoutFor(options, exportRegion(scope.layout, options.selectedCards));
}

int paintMapPages(const Document &document, const ExportOptions &options, QPainter &painter, const QRectF &page,
                  const std::function<bool()> &newPage, const ExportProgress &progress)
{
    const ScopedLayout scope(document, options);
    return PagePainter(*scope.source, options, progress, newPage).paint(painter, page, scope.layout);
}

QSize exportPixelSize(const Document &document, const ExportOptions &options)
{
    const ScopedLayout scope(document, options);
    const QRectF region = exportRegion(scope.layout, options.selectedCards);
    return QSize(static_cast<int>(std::ceil(region.width() * options.scale)),
                 static_cast<int>(std::ceil(region.height() * options.scale)));
}

QImage exportPreview(const Document &document, const ExportOptions &options, const QSize &maxSize)
{
    const ScopedLayout scope(document, options);
    const Document &source = *scope.source;
    const MapLayout &layout = scope.layout;
    if (options.format == ExportFormat::Pdf) {
        // The first page, paper and margins included.
        const QPageLayout pageLayout = pageLayoutFor(options, exportRegion(layout, options.selectedCards));
        const QSizeF paper = pageLayout.fullRect(QPageLayout::Point).size();
        const qreal scale = std::min(maxSize.width() / paper.width(), maxSize.height() / paper.height());
        QImage image((paper * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        painter.scale(scale, scale);
        const QRectF paint = pageLayout.paintRect(QPageLayout::Point);
        painter.translate(paint.topLeft());
        PagePainter(source, options, {}, [] { return false; }).paint(painter, QRectF(QPointF(0, 0), paint.size()), layout);
        return image;
    }
    const QRectF region = exportRegion(layout, options.selectedCards);
    const qreal scale = std::min(maxSize.width() / region.width(), maxSize.height() / region.height());
    QImage image((region.size() * scale).toSize().expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    image.fill(options.transparentBackground ? Qt::transparent : Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    painter.scale(scale, scale);
    painter.translate(-region.topLeft());
    PaintOptions paint = exportPaintOptions(options, scale);
    MapPainter(source, layout).paintMap(&painter, region, paint);
    return image;
}

} // namespace cjm
