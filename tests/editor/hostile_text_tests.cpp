// Text from a map, a file name or the user is data, never markup: with a map
// whose titles, names, texts and version hold links, pictures and bold text,
// every dialog, bar, panel and tooltip that shows them shows the characters,
// loads no picture and follows no link. Each label that shows the hostile
// text is checked (the labels inside a QMessageBox included), then clicked
// all over: no click may reach QDesktopServices (a recorder stands in for
// every scheme's handler).
#include <catch2/catch.hpp>

#include <QAbstractItemModel>
#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <QTimer>
#include <QUrl>
#include <functional>

#include "audit_panel.hpp"
#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "cjm/file_io.hpp"
#include "cjm/merge.hpp"
#include "cjm/review.hpp"
#include "compare_panel.hpp"
#include "conflict_panel.hpp"
#include "csv_import_dialog.hpp"
#include "document_controller.hpp"
#include "export_dialog.hpp"
#include "find_bar.hpp"
#include "insights_panel.hpp"
#include "inspector_panel.hpp"
#include "main_window.hpp"
#include "map_scene.hpp"
#include "map_templates.hpp"
#include "map_view.hpp"
#include "message_bar.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"
#include "recovery_prompt.hpp"
#include "recovery_store.hpp"
#include "select_tool.hpp"
#include "start_dialog.hpp"
#include "structure_panel.hpp"
#include "template_dialog.hpp"

using namespace cjm;

namespace {

// A link to a local file, a picture from disk, bold text.
const QString kHostile =
    QStringLiteral("<a href=\"file:///etc/passwd\">LINK</a><img src=\"/usr/share/pixmaps/debian-logo.png\"><b>B</b>");
// A file name cannot hold '/': the same, without closing tags.
const QString kHostileName = QStringLiteral("<a href=file:x>LINK<img src=x><b>B");
const std::string kHostileStd = kHostile.toStdString();

bool hostile(const QString &text) { return text.contains(QStringLiteral("<a href=")); }

// Stands in for the desktop: every URL handed to QDesktopServices for the
// schemes a link could use lands here instead, while this lives.
class UrlRecorder : public QObject {
    Q_OBJECT
public:
    UrlRecorder()
    {
        for (const QString &scheme : schemes())
            QDesktopServices::setUrlHandler(scheme, this, "record");
    }
    ~UrlRecorder() override
    {
        for (const QString &scheme : schemes())
            QDesktopServices::unsetUrlHandler(scheme);
    }
    UrlRecorder(const UrlRecorder &) = delete;
    UrlRecorder &operator=(const UrlRecorder &) = delete;

    QList<QUrl> opened;

public slots:
    void record(const QUrl &url) { opened << url; }

private:
    static QStringList schemes()
    {
        return {QStringLiteral("file"),       QStringLiteral("http"),
                QStringLiteral("https"),      QStringLiteral("mailto"),
                QStringLiteral("ftp"),        QStringLiteral("data"),
                QStringLiteral("javascript"), QStringLiteral("x"),
                QStringLiteral("smb"),        QString()};
    }
};

// Clicks all over `label`, where a link would be if it had one.
void clickAcross(QLabel *label)
{
    if (!label->isVisible())
        return;
    for (int y = 2; y < label->height(); y += 6)
        for (int x = 2; x < label->width(); x += 6)
            QTest::mouseClick(label, Qt::LeftButton, Qt::NoModifier, QPoint(x, y));
}

// Checks every label under `root` (root included) that holds the hostile
// text: shown as plain text, no link opened by Qt, none followed by a click.
// Returns how many there were.
int checkLabels(QWidget *root)
{
    QList<QLabel *> labels = root->findChildren<QLabel *>();
    if (auto *label = qobject_cast<QLabel *>(root))
        labels << label;
    int seen = 0;
    for (QLabel *label : labels) {
        if (!hostile(label->text()))
            continue;
        ++seen;
        INFO("label " << label->objectName().toStdString() << ": " << label->text().toStdString());
        CHECK(label->textFormat() != Qt::RichText);
        CHECK(label->textFormat() != Qt::MarkdownText);
        CHECK_FALSE((label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text())));
        CHECK_FALSE(label->openExternalLinks());
        clickAcross(label);
    }
    // A message box's detailed text: a text edit, whose plain text is what it shows.
    for (QTextEdit *edit : root->findChildren<QTextEdit *>())
        if (hostile(edit->toPlainText()))
            ++seen;
    return seen;
}

