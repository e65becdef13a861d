#include "message_bar.hpp"
#include "plain_message.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace cjm {

MessageBar::MessageBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    m_label = plainLabel(QString(), this); // file names come from the file system
    m_label->setWordWrap(true);
    layout->addWidget(m_label, 1);
    m_buttons = new QHBoxLayout;
    layout->addLayout(m_buttons);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Hide this message"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    layout->addWidget(close);
    hide();
}

void MessageBar::showMessage(const QString &text, std::vector<Action> actions, Tone tone, const QString &topic)
{
    m_topic = topic;
    m_label->setText(text);
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        // Later, not now: the button being clicked may be the one asking.
        if (QWidget *old = item->widget()) {
            old->hide();
            old->deleteLater();
        }
        delete item;
    }
    for (Action &action : actions) {
        auto *button = new QPushButton(action.text, this);
        button->setObjectName(action.objectName);
        connect(button, &QPushButton::clicked, this, [this, run = std::move(action.run)] {
            hide();
            if (run)
                run();
        });
        m_buttons->addWidget(button);
    }
    const QColor background = tone == Tone::Warning ? QColor(0xfff3cd) : QColor(0xdbeafe);
    setStyleSheet(QStringLiteral("#messageBar { background: %1; border: 1px solid %2; }")
                      .arg(background.name(), background.darker(130).name()));
    show();
}

QString MessageBar::text() const { return m_label->text(); }

} // namespace cjm
