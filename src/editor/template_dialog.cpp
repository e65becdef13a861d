#include "template_dialog.hpp"
#include "plain_message.hpp"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace cjm {

TemplateDialog::TemplateDialog(std::vector<MapTemplate> templates, QWidget *parent)
    : QDialog(parent), m_templates(std::move(templates))
{
    setWindowTitle(tr("New from Template"));
    setObjectName(QStringLiteral("templateDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setMinimumWidth(260);
    for (const MapTemplate &t : m_templates) {
        auto *item = new QListWidgetItem(t.user ? tr("%1 (yours)").arg(t.title) : t.title, m_list);
        item->setToolTip(plainToolTip(t.path));
    }
    row->addWidget(m_list, 1);
    m_details = plainLabel(QString(), this); // user templates are files from anywhere
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setMinimumWidth(280);
    row->addWidget(m_details, 1);
    layout->addLayout(row, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create Map"));
    QPushButton *folder = buttons->addButton(tr("Your Templates Folder"), QDialogButtonBox::HelpRole);
    folder->setToolTip(tr("Maps saved in this folder appear here as templates"));
    connect(folder, &QPushButton::clicked, this, [] {
        QDir().mkpath(userTemplatesFolder());
        QDesktopServices::openUrl(QUrl::fromLocalFile(userTemplatesFolder()));
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    layout->addWidget(buttons);
    connect(m_list, &QListWidget::currentRowChanged, this, [this, buttons](int row) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(row >= 0);
        if (row < 0) {
            m_details->clear();
            return;
        }
        const MapTemplate &t = m_templates[static_cast<std::size_t>(row)];
        m_details->setText(t.title + QStringLiteral("\n\n") + t.description + QStringLiteral("\n\n") +
                           tr("%n stage(s)", "", t.stages) + QStringLiteral(" · ") +
                           tr("%n example card(s)", "", t.cards));
    });
    m_list->setCurrentRow(m_templates.empty() ? -1 : 0);
    resize(640, 400);
}

const MapTemplate *TemplateDialog::chosen() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < static_cast<int>(m_templates.size()) ? &m_templates[static_cast<std::size_t>(row)]
                                                                  : nullptr;
}

} // namespace cjm
