#pragma once
// File ▸ Compare With...: what another version of the map (a teammate's
// copy, last week's file, the current-state map behind a future-state copy)
// has different from the open one, listed by entity from the open map's side
// (the lines of `cjm diff OTHER THIS`), with the cards involved highlighted on
// the canvas. Clicking a row shows that card. The list
// follows edits to the open map.

#include <QString>
#include <QWidget>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "cjm/diff.hpp"

class QLabel;
class QListWidget;
class QPushButton;
class QTimer;

namespace cjm {

class DocumentController;
class EmotionChart;
class MapScene;

class CompareWindow;

class ComparePanel : public QWidget {
    Q_OBJECT
public:
    ComparePanel(DocumentController *controller, MapScene *scene, QWidget *parent = nullptr);

    // Compares the open map with `other` (named `otherName` in the panel).
    void compareWith(Document other, const QString &otherName);
    // Stops comparing and takes its highlights away: only the ones this panel
    // put on the map and still there (the scene's highlights are shared with
    // the find bar, whose matches stay).
    void clear();
    bool isComparing() const { return m_other.has_value(); }
    const std::vector<Change> &changes() const { return m_changes; }
    QListWidget *list() const { return m_list; }
    // Both versions' emotion curves, this map's solid and the other's dashed.
    EmotionChart *chart() const { return m_chart; }
    // Both versions drawn next to each other (Side by Side); null until asked for.
    CompareWindow *sideBySide() const { return m_sideBySide; }
    void showSideBySide();
    // Carries on what `old` was doing (after a change of the UI language the
    // panel is built again): the same comparison, and its Side by Side
    // window, now this panel's.
    void takeOver(ComparePanel &old);

signals:
    void showCard(const std::string &cardId);
    // The user pressed Stop Comparing: the panel has nothing more to show.
    void stopped();

private:
    void recompute();

    DocumentController *m_controller;
    MapScene *m_scene;
    QLabel *m_heading;
    QListWidget *m_list;
    EmotionChart *m_chart;
    QTimer *m_recompute;
    QPushButton *m_sideBySideButton;
    CompareWindow *m_sideBySide = nullptr;
    std::optional<Document> m_other;
    QString m_otherName;
    std::vector<Change> m_changes;
    // The highlights this panel put on the scene, while they may still be there.
    std::optional<std::unordered_set<std::string>> m_shownHighlights;
};

} // namespace cjm
