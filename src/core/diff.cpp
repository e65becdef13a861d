#include "cjm/diff.hpp"

#include <cstdint>
#include <unordered_set>

#include "map_json.hpp"
#include "validation.hpp"

namespace cjm {

using detail::describeValue;
using detail::valueOf;

namespace {

const std::string kLeft = "\u2018";
const std::string kRight = "\u2019";

std::string quote(const std::string &text) { return kLeft + detail::shorten(text, 50) + kRight; }

DiffEntity entityOfArray(std::string_view arrayName)
{
    if (arrayName == "personas")
        return DiffEntity::Persona;
    if (arrayName == "stages")
        return DiffEntity::Stage;
    if (arrayName == "lanes")
        return DiffEntity::Lane;
    if (arrayName == "views")
        return DiffEntity::View;
    return DiffEntity::Card;
}

// Plain names (no kind word) for the parts of a card's cell.
std::string personaName(const Document &d, const std::string &id)
{
    const Persona *p = d.persona(id);
    return p ? p->name : id;
}
std::string stageName(const Document &d, const std::string &id)
{
    const Stage *s = d.stage(id);
    return s ? s->name : id;
}
std::string laneName(const Document &d, const std::string &id)
{
    const Lane *l = d.lane(id);
    if (!l)
        return id;
    return l->title.empty() ? detail::laneKindLabel(l->kindName) : l->title;
}

std::string nameOf(const Document &d, DiffEntity entity, const std::string &id)
{
    switch (entity) {
    case DiffEntity::Persona: return personaName(d, id);
    case DiffEntity::Stage: return stageName(d, id);
    case DiffEntity::Lane: return laneName(d, id);
    case DiffEntity::View: return d.view(id) ? d.view(id)->name : id;
    default: return id;
    }
}

class Differ {
public:
    Differ(const Document &a, const Document &b)
        : m_a(a), m_b(b), m_left(detail::splitDocument(a)), m_right(detail::splitDocument(b))
    {
    }

    std::vector<Change> run()
    {
        compareObjects(DiffEntity::Map, "", m_left.top, m_right.top, {});
        compareObjects(DiffEntity::Journey, m_b.journey().id, m_left.journey, m_right.journey, {});
        for (std::string_view array : detail::kEntityArrays)
            compareArray(array);
        return std::move(m_changes);
    }

private:
    // The label of an entity as it was in A (what the reader knows), or in B for an added one.
    std::string label(DiffEntity entity, const std::string &id) const
    {
        const bool onlyInB = entity == DiffEntity::View ? !m_a.view(id) : toEntityKind(entity) && !m_a.contains(id);
        const Document &d = onlyInB ? m_b : m_a;
        return entityLabel(d, entity, id);
    }

    void add(ChangeType type, DiffEntity entity, std::string id, std::string field, std::optional<Json> before,
             std::optional<Json> after, std::string description)
    {
        m_changes.push_back({type, entity, std::move(id), std::move(field), std::move(before), std::move(after),
                             std::move(description)});
    }

    void compareObjects(DiffEntity entity, const std::string &id, const Json &a, const Json &b,
                        const std::unordered_set<std::string> &skip)
    {
        // Keys in B's order, then keys only A has.
        std::vector<std::string> keys;
        for (const auto &[key, value] : b.items())
            if (!skip.count(key))
                keys.push_back(key);
        for (const auto &[key, value] : a.items())
            if (!skip.count(key) && !b.contains(key))
                keys.push_back(key);
        for (const auto &key : keys) {
            auto before = valueOf(a, key);
            auto after = valueOf(b, key);
            if (before == after)
                continue;
            add(ChangeType::Changed, entity, entity == DiffEntity::Map ? std::string() : id, key, before, after,
                describeFieldChange(entity, id, key, before, after));
        }
    }

