#pragma once
// Insights: the map read stage by stage. A small chart of each persona's
// average emotion across the stages (its lowest moment marked), and a table
// of pain points and barriers with their weight, and opportunities by
// status. The figures are the canvas's own (MapLayout::shownInsights, the
// rule in cjm/insights.hpp): hidden lanes are left out and a focus on one
// persona narrows them, as the canvas shows the map, and a line above the
// table says so. Beside the chart, each persona's largest gaps between how
// the customer feels and how they should feel (an emotion's desired score).
// Follows edits once they settle; costs nothing while hidden.

#include <QWidget>

#include "cjm/insights.hpp"

class QLabel;
class QTableWidget;
class QTimer;

namespace cjm {

class MapScene;

// The emotion chart: one line per persona over the stages, -3 to +3.
class EmotionChart : public QWidget {
    Q_OBJECT
public:
    explicit EmotionChart(QWidget *parent = nullptr);
    void setData(const Document &document, const Insights &insights);
    // Two versions' curves over this map's stages: this map's solid, the
    // other's dashed (its stages matched by id, so a future-state copy lines
    // up with its current state).
    void setComparison(const Document &mine, const Document &other, const QString &otherName);
    QSize sizeHint() const override { return {480, 150}; }
    // Tall enough for the -3..+3 scale, the legend and the stage names to
    // stay apart at the bottom dock's default height.
    QSize minimumSizeHint() const override { return {240, 140}; }
    int seriesCount() const { return static_cast<int>(m_series.size()); }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override; // a cut stage name's full text as a tool tip

private:
    struct Series {
        QString name;
        QColor color;
        std::vector<std::optional<double>> values;
        int lowestStage = -1;
        bool dashed = false;
    };
    void addSeries(const Document &document, const Insights &insights, const Document &axis, bool dashed,
                   const QString &suffix);
    std::vector<Series> m_series;
    QStringList m_stages;
    QString m_otherName; // the compared version, drawn dashed
};

class InsightsPanel : public QWidget {
    Q_OBJECT
public:
    explicit InsightsPanel(MapScene *scene, QWidget *parent = nullptr);
    const Insights &insights() const { return m_insights; }
    QTableWidget *table() const { return m_table; }
    // Persona, stage, felt, desired, gap: the largest gaps of each persona.
    QTableWidget *gapsTable() const { return m_gaps; }
    EmotionChart *chart() const { return m_chart; }
    // What the figures leave out (a focus, hidden lanes); hidden when nothing.
    QLabel *scopeLabel() const { return m_scope; }

public slots:
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    MapScene *m_scene;
    EmotionChart *m_chart;
    QLabel *m_scope;
    QTableWidget *m_table;
    QTableWidget *m_gaps;
    QTimer *m_refresh;
    Insights m_insights;
    bool m_stale = true;
};

} // namespace cjm
