// Reading .cjm version 1: bytes -> strict JSON -> validated model.
// Every content problem is collected (up to a cap) with its JSON Pointer, so a
// teammate's broken file can be fixed in one pass rather than one error at a time.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <tuple>
#include <type_traits>
#include <unordered_map>

#include "cjm/audit.hpp"
#include "cjm/document_io.hpp"
#include "cjm/fields.hpp"
#include "cjm/file_io.hpp"
#include "document_access.hpp"
#include "image_header.hpp"
#include "json_parser.hpp"
#include "validation.hpp"

namespace cjm {

namespace {

// Only a break of JSON's grammar is "not valid JSON": a key twice in one
// object, say, is JSON (RFC 8259 allows it) that a map may not hold.
Problem parseProblem(detail::JsonParseResult parsed)
{
    if (parsed.notJson)
        parsed.problem.message = "not valid JSON: " + parsed.problem.message;
    return std::move(parsed.problem);
}

std::string describeType(const Json &v)
{
    switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case Json::value_t::string: return "the text \"" + detail::shorten(v.get_ref<const std::string &>()) + "\"";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "the number " + v.dump();
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "a list";
    default: return "something else";
    }
}

std::string inQuotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Lines the reader must refuse before trying to parse: what git leaves behind
// when two people changed the same lines and nobody resolved the conflict.
std::optional<int> findMergeConflictLine(std::string_view bytes)
{
    int line = 1;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        std::string_view rest = bytes.substr(pos);
        if (rest.starts_with("<<<<<<<") || rest.starts_with(">>>>>>>") || rest.starts_with("|||||||"))
            return line;
        if (rest.starts_with("=======") && (rest.size() == 7 || rest[7] == '\n' || rest[7] == '\r'))
            return line;
        auto nl = bytes.find('\n', pos);
        if (nl == std::string_view::npos)
            break;
        pos = nl + 1;
        ++line;
    }
    return std::nullopt;
}

class Reader {
public:
    explicit Reader(const ReadLimits &limits) : m_limits(limits) {}

    ReadResult read(std::string_view bytes)
    {
        ReadResult result;
        if (bytes.size() > m_limits.maxFileBytes) {
            add("", "the file is " + std::to_string(bytes.size() / (1024 * 1024)) + " MiB, larger than the " +
                        std::to_string(m_limits.maxFileBytes / (1024 * 1024)) + " MiB a map may have");
            result.problems = std::move(m_problems);
            return result;
        }
        // Tolerate the byte-order mark some Windows editors add; never write one.
        if (bytes.starts_with("\xEF\xBB\xBF"))
            bytes.remove_prefix(3);
        if (auto line = findMergeConflictLine(bytes)) {
            Problem p;
            p.line = *line;
            p.column = 1;
            p.message = "unresolved merge conflict at line " + std::to_string(*line) +
                        " (git left its <<<<<<< ======= >>>>>>> markers in the file; resolve it, "
                        "or merge with 'cjm merge')";
            result.problems.push_back(std::move(p));
            return result;
        }
        detail::JsonParseLimits jsonLimits;
        jsonLimits.maxDepth = m_limits.maxDepth;
        jsonLimits.maxStringBytes = m_limits.maxStringBytes;
        jsonLimits.maxValues = m_limits.maxValues;
        jsonLimits.maxDataStringBytes = m_limits.maxImageDataBytes();
        auto parsed = detail::parseJson(bytes, jsonLimits);
        if (!parsed.value) {
            result.problems.push_back(parseProblem(std::move(parsed)));
            return result;
        }
        Document document;
        readRoot(*parsed.value, document);
        if (m_problems.empty()) {
            DocumentAccess::structureChanged(document);
            result.document = std::move(document);
        }
        if (m_dropped > 0)
            m_problems.push_back({"... and " + std::to_string(m_dropped) + " more problems", "", 0, 0});
        result.problems = std::move(m_problems);
        return result;
    }

private:
    void add(std::string pointer, std::string message)
    {
        if (m_problems.size() >= m_limits.maxProblems) {
            ++m_dropped;
            return;
        }
        m_problems.push_back({std::move(message), std::move(pointer), 0, 0});
    }

