#pragma once
#include "exporter.hpp"

namespace cjm {

// Vector PDF pages (fitted, tiles, one per persona; PagePainter) through
// QPdfWriter. A page with many cards is painted as sub-pages into an
// intermediate file beside the target and merged into one page with
// libqpdf (mergePdfSubPages) while it is written to the target.
class PdfExporter : public Exporter {
public:
    ExportResult write(const ExportJob &job) const override;
};

} // namespace cjm
