#include "audit_report.hpp"

#include <QCoreApplication>
#include <QDate>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include "atomic_file.hpp"
#include "cjm/audit.hpp"
#include "cjm/file_io.hpp"
#include "map_style.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {
// The report's texts, in the translation context "AuditReport" (lupdate files
// AuditText::tr calls under the macro's context, as the program looks them up).
struct AuditText {
    Q_DECLARE_TR_FUNCTIONS(AuditReport)
};

// Page geometry in points (1/72 inch) on A4 landscape with 12 mm margins.
constexpr qreal kRowHeight = 22;
constexpr qreal kHeaderHeight = 54; // title and date
constexpr qreal kTableHeader = 26;  // the column names
constexpr qreal kUsableHeight = 595.0 - 2 * 34.0;
} // namespace

int auditRowsPerPage() { return static_cast<int>((kUsableHeight - kHeaderHeight - kTableHeader) / kRowHeight); }

AuditReportResult writeAuditPdf(const Document &document, const QString &path, bool worksheet)
{
    AuditReportResult result;
    const std::vector<AuditEntry> entries = auditEntries(document);
    // Written to a temporary and renamed: no half-written PDF on failure.
    AtomicFile file(path);
    if (!file.create()) {
        result.error = file.error();
        return result;
    }
    QPdfWriter writer(&file);
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(34, 34, 34, 34), QPageLayout::Point));
    // 96 device units an inch, scaled to points below, with the fonts that
    // keep text as typed: see paintPdf in pdf_exporter.cpp (at 72 dpi Qt 6.4
    // drops the letter spacing that keeps "fi" from becoming a ligature).
    constexpr int kResolution = 96;
    writer.setResolution(kResolution);
    writer.setTitle(worksheet ? AuditText::tr("Touchpoint audit worksheet") : AuditText::tr("Touchpoint audit"));
    writer.setCreator(QStringLiteral("CJM Studio"));
    QPainter painter(&writer);
    painter.scale(kResolution / 72.0, kResolution / 72.0); // painter units are points
    const MapStyle &style = MapStyle::textAsTyped();
    QFont text = style.cardFont;
    text.setPointSizeF(8.5);
    QFont bold = text;
    bold.setBold(true);
    QFont title = style.titleFont;
    title.setPointSizeF(15);
    const qreal width = writer.pageLayout().paintRect(QPageLayout::Point).width();

    // Columns: persona, stage, channel, touchpoint, six criteria, average (or notes).
    struct Column {
        QString name;
        qreal width;
    };
    std::vector<Column> columns = {{AuditText::tr("Persona"), 90},
                                   {AuditText::tr("Stage"), 90},
                                   {AuditText::tr("Channel"), 70},
                                   {AuditText::tr("Touchpoint"), 0}};
    for (const auto &criterion : auditCriteria())
        columns.push_back({QCoreApplication::translate("AuditCriteria", std::string(criterion.name).c_str()), 52});
    columns.push_back({worksheet ? AuditText::tr("Notes") : AuditText::tr("Average"), worksheet ? 120.0 : 52.0});
    qreal fixed = 0;
    for (const Column &c : columns)
        fixed += c.width;
    columns[3].width = std::max<qreal>(120, width - fixed);

    const int perPage = auditRowsPerPage();
    const int pages = std::max(1, static_cast<int>((entries.size() + static_cast<std::size_t>(perPage) - 1) /
                                                   static_cast<std::size_t>(perPage)));
    const QString heading =
        (worksheet ? AuditText::tr("Touchpoint audit worksheet: %1") : AuditText::tr("Touchpoint audit: %1"))
            .arg(toQString(document.journey().title));
    const QString rule =
        AuditText::tr("Rate each touchpoint from 1 (poor) to 5 (excellent): is it simple, appropriate, "
                      "relevant, meaningful, engaging and personal?");
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        painter.setPen(Qt::black);
        painter.setFont(title);
        painter.drawText(QRectF(0, 0, width, 22), Qt::AlignLeft | Qt::AlignVCenter, heading);
        painter.setFont(text);
        painter.drawText(QRectF(0, 24, width, 14), Qt::AlignLeft | Qt::AlignVCenter, rule);
        painter.drawText(QRectF(0, 38, width, 14), Qt::AlignRight | Qt::AlignVCenter,
                         AuditText::tr("%1 · page %2 of %3")
                             .arg(QLocale().toString(QDate::currentDate(), QLocale::ShortFormat))
                             .arg(page + 1)
                             .arg(pages));
        qreal y = kHeaderHeight;
        qreal x = 0;
        painter.setFont(bold);
        painter.fillRect(QRectF(0, y, width, kTableHeader), QColor(0xeef2f7));
        for (const Column &c : columns) {
            painter.drawText(QRectF(x + 3, y, c.width - 6, kTableHeader), Qt::AlignVCenter | Qt::TextWordWrap, c.name);
            x += c.width;
        }
        y += kTableHeader;
        painter.setFont(text);
        const std::size_t first = static_cast<std::size_t>(page * perPage);
        for (std::size_t i = first; i < entries.size() && i < first + static_cast<std::size_t>(perPage); ++i) {
            const AuditEntry &entry = entries[i];
            const Card &card = *entry.card;
            const Audit audit = card.audit.value_or(Audit{});
            const QStringList cells = {toQString(document.personas()[entry.personaIndex].name),
                                       toQString(document.stages()[entry.stageIndex].name),
                                       card.channel.empty() ? QString() : channelDisplayName(card.channel),
                                       toQString(card.text)};
            x = 0;
            painter.setPen(QColor(0xc8ced6));
            painter.drawLine(QPointF(0, y + kRowHeight), QPointF(width, y + kRowHeight));
            painter.setPen(Qt::black);
            for (int c = 0; c < cells.size(); ++c) {
                const QRectF cell(x + 3, y, columns[static_cast<std::size_t>(c)].width - 6, kRowHeight);
                painter.drawText(
                    cell, Qt::AlignVCenter | Qt::AlignLeft,
                    painter.fontMetrics().elidedText(cells[c], Qt::ElideRight, static_cast<int>(cell.width())));
                x += columns[static_cast<std::size_t>(c)].width;
            }
            for (const auto &criterion : auditCriteria()) {
                const QRectF box(x + 16, y + 4, 20, kRowHeight - 8);
                if (worksheet) {
                    painter.drawRect(box); // to be filled in by hand
                } else {
                    const int rating = audit.*criterion.field;
                    painter.drawText(box, Qt::AlignCenter, rating > 0 ? QString::number(rating) : QStringLiteral("–"));
                }
                x += 52;
            }
            if (!worksheet)
                painter.drawText(QRectF(x, y, 52, kRowHeight), Qt::AlignCenter,
                                 entry.average > 0 ? QString::number(entry.average, 'f', 1) : QStringLiteral("–"));
            y += kRowHeight;
            ++result.rows;
        }
    }
    if (!painter.end()) {
        result.error = AuditText::tr("Cannot write %1: %2")
                           .arg(QFileInfo(path).fileName(), AuditText::tr("the PDF could not be finished"));
        return result;
    }
    if (!file.commit()) {
        result.error = file.error();
        return result;
    }
    result.ok = true;
    result.pages = pages;
    return result;
}

AuditReportResult writeAuditReport(const Document &document, const QString &path, AuditReportKind kind)
{
    if (kind != AuditReportKind::FilledCsv)
        return writeAuditPdf(document, path, kind == AuditReportKind::Worksheet);
    AuditReportResult result;
    const std::string bytes = writeAuditCsv(document);
    auto written = defaultFileSystem().writeAtomically(toStdString(path), bytes);
    if (!written.ok) {
        result.error = toQString(written.error);
        return result;
    }
    result.ok = true;
    result.rows = static_cast<int>(auditEntries(document).size());
    return result;
}

} // namespace cjm
