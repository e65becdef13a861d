#pragma once
// A Document as canonical JSON split by entity id: the common ground of the diff
// and the three-way merge, which both compare entities key by key.

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cjm/document.hpp"

namespace cjm::detail {

struct EntityTable {
    std::vector<std::string> order; // ids in array order
    std::unordered_map<std::string, Json> byId;
    const Json *find(const std::string &id) const
    {
        auto it = byId.find(id);
        return it == byId.end() ? nullptr : &it->second;
    }
};

struct DocumentJson {
    Json top = Json::object(); // every top-level key but journey and the four arrays
    Json journey = Json::object();
    EntityTable personas, stages, lanes, cards, views;
};

// The arrays of entities with ids, in file order, with their key in the file.
inline constexpr std::array<std::string_view, 5> kEntityArrays = {"personas", "stages", "lanes", "cards", "views"};

DocumentJson splitDocument(const Document &document);
EntityTable &table(DocumentJson &map, std::string_view arrayName);
const EntityTable &table(const DocumentJson &map, std::string_view arrayName);

// A card's place: {"persona", "stage", "lane", "order"} (order filled in when absent).
Json cardCell(const Json &card);
// The value of `key` in `object`, or nullopt when absent.
std::optional<Json> valueOf(const Json &object, const std::string &key);

// A value for a message: texts in ‘’, shortened; other JSON compact and shortened.
std::string describeValue(const std::optional<Json> &value);
// The English display name of a lane kind as spelled in the file ("painPoints" -> "Pain points").
std::string laneKindLabel(std::string_view kindName);

} // namespace cjm::detail
