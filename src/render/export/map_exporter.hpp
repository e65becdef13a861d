#pragma once
// Exporting a map for stakeholder decks: PNG, PDF, SVG and the CSV card
// inventory, one exporter per format (exporter.hpp). Every picture is
// painted by MapPainter from a MapLayout, as the canvas is, without canvas
// decoration (selection, find highlights). Files are written as they are
// painted, to a temporary file renamed over the target when complete: a
// failed or cancelled export leaves nothing behind, and an existing file as
// it was. A failure is an error naming the file and the step that failed.

#include <QByteArray>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QSize>
#include <QString>
#include <functional>
#include <string>
#include <vector>

#include "cjm/document.hpp"
#include "slides.hpp"

namespace cjm {

// Pptx: a PowerPoint deck of the slides (pptx_exporter.hpp).
enum class ExportFormat { Png, Pdf, Svg, Csv, Pptx };
enum class PaperSize { A4, A3, A2, Letter, Tabloid, FitMap };
// Slides: pages of a deck (slides.hpp), each readable on a projector.
enum class PdfLayout { FitToPage, Tiles, PerPersona, Slides };
enum class PageOrientation { Auto, Portrait, Landscape }; // Auto: whichever holds the map larger

struct ExportOptions {
    ExportFormat format = ExportFormat::Png;
    // PNG: 1 = 96 dots per inch, as on screen at 100%; up to 4.
    qreal scale = 1.0;
    bool transparentBackground = false;
    // The pain heat strip under the stage headers, as on the canvas.
    bool heatStrip = false;
    // Scope: one persona's band (with title and stage headers), or only the
    // area of the given cards. Empty means the whole map.
    std::string personaId;
    std::vector<std::string> selectedCards;
    // PDF
    PaperSize paper = PaperSize::A4;
    PageOrientation orientation = PageOrientation::Auto;
    qreal marginMillimetres = 10;
    PdfLayout pdfLayout = PdfLayout::FitToPage;
    // With PdfLayout::Slides: which personas, stages and lanes, and the
    // page's shape (the paper, orientation and margins above do not apply).
    SlideSelection slides;
    // Shown in the header; empty means today's date.
    QString date;
};

struct ExportResult {
    bool ok = false;
    QString error;
    int pages = 0;   // PDF
    QSize pixelSize; // PNG
};

// Called after each page or step; return false to cancel.
using ExportProgress = std::function<bool(int done, int total)>;

ExportResult exportMap(const Document &document, const ExportOptions &options, const QString &path,
                       const ExportProgress &progress = {});

// Pages as the PDF export lays them out, onto any paged device (a printer,
// a print preview): `page` is the printable area in points, `newPage` starts
// the next page and returns false when the device takes no more. Returns the
// number of pages painted, or -1 when `progress` cancelled.
int paintMapPages(const Document &document, const ExportOptions &options, QPainter &painter, const QRectF &page,
                  const std::function<bool()> &newPage, const ExportProgress &progress = {});
// Paper, orientation and margins the PDF export would use.
QPageLayout exportPageLayout(const Document &document, const ExportOptions &options);
// The pixel size a PNG export with these options would have.
QSize exportPixelSize(const Document &document, const ExportOptions &options);
// A small picture of what the export will look like (a PDF's first page).
QImage exportPreview(const Document &document, const ExportOptions &options, const QSize &maxSize);

// The format a file name asks for ("map.pdf" -> Pdf); false if unknown.
bool exportFormatFromPath(const QString &path, ExportFormat &format);
bool exportFormatFromName(const QString &name, ExportFormat &format);
bool paperSizeFromName(const QString &name, PaperSize &paper);

namespace detail {
// Test seam: while one of these lives, the exports' intermediate results
// (the PDF export's file of sub-pages, the SVG export's chunks) are cut
// short before they are read back, as a bug or a damaged disk would leave
// them, so a test sees that failure reach the user as an error.
class ScopedDamagedIntermediates {
public:
    ScopedDamagedIntermediates();
    ~ScopedDamagedIntermediates();
    ScopedDamagedIntermediates(const ScopedDamagedIntermediates &) = delete;
    ScopedDamagedIntermediates &operator=(const ScopedDamagedIntermediates &) = delete;
};
bool intermediatesDamaged();
} // namespace detail

// The largest PNG we agree to make, in pixels per side and in total.
inline constexpr int kMaxPngSide = 32767;
inline constexpr qint64 kMaxPngPixels = 268'435'456; // 1 GiB of 32-bit pixels

} // namespace cjm
