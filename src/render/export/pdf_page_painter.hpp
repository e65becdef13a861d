#pragma once
// The pages of a PDF export, painted with MapPainter.

#include <QPainter>
#include <QRectF>
#include <functional>
#include <vector>

#include "cjm/document.hpp"
#include "map_exporter.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"

namespace cjm {

// Lays out and paints the pages of a PDF export (fitted, tiles, one per
// persona) onto any paged device: the PDF export, printing, the preview.
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
    // until the next page starts; mergePdfSubPages makes them one page again.
    void setSubPages(std::function<bool()> newSubPage) { m_newSubPage = std::move(newSubPage); }
    // How many device pages each page painted took, in order.
    const std::vector<int> &devicePages() const { return m_devicePages; }

    // Paints every page; returns the page count, or -1 when cancelled.
    int paint(QPainter &painter, const QRectF &page, const MapLayout &wholeLayout);

private:
    bool step(int done, int total) { return !m_progress || m_progress(done, total); }

    // One page: `region` of the layout scaled into `target` (points),
    // centred; with sub-pages, the cards a chunk at a time, each chunk
    // reported to `chunkDone` (which may cancel).
    bool paintRegion(QPainter &painter, const MapPainter &mapPainter, const MapLayout &layout, const QRectF &region,
                     const QRectF &target, const PaintOptions &paint, const ExportProgress &chunkDone = {});

    bool fitted(QPainter &painter, const QRectF &page, const MapLayout &layout, const QRectF &region);

    bool nextPage();

    bool perPersona(QPainter &painter, const QRectF &page);

    // The slides of the options' selection (slides.hpp), one a page, each
    // scaled into the page (the PDF's page is the slide's size).
    bool slides(QPainter &painter, const QRectF &page);

    // Pages at 100% (96 dpi), cut between stages and between rows, each with
    // the stage header row and the persona/lane column repeated, like a
    // spreadsheet printed with repeated titles.
    bool tiles(QPainter &painter, const QRectF &page, const MapLayout &layout);

    const Document &m_document;
    const ExportOptions &m_options;
    const ExportProgress &m_progress;
    std::function<bool()> m_newPage;
    std::function<bool()> m_newSubPage;
    std::vector<int> m_devicePages;
    int m_pages = 0;
};

} // namespace cjm
