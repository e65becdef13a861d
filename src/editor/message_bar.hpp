#pragma once
// A bar across the top of the canvas with a message and a few buttons: news
// that needs an answer but must not block work (the file changed on disk,
// the map is read-only, a review is due). Like a modeless dialog that
// cannot get lost behind the window.

#include <QFrame>
#include <QString>
#include <functional>
#include <utility>
#include <vector>

class QHBoxLayout;
class QLabel;
class QToolButton;

namespace cjm {

class MessageBar : public QFrame {
    Q_OBJECT
public:
    enum class Tone { Information, Warning };
    struct Action {
        QString text;
        std::function<void()> run;
        QString objectName; // for tests and accessibility
    };

    explicit MessageBar(QWidget *parent = nullptr);

    // Shows `text` with one button per action. Clicking a button hides the
    // bar and runs its action; the close button only hides it.
    // `topic` names what the message is about ("conflicts"), so the one who
    // showed it can take it away when it no longer holds.
    void showMessage(const QString &text, std::vector<Action> actions, Tone tone = Tone::Information,
                     const QString &topic = QString());
    // The same, for a message in the UI language: `show` calls showMessage()
    // now and again whenever the language changes (View ▸ Language) while the
    // bar is open, so its text and buttons follow. A plain showMessage()
    // afterwards replaces it.
    void showTranslated(std::function<void()> show);
    QString text() const;
    QString topic() const { return isHidden() ? QString() : m_topic; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_label;
    QToolButton *m_close;
    std::function<void()> m_reshow;
    QHBoxLayout *m_buttons;
    QString m_topic;
};

} // namespace cjm
