#pragma once
// MapPainter: draws any part of a MapLayout with a QPainter. The canvas's
// items and every exporter call these same functions; only PaintOptions
// differ (selection and find highlights exist on the canvas alone).

#include <QHash>
#include <QPainter>
#include <QRectF>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

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
    // When set, only these cards are ringed as a lowest moment: a slide, a
    // sub-map of a few stages, passes each persona's lowest on the whole
    // map, so no page rings its own lowest as the persona's.
    const std::unordered_set<std::string> *lowestMomentsShown = nullptr;
};

inline constexpr qreal kBlockDetail = 0.4;

class MapPainter {
public:
    MapPainter(const Document &document, const MapLayout &layout);

    // Everything in `exposed`: background, headers, bands, then cards.
    void paintMap(QPainter *painter, const QRectF &exposed, const PaintOptions &options) const;
    // Everything that draws into `exposed`, cards just outside it whose
    // outlines or faces reach in included, for a caller that clips to
    // `exposed` and paints it again over an older picture (the canvas). Not
    // for exports: a vector format keeps what is drawn outside the clip.
    void paintArea(QPainter *painter, const QRectF &exposed, const PaintOptions &options) const;
    // Everything but the cards.
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

    // How a persona's name is written in its header `rect`, under the badge.
    // A name mostly in Chinese, Japanese or Korean characters is written as
    // those names are set vertically: upright characters, one under the
    // other from the top, centred in the strip (Latin letters and digits in
    // it stand upright too, one per line). Any other name runs rotated,
    // bottom to top along the band, as on printed maps. A name too long for
    // the band ends in an ellipsis (upright: "︙"). Exports paint through
    // this too, so PDFs match the canvas.
    struct PersonaName {
        bool upright = false;
        QFont font;
        QRectF area;  // the strip under the badge the name is fitted to; empty when too short for a name
        QString text; // rotated: the name, elided to the strip's height
        std::vector<std::pair<QString, QRectF>> glyphs; // upright: each character and its cell, top to bottom
    };
    PersonaName personaNameLayout(const QString &name, const QRectF &rect, const PaintOptions &options) const;

    QColor stageColor(int stage) const;
    QColor personaColor(int band) const;
    // The face an emotion of `score` shows on the map, filled with the
    // style's colour for that score, into `rect` (the canvas's drop readout).
    void paintEmotionFace(QPainter *painter, const QRectF &rect, double score) const;

    // The ring and label that mark a persona's lowest moment (the card
    // MapLayout::lowestMoment names; the rule is in cjm/insights.hpp) in an
    // emotion row, or nullopt when the row holds none. Neither covers the
    // card's caption (its words under the face): the ring is left open
    // above it, and the label goes right of the ring, else left, else above
    // it, wherever it covers no face or caption of the row, and is left out
    // when no place is clear. Costs the cards of three cells.
    struct LowestMomentMark {
        std::string cardId;
        QPointF center;   // the face's centre, the ring's too
        qreal radius = 0; // the ring's, to the middle of its pen
        qreal penWidth = 0;
        qreal startAngle = 0;  // the ring as an arc, in degrees as QPainter::drawArc
        qreal spanAngle = 360; // counts them (counter-clockwise from three o'clock)
        QRectF caption;        // where the card's caption is drawn; empty without one
        QRectF label;          // where "Lowest moment" is written; empty when left out
    };
    std::optional<LowestMomentMark> lowestMomentMark(int band, int row, const PaintOptions &options) const;
    // Where an emotion card laid out in `cardRect` draws its caption: the
    // words' own box, empty when it has none or is drawn without text.
    QRectF emotionCaptionRect(const Card &card, const QRectF &cardRect, const PaintOptions &options) const;
    // On slides, where a feeling's whole words wrap under its face: the
    // width they wrap to, for an emotion box `boxWidth` wide.
    static qreal wholeEmotionCaptionWidth(qreal boxWidth);