    std::string describeFieldChange(DiffEntity entity, const std::string &id, const std::string &key,
                                    const std::optional<Json> &before, const std::optional<Json> &after) const
    {
        const bool renamed =
            (key == "name" &&
             (entity == DiffEntity::Persona || entity == DiffEntity::Stage || entity == DiffEntity::View)) ||
            (key == "title" && entity == DiffEntity::Lane) || (key == "text" && entity == DiffEntity::Card);
        if (renamed && before && after && before->is_string() && after->is_string()) {
            const std::string what = entity == DiffEntity::Card ? "text changed to " : "renamed to ";
            // Named as it was in A, so the line reads "stage ‘Adoption’ renamed to ‘Onboarding’".
            return entityLabel(m_a, entity, id) + " " + what + quote(after->get<std::string>());
        }
        // Emotion scores read as people write them on a map: +1, 0, -2.
        const bool signedScore = entity == DiffEntity::Card && (key == "score" || key == "desired");
        auto describe = [&](const std::optional<Json> &value) {
            if (signedScore && value && value->is_number_integer()) {
                const auto n = value->get<std::int64_t>();
                return (n > 0 ? "+" : "") + std::to_string(n);
            }
            return describeValue(value);
        };
        std::string subject;
        if (entity == DiffEntity::Map)
            subject = "the map's " + key;
        else if (entity == DiffEntity::Journey)
            subject = "journey " + key;
        else
            subject = label(entity, id) + ": " + key;
        if (!after)
            return subject + " removed (was " + describe(before) + ")";
        if (!before)
            return subject + " set to " + describe(after);
        return subject + " changed from " + describe(before) + " to " + describe(after);
    }

    std::string describeCell(const Document &d, const Json &cell) const
    {
        return stageName(d, cell["stage"].get<std::string>()) + " \u00b7 " +
               laneName(d, cell["lane"].get<std::string>()) + " \u00b7 " +
               personaName(d, cell["persona"].get<std::string>());
    }

    std::string describeMove(const std::string &id, const Json &from, const Json &to) const
    {
        const std::string card = label(DiffEntity::Card, id);
        const bool samePersona = from["persona"] == to["persona"];
        const bool sameStage = from["stage"] == to["stage"];
        const bool sameLane = from["lane"] == to["lane"];
        const std::string persona = personaName(m_b, to["persona"].get<std::string>());
        if (samePersona && sameLane && !sameStage)
            return card + " moved from " + stageName(m_a, from["stage"].get<std::string>()) + " to " +
                   stageName(m_b, to["stage"].get<std::string>()) + " (" + persona + ")";
        if (samePersona && sameStage && !sameLane)
            return card + " moved from lane " + laneName(m_a, from["lane"].get<std::string>()) + " to " +
                   laneName(m_b, to["lane"].get<std::string>()) + " (" + persona + ", " +
                   stageName(m_b, to["stage"].get<std::string>()) + ")";
        if (sameStage && sameLane && !samePersona)
            return card + " moved from persona " + personaName(m_a, from["persona"].get<std::string>()) + " to " +
                   persona + " (" + stageName(m_b, to["stage"].get<std::string>()) + ")";
        return card + " moved from " + describeCell(m_a, from) + " to " + describeCell(m_b, to);
    }

    void compareArray(std::string_view array)
    {
        const DiffEntity entity = entityOfArray(array);
        const auto &left = detail::table(m_left, array);
        const auto &right = detail::table(m_right, array);
        for (const auto &id : left.order)
            if (!right.find(id))
                add(ChangeType::Removed, entity, id, "", *left.find(id), std::nullopt, describeRemoved(entity, id));
        for (const auto &id : right.order) {
            const Json *before = left.find(id);
            const Json &after = *right.find(id);
            if (!before) {
                add(ChangeType::Added, entity, id, "", std::nullopt, after, describeAdded(entity, id));
                continue;
            }
            if (entity == DiffEntity::Card) {
                const Json from = detail::cardCell(*before);
                const Json to = detail::cardCell(after);
                if (from != to) {
                    Json fromCell = from, toCell = to;
                    fromCell.erase("order");
                    toCell.erase("order");
                    if (fromCell != toCell)
                        add(ChangeType::Moved, entity, id, "cell", from, to, describeMove(id, from, to));
                    else
                        add(ChangeType::Moved, entity, id, "order", from["order"], to["order"],
                            label(entity, id) + " moved inside its cell (order " + from["order"].dump() + " to " +
                                to["order"].dump() + ")");
                }
                compareObjects(entity, id, *before, after, {"id", "persona", "stage", "lane", "order"});
            } else {
                compareObjects(entity, id, *before, after, {"id"});
            }
        }
        if (entity == DiffEntity::Card)
            return; // a card's place in the array means nothing; its cell and order do
        Json beforeOrder = Json::array(), afterOrder = Json::array();
        for (const auto &id : left.order)
            if (right.find(id))
                beforeOrder.push_back(id);
        for (const auto &id : right.order)
            if (left.find(id))
                afterOrder.push_back(id);
        if (beforeOrder == afterOrder)
            return;
        auto names = [&](const Json &ids) {
            std::string out;
            for (const auto &id : ids)
                out += (out.empty() ? "" : ", ") + nameOf(m_b, entity, id.get<std::string>());
            return out;
        };
        add(ChangeType::Reordered, entity, "", std::string(array), beforeOrder, afterOrder,
            std::string(array) + " reordered: " + names(beforeOrder) + " \u2192 " + names(afterOrder));
    }

