#include "sheet_update_dialog.hpp"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "cjm/csv_import.hpp"
#include "cjm/diff.hpp"
#include "cjm/document_io.hpp"
#include "cjm/workbook.hpp"
#include "document_controller.hpp"
#include "map_operations.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"
#include "xlsx_reader.hpp"

namespace cjm {

namespace {

std::set<std::string> idsOf(const Document &d)
{
    std::set<std::string> ids{d.journey().id};
    for (const auto &p : d.personas())
        ids.insert(p.id);
    for (const auto &s : d.stages())
        ids.insert(s.id);
    for (const auto &l : d.lanes())
        ids.insert(l.id);
    for (const auto &c : d.cards())
        ids.insert(c.id);
    return ids;
}

} // namespace

SpreadsheetRead readSpreadsheetFile(const QString &path, const std::set<std::string> &reservedIds)
{
    SpreadsheetRead read;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        read.error = SheetUpdateDialog::tr("Could not read %1: %2").arg(path, file.errorString());
        return read;
    }
    if (file.size() > qint64(ReadLimits{}.maxFileBytes)) {
        read.error = SheetUpdateDialog::tr("%1 is larger than 256 MiB.").arg(path);
        return read;
    }
    const QByteArray bytes = file.readAll();
    const std::string data(bytes.constData(), std::size_t(bytes.size()));
    if (looksLikeZip(data)) {
        XlsxReadResult workbook = readXlsxFile(path);
        if (!workbook.workbook) {
            read.error = workbook.error;
            return read;
        }
        WorkbookImportResult imported = workbookToMap(*workbook.workbook, reservedIds);
        if (!imported.ok()) {
            QStringList problems;
            for (const auto &p : imported.problems)
                problems << toQString(p);
            read.error = problems.join(QLatin1Char('\n'));
            return read;
        }
        read.document = std::move(imported.document);
        read.contents = workbookSheetContents(*workbook.workbook);
        return read;
    }
    CsvImportOptions options;
    options.reservedIds = reservedIds;
    options.title = toStdString(QFileInfo(path).completeBaseName());
    CsvImportResult imported = importCardCsv(data, options);
    if (!imported.ok()) {
        QStringList problems;
        if (!imported.error.empty())
            problems << toQString(imported.error);
        for (const auto &bad : imported.badRows)
            problems << SheetUpdateDialog::tr("line %1: %2").arg(bad.line).arg(toQString(bad.message));
        read.error = problems.join(QLatin1Char('\n'));
        return read;
    }
    read.document = std::move(imported.document);
    read.contents = csvSheetContents(imported.mapping);
    return read;
}

SheetUpdateDialog::SheetUpdateDialog(DocumentController &controller, const QString &path, QWidget *parent)
    : QDialog(parent), m_controller(controller)
{
    setWindowTitle(tr("Update from Spreadsheet"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(plainLabel(tr("Rows of %1 are matched to this map's cards by id. What the sheet holds of "
                                    "a card is taken from it; rows without a card are added. Nothing else of the "
                                    "map changes.")
                                     .arg(QFileInfo(path).fileName()),
                                 this));
    m_summary = plainLabel(QString(), this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    layout->addWidget(plainLabel(tr("Changes:"), this));
    m_changes = new QListWidget(this);
    layout->addWidget(m_changes, 3);
    layout->addWidget(plainLabel(tr("Cards without a row:"), this));
    m_missing = new QListWidget(this);
    layout->addWidget(m_missing, 1);
    m_deleteMissing = new QCheckBox(tr("Remove the cards without a row"), this);
    layout->addWidget(m_deleteMissing);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SheetUpdateDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SheetUpdateDialog::reject);
    connect(m_deleteMissing, &QCheckBox::toggled, this, &SheetUpdateDialog::plan);
    resize(640, 480);

    SpreadsheetRead read = readSpreadsheetFile(path, idsOf(controller.document()));
    if (!read.document) {
        m_summary->setText(read.error);
        m_deleteMissing->setEnabled(false);
        m_apply->setEnabled(false);
        return;
    }
    m_sheet = std::move(read.document);
    m_contents = read.contents;
    plan();
}

void SheetUpdateDialog::plan()
{
    if (!m_sheet)
        return;
    const Document &map = m_controller.document();
    m_plan = planSheetUpdate(map, *m_sheet, m_contents, m_deleteMissing->isChecked());
    m_changes->clear();
    m_missing->clear();
    for (const Change &change : m_plan.changes)
        m_changes->addItem(toQString(printableText(change.description)));
    for (const std::string &id : m_plan.missingCards)
        m_missing->addItem(toQString(printableText(entityLabel(map, DiffEntity::Card, id))));
    if (!m_plan.error.empty()) {
        m_summary->setText(toQString(m_plan.error));
        m_apply->setEnabled(false);
        return;
    }
    m_summary->setText(tr("%n card(s) changed, ", nullptr, int(m_plan.changedCards)) +
                       tr("%n added, ", nullptr, int(m_plan.addedCards)) +
                       tr("%n removed.", nullptr, int(m_plan.removedCards)));
    m_apply->setEnabled(m_plan.edit != nullptr);
}

void SheetUpdateDialog::accept()
{
    // The map may have changed while the dialog was open: plan on it as it is now.
    plan();
    if (!m_plan.edit)
        return;
    if (!MapOperations(&m_controller).updateFromSheet(std::move(m_plan)))
        return; // read-only: the window says so
    QDialog::accept();
}

} // namespace cjm
