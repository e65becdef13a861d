#pragma once
// The map as an Excel workbook (cjm/workbook.hpp: sheets Cards, Personas,
// Stages, Lanes, Journey), written with libxlsxwriter: a frozen header row,
// column widths by what a column holds, each card's lane cell in its kind's
// colours, drop-down lists for persona, stage, lane, channel, severity and
// status (their choices on a hidden sheet "Lists"). Pictures are left out
// (no cell holds one). `cjm import` reads it back into the same map.

#include <QString>

#include "exporter.hpp"

namespace cjm {

class XlsxExporter : public Exporter {
public:
    ExportResult write(const ExportJob &job) const override;
};

// The same, without export options: what the CLI and the editor call.
ExportResult writeWorkbookFile(const Document &document, const QString &path);

} // namespace cjm
