#include "cjm/edit.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

#include "cjm/document_io.hpp"
#include "document_access.hpp"
#include "owned_bytes.hpp"
#include "validation.hpp"

namespace cjm {

namespace {

using Access = DocumentAccess;

template <typename T>
std::vector<T> &entities(Document &d);
template <>
std::vector<Persona> &entities<Persona>(Document &d)
{
    return Access::personas(d);
}
template <>
std::vector<Stage> &entities<Stage>(Document &d)
{
    return Access::stages(d);
}
template <>
std::vector<Lane> &entities<Lane>(Document &d)
{
    return Access::lanes(d);
}
template <>
std::vector<Card> &entities<Card>(Document &d)
{
    return Access::cards(d);
}

template <typename T>
EntityKind kindOf();
template <>
EntityKind kindOf<Persona>()
{
    return EntityKind::Persona;
}
template <>
EntityKind kindOf<Stage>()
{
    return EntityKind::Stage;
}
template <>
EntityKind kindOf<Lane>()
{
    return EntityKind::Lane;
}
template <>
EntityKind kindOf<Card>()
{
    return EntityKind::Card;
}
template <>
EntityKind kindOf<Journey>()
{
    return EntityKind::Journey;
}

template <typename T>
const char *nameOf()
{
    switch (kindOf<T>()) {
    case EntityKind::Persona: return "persona";
    case EntityKind::Stage: return "stage";
    case EntityKind::Lane: return "lane";
    case EntityKind::Card: return "card";
    default: return "journey";
    }
}

// Each kind's fields (fields.hpp), to tell which of them two values differ in.
template <typename T>
constexpr auto allFields()
{
    if constexpr (std::is_same_v<T, Journey>)
        return fields::journey::all;
    else if constexpr (std::is_same_v<T, Persona>)
        return fields::persona::all;
    else if constexpr (std::is_same_v<T, Stage>)
        return fields::stage::all;
    else if constexpr (std::is_same_v<T, Lane>)
        return fields::lane::all;
    else
        return fields::card::all;
}

// Notes in `changes` every field in which `before` and `after` (one entity) differ.
template <typename T>
void noteDifferences(ChangeSet &changes, const std::string &id, const T &before, const T &after)
{
    std::apply(
        [&](const auto &...field) {
            ((before.*(field.member) == after.*(field.member) ? void()
                                                              : changes.noteField(kindOf<T>(), id, field.name)),
             ...);
        },
        allFields<T>());
}

// A card's place: which of persona, stage, lane and order differ.
void notePlace(ChangeSet &changes, const std::string &id, std::string_view fromPersona, std::string_view fromStage,
               std::string_view fromLane, std::int64_t fromOrder, const Card &to)
{
    const std::pair<bool, const char *> parts[] = {{fromPersona != to.persona, "persona"},
                                                   {fromStage != to.stage, "stage"},
                                                   {fromLane != to.lane, "lane"},
                                                   {fromOrder != to.order, "order"}};
    for (const auto &[differs, name] : parts)
        if (differs) {
            changes.noteMoved(EntityKind::Card, id);
            changes.noteField(EntityKind::Card, id, name);
        }
}

template <typename T>
std::optional<std::size_t> indexOf(const Document &d, const std::string &id)
{
    auto ref = d.find(id);
    if (!ref || ref->kind != kindOf<T>())
        return std::nullopt;
    return ref->index;
}

bool referencesExist(const Document &d, const Card &card)
{
    return d.personaIndex(card.persona) && d.stageIndex(card.stage) && d.laneIndex(card.lane);
}

// docs/format.md: a card in an emotions lane carries a score.
bool needsScore(const Document &d, std::string_view laneId)
{
    const Lane *lane = d.lane(laneId);
    return lane && lane->kind == LaneKind::Emotions;
}

// What `value` says about the rest of `d`: a card's persona, stage and lane
// exist and an emotion card has a score; a lane that becomes an emotions lane
// (`wasEmotions`: whether it was one) has a score on every card.
template <typename T>
bool fitsMap(const Document &d, const T &value, bool wasEmotions)
{
    if constexpr (std::is_same_v<T, Card>) {
        return referencesExist(d, value) && (value.score || !needsScore(d, value.lane));
    } else if constexpr (std::is_same_v<T, Lane>) {
        if (value.kind == LaneKind::Emotions && !wasEmotions)
            for (const Card &card : d.cards())
                if (card.lane == value.id && !card.score)
                    return false;
    }
    return true;
}

// Whether `value` may stand in `d` (in place of `before`, if given) so that
// the map still saves to a file the reader takes back as it is. What the
// entity holds alone is validation.cpp's; what it says about the rest of the
// map is checked here. Ids already in use are the callers' check.
template <typename T>
bool fits(const Document &d, const T &value, const T *before)
{
    if (!detail::readsBack(value, before))
        return false;
    if constexpr (std::is_same_v<T, Lane>)
        return fitsMap(d, value, before && before->kind == LaneKind::Emotions);
    else
        return fitsMap(d, value, false);
}

// The reader refuses a file past its size or its count of values, so an
// edit that adds to the map checks that the whole map still fits. Measuring
// the whole map is a pass over it; the document keeps the measure plus what
// edits added since, and measures again only when that sum could pass a
// limit, so typing in a 50,000-card map does not measure it per keystroke.
bool roomFor(Document &d, const detail::FileCost &added)
{
    if (added.bytes == 0 && added.values == 0)
        return true; // what does not grow never passes a limit, and a map near one can still shrink
    const ReadLimits &limits = detail::editLimits();
    auto &w = Access::written(d);
    auto within = [&] {
        return w.bytes + added.bytes <= limits.maxFileBytes && w.values + added.values <= limits.maxValues;
    };
    if (!w.measured || !within()) {
        const detail::FileCost now = detail::fileCost(d);
        w.measured = true;
        w.bytes = now.bytes;
        w.values = now.values;
        if (!within())
            return false;
    }
    w.bytes += added.bytes;
    w.values += added.values;
    return true;
}
// What going from `from` to `to` adds (nothing where it shrinks).
detail::FileCost growth(const detail::FileCost &from, const detail::FileCost &to)
{
    return {to.bytes > from.bytes ? to.bytes - from.bytes : 0, to.values > from.values ? to.values - from.values : 0};
}
// A revert that puts back what an edit took away: the map grows by it
// without a check (it held it before), and the bookkeeping follows.
void regrew(Document &d, const detail::FileCost &added)
{
    auto &w = Access::written(d);
    w.bytes += added.bytes;
    w.values += added.values;
}

template <typename T>
class AddEntity final : public Edit {
public:
    AddEntity(T value, std::optional<std::size_t> index) : m_value(std::move(value)), m_requested(index) {}

