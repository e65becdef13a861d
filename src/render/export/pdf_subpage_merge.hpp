#pragma once
// Making a PDF's sub-pages one page again, with libqpdf. QPdfEngine keeps a
// page's whole content stream in memory until the next page starts, so the
// PDF export paints a page with many cards as several pages of an
// intermediate PDF (the background, then the cards a chunk at a time,
// docs/performance.md). This reads that PDF and writes it to `out` with each
// run of sub-pages as one page: every sub-page becomes a form XObject,
// drawn in order by the page's content, so the page looks exactly as if it
// had been painted in one piece.

#include <QString>
#include <vector>

namespace cjm {

class AtomicFile;

// `devicePages`: how many pages of `intermediate` each page of the result
// takes, in order. Returns an empty string, or what went wrong, in words.
QString mergePdfSubPages(const QString &intermediate, const std::vector<int> &devicePages, AtomicFile &out);

} // namespace cjm