    bool expectType(const Json &v, Json::value_t type, const std::string &ptr, const char *expected)
    {
        if (v.type() == type)
            return true;
        add(ptr, std::string("must be ") + expected + ", but it is " + describeType(v));
        return false;
    }

    void readString(Json &v, const std::string &ptr, std::string &out)
    {
        if (expectType(v, Json::value_t::string, ptr, "text"))
            out = std::move(v.get_ref<std::string &>());
    }
    void readOptionalString(Json &v, const std::string &ptr, std::optional<std::string> &out)
    {
        if (expectType(v, Json::value_t::string, ptr, "text"))
            out = std::move(v.get_ref<std::string &>());
    }

    void readPatterned(Json &v, const std::string &ptr, std::optional<std::string> &out,
                       bool (*valid)(std::string_view), const char *what)
    {
        if (!expectType(v, Json::value_t::string, ptr, what))
            return;
        auto &s = v.get_ref<std::string &>();
        if (!valid(s)) {
            add(ptr, inQuotes(detail::shorten(s)) + " is not " + what);
            return;
        }
        out = std::move(s);
    }
    void readColor(Json &v, const std::string &ptr, std::optional<std::string> &out)
    {
        readPatterned(v, ptr, out, detail::isColor, "a colour written as #rrggbb");
    }
    // A date in the right shape that names no day ("2026-02-30") gets its own
    // message: the writer of that file wrote the shape right.
    void readDate(Json &v, const std::string &ptr, std::optional<std::string> &out)
    {
        if (v.is_string() && detail::isDateShape(v.get_ref<const std::string &>()) &&
            !detail::isDate(v.get_ref<const std::string &>())) {
            add(ptr, inQuotes(detail::shorten(v.get_ref<const std::string &>())) + " is not a date on the calendar");
            return;
        }
        readPatterned(v, ptr, out, detail::isDate, "a date written as YYYY-MM-DD");
    }
    void readTime(Json &v, const std::string &ptr, std::optional<std::string> &out)
    {
        if (v.is_string() && detail::isUtcTimeShape(v.get_ref<const std::string &>()) &&
            !detail::isUtcTime(v.get_ref<const std::string &>())) {
            add(ptr,
                inQuotes(detail::shorten(v.get_ref<const std::string &>())) + " is not a date and time that exists");
            return;
        }
        readPatterned(v, ptr, out, detail::isUtcTime, "a UTC time written as YYYY-MM-DDThh:mm:ssZ");
    }

    // Kept in its conventional case ("zh-cn" reads as "zh-CN"), so a map has one spelling of it.
    void readLanguage(Json &v, const std::string &ptr, std::optional<std::string> &out)
    {
        if (!expectType(v, Json::value_t::string, ptr, "a language tag such as \"en\", \"zh-CN\" or \"zh-TW\""))
            return;
        const std::string &text = v.get_ref<const std::string &>();
        auto tag = canonicalLanguageTag(text);
        if (!tag) {
            add(ptr, inQuotes(detail::shorten(text)) +
                         " is not a language tag (BCP 47) such as \"en\", \"zh-CN\" or \"zh-TW\"");
            return;
        }
        out = std::move(*tag);
    }

    bool readId(Json &v, const std::string &ptr, std::string &out)
    {
        if (!expectType(v, Json::value_t::string, ptr, "an id"))
            return false;
        auto &s = v.get_ref<std::string &>();
        if (!detail::isId(s)) {
            add(ptr, inQuotes(detail::shorten(s)) + " is not a valid id (1 to 64 letters, digits, '-' or '_')");
            return false;
        }
        out = std::move(s);
        return true;
    }

    // JSON Schema's "integer" admits 2.0 as well as 2; so do we.
    std::optional<std::int64_t> integerValue(const Json &v)
    {
        if (v.is_number_integer() && !v.is_number_unsigned())
            return v.get<std::int64_t>();
        if (v.is_number_unsigned()) {
            auto u = v.get<std::uint64_t>();
            if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                return static_cast<std::int64_t>(u);
            return std::nullopt;
        }
        if (v.is_number_float()) {
            double d = v.get<double>();
            if (std::trunc(d) == d && std::fabs(d) < 9.0e15)
                return static_cast<std::int64_t>(d);
        }
        return std::nullopt;
    }

