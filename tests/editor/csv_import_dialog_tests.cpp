#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <tuple>

#include "cjm/csv.hpp"
#include "cjm/document_io.hpp"
#include "csv_import_dialog.hpp"
#include "document_controller.hpp"
#include "main_window.hpp"
#include "qt_text.hpp"

using namespace cjm;

namespace Catch {
template <>
struct StringMaker<QString> {
    static std::string convert(const QString &text) { return '"' + text.toStdString() + '"'; }
};
} // namespace Catch

namespace {

using CardKey = std::tuple<std::string, std::string, std::string>; // persona, stage, text

std::vector<CardKey> cardKeys(const Document &doc)
{
    std::vector<CardKey> keys;
    for (const Card &card : doc.cards())
        keys.emplace_back(doc.persona(card.persona)->name, doc.stage(card.stage)->name, card.text);
    std::sort(keys.begin(), keys.end());
    return keys;
}

template <typename T>
std::vector<std::string> names(const std::vector<T> &items)
{
    std::vector<std::string> out;
    for (const T &item : items)
        out.push_back(item.name);
    return out;
}

Document sampleDocument()
{
    auto read = readDocumentFile(CJM_SAMPLES_DIR "/ecommerce-en.cjm");
    REQUIRE(read.ok());
    return std::move(*read.document);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
    return path;
}

// Accepts the CSV import dialog that `action` opens.
template <typename Action>
void acceptingImportDialog(Action action)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        if (auto *dialog = qobject_cast<CsvImportDialog *>(QApplication::activeModalWidget())) {
            seen = dialog->okButton()->isEnabled();
            dialog->accept();
        }
    });
    action();
    CHECK(seen);
}

int rowOfColumn(const CsvImportDialog &dialog, const QString &header)
{
    for (int row = 0; row < dialog.mappingTable()->rowCount(); ++row)
        if (dialog.mappingTable()->item(row, 0)->text() == header)
            return row;
    return -1;
}

// "persona,stage,lane,text" and two rows of Chinese, in GB18030.
const QByteArray kGb18030Csv(
    "persona,stage,lane,text\x0a\xb9\xcb\xbf\xcd,\xc8\xcf\xd6\xaa,\xb4\xa5\xb5\xe3,\xbf\xb4\xb5\xbd\xb9\xe3\xb8\xe6"
    "\x0a\xb9\xcb\xbf\xcd,\xb9\xba\xc2\xf2,\xb4\xa5\xb5\xe3,\xd4\xda\xc3\xc5\xb5\xea\xcf\xc2\xb5\xa5\x0a");

} // namespace

TEST_CASE("the CSV import dialog brings a card inventory back as the same map", "[csv-import]")
{
    const Document original = sampleDocument();
    QTemporaryDir dir;
    const std::string csv = writeCardCsv(original);
    const QString path = writeFile(dir, QStringLiteral("ecommerce-en.csv"), QByteArray::fromStdString(csv));

    CsvImportDialog dialog(path);
    CHECK(dialog.encoding() == TextEncoding::Utf8);
    CHECK(dialog.encodingCombo()->currentIndex() == 0);
    CHECK(dialog.encodingCombo()->itemText(0) == QStringLiteral("Automatic (UTF-8)"));
    CHECK(dialog.errorLabel()->isHidden());
    CHECK(dialog.badRowList()->count() == 0);
    CHECK(dialog.skipCheck()->isHidden());
    // One combo per column, preset by the guess from the header.
    const CsvColumnMapping guessed = guessCsvMapping(readCsvTable(csv).table->header);
    REQUIRE(dialog.mappingTable()->rowCount() == static_cast<int>(guessed.columns.size()));
    CHECK(dialog.mapping() == guessed);
    const int textRow = rowOfColumn(dialog, QStringLiteral("text"));
    REQUIRE(textRow >= 0);
    CHECK(dialog.fieldCombo(textRow)->currentText() == QStringLiteral("text"));
    CHECK(dialog.fieldCombo(textRow)->count() == static_cast<int>(csvFields().size()) + 1);
    CHECK(dialog.preview()->rowCount() ==
          std::min<int>(CsvImportDialog::kPreviewRows, static_cast<int>(original.cards().size())));
    CHECK(dialog.countLabel()->text() == QStringLiteral("Cards to import: %1").arg(original.cards().size()));
    REQUIRE(dialog.okButton()->isEnabled());

    dialog.accept();
    const std::optional<Document> imported = dialog.takeDocument();
    REQUIRE(imported);
    CHECK(imported->journey().title == "ecommerce-en");
    CHECK(names(imported->personas()) == names(original.personas()));
    CHECK(names(imported->stages()) == names(original.stages()));
    CHECK(cardKeys(*imported) == cardKeys(original));

    SECTION("from the File menu's slot: in a pristine window, then in a new one, unsaved and modified")
    {
        MainWindow window;
        REQUIRE(window.controller()->isPristine());
        QAction *importAction = nullptr;
        for (QAction *action : window.findChildren<QAction *>())
            if (auto *menu = qobject_cast<QMenu *>(action->parent()))
                if (action->text() == QStringLiteral("&CSV...") && menu->title() == QStringLiteral("&Import"))
                    importAction = action;
        CHECK(importAction);
        MainWindow *target = nullptr;
        acceptingImportDialog([&] { target = window.importCsvFile(path); });
        CHECK(target == &window);
        CHECK(window.controller()->isModified());
        CHECK(window.isWindowModified());
        CHECK(window.controller()->filePath().isEmpty());
        CHECK(cardKeys(window.controller()->document()) == cardKeys(original));
        CHECK(window.controller()->document().journey().title == "ecommerce-en");

        MainWindow *second = nullptr;
        acceptingImportDialog([&] { second = window.importCsvFile(path); });
        REQUIRE(second);
        CHECK(second != &window);
        CHECK(second->controller()->isModified());
        CHECK(cardKeys(second->controller()->document()) == cardKeys(original));
        delete second;
    }

    SECTION("cancelling opens nothing")
    {
        MainWindow window;
        MainWindow *target = &window;
        QTimer::singleShot(0, [] {
            if (auto *dialog = qobject_cast<CsvImportDialog *>(QApplication::activeModalWidget()))
                dialog->reject();
        });
        target = window.importCsvFile(path);
        CHECK(target == nullptr);
        CHECK(window.controller()->isPristine());
    }
}

