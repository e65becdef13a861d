#pragma once
// File ▸ Export…: format, scope and the format's options, with a live
// preview of what will be written. The last choices are remembered.

#include <QDialog>
#include <string>
#include <vector>

#include "cjm/document.hpp"
#include "map_exporter.hpp"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QTimer;

namespace cjm {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(const Document &document, std::vector<std::string> selectedCards, QWidget *parent = nullptr);

    ExportOptions options() const;
    void setOptions(const ExportOptions &options);
    // The preview as last drawn (for tests and the accessible description).
    QImage previewImage() const { return m_preview; }
    // What the preview's caption says ("3 slides, 16:9, card text 13 pt").
    QString previewCaption() const;

    void accept() override; // remembers the choices

    static QString fileFilter(ExportFormat format);
    static QString fileSuffix(ExportFormat format);

private:
    void updateVisibility();
    void schedulePreview();
    void renderPreview();
    void loadSettings();
    void saveSettings() const;
    // Slides first when the whole map on the chosen paper would print its
    // cards under kSlideMinCardTextPoints.
    void preferSlidesWhenSmall();
    void selectLayout(PdfLayout layout, SlideAspect aspect);

    const Document &m_document;
    std::vector<std::string> m_selectedCards;
    QComboBox *m_format;
    QComboBox *m_scope;
    QGroupBox *m_pictureBox;
    QDoubleSpinBox *m_scale;
    QCheckBox *m_transparent;
    QCheckBox *m_heatStrip;
    QGroupBox *m_pageBox;
    QComboBox *m_paper;
    QComboBox *m_orientation;
    QDoubleSpinBox *m_margin;
    QComboBox *m_pdfLayout;
    QLabel *m_previewLabel;
    QLabel *m_sizeLabel;
    QTimer *m_previewTimer;
    QImage m_preview;
};

} // namespace cjm