    template <typename T>
    void readInteger(Json &v, const std::string &ptr, T &out, std::int64_t min, std::int64_t max)
    {
        auto i = integerValue(v);
        const std::string range = max == std::numeric_limits<std::int64_t>::max()
                                      ? "a whole number of " + std::to_string(min) + " or more"
                                      : "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
        if (!i) {
            add(ptr, "must be " + range + ", but it is " + describeType(v));
            return;
        }
        if (*i < min || *i > max) {
            add(ptr, "must be " + range + ", but it is " + std::to_string(*i));
            return;
        }
        out = static_cast<T>(*i);
    }

    void readBool(Json &v, const std::string &ptr, bool &out)
    {
        if (expectType(v, Json::value_t::boolean, ptr, "true or false"))
            out = v.get<bool>();
    }

    void readNumber(Json &v, const std::string &ptr, std::optional<double> &out)
    {
        if (!v.is_number()) {
            add(ptr, "must be a number, but it is " + describeType(v));
            return;
        }
        out = v.get<double>();
    }

    template <typename E>
    void readEnum(Json &v, const std::string &ptr, E &out, std::optional<E> (*parse)(std::string_view),
                  const char *choices)
    {
        if (!expectType(v, Json::value_t::string, ptr, choices))
            return;
        auto e = parse(v.get_ref<const std::string &>());
        if (!e) {
            add(ptr, std::string("must be ") + choices + ", but it is " + describeType(v));
            return;
        }
        out = *e;
    }

    void readImage(Json &v, const std::string &ptr, std::optional<Image> &out)
    {
        if (!expectType(v, Json::value_t::object, ptr, "a picture object with \"mime\" and \"data\""))
            return;
        Image image;
        bool hasMime = false, hasData = false;
        for (auto &[key, value] : v.items()) {
            const std::string p = ptr + "/" + key;
            if (key == "mime") {
                hasMime = true;
                if (expectType(value, Json::value_t::string, p, "\"image/png\" or \"image/jpeg\"")) {
                    image.mime = value.get<std::string>();
                    if (image.mime != "image/png" && image.mime != "image/jpeg") {
                        add(p, "must be \"image/png\" or \"image/jpeg\", but it is " + describeType(value));
                        hasMime = false;
                    }
                } else {
                    hasMime = false;
                }
            } else if (key == "data") {
                hasData = true;
                readString(value, p, image.data);
            } else {
                keepUnknown(image.unknown, key, value);
            }
        }
        if (!v.contains("mime"))
            add(ptr, "the picture has no \"mime\" type");
        if (!v.contains("data"))
            add(ptr, "the picture has no \"data\"");
        if (hasMime && hasData && !image.data.empty()) {
            auto error =
                detail::checkEmbeddedImage(image.mime, image.data, m_limits.maxImageBytes, m_limits.maxImageSide);
            if (!error.empty()) {
                add(ptr + "/data", error);
                return;
            }
        } else if (hasData && image.data.empty()) {
            add(ptr + "/data", "the picture is empty");
            return;
        }
        out = std::move(image);
    }

    static void keepUnknown(UnknownKeys &unknown, const std::string &key, Json &value)
    {
        if (unknown.is_null())
            unknown = Json::object();
        // Keys are unique (the parser refused duplicates), so append directly
        // instead of ordered_map's linear search on every insert.
        using Storage = std::vector<std::pair<const std::string, Json>>;
        static_cast<Storage &>(unknown.get_ref<Json::object_t &>()).emplace_back(key, std::move(value));
    }

    void requireKey(const Json &object, const std::string &ptr, const char *key, const char *what)
    {
        if (!object.contains(key))
            add(ptr, std::string("the ") + what + " has no " + inQuotes(key));
    }

    // --- fields of the field tables (fields.hpp) ---------------------------
    // Each is read by its type; a text by its table's format, a whole number
    // in its table's range. A new field of a type listed here needs no change.

    void readEnumValue(Json &v, const std::string &ptr, MapType &out)
    {
        readEnum(v, ptr, out, mapTypeFromString, "one of \"current\", \"future\" or \"dayInLife\"");
    }
    void readEnumValue(Json &v, const std::string &ptr, Phase &out)
    {
        readEnum(v, ptr, out, phaseFromString, "one of \"\", \"before\", \"during\" or \"after\"");
    }
    void readEnumValue(Json &v, const std::string &ptr, OpportunityStatus &out)
    {
        readEnum(v, ptr, out, opportunityStatusFromString, "one of \"idea\", \"planned\", \"inProgress\" or \"done\"");
    }

