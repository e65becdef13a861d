#include "csv_import_dialog.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "cjm/document_io.hpp"
#include "cjm/file_io.hpp"
#include "file_paths.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {
constexpr int kAutomatic = -1;

QLabel *wrappedLabel(QWidget *parent)
{
    QLabel *label = plainLabel(QString(), parent); // file names, cells and errors from the file
    label->setWordWrap(true);
    return label;
}

QTableWidgetItem *plainItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}
} // namespace

CsvImportDialog::CsvImportDialog(const QString &path, QWidget *parent) : QDialog(parent)
{
    // Through core's one reader: a named pipe or a device is refused at once.
    std::string bytes;
    const IoResult read = defaultFileSystem().readAll(nativePath(path), bytes, ReadLimits{}.maxFileBytes);
    if (read.ok)
        m_bytes = QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
    else
        m_readError = tr("The file could not be read: %1").arg(toQString(read.error));
    build(QFileInfo(path).fileName());
}

CsvImportDialog::CsvImportDialog(QByteArray bytes, const QString &fileName, QWidget *parent)
    : QDialog(parent), m_bytes(std::move(bytes))
{
    build(fileName);
}

void CsvImportDialog::build(const QString &fileName)
{
    setWindowTitle(tr("Import CSV"));
    setObjectName(QStringLiteral("csvImportDialog"));
    m_title = QFileInfo(fileName).completeBaseName();

    m_fileLabel = wrappedLabel(this);
    m_fileLabel->setText(fileName);
    m_fileLabel->setObjectName(QStringLiteral("csvFileLabel"));

    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("csvEncoding"));
    m_encoding->addItem(tr("Automatic"), kAutomatic);
    for (TextEncoding encoding : {TextEncoding::Utf8, TextEncoding::Gb18030, TextEncoding::Big5})
        m_encoding->addItem(encodingName(encoding), static_cast<int>(encoding));

    m_mappingTable = new QTableWidget(0, 2, this);
    m_mappingTable->setObjectName(QStringLiteral("csvMapping"));
    m_mappingTable->setHorizontalHeaderLabels({tr("Column"), tr("Field")});
    m_mappingTable->verticalHeader()->hide();
    m_mappingTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_mappingTable->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("csvPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setWordWrap(false);

    m_errorLabel = wrappedLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("csvError"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_notesLabel = wrappedLabel(this);
    m_notesLabel->setObjectName(QStringLiteral("csvNotes"));
    m_countLabel = wrappedLabel(this);
    m_countLabel->setObjectName(QStringLiteral("csvCount"));

    m_badRowsTitle = wrappedLabel(this);
    m_badRows = new QListWidget(this);
    m_badRows->setObjectName(QStringLiteral("csvBadRows"));
    m_badRows->setMaximumHeight(120);
    m_skip = new QCheckBox(tr("Skip these rows"), this);
    m_skip->setObjectName(QStringLiteral("csvSkipBadRows"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), m_fileLabel);
    form->addRow(tr("Encoding:"), m_encoding);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(plainLabel(tr("Columns:"), this));
    layout->addWidget(m_mappingTable);
    layout->addWidget(plainLabel(tr("Preview:"), this));
    layout->addWidget(m_preview);
    layout->addWidget(m_notesLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_badRowsTitle);
    layout->addWidget(m_badRows);
    layout->addWidget(m_skip);
    layout->addWidget(buttons);

    connect(m_encoding, &QComboBox::currentIndexChanged, this, [this] { readTable(); });
    connect(m_skip, &QCheckBox::toggled, this, [this] { updateOk(); });
    readTable();
    resize(640, 640);
}

QString CsvImportDialog::encodingName(TextEncoding encoding) const
{
    switch (encoding) {
    case TextEncoding::Utf8: return tr("UTF-8");
    case TextEncoding::Gb18030: return tr("GB18030");
    case TextEncoding::Big5: return tr("Big5");
    }
    return {};
}

QComboBox *CsvImportDialog::fieldCombo(int column) const
{
    return qobject_cast<QComboBox *>(m_mappingTable->cellWidget(column, 1));
}

CsvColumnMapping CsvImportDialog::mapping() const
{
    CsvColumnMapping mapping;
    for (int row = 0; row < m_mappingTable->rowCount(); ++row) {
        const QComboBox *combo = fieldCombo(row);
        mapping.columns.push_back(combo ? static_cast<CsvField>(combo->currentData().toInt()) : CsvField::Ignore);
    }
    return mapping;
}

void CsvImportDialog::readTable()
{
    const int chosen = m_encoding->currentData().toInt();
    const std::optional<TextEncoding> encoding =
        chosen == kAutomatic ? std::nullopt : std::optional<TextEncoding>(static_cast<TextEncoding>(chosen));
    const std::string_view bytes(m_bytes.constData(), static_cast<std::size_t>(m_bytes.size()));
    const CsvTableResult table = m_readError.isEmpty() ? readCsvTable(bytes, encoding) : CsvTableResult{};
    m_encodingUsed = table.table ? table.table->encoding : encoding.value_or(detectTextEncoding(bytes));
    m_encoding->setItemText(
        0, tr("Automatic (%1)").arg(encodingName(encoding ? detectTextEncoding(bytes) : m_encodingUsed)));

    m_tableOk = table.table.has_value();
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    if (!table.table) {
        m_errorLabel->setText(m_readError.isEmpty() ? toQString(table.error) : m_readError);
        m_errorLabel->setVisible(true);
        m_notesLabel->hide();
        m_result = {};
        m_countLabel->clear();
        m_badRows->clear();
        m_badRowsTitle->hide();
        m_badRows->hide();
        m_skip->hide();
        updateOk();
        return;
    }
    const CsvTable &csv = *table.table;

    // The preview: the header and the first rows, as plain text.
    m_preview->setColumnCount(static_cast<int>(csv.header.size()));
    QStringList headers;
    for (const std::string &name : csv.header)
        headers << toQString(name);
    m_preview->setHorizontalHeaderLabels(headers);
    const int rows = std::min(kPreviewRows, static_cast<int>(csv.rows.size()));
    m_preview->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        const auto &row = csv.rows[static_cast<std::size_t>(r)];
        for (int c = 0; c < static_cast<int>(row.size()) && c < m_preview->columnCount(); ++c)
            m_preview->setItem(r, c, plainItem(toQString(row[static_cast<std::size_t>(c)])));
    }

    // The mapping: kept while the header stays the same, guessed again when it changes.
    if (!m_headerShown || csv.header != m_header) {
        m_header = csv.header;
        m_headerShown = true;
        // Guessed from the header and the values: a column whose values the
        // field would refuse ("Color" holding "red") starts ignored, and
        // the notes say why; choosing its field imports it anyway.
        const CsvMappingGuess guess = guessCsvMapping(csv);
        const CsvColumnMapping &guessed = guess.mapping;
        m_ignored = guess.ignored;
        m_mappingTable->setRowCount(static_cast<int>(csv.header.size()));
        for (int c = 0; c < static_cast<int>(csv.header.size()); ++c) {
            m_mappingTable->setItem(c, 0, plainItem(headers[c]));
            auto *combo = new QComboBox(m_mappingTable);
            combo->addItem(tr("(ignore)"), static_cast<int>(CsvField::Ignore));
            for (CsvField field : csvFields())
                combo->addItem(toQString(toString(field)), static_cast<int>(field));
            const CsvField preset = static_cast<std::size_t>(c) < guessed.columns.size()
                                        ? guessed.columns[static_cast<std::size_t>(c)]
                                        : CsvField::Ignore;
            combo->setCurrentIndex(std::max(0, combo->findData(static_cast<int>(preset))));
            connect(combo, &QComboBox::currentIndexChanged, this, [this] { runImport(); });
            m_mappingTable->setCellWidget(c, 1, combo);
        }
    }
    runImport();
}