    bool apply(Document &d) override
    {
        if (d.contains(m_value.id) || !fits<T>(d, m_value, nullptr) || !roomFor(d, detail::fileCost(m_value)))
            return false;
        auto &list = entities<T>(d);
        m_index = std::min(m_requested.value_or(list.size()), list.size());
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(m_index), m_value);
        Access::structureChanged(d);
        return true;
    }
    void revert(Document &d) override
    {
        auto &list = entities<T>(d);
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(m_index));
        Access::structureChanged(d);
    }
    std::string description() const override { return std::string("add ") + nameOf<T>() + " " + m_value.id; }
    std::size_t sizeInBytes() const override { return sizeof(*this) + detail::ownedBytes(m_value); }
    void collectChanges(ChangeSet &changes) const override { changes.noteAdded(kindOf<T>(), m_value.id); }

private:
    T m_value;
    std::optional<std::size_t> m_requested;
    std::size_t m_index = 0;
};

// Removes an entity and, for personas, stages and lanes, every card in it.
// The removed values live in the edit until it dies, so revert restores them
// at their old positions with everything they carried.
template <typename T>
class RemoveEntity final : public Edit {
public:
    explicit RemoveEntity(std::string id) : m_id(std::move(id)) {}

    bool apply(Document &d) override
    {
        auto index = indexOf<T>(d, m_id);
        if (!index)
            return false;
        m_index = *index;
        auto &list = entities<T>(d);
        m_removed = std::move(list[m_index]);
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(m_index));
        m_removedCards.clear();
        if constexpr (!std::is_same_v<T, Card>) {
            auto &cards = Access::cards(d);
            std::size_t kept = 0;
            for (std::size_t i = 0; i < cards.size(); ++i) {
                if (belongs(cards[i])) {
                    m_removedCards.emplace_back(i, std::move(cards[i]));
                } else {
                    if (kept != i)
                        cards[kept] = std::move(cards[i]);
                    ++kept;
                }
            }
            cards.resize(kept);
        }
        Access::structureChanged(d);
        return true;
    }

    void revert(Document &d) override
    {
        // What comes back was in the map before; the bookkeeping counts it again.
        detail::FileCost back = detail::fileCost(m_removed);
        for (const auto &[index, card] : m_removedCards) {
            const detail::FileCost c = detail::fileCost(card);
            back.bytes += c.bytes;
            back.values += c.values;
        }
        regrew(d, back);
        auto &list = entities<T>(d);
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(m_index), m_removed);
        if (!m_removedCards.empty()) {
            // Merge the removed cards back at their old indices in one pass.
            auto &cards = Access::cards(d);
            std::vector<Card> merged;
            merged.reserve(cards.size() + m_removedCards.size());
            std::size_t next = 0;
            for (auto &[index, card] : m_removedCards) {
                while (merged.size() < index && next < cards.size())
                    merged.push_back(std::move(cards[next++]));
                merged.push_back(card);
            }
            while (next < cards.size())
                merged.push_back(std::move(cards[next++]));
            cards = std::move(merged);
        }
        Access::structureChanged(d);
    }

    std::string description() const override { return std::string("remove ") + nameOf<T>() + " " + m_id; }
    void collectChanges(ChangeSet &changes) const override
    {
        changes.noteRemoved(kindOf<T>(), m_id);
        for (const auto &[index, card] : m_removedCards)
            changes.noteRemoved(EntityKind::Card, card.id);
    }
    std::size_t sizeInBytes() const override
    {
        std::size_t bytes = sizeof(*this) + detail::ownedBytes(m_id) + detail::ownedBytes(m_removed) +
                            m_removedCards.capacity() * sizeof(m_removedCards.front());
        for (const auto &[index, card] : m_removedCards)
            bytes += detail::ownedBytes(card);
        return bytes;
    }