    void readFormatted(Json &v, const std::string &ptr, std::optional<std::string> &out, FieldFormat format)
    {
        switch (format) {
        case FieldFormat::Text: readOptionalString(v, ptr, out); return;
        case FieldFormat::Color: readColor(v, ptr, out); return;
        case FieldFormat::Date: readDate(v, ptr, out); return;
        case FieldFormat::UtcTime: readTime(v, ptr, out); return;
        case FieldFormat::Language: readLanguage(v, ptr, out); return;
        case FieldFormat::WebLink:
            readPatterned(v, ptr, out, detail::isWebLink, "a web address starting with http:// or https://");
            return;
        }
    }

    template <typename Entity, typename Value>
    void readField(Json &v, const std::string &ptr, Entity &entity, const EntityField<Entity, Value> &field)
    {
        Value &out = entity.*(field.member);
        if constexpr (std::is_same_v<Value, std::string>) {
            readString(v, ptr, out);
        } else if constexpr (std::is_same_v<Value, std::optional<std::string>>) {
            readFormatted(v, ptr, out, field.format);
        } else if constexpr (std::is_same_v<Value, int>) {
            readInteger(v, ptr, out, field.min, field.max);
        } else if constexpr (std::is_same_v<Value, std::optional<int>>) {
            int number = 0;
            const auto before = m_problems.size() + m_dropped;
            readInteger(v, ptr, number, field.min, field.max);
            if (m_problems.size() + m_dropped == before)
                out = number; // left unset when wrong (reported)
        } else if constexpr (std::is_same_v<Value, bool>) {
            readBool(v, ptr, out);
        } else if constexpr (std::is_same_v<Value, std::vector<std::string>>) {
            readTags(v, ptr, out);
        } else if constexpr (std::is_same_v<Value, std::optional<Audit>>) {
            readAudit(v, ptr, out);
        } else if constexpr (std::is_same_v<Value, std::optional<Metric>>) {
            readMetric(v, ptr, out);
        } else if constexpr (std::is_same_v<Value, std::optional<Image>>) {
            readImage(v, ptr, out);
        } else if constexpr (std::is_same_v<Value, std::vector<Comment>>) {
            readComments(v, ptr, out);
        } else {
            readEnumValue(v, ptr, out);
        }
    }

    // Reads `value` into the field of `table` named `key`; false when the
    // table has none (an id, a card's place or an unknown key: the caller's).
    // The "unknown" entry is no key: a file's key "unknown" is an unknown key.
    template <typename Entity, typename Table>
    bool readTableField(Json &value, const std::string &ptr, const std::string &key, Entity &entity, const Table &table)
    {
        auto one = [&](const auto &field) {
            using Field = std::decay_t<decltype(field)>;
            if constexpr (std::is_same_v<typename Field::ValueType, UnknownKeys>) {
                return false;
            } else {
                if (field.name != key)
                    return false;
                readField(value, ptr, entity, field);
                return true;
            }
        };
        return std::apply([&](const auto &...field) { return (one(field) || ...); }, table);
    }