TEST_CASE("the CSV import dialog detects GB18030 and previews the Chinese text", "[csv-import]")
{
    CsvImportDialog dialog(kGb18030Csv, QStringLiteral("零售.csv"));
    CHECK(dialog.encoding() == TextEncoding::Gb18030);
    CHECK(dialog.encodingCombo()->itemText(0) == QStringLiteral("Automatic (GB18030)"));
    REQUIRE(dialog.preview()->rowCount() == 2);
    REQUIRE(dialog.preview()->columnCount() == 4);
    CHECK(dialog.preview()->item(0, 0)->text() == QStringLiteral("顾客"));
    CHECK(dialog.preview()->item(0, 3)->text() == QStringLiteral("看到广告"));
    CHECK(dialog.preview()->item(1, 3)->text() == QStringLiteral("在门店下单"));
    CHECK(dialog.okButton()->isEnabled());

    // Read as UTF-8 the bytes are refused, and nothing can be imported.
    dialog.encodingCombo()->setCurrentIndex(dialog.encodingCombo()->findData(static_cast<int>(TextEncoding::Utf8)));
    CHECK(dialog.encoding() == TextEncoding::Utf8);
    CHECK_FALSE(dialog.errorLabel()->isHidden());
    CHECK(dialog.errorLabel()->text().contains(QStringLiteral("line 2")));
    CHECK(dialog.preview()->rowCount() == 0);
    CHECK_FALSE(dialog.okButton()->isEnabled());
    CHECK(dialog.encodingCombo()->itemText(0) == QStringLiteral("Automatic (GB18030)"));

    dialog.encodingCombo()->setCurrentIndex(0);
    CHECK(dialog.errorLabel()->isHidden());
    REQUIRE(dialog.okButton()->isEnabled());
    dialog.accept();
    const std::optional<Document> imported = dialog.takeDocument();
    REQUIRE(imported);
    CHECK(imported->journey().title == "零售");
    CHECK(names(imported->personas()) == std::vector<std::string>{"顾客"});
    CHECK(names(imported->stages()) == std::vector<std::string>{"认知", "购买"});
    CHECK(imported->cards().size() == 2);
}