private:
    bool belongs(const Card &card) const
    {
        if constexpr (std::is_same_v<T, Persona>)
            return card.persona == m_id;
        else if constexpr (std::is_same_v<T, Stage>)
            return card.stage == m_id;
        else
            return card.lane == m_id;
    }

    std::string m_id;
    std::size_t m_index = 0;
    T m_removed;
    std::vector<std::pair<std::size_t, Card>> m_removedCards; // ascending old index
};

// A card that changes cell moves in the document's cell index.
void noteCell(Document &d, std::size_t index, const Card &before, const Card &after)
{
    if (before.persona != after.persona || before.stage != after.stage || before.lane != after.lane)
        Access::cardCellChanged(d, index, before.persona, before.stage, before.lane);
}

template <typename T>
class UpdateEntity final : public Edit {
public:
    explicit UpdateEntity(T value) : m_value(std::move(value)) {}

    bool apply(Document &d) override
    {
        auto index = indexOf<T>(d, m_value.id);
        if (!index || !fits<T>(d, m_value, &entities<T>(d)[*index]))
            return false;
        const detail::FileCost before = detail::fileCost(entities<T>(d)[*index]);
        const detail::FileCost after = detail::fileCost(m_value);
        if (!roomFor(d, growth(before, after)))
            return false;
        m_shrink = growth(after, before);
        m_index = *index;
        T &target = entities<T>(d)[m_index];
        m_old = std::move(target);
        target = m_value;
        if constexpr (std::is_same_v<T, Card>)
            noteCell(d, m_index, m_old, m_value);
        return true;
    }
    void revert(Document &d) override
    {
        entities<T>(d)[m_index] = m_old;
        regrew(d, m_shrink);
        if constexpr (std::is_same_v<T, Card>)
            noteCell(d, m_index, m_value, m_old);
    }
    std::string description() const override { return std::string("change ") + nameOf<T>() + " " + m_value.id; }
    void collectChanges(ChangeSet &changes) const override
    {
        noteDifferences(changes, m_value.id, m_old, m_value);
        if constexpr (std::is_same_v<T, Card>)
            notePlace(changes, m_value.id, m_old.persona, m_old.stage, m_old.lane, m_old.order, m_value);
    }
    std::size_t sizeInBytes() const override
    {
        return sizeof(*this) + detail::ownedBytes(m_value) + detail::ownedBytes(m_old);
    }

private:
    T m_value;
    T m_old;
    std::size_t m_index = 0;
    detail::FileCost m_shrink; // what the old value had more than the new
};

class SetJourney final : public Edit {
public:
    explicit SetJourney(Journey value) : m_value(std::move(value)) {}
    bool apply(Document &d) override
    {
        Journey &journey = Access::journey(d);
        if (!detail::readsBack(m_value, &journey) || (m_value.id != journey.id && d.contains(m_value.id)))
            return false;
        const detail::FileCost before = detail::fileCost(journey);
        const detail::FileCost after = detail::fileCost(m_value);
        if (!roomFor(d, growth(before, after)))
            return false;
        m_shrink = growth(after, before);
        m_old = std::move(journey);
        journey = m_value;
        if (m_old.id != m_value.id)
            Access::structureChanged(d);
        return true;
    }
    void revert(Document &d) override
    {
        const bool idChanged = Access::journey(d).id != m_old.id;
        Access::journey(d) = m_old;
        regrew(d, m_shrink);
        if (idChanged)
            Access::structureChanged(d);
    }
    std::string description() const override { return "change journey"; }
    void collectChanges(ChangeSet &changes) const override
    {
        noteDifferences(changes, std::string(), m_old, m_value);
        if (m_old.id != m_value.id)
            changes.noteField(EntityKind::Journey, "", "id");
    }
    std::size_t sizeInBytes() const override
    {
        return sizeof(*this) + detail::ownedBytes(m_value) + detail::ownedBytes(m_old);
    }

private:
    Journey m_value;
    Journey m_old;
    detail::FileCost m_shrink;
};

