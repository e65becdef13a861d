#pragma once
// MapLayout: every rectangle of a map, computed from the document and the
// style's fonts, with no widgets. The canvas and every exporter read the same
// layout, so what is exported is what is on screen.
//
// Geometry is kept so that a change in one cell costs that cell, its row and
// the row offsets, never all cards: card rectangles are stored relative to
// their cell, and cells to their row, whose y offsets are one small array.

#include <QPointF>
#include <QRectF>
#include <QString>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cjm/document.hpp"
#include "cjm/insights.hpp"
#include "map_style.hpp"

namespace cjm {

struct TextBlock {
    qreal height = 0;
    int lines = 0;
    bool elided = false; // more text than fits in the card's maximum lines
};

// Wraps `text` to `width` with `font`, at most `maxLines` lines.
TextBlock measureText(const QString &text, const QFont &font, qreal width, int maxLines);

class MapLayout {
public:
    struct StageColumn {
        std::string stageId;
        qreal x = 0;
        qreal width = 0;
    };
    struct LaneRow {
        std::string laneId;
        LaneKind kind = LaneKind::Notes; // effective kind (unknown kinds as notes)
        qreal y = 0;                     // absolute
        qreal height = 0;
    };
    struct PersonaBand {
        std::string personaId;
        qreal y = 0; // absolute
        qreal height = 0;
        std::vector<LaneRow> rows;    // the visible lanes, top to bottom
        std::size_t personaIndex = 0; // in the document's personas
    };
    struct CardBox {
        std::string cardId;
        QRectF rect;         // relative to the cell's top-left
        bool elided = false; // its text did not fit; show the full text in a tooltip
        int textLines = 0;
    };
    struct CardPlace {
        int band = -1;
        int row = -1;
        int stage = -1;
        int indexInCell = -1;
    };

    enum class HitKind { Nothing, Title, StageHeader, PersonaHeader, LaneLabel, Cell, Card };
    struct Hit {
        HitKind kind = HitKind::Nothing;
        int stage = -1;
        int band = -1;
        int row = -1;
        std::string cardId;
        // Where a dropped card would go in the hit cell (0 = first), and
        // between which columns or bands a new stage or persona would go.
        int insertIndex = -1;
    };

    explicit MapLayout(const MapStyle &style = MapStyle::standard());

    // Lays out the whole map.
    void rebuild(const Document &document);
    // Shows one persona's band only (a view setting, not part of the map);
    // empty shows every persona. Takes effect at the next rebuild().
    void setFocusPersona(std::string personaId) { m_focusPersona = std::move(personaId); }
    const std::string &focusPersona() const { return m_focusPersona; }
    // Relayout after the given cards changed (text, cell, order, removed,
    // added). Costs the touched cells and their rows, not the whole map.
    // Structure changes (personas, stages, lanes) need rebuild().
    void updateCards(const Document &document, const std::vector<std::string> &cardIds);

    // The map's figures (cjm/insights.hpp), kept with the layout: counted
    // again by rebuild(), updated per card by updateCards(), so the painter
    // reads them without a pass over the map and a drag step stays cheap.
    // The canvas, the exports and the Insights panel all read these.
    const MapInsights &insights() const { return m_insights; }
    // The figures as this layout shows them (every persona, or the focused one).
    Insights shownInsights() const { return m_insights.insights(m_focusPersona); }
    // A stage's pain points, barriers and their weight in the bands shown:
    // the focused persona's, or every persona's. What the heat strip draws.
    const StageTally &shownStageTally(int stage) const;
    // The card ringed as the lowest moment of a band's persona, "" for none.
    const std::string &lowestMoment(int band) const;

    const MapStyle &style() const { return m_style; }
    QRectF bounds() const { return m_bounds; }
    QRectF titleRect() const;
    QRectF stageHeaderRect(int stage) const;
    QRectF stageHeaderRowRect() const;
    QRectF personaHeaderRect(int band) const; // the persona's part of the left column
    QRectF laneLabelRect(int band, int row) const;
    QRectF bandRect(int band) const;         // the whole band, left column included
    QRectF rowRect(int band, int row) const; // cells only
    QRectF cellRect(int band, int row, int stage) const;
    qreal contentLeft() const; // x where the first stage starts

