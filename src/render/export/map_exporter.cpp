#include "map_exporter.hpp"

#include <QFileInfo>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "export_support.hpp"
#include "exporter.hpp"
#include "map_language.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"
#include "pdf_page_painter.hpp"
#include "qt_text.hpp"

namespace cjm {

using namespace exporting;

namespace {
int damagedIntermediates = 0; // ScopedDamagedIntermediates alive
} // namespace

detail::ScopedDamagedIntermediates::ScopedDamagedIntermediates() { ++damagedIntermediates; }
detail::ScopedDamagedIntermediates::~ScopedDamagedIntermediates() { --damagedIntermediates; }
bool detail::intermediatesDamaged() { return damagedIntermediates > 0; }

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
    else if (n == QLatin1String("pptx"))
        format = ExportFormat::Pptx;
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
        return failure(ExportText::tr("The map has no persona with the id “%1”.").arg(toQString(options.personaId)));
    const Document scoped = options.personaId.empty() ? Document() : scopedDocument(document, options.personaId);
    const Document &source = options.personaId.empty() ? document : scoped;
    const std::unique_ptr<Exporter> exporter = exporterFor(options.format);
    if (!exporter)
        return failure(ExportText::tr("Unknown export format."));
    // Everything the program writes on the map in the map's own language,
    // on whichever thread the export runs.
    const MapLanguageScope language(document);
    return exporter->write(ExportJob{source, options, path, progress});
}

QPageLayout exportPageLayout(const Document &document, const ExportOptions &options)
{
    const ScopedLayout scope(document, options);
    return pageLayoutFor(options, exportRegion(scope.layout, options.selectedCards));
}

int paintMapPages(const Document &document, const ExportOptions &options, QPainter &painter, const QRectF &page,
                  const std::function<bool()> &newPage, const ExportProgress &progress)
{
    const MapLanguageScope language(document);
    ExportOptions pdf = options; // the pages of the PDF export, in its style
    pdf.format = ExportFormat::Pdf;
    const ScopedLayout scope(document, pdf);
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
    const MapLanguageScope language(document);
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
        PagePainter(source, options, {}, [] {
            return false;
        }).paint(painter, QRectF(QPointF(0, 0), paint.size()), layout);
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
