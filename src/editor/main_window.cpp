#include "main_window.hpp"

#include <QAction>
#include <QActionGroup>
#include <QFile>
#include <QTextStream>
#include <QVBoxLayout>
#include <QDir>
#include <QDockWidget>
#include <QTimer>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QRegularExpression>
#include <QDate>
#include <QLocale>
#include <spdlog/spdlog.h>
#include <algorithm>

#include "csv_import_dialog.hpp"
#include "document_controller.hpp"
#include "edit_actions.hpp"
#include "export_dialog.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "new_map.hpp"
#include "autosaver.hpp"
#include "cjm/document_io.hpp"
#include "cjm/review.hpp"
#include "cjm/file_io.hpp"
#include "recovery_store.hpp"
#include "find_bar.hpp"
#include "map_templates.hpp"
#include "template_dialog.hpp"
#include "setup_wizard.hpp"
#include "file_paths.hpp"
#include "map_file_lock.hpp"
#include "message_bar.hpp"
#include "palette_widget.hpp"
#include "plain_message.hpp"
#include "window_docks.hpp"
#include "qt_text.hpp"
#include "translations.hpp"

namespace cjm {

namespace {
constexpr int kMaxRecentFiles = 10;
const char *const kRecentFilesKey = "recentFiles";

QString fileFilter() { return MainWindow::tr("Journey maps (*.cjm);;All files (*)"); }

// A title as a file name: characters no file system accepts become '-'.
QString fileBaseNameFor(QString title, const QString &fallback)
{
    title = title.trimmed();
    title.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("-"));
    return title.isEmpty() ? fallback : title;
}

bool isMapFile(const QUrl &url) { return url.isLocalFile() && url.toLocalFile().endsWith(QStringLiteral(".cjm"), Qt::CaseInsensitive); }
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setAcceptDrops(true);
    m_controller = new DocumentController(this);
    m_controller->resetDocument(newDefaultMap(), QString());
    m_scene = new MapScene(m_controller, this);
    m_view = new MapView(m_scene, this);
    connect(m_view, &MapView::filesDropped, this, [this](const QStringList &paths) {
        for (const QString &path : paths)
            if (path.endsWith(QStringLiteral(".cjm"), Qt::CaseInsensitive))
                openFile(path, this);
    });
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_messageBar = new MessageBar(central);
    centralLayout->addWidget(m_messageBar);
    m_findBar = new FindBar(m_view, central);
    centralLayout->addWidget(m_findBar);
    centralLayout->addWidget(m_view, 1);
    setCentralWidget(central);

    m_docks = new WindowDocks(this, m_controller, m_scene, m_view, m_messageBar);

    m_edit = new EditActions(this, m_controller, m_scene, m_view, m_findBar);
    createActions();
    m_countsLabel = plainLabel(QString(), this);
    m_selectionLabel = plainLabel(QString(), this);
    m_zoomLabel = plainLabel(QString(), this);
    statusBar()->addWidget(m_countsLabel, 1);
    statusBar()->addPermanentWidget(m_selectionLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);

