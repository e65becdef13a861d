#include "cjm/merge.hpp"

#include <algorithm>
#include <functional>
#include <unordered_set>

#include "cjm/change_set.hpp"
#include "cjm/document_io.hpp"
#include "cjm/views.hpp"
#include "document_access.hpp"
#include "json_parser.hpp"
#include "map_json.hpp"
#include "owned_bytes.hpp"
#include "validation.hpp"

namespace cjm {

using detail::describeValue;
using detail::DocumentJson;
using detail::EntityTable;
using detail::valueOf;

namespace {

using Ids = std::vector<std::string>;

const char *const kCellKeys[] = {"persona", "stage", "lane", "order"};

struct SequenceMerge {
    Ids order;
    bool conflict = false;
    Ids base, ours, theirs; // the ids all three share, in each side's order
};

// Merges three orders of ids. The ids all sides share take the order of the
// side that changed it (ours when both did: a conflict); every other id kept
// is placed after its nearest kept predecessor on its own side, ours first.
SequenceMerge mergeSequence(const Ids &base, const Ids &ours, const Ids &theirs,
                            const std::function<bool(const std::string &)> &keep)
{
    const std::unordered_set<std::string> inBase(base.begin(), base.end()), inOurs(ours.begin(), ours.end()),
        inTheirs(theirs.begin(), theirs.end());
    auto shared = [&](const Ids &seq) {
        Ids out;
        for (const auto &id : seq)
            if (keep(id) && inBase.count(id) && inOurs.count(id) && inTheirs.count(id))
                out.push_back(id);
        return out;
    };
    SequenceMerge m;
    m.base = shared(base);
    m.ours = shared(ours);
    m.theirs = shared(theirs);
    if (m.ours == m.base)
        m.order = m.theirs;
    else if (m.theirs == m.base || m.theirs == m.ours)
        m.order = m.ours;
    else {
        m.order = m.ours;
        m.conflict = true;
    }
    std::unordered_set<std::string> placed(m.order.begin(), m.order.end()), inserted;
    for (const Ids *side : {&ours, &theirs}) {
        for (std::size_t i = 0; i < side->size(); ++i) {
            const std::string &id = (*side)[i];
            if (!keep(id) || placed.count(id))
                continue;
            std::size_t pos = 0;
            for (std::size_t j = i; j-- > 0;) {
                if (placed.count((*side)[j])) {
                    pos = static_cast<std::size_t>(std::find(m.order.begin(), m.order.end(), (*side)[j]) -
                                                   m.order.begin()) +
                          1;
                    break;
                }
            }
            while (pos < m.order.size() && inserted.count(m.order[pos]))
                ++pos;
            m.order.insert(m.order.begin() + static_cast<std::ptrdiff_t>(pos), id);
            placed.insert(id);
            inserted.insert(id);
        }
    }
    return m;
}

// The text under `key`, or "" when it is missing or not a text. Markers come
// from files and may hold anything (Json::value would throw on a number).
std::string textAt(const Json &object, const char *key)
{
    if (!object.is_object())
        return {};
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Ids keysOf(const Json &object)
{
    Ids keys;
    if (object.is_object())
        for (const auto &[key, value] : object.items())
            keys.push_back(key);
    return keys;
}

// The reader's nesting limit, which every merged map must stay within.
constexpr int kMaxDepth = ReadLimits{}.maxDepth;

// How many levels of objects and lists `value` opens (0 for a text or number).
// Values come from maps that were read, so the recursion is as shallow as they.
int nestingOf(const Json &value)
{
    int deepest = 0;
    if (value.is_structured())
        for (const auto &element : value)
            deepest = std::max(deepest, nestingOf(element));
    return value.is_structured() ? deepest + 1 : 0;
}

// A field marker for an object at nesting `depth` (the top level is 1, the
// journey 2, an entity in one of the arrays 3). Its values sit two levels
// deeper than the key they come from (the list, then the marker): a value
// that would pass the reader's limit there is stored as its JSON text, under
// "baseJson"/"theirsJson", so the merged map stays readable and keeps it.
Json fieldMarker(const std::string &field, const std::optional<Json> &base, const std::optional<Json> &theirs,
                 int depth)
{
    Json marker = Json::object();
    marker["type"] = "field";
    marker["field"] = field;
    auto put = [&](const std::string &key, const std::optional<Json> &value) {
        if (!value)
            return;
        if (depth + 2 + nestingOf(*value) <= kMaxDepth)
            marker[key] = *value;
        else
            marker[key + "Json"] = value->dump(-1, ' ', false, Json::error_handler_t::replace);
    };
    put("base", base);
    put("theirs", theirs);
    return marker;
}

Json deletedMarker(const char *deletedBy)
{
    Json marker = Json::object();
    marker["type"] = "deleted";
    marker["deletedBy"] = deletedBy;
    return marker;
}

// The entries of an "x-cjm-conflicts" value. One that is not a list (written
// by hand or by another program) counts as a list of itself, so a marker
// added beside it never replaces it.
Json markerEntries(const std::optional<Json> &value)
{
    if (!value)
        return Json::array();
    if (value->is_array())
        return *value;
    return Json::array({*value});
}

void addMarker(Json &entity, Json marker)
{
    Json list = markerEntries(valueOf(entity, kConflictKey));
    list.push_back(std::move(marker));
    entity[kConflictKey] = std::move(list);
}

// Three-way choice of one value; nullopt result with `conflict` set means "both changed".
std::optional<Json> pick(const std::optional<Json> &base, const std::optional<Json> &ours,
                         const std::optional<Json> &theirs, bool &conflict)
{
    conflict = false;
    if (ours == theirs || theirs == base)
        return ours;
    if (ours == base)
        return theirs;
    conflict = true;
    return ours;
}

// Merges the "x-cjm-conflicts" values of one object. When only one side
// changed it, that side's value is taken as it is, whatever its shape. When
// both did, it merges as a list of markers: an entry one side removed (a
// conflict it resolved) goes, entries either side added stay, ours first.
std::optional<Json> mergeMarkers(const std::optional<Json> &base, const std::optional<Json> &ours,
                                 const std::optional<Json> &theirs)
{
    bool conflict = false;
    auto picked = pick(base, ours, theirs, conflict);
    if (!conflict)
        return picked;
    const Json b = markerEntries(base), o = markerEntries(ours), t = markerEntries(theirs);
    auto in = [](const Json &list, const Json &entry) {
        return std::find(list.begin(), list.end(), entry) != list.end();
    };
    Json merged = Json::array();
    for (const Json *side : {&o, &t})
        for (const auto &entry : *side)
            if (!in(merged, entry) && !(in(b, entry) && !(in(o, entry) && in(t, entry))))
                merged.push_back(entry);
    if (merged.empty())
        return std::nullopt;
    return merged;
}

// Merges one object present on both sides (base may be an empty object when
// both sides added it), key by key, whatever the keys are. `depth` is its
// nesting in the file (see fieldMarker). A key both sides changed keeps ours
// and gets a marker, except the keys in `oursWithoutMarker`.
Json mergeFields(const Json &base, const Json &ours, const Json &theirs, bool isCard, int depth,
                 const std::unordered_set<std::string> &oursWithoutMarker = {})
{
    std::unordered_set<std::string> handled = {kConflictKey};
    Json merged = Json::object();
    std::vector<Json> markers;
    std::unordered_map<std::string, Json> values;
    if (isCard) {
        const bool baseHasCell = base.contains("persona");
        std::optional<Json> b;
        if (baseHasCell)
            b = detail::cardCell(base);
        bool conflict = false;
        auto cell = pick(b, detail::cardCell(ours), detail::cardCell(theirs), conflict);
        if (conflict)
            markers.push_back(fieldMarker("cell", b, detail::cardCell(theirs), depth));
        for (const char *key : kCellKeys) {
            values[key] = (*cell)[key];
            handled.insert(key);
        }
    }
    for (const Json *side : {&ours, &theirs, &base})
        for (const auto &[key, value] : side->items()) {
            if (handled.count(key))
                continue;
            handled.insert(key);
            const auto b = valueOf(base, key), o = valueOf(ours, key), t = valueOf(theirs, key);
            bool conflict = false;
            auto value_ = pick(b, o, t, conflict);
            if (conflict && !oursWithoutMarker.count(key))
                markers.push_back(fieldMarker(key, b, t, depth));
            if (value_)
                values[key] = std::move(*value_);
        }
    auto list = mergeMarkers(valueOf(base, kConflictKey), valueOf(ours, kConflictKey), valueOf(theirs, kConflictKey));
    if (!markers.empty()) {
        Json entries = markerEntries(list);
        for (auto &m : markers)
            entries.push_back(std::move(m));
        list = std::move(entries);
    }
    if (list)
        values[kConflictKey] = std::move(*list);
    const SequenceMerge order = mergeSequence(keysOf(base), keysOf(ours), keysOf(theirs),
                                              [&](const std::string &k) { return values.count(k) > 0; });
    for (const auto &key : order.order)
        merged[key] = std::move(values[key]);
    for (auto &[key, value] : values) // keys new to every side's order (the marker list)
        if (!merged.contains(key))
            merged[key] = std::move(value);
    return merged;
}

class Merger {
public:
    Merger(const Document &base, const Document &ours, const Document &theirs)
        : m_base(detail::splitDocument(base)), m_ours(detail::splitDocument(ours)),
          m_theirs(detail::splitDocument(theirs))
    {
    }

    MergeResult run()
    {
        MergeResult result;
        // The top level merges like any entity; only "generator", which says
        // which program wrote the file and is no one's work, keeps ours unmarked.
        Json top = mergeFields(m_base.top, m_ours.top, m_theirs.top, false, 1, {"generator"});
        Json journey = mergeFields(m_base.journey, m_ours.journey, m_theirs.journey, false, 2);
        for (std::string_view array : detail::kEntityArrays)
            mergeEntities(array);
        keepReferencedContainers();
        renameClashingIds(journey, result.renamed);

        Json doc = Json::object();
        for (auto &[key, value] : top.items())
            if (key == "format" || key == "version" || key == "generator")
                doc[key] = value;
        doc["journey"] = std::move(journey);
        for (std::string_view array : detail::kEntityArrays) {
            auto &merged = m_merged[std::string(array)];
            const SequenceMerge order = mergeSequence(
                detail::table(m_base, array).order, detail::table(m_ours, array).order,
                detail::table(m_theirs, array).order, [&](const std::string &id) { return merged.count(id) > 0; });
            // The order of cards means nothing; the order of views is only their menu's: ours wins.
            if (order.conflict && array != "cards" && array != "views") {
                Json marker = Json::object();
                marker["type"] = "order";
                marker["field"] = std::string(array);
                marker["base"] = order.base;
                marker["theirs"] = order.theirs;
                addMarker(doc["journey"], std::move(marker));
            }
            Json list = Json::array();
            for (const auto &id : order.order)
                list.push_back(std::move(merged[id]));
            doc[std::string(array)] = std::move(list);
        }
        for (auto &[key, value] : top.items())
            if (!doc.contains(key))
                doc[key] = value;

        ReadResult read = readDocument(doc.dump(-1, ' ', false, Json::error_handler_t::replace));
        if (!read.ok()) {
            result.problems = std::move(read.problems);
            return result;
        }
        result.conflicts = listConflicts(*read.document);
        result.document = std::move(read.document);
        return result;
    }

private:
    void mergeEntities(std::string_view array)
    {
        const EntityTable &base = detail::table(m_base, array);
        const EntityTable &ours = detail::table(m_ours, array);
        const EntityTable &theirs = detail::table(m_theirs, array);
        const bool isCard = array == "cards";
        auto &merged = m_merged[std::string(array)];
        std::unordered_set<std::string> seen;
        for (const Ids *ids : {&ours.order, &theirs.order, &base.order})
            for (const auto &id : *ids) {
                if (!seen.insert(id).second)
                    continue;
                const Json *b = base.find(id);
                const Json *o = ours.find(id);
                const Json *t = theirs.find(id);
                if (o && t) {
                    merged[id] = *o == *t ? *o : mergeFields(b ? *b : Json::object(), *o, *t, isCard, 3);
                } else if (!b) {
                    merged[id] = o ? *o : *t; // added on one side
                } else if (o && *o != *b) {
                    merged[id] = *o; // theirs deleted what ours changed
                    addMarker(merged[id], deletedMarker("theirs"));
                } else if (t && *t != *b) {
                    merged[id] = *t; // ours deleted what theirs changed
                    addMarker(merged[id], deletedMarker("ours"));
                }
                // else deleted on one side and untouched on the other, or on both: gone
            }
    }

    // A card may point at a persona, stage or lane that one side deleted while
    // the other put or changed cards in it: the container stays, marked.
    void keepReferencedContainers()
    {
        const std::pair<const char *, const char *> refs[] = {
            {"persona", "personas"}, {"stage", "stages"}, {"lane", "lanes"}};
        for (auto &[id, card] : m_merged["cards"]) {
            for (const auto &[key, array] : refs) {
                if (!card.contains(key) || !card[key].is_string())
                    continue;
                const std::string ref = card[key].get<std::string>();
                auto &containers = m_merged[array];
                if (containers.count(ref))
                    continue;
                const Json *inOurs = detail::table(m_ours, array).find(ref);
                const Json *inTheirs = detail::table(m_theirs, array).find(ref);
                if (!inOurs && !inTheirs)
                    continue; // cannot happen with valid inputs; the reader will say what is wrong
                Json kept = inOurs ? *inOurs : *inTheirs;
                addMarker(kept, deletedMarker(inOurs ? "theirs" : "ours"));
                containers.emplace(ref, std::move(kept));
            }
        }
    }

    // Ids are unique across the whole file, whatever kind of entity holds
    // them. When one id ends up on two entities (each side added a different
    // kind under it, or their journey took the id of our new card), the one
    // that holds it in ours keeps it (when none does, the first in file order:
    // journey, personas, stages, lanes, cards); the others get a fresh id, and
    // every reference to them follows: cards' persona, stage and lane, and the
    // places and orders that conflict markers remember.
    void renameClashingIds(Json &journey, std::vector<RenamedId> &renamed)
    {
        constexpr std::string_view kJourney = "journey";
        std::unordered_map<std::string, std::vector<std::string_view>> holders; // id -> kinds, in file order
        if (journey.contains("id") && journey["id"].is_string())
            holders[journey["id"].get<std::string>()].push_back(kJourney);
        for (std::string_view array : detail::kEntityArrays)
            for (const auto &[id, entity] : m_merged[std::string(array)])
                holders[id].push_back(array);
        Ids clashing;
        for (auto &[id, kinds] : holders)
            if (kinds.size() > 1)
                clashing.push_back(id);
        std::sort(clashing.begin(), clashing.end()); // the same fresh ids on every run
        auto heldInOurs = [&](std::string_view kind, const std::string &id) {
            return kind == kJourney ? textAt(m_ours.journey, "id") == id
                                    : detail::table(m_ours, kind).find(id) != nullptr;
        };
        for (const auto &id : clashing) {
            std::vector<std::string_view> kinds = holders[id];
            auto keeper =
                std::find_if(kinds.begin(), kinds.end(), [&](std::string_view k) { return heldInOurs(k, id); });
            if (keeper == kinds.end())
                keeper = kinds.begin();
            kinds.erase(keeper);
            for (std::string_view kind : kinds) {
                const std::string fresh = freshId(id, holders);
                holders[fresh].push_back(kind);
                rename(journey, kind, id, fresh);
                renamed.push_back({kind == kJourney ? DiffEntity::Journey : entityOfArray(kind), id, fresh});
            }
        }
    }

    static std::string freshId(const std::string &id,
                               const std::unordered_map<std::string, std::vector<std::string_view>> &used)
    {
        for (int n = 2;; ++n) {
            const std::string suffix = "-" + std::to_string(n);
            std::string fresh = id.substr(0, 64 - suffix.size()) + suffix; // ids are at most 64 characters
            if (!used.count(fresh))
                return fresh;
        }
    }

    static DiffEntity entityOfArray(std::string_view array)
    {
        return array == "personas" ? DiffEntity::Persona
               : array == "stages" ? DiffEntity::Stage
               : array == "lanes"  ? DiffEntity::Lane
               : array == "views"  ? DiffEntity::View
                                   : DiffEntity::Card;
    }

    void rename(Json &journey, std::string_view kind, const std::string &from, const std::string &to)
    {
        if (kind == "journey") {
            journey["id"] = to; // nothing refers to the journey's id
            return;
        }
        auto &merged = m_merged[std::string(kind)];
        Json entity = std::move(merged[from]);
        merged.erase(from);
        entity["id"] = to;
        merged.emplace(to, std::move(entity));
        for (DocumentJson *side : {&m_base, &m_ours, &m_theirs}) {
            EntityTable &t = detail::table(*side, kind);
            std::replace(t.order.begin(), t.order.end(), from, to);
        }
        const char *refKey = kind == "personas" ? "persona"
                             : kind == "stages" ? "stage"
                             : kind == "lanes"  ? "lane"
                                                : nullptr;
        if (!refKey)
            return; // nothing refers to a card's or a view's id
        // Views list personas, stages and lanes (a range names two stages).
        for (auto &[viewId, view] : m_merged["views"]) {
            const std::string listKey = std::string(kind);
            if (auto list = view.find(listKey); list != view.end() && list->is_array())
                std::replace(list->begin(), list->end(), Json(from), Json(to));
            else if (list != view.end() && list->is_object() && kind == "stages")
                for (const char *end : {"from", "to"})
                    if (textAt(*list, end) == from)
                        (*list)[end] = to;
        }
        // A reference under refKey can only mean this entity: within one kind ids never clash.
        auto follow = [&](Json &place) {
            if (textAt(place, refKey) == from)
                place[refKey] = to;
        };
        for (auto &[cardId, card] : m_merged["cards"]) {
            follow(card);
            if (auto markers = card.find(kConflictKey); markers != card.end() && markers->is_array())
                for (auto &m : *markers)
                    if (m.is_object() && textAt(m, "field") == "cell")
                        for (const char *side : {"base", "theirs"})
                            if (m.contains(side))
                                follow(m[side]);
        }
        if (auto markers = journey.find(kConflictKey); markers != journey.end() && markers->is_array())
            for (auto &m : *markers)
                if (m.is_object() && textAt(m, "type") == "order" && textAt(m, "field") == kind)
                    for (const char *side : {"base", "theirs"})
                        if (m.contains(side) && m[side].is_array())
                            std::replace(m[side].begin(), m[side].end(), Json(from), Json(to));
    }

    DocumentJson m_base, m_ours, m_theirs;
    std::unordered_map<std::string, std::unordered_map<std::string, Json>> m_merged; // array -> id -> entity
};

// ---- listing and resolving ----

// A persona's, stage's or lane's name as it stands, without quotes; the id when there is none.
std::string plainName(const Document &d, DiffEntity entity, const std::string &id)
{
    if (entity == DiffEntity::Persona && d.persona(id))
        return d.persona(id)->name;
    if (entity == DiffEntity::Stage && d.stage(id))
        return d.stage(id)->name;
    if (entity == DiffEntity::Lane && d.lane(id)) {
        const Lane &l = *d.lane(id);
        return l.title.empty() ? detail::laneKindLabel(l.kindName) : l.title;
    }
    return id;
}

std::string cellText(const Document &d, const std::optional<Json> &cell)
{
    if (!cell || !cell->is_object())
        return describeValue(cell);
    auto name = [&](const char *key, DiffEntity entity) { return plainName(d, entity, textAt(*cell, key)); };
    return name("stage", DiffEntity::Stage) + " \u00b7 " + name("lane", DiffEntity::Lane) + " \u00b7 " +
           name("persona", DiffEntity::Persona) + " (order " + cell->value("order", Json(0)).dump() + ")";
}

std::string idsText(const Document &d, DiffEntity entity, const std::optional<Json> &ids)
{
    if (!ids || !ids->is_array())
        return describeValue(ids);
    std::string out;
    for (const auto &id : *ids)
        out += (out.empty() ? "" : ", ") + plainName(d, entity, id.is_string() ? id.get<std::string>() : id.dump());
    return out;
}

DiffEntity entityOfArrayName(std::string_view name)
{
    return name == "personas" ? DiffEntity::Persona : name == "stages" ? DiffEntity::Stage : DiffEntity::Lane;
}

std::string describeConflict(const Document &d, const Conflict &c)
{
    const std::string label = entityLabel(d, c.entity, c.id);
    switch (c.type) {
    case ConflictType::Field: {
        auto value = [&](const std::optional<Json> &v) {
            return c.field == "cell" ? cellText(d, v) : describeValue(v);
        };
        // A key's name comes from the file like its value: shortened and printable alike.
        return label + ": " + (c.field == "cell" ? std::string("place") : detail::shorten(c.field, 60)) +
               " changed on both sides: ours " + value(c.ours) + ", theirs " + value(c.theirs) + " (was " +
               value(c.base) + ")";
    }
    case ConflictType::Deleted: {
        const bool container = c.entity != DiffEntity::Card;
        const std::string other = c.deletedBy == "ours" ? "theirs" : "ours";
        return label + " was deleted in " + c.deletedBy + " but " + other +
               (container ? " changed it or put cards in it" : " changed it") + "; it is kept";
    }
    case ConflictType::Order: {
        const DiffEntity e = entityOfArrayName(c.field);
        return c.field + " reordered differently: ours " + idsText(d, e, c.ours) + "; theirs " +
               idsText(d, e, c.theirs);
    }
    }
    return label;
}

std::optional<ConflictType> conflictTypeFromString(const std::string &text)
{
    if (text == "field")
        return ConflictType::Field;
    if (text == "deleted")
        return ConflictType::Deleted;
    if (text == "order")
        return ConflictType::Order;
    return std::nullopt;
}

// A value a marker holds under `key`, or as JSON text under `key` + "Json"
// (see fieldMarker). Text that does not decode is shown as the text itself.
std::optional<Json> markerValue(const Json &marker, const std::string &key)
{
    if (auto value = valueOf(marker, key))
        return value;
    auto text = valueOf(marker, key + "Json");
    if (!text || !text->is_string())
        return text;
    detail::JsonParseResult parsed = detail::parseJson(text->get_ref<const std::string &>());
    return parsed.value ? parsed.value : text;
}

void collect(const Document &d, const DocumentJson &map, DiffEntity entity, const std::string &id, const Json &json,
             std::vector<Conflict> &out)
{
    auto it = json.find(kConflictKey);
    if (it == json.end() || !it->is_array())
        return;
    for (const auto &marker : *it) {
        if (!marker.is_object() || !marker.contains("type") || !marker["type"].is_string())
            continue;
        auto type = conflictTypeFromString(marker["type"].get<std::string>());
        if (!type || (entity == DiffEntity::Map && *type != ConflictType::Field))
            continue; // the top level has fields, but nothing to delete or reorder
        Conflict c;
        c.type = *type;
        c.entity = entity;
        c.id = id;
        c.field = textAt(marker, "field");
        c.base = markerValue(marker, "base");
        c.theirs = markerValue(marker, "theirs");
        c.deletedBy = textAt(marker, "deletedBy");
        // Entries that do not say what they are about cannot be settled: kept, not listed.
        if ((c.type != ConflictType::Deleted && c.field.empty()) ||
            (c.type == ConflictType::Deleted && c.deletedBy != "ours" && c.deletedBy != "theirs"))
            continue;
        if (c.type == ConflictType::Field)
            c.ours = c.field == "cell" && entity == DiffEntity::Card ? std::optional<Json>(detail::cardCell(json))
                                                                     : valueOf(json, c.field);
        if (c.type == ConflictType::Order) {
            if (c.field != "personas" && c.field != "stages" && c.field != "lanes")
                continue;
            c.ours = Json(detail::table(map, c.field).order);
        }
        c.description = describeConflict(d, c);
        out.push_back(std::move(c));
    }
}

// Removes from `entity`'s marker list the first entry that `conflict` came from.
bool removeMarker(Json &entity, const Conflict &conflict)
{
    auto it = entity.find(kConflictKey);
    if (it == entity.end() || !it->is_array())
        return false;
    for (auto m = it->begin(); m != it->end(); ++m) {
        if (!m->is_object())
            continue;
        if (textAt(*m, "type") == toString(conflict.type) && textAt(*m, "field") == conflict.field &&
            textAt(*m, "deletedBy") == conflict.deletedBy) {
            it->erase(m);
            if (it->empty())
                entity.erase(kConflictKey);
            return true;
        }
    }
    return false;
}

std::string problemsText(const Problems &problems)
{
    std::string text;
    for (const auto &p : problems)
        text += (text.empty() ? "" : "; ") + p.message;
    return text;
}

// Sets the map's top-level keys that this version does not know (where the
// top level's own conflict markers live too). The format's keys stay as they are.
class SetTopLevelUnknownKeys final : public Edit {
public:
    explicit SetTopLevelUnknownKeys(UnknownKeys keys) : m_keys(std::move(keys)) {}
    bool apply(Document &document) override
    {
        m_before = DocumentAccess::unknown(document);
        DocumentAccess::unknown(document) = m_keys;
        return true;
    }
    void revert(Document &document) override { DocumentAccess::unknown(document) = m_before; }
    std::string description() const override { return "set the map's top-level keys"; }
    void collectChanges(ChangeSet &changes) const override { changes.noteTopLevel(); }
    std::size_t sizeInBytes() const override
    {
        return sizeof(*this) + detail::ownedBytes(m_keys) + detail::ownedBytes(m_before);
    }

private:
    UnknownKeys m_keys, m_before;
};

// `json`: the top level's unknown keys as they should be. Checked by the
// reader, in a map that holds nothing else, like every resolved value.
ResolveResult updateTopLevelFromJson(const Document &d, const Json &json)
{
    static const char *const kFormatKeys[] = {"format", "version", "generator", "journey", "personas",
                                              "stages", "lanes",   "cards",     "views"};
    for (const char *key : kFormatKeys)
        if (json.contains(key))
            return {nullptr, std::string("the map's \u2018") + key + "\u2019 cannot be changed here"};
    Json small = toJson(Document::fromParts(d.journey(), {}, {}, {}, {}));
    small.erase("generator");
    for (const auto &[key, value] : json.items())
        small[key] = value;
    ReadResult read = readDocument(small.dump(-1, ' ', false, Json::error_handler_t::replace));
    if (!read.ok())
        return {nullptr, "that value does not fit: " + problemsText(read.problems)};
    UnknownKeys keys = read.document->unknown();
    if (keys.is_object() && keys.empty())
        keys = nullptr; // as the reader leaves a map without such keys
    return {std::make_unique<SetTopLevelUnknownKeys>(std::move(keys)), {}};
}

// The edits that turn `now` into `wanted` one field at a time (fields.hpp),
// so the undo step holds the fields a resolution changes (the value and the
// marker list in the unknown keys), not the whole entity with its pictures.
template <typename T, typename Table>
ResolveResult fieldEdits(const T &now, const T &wanted, const Table &table)
{
    std::vector<EditPtr> edits;
    std::apply(
        [&](const auto &...field) {
            auto one = [&](const auto &f) {
                if (now.*(f.member) == wanted.*(f.member))
                    return;
                if constexpr (std::is_same_v<T, Journey>)
                    edits.push_back(setField(f, wanted.*(f.member)));
                else
                    edits.push_back(setField(f, wanted.id, wanted.*(f.member)));
            };
            (one(field), ...);
        },
        table);
    return {compound(std::move(edits), "resolve a conflict"), {}};
}

// Turns an entity's JSON back into a model value, validated by the reader in a
// small map that holds the entity and what a card points at.
// The edit changes only the fields that differ.
ResolveResult updateFromJson(const Document &d, DiffEntity entity, const Json &json)
{
    if (entity == DiffEntity::Map)
        return updateTopLevelFromJson(d, json);
    std::vector<Persona> personas;
    std::vector<Stage> stages;
    std::vector<Lane> lanes;
    if (entity == DiffEntity::Card) {
        if (const Persona *p = d.persona(textAt(json, "persona")))
            personas.push_back(*p);
        if (const Stage *s = d.stage(textAt(json, "stage")))
            stages.push_back(*s);
        if (const Lane *l = d.lane(textAt(json, "lane")))
            lanes.push_back(*l);
    }
    Json small = toJson(Document::fromParts(d.journey(), personas, stages, lanes, {}));
    small.erase("generator");
    switch (entity) {
    case DiffEntity::Journey: small["journey"] = json; break;
    case DiffEntity::Persona: small["personas"] = Json::array({json}); break;
    case DiffEntity::Stage: small["stages"] = Json::array({json}); break;
    case DiffEntity::Lane: small["lanes"] = Json::array({json}); break;
    case DiffEntity::Card: small["cards"] = Json::array({json}); break;
    case DiffEntity::View: small["views"] = Json::array({json}); break;
    case DiffEntity::Map: break; // above
    }
    ReadResult read = readDocument(small.dump(-1, ' ', false, Json::error_handler_t::replace));
    if (!read.ok())
        return {nullptr, "that value does not fit: " + problemsText(read.problems)};
    const Document &r = *read.document;
    switch (entity) {
    case DiffEntity::Journey: return fieldEdits(d.journey(), r.journey(), fields::journey::all);
    case DiffEntity::Persona:
        return d.persona(r.personas().front().id)
                   ? fieldEdits(*d.persona(r.personas().front().id), r.personas().front(), fields::persona::all)
                   : ResolveResult{updatePersona(r.personas().front()), {}}; // the edit says it is gone
    case DiffEntity::Stage:
        return d.stage(r.stages().front().id)
                   ? fieldEdits(*d.stage(r.stages().front().id), r.stages().front(), fields::stage::all)
                   : ResolveResult{updateStage(r.stages().front()), {}};
    case DiffEntity::Lane:
        return d.lane(r.lanes().front().id)
                   ? fieldEdits(*d.lane(r.lanes().front().id), r.lanes().front(), fields::lane::all)
                   : ResolveResult{updateLane(r.lanes().front()), {}};
    case DiffEntity::Card: {
        const Card &wanted = r.cards().front();
        const Card *now = d.card(wanted.id);
        if (!now)
            return {updateCard(wanted), {}};
        // A new place (a "cell" conflict) changes with the fields in one step: a
        // move and a score may depend on each other (an emotions lane needs one).
        if (now->persona != wanted.persona || now->stage != wanted.stage || now->lane != wanted.lane ||
            now->order != wanted.order)
            return {updateCard(wanted), {}};
        return fieldEdits(*now, wanted, fields::card::all);
    }
    case DiffEntity::View: return {updateView(r.views().front()), {}};
    case DiffEntity::Map: break;
    }
    return {nullptr, "unknown entity"};
}

// The JSON of one entity of `d`, without serialising the whole map.
std::optional<Json> currentJson(const Document &d, DiffEntity entity, const std::string &id)
{
    std::vector<Persona> personas;
    std::vector<Stage> stages;
    std::vector<Lane> lanes;
    switch (entity) {
    case DiffEntity::Journey: return toJson(Document::fromParts(d.journey(), {}, {}, {}, {}))["journey"];
    case DiffEntity::Card: {
        const Card *c = d.card(id);
        return c ? std::optional<Json>(cardToJson(*c)) : std::nullopt;
    }
    case DiffEntity::Persona:
        if (!d.persona(id))
            return std::nullopt;
        personas.push_back(*d.persona(id));
        return toJson(Document::fromParts({}, personas, {}, {}, {}))["personas"][0];
    case DiffEntity::Stage:
        if (!d.stage(id))
            return std::nullopt;
        stages.push_back(*d.stage(id));
        return toJson(Document::fromParts({}, {}, stages, {}, {}))["stages"][0];
    case DiffEntity::Lane:
        if (!d.lane(id))
            return std::nullopt;
        lanes.push_back(*d.lane(id));
        return toJson(Document::fromParts({}, {}, {}, lanes, {}))["lanes"][0];
    case DiffEntity::View: {
        const View *v = d.view(id);
        return v ? std::optional<Json>(viewToJson(*v)) : std::nullopt;
    }
    case DiffEntity::Map: // the keys this version does not know; markers of the top level are among them
        return d.unknown().is_object() ? d.unknown() : Json::object();
    }
    return std::nullopt;
}

template <typename T>
std::vector<std::string> idsOf(const std::vector<T> &items)
{
    std::vector<std::string> ids;
    for (const auto &item : items)
        ids.push_back(item.id);
    return ids;
}

} // namespace

MergeResult mergeDocuments(const Document &base, const Document &ours, const Document &theirs)
{
    return Merger(base, ours, theirs).run();
}

std::vector<Conflict> listConflicts(const Document &document)
{
    std::vector<Conflict> out;
    const DocumentJson map = detail::splitDocument(document);
    collect(document, map, DiffEntity::Map, {}, map.top, out);
    collect(document, map, DiffEntity::Journey, document.journey().id, map.journey, out);
    const std::pair<std::string_view, DiffEntity> arrays[] = {{"personas", DiffEntity::Persona},
                                                              {"stages", DiffEntity::Stage},
                                                              {"lanes", DiffEntity::Lane},
                                                              {"cards", DiffEntity::Card},
                                                              {"views", DiffEntity::View}};
    for (const auto &[array, entity] : arrays) {
        const EntityTable &t = detail::table(map, array);
        for (const auto &id : t.order)
            collect(document, map, entity, id, *t.find(id), out);
    }
    return out;
}

ResolveResult resolveConflict(const Document &document, const Conflict &conflict, Resolution how, const Json &value)
{
    auto json = currentJson(document, conflict.entity, conflict.id);
    if (!json)
        return {nullptr, entityLabel(document, conflict.entity, conflict.id) + " is no longer in the map"};
    if (!removeMarker(*json, conflict))
        return {nullptr, "this conflict is no longer marked in the map"};

    switch (conflict.type) {
    case ConflictType::Field: {
        std::optional<Json> chosen;
        if (how == Resolution::KeepOurs)
            return updateFromJson(document, conflict.entity, *json); // the value stays; the marker goes
        if (how == Resolution::KeepTheirs)
            chosen = conflict.theirs;
        else
            chosen = value;
        if (conflict.field == "cell" && conflict.entity == DiffEntity::Card) {
            if (!chosen || !chosen->is_object())
                return {nullptr, "a card's place needs a persona, a stage, a lane and an order"};
            for (const char *key : kCellKeys)
                if (chosen->contains(key))
                    (*json)[key] = (*chosen)[key];
        } else if (conflict.field == "id" && conflict.entity != DiffEntity::Map) {
            if (chosen != valueOf(*json, "id"))
                return {nullptr, "an id cannot be changed here"};
        } else if (chosen) {
            (*json)[conflict.field] = *chosen;
        } else {
            json->erase(conflict.field);
        }
        ResolveResult r = updateFromJson(document, conflict.entity, *json);
        return r;
    }
    case ConflictType::Deleted: {
        if (how == Resolution::SetValue)
            return {nullptr, "keep ours or keep theirs: a deleted entity has no value to set"};
        const bool remove = (how == Resolution::KeepOurs) == (conflict.deletedBy == "ours");
        if (!remove)
            return updateFromJson(document, conflict.entity, *json);
        switch (conflict.entity) {
        case DiffEntity::Persona: return {removePersona(conflict.id), {}};
        case DiffEntity::Stage: return {removeStage(conflict.id), {}};
        case DiffEntity::Lane: return {removeLane(conflict.id), {}};
        case DiffEntity::Card: return {removeCard(conflict.id), {}};
        case DiffEntity::View: return {removeView(conflict.id), {}};
        default: return {nullptr, "the journey cannot be deleted"};
        }
    }
    case ConflictType::Order: {
        ResolveResult journey = updateFromJson(document, DiffEntity::Journey, *json);
        if (!journey.edit)
            return journey;
        std::optional<Json> wanted = how == Resolution::KeepTheirs ? conflict.theirs
                                     : how == Resolution::SetValue ? std::optional<Json>(value)
                                                                   : std::nullopt;
        if (!wanted)
            return journey;
        if (!wanted->is_array())
            return {nullptr, "an order is a list of ids"};
        Ids current = conflict.field == "personas" ? idsOf(document.personas())
                      : conflict.field == "stages" ? idsOf(document.stages())
                                                   : idsOf(document.lanes());
        // The listed ids take the listed order in the places they hold now; others stay put.
        std::unordered_set<std::string> present(current.begin(), current.end()), listed;
        Ids order;
        for (const auto &id : *wanted)
            if (id.is_string() && present.count(id.get<std::string>()) && listed.insert(id.get<std::string>()).second)
                order.push_back(id.get<std::string>());
        Ids target = current;
        std::size_t next = 0;
        for (auto &id : target)
            if (listed.count(id))
                id = order[next++];
        std::vector<EditPtr> edits;
        edits.push_back(std::move(journey.edit));
        Ids simulated = current;
        for (std::size_t i = 0; i < target.size(); ++i) {
            if (simulated[i] == target[i])
                continue;
            auto from = std::find(simulated.begin(), simulated.end(), target[i]);
            std::rotate(simulated.begin() + static_cast<std::ptrdiff_t>(i), from, from + 1);
            if (conflict.field == "personas")
                edits.push_back(movePersona(target[i], i));
            else if (conflict.field == "stages")
                edits.push_back(moveStage(target[i], i));
            else
                edits.push_back(moveLane(target[i], i));
        }
        return {compound(std::move(edits), "resolve the order of " + conflict.field), {}};
    }
    }
    return {nullptr, "unknown conflict"};
}

std::string_view toString(ConflictType type)
{
    switch (type) {
    case ConflictType::Field: return "field";
    case ConflictType::Deleted: return "deleted";
    case ConflictType::Order: return "order";
    }
    return {};
}

} // namespace cjm
