#include "export_dialog.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

#include "plain_message.hpp"
#include "qt_text.hpp"
#include "slides.hpp"

namespace cjm {

namespace {
constexpr int kScopeWhole = 0;
constexpr int kScopeSelection = 1; // then one entry per persona
const QSize kPreviewSize(360, 360);
// The Layout list's items carry the slides' shape in this role.
constexpr int kAspectRole = Qt::UserRole + 1;
} // namespace

ExportDialog::ExportDialog(const Document &document, std::vector<std::string> selectedCards, QWidget *parent)
    : QDialog(parent), m_document(document), m_selectedCards(std::move(selectedCards))
{
    setWindowTitle(tr("Export Map"));
    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG picture"), static_cast<int>(ExportFormat::Png));
    m_format->addItem(tr("PDF document"), static_cast<int>(ExportFormat::Pdf));
    m_format->addItem(tr("SVG drawing"), static_cast<int>(ExportFormat::Svg));
    m_format->addItem(tr("CSV card inventory (spreadsheet)"), static_cast<int>(ExportFormat::Csv));
    m_format->addItem(tr("PowerPoint slides (editable)"), static_cast<int>(ExportFormat::Pptx));

    m_scope = new QComboBox(this);
    m_scope->addItem(tr("Whole map"));
    m_scope->addItem(tr("Selected cards (%n)", "", static_cast<int>(m_selectedCards.size())));
    for (const Persona &persona : document.personas())
        m_scope->addItem(tr("Persona: %1").arg(toQString(persona.name)), toQString(persona.id));
    if (m_selectedCards.empty())
        if (auto *model = qobject_cast<QStandardItemModel *>(m_scope->model()))
            model->item(kScopeSelection)->setEnabled(false);

    m_pictureBox = new QGroupBox(tr("Picture"), this);
    m_scale = new QDoubleSpinBox(this);
    m_scale->setRange(1, 4);
    m_scale->setSingleStep(0.5);
    m_scale->setSuffix(QStringLiteral(" ×"));
    m_transparent = new QCheckBox(tr("Transparent background"), this);
    auto *pictureForm = new QFormLayout(m_pictureBox);
    pictureForm->addRow(tr("Scale:"), m_scale);
    pictureForm->addRow(QString(), m_transparent);

    m_pageBox = new QGroupBox(tr("Pages"), this);
    m_paper = new QComboBox(this);
    m_paper->addItem(QStringLiteral("A4"), static_cast<int>(PaperSize::A4));
    m_paper->addItem(QStringLiteral("A3"), static_cast<int>(PaperSize::A3));
    m_paper->addItem(QStringLiteral("A2"), static_cast<int>(PaperSize::A2));
    m_paper->addItem(tr("Letter"), static_cast<int>(PaperSize::Letter));
    m_paper->addItem(tr("Tabloid"), static_cast<int>(PaperSize::Tabloid));
    m_paper->addItem(tr("One page the size of the map"), static_cast<int>(PaperSize::FitMap));
    m_orientation = new QComboBox(this);
    m_orientation->addItem(tr("Automatic"), static_cast<int>(PageOrientation::Auto));
    m_orientation->addItem(tr("Portrait"), static_cast<int>(PageOrientation::Portrait));
    m_orientation->addItem(tr("Landscape"), static_cast<int>(PageOrientation::Landscape));
    m_margin = new QDoubleSpinBox(this);
    m_margin->setRange(0, 50);
    m_margin->setSuffix(tr(" mm"));
    m_pdfLayout = new QComboBox(this);
    m_pdfLayout->addItem(tr("Fit the map on one page"), static_cast<int>(PdfLayout::FitToPage));
    m_pdfLayout->addItem(tr("Full size over several pages (headers repeated)"), static_cast<int>(PdfLayout::Tiles));
    m_pdfLayout->addItem(tr("One page per persona"), static_cast<int>(PdfLayout::PerPersona));
    // Slides: a persona and a few stages a page, card text 12 pt or more.
    m_pdfLayout->addItem(tr("Slides for a deck (16:9)"), static_cast<int>(PdfLayout::Slides));
    m_pdfLayout->setItemData(m_pdfLayout->count() - 1, static_cast<int>(SlideAspect::Wide), kAspectRole);
    m_pdfLayout->addItem(tr("Slides for a deck (4:3)"), static_cast<int>(PdfLayout::Slides));
    m_pdfLayout->setItemData(m_pdfLayout->count() - 1, static_cast<int>(SlideAspect::Standard), kAspectRole);
    m_pdfLayout->setObjectName(QStringLiteral("pdfLayoutCombo"));
    auto *pageForm = new QFormLayout(m_pageBox);
    pageForm->addRow(tr("Paper:"), m_paper);
    pageForm->addRow(tr("Orientation:"), m_orientation);
    pageForm->addRow(tr("Margins:"), m_margin);
    pageForm->addRow(tr("Layout:"), m_pdfLayout);

    m_previewLabel = plainLabel(QString(), this); // shows a picture
    m_previewLabel->setFixedSize(kPreviewSize);
    m_previewLabel->setAlignment(Qt::AlignCenter);
    m_previewLabel->setFrameShape(QFrame::StyledPanel);
    m_previewLabel->setStyleSheet(QStringLiteral("background: #dde1e6;"));
    m_sizeLabel = plainLabel(QString(), this);

    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Export:"), m_scope);
    m_heatStrip = new QCheckBox(tr("Pain heat strip under the stage headers"), this);
    m_heatStrip->setObjectName(QStringLiteral("heatStripCheck"));
    form->addRow(QString(), m_heatStrip);
    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(m_pictureBox);
    left->addWidget(m_pageBox);
    left->addStretch();
    auto *right = new QVBoxLayout;
    right->addWidget(m_previewLabel);
    right->addWidget(m_sizeLabel);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export..."));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(120); // typing a margin should not re-render on every key
    connect(m_previewTimer, &QTimer::timeout, this, &ExportDialog::renderPreview);
    for (QComboBox *combo : {m_format, m_scope, m_paper, m_orientation, m_pdfLayout})
        connect(combo, &QComboBox::currentIndexChanged, this, &ExportDialog::schedulePreview);
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, &ExportDialog::schedulePreview);
    connect(m_margin, &QDoubleSpinBox::valueChanged, this, &ExportDialog::schedulePreview);
    connect(m_transparent, &QCheckBox::toggled, this, &ExportDialog::schedulePreview);
    connect(m_heatStrip, &QCheckBox::toggled, this, &ExportDialog::schedulePreview);

