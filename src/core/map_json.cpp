#include "map_json.hpp"

#include "cjm/document_io.hpp"
#include "validation.hpp"

namespace cjm::detail {

DocumentJson splitDocument(const Document &document)
{
    DocumentJson map;
    Json whole = toJson(document);
    for (auto &[key, value] : whole.items()) {
        if (key == "journey") {
            map.journey = std::move(value);
            continue;
        }
        bool isArray = false;
        for (std::string_view name : kEntityArrays) {
            if (key != name)
                continue;
            isArray = true;
            EntityTable &t = table(map, name);
            for (auto &entity : value) {
                std::string id = entity.at("id").get<std::string>();
                t.order.push_back(id);
                t.byId.emplace(std::move(id), std::move(entity));
            }
        }
        if (!isArray)
            map.top[key] = std::move(value);
    }
    return map;
}

EntityTable &table(DocumentJson &map, std::string_view arrayName)
{
    if (arrayName == "personas")
        return map.personas;
    if (arrayName == "stages")
        return map.stages;
    if (arrayName == "lanes")
        return map.lanes;
    if (arrayName == "views")
        return map.views;
    return map.cards;
}

const EntityTable &table(const DocumentJson &map, std::string_view arrayName)
{
    return table(const_cast<DocumentJson &>(map), arrayName);
}

Json cardCell(const Json &card)
{
    Json cell = Json::object();
    for (const char *key : {"persona", "stage", "lane"})
        cell[key] = card.contains(key) ? card[key] : Json("");
    cell["order"] = card.contains("order") ? card["order"] : Json(0);
    return cell;
}

std::optional<Json> valueOf(const Json &object, const std::string &key)
{
    if (!object.is_object())
        return std::nullopt;
    auto it = object.find(key);
    if (it == object.end())
        return std::nullopt;
    return *it;
}

std::string describeValue(const std::optional<Json> &value)
{
    if (!value)
        return "(not set)";
    if (value->is_string())
        return "\u2018" + shorten(value->get_ref<const std::string &>(), 60) + "\u2019";
    return shorten(value->dump(-1, ' ', false, Json::error_handler_t::replace), 60);
}

std::string laneKindLabel(std::string_view kindName)
{
    static const std::pair<std::string_view, std::string_view> labels[] = {{"touchpoints", "Touchpoints"},
                                                                           {"actions", "Actions"},
                                                                           {"thoughts", "Thoughts"},
                                                                           {"emotions", "Emotions"},
                                                                           {"painPoints", "Pain points"},
                                                                           {"opportunities", "Opportunities"},
                                                                           {"barriers", "Barriers"},
                                                                           {"owners", "Owners"},
                                                                           {"kpis", "KPIs"},
                                                                           {"notes", "Notes"}};
    for (const auto &[kind, label] : labels)
        if (kind == kindName)
            return std::string(label);
    return std::string(kindName);
}

} // namespace cjm::detail
