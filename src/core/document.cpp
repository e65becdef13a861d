#include "cjm/document.hpp"

#include <algorithm>
#include <random>
#include <tuple>

namespace cjm {

void Document::rebuildIndex() const
{
    m_index.clear();
    m_index.reserve(1 + m_personas.size() + m_stages.size() + m_lanes.size() + m_cards.size());
    m_index.emplace(m_journey.id, EntityRef{EntityKind::Journey, 0});
    for (std::size_t i = 0; i < m_personas.size(); ++i)
        m_index.emplace(m_personas[i].id, EntityRef{EntityKind::Persona, i});
    for (std::size_t i = 0; i < m_stages.size(); ++i)
        m_index.emplace(m_stages[i].id, EntityRef{EntityKind::Stage, i});
    for (std::size_t i = 0; i < m_lanes.size(); ++i)
        m_index.emplace(m_lanes[i].id, EntityRef{EntityKind::Lane, i});
    for (std::size_t i = 0; i < m_cards.size(); ++i)
        m_index.emplace(m_cards[i].id, EntityRef{EntityKind::Card, i});
    m_indexValid = true;
}

std::string Document::cellKey(std::string_view persona, std::string_view stage, std::string_view lane)
{
    // Ids cannot contain a newline (docs/format.md), so it separates them.
    std::string key;
    key.reserve(persona.size() + stage.size() + lane.size() + 2);
    key.append(persona).append(1, '\n').append(stage).append(1, '\n').append(lane);
    return key;
}

void Document::rebuildCells() const
{
    m_cells.clear();
    for (std::size_t i = 0; i < m_cards.size(); ++i)
        m_cells[cellKey(m_cards[i].persona, m_cards[i].stage, m_cards[i].lane)].push_back(i);
    m_cellsValid = true;
}

void Document::cardMovedCell(std::size_t index, std::string_view persona, std::string_view stage, std::string_view lane)
{
    if (!m_cellsValid)
        return; // built afresh on the next query
    auto old = m_cells.find(cellKey(persona, stage, lane));
    if (old != m_cells.end()) {
        auto &indexes = old->second;
        indexes.erase(std::remove(indexes.begin(), indexes.end(), index), indexes.end());
        if (indexes.empty())
            m_cells.erase(old);
    }
    const Card &card = m_cards[index];
    auto &now = m_cells[cellKey(card.persona, card.stage, card.lane)];
    now.insert(std::lower_bound(now.begin(), now.end(), index), index); // file order, for stable ties
}

std::optional<EntityRef> Document::find(std::string_view id) const
{
    if (!m_indexValid)
        rebuildIndex();
    auto it = m_index.find(id);
    if (it == m_index.end())
        return std::nullopt;
    return it->second;
}

namespace {
template <typename T>
std::optional<std::size_t> indexOf(const Document &doc, std::string_view id, EntityKind kind)
{
    auto ref = doc.find(id);
    if (!ref || ref->kind != kind)
        return std::nullopt;
    return ref->index;
}
} // namespace

std::optional<std::size_t> Document::personaIndex(std::string_view id) const
{
    return indexOf<Persona>(*this, id, EntityKind::Persona);
}
std::optional<std::size_t> Document::stageIndex(std::string_view id) const
{
    return indexOf<Stage>(*this, id, EntityKind::Stage);
}
std::optional<std::size_t> Document::laneIndex(std::string_view id) const
{
    return indexOf<Lane>(*this, id, EntityKind::Lane);
}
std::optional<std::size_t> Document::cardIndex(std::string_view id) const
{
    return indexOf<Card>(*this, id, EntityKind::Card);
}

const Persona *Document::persona(std::string_view id) const
{
    auto i = personaIndex(id);
    return i ? &m_personas[*i] : nullptr;
}
const Stage *Document::stage(std::string_view id) const
{
    auto i = stageIndex(id);
    return i ? &m_stages[*i] : nullptr;
}
const Lane *Document::lane(std::string_view id) const
{
    auto i = laneIndex(id);
    return i ? &m_lanes[*i] : nullptr;
}
const Card *Document::card(std::string_view id) const
{
    auto i = cardIndex(id);
    return i ? &m_cards[*i] : nullptr;
}

std::vector<const Card *> Document::cardsInCell(std::string_view persona, std::string_view stage,
                                                std::string_view lane) const
{
    if (!m_cellsValid)
        rebuildCells();
    std::vector<const Card *> result;
    auto it = m_cells.find(cellKey(persona, stage, lane));
    if (it == m_cells.end())
        return result;
    result.reserve(it->second.size());
    for (std::size_t index : it->second)
        result.push_back(&m_cards[index]);
    std::stable_sort(result.begin(), result.end(), [](const Card *a, const Card *b) { return a->order < b->order; });
    return result;
}

std::vector<const Card *> cardsInDisplayOrder(const Document &document)
{
    struct Ranked {
        std::size_t persona, stage, lane;
        std::int64_t order;
        std::size_t file;
        const Card *card;
    };
    std::vector<Ranked> ranked;
    ranked.reserve(document.cards().size());
    for (std::size_t i = 0; i < document.cards().size(); ++i) {
        const Card &card = document.cards()[i];
        ranked.push_back({document.personaIndex(card.persona).value_or(0), document.stageIndex(card.stage).value_or(0),
                          document.laneIndex(card.lane).value_or(0), card.order, i, &card});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) {
        return std::tie(a.persona, a.stage, a.lane, a.order, a.file) <
               std::tie(b.persona, b.stage, b.lane, b.order, b.file);
    });
    std::vector<const Card *> cards;
    cards.reserve(ranked.size());
    for (const Ranked &r : ranked)
        cards.push_back(r.card);
    return cards;
}

