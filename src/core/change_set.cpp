#include "cjm/change_set.hpp"

#include <algorithm>

namespace cjm {

namespace {
std::string keyOf(EntityKind kind, std::string_view id)
{
    std::string key;
    key.reserve(id.size() + 2);
    key += static_cast<char>('0' + static_cast<int>(kind));
    key += ':';
    key += id;
    return key;
}

// Fields of a lane that decide which rows the map has.
bool isLaneFrameField(std::string_view field) { return field == "hidden" || field == "kind"; }
} // namespace

bool ChangeSet::Entry::hasField(std::string_view field) const
{
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

ChangeSet::Entry &ChangeSet::entry(EntityKind kind, std::string_view id)
{
    auto [it, inserted] = m_index.try_emplace(keyOf(kind, id), m_entries.size());
    if (inserted) {
        Entry e;
        e.kind = kind;
        e.id = std::string(id);
        m_entries.push_back(std::move(e));
    }
    return m_entries[it->second];
}

void ChangeSet::noteAdded(EntityKind kind, std::string_view id) { entry(kind, id).added = true; }
void ChangeSet::noteRemoved(EntityKind kind, std::string_view id) { entry(kind, id).removed = true; }
void ChangeSet::noteMoved(EntityKind kind, std::string_view id) { entry(kind, id).moved = true; }

void ChangeSet::noteField(EntityKind kind, std::string_view id, std::string_view field)
{
    Entry &e = entry(kind, id);
    if (!e.hasField(field))
        e.fields.emplace_back(field);
}

void ChangeSet::append(const ChangeSet &later)
{
    for (const Entry &next : later.m_entries) {
        Entry &e = entry(next.kind, next.id);
        e.added = e.added || next.added;
        e.removed = e.removed || next.removed;
        e.moved = e.moved || next.moved;
        for (const std::string &field : next.fields)
            if (!e.hasField(field))
                e.fields.push_back(field);
    }
    m_topLevel = m_topLevel || later.m_topLevel;
    m_everything = m_everything || later.m_everything;
}

ChangeSet ChangeSet::inverted() const
{
    ChangeSet inverse = *this;
    for (Entry &e : inverse.m_entries)
        std::swap(e.added, e.removed);
    return inverse;
}

const ChangeSet::Entry *ChangeSet::find(EntityKind kind, std::string_view id) const
{
    auto it = m_index.find(keyOf(kind, id));
    return it == m_index.end() ? nullptr : &m_entries[it->second];
}

bool ChangeSet::hasField(EntityKind kind, std::string_view id, std::string_view field) const
{
    const Entry *e = find(kind, id);
    return e && e->hasField(field);
}

bool ChangeSet::touchesStructure() const
{
    if (m_everything)
        return true;
    for (const Entry &e : m_entries) {
        switch (e.kind) {
        case EntityKind::Card: break;
        case EntityKind::Journey:
            if (e.hasField("id"))
                return true;
            break;
        case EntityKind::Lane:
            if (std::any_of(e.fields.begin(), e.fields.end(), isLaneFrameField))
                return true;
            [[fallthrough]];
        default:
            if (e.added || e.removed || e.moved)
                return true;
        }
    }
    return false;
}

bool ChangeSet::movesCards() const
{
    if (m_everything)
        return true;
    return std::any_of(m_entries.begin(), m_entries.end(),
                       [](const Entry &e) { return e.kind == EntityKind::Card && (e.added || e.removed || e.moved); });
}

bool ChangeSet::touches(EntityKind kind) const
{
    if (m_everything)
        return true;
    return std::any_of(m_entries.begin(), m_entries.end(), [kind](const Entry &e) { return e.kind == kind; });
}

bool ChangeSet::touchesLabels() const
{
    if (m_everything)
        return true;
    return std::any_of(m_entries.begin(), m_entries.end(), [](const Entry &e) {
        return (e.kind == EntityKind::Persona || e.kind == EntityKind::Stage || e.kind == EntityKind::Lane) &&
               !e.fields.empty();
    });
}

std::vector<std::string> ChangeSet::ids(EntityKind kind) const
{
    std::vector<std::string> result;
    for (const Entry &e : m_entries)
        if (e.kind == kind)
            result.push_back(e.id);
    return result;
}

std::vector<std::string> ChangeSet::cardIds() const { return ids(EntityKind::Card); }

bool ChangeSet::operator==(const ChangeSet &other) const
{
    if (m_topLevel != other.m_topLevel || m_everything != other.m_everything ||
        m_entries.size() != other.m_entries.size())
        return false;
    for (const Entry &e : m_entries) {
        const Entry *o = other.find(e.kind, e.id);
        if (!o || o->added != e.added || o->removed != e.removed || o->moved != e.moved ||
            o->fields.size() != e.fields.size())
            return false;
        for (const std::string &field : e.fields)
            if (!o->hasField(field))
                return false;
    }
    return true;
}

} // namespace cjm
