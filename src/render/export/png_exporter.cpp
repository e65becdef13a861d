#include "png_exporter.hpp"

#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <future>
#include <png.h>

#include "atomic_file.hpp"
#include "export_support.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"

namespace cjm {

using namespace exporting;

namespace {

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
        return failure(
            ExportText::tr("At this scale the picture would be %1 x %2 pixels, more than a PNG file can hold here. "
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
        return failure(
            ExportText::tr("There is not enough memory for a %1 x %2 pixel picture. Export a PDF or choose a smaller "
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
        return failure(ExportText::tr("The picture could not be encoded."));
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
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                                   QPainter::SmoothPixmapTransform);
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
        encoding =
            std::async(std::launch::async, [&png, &strip, rows, alpha] { return png.writeRows(strip, rows, alpha); });
    }
    if (encoding.valid())
        encoded = encoding.get() && encoded;
    if (encoded)
        encoded = png.finish();
    if (!file.ok())
        return failure(file.error()); // the encoder stopped because the disk did
    if (!encoded)
        return failure(ExportText::tr("The picture could not be encoded."));
    if (!file.commit())
        return failure(file.error());
    ExportResult result;
    result.ok = true;
    result.pixelSize = QSize(static_cast<int>(width), static_cast<int>(height));
    return result;
}

} // namespace

ExportResult PngExporter::write(const ExportJob &job) const
{
    MapLayout layout;
    layout.rebuild(job.document);
    return exportPng(job.document, layout, job.options, job.path);
}

} // namespace cjm
