#include "map_regions.hpp"

#include <algorithm>
#include <limits>

namespace cjm {

namespace {
// Fields that change no pixel: nothing is drawn from them.
bool drawsNothing(EntityKind kind, std::string_view field)
{
    switch (kind) {
    case EntityKind::Card: return field == "notes" || field == "link" || field == "unknown";
    case EntityKind::Journey:
        return field == "description" || field == "reviewIntervalDays" || field == "nextReview" || field == "created" ||
               field == "modified" || field == "unknown";
    default: return false;
    }
}
// The journey's fields the title block shows; any other drawn one (the
// map's language) may change words anywhere on the map.
bool inTitleBlock(std::string_view field)
{
    return field == "title" || field == "type" || field == "segment" || field == "owner" || field == "goal";
}
} // namespace

MapChange MapChange::of(const ChangeSet &changes)
{
    MapChange change;
    change.structure = changes.touchesStructure();
    if (change.structure)
        return change;
    for (const ChangeSet::Entry &entry : changes.entries()) {
        const bool drawn = entry.added || entry.removed || entry.moved ||
                           std::any_of(entry.fields.begin(), entry.fields.end(),
                                       [&](const std::string &field) { return !drawsNothing(entry.kind, field); });
        if (!drawn)
            continue;
        switch (entry.kind) {
        case EntityKind::Card: change.cards.push_back(entry.id); break;
        case EntityKind::Persona: change.personas.push_back(entry.id); break;
        case EntityKind::Stage: change.stages.push_back(entry.id); break;
        case EntityKind::Lane: change.lanes.push_back(entry.id); break;
        case EntityKind::Journey:
            for (const std::string &field : entry.fields)
                if (!drawsNothing(entry.kind, field))
                    (inTitleBlock(field) ? change.journey : change.structure) = true;
            break;
        }
    }
    return change;
}

void DirtyRegion::add(const QRectF &area)
{
    if (area.isEmpty())
        return;
    m_region += area.toAlignedRect();
    m_newAreas += area.toAlignedRect();
}

void DirtyRegion::addOld(const QRectF &area)
{
    if (area.isEmpty())
        return;
    m_region += area.toAlignedRect();
    m_oldAreas.push_back(area);
}

void DirtyRegion::addUnshifted(const QRectF &area)
{
    if (!area.isEmpty())
        m_region += area.toAlignedRect();
}

void DirtyRegion::addAfterShifts(const QRectF &area)
{
    if (!area.isEmpty())
        m_afterShifts += area.toAlignedRect();
}

qreal DirtyRegion::shifted(qreal y) const
{
    qreal out = y;
    for (const MapShift &shift : m_shifts)
        if (y >= shift.from)
            out += shift.by;
    return out;
}

QRectF DirtyRegion::shiftedArea(const QRectF &area) const
{
    const qreal top = shifted(area.top()), bottom = shifted(area.bottom());
    if (top - area.top() == bottom - area.bottom())
        return area.translated(0, top - area.top());
    const qreal from = std::min(top, area.top()), to = std::max(bottom, area.bottom());
    return QRectF(area.left(), from, area.width(), to - from);
}

bool DirtyRegion::shiftsInWholePixels(qreal scale) const
{
    return std::all_of(m_shifts.begin(), m_shifts.end(), [&](const MapShift &shift) {
        const qreal pixels = shift.by * scale;
        return std::abs(pixels - std::round(pixels)) < 1e-6;
    });
}

void DirtyRegion::findShifts(const MapPainter &painter)
{
    // Each row whose height changed moves everything below its old lower
    // edge by the difference. That must be all that moved: every row, band
    // and the map's lower edge where the shifts put them (a band held at
    // its minimum height would not be), else no shifts.
    const MapLayout &layout = painter.layout();
    const auto &bands = layout.bands();
    if (bands.size() != m_bandsBefore.size() || layout.bounds().width() != m_boundsBefore.width())
        return;
    std::vector<MapShift> shifts;
    for (std::size_t b = 0; b < bands.size(); ++b) {
        if (bands[b].rows.size() != m_rowsBefore[b].size())
            return;
        for (std::size_t r = 0; r < bands[b].rows.size(); ++r) {
            const RowGeometry &old = m_rowsBefore[b][r];
            if (bands[b].rows[r].height != old.height)
                shifts.push_back({old.y + old.height, bands[b].rows[r].height - old.height});
        }
    }
    // The lowest first: a shift moves nothing above its `from`.
    m_shifts.assign(shifts.rbegin(), shifts.rend());
    auto same = [](qreal a, qreal b) { return std::abs(a - b) < 1e-6; };
    bool whole = same(shifted(m_boundsBefore.bottom()), layout.bounds().bottom());
    for (std::size_t b = 0; whole && b < bands.size(); ++b) {
        const RowGeometry &old = m_bandsBefore[b];
        whole = same(shifted(old.y), bands[b].y) && same(shifted(old.y + old.height), bands[b].y + bands[b].height);
        for (std::size_t r = 0; whole && r < bands[b].rows.size(); ++r)
            whole = same(shifted(m_rowsBefore[b][r].y), bands[b].rows[r].y);
    }
    if (!whole)
        m_shifts.clear();
}

void DirtyRegion::addOverhangs(const MapPainter &painter, int band, int row)
{
    // What the row paints past its own top and bottom (a face with its
    // outline, a curve's bend): where it is, and where it was before the
    // rows above it moved. The moved pixels carry only what lies within.
    const MapLayout &layout = painter.layout();
    const auto &laneRow = layout.bands()[static_cast<std::size_t>(band)].rows[static_cast<std::size_t>(row)];
    const qreal moved = laneRow.y - m_rowsBefore[static_cast<std::size_t>(band)][static_cast<std::size_t>(row)].y;
    auto outside = [&](const QRectF &bounds) {
        return bounds.top() < laneRow.y || bounds.bottom() > laneRow.y + laneRow.height;
    };
    auto addBoth = [&](const QRectF &bounds) {
        addAfterShifts(bounds);
        addAfterShifts(shiftedArea(bounds.translated(0, -moved)));
    };
    for (int stage = 0; stage < static_cast<int>(layout.stages().size()); ++stage) {
        const QPointF origin = layout.cellRect(band, row, stage).topLeft();
        for (const MapLayout::CardBox &box : layout.cardsInCell(band, row, stage))
            if (const QRectF bounds = painter.cardPaintBounds(box.rect.translated(origin), laneRow.kind);
                outside(bounds))
                addBoth(bounds);
    }
    if (laneRow.kind == LaneKind::Emotions)
        for (const MapPainter::CurveSegment &segment : painter.emotionCurve(band, row))
            if (const QRectF bounds = painter.curveSegmentPaintBounds(segment); outside(bounds))
                addBoth(bounds);
}

void DirtyRegion::addCell(const MapPainter &painter, const Cell &cell, bool old)
{
    // The cell, and every card in it with what it draws past its box: the
    // cards below a changed one move, an emotion cell spreads its faces again.
    const MapLayout &layout = painter.layout();
    const LaneKind kind =
        layout.bands()[static_cast<std::size_t>(cell.band)].rows[static_cast<std::size_t>(cell.row)].kind;
    const QRectF rect = layout.cellRect(cell.band, cell.row, cell.stage);
    auto area = [&](const QRectF &r) { old ? addOld(r) : add(r); };
    area(rect);
    for (const MapLayout::CardBox &box : layout.cardsInCell(cell.band, cell.row, cell.stage))
        area(painter.cardPaintBounds(box.rect.translated(rect.topLeft()), kind));
}

std::vector<DirtyRegion::Cell> DirtyRegion::cellsOf(const MapPainter &painter, const MapChange &change) const
{
    // Where each changed card is laid out, and where the document now puts it.
    const MapLayout &layout = painter.layout();
    std::vector<Cell> cells;
    auto note = [&](const std::optional<MapLayout::CardPlace> &place) {
        if (!place)
            return;
        const Cell cell{place->band, place->row, place->stage};
        if (std::find(cells.begin(), cells.end(), cell) == cells.end())
            cells.push_back(cell);
    };
    for (const std::string &id : change.cards) {
        note(layout.cardPlace(id));
        if (const Card *card = painter.document().card(id))
            note(layout.cellFor(*card));
    }
    return cells;
}

void DirtyRegion::addLabels(const MapPainter &painter, const MapChange &change, bool old)
{
    // Names, colours, pictures: the same layout, a header or label painted again.
    const MapLayout &layout = painter.layout();
    auto add = [&](const QRectF &r) { old ? addOld(r) : this->add(r); };
    if (change.journey)
        add(layout.titleRect());
    for (const std::string &id : change.personas)
        if (const int band = layout.bandOf(id); band >= 0) {
            add(layout.personaHeaderRect(band));
            // The target curves and their shading are in the persona's colour.
            const auto &rows = layout.bands()[static_cast<std::size_t>(band)].rows;
            for (int row = 0; row < static_cast<int>(rows.size()); ++row)
                if (rows[static_cast<std::size_t>(row)].kind == LaneKind::Emotions)
                    for (const MapPainter::TargetRun &run : painter.targetCurve(band, row))
                        add(painter.targetPaintBounds(band, row, run.points.front().x(), run.points.back().x()));
        }
    for (const std::string &id : change.stages)
        if (const int stage = layout.stageOf(id); stage >= 0)
            add(layout.stageHeaderRect(stage));
    for (const std::string &id : change.lanes)
        if (const int row = layout.rowOf(id); row >= 0)
            for (int band = 0; band < static_cast<int>(layout.bands().size()); ++band)
                add(layout.laneLabelRect(band, row));
}

void DirtyRegion::addTargetAround(const MapPainter &painter, const MapChange &change, bool old)
{
    auto add = [&](const QRectF &r) { old ? addOld(r) : this->add(r); };
    // The target curve and its shading around each changed card of the
    // touched emotion rows, as the layout has them: a desired score may
    // change where no face moves, and with it the two segments on either
    // side that bend towards it (segment i depends on points i - 1 to
    // i + 2). Its old value is gone from the document, so the whole height
    // of the row is taken (targetPaintBounds).
    for (const auto &[band, row] : m_emotionRows) {
        const auto points = painter.layout().emotionPoints(band, row);
        const std::ptrdiff_t count = static_cast<std::ptrdiff_t>(points.size());
        for (std::ptrdiff_t i = 0; i < count; ++i) {
            if (std::find(change.cards.begin(), change.cards.end(), points[static_cast<std::size_t>(i)].first) ==
                change.cards.end())
                continue;
            const QPointF from = points[static_cast<std::size_t>(std::max<std::ptrdiff_t>(i - 2, 0))].second;
            const QPointF to = points[static_cast<std::size_t>(std::min<std::ptrdiff_t>(i + 2, count - 1))].second;
            add(painter.targetPaintBounds(band, row, from.x(), to.x()));
        }
    }
}

void DirtyRegion::before(const MapPainter &painter, const MapChange &change)
{
    const MapLayout &layout = painter.layout();
    m_boundsBefore = layout.bounds();
    m_paintBoundsBefore = painter.paintBounds();
    if (change.structure)
        return; // after() repaints the whole map, as it was and as it is
    addLabels(painter, change, true);
    if (change.cards.empty())
        return;

    m_cells = cellsOf(painter, change);
    for (const Cell &cell : m_cells) {
        addCell(painter, cell, true);
        const auto &row = layout.bands()[static_cast<std::size_t>(cell.band)].rows[static_cast<std::size_t>(cell.row)];
        const std::pair<int, int> key(cell.band, cell.row);
        if (row.kind == LaneKind::Emotions &&
            std::find(m_emotionRows.begin(), m_emotionRows.end(), key) == m_emotionRows.end()) {
            m_emotionRows.push_back(key);
            m_curvesBefore.push_back(painter.emotionCurve(cell.band, cell.row));
        }
    }
    addTargetAround(painter, change, true);
    // What a card edit may move or change elsewhere: rows below one that
    // grew, a persona's lowest moment, a stage's heat.
    for (int b = 0; b < static_cast<int>(layout.bands().size()); ++b) {
        const auto &band = layout.bands()[static_cast<std::size_t>(b)];
        m_bandsBefore.push_back({band.y, band.height});
        m_rowsBefore.emplace_back();
        for (const auto &row : band.rows)
            m_rowsBefore.back().push_back({row.y, row.height});
        m_lowestBefore.push_back(layout.lowestMoment(b));
        m_lowestReachBefore.push_back(painter.lowestMomentReach(b));
    }
    if (m_heatStrip)
        for (int s = 0; s < static_cast<int>(layout.stages().size()); ++s)
            m_talliesBefore.push_back(layout.shownStageTally(s));
}

void DirtyRegion::after(const MapPainter &painter, const MapChange &change)
{
    const MapLayout &layout = painter.layout();
    if (change.structure) {
        add(m_paintBoundsBefore);
        add(painter.paintBounds());
        return;
    }
    addLabels(painter, change, false);
    if (change.cards.empty())
        return;
    findShifts(painter);

    for (const Cell &cell : cellsOf(painter, change))
        if (std::find(m_cells.begin(), m_cells.end(), cell) == m_cells.end())
            m_cells.push_back(cell);
    for (const Cell &cell : m_cells)
        addCell(painter, cell, false);
    addTargetAround(painter, change, false);

    // The curve's segments that differ: a point moved, came or went, and
    // the segments on either side whose bend follows it. A row that only
    // moved with the rows above it keeps its curve: the same segments, as
    // far lower (the whole row is repainted when the pixels do not move).
    for (std::size_t i = 0; i < m_emotionRows.size(); ++i) {
        const auto [band, row] = m_emotionRows[i];
        const qreal moved = layout.bands()[static_cast<std::size_t>(band)].rows[static_cast<std::size_t>(row)].y -
                            m_rowsBefore[static_cast<std::size_t>(band)][static_cast<std::size_t>(row)].y;
        const auto &before = m_curvesBefore[i];
        const auto after = painter.emotionCurve(band, row);
        auto same = [&](const MapPainter::CurveSegment &a, const MapPainter::CurveSegment &b) {
            const QPointF by(0, moved);
            return a.from + by == b.from && a.control1 + by == b.control1 && a.control2 + by == b.control2 &&
                   a.to + by == b.to;
        };
        std::size_t head = 0, tail = 0;
        while (head < before.size() && head < after.size() && same(before[head], after[head]))
            ++head;
        while (tail < before.size() - head && tail < after.size() - head &&
               same(before[before.size() - 1 - tail], after[after.size() - 1 - tail]))
            ++tail;
        // The target curve and its shading have the felt curve's points'
        // x and bend the same way: where the felt segments differ, theirs do.
        auto addSegment = [&](const MapPainter::CurveSegment &segment, bool old) {
            const QRectF bounds = segment.bounds();
            const QRectF target = painter.targetPaintBounds(band, row, bounds.left(), bounds.right());
            if (old) {
                addOld(painter.curveSegmentPaintBounds(segment));
                addOld(target.translated(0, -moved));
            } else {
                add(painter.curveSegmentPaintBounds(segment));
            }
            add(target);
        };
        for (std::size_t s = head; s + tail < before.size(); ++s)
            addSegment(before[s], true);
        for (std::size_t s = head; s + tail < after.size(); ++s)
            addSegment(after[s], false);
        // (A segment's ends are in it: a point added past the end changes
        // the last segment's bend, so the old end's round cap is repainted.)
    }

    // A row that grew or shrank moves every row below it; its lane label
    // fits its lines to the height, its persona's name is centred on the band.
    const auto &bands = layout.bands();
    const QRectF whole = m_paintBoundsBefore | painter.paintBounds();
    qreal movedFrom = std::numeric_limits<qreal>::max();
    for (std::size_t b = 0; b < bands.size() && b < m_bandsBefore.size(); ++b) {
        const RowGeometry &oldBand = m_bandsBefore[b];
        const QRectF header = layout.personaHeaderRect(static_cast<int>(b));
        if (bands[b].height != oldBand.height || bands[b].y != oldBand.y) {
            const qreal top = std::min(bands[b].y, oldBand.y);
            const qreal bottom = std::max(bands[b].y + bands[b].height, oldBand.y + oldBand.height);
            addUnshifted(QRectF(header.left(), top, header.width(), bottom - top));
        }
        // The persona's header spans its band: a row in it that changed
        // height cuts it where the pixels move.
        bool rowResized = false;
        for (std::size_t r = 0; r < bands[b].rows.size() && r < m_rowsBefore[b].size(); ++r) {
            const auto &row = bands[b].rows[r];
            const RowGeometry &old = m_rowsBefore[b][r];
            if (row.y != old.y)
                movedFrom = std::min({movedFrom, row.y, old.y});
            if (row.height != old.height) {
                rowResized = true;
                // From the lower edge of the shorter one: its grid line goes.
                if (row.y == old.y)
                    movedFrom = std::min(movedFrom, std::min(row.y + row.height, old.y + old.height) - 1);
                QRectF label = layout.laneLabelRect(static_cast<int>(b), static_cast<int>(r));
                label.setHeight(std::max(row.height, old.height));
                add(label);
                // With the pixels moved: the part the row gained (or the
                // seam where it lost some) with the grid lines on its edges,
                // across the whole map, and whatever is painted across the
                // seam from the rows on either side of it.
                const qreal low = row.y + std::min(row.height, old.height) - 2;
                const qreal high = row.y + std::max(row.height, old.height) + 2;
                addAfterShifts(QRectF(whole.left(), low, whole.width(), high - low));
                addOverhangs(painter, static_cast<int>(b), static_cast<int>(r));
                if (r + 1 < bands[b].rows.size())
                    addOverhangs(painter, static_cast<int>(b), static_cast<int>(r + 1));
                else if (b + 1 < bands.size() && !bands[b + 1].rows.empty())
                    addOverhangs(painter, static_cast<int>(b + 1), 0);
            }
        }
        if (rowResized) {
            // Along its height the header is the same but for its badge and
            // name: those where they were (moved with the pixels) and where
            // they are; the seam's repaint above covers the rest.
            const QRectF oldHeader(header.left(), oldBand.y, header.width(), oldBand.height);
            for (const QRectF &area : painter.personaHeaderContentReach(static_cast<int>(b), oldHeader))
                addAfterShifts(shiftedArea(area));
            for (const QRectF &area : painter.personaHeaderContentReach(static_cast<int>(b), header))
                addAfterShifts(area);
        }
    }
    if (movedFrom != std::numeric_limits<qreal>::max())
        addUnshifted(QRectF(whole.left(), movedFrom, whole.width(), whole.bottom() - movedFrom));

    // The lowest moment's ring and label: where it was and where it is,
    // when it moved to another card or place, or its row changed (its label
    // takes the first place clear of the faces and captions near it).
    for (std::size_t b = 0; b < bands.size() && b < m_lowestBefore.size(); ++b) {
        const QRectF reach = painter.lowestMomentReach(static_cast<int>(b));
        const QRectF before = m_lowestReachBefore[b];
        const auto place = layout.cardPlace(layout.lowestMoment(static_cast<int>(b)));
        const bool rowTouched =
            std::any_of(m_emotionRows.begin(), m_emotionRows.end(), [&](const std::pair<int, int> &row) {
                return row.first == static_cast<int>(b) && (!place || place->row == row.second);
            });
        const bool otherCard = layout.lowestMoment(static_cast<int>(b)) != m_lowestBefore[b];
        if (rowTouched || otherCard || reach != before) {
            addUnshifted(reach);
            addUnshifted(before);
        }
        // Moved whole with its row, it needs nothing once the pixels move.
        const QRectF moved = shiftedArea(before);
        if (rowTouched || otherCard || reach != moved || moved.height() != before.height()) {
            addAfterShifts(reach);
            addAfterShifts(moved);
        }
    }

    if (m_heatStrip)
        for (int s = 0; s < static_cast<int>(layout.stages().size()) && s < static_cast<int>(m_talliesBefore.size());
             ++s)
            if (!(layout.shownStageTally(s) == m_talliesBefore[static_cast<std::size_t>(s)]))
                add(painter.heatStripBounds(s));

    if (m_shifts.empty()) {
        m_afterShifts = QRegion();
        return;
    }
    m_afterShifts += m_newAreas;
    for (const QRectF &area : m_oldAreas)
        m_afterShifts += shiftedArea(area).toAlignedRect();
}

} // namespace cjm