    loadSettings();
    updateVisibility();
    renderPreview();
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    options.format = static_cast<ExportFormat>(m_format->currentData().toInt());
    if (m_scope->currentIndex() == kScopeSelection)
        options.selectedCards = m_selectedCards;
    else if (m_scope->currentIndex() > kScopeSelection)
        options.personaId = toStdString(m_scope->currentData().toString());
    options.scale = m_scale->value();
    options.transparentBackground = m_transparent->isChecked();
    options.heatStrip = m_heatStrip->isChecked();
    options.paper = static_cast<PaperSize>(m_paper->currentData().toInt());
    options.orientation = static_cast<PageOrientation>(m_orientation->currentData().toInt());
    options.marginMillimetres = m_margin->value();
    options.pdfLayout = static_cast<PdfLayout>(m_pdfLayout->currentData().toInt());
    if (options.pdfLayout == PdfLayout::Slides)
        options.slides.aspect = static_cast<SlideAspect>(m_pdfLayout->currentData(kAspectRole).toInt());
    return options;
}

void ExportDialog::setOptions(const ExportOptions &options)
{
    auto select = [](QComboBox *combo, int value) {
        const int index = combo->findData(value);
        if (index >= 0)
            combo->setCurrentIndex(index);
    };
    select(m_format, static_cast<int>(options.format));
    select(m_paper, static_cast<int>(options.paper));
    select(m_orientation, static_cast<int>(options.orientation));
    selectLayout(options.pdfLayout, options.slides.aspect);
    m_scale->setValue(options.scale);
    m_transparent->setChecked(options.transparentBackground);
    m_heatStrip->setChecked(options.heatStrip);
    m_margin->setValue(options.marginMillimetres);
    if (!options.personaId.empty()) {
        const int index = m_scope->findData(toQString(options.personaId));
        m_scope->setCurrentIndex(index >= 0 ? index : kScopeWhole);
    } else if (!options.selectedCards.empty() && !m_selectedCards.empty()) {
        m_scope->setCurrentIndex(kScopeSelection);
    } else {
        m_scope->setCurrentIndex(kScopeWhole);
    }
    updateVisibility();
    schedulePreview();
}

