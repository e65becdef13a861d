#include "document_files.hpp"

#include <QApplication>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>
#include <spdlog/spdlog.h>

#include "autosaver.hpp"
#include "cjm/document_io.hpp"
#include "cjm/file_io.hpp"
#include "csv_import_dialog.hpp"
#include "document_controller.hpp"
#include "file_paths.hpp"
#include "main_window.hpp"
#include "map_file_lock.hpp"
#include "map_templates.hpp"
#include "map_view.hpp"
#include "message_bar.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"
#include "recovery_store.hpp"
#include "setup_wizard.hpp"
#include "sheet_update_dialog.hpp"
#include "template_dialog.hpp"
#include "translations.hpp"

namespace cjm {

namespace {
constexpr int kMaxRecentFiles = 10;
const char *const kRecentFilesKey = "recentFiles";
} // namespace

QString fileBaseNameFor(QString title, const QString &fallback)
{
    title = title.trimmed();
    title.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("-"));
    return title.isEmpty() ? fallback : title;
}

DocumentFiles::DocumentFiles(MainWindow *window)
    : QObject(window), m_window(window), m_controller(window->controller()), m_lock(std::make_unique<MapFileLock>())
{
    connect(m_controller, &DocumentController::fileChangedOnDisk, this, &DocumentFiles::offerReload);
    connect(m_controller, &DocumentController::readOnlyChanged, this, &DocumentFiles::showReadOnly);
}

DocumentFiles::~DocumentFiles() = default;

QString DocumentFiles::fileFilter() { return tr("Journey maps (*.cjm);;All files (*)"); }

QString DocumentFiles::problemsText(const Problems &problems, int maxShown)
{
    QStringList lines;
    for (int i = 0; i < static_cast<int>(problems.size()) && i < maxShown; ++i)
        lines << toQString(problems[static_cast<std::size_t>(i)].toString());
    if (static_cast<int>(problems.size()) > maxShown)
        lines << tr("... and %n more problem(s)", "", static_cast<int>(problems.size()) - maxShown);
    return lines.join(QLatin1Char('\n'));
}

void DocumentFiles::showStatus(const QString &message, int timeout)
{
    m_window->statusBar()->showMessage(message, timeout);
}

// --- opening ---------------------------------------------------------------

MainWindow *DocumentFiles::openFile(const QString &path, MainWindow *from)
{
    const QString absolute = resolvedFilePath(path);
    // Already open: bring that window forward instead of a second copy.
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (auto *window = qobject_cast<MainWindow *>(widget))
            if (window->controller()->filePath() == absolute) {
                window->show();
                window->raise();
                window->activateWindow();
                return window;
            }
    if (from && from->controller()->isPristine())
        return from->loadFile(path) ? from : nullptr;
    auto *window = new MainWindow;
    if (!window->loadFile(path)) {
        window->deleteLater();
        return nullptr;
    }
    window->show();
    return window;
}

void DocumentFiles::open()
{
    const QString dir =
        m_controller->filePath().isEmpty() ? QString() : QFileInfo(m_controller->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Journey Map"), dir, fileFilter());
    if (!path.isEmpty())
        openFile(path, m_window);
}

bool DocumentFiles::loadFile(const QString &path)
{
    const QString absolute = resolvedFilePath(path);         // a link's target: one lock, one file
    const bool wasLocked = m_lock->lockedPath() == absolute; // Revert: ours already
    const bool wasReadOnly = m_controller->isReadOnly();
    if (!wasLocked && !lockForOpening(absolute))
        return false;
    Problems problems;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = m_controller->load(absolute, problems);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        if (!wasLocked) {
            m_lock->release(); // what was open here stays open, and unlocked as before
            m_controller->setReadOnly(wasReadOnly);
        }
        PlainMessageBox box(QMessageBox::Warning, tr("Could Not Open Map"),
                            tr("“%1” could not be opened.").arg(QFileInfo(path).fileName()), QMessageBox::Ok, m_window);
        box.setInformativeText(problemsText(problems));
        QStringList all;
        for (const auto &p : problems)
            all << toQString(formatProblem(toStdString(QFileInfo(path).fileName()), p));
        box.setDetailedText(all.join(QLatin1Char('\n')));
        box.setObjectName(QStringLiteral("openErrorDialog"));
        box.exec();
        return false;
    }
    addToRecentFiles(m_controller->filePath());
    emit opened();
    return true;
}

