#pragma once
// The touchpoint audit on paper: a worksheet (one row per touchpoint with
// empty rating boxes, for walking through a store or a website with a pen)
// or the filled audit with its ratings and averages. A4 landscape PDF,
// headers repeated on every page, text kept as text; the filled audit also
// as CSV. QtGui only: the editor's audit panel and `cjm export --audit`
// make the same files, without a display.

#include <QString>

#include "cjm/document.hpp"

namespace cjm {

struct AuditReportResult {
    bool ok = false;
    QString error;
    int pages = 0;
    int rows = 0;
};

// Rows of the table that fit on one page; the report uses it, tests check it.
int auditRowsPerPage();

AuditReportResult writeAuditPdf(const Document &document, const QString &path, bool worksheet);

enum class AuditReportKind { Worksheet, FilledPdf, FilledCsv };
// The report of `kind` as the file `path`, written atomically.
AuditReportResult writeAuditReport(const Document &document, const QString &path, AuditReportKind kind);

} // namespace cjm