void ExportDialog::selectLayout(PdfLayout layout, SlideAspect aspect)
{
    for (int i = 0; i < m_pdfLayout->count(); ++i)
        if (m_pdfLayout->itemData(i).toInt() == static_cast<int>(layout) &&
            (layout != PdfLayout::Slides ||
             m_pdfLayout->itemData(i, kAspectRole).toInt() == static_cast<int>(aspect))) {
            m_pdfLayout->setCurrentIndex(i);
            return;
        }
}

void ExportDialog::preferSlidesWhenSmall()
{
    ExportOptions current = options();
    if (current.format != ExportFormat::Pdf || current.pdfLayout != PdfLayout::FitToPage)
        return;
    const QSizeF page = exportPageLayout(m_document, current).paintRect(QPageLayout::Point).size();
    if (wholeMapCardTextPoints(m_document, page) < kSlideMinCardTextPoints)
        selectLayout(PdfLayout::Slides, SlideAspect::Wide);
}

void ExportDialog::updateVisibility()
{
    const auto format = static_cast<ExportFormat>(m_format->currentData().toInt());
    m_pictureBox->setVisible(format == ExportFormat::Png);
    m_pageBox->setVisible(format == ExportFormat::Pdf);
    // Slides have their own page: paper, orientation and margins do not apply.
    const bool slides = static_cast<PdfLayout>(m_pdfLayout->currentData().toInt()) == PdfLayout::Slides;
    if (auto *pageForm = qobject_cast<QFormLayout *>(m_pageBox->layout()))
        for (QWidget *field :
             {static_cast<QWidget *>(m_paper), static_cast<QWidget *>(m_orientation), static_cast<QWidget *>(m_margin)})
            pageForm->setRowVisible(field, !slides);
    m_previewLabel->setVisible(format != ExportFormat::Csv);
}

void ExportDialog::schedulePreview()
{
    updateVisibility();
    m_previewTimer->start();
}

void ExportDialog::renderPreview()
{
    const ExportOptions current = options();
    if (current.format == ExportFormat::Csv) {
        m_sizeLabel->setText(
            tr("%n card(s), one row each, UTF-8 for Excel", "", static_cast<int>(m_document.cards().size())));
        return;
    }
    // PowerPoint slides are the PDF slides' pages with editable shapes: the
    // preview shows their first slide, as the PDF's slides layout does.
    ExportOptions shown = current;
    if (current.format == ExportFormat::Pptx) {
        shown.format = ExportFormat::Pdf;
        shown.pdfLayout = PdfLayout::Slides;
    }
    m_preview = exportPreview(m_document, shown, kPreviewSize - QSize(8, 8));
    m_previewLabel->setPixmap(QPixmap::fromImage(m_preview));
    if (current.format == ExportFormat::Png) {
        const QSize size = exportPixelSize(m_document, current);
        m_sizeLabel->setText(tr("%1 × %2 pixels").arg(size.width()).arg(size.height()));
    } else if (current.format == ExportFormat::Pdf || current.format == ExportFormat::Pptx) {
        const QPageLayout page = exportPageLayout(m_document, current);
        if (current.format == ExportFormat::Pptx || current.pdfLayout == PdfLayout::Slides) {
            SlideSelection selection = current.slides;
            if (!current.personaId.empty())
                selection.personaIds = {current.personaId};
            const int slides = static_cast<int>(SlideDeck::build(m_document, selection).size());
            m_sizeLabel->setText(tr("%n slide(s), %1, card text %2 pt", "", slides)
                                     .arg(slideAspectName(current.slides.aspect))
                                     .arg(MapStyle::standard().cardFont.pixelSize()));
            return;
        }
        m_sizeLabel->setText(tr("%1, %2").arg(
            page.pageSize().name(), page.orientation() == QPageLayout::Landscape ? tr("landscape") : tr("portrait")));
    } else {
        m_sizeLabel->setText(tr("Vector drawing, text kept as text"));
    }
}

