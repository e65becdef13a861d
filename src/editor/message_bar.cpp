#include "message_bar.hpp"
#include "plain_message.hpp"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <utility>

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
    auto *close = m_close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Hide this message"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    layout->addWidget(close);
    hide();
}

void MessageBar::showMessage(const QString &text, std::vector<Action> actions, Tone tone, const QString &topic)
{
    m_reshow = nullptr;
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

void MessageBar::showTranslated(std::function<void()> show)
{
    if (!show)
        return;
    show();
    m_reshow = std::move(show);
}

void MessageBar::retranslate()
{
    m_close->setToolTip(tr("Hide this message"));
    // Hidden, the message has had its say: no need to compose it again.
    if (m_reshow && !isHidden())
        showTranslated(std::move(m_reshow));
}

void MessageBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

QString MessageBar::text() const { return m_label->text(); }

} // namespace cjm
