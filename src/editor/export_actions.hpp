#pragma once
// File ▸ Export... and File ▸ Print...: the export dialog, where the file
// goes, a progress dialog that can cancel, and the print preview, which
// paints the pages the PDF export would.

#include <QObject>

#include "map_exporter.hpp"

class QPrinter;
class QMainWindow;

namespace cjm {

class DocumentController;
class MapScene;

class ExportActions : public QObject {
    Q_OBJECT
public:
    // Dialogs open over `window`; "Exported ..." goes to its status bar.
    ExportActions(QMainWindow *window, DocumentController *controller, MapScene *scene);

    // The export dialog (the selected cards offered as a subset), then the file.
    void exportMap();
    // Exports with a progress dialog that can cancel; shows errors in a dialog.
    bool exportTo(const ExportOptions &options, const QString &path);
    void print();
    // File ▸ Export as Excel Workbook...: every card, persona, stage and lane
    // as sheets (the workbook cjm import reads back).
    void exportWorkbook();
    bool exportWorkbookTo(const QString &path);
    // Paints the map onto a printer's pages as the PDF export would.
    int printTo(QPrinter *printer);

private:
    QMainWindow *m_window;
    DocumentController *m_controller;
    MapScene *m_scene;
};

} // namespace cjm
