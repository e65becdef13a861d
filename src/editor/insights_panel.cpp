#include "insights_panel.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QTableWidget>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>

#include "card_text.hpp"
#include "document_controller.hpp"
#include "map_scene.hpp"
#include "map_style.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {
enum Column { StageColumn, Pains, Barriers, Weight, Ideas, Planned, InProgress, Done, ColumnCount };
enum GapColumn { GapPersona, GapStage, GapFelt, GapDesired, GapSize, GapColumnCount };

QString signedScore(int score) { return score > 0 ? QStringLiteral("+%1").arg(score) : QString::number(score); }

// The plot area of the chart: the legend above, the stage names below.
QRectF plotRect(const QRect &widget) { return QRectF(widget).adjusted(28, 24, -8, -22); }
} // namespace

EmotionChart::EmotionChart(QWidget *parent) : QWidget(parent) { setObjectName(QStringLiteral("emotionChart")); }

void EmotionChart::setData(const Document &document, const Insights &insights)
{
    m_series.clear();
    m_stages.clear();
    m_otherName.clear();
    for (const Stage &stage : document.stages())
        m_stages << toQString(stage.name);
    addSeries(document, insights, document, false, QString());
    update();
}

void EmotionChart::setComparison(const Document &mine, const Document &other, const QString &otherName)
{
    m_series.clear();
    m_stages.clear();
    for (const Stage &stage : mine.stages())
        m_stages << toQString(stage.name);
    m_otherName = otherName;
    addSeries(mine, computeInsights(mine), mine, false, QString());
    addSeries(other, computeInsights(other), mine, true, QStringLiteral(" (") + otherName + QLatin1Char(')'));
    update();
}

void EmotionChart::addSeries(const Document &document, const Insights &insights, const Document &axis, bool dashed,
                             const QString &suffix)
{
    for (std::size_t p = 0; p < document.personas().size(); ++p) {
        Series series;
        series.name = toQString(document.personas()[p].name) + suffix;
        // The persona's colour on the map, so the chart reads with it.
        const QColor own = document.personas()[p].color ? QColor(toQString(*document.personas()[p].color)) : QColor();
        series.color = own.isValid() ? own : MapStyle::standard().defaultPersonaColor(p);
        series.dashed = dashed;
        bool any = false;
        // The axis is `axis`'s stages; this document's stages land where their ids do.
        for (const Stage &stage : axis.stages()) {
            std::optional<double> value;
            if (auto index = document.stageIndex(stage.id)) {
                const StageInsight &insight = insights.stages[*index];
                if (p < insight.averageEmotion.size())
                    value = insight.averageEmotion[p];
            }
            series.values.push_back(value);
            any = any || value.has_value();
        }
        if (!any)
            continue; // a persona without emotions has no line
        if (const Card *lowest = document.card(insights.lowestMoments[p]))
            if (auto index = axis.stageIndex(lowest->stage))
                series.lowestStage = static_cast<int>(*index);
        m_series.push_back(std::move(series));
    }
}

void EmotionChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), Qt::white);
    // The legend has its own row above the plot, so it never hides a line.
    const QRectF plot = plotRect(rect());
    if (m_stages.isEmpty() || plot.width() <= 0)
        return;
    auto yOf = [&](double score) { return plot.center().y() - score / 3.0 * plot.height() / 2; };
    const qreal step = plot.width() / m_stages.size();
    auto xOf = [&](int stage) { return plot.left() + step * (stage + 0.5); };
    painter.setPen(QPen(QColor(0xd1, 0xd5, 0xdb), 1, Qt::DashLine));
    painter.drawLine(QPointF(plot.left(), yOf(0)), QPointF(plot.right(), yOf(0)));
    painter.setPen(QColor(0x6b, 0x72, 0x80));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter.setFont(small);
    for (int score : {3, 0, -3})
        painter.drawText(QRectF(0, yOf(score) - 8, 24, 16), Qt::AlignRight | Qt::AlignVCenter,
                         score > 0 ? QStringLiteral("+%1").arg(score) : QString::number(score));
    for (int s = 0; s < m_stages.size(); ++s)
        painter.drawText(QRectF(plot.left() + step * s, plot.bottom() + 4, step, 16), Qt::AlignCenter,
                         painter.fontMetrics().elidedText(m_stages[s], Qt::ElideRight, static_cast<int>(step) - 4));
    for (const Series &series : m_series) {
        QPainterPath path;
        bool started = false;
        for (int s = 0; s < static_cast<int>(series.values.size()); ++s) {
            if (!series.values[static_cast<std::size_t>(s)])
                continue; // a gap: the line joins the stages that have a score
            const QPointF point(xOf(s), yOf(*series.values[static_cast<std::size_t>(s)]));
            started ? path.lineTo(point) : path.moveTo(point);
            started = true;
        }
        painter.setPen(QPen(series.color, 2, series.dashed ? Qt::DashLine : Qt::SolidLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        for (int s = 0; s < static_cast<int>(series.values.size()); ++s)
            if (series.values[static_cast<std::size_t>(s)]) {
                const QPointF point(xOf(s), yOf(*series.values[static_cast<std::size_t>(s)]));
                painter.setBrush(series.color);
                painter.drawEllipse(point, 3, 3);
                if (s == series.lowestStage) { // the stage of the lowest moment
                    painter.setBrush(Qt::NoBrush);
                    painter.setPen(QPen(QColor(0xdc, 0x26, 0x26), 2));
                    painter.drawEllipse(point, 7, 7);
                    painter.setPen(QPen(series.color, 2));
                }
            }
    }
    // Legend: each persona once, in its colour; dashed lines are the other version.
    qreal x = plot.left();
    for (const Series &series : m_series) {
        if (series.dashed)
            continue;
        const qreal entryWidth = painter.fontMetrics().horizontalAdvance(series.name) + 22;
        painter.setPen(Qt::NoPen);
        painter.setBrush(series.color);
        painter.drawRect(QRectF(x, 7, 10, 10));
        painter.setPen(QColor(0x37, 0x41, 0x51));
        painter.drawText(QRectF(x + 13, 2, entryWidth - 13, 20), Qt::AlignLeft | Qt::AlignVCenter, series.name);
        x += entryWidth;
    }
    if (!m_otherName.isEmpty()) {
        painter.setPen(QPen(QColor(0x6b, 0x72, 0x80), 2, Qt::DashLine));
        painter.drawLine(QPointF(x + 2, 12), QPointF(x + 22, 12));
        painter.setPen(QColor(0x37, 0x41, 0x51));
        painter.drawText(
            QRectF(x + 26, 2, std::max<qreal>(0, width() - x - 30), 20), Qt::AlignLeft | Qt::AlignVCenter,
            painter.fontMetrics().elidedText(m_otherName, Qt::ElideRight, std::max(0, width() - int(x) - 30)));
    }
}

bool EmotionChart::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    // Stage names are cut to their column; pointing at one says it whole.
    const QPoint pos = static_cast<QHelpEvent *>(event)->pos();
    const QRectF plot = plotRect(rect());
    QString tip;
    if (!m_stages.isEmpty() && plot.width() > 0 && pos.y() > plot.bottom() && pos.x() >= plot.left() &&
        pos.x() < plot.right()) {
        const int stage = std::min(static_cast<int>(m_stages.size()) - 1,
                                   static_cast<int>((pos.x() - plot.left()) / (plot.width() / m_stages.size())));
        tip = plainToolTip(m_stages[stage]);
    }
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), tip, this);
    return true;
}

