#include "csv_exporter.hpp"

#include "cjm/csv.hpp"
#include "cjm/file_io.hpp"
#include "export_support.hpp"
#include "qt_text.hpp"

namespace cjm {

using namespace exporting;

ExportResult CsvExporter::write(const ExportJob &job) const
{
    const std::string csv = writeCardCsv(job.document);
    auto written = defaultFileSystem().writeAtomically(job.path.toStdString(), csv);
    if (!written.ok)
        return failure(ExportText::tr("Could not write %1: %2").arg(job.path, toQString(written.error)));
    return success();
}

} // namespace cjm