    void readRoot(Json &root, Document &document)
    {
        if (!root.is_object()) {
            add("", "this is not a journey map: the file holds " + describeType(root) + " instead of one JSON object");
            return;
        }
        // Format and version first: if they are wrong, the rest would only
        // produce noise.
        auto format = root.find("format");
        if (format == root.end()) {
            add("", "this is not a CJM Studio map: the \"format\" key is missing");
            return;
        }
        if (!format->is_string() || format->get_ref<const std::string &>() != "cjm") {
            add("/format",
                "this is not a CJM Studio map: \"format\" must be \"cjm\", but it is " + describeType(*format));
            return;
        }
        auto version = root.find("version");
        if (version == root.end()) {
            add("", "the map has no \"version\"; it must say which format version it uses");
            return;
        }
        auto versionNumber = integerValue(*version);
        if (!versionNumber) {
            add("/version", "must be a whole number, but it is " + describeType(*version));
            return;
        }
        if (*versionNumber > kFormatVersion) {
            add("/version", "saved by a newer version: format " + std::to_string(*versionNumber) +
                                "; this version reads format " + std::to_string(kFormatVersion));
            return;
        }
        if (*versionNumber < 1) {
            add("/version", "must be 1 or more, but it is " + std::to_string(*versionNumber));
            return;
        }

        bool hasJourney = false, hasPersonas = false, hasStages = false, hasLanes = false, hasCards = false;
        for (auto &[key, value] : root.items()) {
            const std::string p = "/" + key;
            if (key == "format" || key == "version") {
                continue;
            } else if (key == "generator") {
                readOptionalString(value, p, DocumentAccess::generator(document));
            } else if (key == "journey") {
                hasJourney = true;
                readJourney(value, p, DocumentAccess::journey(document));
            } else if (key == "personas") {
                hasPersonas = true;
                readArray(value, p, DocumentAccess::personas(document), &Reader::readPersona);
            } else if (key == "stages") {
                hasStages = true;
                readArray(value, p, DocumentAccess::stages(document), &Reader::readStage);
            } else if (key == "lanes") {
                hasLanes = true;
                readArray(value, p, DocumentAccess::lanes(document), &Reader::readLane);
            } else if (key == "cards") {
                hasCards = true;
                readArray(value, p, DocumentAccess::cards(document), &Reader::readCard);
            } else if (key == "views") {
                readArray(value, p, DocumentAccess::views(document), &Reader::readView);
            } else {
                keepUnknown(DocumentAccess::unknown(document), key, value);
            }
        }
        if (!hasJourney)
            add("", "the map has no \"journey\"");
        if (!hasPersonas)
            add("", "the map has no \"personas\" list");
        if (!hasStages)
            add("", "the map has no \"stages\" list");
        if (!hasLanes)
            add("", "the map has no \"lanes\" list");
        if (!hasCards)
            add("", "the map has no \"cards\" list");
        checkIdsAndReferences(document);
    }

