#include "start_dialog.hpp"
#include "plain_message.hpp"

#include <QCheckBox>
#include <QCommandLinkButton>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QVBoxLayout>

namespace cjm {

namespace {
const char *const kShowKey = "start/showDialog";
}

bool StartDialog::showAtStartup() { return QSettings().value(QLatin1String(kShowKey), true).toBool(); }
void StartDialog::setShowAtStartup(bool show) { QSettings().setValue(QLatin1String(kShowKey), show); }

StartDialog::StartDialog(const QStringList &recentFiles, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Welcome to CJM Studio"));
    setObjectName(QStringLiteral("startDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = plainLabel(tr("Start a customer journey map"), this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    heading->setFont(font);
    layout->addWidget(heading);
    auto *row = new QHBoxLayout;
    auto *actions = new QVBoxLayout;
    auto link = [&](const QString &text, const QString &description, const char *name, Choice choice) {
        auto *button = new QCommandLinkButton(text, description, this);
        button->setObjectName(QLatin1String(name));
        connect(button, &QCommandLinkButton::clicked, this, [this, choice] { choose(choice); });
        actions->addWidget(button);
        return button;
    };
    QCommandLinkButton *wizard =
        link(tr("New with the Wizard"), tr("Goal, audience, personas, stages and touchpoints, step by step"),
             "startWizard", Choice::Wizard);
    link(tr("New from a Template"), tr("Retail store, e-commerce, B2B, service support and more, with examples"),
         "startTemplate", Choice::Template);
    link(tr("New Blank Map"), tr("Five stages and the usual lanes, nothing else"), "startBlank", Choice::Blank);
    link(tr("Open a Map..."), tr("A .cjm file from your computer or a shared drive"), "startOpen", Choice::Open);
    actions->addStretch(1);
    row->addLayout(actions, 3);
    auto *recent = new QVBoxLayout;
    recent->addWidget(plainLabel(tr("Recent maps:"), this));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("startRecent"));
    for (const QString &path : recentFiles) {
        auto *item = new QListWidgetItem(QFileInfo(path).fileName(), m_list);
        item->setData(Qt::UserRole, path);
        item->setToolTip(plainToolTip(path));
    }
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        m_recent = item->data(Qt::UserRole).toString();
        choose(Choice::Recent);
    });
    recent->addWidget(m_list, 1);
    row->addLayout(recent, 2);
    layout->addLayout(row, 1);
    m_show = new QCheckBox(tr("Show at startup"), this);
    m_show->setChecked(showAtStartup());
    connect(m_show, &QCheckBox::toggled, this, &StartDialog::setShowAtStartup);
    layout->addWidget(m_show);
    wizard->setFocus();
    resize(720, 420);
}

void StartDialog::choose(Choice choice)
{
    m_choice = choice;
    accept();
}

} // namespace cjm
