#pragma once
// Find (Ctrl+F): a bar above the canvas. Typing highlights every card whose
// text, notes or tags contain the words; Enter and Shift+Enter step through
// them, selecting and scrolling to each; Escape closes the bar.

#include <QWidget>
#include <string>
#include <vector>

class QLabel;
class QLineEdit;

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
    const std::vector<std::string> &matches() const { return m_matches; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();

    MapView *m_view;
    QLineEdit *m_field;
    QLabel *m_count;
    std::vector<std::string> m_matches; // display order
    int m_current = -1;
};

} // namespace cjm