    connect(m_controller, &DocumentController::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_controller, &DocumentController::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_controller, &DocumentController::documentReset, this, &MainWindow::updateTitle);
    connect(m_scene, &MapScene::layoutChanged, this, &MainWindow::updateStatus);
    connect(m_scene, &MapScene::cardSelectionChanged, this, &MainWindow::updateStatus);
    connect(m_view, &MapView::zoomChanged, this, &MainWindow::updateStatus);
    m_controller->setBackupsEnabled(QSettings().value(QStringLiteral("backups/enabled"), true).toBool());
    m_autosaver = new Autosaver(m_controller, RecoveryStore(), this);
    connect(m_autosaver, &Autosaver::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(message), 8000);
    });
    m_lock = std::make_unique<MapFileLock>();
    connect(m_controller, &DocumentController::fileChangedOnDisk, this, &MainWindow::offerReload);
    connect(m_controller, &DocumentController::readOnlyChanged, this, &MainWindow::applyReadOnly);
    connect(m_controller, &DocumentController::editRefused, this, [this] {
        statusBar()->showMessage(tr("This map is open read-only. Use Save As to make your own copy."), 5000);
    });
    readSettings();
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // Children die after this destructor, the scene clearing its items on
    // the way: none of their signals may reach the window or the docks.
    m_controller->blockSignals(true);
    m_scene->blockSignals(true);
    m_view->blockSignals(true);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QToolBar *toolbar = addToolBar(tr("Main Toolbar"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto add = [this](QMenu *menu, const QString &text, QKeySequence shortcut, auto slot) {
        QAction *action = menu->addAction(text);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    QAction *newAction = add(file, tr("&New"), QKeySequence::New, &MainWindow::newMap);
    add(file, tr("New from &Template..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), &MainWindow::newFromTemplate);
    add(file, tr("New with Wi&zard..."), QKeySequence(), &MainWindow::newWithWizard);
    QAction *openAction = add(file, tr("&Open..."), QKeySequence::Open, &MainWindow::open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    QMenu *importMenu = file->addMenu(tr("&Import"));
    add(importMenu, tr("&CSV..."), QKeySequence(), &MainWindow::importCsv);
    add(file, tr("Compare &With..."), QKeySequence(), &MainWindow::compareWith);
    add(file, tr("Mar&k Map Reviewed"), QKeySequence(), &MainWindow::markReviewed);
    add(file, tr("Create &Future-State Copy"), QKeySequence(), &MainWindow::createFutureStateCopy);
    add(file, tr("Save as Te&mplate..."), QKeySequence(), &MainWindow::saveAsTemplate);
    file->addSeparator();
    QAction *saveAction = add(file, tr("&Save"), QKeySequence::Save, &MainWindow::save);
    // QKeySequence::SaveAs is empty on some desktops; Ctrl+Shift+S everywhere.
    add(file, tr("Save &As..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), &MainWindow::saveAs);
    m_revertAction = add(file, tr("Re&vert to Saved"), QKeySequence(), &MainWindow::revert);
    file->addSeparator();
    QAction *exportAction = add(file, tr("&Export..."), QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::exportMap);
    add(file, tr("&Print..."), QKeySequence::Print, &MainWindow::print);
    file->addSeparator();
    add(file, tr("&Close"), QKeySequence::Close, &QWidget::close);
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, qApp, &QApplication::closeAllWindows);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({m_edit->undoAction(), m_edit->redoAction()});
    edit->addSeparator();
    edit->addActions({m_edit->cutAction(), m_edit->copyAction(), m_edit->pasteAction(), m_edit->duplicateAction(),
                      m_edit->findAction()});
    edit->addSeparator();
    edit->addActions({m_edit->deleteAction(), m_edit->selectAllAction()});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = view->addAction(tr("Zoom &In"));
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(zoomIn, &QAction::triggered, m_view, &MapView::zoomIn);
    QAction *zoomOut = view->addAction(tr("Zoom &Out"));
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    connect(zoomOut, &QAction::triggered, m_view, &MapView::zoomOut);
    QAction *actual = view->addAction(tr("&Actual Size"));
    actual->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(actual, &QAction::triggered, m_view, &MapView::resetZoom);
    QAction *fit = view->addAction(tr("&Fit to Window"));
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_9));
    connect(fit, &QAction::triggered, m_view, &MapView::fitToWindow);
    view->addSeparator();
    QAction *heatStrip = view->addAction(tr("Pain &Heat Strip"));
    heatStrip->setObjectName(QStringLiteral("heatStripAction"));
    heatStrip->setCheckable(true);
    heatStrip->setToolTip(tr("Under each stage header, how much its pain points and barriers weigh"));
    heatStrip->setChecked(QSettings().value(QStringLiteral("view/heatStrip"), false).toBool());
    m_scene->setShowHeatStrip(heatStrip->isChecked());
    connect(heatStrip, &QAction::toggled, this, [this](bool on) {
        m_scene->setShowHeatStrip(on);
        QSettings().setValue(QStringLiteral("view/heatStrip"), on);
    });
    view->addSeparator();
    {
        // View ▸ Language: stored for the next start (the open windows keep theirs).
        QMenu *languageMenu = view->addMenu(tr("&Language"));
        auto *languages = new QActionGroup(languageMenu);
        const QString current = languageSetting();
        const std::pair<QString, QString> choices[] = {{QStringLiteral("system"), tr("&System")},
                                                       {QStringLiteral("en"), QStringLiteral("English")},
                                                       {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
                                                       {QStringLiteral("zh_TW"), QStringLiteral("繁體中文")}};
        for (const auto &[setting, label] : choices) {
            QAction *action = languageMenu->addAction(label);
            action->setCheckable(true);
            action->setChecked(setting == current);
            action->setData(setting);
            languages->addAction(action);
            connect(action, &QAction::triggered, this, [this, setting] {
                setLanguageSetting(setting);
                statusBar()->showMessage(tr("The language changes the next time CJM Studio starts."), 8000);
            });
        }
        if (!languages->checkedAction())
            languages->actions().constFirst()->setChecked(true);
    }
    view->addAction(toolbar->toggleViewAction());
    QTimer::singleShot(0, this, [this, view] {
        for (QDockWidget *dock : m_docks->docks())
            view->addAction(dock->toggleViewAction());
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About CJM Studio"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        PlainMessageBox box(QMessageBox::NoIcon, tr("About CJM Studio"),
                            tr("CJM Studio %1").arg(QApplication::applicationVersion()), QMessageBox::Ok, this);
        box.setInformativeText(tr("A desktop editor for customer journey maps."));
        box.setIconPixmap(QApplication::windowIcon().pixmap(64, 64));
        box.setObjectName(QStringLiteral("aboutDialog"));
        box.exec();
    });

    for (QAction *action : {newAction, openAction, saveAction, exportAction})
        toolbar->addAction(action);
    toolbar->addSeparator();
    toolbar->addAction(m_edit->undoAction());
    toolbar->addAction(m_edit->redoAction());
    toolbar->addSeparator();
    toolbar->addAction(zoomOut);
    toolbar->addAction(zoomIn);
    toolbar->addAction(fit);
}

void MainWindow::updateTitle()
{
    if (m_controller->isReadOnly())
        setWindowTitle(tr("%1 [Read-Only] — CJM Studio").arg(m_controller->displayName()));
    else
        setWindowTitle(tr("%1[*] — CJM Studio").arg(m_controller->displayName()));
    setWindowModified(m_controller->isModified());
    setWindowFilePath(m_controller->filePath());
    m_revertAction->setEnabled(!m_controller->filePath().isEmpty());
}

void MainWindow::updateStatus()
{
    const Document &doc = m_controller->document();
    m_countsLabel->setText(tr("%n persona(s)", "", static_cast<int>(doc.personas().size())) + QStringLiteral("  ·  ") +
                           tr("%n stage(s)", "", static_cast<int>(doc.stages().size())) + QStringLiteral("  ·  ") +
                           tr("%n card(s)", "", static_cast<int>(doc.cards().size())));
    const int selected = static_cast<int>(m_scene->selectedCards().size());
    m_selectionLabel->setText(selected > 0 ? tr("%n card(s) selected", "", selected) : QString());
    m_zoomLabel->setText(tr("Zoom %1%").arg(qRound(m_view->zoom() * 100)));
}

QString MainWindow::problemsText(const QString &path, const Problems &problems, int maxShown)
{
    QStringList lines;
    for (int i = 0; i < static_cast<int>(problems.size()) && i < maxShown; ++i)
        lines << toQString(problems[static_cast<std::size_t>(i)].toString());
    if (static_cast<int>(problems.size()) > maxShown)
        lines << tr("... and %n more problem(s)", "", static_cast<int>(problems.size()) - maxShown);
    Q_UNUSED(path);
    return lines.join(QLatin1Char('\n'));
}

bool MainWindow::loadFile(const QString &path)
{
    const QString absolute = resolvedFilePath(path); // a link's target: one lock, one file
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
                            tr("“%1” could not be opened.").arg(QFileInfo(path).fileName()), QMessageBox::Ok, this);
        box.setInformativeText(problemsText(path, problems));
        QStringList all;
        for (const auto &p : problems)
            all << toQString(formatProblem(toStdString(QFileInfo(path).fileName()), p));
        box.setDetailedText(all.join(QLatin1Char('\n')));
        box.setObjectName(QStringLiteral("openErrorDialog"));
        box.exec();
        return false;
    }
    addToRecentFiles(m_controller->filePath());
    m_view->resetZoom();
    m_view->ensureVisible(QRectF(0, 0, 1, 1));
    if (!m_controller->isReadOnly()) // a read-only map cannot be marked reviewed; its bar says why
        showReviewDueIfAny();
    m_docks->showConflictsIfAny(); // the more urgent news wins the bar
    return true;
}

void MainWindow::showReviewDueIfAny()
{
    const Journey &journey = m_controller->document().journey();
    const ReviewStatus status = reviewStatus(journey, localToday());
    if (!status.due())
        return;
    const QString when = status.state == ReviewState::DueToday
                             ? tr("The review of this map is due today.")
                             : tr("The review of this map is overdue by %n day(s).", "", -status.daysUntil);
    QString details;
    if (!journey.owner.empty())
        details += QLatin1Char(' ') + tr("Owner: %1.").arg(toQString(journey.owner));
    if (journey.reviewIntervalDays > 0)
        details += QLatin1Char(' ') + tr("Reviewed every %n day(s).", "", journey.reviewIntervalDays);
    m_messageBar->showMessage(when + details,
                              {{tr("Mark Reviewed"), [this] { markReviewed(); }, QStringLiteral("markReviewedButton")}});
}

void MainWindow::markReviewed()
{
    const Journey reviewed = cjm::markReviewed(m_controller->document().journey(), localToday());
    if (!m_controller->apply(setJourney(reviewed), tr("Mark Reviewed"), ChangeHint::journey()))
        return;
    statusBar()->showMessage(reviewed.nextReview ? tr("Reviewed. The next review is on %1.")
                                                       .arg(QLocale().toString(
                                                           QDate::fromString(toQString(*reviewed.nextReview), Qt::ISODate),
                                                           QLocale::LongFormat))
                                                 : tr("Reviewed. No further review is scheduled (set an interval in "
                                                      "the journey's details)."),
                             6000);
}

MainWindow *MainWindow::openUnsaved(Document document, const QString &message)
{
    MainWindow *window = m_controller->isPristine() ? this : new MainWindow;
    window->controller()->resetDocument(std::move(document), QString());
    window->controller()->markModified(); // not on disk yet: closing asks
    window->show();
    window->view()->resetZoom();
    window->view()->ensureVisible(QRectF(0, 0, 1, 1)); // the title and the first stage, as when opening a file
    window->statusBar()->showMessage(message, 6000);
    return window;
}

void MainWindow::newFromTemplate()
{
    TemplateDialog dialog(availableTemplates(currentLanguage()), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.chosen())
        return;
    newFromTemplateFile(dialog.chosen()->path);
}

void MainWindow::newWithWizard()
{
    // Built-in templates only: the wizard offers their stages and lanes.
    SetupWizard wizard(availableTemplates(currentLanguage(), QString()), currentLanguage(), this);
    if (wizard.exec() != QDialog::Accepted)
        return;
    openUnsaved(wizard.result(), tr("Your new map; save it to keep it."));
}

MainWindow *MainWindow::newFromTemplateFile(const QString &path)
{
    QString error;
    auto document = documentFromTemplate(path, &error);
    if (!document) {
        PlainMessageBox::warning(this, tr("Could Not Use Template"),
                                 tr("The template “%1” could not be read: %2").arg(QFileInfo(path).fileName(), error));
        return nullptr;
    }
    return openUnsaved(std::move(*document), tr("New map from a template; save it to keep it."));
}

MainWindow *MainWindow::createFutureStateCopy()
{
    return openUnsaved(futureStateCopy(m_controller->document(), tr(" (future state)")),
                       tr("A future-state copy: design the improved journey, and use Compare With... to see it "
                          "beside the current one."));
}

bool MainWindow::saveAsTemplate()
{
    const QString folder = userTemplatesFolder();
    QDir().mkpath(folder);
    const QString suggested =
        folder + QLatin1Char('/') + fileBaseNameFor(toQString(m_controller->document().journey().title), tr("Template")) +
        QStringLiteral(".cjm");
    QString path = QFileDialog::getSaveFileName(this, tr("Save as Template"), suggested, fileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".cjm");
    auto written = defaultFileSystem().writeAtomically(toStdString(path), writeDocument(m_controller->document()));
    if (!written.ok) {
        PlainMessageBox::warning(this, tr("Could Not Save Template"), toQString(written.error));
        return false;
    }
    statusBar()->showMessage(tr("Saved as a template: File ▸ New from Template... offers it now."), 5000);
    return true;
}

void MainWindow::compareWith()
{
    const QString dir = m_controller->filePath().isEmpty() ? QString() : QFileInfo(m_controller->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare With"), dir, fileFilter());
    if (!path.isEmpty())
        compareWithFile(path);
}

bool MainWindow::compareWithFile(const QString &path)
{
    auto result = readDocumentFile(toStdString(path));
    if (!result.ok()) {
        PlainMessageBox box(QMessageBox::Warning, tr("Could Not Compare"),
                            tr("“%1” could not be read.").arg(QFileInfo(path).fileName()), QMessageBox::Ok, this);
        box.setInformativeText(problemsText(path, result.problems));
        box.setObjectName(QStringLiteral("compareErrorDialog"));
        box.exec();
        return false;
    }
    m_docks->showComparison(std::move(*result.document), QFileInfo(path).fileName());
    return true;
}

MainWindow *MainWindow::openFile(const QString &path, MainWindow *from)
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

bool MainWindow::lockForOpening(const QString &path)
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
                        QMessageBox::NoButton, this);
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
        spdlog::info("{} opened although {} has it open", toStdString(path), toStdString(MapFileLock::describe(holder)));
        m_controller->setReadOnly(false);
        return true;
    }
    return false;
}

