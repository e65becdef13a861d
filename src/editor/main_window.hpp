#pragma once
// One window per map: the canvas, menus, toolbar and status bar. The work
// behind the menus lives in its own classes: DocumentFiles (open, save,
// revert, locks and read-only, reload, recovery, recent files, new unsaved
// maps), EditActions (the Edit menu), ExportActions (Export and Print),
// WindowDocks (the panels). The window keeps one-line slots that call them,
// its title and status bar, the review bar, opening dropped .cjm files, and
// its remembered layout.

#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

#include "map_exporter.hpp"
#include "translations.hpp"

class QAction;
class QDockWidget;
class QPrinter;
class QLabel;
class QMenu;
class QToolBar;

namespace cjm {

class DocumentController;
class MapScene;
class MapView;
class FindBar;
class Autosaver;
class MapFileLock;
class MessageBar;
class WindowDocks;
class EditActions;
class DocumentFiles;
class ExportActions;
class ViewActions;
struct RecoveryEntry;
class RecoveryStore;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    DocumentController *controller() const { return m_controller; }
    MapScene *scene() const { return m_scene; }
    MapView *view() const { return m_view; }

    // Opens `path` in this window. On failure shows the reader's problems in
    // a dialog and keeps what was open. Does not ask about unsaved changes.
    bool loadFile(const QString &path);
    // Opens `path` here if this window holds an untouched new map, else in a
    // new window (or raises the window that already has it).
    static MainWindow *openFile(const QString &path, MainWindow *from = nullptr);
    // File ▸ Import ▸ CSV… after the file dialog: shows the import dialog for
    // `path`; on OK opens the map as a new unsaved, modified map, here if this
    // window holds an untouched new map, else in a new window (returned).
    MainWindow *importCsvFile(const QString &path);
    MainWindow *importWorkbookFile(const QString &path);
    bool exportWorkbookTo(const QString &path);
    bool saveFile(const QString &path);
    // Exports with a progress dialog that can cancel; shows errors in a dialog.
    bool exportTo(const ExportOptions &options, const QString &path);
    // Paints the map onto a printer's pages as the PDF export would.
    int printTo(QPrinter *printer);

    static QStringList recentFiles();

    // Opens a recovery copy left by a crash in a new window, as unsaved
    // changes to the file it belongs to (or as a new map).
    static MainWindow *restoreRecovered(const RecoveryEntry &entry, const RecoveryStore &store);
    Autosaver *autosaver() const { return m_autosaver; }
    MessageBar *messageBar() const { return m_messageBar; }
    // Compares the open map with the map in `path` (the Compare panel);
    // a file that cannot be read is reported and nothing changes.
    bool compareWithFile(const QString &path);
    // The lock this window holds on its file (none for a new map, a map
    // opened read-only or anyway, or a folder that allows no lock).
    const MapFileLock &fileLock() const;
    // Where the map comes from and goes to (see DocumentFiles).
    DocumentFiles *files() const { return m_files; }

    // Where another feature (the team library) puts its menu entries,
    // toolbar buttons and status bar widgets. The menus and the toolbar are
    // built again when the UI language changes (View ▸ Language), so such
    // entries are made by a builder: addChromeBuilder runs it now and after
    // each rebuild, and its tr() texts come out in the new language.
    // Entries go into the menus given (File: before `fileLibraryPlace`, the
    // Import submenu, right after Open Recent, where the team library's Open
    // from / Save to Team Library… and History… are); `addStatusWidget` puts
    // a permanent widget in the status bar that is removed before the next
    // build. Docks: WindowDocks::addPanel.
    struct Chrome {
        QMenu *file;
        QMenu *edit;
        QMenu *view;
        QMenu *help;
        QAction *fileLibraryPlace;
        QToolBar *toolbar;
        std::function<void(QWidget *)> addStatusWidget;
    };
    void addChromeBuilder(std::function<void(const Chrome &)> build);
    WindowDocks *docks() const { return m_docks; }
    ViewActions *viewActions() const { return m_viewActions; }

    // For the real-window tests: where the palette's entries and the map's
    // cells are on screen, one "what x y" line each (see tests/gui/).
    void writeGeometryForTests(const QString &path) const;

public slots:
    void newMap();
    void open();
    void importCsv();
    void importWorkbook();
    void updateFromSpreadsheet();
    void exportWorkbook();
    bool save();
    bool saveAs();
    void revert();
    void exportMap();
    void print();
    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();
    void find();
    void compareWith();
    void newFromTemplate();
    void newWithWizard();
    // A new window (or this one, when untouched) with a map made from
    // the template in `path`, unsaved. Null when it cannot be read.
    MainWindow *newFromTemplateFile(const QString &path);
    // The open map as a future state, in a new unsaved window.
    MainWindow *createFutureStateCopy();
    bool saveAsTemplate();
    // Sets the next review one interval from today (an undoable change).
    void markReviewed();

protected:
    void closeEvent(QCloseEvent *event) override;
    // QEvent::LanguageChange (View ▸ Language here or in another window):
    // retranslateUi() once the burst of translator changes is over.
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    // The menus, toolbar, docks' panels, bars, title and status in the UI
    // language now, keeping the map, undo history, selection, zoom, scroll
    // and layout (see main_window.cpp).
    void retranslateUi();
    Chrome chrome();
    void showReviewDue();
    void updateTitle();
    void updateStatus();
    // A file was opened here: its start, and what is due (review, conflicts).
    void showOpened();
    void readSettings();
    void writeSettings();
    void applyReadOnly(bool readOnly);
    // The map's review is due: say so in the bar, with Mark Reviewed.
    void showReviewDueIfAny();

    DocumentController *m_controller;
    MapScene *m_scene;
    MapView *m_view;
    QMenu *m_recentMenu = nullptr;
    QAction *m_revertAction = nullptr;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_selectionLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
    WindowDocks *m_docks = nullptr;
    EditActions *m_edit = nullptr;
    ExportActions *m_export = nullptr;
    FindBar *m_findBar = nullptr;
    Autosaver *m_autosaver = nullptr;
    MessageBar *m_messageBar = nullptr;
    DocumentFiles *m_files = nullptr;
    ViewActions *m_viewActions = nullptr;
    QList<QMenu *> m_menus; // File, Edit, View, Help: rebuilt with the language
    QMenu *m_viewMenu = nullptr;
    QAction *m_libraryPlace = nullptr;
    QToolBar *m_toolbar = nullptr; // made once; its buttons are rebuilt
    QList<QAction *> m_toolbarOwn; // toolbar-only actions of the last build
    QList<QPointer<QWidget>> m_chromeStatusWidgets;
    std::vector<std::function<void(const Chrome &)>> m_chromeBuilders;
    bool m_retranslatePending = false;
    bool m_actionsBuilt = false;                    // createActions ran: a rebuild takes the window's own view state
    UiLanguage m_builtLanguage = currentLanguage(); // the language the chrome was last built in

public:
    FindBar *findBar() const { return m_findBar; }
};

} // namespace cjm