const View *Document::view(std::string_view id) const
{
    for (const View &v : m_views)
        if (v.id == id)
            return &v;
    return nullptr;
}

LaneKind Document::cardKind(const Card &card) const
{
    const Lane *l = lane(card.lane);
    return l ? effectiveKind(l->kind) : LaneKind::Notes;
}

std::string Document::newId(std::string_view prefix) const
{
    static thread_local std::mt19937_64 generator{std::random_device{}()};
    static constexpr char kAlphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string base(prefix.substr(0, 40));
    base.erase(std::remove_if(base.begin(), base.end(),
                              [](char c) {
                                  return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                           c == '_' || c == '-');
                              }),
               base.end());
    if (base.empty())
        base = "id";
    while (true) {
        std::string id = base + "-";
        std::uniform_int_distribution<int> pick(0, 35);
        for (int i = 0; i < 8; ++i)
            id.push_back(kAlphabet[pick(generator)]);
        if (!contains(id) && !view(id))
            return id;
    }
}

Document Document::fromParts(Journey journey, std::vector<Persona> personas, std::vector<Stage> stages,
                             std::vector<Lane> lanes, std::vector<Card> cards, std::optional<std::string> generator,
                             UnknownKeys unknown, std::vector<View> views)
{
    Document d;
    d.m_journey = std::move(journey);
    d.m_personas = std::move(personas);
    d.m_stages = std::move(stages);
    d.m_lanes = std::move(lanes);
    d.m_cards = std::move(cards);
    d.m_generator = std::move(generator);
    d.m_unknown = std::move(unknown);
    d.m_views = std::move(views);
    return d;
}

std::optional<std::int64_t> firstOrderAfter(std::optional<std::int64_t> last, std::size_t count)
{
    if (last && *last == kMaxCardOrder)
        return std::nullopt;
    const std::int64_t first = last ? *last + 1 : 0;
    // Room for first, first + 1, ... first + count - 1 (computed so nothing overflows).
    if (count > 0 && static_cast<std::uint64_t>(kMaxCardOrder - first) < count - 1)
        return std::nullopt;
    return first;
}

bool Document::operator==(const Document &o) const
{
    return m_generator == o.m_generator && m_journey == o.m_journey && m_personas == o.m_personas &&
           m_stages == o.m_stages && m_lanes == o.m_lanes && m_cards == o.m_cards && m_views == o.m_views &&
           m_unknown == o.m_unknown;
}

} // namespace cjm
