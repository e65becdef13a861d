#pragma once
// What dropping a palette entry on the map does: a card into the hovered
// persona x stage cell of its kind's lane (creating or showing that lane when
// needed), a stage between two columns, a persona between two bands. Kept
// apart from widgets so it can be tested with a document and a layout.

#include <QLineF>
#include <QString>
#include <optional>
#include <string>

#include "cjm/edit.hpp"
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

struct PaletteDrop {
    EditPtr edit;               // null: nothing to drop here
    QString undoText;
    std::string newId;          // the card, stage or persona created
    QLineF marker;              // where the insertion marker goes (scene)
    bool structural = false;    // adds a lane, stage or persona
};

PaletteDrop planPaletteDrop(const Document &document, const MapLayout &layout, const PaletteEntry &entry,
                            const QPointF &scenePos);

} // namespace cjm
