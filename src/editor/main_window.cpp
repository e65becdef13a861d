#include "main_window.hpp"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QTextStream>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "autosaver.hpp"
#include "cjm/review.hpp"
#include "document_controller.hpp"
#include "document_files.hpp"
#include "edit_actions.hpp"
#include "export_actions.hpp"
#include "find_bar.hpp"
#include "map_operations.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "message_bar.hpp"
#include "new_map.hpp"
#include "palette_panel.hpp"
#include "pane_cycling.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"
#include "recovery_store.hpp"
#include "team_actions.hpp"
#include "translations.hpp"
#include "view_actions.hpp"
#include "window_docks.hpp"

namespace cjm {

namespace {
bool isMapFile(const QUrl &url)
{
    return url.isLocalFile() && url.toLocalFile().endsWith(QStringLiteral(".cjm"), Qt::CaseInsensitive);
}
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
    new PaneCycling(this, m_view); // F6 / Shift+F6 between canvas and docks (a child of the window)

    m_edit = new EditActions(this, m_controller, m_scene, m_view, m_findBar);
    m_export = new ExportActions(this, m_controller, m_scene);
    m_viewActions = new ViewActions(this, m_controller, m_scene, m_view);
    // A panel added later (another feature's) gets its toggle in View too.
    connect(m_docks, &WindowDocks::panelAdded, this, [this](QDockWidget *dock) {
        if (m_viewMenu)
            m_viewMenu->addAction(dock->toggleViewAction());
    });
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
    connect(m_autosaver, &Autosaver::failed, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Autosave failed: %1").arg(message), 8000); });
    m_files = new DocumentFiles(this);
    connect(m_files, &DocumentFiles::opened, this, &MainWindow::showOpened);
    connect(m_controller, &DocumentController::readOnlyChanged, this, &MainWindow::applyReadOnly);
    connect(m_controller, &DocumentController::editRefused, this, [this] {
        statusBar()->showMessage(tr("This map is open read-only. Use Save As to make your own copy."), 5000);
    });
    // The team library (#20): File ▸ Open from / Save to Team Library… (and
    // History… in a team window) after Open Recent, its link in the status
    // bar. TeamActions is made once; placeIn() runs at every (re)build of the
    // menus with the new File menu, its words in the language then.
    auto *team = new TeamActions(this);
    addChromeBuilder(
        [team](const Chrome &chrome) { team->placeIn(chrome.file, chrome.fileLibraryPlace, chrome.view); });
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

// The menus and the toolbar are built here, at the start and again after
// each change of the UI language (retranslateUi), so every word comes from
// the same tr() calls and none can be left in the old language. The actions
// with a state of their own (Edit's, ViewActions') are kept and retranslated
// by their owners; everything here reads its state (checked, enabled) anew.
namespace {
// A toolbar button's words: the menu text without its accelerator. Qt's own
// stripping removes the '&' but leaves the "(N)" that Chinese translations
// append ("新建(&N)" would show as "新建(N)"), and the "..." of a dialog.
QString toolbarText(QString text)
{
    static const QRegularExpression appended(QStringLiteral("\\s*\\(&[^&)]\\)"));
    text.remove(appended);
    text.replace(QLatin1String("&&"), QStringLiteral("\u0001"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\u0001"), QStringLiteral("&"));
    if (text.endsWith(QLatin1String("...")))
        text.chop(3);
    else if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    return text.trimmed();
}
} // namespace

void MainWindow::createActions()
{
    ViewActions *views = m_viewActions;
    QMenu *file = menuBar()->addMenu(tr("&File"));
    // The toolbar itself stays (other features put widgets on it, the team
    // library its avatars): only the buttons made here are made again, in
    // front of theirs.
    if (!m_toolbar) {
        m_toolbar = addToolBar(QString());
        m_toolbar->setObjectName(QStringLiteral("mainToolbar"));
        m_toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    QToolBar *toolbar = m_toolbar;
    toolbar->setWindowTitle(tr("Main Toolbar"));
    qDeleteAll(std::exchange(m_toolbarOwn, {}));         // the separators and short Undo/Redo of the last build
    QAction *foreignStart = toolbar->actions().value(0); // the first of the others' (null: none)
    const auto place = [toolbar, foreignStart](QAction *action) {
        if (!action->isSeparator())
            action->setIconText(toolbarText(action->text()));
        toolbar->insertAction(foreignStart, action);
    };
    const auto separate = [this, toolbar, place] {
        auto *separator = new QAction(toolbar);
        separator->setSeparator(true);
        m_toolbarOwn.append(separator);
        place(separator);
    };

    auto add = [this](QMenu *menu, const QString &text, QKeySequence shortcut, auto slot) {
        QAction *action = menu->addAction(text);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    QAction *newAction = add(file, tr("&New"), QKeySequence::New, &MainWindow::newMap);
    add(file, tr("New from &Template..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        &MainWindow::newFromTemplate);
    add(file, tr("New with Wi&zard..."), QKeySequence(), &MainWindow::newWithWizard);
    QAction *openAction = add(file, tr("&Open..."), QKeySequence::Open, &MainWindow::open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] { m_files->fillRecentMenu(m_recentMenu); });
    QMenu *importMenu = file->addMenu(tr("&Import"));
    QAction *libraryPlace = importMenu->menuAction(); // the team library's entries go before Import
    add(importMenu, tr("&CSV..."), QKeySequence(), &MainWindow::importCsv);
    add(importMenu, tr("&Excel Workbook..."), QKeySequence(), &MainWindow::importWorkbook);
    add(importMenu, tr("&Update from Spreadsheet..."), QKeySequence(), &MainWindow::updateFromSpreadsheet);
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
    add(file, tr("Export as E&xcel Workbook..."), QKeySequence(), &MainWindow::exportWorkbook);
    add(file, tr("&Print..."), QKeySequence::Print, &MainWindow::print);
    file->addSeparator();
    add(file, tr("&Close"), QKeySequence::Close, &QWidget::close);
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, qApp, &QApplication::closeAllWindows);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addActions({m_edit->undoAction(), m_edit->redoAction()});
    edit->addSeparator();
    edit->addActions({m_edit->cutAction(), m_edit->copyAction(), m_edit->pasteAction(), m_edit->duplicateAction(),
                      m_edit->findAction()});
    edit->addAction(views->copyPictureAction());
    edit->addSeparator();
    edit->addActions({m_edit->deleteAction(), m_edit->selectAllAction()});

    QMenu *view = m_viewMenu = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
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
    // The setting is the next window's start; a rebuild (a change of
    // language, made from any window) keeps what this window shows.
    heatStrip->setChecked(m_actionsBuilt ? m_scene->showHeatStrip()
                                         : QSettings().value(QStringLiteral("view/heatStrip"), false).toBool());
    m_scene->setShowHeatStrip(heatStrip->isChecked());
    connect(heatStrip, &QAction::toggled, this, [this](bool on) {
        m_scene->setShowHeatStrip(on);
        QSettings().setValue(QStringLiteral("view/heatStrip"), on);
    });
    view->addSeparator();
    view->addMenu(views->viewsMenu());
    view->addAction(views->presentAction());
    view->addSeparator();
    {
        // View ▸ Language: stored for the next start, and applied at once in
        // every window (each gets QEvent::LanguageChange: changeEvent).
        QMenu *languageMenu = view->addMenu(tr("&Language"));
        languageMenu->setObjectName(QStringLiteral("languageMenu"));
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
            action->setObjectName(QStringLiteral("language_") + setting);
            connect(action, &QAction::triggered, this, [setting] {
                setLanguageSetting(setting);
                installTranslations(languageForSetting(setting, QLocale::system()));
            });
        }
        if (!languages->checkedAction())
            languages->actions().constFirst()->setChecked(true);
    }
    view->addAction(toolbar->toggleViewAction());
    for (QDockWidget *dock : m_docks->docks())
        view->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
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
        place(action);
    separate();
    // The toolbar's Undo and Redo keep one short word: the menu's "Undo Move
    // 3 cards" would widen the button at each step and push the buttons after
    // it from under the pointer. The full text is the tooltip.
    for (QAction *full : {m_edit->undoAction(), m_edit->redoAction()}) {
        auto *fixed = new QAction(full == m_edit->undoAction() ? tr("Undo") : tr("Redo"), toolbar);
        m_toolbarOwn.append(fixed);
        fixed->setObjectName(full == m_edit->undoAction() ? QStringLiteral("undoToolbarAction")
                                                          : QStringLiteral("redoToolbarAction"));
        const auto follow = [fixed, full] {
            fixed->setEnabled(full->isEnabled());
            fixed->setToolTip(plainToolTip(QAction(full->text()).iconText())); // without its & mnemonic
        };
        follow();
        connect(full, &QAction::changed, fixed, follow);
        connect(fixed, &QAction::triggered, full, &QAction::trigger);
        place(fixed);
    }
    separate();
    place(zoomOut);
    place(zoomIn);
    place(fit);

    file->setObjectName(QStringLiteral("fileMenu"));
    m_menus = {file, edit, view, help};
    m_libraryPlace = libraryPlace;
    m_actionsBuilt = true;
    for (const auto &build : m_chromeBuilders)
        build(chrome());
}

MainWindow::Chrome MainWindow::chrome()
{
    return Chrome{m_menus.value(0),
                  m_menus.value(1),
                  m_menus.value(2),
                  m_menus.value(3),
                  m_libraryPlace,
                  m_toolbar,
                  [this](QWidget *widget) {
                      statusBar()->addPermanentWidget(widget);
                      m_chromeStatusWidgets.append(widget);
                  }};
}

void MainWindow::addChromeBuilder(std::function<void(const Chrome &)> build)
{
    m_chromeBuilders.push_back(std::move(build));
    m_chromeBuilders.back()(chrome());
}

void MainWindow::changeEvent(QEvent *event)
{
    // Sent to every window when a translator is installed or removed (View ▸
    // Language in any window): once per burst, from the event loop.
    if (event->type() == QEvent::LanguageChange && !m_retranslatePending) {
        m_retranslatePending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_retranslatePending = false;
                // Only a real change of language rebuilds: translators are
                // also installed again with the same language (startup,
                // tests), and the panels then stay the same objects.
                if (currentLanguage() == m_builtLanguage)
                    return;
                m_builtLanguage = currentLanguage();
                retranslateUi();
            },
            Qt::QueuedConnection);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    // Everything the UI language shows is built again; the map, its undo
    // history, the selection, zoom and scroll position belong to the
    // controller, scene and view, which stay. The layout (docks open,
    // tabbed, floating, their sizes, the toolbar's place) is saved and
    // restored around the rebuild.
    const QByteArray layout = saveState();
    const QPoint scroll(m_view->horizontalScrollBar()->value(), m_view->verticalScrollBar()->value());
    m_edit->retranslate();
    m_viewActions->retranslate();
    menuBar()->clear();
    qDeleteAll(std::exchange(m_menus, {})); // their actions and submenus with them
    m_viewMenu = nullptr;
    for (const QPointer<QWidget> &widget : std::exchange(m_chromeStatusWidgets, {}))
        delete widget.data();
    createActions();
    m_docks->retranslate();
    restoreState(layout);
    statusBar()->clearMessage(); // a passing message in the old language
    updateTitle();
    updateStatus();
    const auto restoreScroll = [view = QPointer<MapView>(m_view), scroll] {
        if (!view)
            return;
        view->horizontalScrollBar()->setValue(scroll.x());
        view->verticalScrollBar()->setValue(scroll.y());
    };
    restoreScroll();
    QTimer::singleShot(0, this, restoreScroll); // after the docks' new sizes are laid out
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

void MainWindow::showOpened()
{
    m_view->resetZoom();
    m_view->ensureVisible(QRectF(0, 0, 1, 1));
    if (!m_controller->isReadOnly()) // a read-only map cannot be marked reviewed; its bar says why
        showReviewDueIfAny();
    m_docks->showConflictsIfAny(); // the more urgent news wins the bar
}

void MainWindow::applyReadOnly(bool readOnly)
{
    m_docks->setEditingEnabled(!readOnly); // DocumentFiles says why in the bar
    updateTitle();
}

void MainWindow::showReviewDueIfAny()
{
    if (!reviewStatus(m_controller->document().journey(), localToday()).due())
        return;
    m_messageBar->showTranslated([this] { showReviewDue(); });
}

void MainWindow::showReviewDue()
{
    const Journey &journey = m_controller->document().journey();
    const ReviewStatus status = reviewStatus(journey, localToday());
    const QString when = status.state == ReviewState::DueToday
                             ? tr("The review of this map is due today.")
                             : tr("The review of this map is overdue by %n day(s).", "", -status.daysUntil);
    QString details;
    if (!journey.owner.empty())
        details += QLatin1Char(' ') + tr("Owner: %1.").arg(toQString(journey.owner));
    if (journey.reviewIntervalDays > 0)
        details += QLatin1Char(' ') + tr("Reviewed every %n day(s).", "", journey.reviewIntervalDays);
    m_messageBar->showMessage(
        when + details, {{tr("Mark Reviewed"), [this] { markReviewed(); }, QStringLiteral("markReviewedButton")}});
}

void MainWindow::markReviewed()
{
    if (!m_controller->operations().markReviewed(localToday()))
        return;
    const Journey &reviewed = m_controller->document().journey();
    statusBar()->showMessage(
        reviewed.nextReview
            ? tr("Reviewed. The next review is on %1.")
                  .arg(QLocale().toString(QDate::fromString(toQString(*reviewed.nextReview), Qt::ISODate),
                                          QLocale::LongFormat))
            : tr("Reviewed. No further review is scheduled (set an interval in "
                 "the journey's details)."),
        6000);
}

bool MainWindow::exportTo(const ExportOptions &options, const QString &path)
{
    return m_export->exportTo(options, path);
}
int MainWindow::printTo(QPrinter *printer) { return m_export->printTo(printer); }
void MainWindow::exportMap() { m_export->exportMap(); }
void MainWindow::print() { m_export->print(); }

void MainWindow::writeGeometryForTests(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    QTextStream out(&file);
    if (auto *palette = findChild<PalettePanel *>()) {
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
                out << "cell " << b << ':'
                    << toQString(doc.stage(layout.stages()[st].stageId)->name)
                           .replace(QLatin1Char(' '), QLatin1Char('_'))
                    << ':' << toQString(toString(layout.bands()[b].rows[r].kind)) << ' ' << c.x() << ' ' << c.y()
                    << '\n';
            }
}

// --- File menu: DocumentFiles does the work ----------------------------------

bool MainWindow::loadFile(const QString &path) { return m_files->loadFile(path); }
MainWindow *MainWindow::openFile(const QString &path, MainWindow *from) { return DocumentFiles::openFile(path, from); }
MainWindow *MainWindow::importCsvFile(const QString &path) { return m_files->importCsvFile(path); }
bool MainWindow::saveFile(const QString &path) { return m_files->saveFile(path); }
QStringList MainWindow::recentFiles() { return DocumentFiles::recentFiles(); }
MainWindow *MainWindow::restoreRecovered(const RecoveryEntry &entry, const RecoveryStore &store)
{
    return DocumentFiles::restoreRecovered(entry, store);
}
const MapFileLock &MainWindow::fileLock() const { return m_files->lock(); }
void MainWindow::newMap() { m_files->newMap(); }
void MainWindow::open() { m_files->open(); }
void MainWindow::importCsv() { m_files->importCsv(); }
void MainWindow::importWorkbook() { m_files->importWorkbook(); }
MainWindow *MainWindow::importWorkbookFile(const QString &path) { return m_files->importWorkbookFile(path); }
void MainWindow::updateFromSpreadsheet() { m_files->updateFromSpreadsheet(); }
void MainWindow::exportWorkbook() { m_export->exportWorkbook(); }
bool MainWindow::exportWorkbookTo(const QString &path) { return m_export->exportWorkbookTo(path); }
bool MainWindow::save() { return TeamActions::saveTeamMap(this) || m_files->save(); }
bool MainWindow::saveAs() { return m_files->saveAs(); }
void MainWindow::revert() { m_files->revert(); }
void MainWindow::newFromTemplate() { m_files->newFromTemplate(); }
void MainWindow::newWithWizard() { m_files->newWithWizard(); }
MainWindow *MainWindow::newFromTemplateFile(const QString &path) { return m_files->newFromTemplateFile(path); }
MainWindow *MainWindow::createFutureStateCopy() { return m_files->createFutureStateCopy(); }
bool MainWindow::saveAsTemplate() { return m_files->saveAsTemplate(); }

void MainWindow::compareWith()
{
    const QString path = m_files->chooseOtherVersion();
    if (!path.isEmpty())
        compareWithFile(path);
}

bool MainWindow::compareWithFile(const QString &path)
{
    std::optional<Document> other = m_files->readOtherVersion(path);
    if (!other)
        return false;
    m_docks->showComparison(std::move(*other), QFileInfo(path).fileName());
    return true;
}

// --- Edit menu: EditActions does the work -------------------------------------

void MainWindow::copySelection() { m_edit->copySelection(); }
void MainWindow::cutSelection() { m_edit->cutSelection(); }
void MainWindow::paste() { m_edit->paste(); }
void MainWindow::duplicateSelection() { m_edit->duplicateSelection(); }
void MainWindow::find() { m_edit->find(); }

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_files->maybeSave()) {
        writeSettings();
        m_autosaver->discard(); // saved or deliberately discarded: nothing to recover
        m_files->releaseLock(); // now, not when the window is finally deleted
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
