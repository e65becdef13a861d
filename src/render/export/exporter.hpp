#pragma once
// One exporter per format behind one interface: exportMap() scopes the map
// to the options' persona and hands it to the exporter of the format, which
// writes the file as it paints (through AtomicFile) and reports any failure
// as an error naming the file and the step, never by quietly trying again
// another way.

#include <QString>
#include <memory>

#include "cjm/document.hpp"
#include "map_exporter.hpp"

namespace cjm {

struct ExportJob {
    const Document &document; // already scoped to options.personaId
    const ExportOptions &options;
    const QString &path;
    const ExportProgress &progress;
};

class Exporter {
public:
    virtual ~Exporter() = default;
    virtual ExportResult write(const ExportJob &job) const = 0;
};

// The exporter of `format`; null for a value outside the enum.
std::unique_ptr<Exporter> exporterFor(ExportFormat format);

} // namespace cjm
