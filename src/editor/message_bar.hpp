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
    QString text() const;
    QString topic() const { return isHidden() ? QString() : m_topic; }

private:
    QLabel *m_label;
    QHBoxLayout *m_buttons;
    QString m_topic;
};

} // namespace cjm