template <typename T>
class MoveEntity final : public Edit {
public:
    MoveEntity(std::string id, std::size_t newIndex) : m_id(std::move(id)), m_requested(newIndex) {}

    bool apply(Document &d) override
    {
        auto index = indexOf<T>(d, m_id);
        if (!index)
            return false;
        auto &list = entities<T>(d);
        m_from = *index;
        m_to = std::min(m_requested, list.size() - 1);
        shift(list, m_from, m_to);
        Access::structureChanged(d);
        return true;
    }
    void revert(Document &d) override
    {
        shift(entities<T>(d), m_to, m_from);
        Access::structureChanged(d);
    }
    std::string description() const override { return std::string("move ") + nameOf<T>() + " " + m_id; }
    void collectChanges(ChangeSet &changes) const override
    {
        if (m_from != m_to)
            changes.noteMoved(kindOf<T>(), m_id);
    }
    std::size_t sizeInBytes() const override { return sizeof(*this) + detail::ownedBytes(m_id); }

private:
    static void shift(std::vector<T> &list, std::size_t from, std::size_t to)
    {
        auto begin = list.begin();
        if (from < to)
            std::rotate(begin + static_cast<std::ptrdiff_t>(from), begin + static_cast<std::ptrdiff_t>(from) + 1,
                        begin + static_cast<std::ptrdiff_t>(to) + 1);
        else if (to < from)
            std::rotate(begin + static_cast<std::ptrdiff_t>(to), begin + static_cast<std::ptrdiff_t>(from),
                        begin + static_cast<std::ptrdiff_t>(from) + 1);
    }

    std::string m_id;
    std::size_t m_requested;
    std::size_t m_from = 0;
    std::size_t m_to = 0;
};

class MoveCard final : public Edit {
public:
    MoveCard(std::string id, std::string persona, std::string stage, std::string lane, std::int64_t order)
        : m_id(std::move(id)), m_to{std::move(persona), std::move(stage), std::move(lane), order}
    {
    }

    bool apply(Document &d) override
    {
        auto index = d.cardIndex(m_id);
        if (!index || m_to.order < 0 || !d.personaIndex(m_to.persona) || !d.stageIndex(m_to.stage) ||
            !d.laneIndex(m_to.lane) || (!d.cards()[*index].score && needsScore(d, m_to.lane)))
            return false;
        const detail::FileCost before = detail::orderCost(d.cards()[*index].order);
        const detail::FileCost after = detail::orderCost(m_to.order);
        if (!roomFor(d, growth(before, after)))
            return false;
        m_shrink = growth(after, before);
        m_index = *index;
        Card &card = Access::card(d, m_index);
        m_from = {card.persona, card.stage, card.lane, card.order};
        place(card, m_to);
        if (m_from.persona != m_to.persona || m_from.stage != m_to.stage || m_from.lane != m_to.lane)
            Access::cardCellChanged(d, m_index, m_from.persona, m_from.stage, m_from.lane);
        return true;
    }
    void revert(Document &d) override
    {
        place(Access::card(d, m_index), m_from);
        regrew(d, m_shrink);
        if (m_from.persona != m_to.persona || m_from.stage != m_to.stage || m_from.lane != m_to.lane)
            Access::cardCellChanged(d, m_index, m_to.persona, m_to.stage, m_to.lane);
    }
    std::string description() const override { return "move card " + m_id; }
    void collectChanges(ChangeSet &changes) const override
    {
        Card to;
        place(to, m_to);
        notePlace(changes, m_id, m_from.persona, m_from.stage, m_from.lane, m_from.order, to);
    }
    std::size_t sizeInBytes() const override
    {
        return sizeof(*this) + detail::ownedBytes(m_id) + m_to.ownedBytes() + m_from.ownedBytes();
    }

private:
    struct Place {
        std::string persona, stage, lane;
        std::int64_t order = 0;
        std::size_t ownedBytes() const
        {
            return detail::ownedBytes(persona) + detail::ownedBytes(stage) + detail::ownedBytes(lane);
        }
    };
    static void place(Card &card, const Place &p)
    {
        card.persona = p.persona;
        card.stage = p.stage;
        card.lane = p.lane;
        card.order = p.order;
    }