    template <typename T>
    void readArray(Json &value, const std::string &ptr, std::vector<T> &out,
                   bool (Reader::*readOne)(Json &, const std::string &, T &))
    {
        if (!expectType(value, Json::value_t::array, ptr, "a list"))
            return;
        auto &items = value.get_ref<Json::array_t &>();
        out.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            T item;
            if ((this->*readOne)(items[i], ptr + "/" + std::to_string(i), item))
                out.push_back(std::move(item));
            else
                out.emplace_back(); // keep indices aligned with pointers; the read fails anyway
        }
    }

    void readJourney(Json &v, const std::string &ptr, Journey &j)
    {
        if (!expectType(v, Json::value_t::object, ptr, "an object"))
            return;
        requireKey(v, ptr, "id", "journey");
        for (auto &[key, value] : v.items()) {
            const std::string p = ptr + "/" + key;
            if (key == "id")
                readId(value, p, j.id);
            else if (!readTableField(value, p, key, j, fields::journey::all))
                keepUnknown(j.unknown, key, value);
        }
    }

    bool readPersona(Json &v, const std::string &ptr, Persona &p)
    {
        if (!expectType(v, Json::value_t::object, ptr, "a persona object"))
            return false;
        requireKey(v, ptr, "id", "persona");
        requireKey(v, ptr, "name", "persona");
        for (auto &[key, value] : v.items()) {
            const std::string q = ptr + "/" + key;
            if (key == "id")
                readId(value, q, p.id);
            else if (!readTableField(value, q, key, p, fields::persona::all))
                keepUnknown(p.unknown, key, value);
        }
        return true;
    }

    bool readStage(Json &v, const std::string &ptr, Stage &s)
    {
        if (!expectType(v, Json::value_t::object, ptr, "a stage object"))
            return false;
        requireKey(v, ptr, "id", "stage");
        requireKey(v, ptr, "name", "stage");
        for (auto &[key, value] : v.items()) {
            const std::string q = ptr + "/" + key;
            if (key == "id")
                readId(value, q, s.id);
            else if (!readTableField(value, q, key, s, fields::stage::all))
                keepUnknown(s.unknown, key, value);
        }
        return true;
    }

    bool readLane(Json &v, const std::string &ptr, Lane &l)
    {
        if (!expectType(v, Json::value_t::object, ptr, "a lane object"))
            return false;
        requireKey(v, ptr, "id", "lane");
        requireKey(v, ptr, "kind", "lane");
        for (auto &[key, value] : v.items()) {
            const std::string q = ptr + "/" + key;
            if (key == "id")
                readId(value, q, l.id);
            else if (key == "kind") {
                if (expectType(value, Json::value_t::string, q, "a lane kind such as \"touchpoints\"")) {
                    l.kindName = value.get<std::string>();
                    if (l.kindName.empty())
                        add(q, "the lane kind must not be empty");
                    l.kind = laneKindFromString(l.kindName);
                }
            } else if (!readTableField(value, q, key, l, fields::lane::all))
                keepUnknown(l.unknown, key, value);
        }
        return true;
    }

    // A view's list of persona, stage or lane ids: each a valid id, none twice.
    // Whether they name an entity is not checked (a view is lenient: see model.hpp).
    void readIdList(Json &v, const std::string &ptr, std::optional<std::vector<std::string>> &out)
    {
        if (!expectType(v, Json::value_t::array, ptr, "a list of ids"))
            return;
        std::vector<std::string> ids;
        auto &items = v.get_ref<Json::array_t &>();
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string p = ptr + "/" + std::to_string(i);
            std::string id;
            if (!readId(items[i], p, id))
                continue;
            if (std::find(ids.begin(), ids.end(), id) != ids.end()) {
                add(p, "the id " + inQuotes(id) + " is listed twice");
                continue;
            }
            ids.push_back(std::move(id));
        }
        out = std::move(ids);
    }

    void readStageRange(Json &v, const std::string &ptr, std::optional<StageRange> &out)
    {
        requireKey(v, ptr, "from", "stage range");
        requireKey(v, ptr, "to", "stage range");
        StageRange range;
        for (auto &[key, value] : v.items()) {
            const std::string q = ptr + "/" + key;
            if (key == "from")
                readId(value, q, range.from);
            else if (key == "to")
                readId(value, q, range.to);
            else
                keepUnknown(range.unknown, key, value);
        }
        out = std::move(range);
    }

    bool readView(Json &v, const std::string &ptr, View &view)
    {
        if (!expectType(v, Json::value_t::object, ptr, "a view object"))
            return false;
        requireKey(v, ptr, "id", "view");
        requireKey(v, ptr, "name", "view");
        for (auto &[key, value] : v.items()) {
            const std::string q = ptr + "/" + key;
            if (key == "id")
                readId(value, q, view.id);
            else if (key == "name")
                readString(value, q, view.name);
            else if (key == "personas")
                readIdList(value, q, view.personas);
            else if (key == "stages") {
                if (value.is_object())
                    readStageRange(value, q, view.stageRange);
                else if (value.is_array())
                    readIdList(value, q, view.stages);
                else
                    add(q, "must be a list of stage ids or a range {\"from\": id, \"to\": id}, but it is " +
                               describeType(value));
            } else if (key == "lanes")
                readIdList(value, q, view.lanes);
            else if (key == "hideEmptyLanes")
                readBool(value, q, view.hideEmptyLanes);
            else if (key == "layout")
                readEnum(value, q, view.layout, viewLayoutFromString, "\"whole\" or \"slides\"");
            else if (key == "aspect")
                readEnum(value, q, view.aspect, slideAspectFromString, "\"16:9\" or \"4:3\"");
            else
                keepUnknown(view.unknown, key, value);
        }
        return true;
    }

    void readAudit(Json &v, const std::string &ptr, std::optional<Audit> &out)
    {
        if (!expectType(v, Json::value_t::object, ptr, "an audit object"))
            return;
        Audit a;
        for (auto &[key, value] : v.items()) {
            const std::string q = ptr + "/" + key;
            const auto criterion = std::find_if(auditCriteria().begin(), auditCriteria().end(),
                                                [&](const AuditCriterion &c) { return c.key == key; });
            if (criterion != auditCriteria().end())
                readInteger(value, q, a.*(criterion->field), 0, kMaxAuditRating);
            else if (key == "note")
                readString(value, q, a.note);
            else if (key == "reviewed")
                readDate(value, q, a.reviewed);
            else
                keepUnknown(a.unknown, key, value);
        }
        out = std::move(a);
    }

    void readMetric(Json &v, const std::string &ptr, std::optional<Metric> &out)
    {
        if (!expectType(v, Json::value_t::object, ptr, "a metric object with value, target and unit"))
            return;
        Metric m;
        for (auto &[key, value] : v.items()) {
            const std::string q = ptr + "/" + key;
            if (key == "value")
                readNumber(value, q, m.value);
            else if (key == "target")
                readNumber(value, q, m.target);
            else if (key == "unit")
                readOptionalString(value, q, m.unit);
            else
                keepUnknown(m.unknown, key, value);
        }
        out = std::move(m);
    }

    void readComments(Json &v, const std::string &ptr, std::vector<Comment> &out)
    {
        if (!expectType(v, Json::value_t::array, ptr, "a list of comments"))
            return;
        auto &items = v.get_ref<Json::array_t &>();
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string p = ptr + "/" + std::to_string(i);
            Json &item = items[i];
            if (!expectType(item, Json::value_t::object, p, "a comment object"))
                continue;
            requireKey(item, p, "text", "comment");
            Comment c;
            for (auto &[key, value] : item.items()) {
                const std::string q = p + "/" + key;
                if (key == "author")
                    readOptionalString(value, q, c.author);
                else if (key == "text")
                    readString(value, q, c.text);
                else if (key == "time")
                    readTime(value, q, c.time);
                else
                    keepUnknown(c.unknown, key, value);
            }
            out.push_back(std::move(c));
        }
    }

    void readTags(Json &v, const std::string &ptr, std::vector<std::string> &out)
    {
        if (!expectType(v, Json::value_t::array, ptr, "a list of tags"))
            return;
        auto &items = v.get_ref<Json::array_t &>();
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::string tag;
            readString(items[i], ptr + "/" + std::to_string(i), tag);
            out.push_back(std::move(tag));
        }
    }

    bool readCard(Json &v, const std::string &ptr, Card &c)
    {
        if (!expectType(v, Json::value_t::object, ptr, "a card object"))
            return false;
        requireKey(v, ptr, "id", "card");
        requireKey(v, ptr, "persona", "card");
        requireKey(v, ptr, "stage", "card");
        requireKey(v, ptr, "lane", "card");
        bool scoreInvalid = false;
        for (auto &[key, value] : v.items()) {
            const std::string q = ptr + "/" + key;
            if (key == "id")
                readId(value, q, c.id);
            else if (key == "persona")
                readId(value, q, c.persona);
            else if (key == "stage")
                readId(value, q, c.stage);
            else if (key == "lane")
                readId(value, q, c.lane);
            else if (key == "order")
                readInteger(value, q, c.order, 0, std::numeric_limits<std::int64_t>::max());
            else if (!readTableField(value, q, key, c, fields::card::all))
                keepUnknown(c.unknown, key, value);
            else if (key == "score" && !c.score)
                scoreInvalid = true; // reported; no second message that it is missing
        }
        if (scoreInvalid) {
            const std::size_t index = static_cast<std::size_t>(std::stoul(ptr.substr(ptr.rfind('/') + 1)));
            if (m_cardScoreInvalid.size() <= index)
                m_cardScoreInvalid.resize(index + 1);
            m_cardScoreInvalid[index] = true;
        }
        return true;
    }

