// The touchpoint audit on paper, made by the render layer without widgets:
// the worksheet with empty boxes, the filled audit as PDF and as CSV.
#include <catch2/catch.hpp>

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "audit_report.hpp"
#include "cjm/audit.hpp"
#include "cjm/edit.hpp"
#include "qt_text.hpp"
#include "render_test_support.hpp"

using namespace cjm;

namespace {
// The text of a PDF through poppler's pdftotext; empty when it is not installed.
QString pdfText(const QString &path)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        return {};
    QProcess process;
    process.start(pdftotext, {path, QStringLiteral("-")});
    REQUIRE(process.waitForFinished(20000));
    return QString::fromUtf8(process.readAllStandardOutput());
}
} // namespace

TEST_CASE("the audit worksheet and the filled audit print as PDF, one row per touchpoint", "[audit]")
{
    const Document doc = test::loadSample("retail-zh.cjm");
    const std::size_t touchpoints = auditEntries(doc).size();
    QTemporaryDir dir;
    for (bool worksheet : {true, false}) {
        const QString path = dir.filePath(worksheet ? QStringLiteral("worksheet.pdf") : QStringLiteral("audit.pdf"));
        const AuditReportResult result = writeAuditPdf(doc, path, worksheet);
        REQUIRE(result.ok);
        CHECK(result.rows == static_cast<int>(touchpoints));
        CHECK(result.pages ==
              std::max(1, static_cast<int>((touchpoints + auditRowsPerPage() - 1) / auditRowsPerPage())));
        CHECK(test::readFileBytes(path).startsWith("%PDF-"));
        // The text is text: pdftotext (poppler-utils, a test dependency) finds a touchpoint.
        const QString text = pdfText(path);
        if (text.isEmpty()) {
            WARN("pdftotext is not installed: the text is not checked");
            continue;
        }
        CHECK(text.contains(worksheet ? QStringLiteral("worksheet") : QStringLiteral("Touchpoint audit")));
        CHECK(text.contains(toQString(auditEntries(doc).front().card->text).left(4)));
    }
}

TEST_CASE("the audit PDFs carry text as typed: no ligature characters", "[audit]")
{
    const Document doc = test::loadSample("ecommerce-en.cjm");
    const std::vector<AuditEntry> entries = auditEntries(doc);
    REQUIRE_FALSE(entries.empty());
    // Words the fonts would join into the ﬁ, ﬂ and ﬃ ligatures.
    Document edited = doc;
    Card card = *entries.front().card;
    card.text = "Confirmation e-mail: first offer, office affiliate";
    REQUIRE(updateCard(card)->apply(edited));
    QTemporaryDir dir;
    for (bool worksheet : {true, false}) {
        const QString path = dir.filePath(worksheet ? QStringLiteral("worksheet.pdf") : QStringLiteral("audit.pdf"));
        REQUIRE(writeAuditPdf(edited, path, worksheet).ok);
        const QString text = pdfText(path);
        if (text.isEmpty()) {
            WARN("pdftotext is not installed: the text is not checked");
            continue;
        }
        for (char16_t ligature = 0xFB00; ligature <= 0xFB06; ++ligature)
            CHECK_FALSE(text.contains(QChar(ligature)));
        CHECK(text.contains(QStringLiteral("Confirmation")));
    }
}

TEST_CASE("the filled audit as CSV is the core's audit table, written atomically", "[audit]")
{
    const Document doc = test::loadSample("ecommerce-en.cjm");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.csv"));
    const AuditReportResult result = writeAuditReport(doc, path, AuditReportKind::FilledCsv);
    REQUIRE(result.ok);
    CHECK(result.rows == static_cast<int>(auditEntries(doc).size()));
    const std::string csv = writeAuditCsv(doc);
    CHECK(test::readFileBytes(path) == QByteArray(csv.data(), static_cast<qsizetype>(csv.size())));
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("audit.csv")});
}

TEST_CASE("an audit report that cannot be written says why and leaves nothing", "[audit]")
{
    const Document doc = test::loadSample("ecommerce-en.cjm");
    QTemporaryDir dir;
    for (AuditReportKind kind : {AuditReportKind::Worksheet, AuditReportKind::FilledPdf, AuditReportKind::FilledCsv}) {
        const AuditReportResult result = writeAuditReport(doc, dir.filePath(QStringLiteral("missing/audit.pdf")), kind);
        CHECK_FALSE(result.ok);
        CHECK(result.error.contains(QStringLiteral("does not exist any more")));
    }
    CHECK(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
}
