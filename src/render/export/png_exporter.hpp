#pragma once
#include "exporter.hpp"

namespace cjm {

// A PNG streamed to the file a strip of rows at a time through libpng.
class PngExporter : public Exporter {
public:
    ExportResult write(const ExportJob &job) const override;
};

} // namespace cjm