TEST_CASE("the CSV import dialog imports around bad rows only when told to skip them", "[csv-import]")
{
    const QByteArray csv("persona,stage,lane,text,score\n"
                         "Shopper,Awareness,Feelings,Happy,2\n"
                         "Shopper,Awareness,Feelings,Bad,9\n"
                         "Shopper,Buy,Feelings,Fine,1\n");
    QTemporaryDir dir;
    CsvImportDialog dialog(writeFile(dir, QStringLiteral("scores.csv"), csv));
    REQUIRE(dialog.badRowList()->count() == 1);
    CHECK(dialog.badRowList()->item(0)->text() ==
          QStringLiteral("line 3: score must be a whole number from -3 to 3, but it is ‘9’"));
    CHECK_FALSE(dialog.badRowList()->isHidden());
    CHECK_FALSE(dialog.skipCheck()->isHidden());
    CHECK_FALSE(dialog.skipCheck()->isChecked());
    CHECK(dialog.countLabel()->text() == QStringLiteral("Cards to import: 2"));
    CHECK_FALSE(dialog.okButton()->isEnabled());

    dialog.skipCheck()->setChecked(true);
    CHECK(dialog.okButton()->isEnabled());
    dialog.skipCheck()->setChecked(false);
    CHECK_FALSE(dialog.okButton()->isEnabled());
    dialog.skipCheck()->setChecked(true);

    // Ignoring the score column leaves no bad row.
    CHECK(dialog.badRowList()->count() == 1);
    const int scoreRow = rowOfColumn(dialog, QStringLiteral("score"));
    REQUIRE(scoreRow >= 0);
    CHECK(dialog.fieldCombo(scoreRow)->currentData().toInt() == static_cast<int>(CsvField::Score));
    dialog.fieldCombo(scoreRow)->setCurrentIndex(0);
    CHECK(dialog.badRowList()->count() == 0);
    CHECK(dialog.countLabel()->text() == QStringLiteral("Cards to import: 3"));
    dialog.fieldCombo(scoreRow)->setCurrentIndex(
        dialog.fieldCombo(scoreRow)->findData(static_cast<int>(CsvField::Score)));
    CHECK(dialog.badRowList()->count() == 1);

    REQUIRE(dialog.okButton()->isEnabled());
    dialog.accept();
    const std::optional<Document> imported = dialog.takeDocument();
    REQUIRE(imported);
    std::vector<std::string> texts;
    for (const Card &card : imported->cards())
        texts.push_back(card.text);
    std::sort(texts.begin(), texts.end());
    CHECK(texts == std::vector<std::string>{"Fine", "Happy"});
}

TEST_CASE("the CSV import dialog leaves a Color column of words unmapped and says why", "[csv-import]")
{
    // A third-party sheet: its "Color" is a word, not a card colour (#rrggbb).
    const QByteArray csv("Stage,Card,Color\n"
                         "Awareness,Sees an ad,red\n"
                         "Purchase,Pays,%4 blue\n");
    QTemporaryDir dir;
    CsvImportDialog dialog(writeFile(dir, QStringLiteral("third-party.csv"), csv));
    const int colorRow = rowOfColumn(dialog, QStringLiteral("Color"));
    REQUIRE(colorRow == 2);
    CHECK(dialog.fieldCombo(colorRow)->currentData().toInt() == static_cast<int>(CsvField::Ignore));
    CHECK(dialog.badRowList()->count() == 0);
    CHECK(dialog.countLabel()->text() == QStringLiteral("Cards to import: 2"));
    CHECK(dialog.okButton()->isEnabled());
    CHECK_FALSE(dialog.notesLabel()->isHidden());
    CHECK(dialog.notesLabel()->text() ==
          QStringLiteral("Column 3 “Color” is not imported: its values are not what color takes (line 2 has "
                         "“red”). Choose color for it to import it anyway."));

    // Chosen by the user: imported, and each row with a word is a bad row naming the column.
    const int color = static_cast<int>(*csvFieldFromName("color"));
    dialog.fieldCombo(colorRow)->setCurrentIndex(dialog.fieldCombo(colorRow)->findData(color));
    CHECK(dialog.notesLabel()->isHidden());
    REQUIRE(dialog.badRowList()->count() == 2);
    CHECK(dialog.badRowList()->item(0)->text() ==
          QStringLiteral("line 2: color (column 3 ‘Color’) must be a color written #rrggbb, but it is ‘red’"));
    CHECK_FALSE(dialog.okButton()->isEnabled());

    dialog.fieldCombo(colorRow)->setCurrentIndex(0);
    CHECK_FALSE(dialog.notesLabel()->isHidden());
    REQUIRE(dialog.okButton()->isEnabled());
    dialog.accept();
    const std::optional<Document> imported = dialog.takeDocument();
    REQUIRE(imported);
    CHECK(imported->cards().size() == 2);
    for (const Card &card : imported->cards())
        CHECK_FALSE(card.color);
}
