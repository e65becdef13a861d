#pragma once
// File ▸ Import ▸ CSV…: reads a table of cards into a new map. Shows the
// file, its encoding (detected or chosen), which field each column holds
// (guessed from the header, changeable), the first rows, how many cards will
// come in, and the rows that cannot, which the user must agree to skip.

#include <QByteArray>
#include <QDialog>
#include <optional>
#include <string>
#include <vector>

#include "cjm/csv_import.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace cjm {

class CsvImportDialog : public QDialog {
    Q_OBJECT
public:
    // Reads the file at `path`; when it cannot be read, says so and OK stays off.
    explicit CsvImportDialog(const QString &path, QWidget *parent = nullptr);
    // The bytes of a CSV file called `fileName` (its base name becomes the title).
    CsvImportDialog(QByteArray bytes, const QString &fileName, QWidget *parent = nullptr);

    // The map to open, once accepted (empty before, or when nothing can be imported).
    std::optional<Document> takeDocument();
    // The encoding the text is read with: the chosen one, or the detected one.
    TextEncoding encoding() const { return m_encodingUsed; }
    CsvColumnMapping mapping() const;

    // The parts, for tests.
    QComboBox *encodingCombo() const { return m_encoding; }
    QTableWidget *mappingTable() const { return m_mappingTable; }
    QComboBox *fieldCombo(int column) const;
    QTableWidget *preview() const { return m_preview; }
    QLabel *countLabel() const { return m_countLabel; }
    QLabel *errorLabel() const { return m_errorLabel; }
    // The columns the guess left out because of their values, while still left out.
    QLabel *notesLabel() const { return m_notesLabel; }
    QListWidget *badRowList() const { return m_badRows; }
    QCheckBox *skipCheck() const { return m_skip; }
    QPushButton *okButton() const { return m_ok; }

    static constexpr int kPreviewRows = 10;

private:
    void build(const QString &fileName);
    void readTable(); // the encoding changed: split again, rebuild the mapping if the header changed
    void runImport(); // the mapping or the encoding changed: import again
    void updateOk();
    QString encodingName(TextEncoding encoding) const;

    QByteArray m_bytes;
    QString m_title;
    QString m_readError;
    std::vector<std::string> m_header;
    std::vector<CsvIgnoredColumn> m_ignored; // by the guess, for their values
    bool m_headerShown = false;
    TextEncoding m_encodingUsed = TextEncoding::Utf8;
    CsvImportResult m_result;
    bool m_tableOk = false;

    QLabel *m_fileLabel = nullptr;
    QComboBox *m_encoding = nullptr;
    QTableWidget *m_mappingTable = nullptr;
    QTableWidget *m_preview = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_notesLabel = nullptr;
    QLabel *m_badRowsTitle = nullptr;
    QListWidget *m_badRows = nullptr;
    QCheckBox *m_skip = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace cjm
