#include "exporter.hpp"

#include "csv_exporter.hpp"
#include "pdf_exporter.hpp"
#include "png_exporter.hpp"
#include "pptx_exporter.hpp"
#include "svg_exporter.hpp"

namespace cjm {

std::unique_ptr<Exporter> exporterFor(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png: return std::make_unique<PngExporter>();
    case ExportFormat::Pdf: return std::make_unique<PdfExporter>();
    case ExportFormat::Svg: return std::make_unique<SvgExporter>();
    case ExportFormat::Csv: return std::make_unique<CsvExporter>();
    case ExportFormat::Pptx: return std::make_unique<PptxExporter>();
    }
    return nullptr;
}

} // namespace cjm