// What a tooltip shows: rich text when Qt takes it for rich text (as
// QToolTip does), with a marker for any link or picture in it.
QString shownByToolTip(const QString &tip)
{
    if (!Qt::mightBeRichText(tip))
        return tip;
    QTextDocument document;
    document.setHtml(tip);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isAnchor() || format.isImageFormat())
                return QStringLiteral("[a link or a picture]");
        }
    return document.toPlainText();
}

// Runs `action`; the message box it opens goes to `inspect`, then closes
// (with `button` when given, else as if Esc were pressed).
void withMessageBox(const std::function<void()> &action, const std::function<void(QMessageBox *)> &inspect,
                    const char *button = nullptr)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        seen = true;
        inspect(box);
        if (button) {
            auto *pressed = box->findChild<QPushButton *>(QLatin1String(button));
            REQUIRE(pressed);
            pressed->click();
        }
        if (box->isVisible())
            box->reject();
    });
    action();
    CHECK(seen);
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

// A map file that cannot be read: its version is the hostile text.
QByteArray unreadableMap()
{
    return QByteArray("{\"format\":\"cjm\",\"version\":") + QByteArray::fromStdString(Json(kHostileStd).dump()) +
           QByteArray(",\"journey\":{\"id\":\"j\"}}");
}

// The English sample with the hostile text everywhere a map has text, and a
// review that is overdue (so the message bar shows the owner).
Document hostileMap()
{
    auto result = readDocumentFile(CJM_SAMPLES_DIR "/ecommerce-en.cjm");
    REQUIRE(result.ok());
    Document doc = std::move(*result.document);
    Journey journey = doc.journey();
    journey.title = kHostileStd;
    journey.description = kHostileStd;
    journey.owner = kHostileStd;
    journey.reviewIntervalDays = 30;
    journey.nextReview = "2001-01-01";
    REQUIRE(setJourney(journey)->apply(doc));
    for (Persona persona : doc.personas()) {
        persona.name = kHostileStd;
        REQUIRE(updatePersona(persona)->apply(doc));
    }
    for (Stage stage : doc.stages()) {
        stage.name = kHostileStd + " " + stage.id; // names stay told apart
        REQUIRE(updateStage(stage)->apply(doc));
    }
    for (Card card : doc.cards()) {
        if (doc.cardKind(card) == LaneKind::Emotions)
            continue;
        card.text = kHostileStd;
        card.notes = kHostileStd;
        REQUIRE(updateCard(card)->apply(doc));
    }
    return doc;
}

QString writeHostileMap(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(kHostileName + QStringLiteral(".cjm"));
    REQUIRE(defaultFileSystem().writeAtomically(toStdString(path), writeDocument(hostileMap())).ok);
    return path;
}

std::string firstTouchpoint(const Document &doc)
{
    for (const Card &card : doc.cards())
        if (doc.cardKind(card) == LaneKind::Touchpoints)
            return card.id;
    FAIL("no touchpoint");
    return {};
}

template <typename T>
T *findIn(QWidget &root, const char *objectName = nullptr)
{
    T *found = objectName ? root.findChild<T *>(QLatin1String(objectName)) : root.findChild<T *>();
    REQUIRE(found);
    return found;
}

void showDockOf(QWidget *panel)
{
    auto *dock = qobject_cast<QDockWidget *>(panel->parentWidget());
    REQUIRE(dock);
    dock->show();
    dock->raise();
}

} // namespace

