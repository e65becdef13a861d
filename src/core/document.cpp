#include "cjm/document.hpp"

#include <algorithm>
#include <random>

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

std::optional<EntityRef> Document::find(std::string_view id) const
{
    if (!m_indexValid)
        rebuildIndex();
    // unordered_map<string> has no heterogeneous lookup before C++20's
    // transparent hashing in libstdc++ 12; a temporary string is cheap here.
    auto it = m_index.find(std::string(id));
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
    // A scan of all cards: fine for one query. Views that need every cell
    // (the layout) group the cards once instead of calling this per cell.
    std::vector<const Card *> result;
    for (const Card &card : m_cards)
        if (card.persona == persona && card.stage == stage && card.lane == lane)
            result.push_back(&card);
    std::stable_sort(result.begin(), result.end(), [](const Card *a, const Card *b) { return a->order < b->order; });
    return result;
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
                                  return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                           (c >= '0' && c <= '9') || c == '_' || c == '-');
                              }),
               base.end());
    if (base.empty())
        base = "id";
    while (true) {
        std::string id = base + "-";
        std::uniform_int_distribution<int> pick(0, 35);
        for (int i = 0; i < 8; ++i)
            id.push_back(kAlphabet[pick(generator)]);
        if (!contains(id))
            return id;
    }
}

Document Document::fromParts(Journey journey, std::vector<Persona> personas, std::vector<Stage> stages,
                             std::vector<Lane> lanes, std::vector<Card> cards, std::optional<std::string> generator,
                             UnknownKeys unknown)
{
    Document d;
    d.m_journey = std::move(journey);
    d.m_personas = std::move(personas);
    d.m_stages = std::move(stages);
    d.m_lanes = std::move(lanes);
    d.m_cards = std::move(cards);
    d.m_generator = std::move(generator);
    d.m_unknown = std::move(unknown);
    return d;
}

bool Document::operator==(const Document &o) const
{
    return m_generator == o.m_generator && m_journey == o.m_journey && m_personas == o.m_personas &&
           m_stages == o.m_stages && m_lanes == o.m_lanes && m_cards == o.m_cards && m_unknown == o.m_unknown;
}

} // namespace cjm