    std::string m_id;
    Place m_to;
    Place m_from;
    std::size_t m_index = 0;
    detail::FileCost m_shrink;
};

class Compound final : public Edit {
public:
    Compound(std::vector<EditPtr> edits, std::string description)
        : m_edits(std::move(edits)), m_description(std::move(description))
    {
    }

    bool apply(Document &d) override
    {
        for (std::size_t i = 0; i < m_edits.size(); ++i) {
            if (!m_edits[i]->apply(d)) {
                while (i-- > 0)
                    m_edits[i]->revert(d);
                return false;
            }
        }
        return true;
    }
    void revert(Document &d) override
    {
        for (auto it = m_edits.rbegin(); it != m_edits.rend(); ++it)
            (*it)->revert(d);
    }
    std::string description() const override { return m_description; }
    void collectChanges(ChangeSet &changes) const override
    {
        for (const EditPtr &edit : m_edits)
            edit->collectChanges(changes);
    }
    std::size_t sizeInBytes() const override
    {
        std::size_t bytes = sizeof(*this) + detail::ownedBytes(m_description) + m_edits.capacity() * sizeof(EditPtr);
        for (const EditPtr &edit : m_edits)
            bytes += edit->sizeInBytes();
        return bytes;
    }

private:
    std::vector<EditPtr> m_edits;
    std::string m_description;
};

// A value as the reader would give it back, where two spellings in memory
// mean one thing in the file: no unknown keys is null, not {}; a lane's kind
// and the name it is written by agree. Edits store values in this form, so a
// map saved and read again equals the map in memory.
void tidy(UnknownKeys &unknown)
{
    if (unknown.is_object() && unknown.empty())
        unknown = nullptr;
}
void tidy(std::optional<Image> &image)
{
    if (image)
        tidy(image->unknown);
}
void tidy(std::optional<Audit> &audit)
{
    if (audit)
        tidy(audit->unknown);
}
void tidy(std::optional<Metric> &metric)
{
    if (metric)
        tidy(metric->unknown);
}
void tidy(std::vector<Comment> &comments)
{
    for (Comment &comment : comments)
        tidy(comment.unknown);
}
// Texts, numbers, flags and choices have one spelling.
template <typename T>
void tidy(T &)
{
}
Journey tidy(Journey j)
{
    tidy(j.unknown);
    return j;
}
Persona tidy(Persona p)
{
    tidy(p.unknown);
    tidy(p.avatar);
    return p;
}
Stage tidy(Stage s)
{
    tidy(s.unknown);
    return s;
}
Lane tidy(Lane l)
{
    tidy(l.unknown);
    if (l.kind != LaneKind::Unknown)
        l.kindName = std::string(toString(l.kind));
    else
        l.kind = laneKindFromString(l.kindName);
    return l;
}
Card tidy(Card c)
{
    tidy(c.unknown);
    tidy(c.image);
    tidy(c.audit);
    tidy(c.metric);
    tidy(c.comments);
    return c;
}

// The entity `id` names, for a field edit: its fields change in place, so
// the id and cell indexes stay valid.
template <typename T>
T *fieldTarget(Document &d, const std::string &id)
{
    if constexpr (std::is_same_v<T, Journey>) {
        (void)id;
        return &Access::journey(d);
    } else {
        auto index = indexOf<T>(d, id);
        if (!index)
            return nullptr;
        if constexpr (std::is_same_v<T, Persona>)
            return &Access::persona(d, *index);
        else if constexpr (std::is_same_v<T, Stage>)
            return &Access::stage(d, *index);
        else if constexpr (std::is_same_v<T, Lane>)
            return &Access::lane(d, *index);
        else
            return &Access::card(d, *index);
    }
}

// An entity with `entity`'s identity (its id, a card's place, a lane's kind)
// and every field at its default. Holding one field's value, it is checked
// and measured as that field alone: what validation and the file's cost say
// of an entity is the sum of what they say of its fields.
template <typename T>
T identityOf(const T &entity)
{
    T probe;
    probe.id = entity.id;
    if constexpr (std::is_same_v<T, Lane>) {
        probe.kind = entity.kind;
        probe.kindName = entity.kindName;
    } else if constexpr (std::is_same_v<T, Card>) {
        probe.persona = entity.persona;
        probe.stage = entity.stage;
        probe.lane = entity.lane;
        probe.order = entity.order;
    }
    return probe;
}

// After a field is set: a lane's kind is read from its spelling.
template <typename T>
void settle(T &entity)
{
    if constexpr (std::is_same_v<T, Lane>)
        entity.kind = laneKindFromString(entity.kindName);
    else
        (void)entity;
}

