#pragma once
#include "exporter.hpp"

namespace cjm {

// An SVG painted a chunk of cards at a time, each chunk with its own
// QSvgGenerator, joined into one document as it goes (SvgChunkJoiner).
class SvgExporter : public Exporter {
public:
    ExportResult write(const ExportJob &job) const override;
};

} // namespace cjm
