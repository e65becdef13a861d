#include "palette_drop.hpp"

#include <QCoreApplication>

#include "map_style.hpp"
#include "qt_text.hpp"

namespace cjm {

QString PaletteEntry::toMime() const
{
    switch (type) {
    case Type::Stage: return QStringLiteral("stage");
    case Type::Persona: return QStringLiteral("persona");
    case Type::Card:
        return QStringLiteral("card:") + toQString(toString(kind)) +
               (channel.empty() ? QString() : QStringLiteral(":") + toQString(channel));
    }
    return {};
}

std::optional<PaletteEntry> PaletteEntry::fromMime(const QByteArray &data)
{
    const QStringList parts = QString::fromUtf8(data).split(QLatin1Char(':'));
    PaletteEntry entry;
    if (parts.value(0) == QLatin1String("stage")) {
        entry.type = Type::Stage;
    } else if (parts.value(0) == QLatin1String("persona")) {
        entry.type = Type::Persona;
    } else if (parts.value(0) == QLatin1String("card") && parts.size() >= 2) {
        entry.kind = laneKindFromString(toStdString(parts[1]));
        if (entry.kind == LaneKind::Unknown)
            return std::nullopt;
        entry.channel = toStdString(parts.value(2));
    } else {
        return std::nullopt;
    }
    return entry;
}

QString emotionScoreText(int score)
{
    if (score > 0)
        return QStringLiteral("+%1").arg(score);
    if (score < 0)
        return QStringLiteral("\u2212%1").arg(-score);
    return QStringLiteral("0");
}

PaletteDrop planPaletteDrop(const Document &document, const MapLayout &layout, const PaletteEntry &entry,
                            const QPointF &scenePos)
{
    PaletteDrop drop;
    const MapLayout::Hit hit = layout.hitTest(scenePos);
    const MapMetrics &m = layout.style().metrics;
    const QRectF bounds = layout.bounds();
    if (entry.type == PaletteEntry::Type::Stage) {
        // Between the two columns nearest the pointer.
        int index = static_cast<int>(layout.stages().size());
        for (int s = 0; s < static_cast<int>(layout.stages().size()); ++s)
            if (scenePos.x() < layout.stages()[s].x + layout.stages()[s].width / 2) {
                index = s;
                break;
            }
        const qreal x = index < static_cast<int>(layout.stages().size())
                            ? layout.stages()[index].x
                            : (layout.stages().empty() ? layout.contentLeft()
                                                       : layout.stages().back().x + layout.stages().back().width);
        drop.valid = true;
        drop.type = PaletteEntry::Type::Stage;
        drop.index = static_cast<std::size_t>(index);
        drop.marker = QLineF(x, m.titleHeight, x, bounds.bottom());
        return drop;
    }
    if (entry.type == PaletteEntry::Type::Persona) {
        int index = static_cast<int>(layout.bands().size());
        for (int b = 0; b < static_cast<int>(layout.bands().size()); ++b)
            if (scenePos.y() < layout.bands()[b].y + layout.bands()[b].height / 2) {
                index = b;
                break;
            }
        // The bands are the personas shown (one in persona focus mode): the
        // drop's index is the document's, before the band's persona or
        // after the last band's.
        std::size_t documentIndex = document.personas().size();
        if (index < static_cast<int>(layout.bands().size())) {
            if (auto at = document.personaIndex(layout.bands()[index].personaId))
                documentIndex = *at;
        } else if (!layout.bands().empty()) {
            if (auto at = document.personaIndex(layout.bands().back().personaId))
                documentIndex = *at + 1;
        }
        const qreal y =
            index < static_cast<int>(layout.bands().size())
                ? layout.bands()[index].y - m.bandGap / 2
                : (layout.bands().empty() ? m.titleHeight + m.stageHeaderHeight
                                          : layout.bands().back().y + layout.bands().back().height + m.bandGap / 2);
        drop.valid = true;
        drop.type = PaletteEntry::Type::Persona;
        drop.index = documentIndex;
        drop.marker = QLineF(0, y, bounds.right(), y);
        return drop;
    }
    // A card: the persona band and stage column under the pointer.
    if (hit.band < 0 || hit.stage < 0)
        return drop;
    const auto &band = layout.bands()[hit.band];
    const std::string personaId = band.personaId;
    const std::string stageId = layout.stages()[hit.stage].stageId;
    // The lane of the card's kind: the hovered row if it is one, else the
    // first such lane (shown again if hidden), else a new lane.
    std::string laneId;
    int row = -1;
    if (hit.row >= 0 && band.rows[hit.row].kind == entry.kind) {
        laneId = band.rows[hit.row].laneId;
        row = hit.row;
    } else {
        for (const Lane &lane : document.lanes())
            if (effectiveKind(lane.kind) == entry.kind) {
                laneId = lane.id; // shown again if hidden
                break;
            }
        if (laneId.empty()) {
            drop.newLaneIndex = document.lanes().size();
            if (hit.row >= 0)
                if (auto index = document.laneIndex(band.rows[hit.row].laneId))
                    drop.newLaneIndex = *index + 1;
        }
        for (int r = 0; r < static_cast<int>(band.rows.size()); ++r)
            if (band.rows[r].laneId == laneId)
                row = r;
    }
    std::size_t index = SIZE_MAX;
    if (row >= 0 && row == hit.row)
        index = static_cast<std::size_t>(std::max(hit.insertIndex, 0));
    // The cell as it is now: a new lane has no cards, so index 0.
    index = laneId.empty() ? 0 : std::min(index, document.cardsInCell(personaId, stageId, laneId).size());
    drop.valid = true;
    drop.type = PaletteEntry::Type::Card;
    drop.index = index;
    drop.personaId = personaId;
    drop.stageId = stageId;
    drop.laneId = laneId;
    drop.kind = entry.kind;
    drop.channel = entry.channel;
    // The height in the emotion row under the pointer is the score, as the
    // faces are placed; the pointer in another row says nothing about it.
    if (entry.kind == LaneKind::Emotions && row >= 0 && row == hit.row)
        drop.score = layout.emotionScoreAt(hit.band, row, scenePos.y());
    // Marker: a line in the cell where the card will go.
    if (row >= 0) {
        const QRectF cell = layout.cellRect(hit.band, row, hit.stage);
        const auto &boxes = layout.cardsInCell(hit.band, row, hit.stage);
        qreal y = cell.top() + m.cellPadding / 2;
        if (!boxes.empty()) {
            const std::size_t at = std::min(index, boxes.size());
            y = at < boxes.size() ? cell.top() + boxes[at].rect.top() - m.cardGap / 2
                                  : cell.top() + boxes.back().rect.bottom() + m.cardGap / 2;
        }
        drop.marker = QLineF(cell.left() + m.cellPadding, y, cell.right() - m.cellPadding, y);
    } else {
        const QRectF column =
            QRectF(layout.stages()[hit.stage].x, band.y, layout.stages()[hit.stage].width, band.height);
        drop.marker = QLineF(column.left() + m.cellPadding, column.bottom() - 2, column.right() - m.cellPadding,
                             column.bottom() - 2);
    }
    return drop;
}

} // namespace cjm