private:
    // Ids are unique across the whole file and every card names a persona,
    // a stage and a lane that exist.
    void checkIdsAndReferences(const Document &document)
    {
        // A view has no EntityKind (it is not in the document's id index): nullopt.
        std::unordered_map<std::string_view, std::pair<std::optional<EntityKind>, std::string>> seen;
        seen.reserve(1 + document.personas().size() + document.stages().size() + document.lanes().size() +
                     document.cards().size() + document.views().size());
        auto claim = [&](const std::string &id, std::optional<EntityKind> kind, const std::string &ptr) {
            if (id.empty())
                return; // already reported as missing or invalid
            auto [it, inserted] = seen.emplace(id, std::make_pair(kind, ptr));
            if (!inserted)
                add(ptr + "/id", "the id " + inQuotes(id) + " is already used at " + it->second.second +
                                     "; every id in a map must be different");
        };
        claim(document.journey().id, EntityKind::Journey, "/journey");
        // Arrays were read with one element per file entry, so index i of a
        // vector is entry i of the file's array.
        auto claimAll = [&](const auto &items, std::optional<EntityKind> kind, const std::string &array) {
            for (std::size_t i = 0; i < items.size(); ++i)
                claim(items[i].id, kind, array + std::to_string(i));
        };
        claimAll(document.personas(), EntityKind::Persona, "/personas/");
        claimAll(document.stages(), EntityKind::Stage, "/stages/");
        claimAll(document.lanes(), EntityKind::Lane, "/lanes/");
        claimAll(document.cards(), EntityKind::Card, "/cards/");
        claimAll(document.views(), std::nullopt, "/views/");

        auto kindName = [](std::optional<EntityKind> kind) {
            if (!kind)
                return "a view";
            switch (*kind) {
            case EntityKind::Journey: return "the journey";
            case EntityKind::Persona: return "a persona";
            case EntityKind::Stage: return "a stage";
            case EntityKind::Lane: return "a lane";
            case EntityKind::Card: return "a card";
            }
            return "something else";
        };
        auto checkRef = [&](const std::string &id, EntityKind wanted, const std::string &ptr, const char *what,
                            const std::string &which) {
            if (id.empty())
                return;
            auto it = seen.find(id);
            if (it == seen.end())
                add(ptr, std::string("there is no ") + what + " with the id " + inQuotes(id) + which);
            else if (it->second.first != wanted)
                add(ptr, inQuotes(id) + " is " + kindName(it->second.first) + ", not a " + what + which);
        };
        std::unordered_map<std::string_view, LaneKind> laneKinds;
        for (const auto &lane : document.lanes())
            laneKinds.emplace(lane.id, lane.kind);
        for (std::size_t i = 0; i < document.cards().size(); ++i) {
            const Card &card = document.cards()[i];
            const std::string ptr = "/cards/" + std::to_string(i);
            // Name the card by its words too: "/cards/41" means nothing to a marketer.
            const std::string which =
                card.text.empty() ? std::string() : " (the card \"" + detail::shorten(card.text) + "\")";
            checkRef(card.persona, EntityKind::Persona, ptr + "/persona", "persona", which);
            checkRef(card.stage, EntityKind::Stage, ptr + "/stage", "stage", which);
            checkRef(card.lane, EntityKind::Lane, ptr + "/lane", "lane", which);
            auto lane = laneKinds.find(card.lane);
            const bool scoreWasInvalid = i < m_cardScoreInvalid.size() && m_cardScoreInvalid[i];
            if (lane != laneKinds.end() && lane->second == LaneKind::Emotions && !card.score && !scoreWasInvalid &&
                !card.id.empty())
                add(ptr,
                    "the card " + inQuotes(card.id) + " is in an emotions lane and needs a \"score\" from -3 to 3");
        }
    }

    const ReadLimits &m_limits;
    Problems m_problems;
    std::size_t m_dropped = 0;
    std::vector<bool> m_cardScoreInvalid; // by card index: a score was there but wrong, already reported
};

} // namespace

ReadResult readDocument(std::string_view bytes, const ReadLimits &limits)
{
    try {
        return Reader(limits).read(bytes);
    } catch (const std::bad_alloc &) {
        ReadResult result;
        result.problems.push_back({"there is not enough memory to open this file", "", 0, 0});
        return result;
    } catch (const std::exception &e) {
        // The reader is written not to throw; this is the last line of defence.
        ReadResult result;
        result.problems.push_back({std::string("the file could not be read: ") + e.what(), "", 0, 0});
        return result;
    }
}

std::optional<Json> parseJsonValue(std::string_view text, Problem &problem)
{
    detail::JsonParseResult parsed = detail::parseJson(text);
    if (parsed.value)
        return std::move(parsed.value);
    problem = parseProblem(std::move(parsed));
    return std::nullopt;
}

ReadResult readDocumentFile(const std::filesystem::path &path, const ReadLimits &limits)
{
    std::string bytes;
    auto io = defaultFileSystem().readAll(path, bytes, limits.maxFileBytes);
    if (!io.ok) {
        ReadResult result;
        result.problems.push_back({io.error, "", 0, 0});
        return result;
    }
    return readDocument(bytes, limits);
}

} // namespace cjm