template <typename T>
bool isEmotionsLane(const T &entity)
{
    if constexpr (std::is_same_v<T, Lane>)
        return entity.kind == LaneKind::Emotions;
    else
        return (void)entity, false;
}

// Sets one field. While applied it holds the field's old value, while not
// applied the new one (the other is in the document), as Tiled's
// ChangeValue swaps: one value, the size of the field.
template <typename T, typename V>
class FieldEdit final : public Edit {
public:
    FieldEdit(const EntityField<T, V> &field, std::string id, V value)
        : m_field(field), m_id(std::move(id)), m_value(std::move(value))
    {
    }

    bool apply(Document &d) override
    {
        T *target = fieldTarget<T>(d, m_id);
        if (!target)
            return false;
        const bool wasEmotions = isEmotionsLane(*target);
        V T::*member = m_field.member;
        T probe = identityOf(*target);
        std::swap(probe.*member, m_value);
        settle(probe);
        if (!detail::readsBack(probe)) {
            std::swap(probe.*member, m_value);
            return false;
        }
        const detail::FileCost newCost = detail::fileCost(probe);
        // The old value in the probe, the new one in the map, to measure the
        // one and look at the map with the other; then back as they were, as
        // the room left is measured on the map as it is.
        std::swap(probe.*member, (*target).*member);
        settle(probe);
        settle(*target);
        const detail::FileCost oldCost = detail::fileCost(probe);
        const bool fitsTheMap = fitsMap(d, *target, wasEmotions);
        std::swap(probe.*member, (*target).*member);
        settle(*target);
        if (!fitsTheMap || !roomFor(d, growth(oldCost, newCost))) {
            std::swap(probe.*member, m_value);
            return false;
        }
        std::swap(probe.*member, (*target).*member);
        settle(*target);
        std::swap(probe.*member, m_value);
        m_oldCost = oldCost;
        m_newCost = newCost;
        m_applied = true;
        return true;
    }
    void revert(Document &d) override
    {
        T *target = fieldTarget<T>(d, m_id);
        std::swap((*target).*(m_field.member), m_value);
        settle(*target);
        regrew(d, growth(m_newCost, m_oldCost));
        m_applied = false;
    }
    bool mergeWith(Edit &next) override
    {
        auto *other = dynamic_cast<FieldEdit *>(&next);
        if (!other || other == this || other->m_field.member != m_field.member || other->m_id != m_id ||
            other->m_applied != m_applied)
            return false;
        if (m_applied) {
            // The newest value is in the document; this edit keeps the first old one.
            m_newCost = other->m_newCost;
        } else {
            m_value = std::move(other->m_value);
        }
        other->m_value = V{};
        return true;
    }
    std::string description() const override
    {
        return std::string("change ") + nameOf<T>() + (m_id.empty() ? "" : " " + m_id) + " " +
               std::string(m_field.name);
    }
    std::size_t sizeInBytes() const override
    {
        return sizeof(*this) + detail::ownedBytes(m_id) + detail::ownedBytes(m_value);
    }
    void collectChanges(ChangeSet &changes) const override { changes.noteField(kindOf<T>(), m_id, m_field.name); }

private:
    EntityField<T, V> m_field;
    std::string m_id; // empty for the journey
    V m_value;        // applied: the old value; not applied: the new one
    bool m_applied = false;
    detail::FileCost m_oldCost; // what the field costs in the file before and after
    detail::FileCost m_newCost;
};

template <typename T, typename V>
EditPtr makeFieldEdit(const EntityField<T, V> &field, std::string id, V value)
{
    tidy(value);
    return std::make_unique<FieldEdit<T, V>>(field, std::move(id), std::move(value));
}

} // namespace

template <typename Entity, typename Value>
EditPtr setField(const EntityField<Entity, Value> &field, std::string id, std::type_identity_t<Value> value)
{
    static_assert(!std::is_same_v<Entity, Journey>, "the journey has no id: setField(field, value)");
    return makeFieldEdit(field, std::move(id), std::move(value));
}

template <typename Value>
EditPtr setField(const EntityField<Journey, Value> &field, std::type_identity_t<Value> value)
{
    return makeFieldEdit(field, std::string(), std::move(value));
}

