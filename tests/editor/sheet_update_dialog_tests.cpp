// File ▸ Import ▸ Update from Spreadsheet…: the dialog lists the changes and
// the cards without a row, and applies them as one undo step.
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

#include "cjm/csv.hpp"
#include "cjm/diff.hpp"
#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "document_controller.hpp"
#include "main_window.hpp"
#include "sheet_update_dialog.hpp"
#include "xlsx_exporter.hpp"

using namespace cjm;

namespace {

Document sample()
{
    auto read = readDocumentFile(std::string(CJM_SAMPLES_DIR) + "/retail-zh.cjm");
    REQUIRE(read.ok());
    return std::move(*read.document);
}

void writeFile(const QString &path, const std::string &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size()));
}

} // namespace

TEST_CASE("Update from Spreadsheet: the sheet's edits listed, applied as one undo step", "[sheet-update]")
{
    const Document original = sample();
    DocumentController controller;
    controller.resetDocument(original, QString());

    // The sheet as a person edited it: one text changed, one card deleted, one added.
    Document edited = original;
    const Card changed = original.cards().at(1), deleted = original.cards().at(2);
    REQUIRE(setField(fields::card::text, changed.id, std::string("改过的文字"))->apply(edited));
    REQUIRE(removeCard(deleted.id)->apply(edited));
    Card added = changed;
    added.id = "card-from-sheet";
    added.text = "新的一行";
    added.order = 99;
    REQUIRE(addCard(added)->apply(edited));
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("edited.csv"));
    writeFile(csv, writeCardCsv(edited));

    SheetUpdateDialog dialog(controller, csv);
    REQUIRE(dialog.applyButton()->isEnabled());
    CHECK(dialog.changeList()->count() == 2);
    CHECK(dialog.missingList()->count() == 1);
    dialog.deleteMissingCheck()->setChecked(true);
    CHECK(dialog.changeList()->count() == 3);
    dialog.deleteMissingCheck()->setChecked(false);
    CHECK(dialog.changeList()->count() == 2);

    const int steps = controller.undoStack()->count();
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(controller.undoStack()->count() == steps + 1);
    CHECK(controller.document().card(changed.id)->text == "改过的文字");
    CHECK(controller.document().card("card-from-sheet"));
    CHECK(controller.document().card(deleted.id)); // kept: the box was not ticked
    controller.undoStack()->undo();
    CHECK(controller.document() == original);
}

TEST_CASE("Update from Spreadsheet: a workbook, and a file that is none", "[sheet-update]")
{
    const Document original = sample();
    DocumentController controller;
    controller.resetDocument(original, QString());
    QTemporaryDir dir;
    const QString xlsx = dir.filePath(QStringLiteral("map.xlsx"));
    REQUIRE(writeWorkbookFile(original, xlsx).ok);
    SheetUpdateDialog same(controller, xlsx);
    CHECK(same.changeList()->count() == 0);
    CHECK(same.missingList()->count() == 0);
    CHECK_FALSE(same.applyButton()->isEnabled());

    const QString broken = dir.filePath(QStringLiteral("broken.xlsx"));
    writeFile(broken, "PK\x03\x04 not really a zip");
    SheetUpdateDialog refused(controller, broken);
    CHECK_FALSE(refused.applyButton()->isEnabled());
    CHECK(refused.summaryLabel()->text().contains(QStringLiteral("is not a workbook")));
}

TEST_CASE("File ▸ Export as Excel Workbook and File ▸ Import ▸ Excel Workbook give back the same map", "[sheet-update]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    MainWindow window;
    REQUIRE(window.loadFile(QStringLiteral(CJM_SAMPLES_DIR "/retail-zh.cjm")));
    // The menu offers all three.
    QStringList actions;
    for (QAction *action : window.findChildren<QAction *>())
        actions << action->text();
    CHECK(actions.contains(QStringLiteral("&Excel Workbook...")));
    CHECK(actions.contains(QStringLiteral("&Update from Spreadsheet...")));
    CHECK(actions.contains(QStringLiteral("Export as E&xcel Workbook...")));

    const QString path = dir.filePath(QStringLiteral("retail.xlsx"));
    REQUIRE(window.exportWorkbookTo(path));
    MainWindow *imported = window.importWorkbookFile(path);
    REQUIRE(imported);
    REQUIRE(imported != &window);                // the open map is kept: the import opens beside it
    CHECK(imported->controller()->isModified()); // a new map, not on disk yet
    CHECK(diffDocuments(window.controller()->document(), imported->controller()->document()).empty());
    imported->controller()->undoStack()->setClean(); // closing asks nothing
    imported->close();
    delete imported;

    // A file that is no workbook: refused with its name, nothing opened.
    const QString bad = dir.filePath(QStringLiteral("not-a-workbook.xlsx"));
    QFile file(bad);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("plain text, not a zip");
    file.close();
    QTimer::singleShot(0, [] {
        for (QWidget *widget : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(widget); box && box->isVisible()) {
                CHECK(box->text().contains(QStringLiteral("not-a-workbook.xlsx")));
                box->accept();
            }
    });
    CHECK_FALSE(window.importWorkbookFile(bad));
}