void CsvImportDialog::runImport()
{
    if (!m_tableOk)
        return;
    CsvImportOptions options;
    options.encoding = m_encodingUsed;
    options.mapping = mapping();
    options.skipBadRows = true; // the good rows are counted; OK waits for the user's consent to skip
    options.title = toStdString(m_title);
    m_result = importCardCsv(std::string_view(m_bytes.constData(), static_cast<std::size_t>(m_bytes.size())), options);

    // The guess's notes, for the columns still ignored.
    QStringList notes;
    const CsvColumnMapping chosen = mapping();
    for (const CsvIgnoredColumn &ignored : m_ignored)
        if (ignored.column < chosen.columns.size() && chosen.columns[ignored.column] == CsvField::Ignore)
            notes << tr("Column %1 “%2” is not imported: its values are not what %3 takes (line %4 has “%5”). "
                        "Choose %3 for it to import it anyway.")
                         // One pass: a header or value holding "%4" stays as it is.
                         .arg(QString::number(ignored.column + 1),
                              toQString(ignored.column < m_header.size() ? m_header[ignored.column] : std::string()),
                              toQString(toString(ignored.field)), QString::number(ignored.line),
                              toQString(ignored.value));
    m_notesLabel->setText(notes.join(QLatin1Char('\n')));
    m_notesLabel->setVisible(!notes.isEmpty());

    m_errorLabel->setText(toQString(m_result.error));
    m_errorLabel->setVisible(!m_result.error.empty());
    m_countLabel->setText(m_result.ok() ? tr("Cards to import: %1").arg(m_result.cardsImported) : QString());

    m_badRows->clear();
    for (const CsvRowProblem &problem : m_result.badRows)
        m_badRows->addItem(tr("line %1: %2").arg(problem.line).arg(toQString(problem.message)));
    const bool bad = !m_result.badRows.empty();
    m_badRowsTitle->setText(tr("Rows that cannot be imported: %1").arg(m_result.badRows.size()));
    m_badRowsTitle->setVisible(bad);
    m_badRows->setVisible(bad);
    m_skip->setVisible(bad);
    updateOk();
}

void CsvImportDialog::updateOk()
{
    const bool ok =
        m_tableOk && m_result.ok() && m_result.cardsImported > 0 && (m_result.badRows.empty() || m_skip->isChecked());
    m_ok->setEnabled(ok);
}

std::optional<Document> CsvImportDialog::takeDocument()
{
    if (QDialog::result() != QDialog::Accepted || !m_ok->isEnabled())
        return std::nullopt;
    std::optional<Document> document = std::move(m_result.document);
    m_result.document.reset();
    return document;
}

} // namespace cjm
