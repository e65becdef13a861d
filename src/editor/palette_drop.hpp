#pragma once
// What dropping a palette entry on the map does: a card into the hovered
// persona x stage cell of its kind's lane (creating or showing that lane when
// needed), a stage between two columns, a persona between two bands. Kept
// apart from widgets so it can be tested with a document and a layout; the
// drop itself is MapOperations::dropPaletteEntry.

#include <QLineF>
#include <QString>
#include <optional>
#include <string>

#include "cjm/document.hpp"
#include "map_layout.hpp"

namespace cjm {

struct PaletteEntry {
    enum class Type { Card, Stage, Persona } type = Type::Card;
    LaneKind kind = LaneKind::Notes; // for cards
    std::string channel;             // for touchpoints from a channel entry

    QString toMime() const;
    static std::optional<PaletteEntry> fromMime(const QByteArray &data);
};

inline constexpr const char *kPaletteMimeType = "application/x-cjm-palette";

// Where a drop goes.
struct PaletteDrop {
    bool valid = false; // false: nothing to drop here
    PaletteEntry::Type type = PaletteEntry::Type::Card;
    // A stage or persona: its display position. A card: its position in the
    // cell (nullopt: after the last).
    std::optional<std::size_t> index;
    // A card: its cell, kind and channel. An empty lane id: a new lane of
    // the kind at `newLaneIndex`; a hidden lane is shown.
    std::string personaId, stageId, laneId;
    std::size_t newLaneIndex = 0;
    LaneKind kind = LaneKind::Notes;
    std::string channel;
    // An emotion dropped in an emotion row: the score of the drop height
    // (MapLayout::emotionScoreAt, the faces' own scale). Elsewhere none: 0.
    std::optional<int> score;
    QLineF marker; // where the insertion marker goes (scene)
};

// A score as the live readout shows it: "+2", "0", "−3".
QString emotionScoreText(int score);

PaletteDrop planPaletteDrop(const Document &document, const MapLayout &layout, const PaletteEntry &entry,
                            const QPointF &scenePos);

} // namespace cjm
