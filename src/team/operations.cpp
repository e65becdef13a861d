#include "operations.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "cjm/diff.hpp"
#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "cjm/fields.hpp"

namespace cjm::team {

namespace {

// ---- Building operations from a diff -------------------------------------

Json setOperation(const Change &change)
{
    Json op = {{"op", "set"}, {"entity", toString(change.entity)}};
    if (change.entity != DiffEntity::Journey)
        op["id"] = change.id;
    op["field"] = change.field;
    if (change.after)
        op["value"] = *change.after;
    return op;
}

template <typename Entity>
Json idsOf(const std::vector<Entity> &entities)
{
    Json ids = Json::array();
    for (const Entity &entity : entities)
        ids.push_back(entity.id);
    return ids;
}

// ---- Reading an entity as the reader does --------------------------------

// A map holding only what `entities` names, read with the reader itself: the
// one judge of what a value may be. Costs the entity, not the map.
std::optional<Document> readSmallMap(const Document &document, Json parts, std::string &why)
{
    Json map = {{"format", "cjm"}, {"version", kFormatVersion}};
    Json journey = parts.contains("journey") ? parts["journey"] : Json{{"id", document.journey().id}};
    map["journey"] = std::move(journey);
    for (const char *array : {"personas", "stages", "lanes", "cards"})
        map[array] = parts.contains(array) ? parts[array] : Json::array();
    ReadResult read = readDocument(map.dump());
    if (!read.ok()) {
        why = read.problems.empty() ? "the value is not valid" : read.problems.front().toString();
        return std::nullopt;
    }
    return std::move(*read.document);
}

// A card's persona, stage and lane as the map has them now, so a card read
// alone has what it refers to. False when one of them is gone.
bool addCardCell(const Document &document, const Json &card, Json &parts, std::string &why)
{
    const auto reference = [&](const char *key) -> std::string {
        const auto found = card.find(key);
        return found != card.end() && found->is_string() ? found->get<std::string>() : std::string();
    };
    const Persona *persona = document.persona(reference("persona"));
    const Stage *stage = document.stage(reference("stage"));
    const Lane *lane = document.lane(reference("lane"));
    if (!persona || !stage || !lane) {
        why = "the card's persona, stage or lane is no longer in the map";
        return false;
    }
    parts["personas"] = Json::array({personaToJson(*persona)});
    parts["stages"] = Json::array({stageToJson(*stage)});
    parts["lanes"] = Json::array({laneToJson(*lane)});
    return true;
}

// What differs between the kinds of entity, in one place.
template <typename Entity>
struct Kind;

template <>
struct Kind<Persona> {
    static constexpr const char *array = "personas";
    static const Persona *find(const Document &d, std::string_view id) { return d.persona(id); }
    static Json toJson(const Persona &p) { return personaToJson(p); }
    static const Persona &first(const Document &d) { return d.personas().front(); }
    static const auto &entities(const Document &d) { return d.personas(); }
    static const auto &fieldList() { return fields::persona::all; }
    static constexpr const auto &unknownField = fields::persona::unknown;
    static EditPtr add(Persona p, std::optional<std::size_t> at) { return addPersona(std::move(p), at); }
    static EditPtr update(Persona p) { return updatePersona(std::move(p)); }
    static EditPtr remove(std::string id) { return removePersona(std::move(id)); }
    static EditPtr move(std::string id, std::size_t at) { return movePersona(std::move(id), at); }
};
template <>
struct Kind<Stage> {
    static constexpr const char *array = "stages";
    static const Stage *find(const Document &d, std::string_view id) { return d.stage(id); }
    static Json toJson(const Stage &s) { return stageToJson(s); }
    static const Stage &first(const Document &d) { return d.stages().front(); }
    static const auto &entities(const Document &d) { return d.stages(); }
    static const auto &fieldList() { return fields::stage::all; }
    static constexpr const auto &unknownField = fields::stage::unknown;
    static EditPtr add(Stage s, std::optional<std::size_t> at) { return addStage(std::move(s), at); }
    static EditPtr update(Stage s) { return updateStage(std::move(s)); }
    static EditPtr remove(std::string id) { return removeStage(std::move(id)); }
    static EditPtr move(std::string id, std::size_t at) { return moveStage(std::move(id), at); }
};
template <>
struct Kind<Lane> {
    static constexpr const char *array = "lanes";
    static const Lane *find(const Document &d, std::string_view id) { return d.lane(id); }
    static Json toJson(const Lane &l) { return laneToJson(l); }
    static const Lane &first(const Document &d) { return d.lanes().front(); }
    static const auto &entities(const Document &d) { return d.lanes(); }
    static const auto &fieldList() { return fields::lane::all; }
    static constexpr const auto &unknownField = fields::lane::unknown;
    static EditPtr add(Lane l, std::optional<std::size_t> at) { return addLane(std::move(l), at); }
    static EditPtr update(Lane l) { return updateLane(std::move(l)); }
    static EditPtr remove(std::string id) { return removeLane(std::move(id)); }
    static EditPtr move(std::string id, std::size_t at) { return moveLane(std::move(id), at); }
};
template <>
struct Kind<Card> {
    static constexpr const char *array = "cards";
    static const Card *find(const Document &d, std::string_view id) { return d.card(id); }
    static Json toJson(const Card &c) { return cardToJson(c); }
    static const Card &first(const Document &d) { return d.cards().front(); }
    static const auto &entities(const Document &d) { return d.cards(); }
    static const auto &fieldList() { return fields::card::all; }
    static constexpr const auto &unknownField = fields::card::unknown;
    static EditPtr add(Card c, std::optional<std::size_t> at) { return addCard(std::move(c), at); }
    static EditPtr update(Card c) { return updateCard(std::move(c)); }
    static EditPtr remove(std::string id) { return removeCard(std::move(id)); }
};

// The entity `json` describes, read alone (a card with its cell).
template <typename Entity>
std::optional<Entity> readEntity(const Document &document, const Json &json, std::string &why)
{
    Json parts = Json::object();
    if constexpr (std::is_same_v<Entity, Card>)
        if (!addCardCell(document, json, parts, why))
            return std::nullopt;
    parts[Kind<Entity>::array] = Json::array({json});
    std::optional<Document> small = readSmallMap(document, std::move(parts), why);
    if (!small)
        return std::nullopt;
    return Kind<Entity>::first(*small);
}

// setField for the field of `fieldList` named `key`, with `parsed`'s value;
// null when no field has that name.
template <typename Entity, typename Fields>
EditPtr fieldEdit(const Fields &fieldList, std::string_view key, const std::string &id, const Entity &parsed)
{
    EditPtr edit;
    std::apply(
        [&](const auto &...field) {
            const auto one = [&](const auto &f) {
                if (edit || f.name != key)
                    return;
                if constexpr (std::is_same_v<Entity, Journey>)
                    edit = setField(f, parsed.*(f.member));
                else
                    edit = setField(f, id, parsed.*(f.member));
            };
            (one(field), ...);
        },
        fieldList);
    return edit;
}

// One key of `current` (its JSON) set to the operation's value, or removed.
Json withKey(Json current, const Json &op, const std::string &key)
{
    if (op.contains("value"))
        current[key] = op["value"];
    else
        current.erase(key);
    return current;
}

std::string text(const Json &op, const char *key)
{
    const auto found = op.find(key);
    return found != op.end() && found->is_string() ? found->get<std::string>() : std::string();
}

template <typename Entity>
EditPtr entityEdit(const Document &document, const Json &op, std::string &why)
{
    const std::string kind = text(op, "op");
    const std::string id = text(op, "id");
    if (kind == "add") {
        if (!op.contains("value") || !op["value"].is_object()) {
            why = "an add without the entity";
            return nullptr;
        }
        std::optional<Entity> entity = readEntity<Entity>(document, op["value"], why);
        if (!entity)
            return nullptr;
        std::optional<std::size_t> index;
        if (op.contains("index") && op["index"].is_number_unsigned())
            index = std::min<std::size_t>(op["index"].get<std::size_t>(), Kind<Entity>::entities(document).size());
        return Kind<Entity>::add(std::move(*entity), index);
    }
    const Entity *current = Kind<Entity>::find(document, id);
    if (kind == "order") {
        if constexpr (std::is_same_v<Entity, Card>) {
            why = "cards have no display order of their own";
            return nullptr;
        } else {
            if (!op.contains("ids") || !op["ids"].is_array()) {
                why = "an order without ids";
                return nullptr;
            }
            // Each id that is still here goes to its place among those that
            // are; the rest keep their order after them.
            std::vector<EditPtr> moves;
            std::size_t at = 0;
            for (const Json &each : op["ids"]) {
                if (!each.is_string() || !Kind<Entity>::find(document, each.get<std::string>()))
                    continue;
                moves.push_back(Kind<Entity>::move(each.get<std::string>(), at++));
            }
            return compound(std::move(moves), "order");
        }
    }
    if (!current) {
        why = "it is no longer in the map";
        return nullptr;
    }
    if (kind == "remove")
        return Kind<Entity>::remove(id);
    if (kind == "move") {
        if constexpr (std::is_same_v<Entity, Card>) {
            if (!op.contains("order") || !op["order"].is_number_integer()) {
                why = "a move without an order";
                return nullptr;
            }
            return moveCard(id, text(op, "persona"), text(op, "stage"), text(op, "lane"),
                            op["order"].get<std::int64_t>());
        } else {
            why = "only cards move between cells";
            return nullptr;
        }
    }
    if (kind == "set") {
        const std::string key = text(op, "field");
        if (key.empty() || key == "id") {
            why = "an entity's id does not change";
            return nullptr;
        }
        std::optional<Entity> parsed =
            readEntity<Entity>(document, withKey(Kind<Entity>::toJson(*current), op, key), why);
        if (!parsed)
            return nullptr;
        if (EditPtr edit = fieldEdit(Kind<Entity>::fieldList(), key, id, *parsed))
            return edit;
        const bool unknownKey = (parsed->unknown.is_object() && parsed->unknown.contains(key)) ||
                                (current->unknown.is_object() && current->unknown.contains(key));
        if (unknownKey)
            return setField(Kind<Entity>::unknownField, id, parsed->unknown);
        return Kind<Entity>::update(std::move(*parsed)); // a key that is not a field (a card's cell)
    }
    why = "unknown operation '" + kind + "'";
    return nullptr;
}

EditPtr journeyEdit(const Document &document, const Json &op, std::string &why)
{
    const std::string key = text(op, "field");
    if (text(op, "op") != "set" || key.empty()) {
        why = "the journey only takes set";
        return nullptr;
    }
    Json parts = {{"journey", withKey(journeyToJson(document.journey()), op, key)}};
    std::optional<Document> small = readSmallMap(document, std::move(parts), why);
    if (!small)
        return nullptr;
    const Journey &parsed = small->journey();
    if (EditPtr edit = fieldEdit(fields::journey::all, key, std::string(), parsed))
        return edit;
    if (key != "id" && ((parsed.unknown.is_object() && parsed.unknown.contains(key)) ||
                        (document.journey().unknown.is_object() && document.journey().unknown.contains(key))))
        return setField(fields::journey::unknown, parsed.unknown);
    return setJourney(parsed);
}

// The arrays every map has, which operations change entity by entity.
bool isEntityArray(std::string_view key)
{
    return key == "journey" || key == "personas" || key == "stages" || key == "lanes" || key == "cards";
}

// A top-level key (the generator, saved views, keys this version does not
// know): no edit holds them, so the map is read again with the key changed.
// It costs the whole map, and is rare (merges, views, newer versions).
bool applyTopLevel(Document &document, const Json &op, std::string &why)
{
    const std::string key = text(op, "field");
    if (text(op, "op") != "set" || key.empty() || key == "format" || key == "version" || isEntityArray(key)) {
        why = "the top level only takes set of its own keys";
        return false;
    }
    ReadResult read = readDocument(withKey(toJson(document), op, key).dump());
    if (!read.ok()) {
        why = read.problems.empty() ? "the value is not valid" : read.problems.front().toString();
        return false;
    }
    document = std::move(*read.document);
    return true;
}

} // namespace

std::vector<Json> operationsBetween(const Document &from, const Document &to)
{
    // Diff order (removals first) would remove a stage before moving a card
    // out of it. Here: what is added or set first, then cards, then what is
    // removed, and display order last, once every entity is in place.
    std::vector<Json> top, structure, cards, removedCards, removedStructure, order;
    std::map<DiffEntity, bool> reordered;
    // The top level key by key, whatever it holds (views, keys of newer
    // versions): one set of the key's whole value.
    const Json fromJson = toJson(from), toJsonValue = toJson(to);
    for (const auto &[key, value] : toJsonValue.items())
        if (!isEntityArray(key) && (!fromJson.contains(key) || fromJson[key] != value))
            top.push_back({{"op", "set"}, {"entity", "map"}, {"field", key}, {"value", value}});
    for (const auto &[key, value] : fromJson.items())
        if (!isEntityArray(key) && !toJsonValue.contains(key))
            top.push_back({{"op", "set"}, {"entity", "map"}, {"field", key}});
    for (const Change &change : diffDocuments(from, to)) {
        const bool entityOfItsOwn = change.entity == DiffEntity::Journey || change.entity == DiffEntity::Persona ||
                                    change.entity == DiffEntity::Stage || change.entity == DiffEntity::Lane ||
                                    change.entity == DiffEntity::Card;
        if (!entityOfItsOwn)
            continue; // the top level, above
        const bool isCard = change.entity == DiffEntity::Card;
        switch (change.type) {
        case ChangeType::Changed:
            (change.entity == DiffEntity::Journey ? top : isCard ? cards : structure).push_back(setOperation(change));
            break;
        case ChangeType::Added:
            (isCard ? cards : structure)
                .push_back({{"op", "add"}, {"entity", toString(change.entity)}, {"value", *change.after}});
            reordered[change.entity] = !isCard;
            break;
        case ChangeType::Removed:
            (isCard ? removedCards : removedStructure)
                .push_back({{"op", "remove"}, {"entity", toString(change.entity)}, {"id", change.id}});
            break;
        case ChangeType::Moved: {
            const Card *card = to.card(change.id);
            cards.push_back({{"op", "move"},
                             {"entity", "card"},
                             {"id", change.id},
                             {"persona", card->persona},
                             {"stage", card->stage},
                             {"lane", card->lane},
                             {"order", card->order}});
            break;
        }
        case ChangeType::Reordered: reordered[change.entity] = true; break;
        }
    }
    for (const auto &[entity, needed] : reordered) {
        if (!needed)
            continue;
        Json ids = entity == DiffEntity::Persona ? idsOf(to.personas())
                   : entity == DiffEntity::Stage ? idsOf(to.stages())
                                                 : idsOf(to.lanes());
        order.push_back({{"op", "order"}, {"entity", toString(entity)}, {"ids", std::move(ids)}});
    }
    std::vector<Json> all;
    for (auto *part : {&top, &structure, &cards, &removedCards, &removedStructure, &order})
        all.insert(all.end(), std::make_move_iterator(part->begin()), std::make_move_iterator(part->end()));
    return all;
}

std::optional<std::vector<Json>> operationsFor(const ChangeSet &changes, const Document &after)
{
    if (changes.touchesEverything() || changes.touchesTopLevel())
        return std::nullopt;
    std::vector<Json> top, structure, cards, removedCards, removedStructure, order;
    std::map<EntityKind, bool> reordered;
    const auto entityName = [](EntityKind kind) -> std::string {
        switch (kind) {
        case EntityKind::Journey: return "journey";
        case EntityKind::Persona: return "persona";
        case EntityKind::Stage: return "stage";
        case EntityKind::Lane: return "lane";
        case EntityKind::Card: return "card";
        }
        return "journey";
    };
    const auto jsonOf = [&](EntityKind kind, const std::string &id) -> std::optional<Json> {
        switch (kind) {
        case EntityKind::Journey: return journeyToJson(after.journey());
        case EntityKind::Persona:
            if (const Persona *p = after.persona(id))
                return personaToJson(*p);
            break;
        case EntityKind::Stage:
            if (const Stage *st = after.stage(id))
                return stageToJson(*st);
            break;
        case EntityKind::Lane:
            if (const Lane *l = after.lane(id))
                return laneToJson(*l);
            break;
        case EntityKind::Card:
            if (const Card *c = after.card(id))
                return cardToJson(*c);
            break;
        }
        return std::nullopt;
    };
    for (const ChangeSet::Entry &entry : changes.entries()) {
        const bool isCard = entry.kind == EntityKind::Card;
        const std::string entity = entityName(entry.kind);
        if (entry.added && entry.removed)
            continue; // came and went within the edit
        if (entry.removed) {
            (isCard ? removedCards : removedStructure)
                .push_back({{"op", "remove"}, {"entity", entity}, {"id", entry.id}});
            continue;
        }
        const std::optional<Json> json = jsonOf(entry.kind, entry.id);
        if (!json)
            return std::nullopt; // the set names what the map does not hold: not this map's edit
        if (entry.added) {
            (isCard ? cards : structure).push_back({{"op", "add"}, {"entity", entity}, {"value", *json}});
            reordered[entry.kind] = !isCard;
            continue;
        }
        if (entry.moved) {
            if (isCard) {
                const Card *card = after.card(entry.id);
                cards.push_back({{"op", "move"},
                                 {"entity", "card"},
                                 {"id", entry.id},
                                 {"persona", card->persona},
                                 {"stage", card->stage},
                                 {"lane", card->lane},
                                 {"order", card->order}});
            } else {
                reordered[entry.kind] = true;
            }
        }
        for (const std::string &field : entry.fields) {
            if (isCard && (field == "persona" || field == "stage" || field == "lane" || field == "order"))
                continue; // the move above
            Json op = {{"op", "set"}, {"entity", entity}};
            if (entry.kind != EntityKind::Journey)
                op["id"] = entry.id;
            op["field"] = field;
            if (json->contains(field))
                op["value"] = (*json)[field];
            (entry.kind == EntityKind::Journey ? top : isCard ? cards : structure).push_back(std::move(op));
        }
    }
    for (const auto &[kind, needed] : reordered) {
        if (!needed)
            continue;
        Json ids = kind == EntityKind::Persona ? idsOf(after.personas())
                   : kind == EntityKind::Stage ? idsOf(after.stages())
                                               : idsOf(after.lanes());
        order.push_back({{"op", "order"}, {"entity", entityName(kind)}, {"ids", std::move(ids)}});
    }
    std::vector<Json> all;
    for (auto *part : {&top, &structure, &cards, &removedCards, &removedStructure, &order})
        all.insert(all.end(), std::make_move_iterator(part->begin()), std::make_move_iterator(part->end()));
    return all;
}

bool applyOperation(Document &document, const Json &operation, std::string &why)
{
    return applyOperation(document, operation, why, nullptr);
}

bool applyOperation(Document &document, const Json &operation, std::string &why, ChangeSet *changes)
{
    if (!operation.is_object()) {
        why = "an operation is a JSON object";
        return false;
    }
    const std::string entity = text(operation, "entity");
    if (entity == "map") {
        if (!applyTopLevel(document, operation, why))
            return false;
        // Saved views and other top-level keys; the map was read again.
        if (changes)
            changes->noteEverything();
        return true;
    }
    EditPtr edit;
    if (entity == "journey")
        edit = journeyEdit(document, operation, why);
    else if (entity == "persona")
        edit = entityEdit<Persona>(document, operation, why);
    else if (entity == "stage")
        edit = entityEdit<Stage>(document, operation, why);
    else if (entity == "lane")
        edit = entityEdit<Lane>(document, operation, why);
    else if (entity == "card")
        edit = entityEdit<Card>(document, operation, why);
    else
        why = "unknown entity '" + entity + "'";
    if (!edit)
        return false;
    if (!edit->apply(document)) {
        why = "it does not fit the map as it is now";
        return false;
    }
    if (changes)
        changes->append(edit->changes());
    return true;
}

std::string summarizeOperations(const std::vector<Json> &operations)
{
    std::vector<std::pair<std::string, int>> counts;
    for (const Json &op : operations) {
        const std::string kind = op.is_object() ? text(op, "op") : std::string("?");
        auto found = std::find_if(counts.begin(), counts.end(), [&](const auto &c) { return c.first == kind; });
        if (found == counts.end())
            counts.emplace_back(kind, 1);
        else
            ++found->second;
    }
    std::string out;
    for (const auto &[kind, count] : counts)
        out += (out.empty() ? "" : ", ") + std::to_string(count) + ' ' + kind;
    return out;
}

} // namespace cjm::team