InsightsPanel::InsightsPanel(MapScene *scene, QWidget *parent) : QWidget(parent), m_scene(scene)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_chart = new EmotionChart(this);
    m_gaps = new QTableWidget(0, GapColumnCount, this);
    m_gaps->setObjectName(QStringLiteral("insightsGaps"));
    m_gaps->setHorizontalHeaderLabels({tr("Persona"), tr("Stage"), tr("Felt"), tr("Desired"), tr("Gap")});
    m_gaps->horizontalHeaderItem(GapSize)->setToolTip(
        tr("Desired minus felt: how much better the customer should feel there"));
    m_gaps->setAccessibleName(tr("Largest gaps between felt and desired emotion"));
    m_gaps->verticalHeader()->hide();
    m_gaps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_gaps->setWordWrap(false);
    m_gaps->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_gaps->horizontalHeader()->setSectionResizeMode(GapPersona, QHeaderView::Stretch);
    m_gaps->horizontalHeader()->setSectionResizeMode(GapStage, QHeaderView::Stretch);
    // The chart and the gaps side by side: the bottom dock is wide and low.
    auto *top = new QHBoxLayout;
    top->addWidget(m_chart, 3);
    top->addWidget(m_gaps, 2);
    layout->addLayout(top, 1);
    m_scope = plainLabel(QString(), this); // a persona's name is the file's text, never markup
    m_scope->setObjectName(QStringLiteral("insightsScope"));
    m_scope->setWordWrap(true);
    m_scope->hide();
    layout->addWidget(m_scope);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("insightsTable"));
    m_table->setHorizontalHeaderLabels({tr("Stage"), tr("Pain points"), tr("Barriers"), tr("Weight"), tr("Ideas"),
                                        tr("Planned"), tr("In progress"), tr("Done")});
    m_table->horizontalHeaderItem(Weight)->setToolTip(tr("The sum of their severities (1 low to 3 high)"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(StageColumn, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    // A stage's name cut to its column says itself in full when pointed at.
    m_table->setWordWrap(false);
    // The figures are kept by the layout, edit by edit; the panel refills
    // its chart and table after edits settle, and only while it is shown.
    m_refresh = new QTimer(this);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(300);
    connect(m_refresh, &QTimer::timeout, this, &InsightsPanel::refresh);
    auto changed = [this] {
        m_stale = true;
        if (isVisible())
            m_refresh->start();
    };
    // After the scene's layout (and with it the figures) follows a change:
    // a new map, a structure change, a focus, card edits. A name changes no
    // layout, yet the panel shows stages and personas by name.
    connect(scene, &MapScene::layoutChanged, this, changed);
    connect(scene->controller(), &DocumentController::changed, this, [changed](const ChangeSet &changes) {
        if (changes.touchesLabels())
            changed();
    });
}

void InsightsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void InsightsPanel::refresh()
{
    m_stale = false;
    const Document &doc = m_scene->controller()->document();
    const MapLayout &mapLayout = m_scene->mapLayout();
    m_insights = mapLayout.shownInsights(); // what the canvas rings and the heat strip weighs
    m_chart->setData(doc, m_insights);
    QStringList scope;
    if (mapLayout.bands().size() == 1 && !mapLayout.focusPersona().empty())
        if (const Persona *focused = doc.persona(mapLayout.focusPersona()))
            scope << tr("Only %1, the persona in focus, is counted.").arg(isolatedText(toQString(focused->name)));
    const auto hidden =
        std::count_if(doc.lanes().begin(), doc.lanes().end(), [](const Lane &lane) { return lane.hidden; });
    if (hidden > 0)
        scope << tr("Cards in %n hidden lane(s) are not counted.", "", static_cast<int>(hidden));
    m_scope->setText(scope.join(QLatin1Char(' ')));
    m_scope->setVisible(!scope.isEmpty());
    m_table->setRowCount(static_cast<int>(m_insights.stages.size()));
    for (std::size_t s = 0; s < m_insights.stages.size(); ++s) {
        const StageInsight &stage = m_insights.stages[s];
        const int row = static_cast<int>(s);
        auto set = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text); // plain text
            if (column != StageColumn)
                item->setTextAlignment(Qt::AlignCenter);
            m_table->setItem(row, column, item);
        };
        set(StageColumn, toQString(doc.stages()[s].name));
        set(Pains, QString::number(stage.painPoints));
        set(Barriers, QString::number(stage.barriers));
        set(Weight, QString::number(stage.severity));
        // The heaviest stages stand out, as in the heat strip.
        if (stage.severity > 0) {
            const qreal heat = std::min<qreal>(1.0, stage.severity / 9.0);
            m_table->item(row, Weight)->setBackground(QColor::fromRgbF(1.0, 0.95 - 0.6 * heat, 0.78 - 0.6 * heat));
        }
        for (int status = 0; status < 4; ++status)
            set(Ideas + status, QString::number(stage.opportunities[static_cast<std::size_t>(status)]));
        m_table->item(row, StageColumn)->setToolTip(plainToolTip(toQString(doc.stages()[s].name)));
    }

    // Each persona's largest felt-to-desired gaps, largest first.
    m_gaps->setRowCount(0);
    for (std::size_t p = 0; p < m_insights.largestGaps.size() && p < doc.personas().size(); ++p)
        for (const EmotionGap &gap : m_insights.largestGaps[p]) {
            const int row = m_gaps->rowCount();
            m_gaps->insertRow(row);
            const Card *card = doc.card(gap.cardId);
            auto set = [&](int column, const QString &text, const QString &tip) {
                auto *item = new QTableWidgetItem(text); // plain text
                if (column >= GapFelt)
                    item->setTextAlignment(Qt::AlignCenter);
                if (!tip.isEmpty())
                    item->setToolTip(plainToolTip(tip));
                item->setData(Qt::UserRole, toQString(gap.cardId));
                m_gaps->setItem(row, column, item);
            };
            const QString persona = toQString(doc.personas()[p].name);
            const QString stage = gap.stage < doc.stages().size() ? toQString(doc.stages()[gap.stage].name) : QString();
            set(GapPersona, persona, persona);
            // The stage's cell names the moment too: the emotion card's words.
            set(GapStage, stage,
                card && !card->text.empty() ? stage + QStringLiteral(": ") + toQString(card->text) : stage);
            set(GapFelt, signedScore(gap.score), QString());
            set(GapDesired, signedScore(gap.desired), QString());
            set(GapSize, signedScore(gap.gap()), QString());
        }
    if (m_gaps->rowCount() == 0) {
        // Says what would fill the list rather than showing an empty grid.
        m_gaps->setRowCount(1);
        auto *none = new QTableWidgetItem(tr("No emotion has a desired score yet (Inspector ▸ Desired)."));
        none->setFlags(Qt::ItemIsEnabled);
        m_gaps->setItem(0, GapPersona, none);
        m_gaps->setSpan(0, 0, 1, GapColumnCount);
    } else {
        m_gaps->clearSpans();
    }
}

} // namespace cjm
