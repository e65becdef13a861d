#pragma once
// What must be repainted after a change: the areas the painter drew for what
// changed, where it was before and where it is now. The geometry is the
// painter's and the layout's own (MapPainter::cardPaintBounds,
// lowestMomentReach, curveSegmentPaintBounds...), so a caller keeps no copy
// of how far anything is drawn.
//
// Used in two steps around the layout's update, since a layout is updated
// in place and copying one per drag step would cost more than the repaint:
//
//     DirtyRegion dirty(options);
//     dirty.before(painter, change); // the document changed, the layout not yet
//     layout.updateCards(document, ids); // or rebuild() for a structure change
//     dirty.after(painter, change);
//     repaint(dirty.region());
//
// Repainting dirty.region() over the picture of the map before the change
// gives the picture a full repaint gives (tests/render/dirty_region_tests.cpp).

#include <QRegion>
#include <string>
#include <unordered_set>
#include <vector>

#include "cjm/change_set.hpp"
#include "map_painter.hpp"

namespace cjm {

// What an edit changed, as far as the pixels are concerned (read from its
// ChangeSet by DirtyRegion).
struct MapChange {
    // Cards whose drawn fields or cell changed, or that were added or removed.
    std::vector<std::string> cards;
    // Entities with a changed field: a persona's header, a stage's header,
    // a lane's label in every band.
    std::vector<std::string> personas, stages, lanes;
    bool journey = false; // the title block
    // Personas, stages or lanes added, removed, moved, hidden, or a lane of
    // another kind, or a change whose reach is unknown: every row and
    // column may move, the layout is rebuilt.
    bool structure = false;

    static MapChange of(const ChangeSet &changes);
    bool empty() const
    {
        return cards.empty() && personas.empty() && stages.empty() && lanes.empty() && !journey && !structure;
    }
};

// A vertical move of the picture: everything painted at or below `from`
// (map units, in the picture before the change) is painted `by` lower after
// it (higher when negative). A row that grows or shrinks moves every row
// below it this way.
struct MapShift {
    qreal from = 0;
    qreal by = 0;
};

class DirtyRegion {
public:
    // The options the canvas paints with: the heat strip repaints only when shown.
    explicit DirtyRegion(const PaintOptions &options) : m_heatStrip(options.heatStrip) {}

    // With the document already changed and `painter`'s layout not yet.
    void before(const MapPainter &painter, const ChangeSet &changes) { before(painter, MapChange::of(changes)); }
    void before(const MapPainter &painter, const MapChange &change);
    // With the layout updated for the change (the same painter, or one on
    // the new layout): updateCards(change.cards), or rebuild() when
    // change.structure.
    void after(const MapPainter &painter, const ChangeSet &changes) { after(painter, MapChange::of(changes)); }
    void after(const MapPainter &painter, const MapChange &change);

    // In map units, each rectangle aligned outwards to whole units.
    const QRegion &region() const { return m_region; }

    // When rows grew or shrank, the picture below each moved as a whole:
    // a canvas may move those pixels (QWidget::scroll) instead of painting
    // them again, applying the shifts in this order to the picture before
    // the change (each `from` is in its coordinates: the lowest first),
    // then repaint regionAfterShifts(): the changed cells and rows, and
    // what a move cuts through, not everything below. Empty when nothing
    // moved, or when the rows did not move as whole shifts (then region()).
    const std::vector<MapShift> &shifts() const { return m_shifts; }
    const QRegion &regionAfterShifts() const { return m_shifts.empty() ? m_region : m_afterShifts; }
    // Whether each shift is a whole number of pixels at `scale`: only then
    // do moved pixels equal painted ones.
    bool shiftsInWholePixels(qreal scale) const;
    // Where a y of the picture before the change is after the shifts.
    qreal shifted(qreal y) const;

private:
    struct Cell {
        int band, row, stage;
        bool operator==(const Cell &) const = default;
    };
    struct RowGeometry {
        qreal y, height;
    };

    // Where things are painted in the new picture / were in the old one
    // (the latter is moved with the shifts).
    void add(const QRectF &area);
    void addOld(const QRectF &area);
    // Only when the pixels are not moved / only when they are.
    void addUnshifted(const QRectF &area);
    void addAfterShifts(const QRectF &area);
    // An area of the old picture where it is after the shifts (spanning
    // both places when a shift cuts through it).
    QRectF shiftedArea(const QRectF &area) const;
    void addCell(const MapPainter &painter, const Cell &cell, bool old);
    void addLabels(const MapPainter &painter, const MapChange &change, bool old);
    void findShifts(const MapPainter &painter);
    void addOverhangs(const MapPainter &painter, int band, int row);
    std::vector<Cell> cellsOf(const MapPainter &painter, const MapChange &change) const;
    void addTargetAround(const MapPainter &painter, const MapChange &change, bool old);

    bool m_heatStrip = false;
    QRegion m_region;
    std::vector<MapShift> m_shifts;
    QRegion m_afterShifts;          // valid when m_shifts is not empty
    std::vector<QRectF> m_oldAreas; // in the old picture: moved by the shifts
    QRegion m_newAreas;             // in the new picture
    // Captured by before(), compared by after().
    QRectF m_boundsBefore, m_paintBoundsBefore;
    std::vector<Cell> m_cells;                                         // the cells the changed cards leave or enter
    std::vector<std::pair<int, int>> m_emotionRows;                    // (band, row) among them
    std::vector<std::vector<MapPainter::CurveSegment>> m_curvesBefore; // per emotion row
    std::vector<std::vector<RowGeometry>> m_rowsBefore;
    std::vector<RowGeometry> m_bandsBefore;
    std::vector<std::string> m_lowestBefore;
    std::vector<QRectF> m_lowestReachBefore;
    std::vector<StageTally> m_talliesBefore;
};

} // namespace cjm
