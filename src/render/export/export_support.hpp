#pragma once
// What the exporters share: the part of a map an export covers, how it is
// painted, how it is cut into chunks, and how a PDF page is laid out.

#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QRectF>
#include <QString>
#include <string>
#include <vector>

#include "cjm/document.hpp"
#include "map_exporter.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"

namespace cjm::exporting {

// The exporters' texts, in the translation context "Export": lupdate files a
// call ExportText::tr("...") under the macro's context, as the program looks
// it up, so no .ts entry needs keeping by hand.
struct ExportText {
    Q_DECLARE_TR_FUNCTIONS(Export)
};

ExportResult failure(const QString &message);
ExportResult success();

// Map units are pixels at 100% on a 96 dpi screen; PDF units are points.
inline constexpr qreal kPointsPerUnit = 72.0 / 96.0;

// Only one persona's band: a copy of the map without the other personas.
Document scopedDocument(const Document &document, const std::string &personaId);

// The part of the map an export covers (one persona, or all), laid out (a
// PDF's in MapStyle::textAsTyped()).
struct ScopedLayout {
    Document scoped;
    const Document *source;
    MapLayout layout;
    ScopedLayout(const Document &document, const ExportOptions &options);
};

// The whole map, or the area of the selected cards with a margin.
QRectF exportRegion(const MapLayout &layout, const std::vector<std::string> &selectedCards);
PaintOptions exportPaintOptions(const ExportOptions &options, qreal levelOfDetail);

// SVG and PDF are painted a chunk of cards at a time: the background (with
// everything but the cards), then the cards of one lane row after another,
// a row cut between stages when it holds more than this many. Qt's SVG and PDF
// engines keep what they draw in memory (the SVG's whole body, a PDF page's
// whole content stream) until the end, so each chunk gets its own: memory
// follows the chunk, not the map.
inline constexpr std::size_t kCardsPerChunk = 1000;

// The rectangles whose cards, painted one rectangle after another with
// paintCards, are exactly the cards paintCards(region) paints, in the same
// order (the layout's display order: band, row, stage, place in the cell).
// That is checked against the layout; were it ever not so, the one chunk is
// the whole region (right, if not small).
std::vector<QRectF> cardChunks(const MapLayout &layout, const QRectF &region);

QPageSize pageSizeFor(PaperSize paper, const QSizeF &fitPoints);
// Paper, orientation and margins of a PDF export of `region`.
QPageLayout pageLayoutFor(const ExportOptions &options, const QRectF &region);

} // namespace cjm::exporting
