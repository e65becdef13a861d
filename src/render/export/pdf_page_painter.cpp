#include "pdf_page_painter.hpp"

#include <algorithm>

#include "export_support.hpp"

namespace cjm {

using namespace exporting;

namespace {
// How far inside a page's edge something must reach to be painted on it.
constexpr qreal kInside = 0.5;
} // namespace

int PagePainter::paint(QPainter &painter, const QRectF &page, const MapLayout &wholeLayout)
{
    const QRectF fullRegion = exportRegion(wholeLayout, m_options.selectedCards);
    m_devicePages.assign(1, 1);
    bool complete = false;
    if (m_options.pdfLayout == PdfLayout::Slides)
        complete = slides(painter, page);
    else if (m_options.pdfLayout == PdfLayout::PerPersona && m_options.personaId.empty())
        complete = perPersona(painter, page);
    else if (m_options.pdfLayout == PdfLayout::Tiles)
        complete = tiles(painter, page, wholeLayout);
    else
        complete = fitted(painter, page, wholeLayout, fullRegion);
    return complete ? m_pages : -1;
}

bool PagePainter::paintRegion(QPainter &painter, const MapPainter &mapPainter, const MapLayout &layout,
                              const QRectF &region, const QRectF &target, const PaintOptions &paint,
                              const ExportProgress &chunkDone)
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

bool PagePainter::fitted(QPainter &painter, const QRectF &page, const MapLayout &layout, const QRectF &region)
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

bool PagePainter::nextPage()
{
    if (m_newPage && !m_newPage())
        return false;
    m_devicePages.push_back(1);
    return true;
}

bool PagePainter::perPersona(QPainter &painter, const QRectF &page)
{
    const int total = static_cast<int>(m_document.personas().size());
    for (int i = 0; i < total; ++i) {
        if (i > 0 && !nextPage())
            return true; // the device takes no more pages (a preview)
        const Document scoped = scopedDocument(m_document, m_document.personas()[static_cast<std::size_t>(i)].id);
        MapLayout layout(MapStyle::textAsTyped());
        layout.rebuild(scoped);
        paintRegion(painter, MapPainter(scoped, layout), layout, layout.bounds(), page,
                    exportPaintOptions(m_options, 1.0));
        ++m_pages;
        if (!step(i + 1, total))
            return false;
    }
    if (total == 0) {
        MapLayout layout(MapStyle::textAsTyped());
        layout.rebuild(m_document);
        return fitted(painter, page, layout, layout.bounds());
    }
    return true;
}

bool PagePainter::slides(QPainter &painter, const QRectF &page)
{
    const SlideDeck deck = SlideDeck::build(m_document, m_options.slides);
    const PaintOptions paint = exportPaintOptions(m_options, 1.0);
    const int total = static_cast<int>(deck.size());
    if (total == 0) {
        m_pages = 1; // an empty page says there was nothing to show
        return step(1, 1);
    }
    for (int i = 0; i < total; ++i) {
        if (i > 0 && !nextPage())
            return true; // the device takes no more pages (a preview)
        deck.page(static_cast<std::size_t>(i)).paint(&painter, page, paint);
        ++m_pages;
        if (!step(i + 1, total))
            return false;
    }
    return true;
}

bool PagePainter::tiles(QPainter &painter, const QRectF &page, const MapLayout &layout)
{
    const MapMetrics &m = layout.style().metrics;
    const MapPainter mapPainter(m_document, layout);
    const PaintOptions paint = exportPaintOptions(m_options, 1.0);
    const qreal s = kPointsPerUnit;
    const qreal left = layout.contentLeft();
    const qreal pageWidth = page.width() / s; // map units across a page
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
            const qreal neededHeight =
                (r == 0 ? m.titleHeight : 0) + m.stageHeaderHeight + (rows[r].bottom - rows[r].top);
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
            // The persona/lane column for these rows: only what is on this
            // page is painted (the persona's header fitted to the part of
            // its band shown here), so the PDF holds no words hidden under
            // the clip that belong to another page.
            painter.save();
            painter.translate(0, y - rows[r].top);
            const QRectF column(0, rows[r].top, left, rows[r].bottom - rows[r].top);
            painter.setClipRect(column);
            if (!paint.transparentBackground)
                painter.fillRect(column, layout.style().backgroundColor());
            const auto [b0, b1] = layout.bandRange(column.top() + kInside, column.bottom() - kInside);
            for (int b = b0; b >= 0 && b <= b1; ++b) {
                const QRectF shown = layout.personaHeaderRect(b).intersected(column);
                if (!shown.isEmpty())
                    mapPainter.paintPersonaHeader(&painter, b, shown, paint);
                const auto &bandRows = layout.bands()[static_cast<std::size_t>(b)].rows;
                for (int row = 0; row < static_cast<int>(bandRows.size()); ++row) {
                    const QRectF label = layout.laneLabelRect(b, row);
                    if (label.top() >= column.top() - kInside && label.bottom() <= column.bottom() + kInside)
                        mapPainter.paintLaneLabel(&painter, b, row, label, paint);
                }
            }
            painter.restore();
            // The cells: what lies inside them, not what only touches their
            // edge (the neighbouring row's or stage's words would be clipped
            // away, yet be in the PDF's text).
            painter.save();
            painter.translate(left - x0, y - rows[r].top);
            const QRectF cells(x0, rows[r].top, x1 - x0, rows[r].bottom - rows[r].top);
            painter.setClipRect(cells);
            mapPainter.paintMap(&painter, cells.adjusted(kInside, kInside, -kInside, -kInside), paint);
            painter.restore();
            painter.restore();
            ++m_pages;
            if (!step(++done, total))
                return false;
        }
    return true;
}

} // namespace cjm