QString ExportDialog::previewCaption() const { return m_sizeLabel->text(); }

QString ExportDialog::fileFilter(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png: return tr("PNG pictures (*.png)");
    case ExportFormat::Pdf: return tr("PDF documents (*.pdf)");
    case ExportFormat::Svg: return tr("SVG drawings (*.svg)");
    case ExportFormat::Csv: return tr("CSV spreadsheets (*.csv)");
    case ExportFormat::Pptx: return tr("PowerPoint presentations (*.pptx)");
    }
    return {};
}

QString ExportDialog::fileSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png: return QStringLiteral("png");
    case ExportFormat::Pdf: return QStringLiteral("pdf");
    case ExportFormat::Svg: return QStringLiteral("svg");
    case ExportFormat::Csv: return QStringLiteral("csv");
    case ExportFormat::Pptx: return QStringLiteral("pptx");
    }
    return {};
}

void ExportDialog::accept()
{
    saveSettings();
    QDialog::accept();
}

void ExportDialog::loadSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("export"));
    ExportOptions options;
    options.format = static_cast<ExportFormat>(settings.value(QStringLiteral("format"), 1).toInt());
    options.scale = settings.value(QStringLiteral("scale"), 2.0).toDouble();
    options.transparentBackground = settings.value(QStringLiteral("transparent"), false).toBool();
    options.heatStrip = settings.value(QStringLiteral("heatStrip"), false).toBool();
    options.paper = static_cast<PaperSize>(settings.value(QStringLiteral("paper"), 0).toInt());
    options.orientation = static_cast<PageOrientation>(settings.value(QStringLiteral("orientation"), 0).toInt());
    options.marginMillimetres = settings.value(QStringLiteral("margin"), 10.0).toDouble();
    options.pdfLayout = static_cast<PdfLayout>(settings.value(QStringLiteral("pdfLayout"), 0).toInt());
    options.slides.aspect = static_cast<SlideAspect>(settings.value(QStringLiteral("slideAspect"), 0).toInt());
    setOptions(options);
    preferSlidesWhenSmall();
}

void ExportDialog::saveSettings() const
{
    const ExportOptions current = options();
    QSettings settings;
    settings.beginGroup(QStringLiteral("export"));
    settings.setValue(QStringLiteral("format"), static_cast<int>(current.format));
    settings.setValue(QStringLiteral("scale"), current.scale);
    settings.setValue(QStringLiteral("transparent"), current.transparentBackground);
    settings.setValue(QStringLiteral("heatStrip"), current.heatStrip);
    settings.setValue(QStringLiteral("paper"), static_cast<int>(current.paper));
    settings.setValue(QStringLiteral("orientation"), static_cast<int>(current.orientation));
    settings.setValue(QStringLiteral("margin"), current.marginMillimetres);
    settings.setValue(QStringLiteral("pdfLayout"), static_cast<int>(current.pdfLayout));
    settings.setValue(QStringLiteral("slideAspect"), static_cast<int>(current.slides.aspect));
}

} // namespace cjm