    // The emotion curve of a row: a smooth curve through every point
    // (Catmull-Rom as cubic Béziers), kept inside the row so it never
    // overshoots past +3 or -3. Segment i runs from point i to point i + 1
    // and depends on points i - 1 to i + 2.
    struct CurveSegment {
        QPointF from, control1, control2, to;
        QRectF bounds() const; // of its four points: the segment stays inside them
    };
    std::vector<CurveSegment> emotionCurve(int band, int row) const;
    // The target curve of a row: the same construction through the desired
    // scores' points (at each emotion's x, at the height of its desired
    // score). A card without a desired score breaks it: each run of
    // neighbours that have one is its own curve, bent only by its own
    // points, since a target the user did not set is no point to bend
    // towards. A run of one point has no segments (it is drawn as a tick).
    // Reads the document's desired scores, unlike the geometry below.
    struct TargetRun {
        std::size_t firstPoint = 0;  // its first point's index in the row's emotion points
        std::vector<QPointF> points; // one per card of the run
        std::vector<CurveSegment> segments;
    };
    std::vector<TargetRun> targetCurve(int band, int row) const;

    // Where each part draws, in map units, antialiasing, outlines and
    // shadows included: what must be repainted when the part changes or
    // moves (map_regions.hpp). They read the layout only, never the
    // document, so they answer for a layout that is about to change.
    const MapLayout &layout() const { return m_layout; }
    const Document &document() const { return m_document; }
    // The whole map with what may be drawn past its bounds (an emotion's
    // face or the lowest moment's ring beside the last stage).
    QRectF paintBounds() const;
    // A card laid out in `cardRect` in a row of `kind`: its box, an
    // emotion's face (wider than its box when a cell holds many), the
    // selection and find outlines, a sticky note's shadow.
    QRectF cardPaintBounds(const QRectF &cardRect, LaneKind kind) const;
    // The same for a laid-out card by id; empty when it is not laid out.
    QRectF cardPaintBounds(const std::string &cardId) const;
    // A curve segment with the pen's width, at any level of detail.
    QRectF curveSegmentPaintBounds(const CurveSegment &segment) const;
    // What a row's target curve, the shading between it and the felt curve,
    // and a lone target's tick may paint between two x: the row's height
    // with the widest pen, and half a face either side (the tick).
    QRectF targetPaintBounds(int band, int row, qreal fromX, qreal toX) const;
    // The ring round a band's lowest moment and every place its label may
    // go (right, left, above), whichever it takes; empty when the band
    // shows none.
    QRectF lowestMomentReach(int band) const;
    // The heat strip under a stage's header, with its counts.
    QRectF heatStripBounds(int stage) const;
    // What a band's header, laid out in `rect`, draws that is not the same
    // all the way down (its badge and its name) at any level of detail: the
    // rest of the header is its colours, so when a row of the band grows or
    // shrinks, moved pixels and the seam's repaint show it right. The one
    // bound here that reads the document (the persona's name), which no
    // card edit changes.
    // Two areas (badge, name) far apart on a tall band: not one rectangle.
    std::vector<QRectF> personaHeaderContentReach(int band, const QRectF &rect) const;

private:
    // The one curve construction, felt and target alike (see emotionCurve).
    static std::vector<CurveSegment> curveThrough(const std::vector<QPointF> &points, qreal top, qreal bottom);
    void paintTargetCurve(QPainter *painter, int band, int row, const std::vector<CurveSegment> &felt,
                          const QRectF &exposed, const PaintOptions &options) const;
    void paintHeatStrip(QPainter *painter, int stage, const QRectF &headerRect) const;
    void paintEmotionRow(QPainter *painter, int band, int row, const QRectF &exposed,
                         const PaintOptions &options) const;
    void paintCardFooter(QPainter *painter, const Card &card, LaneKind kind, const QRectF &rect) const;
    void paintEmotionCard(QPainter *painter, const Card &card, const QRectF &rect, const PaintOptions &options) const;
    void paintCardOutlines(QPainter *painter, LaneKind kind, const QRectF &rect, bool selected, bool highlighted) const;
    // An emotion's caption: its words, elided to one line, and the box under the face they are drawn in.
    QString emotionCaption(const Card &card, const QRectF &cardRect) const;
    QRectF emotionCaptionBox(const QRectF &cardRect) const;
    bool wholeEmotionCaptions() const;

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