// Every type of field in fields.hpp; a field of a new type needs its line.
using OptionalText = std::optional<std::string>;
using Texts = std::vector<std::string>;
template EditPtr setField(const EntityField<Journey, std::string> &, std::string);
template EditPtr setField(const EntityField<Journey, MapType> &, MapType);
template EditPtr setField(const EntityField<Journey, int> &, int);
template EditPtr setField(const EntityField<Journey, OptionalText> &, OptionalText);
template EditPtr setField(const EntityField<Journey, UnknownKeys> &, UnknownKeys);
template EditPtr setField(const EntityField<Persona, std::string> &, std::string, std::string);
template EditPtr setField(const EntityField<Persona, OptionalText> &, std::string, OptionalText);
template EditPtr setField(const EntityField<Persona, std::optional<Image>> &, std::string, std::optional<Image>);
template EditPtr setField(const EntityField<Persona, UnknownKeys> &, std::string, UnknownKeys);
template EditPtr setField(const EntityField<Stage, std::string> &, std::string, std::string);
template EditPtr setField(const EntityField<Stage, Phase> &, std::string, Phase);
template EditPtr setField(const EntityField<Stage, OptionalText> &, std::string, OptionalText);
template EditPtr setField(const EntityField<Stage, UnknownKeys> &, std::string, UnknownKeys);
template EditPtr setField(const EntityField<Lane, std::string> &, std::string, std::string);
template EditPtr setField(const EntityField<Lane, bool> &, std::string, bool);
template EditPtr setField(const EntityField<Lane, UnknownKeys> &, std::string, UnknownKeys);
template EditPtr setField(const EntityField<Card, std::string> &, std::string, std::string);
template EditPtr setField(const EntityField<Card, OptionalText> &, std::string, OptionalText);
template EditPtr setField(const EntityField<Card, Texts> &, std::string, Texts);
template EditPtr setField(const EntityField<Card, std::optional<int>> &, std::string, std::optional<int>);
template EditPtr setField(const EntityField<Card, bool> &, std::string, bool);
template EditPtr setField(const EntityField<Card, std::optional<Audit>> &, std::string, std::optional<Audit>);
template EditPtr setField(const EntityField<Card, int> &, std::string, int);
template EditPtr setField(const EntityField<Card, OpportunityStatus> &, std::string, OpportunityStatus);
template EditPtr setField(const EntityField<Card, std::optional<Metric>> &, std::string, std::optional<Metric>);
template EditPtr setField(const EntityField<Card, std::optional<Image>> &, std::string, std::optional<Image>);
template EditPtr setField(const EntityField<Card, std::vector<Comment>> &, std::string, std::vector<Comment>);
template EditPtr setField(const EntityField<Card, UnknownKeys> &, std::string, UnknownKeys);

EditPtr addPersona(Persona persona, std::optional<std::size_t> index)
{
    return std::make_unique<AddEntity<Persona>>(tidy(std::move(persona)), index);
}
EditPtr addStage(Stage stage, std::optional<std::size_t> index)
{
    return std::make_unique<AddEntity<Stage>>(tidy(std::move(stage)), index);
}
EditPtr addLane(Lane lane, std::optional<std::size_t> index)
{
    return std::make_unique<AddEntity<Lane>>(tidy(std::move(lane)), index);
}
EditPtr addCard(Card card, std::optional<std::size_t> index)
{
    return std::make_unique<AddEntity<Card>>(tidy(std::move(card)), index);
}
EditPtr removePersona(std::string id) { return std::make_unique<RemoveEntity<Persona>>(std::move(id)); }
EditPtr removeStage(std::string id) { return std::make_unique<RemoveEntity<Stage>>(std::move(id)); }
EditPtr removeLane(std::string id) { return std::make_unique<RemoveEntity<Lane>>(std::move(id)); }
EditPtr removeCard(std::string id) { return std::make_unique<RemoveEntity<Card>>(std::move(id)); }
EditPtr updatePersona(Persona value) { return std::make_unique<UpdateEntity<Persona>>(tidy(std::move(value))); }
EditPtr updateStage(Stage value) { return std::make_unique<UpdateEntity<Stage>>(tidy(std::move(value))); }
EditPtr updateLane(Lane value) { return std::make_unique<UpdateEntity<Lane>>(tidy(std::move(value))); }
EditPtr updateCard(Card value) { return std::make_unique<UpdateEntity<Card>>(tidy(std::move(value))); }
EditPtr setJourney(Journey value) { return std::make_unique<SetJourney>(tidy(std::move(value))); }
EditPtr movePersona(std::string id, std::size_t newIndex)
{
    return std::make_unique<MoveEntity<Persona>>(std::move(id), newIndex);
}
EditPtr moveStage(std::string id, std::size_t newIndex)
{
    return std::make_unique<MoveEntity<Stage>>(std::move(id), newIndex);
}
EditPtr moveLane(std::string id, std::size_t newIndex)
{
    return std::make_unique<MoveEntity<Lane>>(std::move(id), newIndex);
}
EditPtr moveCard(std::string id, std::string persona, std::string stage, std::string lane, std::int64_t order)
{
    return std::make_unique<MoveCard>(std::move(id), std::move(persona), std::move(stage), std::move(lane), order);
}
namespace {
// The edits that renumber `cell` (display order, the new cards included)
// as 0..n-1, skipping cards already in place.
std::vector<EditPtr> renumber(const std::vector<const Card *> &cell, const std::string &persona,
                              const std::string &stage, const std::string &lane, const std::vector<std::string> &moving)
{
    std::vector<EditPtr> edits;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const Card &card = *cell[i];
        const bool isMoving = std::find(moving.begin(), moving.end(), card.id) != moving.end();
        if (isMoving || card.order != static_cast<std::int64_t>(i) || card.persona != persona || card.stage != stage ||
            card.lane != lane)
            edits.push_back(moveCard(card.id, persona, stage, lane, static_cast<std::int64_t>(i)));
    }
    return edits;
}
} // namespace