    std::string describeAdded(DiffEntity entity, const std::string &id) const
    {
        std::string text = entityLabel(m_b, entity, id) + " added";
        if (entity == DiffEntity::Card) {
            const Card *c = m_b.card(id);
            text += " in " + stageName(m_b, c->stage) + " (" + personaName(m_b, c->persona) + ", " +
                    laneName(m_b, c->lane) + ")";
        }
        return text;
    }

    std::string describeRemoved(DiffEntity entity, const std::string &id) const
    {
        std::string text = entityLabel(m_a, entity, id) + " removed";
        if (entity == DiffEntity::Card) {
            const Card *c = m_a.card(id);
            text += " from " + stageName(m_a, c->stage) + " (" + personaName(m_a, c->persona) + ", " +
                    laneName(m_a, c->lane) + ")";
        }
        return text;
    }

    const Document &m_a;
    const Document &m_b;
    detail::DocumentJson m_left, m_right;
    std::vector<Change> m_changes;
};

} // namespace

std::vector<Change> diffDocuments(const Document &a, const Document &b) { return Differ(a, b).run(); }

Json changesToJson(const std::vector<Change> &changes)
{
    Json out = Json::object();
    out["equal"] = changes.empty();
    Json list = Json::array();
    for (const auto &c : changes) {
        Json item = Json::object();
        item["change"] = toString(c.type);
        item["entity"] = toString(c.entity);
        item["id"] = c.id;
        item["field"] = c.field;
        if (c.before)
            item["old"] = *c.before;
        if (c.after)
            item["new"] = *c.after;
        item["description"] = c.description;
        list.push_back(std::move(item));
    }
    out["changes"] = std::move(list);
    return out;
}

std::string_view toString(DiffEntity entity)
{
    switch (entity) {
    case DiffEntity::Map: return "map";
    case DiffEntity::Journey: return "journey";
    case DiffEntity::Persona: return "persona";
    case DiffEntity::Stage: return "stage";
    case DiffEntity::Lane: return "lane";
    case DiffEntity::Card: return "card";
    case DiffEntity::View: return "view";
    }
    return {};
}

std::string_view toString(ChangeType type)
{
    switch (type) {
    case ChangeType::Added: return "added";
    case ChangeType::Removed: return "removed";
    case ChangeType::Changed: return "changed";
    case ChangeType::Moved: return "moved";
    case ChangeType::Reordered: return "reordered";
    }
    return {};
}

std::optional<EntityKind> toEntityKind(DiffEntity entity)
{
    switch (entity) {
    case DiffEntity::Map: return std::nullopt;
    case DiffEntity::Journey: return EntityKind::Journey;
    case DiffEntity::Persona: return EntityKind::Persona;
    case DiffEntity::Stage: return EntityKind::Stage;
    case DiffEntity::Lane: return EntityKind::Lane;
    case DiffEntity::Card: return EntityKind::Card;
    case DiffEntity::View: return std::nullopt;
    }
    return std::nullopt;
}

std::string entityLabel(const Document &document, DiffEntity entity, const std::string &id)
{
    switch (entity) {
    case DiffEntity::Map: return "the map";
    case DiffEntity::Journey: return "the journey";
    case DiffEntity::Persona:
        return document.persona(id) ? "persona " + quote(document.persona(id)->name) : "persona " + id;
    case DiffEntity::Stage: return document.stage(id) ? "stage " + quote(document.stage(id)->name) : "stage " + id;
    case DiffEntity::Lane: return document.lane(id) ? "lane " + quote(laneName(document, id)) : "lane " + id;
    case DiffEntity::Card: {
        const Card *c = document.card(id);
        return c && !c->text.empty() ? "card " + quote(c->text) : "card " + id;
    }
    case DiffEntity::View: return document.view(id) ? "view " + quote(document.view(id)->name) : "view " + id;
    }
    return id;
}

} // namespace cjm
