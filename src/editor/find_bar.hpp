#pragma once
// Find (Ctrl+F): a bar above the canvas. Typing highlights every card whose
// text, notes or tags contain the words; Enter and Shift+Enter step through
// them, selecting and scrolling to each; Escape closes the bar.

#include <QWidget>
#include <string>
#include <unordered_set>
#include <vector>

class QLabel;
class QLineEdit;
class QToolButton;

namespace cjm {

class MapView;

class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(MapView *view, QWidget *parent = nullptr);

    void open();
    void close();
    void setQuery(const QString &query);
    void next(int direction = 1);
    // In display order.
    const std::vector<std::string> &matches() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    // A new UI language (View ▸ Language): the bar's words change in place;
    // the query, its matches and the current one stay.
    void changeEvent(QEvent *event) override;

private:
    // Searches the shown cards for the field's text. Typing on narrows the
    // last answer (a card without "ab" has no "abc"), so only a new or
    // shortened query looks at every card.
    void search();
    // After an edit: only the changed cards are looked at again.
    void followCards(const std::vector<std::string> &cardIds);
    bool cardMatches(const std::string &cardId, const QString &query) const;
    void showCount();
    void retranslate();

    MapView *m_view;
    QLineEdit *m_field;
    QLabel *m_count;
    QToolButton *m_previous;
    QToolButton *m_following;
    QToolButton *m_done;
    QString m_searched; // the query m_found answers; empty: none
    std::unordered_set<std::string> m_found;
    mutable std::vector<std::string> m_matches; // m_found in display order, sorted when asked for
    mutable bool m_matchesStale = false;
    std::string m_currentId; // the match last stepped to
};

} // namespace cjm
