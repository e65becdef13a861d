#pragma once
#include "exporter.hpp"

namespace cjm {

// The card inventory: one row per card (cjm/csv.hpp), written atomically.
class CsvExporter : public Exporter {
public:
    ExportResult write(const ExportJob &job) const override;
};

} // namespace cjm