EditPtr moveCardsToCell(const Document &document, const std::vector<std::string> &cardIds, const std::string &persona,
                        const std::string &stage, const std::string &lane, std::size_t index)
{
    std::vector<const Card *> moving;
    for (const std::string &id : cardIds) {
        const Card *card = document.card(id);
        if (!card)
            return nullptr;
        moving.push_back(card);
    }
    std::vector<const Card *> cell;
    for (const Card *card : document.cardsInCell(persona, stage, lane))
        if (std::find(cardIds.begin(), cardIds.end(), card->id) == cardIds.end())
            cell.push_back(card);
    index = std::min(index, cell.size());
    cell.insert(cell.begin() + static_cast<std::ptrdiff_t>(index), moving.begin(), moving.end());
    // A card that stays where it is (same cell, same order) needs no edit.
    std::vector<std::string> reallyMoving;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const Card &card = *cell[i];
        if (card.persona != persona || card.stage != stage || card.lane != lane ||
            card.order != static_cast<std::int64_t>(i))
            reallyMoving.push_back(card.id);
    }
    auto edits = renumber(cell, persona, stage, lane, reallyMoving);
    if (edits.empty())
        return nullptr;
    return compound(std::move(edits), "move cards");
}

EditPtr addCardToCell(const Document &document, Card card, std::size_t index)
{
    std::vector<const Card *> cell = document.cardsInCell(card.persona, card.stage, card.lane);
    index = std::min(index, cell.size());
    card.order = static_cast<std::int64_t>(index);
    std::vector<EditPtr> edits;
    // Cards at and after the new one's position move down by one.
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const std::int64_t wanted = static_cast<std::int64_t>(i < index ? i : i + 1);
        if (cell[i]->order != wanted)
            edits.push_back(moveCard(cell[i]->id, card.persona, card.stage, card.lane, wanted));
    }
    edits.insert(edits.begin(), addCard(std::move(card)));
    return compound(std::move(edits), "add card");
}

EditPtr addCardsAtEnd(const Document &document, std::vector<Card> cards, std::string description)
{
    if (cards.empty())
        return nullptr;
    // The cells, in the order their first new card comes, with their new cards.
    std::vector<std::pair<CellKey, std::vector<std::size_t>>> cells;
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const CellKey key{cards[i].persona, cards[i].stage, cards[i].lane};
        auto cell = std::find_if(cells.begin(), cells.end(), [&](const auto &c) { return c.first == key; });
        if (cell == cells.end())
            cells.emplace_back(key, std::vector<std::size_t>{i});
        else
            cell->second.push_back(i);
    }
    std::vector<EditPtr> edits;
    for (const auto &[key, added] : cells) {
        const std::vector<const Card *> current = document.cardsInCell(key.persona, key.stage, key.lane);
        std::optional<std::int64_t> first =
            firstOrderAfter(current.empty() ? std::nullopt : std::optional(current.back()->order), added.size());
        if (!first) {
            // Out of orders: the cell becomes 0, 1, 2..., as it looks now.
            for (EditPtr &edit : renumber(current, key.persona, key.stage, key.lane, {}))
                edits.push_back(std::move(edit));
            first = static_cast<std::int64_t>(current.size());
        }
        for (std::size_t k = 0; k < added.size(); ++k)
            cards[added[k]].order = *first + static_cast<std::int64_t>(k);
    }
    for (Card &card : cards)
        edits.push_back(addCard(std::move(card)));
    return compound(std::move(edits), std::move(description));
}

EditPtr compound(std::vector<EditPtr> edits, std::string description)
{
    return std::make_unique<Compound>(std::move(edits), std::move(description));
}

} // namespace cjm