    const std::vector<StageColumn> &stages() const { return m_stages; }
    const std::vector<PersonaBand> &bands() const { return m_bands; }
    const std::vector<CardBox> &cardsInCell(int band, int row, int stage) const;
    std::size_t cardCount() const { return m_places.size(); }

    // Where a card with these persona, stage and lane is laid out (its
    // indexInCell -1): the cell it is in, or moves to after an edit;
    // nullopt when its lane is hidden or its persona not shown.
    std::optional<CardPlace> cellFor(const Card &card) const;
    // The band, column or row of an entity; -1 when it is not shown.
    int bandOf(const std::string &personaId) const;
    int stageOf(const std::string &stageId) const;
    int rowOf(const std::string &laneId) const;

    // Absolute rectangle of a laid-out card; nullopt when hidden or unknown.
    std::optional<QRectF> cardRect(const std::string &cardId) const;
    std::optional<CardPlace> cardPlace(const std::string &cardId) const;
    const CardBox *cardBox(const std::string &cardId) const;
    // All laid-out cards in display order (band, row, stage, order).
    std::vector<std::string> cardIds() const;
    // The laid-out ones of `cardIds` in display order; costs those cards.
    std::vector<std::string> inDisplayOrder(std::vector<std::string> cardIds) const;

    // Emotion rows: y of a score, and the points of a row, left to right.
    qreal emotionY(int band, int row, double score) const;
    // The inverse: the whole score (-3..+3) whose height is nearest `y`
    // (scene), clamped at the row's ends. A drop or drag reads it.
    int emotionScoreAt(int band, int row, qreal y) const;
    std::vector<std::pair<std::string, QPointF>> emotionPoints(int band, int row) const;

    Hit hitTest(const QPointF &point) const;
    // Cards whose rectangles intersect `rect` (rubber-band selection, exposed areas).
    std::vector<std::string> cardsIn(const QRectF &rect) const;
    // The first and last index of stages / bands intersecting a span, or -1.
    std::pair<int, int> stageRange(qreal x0, qreal x1) const;
    std::pair<int, int> bandRange(qreal y0, qreal y1) const;

private:
    std::size_t cellIndex(int band, int row, int stage) const;
    void layoutCell(const Document &document, int band, int row, int stage);
    qreal cellContentHeight(int band, int row, int stage) const;
    void placeRowsFrom(int band);
    void updateBounds();
    qreal cardHeight(const Document &document, const Card &card, LaneKind kind, qreal width, TextBlock &text) const;

    const MapStyle &m_style;
    // Each card's measured text, by card id, with the text and width it was
    // measured for. Measuring (shaping) the text is most of a layout's
    // cost; a structure change (a stage moved, a lane hidden) lays every
    // card out again but changes no card's words, so it measures none.
    struct MeasuredText {
        std::string text;
        qreal width = 0;
        TextBlock block;
    };
    mutable std::unordered_map<std::string, MeasuredText, StringHash, std::equal_to<>> m_measured;
    std::vector<StageColumn> m_stages;
    std::vector<PersonaBand> m_bands;
    std::size_t m_maxRows = 0; // rows per band are the same: the visible lanes
    // Cells in [band][row][stage] order, each with its cards sorted for display.
    std::vector<std::vector<CardBox>> m_cells;
    std::vector<std::vector<std::string>> m_cellMembers; // card ids per cell, unsorted
    std::unordered_map<std::string, CardPlace> m_places;
    std::unordered_map<std::string, int> m_personaBand;
    std::unordered_map<std::string, int> m_stageColumn;
    std::unordered_map<std::string, int> m_laneRow; // visible lanes only
    QRectF m_bounds;
    std::string m_focusPersona;
    std::optional<std::size_t> m_focusIndex; // the persona shown alone, when the focus names one
    MapInsights m_insights;
};

} // namespace cjm