void MainWindow::applyReadOnly(bool readOnly)
{
    m_docks->setEditingEnabled(!readOnly);
    if (readOnly) {
        m_messageBar->showMessage(
            tr("Read-only: %1 has this map open. Your changes cannot be saved to it; Save As makes your own copy.")
                .arg(MapFileLock::describe(m_lock->holder())),
            {{tr("Save a Copy As..."), [this] { saveAs(); }, QStringLiteral("saveCopyButton")}},
            MessageBar::Tone::Warning);
    } else if (m_messageBar->isVisible()) {
        m_messageBar->hide();
    }
    updateTitle();
}

void MainWindow::offerReload()
{
    const QString name = m_controller->displayName();
    const QString text = m_controller->isModified()
                             ? tr("“%1” was changed on disk by someone else. Reload it? Your unsaved changes are "
                                  "kept as a recovery copy, offered the next time CJM Studio starts.")
                                   .arg(name)
                             : tr("“%1” was changed on disk by someone else. Reload it?").arg(name);
    m_messageBar->showMessage(text,
                              {{tr("Reload"), [this] { reloadFromDisk(); }, QStringLiteral("reloadButton")},
                               {tr("Keep Mine"), [this] { m_controller->acknowledgeDiskChange(); },
                                QStringLiteral("keepMineButton")}},
                              MessageBar::Tone::Warning);
}

