#include "export_actions.hpp"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QStatusBar>

#include "document_controller.hpp"
#include "document_files.hpp"
#include "export_dialog.hpp"
#include "map_scene.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"
#include "xlsx_exporter.hpp"

namespace cjm {

ExportActions::ExportActions(QMainWindow *window, DocumentController *controller, MapScene *scene)
    : QObject(window), m_window(window), m_controller(controller), m_scene(scene)
{
}

void ExportActions::exportMap()
{
    ExportDialog dialog(m_controller->document(), m_scene->selectedCardIds(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExportOptions options = dialog.options();
    const QString suffix = ExportDialog::fileSuffix(options.format);
    QFileInfo current(m_controller->filePath());
    const QString base = m_controller->filePath().isEmpty()
                             ? fileBaseNameFor(toQString(m_controller->document().journey().title), tr("Journey map"))
                             : current.completeBaseName();
    const QString folder = m_controller->filePath().isEmpty() ? QString() : current.absolutePath() + QLatin1Char('/');
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Map"), folder + base + QLatin1Char('.') + suffix,
                                                ExportDialog::fileFilter(options.format));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    exportTo(options, path);
}

bool ExportActions::exportTo(const ExportOptions &options, const QString &path)
{
    QProgressDialog progress(m_window);
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
            PlainMessageBox box(QMessageBox::Warning, tr("Could Not Export Map"), result.error, QMessageBox::Ok,
                                m_window);
            box.setObjectName(QStringLiteral("exportErrorDialog"));
            box.exec();
        }
        return false;
    }
    m_window->statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

void ExportActions::exportWorkbook()
{
    QFileInfo current(m_controller->filePath());
    const QString base = m_controller->filePath().isEmpty()
                             ? fileBaseNameFor(toQString(m_controller->document().journey().title), tr("Journey map"))
                             : current.completeBaseName();
    const QString folder = m_controller->filePath().isEmpty() ? QString() : current.absolutePath() + QLatin1Char('/');
    QString path =
        QFileDialog::getSaveFileName(m_window, tr("Export as Excel Workbook"), folder + base + QStringLiteral(".xlsx"),
                                     tr("Excel workbooks (*.xlsx)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".xlsx");
    exportWorkbookTo(path);
}

bool ExportActions::exportWorkbookTo(const QString &path)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const ExportResult result = writeWorkbookFile(m_controller->document(), path);
    QApplication::restoreOverrideCursor();
    if (!result.ok) {
        PlainMessageBox box(QMessageBox::Warning, tr("Could Not Export Map"), result.error, QMessageBox::Ok, m_window);
        box.setObjectName(QStringLiteral("exportErrorDialog"));
        box.exec();
        return false;
    }
    m_window->statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

int ExportActions::printTo(QPrinter *printer)
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
    const int pages =
        paintMapPages(m_controller->document(), options, painter, page, [printer] { return printer->newPage(); });
    painter.end();
    return pages;
}

void ExportActions::print()
{
    QPrinter printer(QPrinter::HighResolution);
    ExportOptions options;
    options.format = ExportFormat::Pdf;
    printer.setPageLayout(exportPageLayout(m_controller->document(), options));
    printer.setDocName(toQString(m_controller->document().journey().title));
    QPrintPreviewDialog preview(&printer, m_window);
    preview.setWindowTitle(tr("Print Preview"));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter *p) { printTo(p); });
    preview.exec();
}

} // namespace cjm
