#pragma once
// The Comments dock of a team map (#20 item 4): threads on cards, each with
// its author and time (in the user's local format), replies under them,
// resolved or open. Shows the selected card's threads or every card's; new
// comments arrive live from the team session (addComment). Posting, replying
// and resolving are asked of the session through signals: the server
// decides (a viewer is refused there), the panel only disables what a
// viewer cannot do and says why.
//
// Every comment's text, author and card words are data: shown as plain text.

#include <QDateTime>
#include <QString>
#include <QWidget>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace cjm {

class MapScene;

struct TeamComment {
    qint64 id = 0;
    qint64 parentId = 0; // 0: starts a thread; else the thread's first comment
    std::string cardId;
    QString author;
    QDateTime time; // as the server stamped it (UTC)
    QString text;
    bool resolved = false; // on a thread's first comment: the whole thread
};

class CommentsPanel : public QWidget {
    Q_OBJECT
public:
    enum class Filter { SelectedCard, AllCards };

    explicit CommentsPanel(MapScene *scene, QWidget *parent = nullptr);

    Filter filter() const { return m_filter; }
    void setFilter(Filter filter);
    // The card a new thread goes on: the one selected card (none when zero
    // or several are selected).
    std::string commentCard() const;

    QTreeWidget *tree() const { return m_tree; }
    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *commentButton() const { return m_comment; }
    QPushButton *replyButton() const { return m_reply; }
    QPushButton *resolveButton() const { return m_resolve; }
    QLabel *hint() const { return m_hint; }
    QComboBox *filterBox() const { return m_filterBox; }
    bool canPost() const { return m_canPost; }
    // The thread (its first comment's id) of the selected row; 0 when none.
    qint64 selectedThread() const;
    // Selects the row of a comment; false when it is not shown.
    bool selectComment(qint64 id);
    // The threads shown, their first comment's id, in the order shown.
    std::vector<qint64> shownThreads() const;
    const std::vector<TeamComment> &comments() const { return m_comments; }

    // Comment, Reply and Resolve/Reopen as the buttons do them.
    void postComment();
    void postReply();
    void toggleResolved();

    // The text of a comment's time: local time in the locale's short format.
    static QString timeText(const QDateTime &time);

public slots:
    // Every comment of the map (opening it, after a reconnect).
    void setComments(const std::vector<TeamComment> &comments);
    // One comment arrived or changed (resolved, reopened): by id.
    void addComment(const TeamComment &comment);
    // Whether this user may post; `why` is shown when not ("You are a viewer
    // of this map: you can read comments but not post them.").
    void setCanPost(bool canPost, const QString &why = QString());
    // The session could not send what was posted: the text comes back into
    // the box and the reason is shown.
    void postFailed(const QString &why);

signals:
    // New thread: parentId 0; reply: parentId = the thread's first comment.
    void postRequested(const std::string &cardId, qint64 parentId, const QString &text);
    void resolveRequested(qint64 threadId, bool resolved);
    // A thread was clicked: show its card on the canvas.
    void showCard(const std::string &cardId);

protected:
    // View > Language: the panel's words (and its dock's title) in the new language.
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuild();
    void updateControls();
    QTreeWidgetItem *itemFor(const TeamComment &comment) const;
    const TeamComment *find(qint64 id) const;
    QString cardName(const std::string &cardId) const;

    MapScene *m_scene;
    QComboBox *m_filterBox;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_editor;
    QPushButton *m_comment;
    QPushButton *m_reply;
    QPushButton *m_resolve;
    QLabel *m_hint;
    Filter m_filter = Filter::SelectedCard;
    bool m_canPost = true;
    QString m_cannotPostWhy;
    QString m_lastPosted;
    QString m_problem;
    std::vector<TeamComment> m_comments;
};

} // namespace cjm