void MainWindow::reloadFromDisk()
{
    if (m_controller->isModified())
        m_autosaver->keepCurrentCopy(); // the user's version outlives the reload
    Problems problems;
    if (!m_controller->reload(problems)) {
        // The new version is broken (a half-synced file, a bad merge): keep ours.
        PlainMessageBox box(QMessageBox::Warning, tr("Could Not Reload Map"),
                            tr("The version of “%1” on disk could not be read; yours stays open.")
                                .arg(m_controller->displayName()),
                            QMessageBox::Ok, this);
        box.setInformativeText(problemsText(m_controller->filePath(), problems));
        box.setObjectName(QStringLiteral("reloadErrorDialog"));
        box.exec();
        return;
    }
    statusBar()->showMessage(tr("Reloaded %1 from disk").arg(m_controller->displayName()), 5000);
}

bool MainWindow::saveFile(const QString &path)
{
    // Someone else saved this file since we opened or saved it: saving now
    // would silently throw their work away.
    if (resolvedFilePath(path) == m_controller->filePath() && m_controller->changedOnDisk()) {
        PlainMessageBox box(QMessageBox::Warning, tr("File Changed on Disk"),
                            tr("“%1” was changed by someone else since you opened it.")
                                .arg(QFileInfo(path).fileName()),
                            QMessageBox::NoButton, this);
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
                            tr("“%1” could not be saved.").arg(QFileInfo(path).fileName()), QMessageBox::Ok, this);
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
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 3000);
    return true;
}