TEST_CASE("open, compare, reload and save errors show a hostile file's text as text", "[hostile]")
{
    UrlRecorder recorder;
    QTemporaryDir dir;
    const QString bad = dir.filePath(kHostileName + QStringLiteral(".cjm"));
    writeBytes(bad, unreadableMap());
    MainWindow window;
    window.show();

    // Could Not Open Map: the name in the text, the version in the informative and detailed text.
    withMessageBox([&] { CHECK_FALSE(window.loadFile(bad)); },
                   [](QMessageBox *box) {
                       CHECK(box->objectName() == QStringLiteral("openErrorDialog"));
                       CHECK(box->text().contains(kHostileName));
                       CHECK(
                           box->informativeText().contains(QStringLiteral("<a href=\"file:///etc/passwd\">LINK</a>")));
                       CHECK(checkLabels(box) >= 3); // text, informative text, detailed text
                   });

    // Could Not Compare.
    REQUIRE(window.loadFile(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm")));
    withMessageBox([&] { CHECK_FALSE(window.compareWithFile(bad)); },
                   [](QMessageBox *box) {
                       CHECK(box->objectName() == QStringLiteral("compareErrorDialog"));
                       CHECK(checkLabels(box) >= 2);
                   });

    // Could Not Save Map: into a folder that is not there, named like the rest.
    const QString nowhere = dir.filePath(kHostileName) + QLatin1Char('/') + kHostileName + QStringLiteral(".cjm");
    withMessageBox([&] { CHECK_FALSE(window.saveFile(nowhere)); },
                   [](QMessageBox *box) {
                       CHECK(box->objectName() == QStringLiteral("saveErrorDialog"));
                       CHECK(checkLabels(box) >= 1);
                   });

    // A hostile map open: the bar says it changed on disk; saving over it
    // asks (File Changed on Disk); the broken version does not reload
    // (Could Not Reload Map).
    const QString path = writeHostileMap(dir);
    MainWindow hostile;
    hostile.show();
    REQUIRE(hostile.loadFile(path));
    QSignalSpy changed(hostile.controller(), &DocumentController::fileChangedOnDisk);
    writeBytes(path, unreadableMap());
    REQUIRE(changed.wait(5000));
    MessageBar *bar = hostile.messageBar();
    REQUIRE(bar->isVisibleTo(&hostile));
    CHECK(bar->text().contains(kHostileName));
    CHECK(checkLabels(bar) == 1);
    withMessageBox([&] { CHECK_FALSE(hostile.saveFile(path)); },
                   [](QMessageBox *box) {
                       CHECK(box->objectName() == QStringLiteral("changedOnDiskDialog"));
                       CHECK(checkLabels(box) >= 1);
                   });
    withMessageBox([&] { findIn<QPushButton>(*bar, "reloadButton")->click(); },
                   [](QMessageBox *box) {
                       CHECK(box->objectName() == QStringLiteral("reloadErrorDialog"));
                       CHECK(checkLabels(box) >= 2);
                   });

    // Unsaved changes and Revert to Saved name the file.
    Journey journey = hostile.controller()->document().journey();
    journey.goal = "changed";
    REQUIRE(hostile.controller()->apply(setJourney(journey), QStringLiteral("Edit")));
    withMessageBox([&] { hostile.revert(); }, [](QMessageBox *box) { CHECK(checkLabels(box) >= 1); });
    withMessageBox([&] { hostile.close(); }, [](QMessageBox *box) { CHECK(checkLabels(box) >= 1); });
    CHECK(recorder.opened.isEmpty());
    hostile.controller()->undoStack()->setClean(); // let the window go without asking
}

TEST_CASE("the maps a crash left are listed by their titles and paths as text", "[hostile]")
{
    UrlRecorder recorder;
    RecoveryEntry entry;
    entry.id = QStringLiteral("hostile");
    entry.title = kHostile;
    entry.originalPath = QStringLiteral("/tmp/") + kHostileName + QStringLiteral(".cjm");
    entry.time = QDateTime::currentDateTimeUtc();
    RecoveryEntry untitled = entry;
    untitled.title.clear();
    untitled.originalPath.clear();
    RecoveryAnswer answer = RecoveryAnswer::Restore;
    withMessageBox(
        [&] {
            answer = askAboutRecoveredMaps({entry, untitled}, nullptr);
        },
        [](QMessageBox *box) {
            CHECK(box->objectName() == QStringLiteral("restoreUnsavedDialog"));
            CHECK(box->informativeText().contains(kHostile));
            CHECK(box->informativeText().contains(QStringLiteral("never saved")));
            CHECK(checkLabels(box) == 1);
        });
    CHECK(answer == RecoveryAnswer::Later);
    withMessageBox([&] { answer = askAboutRecoveredMaps({entry}, nullptr); }, [](QMessageBox *) {}, "discardButton");
    CHECK(answer == RecoveryAnswer::Discard);
    withMessageBox([&] { answer = askAboutRecoveredMaps({entry}, nullptr); }, [](QMessageBox *) {}, "restoreButton");
    CHECK(answer == RecoveryAnswer::Restore);
    CHECK(recorder.opened.isEmpty());
}

TEST_CASE("a hostile map's names and texts show as text in the panels, bars and tooltips", "[hostile]")
{
    UrlRecorder recorder;
    QTemporaryDir dir;
    const QString path = writeHostileMap(dir);
    MainWindow window;
    window.show();
    REQUIRE(window.loadFile(path));
    const Document &doc = window.controller()->document();

    // The review bar names the owner.
    CHECK(window.messageBar()->text().contains(kHostile));
    CHECK(checkLabels(window.messageBar()) == 1);

    // The whole window: status bar, docks, headings.
    for (QDockWidget *dock : window.findChildren<QDockWidget *>())
        dock->show();
    QApplication::processEvents();
    checkLabels(&window);

    // Structure: deleting a persona asks, naming it.
    auto *structure = findIn<StructurePanel>(window, "structurePanel");
    structure->setCurrentKind(StructurePanel::Kind::Personas);
    structure->list(StructurePanel::Kind::Personas)->setCurrentRow(0);
    CHECK(structure->list(StructurePanel::Kind::Personas)->currentItem()->text() == kHostile);
    withMessageBox([&] { structure->deleteCurrent(); },
                   [](QMessageBox *box) {
                       CHECK(box->objectName() == QStringLiteral("deleteConfirmation"));
                       CHECK(checkLabels(box) == 1);
                   });
    CHECK(doc.personas().size() == hostileMap().personas().size()); // cancelled

    // Inspector: a card's fields are text fields; a comment's time is a tooltip.
    const std::string cardId = firstTouchpoint(doc);
    Card card = *doc.card(cardId);
    card.comments.push_back(Comment{kHostileStd, kHostileStd, "2024-05-01T10:00:00Z", {}});
    REQUIRE(window.controller()->apply(updateCard(card), QStringLiteral("Comment")));
    window.view()->selectTool()->selectCard(cardId);
    auto *inspector = findIn<InspectorPanel>(window, "inspector");
    REQUIRE(inspector->target() == InspectorPanel::Target::Card);
    CHECK(findIn<QPlainTextEdit>(*inspector, "Text")->toPlainText() == kHostile);
    auto *comments = findIn<QListWidget>(*inspector, "Comments");
    REQUIRE(comments->count() == 1);
    CHECK(comments->item(0)->text().contains(kHostile));
    CHECK(shownByToolTip(comments->item(0)->toolTip()) == QStringLiteral("2024-05-01T10:00:00Z"));
    checkLabels(inspector);

    // The canvas's card tooltip.
    const QString cardTip = shownByToolTip(window.scene()->cardToolTip(cardId));
    CHECK(cardTip.startsWith(kHostile));

    // Compare with another version, named like the rest.
    Document other = hostileMap();
    Card renamed = *other.card(cardId);
    renamed.text = kHostileStd + " (theirs)";
    REQUIRE(updateCard(renamed)->apply(other));
    const QString otherPath = dir.filePath(kHostileName + QStringLiteral(" other.cjm"));
    REQUIRE(defaultFileSystem().writeAtomically(toStdString(otherPath), writeDocument(other)).ok);
    REQUIRE(window.compareWithFile(otherPath));
    auto *compare = findIn<ComparePanel>(window);
    REQUIRE(compare->list()->count() > 0);
    CHECK(checkLabels(compare) == 1); // the heading names the other file
    bool hostileChange = false;
    for (int i = 0; i < compare->list()->count(); ++i) {
        const QListWidgetItem *item = compare->list()->item(i);
        CHECK(shownByToolTip(item->toolTip()) == item->text());
        hostileChange = hostileChange || hostile(item->text());
    }
    CHECK(hostileChange);

    // Audit and Insights: names in table cells (shown as text) and filters.
    auto *audit = findIn<AuditPanel>(window);
    showDockOf(audit);
    checkLabels(audit);
    const QAbstractItemModel *auditRows = findIn<QTableView>(*audit, "auditTable")->model();
    REQUIRE(auditRows->rowCount() > 0);
    CHECK(auditRows->index(0, 0).data().toString() == kHostile);
    CHECK_FALSE(Qt::mightBeRichText(auditRows->index(0, 0).data(Qt::ToolTipRole).toString()));
    CHECK(findIn<QComboBox>(*audit, "auditPersonaFilter")->findText(kHostile) >= 0);
    auto *insights = findIn<InsightsPanel>(window);
    showDockOf(insights);
    QApplication::processEvents();
    checkLabels(insights);
    CHECK(insights->table()->item(0, 0)->text().startsWith(kHostile));

    // Find: the query is the hostile text; the count says how many.
    window.find();
    window.findBar()->setQuery(kHostile);
    QApplication::processEvents();
    CHECK_FALSE(window.findBar()->matches().empty());
    checkLabels(window.findBar());

    // Export: a persona is offered by name.
    ExportDialog exportDialog(doc, {}, &window);
    CHECK(findIn<QComboBox>(exportDialog)->count() > 0);
    bool offered = false;
    for (QComboBox *combo : exportDialog.findChildren<QComboBox *>())
        offered = offered || combo->findText(QStringLiteral("Persona: ") + kHostile) >= 0;
    CHECK(offered);
    CHECK(checkLabels(&exportDialog) == 0);

    // File ▸ Open Recent: the path, as a tooltip.
    QMenu *recent = nullptr;
    for (QMenu *menu : window.menuBar()->findChildren<QMenu *>())
        if (menu->title() == QStringLiteral("Open &Recent"))
            recent = menu;
    REQUIRE(recent);
    emit recent->aboutToShow();
    REQUIRE_FALSE(recent->actions().isEmpty());
    CHECK(shownByToolTip(recent->actions().constFirst()->toolTip()) == QFileInfo(path).absoluteFilePath());

    CHECK(recorder.opened.isEmpty());
}

TEST_CASE("a merged map's conflicts show both hostile versions as text", "[hostile]")
{
    UrlRecorder recorder;
    QTemporaryDir dir;
    const Document base = hostileMap();
    const std::string cardId = firstTouchpoint(base);
    Document ours = base, theirs = base;
    for (auto [doc, text] : {std::pair{&ours, kHostileStd + " mine"}, std::pair{&theirs, kHostileStd + " theirs"}}) {
        Card card = *doc->card(cardId);
        card.text = text;
        REQUIRE(updateCard(card)->apply(*doc));
    }
    MergeResult merged = mergeDocuments(base, ours, theirs);
    REQUIRE(merged.document);
    REQUIRE(merged.conflicts.size() == 1);
    const QString path = dir.filePath(QStringLiteral("merged.cjm"));
    REQUIRE(defaultFileSystem().writeAtomically(toStdString(path), writeDocument(*merged.document)).ok);
    MainWindow window;
    window.show();
    REQUIRE(window.loadFile(path));
    auto *panel = findIn<ConflictPanel>(window);
    QTableWidget *table = panel->table();
    REQUIRE(table->rowCount() == 1);
    CHECK(table->item(0, 2)->text() == kHostile + QStringLiteral(" mine"));
    for (int column = 0; column < table->columnCount(); ++column)
        CHECK(shownByToolTip(table->item(0, column)->toolTip()) == table->item(0, column)->text());
    checkLabels(panel);
    checkLabels(window.messageBar());

    // Edit...: the dialog starts from our version, as text.
    table->selectRow(0);
    bool seen = false;
    QTimer::singleShot(0, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        REQUIRE(dialog);
        seen = true;
        checkLabels(dialog);
        for (QLabel *label : dialog->findChildren<QLabel *>())
            CHECK(label->textFormat() == Qt::PlainText);
        qobject_cast<QDialog *>(dialog)->reject();
    });
    findIn<QPushButton>(window, "editConflictButton")->click();
    CHECK(seen);
    CHECK(recorder.opened.isEmpty());
}

TEST_CASE("the start, template and CSV import dialogs show file names and titles as text", "[hostile]")
{
    UrlRecorder recorder;
    QTemporaryDir dir;
    const QString recentPath = dir.filePath(kHostileName + QStringLiteral(".cjm"));
    StartDialog start({recentPath});
    start.show();
    REQUIRE(start.recentList()->count() == 1);
    CHECK(start.recentList()->item(0)->text() == kHostileName + QStringLiteral(".cjm"));
    CHECK(shownByToolTip(start.recentList()->item(0)->toolTip()) == recentPath);
    CHECK(checkLabels(&start) == 0);

    MapTemplate mine;
    mine.path = dir.filePath(kHostileName + QStringLiteral(".cjm"));
    mine.name = kHostileName;
    mine.title = kHostile;
    mine.description = kHostile;
    mine.user = true;
    TemplateDialog templates({mine});
    templates.show();
    REQUIRE(templates.list()->count() == 1);
    CHECK(shownByToolTip(templates.list()->item(0)->toolTip()) == mine.path);
    CHECK(checkLabels(&templates) == 1); // the details

    const QString csv = dir.filePath(kHostileName + QStringLiteral(".csv"));
    writeBytes(csv, (QStringLiteral("stage,persona,lane,text\n") + kHostileName + QLatin1Char(',') + kHostileName +
                     QStringLiteral(",touchpoints,") + kHostileName + QLatin1Char('\n'))
                        .toUtf8());
    CsvImportDialog import(csv);
    import.show();
    CHECK(checkLabels(&import) >= 1); // the file name
    CHECK(recorder.opened.isEmpty());
}

TEST_CASE("a card's link opens on a click only when it is a web or mail address", "[hostile]")
{
    UrlRecorder recorder;
    MainWindow window;
    window.show();
    REQUIRE(window.loadFile(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm")));
    const std::string cardId = firstTouchpoint(window.controller()->document());
    window.view()->selectTool()->selectCard(cardId);
    auto *inspector = findIn<InspectorPanel>(window, "inspector");
    auto setLink = [&](const QString &link) {
        Card card = *window.controller()->document().card(cardId);
        card.link = toStdString(link);
        REQUIRE(window.controller()->apply(updateCard(card), QStringLiteral("Link")));
    };

    // Never opened, whatever the click: a local file, a local path, a script,
    // a share, a scheme some program registered.
    for (const QString &link :
         {QStringLiteral("file:///etc/passwd"), QStringLiteral("/etc/passwd"), QStringLiteral("~/.ssh/id_rsa"),
          QStringLiteral("javascript:alert(1)"), QStringLiteral("smb://server/share"),
          QStringLiteral("x-scheme-handler:run"), QStringLiteral("data:text/html,<b>B</b>"), kHostile}) {
        INFO(link.toStdString());
        CHECK_FALSE(openableLink(link));
    }

    // A map holds only links that start with http:// or https://; those
    // that name no web host are refused on the click, with a plain message
    // naming the link.
    for (const QString &link :
         {QStringLiteral("http://"), QStringLiteral("https:///etc/passwd"), QStringLiteral("http://") + kHostile}) {
        INFO(link.toStdString());
        setLink(link);
        auto *open = findIn<QPushButton>(*inspector, "openLinkButton");
        REQUIRE(open->isEnabled());
        CHECK_FALSE(openableLink(link));
        withMessageBox([&] { open->click(); },
                       [&](QMessageBox *box) {
                           CHECK(box->informativeText() == link);
                           checkLabels(box);
                           for (QLabel *label : box->findChildren<QLabel *>())
                               CHECK(label->textFormat() == Qt::PlainText);
                       });
        CHECK(recorder.opened.isEmpty());
    }

    // Web and mail addresses open, once per click, exactly as written.
    for (const QString &link : {QStringLiteral("https://example.com/a?b=<c>"), QStringLiteral("HTTP://example.com/")}) {
        INFO(link.toStdString());
        setLink(link);
        auto *open = findIn<QPushButton>(*inspector, "openLinkButton");
        REQUIRE(openableLink(link));
        CHECK(shownByToolTip(open->toolTip()).contains(openableLink(link)->toString(QUrl::FullyEncoded)));
        recorder.opened.clear();
        open->click();
        REQUIRE(recorder.opened.size() == 1);
        CHECK(recorder.opened.front() == *openableLink(link));
        CHECK(recorder.opened.front().scheme() != QStringLiteral("file"));
    }
    CHECK(openableLink(QStringLiteral("mailto:cx@example.com")));
}

TEST_CASE("plain tooltips show exactly their text, entities and line breaks included", "[hostile]")
{
    for (const QString &text : {kHostile, QStringLiteral("a &amp; b"), QStringLiteral("R&D <team>"),
                                QStringLiteral("first line\n<b>second</b>  two spaces"), QStringLiteral("&lt;b&gt;")})
        CHECK(shownByToolTip(plainToolTip(text)) == text);
    CHECK(plainToolTip(QString()).isEmpty());
    // What escaping alone does: a tooltip without "<" on its first line is
    // taken for plain text, and shows the entities.
    CHECK(shownByToolTip(QStringLiteral("a & b").toHtmlEscaped()) != QStringLiteral("a & b"));
}

TEST_CASE("message boxes, input dialogs and labels are made only through plain_message", "[hostile]")
{
    // The safe way is the only way: a QMessageBox, QInputDialog or QLabel
    // made anywhere else in the editor or the app would show text as markup
    // again (QLabel's Qt::AutoText, QMessageBox's informative label).
    const QRegularExpression direct(QStringLiteral(
        "new\\s+(QLabel|QMessageBox|QInputDialog)\\b|\\b(QLabel|QMessageBox|QInputDialog)\\s+\\w+\\s*[({]|"
        "QMessageBox::(warning|information|critical|question|about|aboutQt)\\s*\\(|"
        "QInputDialog::get\\w+\\s*\\("));
    REQUIRE(direct.isValid());
    int files = 0;
    for (const char *folder : {"/src/editor", "/src/app"}) {
        QDirIterator it(QStringLiteral(CJM_SOURCE_DIR) + QLatin1String(folder),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.hpp")}, QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            if (QFileInfo(path).completeBaseName() == QStringLiteral("plain_message"))
                continue;
            ++files;
            QFile file(path);
            REQUIRE(file.open(QIODevice::ReadOnly | QIODevice::Text));
            int number = 0;
            while (!file.atEnd()) {
                ++number;
                const QString line = QString::fromUtf8(file.readLine()).section(QStringLiteral("//"), 0, 0);
                INFO(path.toStdString() << ":" << number << ": " << line.trimmed().toStdString());
                CHECK_FALSE(direct.match(line).hasMatch());
            }
        }
    }
    CHECK(files > 20);
}

#include "hostile_text_tests.moc"
