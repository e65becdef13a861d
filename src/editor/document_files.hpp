#pragma once
// Where a window's map comes from and where it goes: Open, Open Recent,
// Save, Save As, Revert, asking before unsaved work is lost; the lock that
// tells teammates the map is open (read-only when someone else holds it);
// reloading a file changed on disk; restoring a crash's recovery copy; and
// the sources of new, unsaved maps (a template, the wizard, a future-state
// copy, a CSV import). The window's File menu slots call it.

#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

#include "cjm/document.hpp"
#include "cjm/problem.hpp"

class QMenu;

namespace cjm {

class DocumentController;
class MainWindow;
class MapFileLock;
struct RecoveryEntry;
class RecoveryStore;

// A title as a file name: characters no file system accepts become '-'.
QString fileBaseNameFor(QString title, const QString &fallback);

class DocumentFiles : public QObject {
    Q_OBJECT
public:
    explicit DocumentFiles(MainWindow *window);
    ~DocumentFiles() override;

    // The file dialogs' filter for maps.
    static QString fileFilter();
    // The reader's problems as lines for a dialog, at most `maxShown`.
    static QString problemsText(const Problems &problems, int maxShown = 12);
    static QStringList recentFiles();
    // See MainWindow::openFile and MainWindow::restoreRecovered.
    static MainWindow *openFile(const QString &path, MainWindow *from);
    static MainWindow *restoreRecovered(const RecoveryEntry &entry, const RecoveryStore &store);

    // Opens `path` in this window; on failure shows why and keeps what was open.
    bool loadFile(const QString &path);
    bool saveFile(const QString &path);
    bool save();
    bool saveAs();
    void revert();
    // A file dialog, then openFile.
    void open();
    // Asks to save unsaved changes; false when the user cancels.
    bool maybeSave();
    // The window is closing for good: its lock goes now, not when it is deleted.
    void releaseLock();
    const MapFileLock &lock() const { return *m_lock; }
    // Takes the lock on `path` for this window. When someone else holds it,
    // asks: read-only, open anyway, or cancel (false).
    bool lockForOpening(const QString &path);
    // Fills File ▸ Open Recent.
    void fillRecentMenu(QMenu *menu);

    // Another version of the map, for the Compare panel: the file dialog
    // (empty when cancelled), and reading it (a file that cannot be read is
    // reported, and nothing returned).
    QString chooseOtherVersion();
    std::optional<Document> readOtherVersion(const QString &path);

    // New maps, unsaved, here when this window is untouched, else in a new
    // window (returned; null when cancelled or unreadable).
    void newMap();
    void newFromTemplate();
    void newWithWizard();
    MainWindow *newFromTemplateFile(const QString &path);
    MainWindow *createFutureStateCopy();
    void importCsv();
    MainWindow *importCsvFile(const QString &path);
    // File ▸ Import ▸ Excel Workbook...: a workbook cjm wrote (or one edited
    // from it) as a new map.
    void importWorkbook();
    MainWindow *importWorkbookFile(const QString &path);
    // File ▸ Import ▸ Update from Spreadsheet...: the changes an edited sheet
    // makes to this map, shown before they are applied as one undo step.
    void updateFromSpreadsheet();
    MainWindow *openUnsaved(Document document, const QString &message);
    bool saveAsTemplate();

signals:
    // A file was opened in this window.
    void opened();

private:
    QString mapFolder() const;
    void showReadOnly(bool readOnly);
    // The file changed on disk: offer to reload it or keep this version.
    void offerReload();
    void reloadFromDisk();
    void addToRecentFiles(const QString &path);
    void showStatus(const QString &message, int timeout = 0);

    MainWindow *m_window;
    DocumentController *m_controller;
    std::unique_ptr<MapFileLock> m_lock;
};

} // namespace cjm