void MainWindow::exportMap()
{
    ExportDialog dialog(m_controller->document(), m_scene->selectedCardIds(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExportOptions options = dialog.options();
    const QString suffix = ExportDialog::fileSuffix(options.format);
    QFileInfo current(m_controller->filePath());
    const QString base = m_controller->filePath().isEmpty()
                             ? fileBaseNameFor(toQString(m_controller->document().journey().title), tr("Journey map"))
                             : current.completeBaseName();
    const QString folder = m_controller->filePath().isEmpty() ? QString() : current.absolutePath() + QLatin1Char('/');
    QString path = QFileDialog::getSaveFileName(this, tr("Export Map"), folder + base + QLatin1Char('.') + suffix,
                                                ExportDialog::fileFilter(options.format));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    exportTo(options, path);
}

bool MainWindow::exportTo(const ExportOptions &options, const QString &path)
{
    QProgressDialog progress(this);
    progress.setLabel(plainLabel(tr("Exporting %1...").arg(QFileInfo(path).fileName()))); // a name the user chose
    progress.setCancelButtonText(tr("Cancel"));
    progress.setRange(0, 0);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400); // only long exports show it
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const ExportResult result = cjm::exportMap(m_controller->document(), options, path, [&](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        QApplication::processEvents();
        return !progress.wasCanceled();
    });
    QApplication::restoreOverrideCursor();
    progress.reset();
    if (!result.ok) {
        if (!progress.wasCanceled()) {
            PlainMessageBox box(QMessageBox::Warning, tr("Could Not Export Map"), result.error, QMessageBox::Ok, this);
            box.setObjectName(QStringLiteral("exportErrorDialog"));
            box.exec();
        }
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

int MainWindow::printTo(QPrinter *printer)
{
    ExportOptions options; // the whole map, fitted on a page
    options.format = ExportFormat::Pdf;
    QPainter painter;
    if (!painter.begin(printer))
        return 0;
    // The pages are laid out in points; the printer counts device pixels.
    const qreal toDevice = printer->resolution() / 72.0;
    painter.scale(toDevice, toDevice);
    const QRectF page(QPointF(0, 0), printer->pageLayout().paintRect(QPageLayout::Point).size());
    const int pages = paintMapPages(m_controller->document(), options, painter, page, [printer] { return printer->newPage(); });
    painter.end();
    return pages;
}

void MainWindow::print()
{
    QPrinter printer(QPrinter::HighResolution);
    ExportOptions options;
    options.format = ExportFormat::Pdf;
    printer.setPageLayout(exportPageLayout(m_controller->document(), options));
    printer.setDocName(toQString(m_controller->document().journey().title));
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(tr("Print Preview"));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter *p) { printTo(p); });
    preview.exec();
}

void MainWindow::writeGeometryForTests(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    QTextStream out(&file);
    if (auto *palette = findChild<PaletteWidget *>()) {
        for (int i = 0; i < palette->count(); ++i) {
            const QRect r = palette->visualItemRect(palette->item(i));
            const QPoint c = palette->viewport()->mapToGlobal(r.center());
            out << "palette " << palette->item(i)->data(Qt::UserRole + 1).toString() << ' ' << c.x() << ' ' << c.y()
                << '\n';
        }
    }
    const MapLayout &layout = m_scene->mapLayout();
    const Document &doc = m_controller->document();
    for (int b = 0; b < static_cast<int>(layout.bands().size()); ++b)
        for (int r = 0; r < static_cast<int>(layout.bands()[b].rows.size()); ++r)
            for (int st = 0; st < static_cast<int>(layout.stages().size()); ++st) {
                const QRectF cell = layout.cellRect(b, r, st);
                const QPoint c = m_view->viewport()->mapToGlobal(
                    m_view->mapFromScene(QPointF(cell.center().x(), cell.bottom() - 4)));
                if (!m_view->viewport()->rect().contains(m_view->viewport()->mapFromGlobal(c)))
                    continue; // only what can be reached without scrolling
                out << "cell " << b << ':' << toQString(doc.stage(layout.stages()[st].stageId)->name).replace(QLatin1Char(' '), QLatin1Char('_'))
                    << ':' << toQString(toString(layout.bands()[b].rows[r].kind)) << ' ' << c.x() << ' ' << c.y() << '\n';
            }
}

MainWindow *MainWindow::restoreRecovered(const RecoveryEntry &entry, const RecoveryStore &store)
{
    auto result = readDocumentFile(toStdString(entry.mapPath));
    if (!result.ok())
        return nullptr;
    auto *window = new MainWindow;
    if (!entry.originalPath.isEmpty() && !window->lockForOpening(entry.originalPath)) {
        delete window;
        return nullptr;
    }
    window->controller()->resetDocument(std::move(*result.document), entry.originalPath);
    window->controller()->markModified();
    window->m_autosaver->saveNow(); // protected again under this window's own copy
    store.remove(entry.id);
    window->show();
    window->statusBar()->showMessage(tr("Restored from %1; save to keep it.").arg(QLocale().toString(entry.time.toLocalTime(), QLocale::ShortFormat)));
    return window;
}

void MainWindow::copySelection() { m_edit->copySelection(); }
void MainWindow::cutSelection() { m_edit->cutSelection(); }
void MainWindow::paste() { m_edit->paste(); }
void MainWindow::duplicateSelection() { m_edit->duplicateSelection(); }
void MainWindow::find() { m_edit->find(); }

void MainWindow::newMap()
{
    if (m_controller->isPristine())
        return;
    auto *window = new MainWindow;
    window->show();
}

void MainWindow::importCsv()
{
    const QString dir = m_controller->filePath().isEmpty() ? QString() : QFileInfo(m_controller->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Import CSV"), dir, tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        importCsvFile(path);
}

MainWindow *MainWindow::importCsvFile(const QString &path)
{
    CsvImportDialog dialog(path, this);
    if (dialog.exec() != QDialog::Accepted)
        return nullptr;
    std::optional<Document> document = dialog.takeDocument();
    if (!document)
        return nullptr;
    MainWindow *window = m_controller->isPristine() ? this : new MainWindow;
    window->m_controller->resetDocument(std::move(*document), QString());
    window->m_controller->markModified(); // a new map: closing asks to save it
    window->m_view->resetZoom();
    window->m_view->ensureVisible(QRectF(0, 0, 1, 1));
    window->show();
    window->statusBar()->showMessage(tr("Imported from %1; save to keep the map.").arg(QFileInfo(path).fileName()));
    return window;
}

void MainWindow::open()
{
    const QString dir = m_controller->filePath().isEmpty() ? QString() : QFileInfo(m_controller->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Journey Map"), dir, fileFilter());
    if (!path.isEmpty())
        openFile(path, this);
}

bool MainWindow::save()
{
    if (m_controller->filePath().isEmpty() || m_controller->isReadOnly())
        return saveAs();
    return saveFile(m_controller->filePath());
}

bool MainWindow::saveAs()
{
    QString suggested = m_controller->filePath();
    if (suggested.isEmpty())
        suggested = fileBaseNameFor(toQString(m_controller->document().journey().title), tr("Untitled")) +
                    QStringLiteral(".cjm");
    QString path = QFileDialog::getSaveFileName(this, tr("Save Journey Map"), suggested, fileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".cjm");
    return saveFile(path);
}

void MainWindow::revert()
{
    if (m_controller->filePath().isEmpty())
        return;
    if (m_controller->isModified()) {
        const auto answer = PlainMessageBox::question(
            this, QMessageBox::Question, tr("Revert to Saved"),
            tr("Discard your changes to “%1” and go back to the saved version?").arg(m_controller->displayName()),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    loadFile(m_controller->filePath());
}

bool MainWindow::maybeSave()
{
    if (!m_controller->isModified())
        return true;
    const auto answer = PlainMessageBox::question(
        this, QMessageBox::Warning, tr("Unsaved Changes"),
        tr("Save the changes to “%1” before closing?").arg(m_controller->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave()) {
        writeSettings();
        m_autosaver->discard(); // saved or deliberately discarded: nothing to recover
        m_lock->release();      // now, not when the window is finally deleted
        event->accept();
    } else {
        event->ignore();
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (std::any_of(urls.begin(), urls.end(), isMapFile))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls())
        if (isMapFile(url))
            openFile(url.toLocalFile(), this);
    event->acceptProposedAction();
}

QStringList MainWindow::recentFiles() { return QSettings().value(QLatin1String(kRecentFilesKey)).toStringList(); }

void MainWindow::addToRecentFiles(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(QLatin1String(kRecentFilesKey), files);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (const QString &path : files) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(plainToolTip(path));
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openFile(path, this); });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent maps"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("Clear Menu")), &QAction::triggered, this,
            [] { QSettings().remove(QLatin1String(kRecentFilesKey)); });
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

} // namespace cjm