void DocumentFiles::revert()
{
    if (m_controller->filePath().isEmpty())
        return;
    if (m_controller->isModified()) {
        const auto answer = PlainMessageBox::question(
            m_window, QMessageBox::Question, tr("Revert to Saved"),
            tr("Discard your changes to “%1” and go back to the saved version?").arg(m_controller->displayName()),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    loadFile(m_controller->filePath());
}

// --- locks, read-only, changes on disk ---------------------------------------

bool DocumentFiles::lockForOpening(const QString &path)
{
    switch (m_lock->acquire(path)) {
    case MapFileLock::Outcome::Locked:
    case MapFileLock::Outcome::NotPossible: // a read-only share: nobody can lock it, and saving will say why
        m_controller->setReadOnly(false);
        return true;
    case MapFileLock::Outcome::HeldByOther: break;
    }
    const LockHolder holder = m_lock->holder();
    PlainMessageBox box(QMessageBox::Warning, tr("Map Is Open Elsewhere"),
                        tr("“%1” is already open by %2 (since %3).")
                            .arg(QFileInfo(path).fileName(), MapFileLock::describe(holder),
                                 QLocale().toString(holder.since, QLocale::ShortFormat)),
                        QMessageBox::NoButton, m_window);
    box.setInformativeText(tr("If you both edit it, whoever saves last replaces the other's work. Open it "
                              "read-only to look, and use Save As for your own copy."));
    QPushButton *readOnly = box.addButton(tr("Open Read-Only"), QMessageBox::AcceptRole);
    readOnly->setObjectName(QStringLiteral("openReadOnlyButton"));
    QPushButton *anyway = box.addButton(tr("Open Anyway"), QMessageBox::DestructiveRole);
    anyway->setObjectName(QStringLiteral("openAnywayButton"));
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(readOnly);
    box.setObjectName(QStringLiteral("lockedDialog"));
    box.exec();
    if (box.clickedButton() == readOnly) {
        m_controller->setReadOnly(true);
        return true;
    }
    if (box.clickedButton() == anyway) {
        spdlog::info("{} opened although {} has it open", toStdString(path),
                     toStdString(MapFileLock::describe(holder)));
        m_controller->setReadOnly(false);
        return true;
    }
    return false;
}

void DocumentFiles::releaseLock() { m_lock->release(); }

void DocumentFiles::showReadOnly(bool readOnly)
{
    MessageBar *bar = m_window->messageBar();
    if (readOnly) {
        bar->showTranslated([this, bar] {
            bar->showMessage(
                tr("Read-only: %1 has this map open. Your changes cannot be saved to it; Save As makes your own copy.")
                    .arg(MapFileLock::describe(m_lock->holder())),
                {{tr("Save a Copy As..."), [this] { saveAs(); }, QStringLiteral("saveCopyButton")}},
                MessageBar::Tone::Warning);
        });
    } else if (bar->isVisible()) {
        bar->hide();
    }
}

void DocumentFiles::offerReload()
{
    m_window->messageBar()->showTranslated([this] {
        const QString name = m_controller->displayName();
        const QString text = m_controller->isModified()
                                 ? tr("“%1” was changed on disk by someone else. Reload it? Your unsaved changes are "
                                      "kept as a recovery copy, offered the next time CJM Studio starts.")
                                       .arg(name)
                                 : tr("“%1” was changed on disk by someone else. Reload it?").arg(name);
        m_window->messageBar()->showMessage(
            text,
            {{tr("Reload"), [this] { reloadFromDisk(); }, QStringLiteral("reloadButton")},
             {tr("Keep Mine"), [this] { m_controller->acknowledgeDiskChange(); }, QStringLiteral("keepMineButton")}},
            MessageBar::Tone::Warning);
    });
}

void DocumentFiles::reloadFromDisk()
{
    if (m_controller->isModified())
        m_window->autosaver()->keepCurrentCopy(); // the user's version outlives the reload
    Problems problems;
    if (!m_controller->reload(problems)) {
        // The new version is broken (a half-synced file, a bad merge): keep ours.
        PlainMessageBox box(
            QMessageBox::Warning, tr("Could Not Reload Map"),
            tr("The version of “%1” on disk could not be read; yours stays open.").arg(m_controller->displayName()),
            QMessageBox::Ok, m_window);
        box.setInformativeText(problemsText(problems));
        box.setObjectName(QStringLiteral("reloadErrorDialog"));
        box.exec();
        return;
    }
    showStatus(tr("Reloaded %1 from disk").arg(m_controller->displayName()), 5000);
}

// --- saving ------------------------------------------------------------------

bool DocumentFiles::saveFile(const QString &path)
{
    // Someone else saved this file since we opened or saved it: saving now
    // would silently throw their work away.
    if (resolvedFilePath(path) == m_controller->filePath() && m_controller->changedOnDisk()) {
        PlainMessageBox box(QMessageBox::Warning, tr("File Changed on Disk"),
                            tr("“%1” was changed by someone else since you opened it.").arg(QFileInfo(path).fileName()),
                            QMessageBox::NoButton, m_window);
        box.setInformativeText(tr("Overwriting replaces their changes with yours. Save your version under "
                                  "another name to keep both."));
        QPushButton *saveAsButton = box.addButton(tr("Save As..."), QMessageBox::AcceptRole);
        QPushButton *overwrite = box.addButton(tr("Overwrite"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(saveAsButton);
        box.setObjectName(QStringLiteral("changedOnDiskDialog"));
        box.exec();
        if (box.clickedButton() == saveAsButton)
            return saveAs();
        if (box.clickedButton() != overwrite)
            return false;
    }
    const QString absolute = resolvedFilePath(path); // a link to the read-only map is that map
    if (m_controller->isReadOnly() && absolute == m_controller->filePath())
        return saveAs(); // someone else's file: never written from a read-only window
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = m_controller->save(path, error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        PlainMessageBox box(QMessageBox::Warning, tr("Could Not Save Map"),
                            tr("“%1” could not be saved.").arg(QFileInfo(path).fileName()), QMessageBox::Ok, m_window);
        box.setInformativeText(tr("%1\n\nThe file on disk was not changed, and your map is still open.").arg(error));
        box.setObjectName(QStringLiteral("saveErrorDialog"));
        box.exec();
        return false;
    }
    if (m_lock->lockedPath() != m_controller->filePath()) {
        // Saved under a new name: that file is ours now, the old one is not.
        m_lock->acquire(m_controller->filePath());
        m_controller->setReadOnly(false);
    }
    addToRecentFiles(m_controller->filePath());
    showStatus(tr("Saved %1").arg(QFileInfo(path).fileName()), 3000);
    return true;
}

bool DocumentFiles::save()
{
    if (m_controller->filePath().isEmpty() || m_controller->isReadOnly())
        return saveAs();
    return saveFile(m_controller->filePath());
}

bool DocumentFiles::saveAs()
{
    QString suggested = m_controller->filePath();
    if (suggested.isEmpty())
        suggested = fileBaseNameFor(toQString(m_controller->document().journey().title), tr("Untitled")) +
                    QStringLiteral(".cjm");
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Journey Map"), suggested, fileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".cjm");
    return saveFile(path);
}

bool DocumentFiles::maybeSave()
{
    if (!m_controller->isModified())
        return true;
    const auto answer =
        PlainMessageBox::question(m_window, QMessageBox::Warning, tr("Unsaved Changes"),
                                  tr("Save the changes to “%1” before closing?").arg(m_controller->displayName()),
                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

// --- recent files ------------------------------------------------------------

QStringList DocumentFiles::recentFiles() { return QSettings().value(QLatin1String(kRecentFilesKey)).toStringList(); }

void DocumentFiles::addToRecentFiles(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(QLatin1String(kRecentFilesKey), files);
}

void DocumentFiles::fillRecentMenu(QMenu *menu)
{
    menu->clear();
    const QStringList files = recentFiles();
    for (const QString &path : files) {
        QAction *action = menu->addAction(QFileInfo(path).fileName());
        action->setToolTip(plainToolTip(path));
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openFile(path, m_window); });
    }
    if (files.isEmpty()) {
        menu->addAction(tr("No recent maps"))->setEnabled(false);
        return;
    }
    menu->addSeparator();
    connect(menu->addAction(tr("Clear Menu")), &QAction::triggered, this,
            [] { QSettings().remove(QLatin1String(kRecentFilesKey)); });
}

// --- crash recovery ----------------------------------------------------------

MainWindow *DocumentFiles::restoreRecovered(const RecoveryEntry &entry, const RecoveryStore &store)
{
    auto result = readDocumentFile(toStdString(entry.mapPath));
    if (!result.ok())
        return nullptr;
    auto *window = new MainWindow;
    if (!entry.originalPath.isEmpty() && !window->files()->lockForOpening(entry.originalPath)) {
        delete window;
        return nullptr;
    }
    window->controller()->resetDocument(std::move(*result.document), entry.originalPath);
    window->controller()->markModified();
    window->autosaver()->saveNow(); // protected again under this window's own copy
    store.remove(entry.id);
    window->show();
    window->statusBar()->showMessage(tr("Restored from %1; save to keep it.")
                                         .arg(QLocale().toString(entry.time.toLocalTime(), QLocale::ShortFormat)));
    return window;
}

// --- another version, to compare with -------------------------------------------

QString DocumentFiles::chooseOtherVersion()
{
    const QString dir =
        m_controller->filePath().isEmpty() ? QString() : QFileInfo(m_controller->filePath()).absolutePath();
    return QFileDialog::getOpenFileName(m_window, tr("Compare With"), dir, fileFilter());
}

std::optional<Document> DocumentFiles::readOtherVersion(const QString &path)
{
    auto result = readDocumentFile(toStdString(path));
    if (!result.ok()) {
        PlainMessageBox box(QMessageBox::Warning, tr("Could Not Compare"),
                            tr("“%1” could not be read.").arg(QFileInfo(path).fileName()), QMessageBox::Ok, m_window);
        box.setInformativeText(problemsText(result.problems));
        box.setObjectName(QStringLiteral("compareErrorDialog"));
        box.exec();
        return std::nullopt;
    }
    return std::move(*result.document);
}

// --- new, unsaved maps ---------------------------------------------------------

void DocumentFiles::newMap()
{
    if (m_controller->isPristine())
        return;
    auto *window = new MainWindow;
    window->show();
}

MainWindow *DocumentFiles::openUnsaved(Document document, const QString &message)
{
    MainWindow *window = m_controller->isPristine() ? m_window : new MainWindow;
    window->controller()->resetDocument(std::move(document), QString());
    window->controller()->markModified(); // not on disk yet: closing asks
    window->show();
    window->view()->resetZoom();
    window->view()->ensureVisible(QRectF(0, 0, 1, 1)); // the title and the first stage, as when opening a file
    window->statusBar()->showMessage(message, 6000);
    return window;
}

void DocumentFiles::newFromTemplate()
{
    TemplateDialog dialog(availableTemplates(currentLanguage()), m_window);
    if (dialog.exec() != QDialog::Accepted || !dialog.chosen())
        return;
    newFromTemplateFile(dialog.chosen()->path);
}

void DocumentFiles::newWithWizard()
{
    // Built-in templates only: the wizard offers their stages and lanes.
    SetupWizard wizard(availableTemplates(currentLanguage(), QString()), currentLanguage(), m_window);
    if (wizard.exec() != QDialog::Accepted)
        return;
    openUnsaved(wizard.result(), tr("Your new map; save it to keep it."));
}

MainWindow *DocumentFiles::newFromTemplateFile(const QString &path)
{
    QString error;
    auto document = documentFromTemplate(path, &error);
    if (!document) {
        PlainMessageBox::warning(m_window, tr("Could Not Use Template"),
                                 tr("The template “%1” could not be read: %2").arg(QFileInfo(path).fileName(), error));
        return nullptr;
    }
    return openUnsaved(std::move(*document), tr("New map from a template; save it to keep it."));
}

MainWindow *DocumentFiles::createFutureStateCopy()
{
    return openUnsaved(futureStateCopy(m_controller->document(), tr(" (future state)")),
                       tr("A future-state copy: design the improved journey, and use Compare With... to see it "
                          "beside the current one."));
}

void DocumentFiles::importCsv()
{
    const QString dir =
        m_controller->filePath().isEmpty() ? QString() : QFileInfo(m_controller->filePath()).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Import CSV"), dir, tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        importCsvFile(path);
}

MainWindow *DocumentFiles::importCsvFile(const QString &path)
{
    CsvImportDialog dialog(path, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return nullptr;
    std::optional<Document> document = dialog.takeDocument();
    if (!document)
        return nullptr;
    return openUnsaved(std::move(*document),
                       tr("Imported from %1; save to keep the map.").arg(QFileInfo(path).fileName()));
}

QString DocumentFiles::mapFolder() const
{
    return m_controller->filePath().isEmpty() ? QString() : QFileInfo(m_controller->filePath()).absolutePath();
}

void DocumentFiles::importWorkbook()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import Excel Workbook"), mapFolder(),
                                                      tr("Excel workbooks (*.xlsx);;All files (*)"));
    if (!path.isEmpty())
        importWorkbookFile(path);
}

MainWindow *DocumentFiles::importWorkbookFile(const QString &path)
{
    SpreadsheetRead read = readSpreadsheetFile(path);
    if (!read.document) {
        PlainMessageBox::warning(m_window, tr("Import Excel Workbook"),
                                 tr("Could not import %1.").arg(QFileInfo(path).fileName()), read.error);
        return nullptr;
    }
    return openUnsaved(std::move(*read.document),
                       tr("Imported from %1; save to keep the map.").arg(QFileInfo(path).fileName()));
}

void DocumentFiles::updateFromSpreadsheet()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Update from Spreadsheet"), mapFolder(),
                                                      tr("Spreadsheets (*.xlsx *.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    SheetUpdateDialog dialog(*m_controller, path, m_window);
    dialog.exec();
}

bool DocumentFiles::saveAsTemplate()
{
    const QString folder = userTemplatesFolder();
    QDir().mkpath(folder);
    const QString suggested = folder + QLatin1Char('/') +
                              fileBaseNameFor(toQString(m_controller->document().journey().title), tr("Template")) +
                              QStringLiteral(".cjm");
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save as Template"), suggested, fileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".cjm");
    auto written = defaultFileSystem().writeAtomically(toStdString(path), writeDocument(m_controller->document()));
    if (!written.ok) {
        PlainMessageBox::warning(m_window, tr("Could Not Save Template"), toQString(written.error));
        return false;
    }
    showStatus(tr("Saved as a template: File ▸ New from Template... offers it now."), 5000);
    return true;
}

} // namespace cjm
