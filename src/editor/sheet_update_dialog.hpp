#pragma once
// File ▸ Import ▸ Update from Spreadsheet…: reads an edited workbook (.xlsx)
// or CSV inventory, matches its rows to the open map's cards by id and shows
// what would change (the lines `cjm diff` would print) and which cards have
// no row. Apply makes it one undoable step through the controller.
// Also the workbook import as a new map (File ▸ Import ▸ Excel Workbook…).

#include <QDialog>
#include <optional>

#include "cjm/sheet_update.hpp"

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace cjm {

class DocumentController;

// The spreadsheet at `path` read as a map: a workbook (by its bytes) or a CSV
// (encoding detected, columns by their header names). Ids in `reservedIds`
// are never made up for rows without one. On failure, `error` says why.
struct SpreadsheetRead {
    std::optional<Document> document;
    SheetContents contents;
    QString error;
};
SpreadsheetRead readSpreadsheetFile(const QString &path, const std::set<std::string> &reservedIds = {});

class SheetUpdateDialog : public QDialog {
    Q_OBJECT
public:
    SheetUpdateDialog(DocumentController &controller, const QString &path, QWidget *parent = nullptr);

    // The parts, for tests.
    QListWidget *changeList() const { return m_changes; }
    QListWidget *missingList() const { return m_missing; }
    QCheckBox *deleteMissingCheck() const { return m_deleteMissing; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *applyButton() const { return m_apply; }

    void accept() override;

private:
    void plan(); // (again) with the check box's choice

    DocumentController &m_controller;
    std::optional<Document> m_sheet;
    SheetContents m_contents;
    SheetUpdatePlan m_plan;
    QListWidget *m_changes = nullptr;
    QListWidget *m_missing = nullptr;
    QCheckBox *m_deleteMissing = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_apply = nullptr;
};

} // namespace cjm
