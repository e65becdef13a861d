#pragma once
// MapPainter: draws any part of a MapLayout with a QPainter. The canvas's
// items and every exporter call these same functions; only PaintOptions
// differ (selection and find highlights exist on the canvas alone).

#include <QHash>
#include <QPainter>
#include <QRectF>
#include <string>
#include <unordered_set>

#include "cjm/document.hpp"
#include "map_layout.hpp"

namespace cjm {

struct PaintOptions {
    // Screen pixels per map unit. Below kBlockDetail cards are drawn as
    // coloured blocks without text, so a 10,000-card map stays a map.
    qreal levelOfDetail = 1.0;
    bool transparentBackground = false;
    bool showLegend = true;
    // Exports print the date in the title block; the canvas leaves it empty.
    QString date;
    // Canvas-only decoration; exporters leave these empty.
    const std::unordered_set<std::string> *selectedCards = nullptr;
    const std::unordered_set<std::string> *highlightedCards = nullptr;
    // A strip under each stage header, from pale to deep red by the weight
    // of the pain points and barriers shown in that stage (toggled in View;
    // exported when it is on).
    bool heatStrip = false;
};

inline constexpr qreal kBlockDetail = 0.4;

class MapPainter {
public:
    MapPainter(const Document &document, const MapLayout &layout);

    // Everything in `exposed`: background, headers, bands, then cards.
    void paintMap(QPainter *painter, const QRectF &exposed, const PaintOptions &options) const;
    // Everything but the cards (the canvas draws cards as separate items).
    void paintBackground(QPainter *painter, const QRectF &exposed, const PaintOptions &options) const;
    void paintCards(QPainter *painter, const QRectF &exposed, const PaintOptions &options) const;
    // Below kBlockDetail: every card in `exposed` as its coloured block, with
    // selection and find outlines, in one pass over the layout's cells (the
    // same pixels paintCard draws at that level of detail, without a lookup
    // by id per card). The canvas paints zoomed-out maps with this.
    void paintCardBlocks(QPainter *painter, const QRectF &exposed, const PaintOptions &options) const;
    // One card into `rect` (its laid-out rectangle, or a translated copy).
    void paintCard(QPainter *painter, const std::string &cardId, const QRectF &rect, const PaintOptions &options) const;

    // The parts, each into a rectangle of the caller's choice, so the canvas
    // can draw frozen headers at the edge of the window with the same code.
    void paintTitleBlock(QPainter *painter, const QRectF &rect, const PaintOptions &options) const;
    void paintStageHeader(QPainter *painter, int stage, const QRectF &rect, const PaintOptions &options) const;
    void paintPersonaHeader(QPainter *painter, int band, const QRectF &rect, const PaintOptions &options) const;
    void paintLaneLabel(QPainter *painter, int band, int row, const QRectF &rect, const PaintOptions &options) const;
    void paintLegend(QPainter *painter, const QRectF &rect) const;

    QColor stageColor(int stage) const;
    QColor personaColor(int band) const;

    // Pain points and barriers shown in a stage: how many, and the sum of
    // their severities. Costs that stage's pain and barrier cells.
    struct StagePain {
        int painPoints = 0;
        int barriers = 0;
        int severity = 0;
    };
    StagePain stagePain(int stage) const;
    // The emotion card marked as a persona's lowest moment in an emotion row:
    // the lowest score, the first time it is reached; "" for an empty row.
    std::string lowestMoment(int band, int row) const;

private:
    void paintHeatStrip(QPainter *painter, int stage, const QRectF &headerRect) const;
    void paintEmotionRow(QPainter *painter, int band, int row, const QRectF &exposed, const PaintOptions &options) const;
    void paintCardFooter(QPainter *painter, const Card &card, LaneKind kind, const QRectF &rect) const;
    void paintEmotionCard(QPainter *painter, const Card &card, const QRectF &rect, const PaintOptions &options) const;
    void paintCardOutlines(QPainter *painter, LaneKind kind, const QRectF &rect, bool selected, bool highlighted) const;

    const Document &m_document;
    const MapLayout &m_layout;
    const MapStyle &m_style;
    mutable QHash<QString, int> m_fittedLabelSizes; // lane label font sizes, see paintLaneLabel
};

// Draws text wrapped into `rect`, at most `maxLines` lines, the last one
// elided when the text does not fit. Plain text only: never interpreted as HTML.
void drawWrappedText(QPainter *painter, const QRectF &rect, const QString &text, const QFont &font, int maxLines,
                     Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignTop);

} // namespace cjm
