#include "export_support.hpp"

#include <QDate>
#include <QLocale>
#include <algorithm>

namespace cjm::exporting {

ExportResult failure(const QString &message)
{
    ExportResult result;
    result.error = message;
    return result;
}

ExportResult success()
{
    ExportResult result;
    result.ok = true;
    return result;
}

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

ScopedLayout::ScopedLayout(const Document &document, const ExportOptions &options)
    : scoped(options.personaId.empty() ? Document() : scopedDocument(document, options.personaId)),
      source(options.personaId.empty() ? &document : &scoped),
      layout(options.format == ExportFormat::Pdf ? MapStyle::textAsTyped() : MapStyle::standard())
{
    layout.rebuild(*source);
}

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

QPageLayout pageLayoutFor(const ExportOptions &options, const QRectF &region)
{
    if (options.pdfLayout == PdfLayout::Slides)
        return QPageLayout(
            QPageSize(slidePageSize(options.slides.aspect), QPageSize::Point, QString(), QPageSize::ExactMatch),
            QPageLayout::Portrait, QMarginsF(), QPageLayout::Point);
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

} // namespace cjm::exporting
