#pragma once
// The one door through which a Document's contents change. Only edits
// (edit.cpp) and the reader use it; everyone else sees `const Document &`.

#include "cjm/document.hpp"

namespace cjm {

class DocumentAccess {
public:
    static std::optional<std::string> &generator(Document &d) { return d.m_generator; }
    static Journey &journey(Document &d) { return d.m_journey; }
    static UnknownKeys &unknown(Document &d) { return d.m_unknown; }
    // Views are not in the id index: changing them needs no structureChanged().
    static std::vector<View> &views(Document &d) { return d.m_views; }

    // Element access that keeps the id index valid (ids do not change).
    static Persona &persona(Document &d, std::size_t i) { return d.m_personas[i]; }
    static Stage &stage(Document &d, std::size_t i) { return d.m_stages[i]; }
    static Lane &lane(Document &d, std::size_t i) { return d.m_lanes[i]; }
    static Card &card(Document &d, std::size_t i) { return d.m_cards[i]; }
    // After card `i`'s persona, stage or lane changed from the given ones
    // (a change of order alone needs nothing).
    static void cardCellChanged(Document &d, std::size_t i, std::string_view persona, std::string_view stage,
                                std::string_view lane)
    {
        d.cardMovedCell(i, persona, stage, lane);
    }

    // Whole arrays: any change through these must be followed by structureChanged().
    static std::vector<Persona> &personas(Document &d) { return d.m_personas; }
    static std::vector<Stage> &stages(Document &d) { return d.m_stages; }
    static std::vector<Lane> &lanes(Document &d) { return d.m_lanes; }
    static std::vector<Card> &cards(Document &d) { return d.m_cards; }
    static void structureChanged(Document &d) { d.invalidateIndex(); }

    // The file-size bookkeeping of edits (edit.cpp).
    static Document::WrittenSize &written(Document &d) { return d.m_written; }
};

} // namespace cjm
