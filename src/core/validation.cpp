#include "validation.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <tuple>
#include <type_traits>

#include "cjm/audit.hpp"
#include "cjm/document_io.hpp"
#include "cjm/fields.hpp"
#include "cjm/problem.hpp"
#include "image_header.hpp"

namespace cjm::detail {

namespace {
bool isDigit(char c) { return c >= '0' && c <= '9'; }
int digits(std::string_view s, std::size_t from, std::size_t count)
{
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (!isDigit(s[i]))
            return -1;
        value = value * 10 + (s[i] - '0');
    }
    return value;
}
bool validDate(int year, int month, int day)
{
    if (year < 0 || month < 1 || month > 12 || day < 1)
        return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int max = month == 2 && leap ? 29 : kDays[month - 1];
    return day <= max;
}
bool dateAt(std::string_view s)
{
    return s.size() >= 10 && s[4] == '-' && s[7] == '-' && validDate(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
}
} // namespace

bool isId(std::string_view s)
{
    if (s.empty() || s.size() > 64)
        return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '-'))
            return false;
    return true;
}

bool isColor(std::string_view s)
{
    if (s.size() != 7 || s[0] != '#')
        return false;
    for (char c : s.substr(1))
        if (!(isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    return true;
}

bool isDate(std::string_view s) { return s.size() == 10 && dateAt(s); }

namespace {
// Whether `s` is `pattern` with each 'd' a digit.
bool hasShape(std::string_view s, std::string_view pattern)
{
    if (s.size() != pattern.size())
        return false;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (pattern[i] == 'd' ? !isDigit(s[i]) : s[i] != pattern[i])
            return false;
    return true;
}
} // namespace

bool isDateShape(std::string_view s) { return hasShape(s, "dddd-dd-dd"); }
bool isUtcTimeShape(std::string_view s) { return hasShape(s, "dddd-dd-ddTdd:dd:ddZ"); }

bool isUtcTime(std::string_view s)
{
    if (s.size() != 20 || !dateAt(s) || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
        return false;
    const int h = digits(s, 11, 2), m = digits(s, 14, 2), sec = digits(s, 17, 2);
    return h >= 0 && h < 24 && m >= 0 && m < 60 && sec >= 0 && sec < 60;
}

bool isWebLink(std::string_view s)
{
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    auto startsWith = [&](std::string_view prefix) {
        if (s.size() < prefix.size())
            return false;
        for (std::size_t i = 0; i < prefix.size(); ++i)
            if (lower(s[i]) != prefix[i])
                return false;
        return true;
    };
    return startsWith("http://") || startsWith("https://");
}

std::string shorten(std::string_view s, std::size_t maxChars)
{
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) != 0x80) {
            if (chars == maxChars) {
                out += "...";
                return printableText(out);
            }
            ++chars;
        }
        if (c == '\n' || c == '\r' || c == '\t')
            out.push_back(' ');
        else
            out.push_back(static_cast<char>(c));
    }
    // Control characters, bidi overrides and bytes that are not UTF-8 are
    // shown as escapes: the one rule for file text in messages.
    return printableText(out);
}

namespace {
ReadLimits g_editLimits;
} // namespace

const ReadLimits &editLimits() { return g_editLimits; }
void setEditLimits(const ReadLimits &limits) { g_editLimits = limits; }

bool isUtf8(std::string_view s, std::size_t *badOffset)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    auto cont = [&](std::size_t at) { return at < n && (p[at] & 0xC0) == 0x80; };
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
        } else if (c >= 0xC2 && c <= 0xDF && cont(i + 1)) {
            i += 2;
        } else if (c >= 0xE0 && c <= 0xEF && cont(i + 1) && cont(i + 2) && !(c == 0xE0 && p[i + 1] < 0xA0) &&
                   !(c == 0xED && p[i + 1] >= 0xA0)) {
            i += 3; // not overlong, not a UTF-16 surrogate
        } else if (c >= 0xF0 && c <= 0xF4 && cont(i + 1) && cont(i + 2) && cont(i + 3) &&
                   !(c == 0xF0 && p[i + 1] < 0x90) && !(c == 0xF4 && p[i + 1] >= 0x90)) {
            i += 4; // not overlong, not past U+10FFFF
        } else {
            if (badOffset)
                *badOffset = i;
            return false;
        }
    }
    return true;
}

namespace {

// A text the reader takes back as it is: valid UTF-8 (the writer would
// replace anything else) and no longer than the string limit.
bool isText(std::string_view s) { return s.size() <= editLimits().maxStringBytes && isUtf8(s); }
bool isOptionalText(const std::optional<std::string> &s) { return !s || isText(*s); }

// Nesting as the parser counts it: the top-level object is level 1, the
// journey 2, a persona, stage, lane or card 3, a card's picture 4.
constexpr int kEntityLevel = 3;

// Any JSON value kept under an unknown key: every text and key a text, every
// number finite (the writer turns NaN into null), no deeper than the limit.
// Only a picture's "data" may be longer than other texts, as in the parser.
bool jsonFits(const Json &v, int level, std::string_view key, std::string_view parentKey)
{
    switch (v.type()) {
    case Json::value_t::string: {
        const std::string &s = v.get_ref<const std::string &>();
        const bool isData = key == "data" && (parentKey == "image" || parentKey == "avatar");
        return s.size() <= (isData ? editLimits().maxImageDataBytes() : editLimits().maxStringBytes) && isUtf8(s);
    }
    case Json::value_t::number_float: return std::isfinite(v.get<double>());
    case Json::value_t::object:
        if (level > editLimits().maxDepth)
            return false;
        for (const auto &[k, value] : v.items())
            if (!isText(k) || !jsonFits(value, level + 1, k, key))
                return false;
        return true;
    case Json::value_t::array:
        if (level > editLimits().maxDepth)
            return false;
        for (const auto &value : v)
            if (!jsonFits(value, level + 1, {}, {}))
                return false;
        return true;
    case Json::value_t::discarded:
    case Json::value_t::binary: return false;
    default: return true;
    }
}

// Unknown keys of an object at `level`: an object (or null for none) whose
// keys are none of the object's known ones (the writer would write such a key
// twice, and the reader refuses a key twice).
bool unknownFits(const UnknownKeys &unknown, int level, const std::vector<std::string_view> &known,
                 const UnknownKeys *before)
{
    if (unknown.is_null() || (before && unknown == *before))
        return true;
    if (!unknown.is_object())
        return false;
    for (const auto &[key, value] : unknown.items()) {
        if (std::find(known.begin(), known.end(), key) != known.end())
            return false;
        if (!isText(key) || !jsonFits(value, level + 1, key, {}))
            return false;
    }
    return true;
}

// The keys an entity's file object knows: its identity keys, then every
// field of its table (fields.hpp) but the unknown keys themselves. The table
// is the one list of field names; a key it names is never an unknown key.
template <typename Table>
std::vector<std::string_view> knownKeys(std::initializer_list<std::string_view> identity, const Table &table)
{
    std::vector<std::string_view> keys(identity);
    std::apply([&](const auto &...field) { ((field.name != "unknown" ? keys.push_back(field.name) : void()), ...); },
               table);
    return keys;
}

const std::vector<std::string_view> kJourneyKeys = knownKeys({"id"}, fields::journey::all);
const std::vector<std::string_view> kPersonaKeys = knownKeys({"id"}, fields::persona::all);
const std::vector<std::string_view> kStageKeys = knownKeys({"id"}, fields::stage::all);
const std::vector<std::string_view> kLaneKeys = knownKeys({"id"}, fields::lane::all);
const std::vector<std::string_view> kCardKeys =
    knownKeys({"id", "persona", "stage", "lane", "order"}, fields::card::all);

bool imageFits(const std::optional<Image> &image, const std::optional<Image> *before)
{
    if (!image || (before && image == *before))
        return true;
    return (image->mime == "image/png" || image->mime == "image/jpeg") && !image->data.empty() &&
           image->data.size() <= editLimits().maxImageDataBytes() &&
           checkEmbeddedImage(image->mime, image->data, editLimits().maxImageBytes, editLimits().maxImageSide)
               .empty() &&
           unknownFits(image->unknown, kEntityLevel + 1, {"mime", "data"}, nullptr);
}

bool inRange(int value, int min, int max) { return value >= min && value <= max; }

bool auditFits(const Audit &a, const Audit *before)
{
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> known;
        for (const AuditCriterion &criterion : auditCriteria())
            known.push_back(criterion.key);
        known.insert(known.end(), {"note", "reviewed"});
        return known;
    }();
    for (const AuditCriterion &criterion : auditCriteria())
        if (!inRange(a.*(criterion.field), 0, kMaxAuditRating))
            return false;
    return isText(a.note) && (!a.reviewed || isDate(*a.reviewed)) &&
           unknownFits(a.unknown, kEntityLevel + 1, keys, before ? &before->unknown : nullptr);
}

bool metricFits(const Metric &m, const Metric *before)
{
    return (!m.value || std::isfinite(*m.value)) && (!m.target || std::isfinite(*m.target)) && isOptionalText(m.unit) &&
           unknownFits(m.unknown, kEntityLevel + 1, {"value", "target", "unit"}, before ? &before->unknown : nullptr);
}

bool commentsFit(const std::vector<Comment> &comments, const std::vector<Comment> *before)
{
    for (std::size_t i = 0; i < comments.size(); ++i) {
        const Comment &comment = comments[i];
        if (before && i < before->size() && (*before)[i] == comment)
            continue;
        if (!isOptionalText(comment.author) || !isText(comment.text) || (comment.time && !isUtcTime(*comment.time)) ||
            !unknownFits(comment.unknown, kEntityLevel + 2, {"author", "text", "time"}, nullptr))
            return false;
    }
    return true;
}

bool formatFits(const std::string &text, FieldFormat format)
{
    if (!isText(text))
        return false;
    switch (format) {
    case FieldFormat::Text: return true;
    case FieldFormat::Color: return isColor(text);
    case FieldFormat::Date: return isDate(text);
    case FieldFormat::UtcTime: return isUtcTime(text);
    case FieldFormat::Language: return canonicalLanguageTag(text) == text;
    case FieldFormat::WebLink: return isWebLink(text);
    }
    return false;
}

// Whether one field of a field table (fields.hpp) holds a value the reader
// reads back: by its type, the table's format and range, as the reader
// checks it. Unknown keys are the caller's (they need the entity's known keys).
template <typename Entity, typename Value>
bool fieldFits(const Entity &entity, const Entity *before, const EntityField<Entity, Value> &field)
{
    const Value &value = entity.*(field.member);
    const Value *old = before ? &(before->*(field.member)) : nullptr;
    if constexpr (std::is_same_v<Value, std::string>)
        return isText(value);
    else if constexpr (std::is_same_v<Value, std::optional<std::string>>)
        return !value || formatFits(*value, field.format);
    else if constexpr (std::is_same_v<Value, int>)
        return inRange(value, field.min, field.max);
    else if constexpr (std::is_same_v<Value, std::optional<int>>)
        return !value || inRange(*value, field.min, field.max);
    else if constexpr (std::is_same_v<Value, std::vector<std::string>>)
        return std::all_of(value.begin(), value.end(), [](const std::string &tag) { return isText(tag); });
    else if constexpr (std::is_same_v<Value, std::optional<Image>>)
        return imageFits(value, old);
    else if constexpr (std::is_same_v<Value, std::optional<Audit>>)
        return !value || auditFits(*value, old && *old ? &**old : nullptr);
    else if constexpr (std::is_same_v<Value, std::optional<Metric>>)
        return !value || metricFits(*value, old && *old ? &**old : nullptr);
    else if constexpr (std::is_same_v<Value, std::vector<Comment>>)
        return commentsFit(value, old);
    else
        return true; // true/false, a choice of a set (enums), unknown keys (the caller's)
}

template <typename Entity, typename Table>
bool fieldsFit(const Entity &entity, const Entity *before, const Table &table)
{
    return std::apply([&](const auto &...field) { return (fieldFits(entity, before, field) && ...); }, table);
}

} // namespace

bool readsBack(const Journey &j, const Journey *before)
{
    return isId(j.id) && fieldsFit(j, before, fields::journey::all) &&
           unknownFits(j.unknown, 2, kJourneyKeys, before ? &before->unknown : nullptr);
}

bool readsBack(const Persona &p, const Persona *before)
{
    return isId(p.id) && fieldsFit(p, before, fields::persona::all) &&
           unknownFits(p.unknown, kEntityLevel, kPersonaKeys, before ? &before->unknown : nullptr);
}

bool readsBack(const Stage &s, const Stage *before)
{
    return isId(s.id) && fieldsFit(s, before, fields::stage::all) &&
           unknownFits(s.unknown, kEntityLevel, kStageKeys, before ? &before->unknown : nullptr);
}

bool readsBack(const Lane &l, const Lane *before)
{
    // A known kind is written by its name; an unknown one exactly as it was
    // spelled, which must be a name no version of this reader knows.
    const bool kindFits = l.kind == LaneKind::Unknown ? !l.kindName.empty() && isText(l.kindName) &&
                                                            laneKindFromString(l.kindName) == LaneKind::Unknown
                                                      : l.kindName == toString(l.kind);
    return isId(l.id) && kindFits && fieldsFit(l, before, fields::lane::all) &&
           unknownFits(l.unknown, kEntityLevel, kLaneKeys, before ? &before->unknown : nullptr);
}

bool readsBack(const Card &c, const Card *before)
{
    return isId(c.id) && isId(c.persona) && isId(c.stage) && isId(c.lane) && c.order >= 0 &&
           fieldsFit(c, before, fields::card::all) &&
           unknownFits(c.unknown, kEntityLevel, kCardKeys, before ? &before->unknown : nullptr);
}

bool readsBack(const View &v, const View *before)
{
    auto idsFit = [](const std::optional<std::vector<std::string>> &ids) {
        if (!ids)
            return true;
        for (std::size_t i = 0; i < ids->size(); ++i)
            if (!isId((*ids)[i]) || std::find(ids->begin(), ids->begin() + static_cast<std::ptrdiff_t>(i), (*ids)[i]) !=
                                        ids->begin() + static_cast<std::ptrdiff_t>(i))
                return false;
        return true;
    };
    // A range and a set would both be written under "stages".
    if (v.stages && v.stageRange)
        return false;
    if (v.stageRange && (!isId(v.stageRange->from) || !isId(v.stageRange->to) ||
                         !unknownFits(v.stageRange->unknown, kEntityLevel + 1, {"from", "to"},
                                      before && before->stageRange ? &before->stageRange->unknown : nullptr)))
        return false;
    return isId(v.id) && isText(v.name) && idsFit(v.personas) && idsFit(v.stages) && idsFit(v.lanes) &&
           unknownFits(v.unknown, kEntityLevel,
                       {"id", "name", "personas", "stages", "lanes", "hideEmptyLanes", "layout", "aspect"},
                       before ? &before->unknown : nullptr);
}

namespace {

// A text as the writer spells it: quotes, and escapes for '"', '\\' and
// control characters (\n and the like in two bytes, the rest as \u00XX).
std::size_t writtenTextBytes(std::string_view s)
{
    std::size_t bytes = 2;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t')
            bytes += 2;
        else if (c < 0x20)
            bytes += 6;
        else
            bytes += 1;
    }
    return bytes;
}

// One value as a member at nesting `level` (its line's indent is 2 * level):
// the indent, the key, the value and ",\n" after it. A picture's base64 is
// never escaped (validation allows only its alphabet), so it is not scanned.
void addCost(FileCost &cost, const Json &v, int level, std::string_view key, std::string_view parentKey)
{
    cost.values += 1;
    cost.bytes += 2 * static_cast<std::size_t>(level) + 2 + (key.empty() ? 0 : writtenTextBytes(key) + 2);
    switch (v.type()) {
    case Json::value_t::string: {
        const std::string &s = v.get_ref<const std::string &>();
        const bool isData = key == "data" && (parentKey == "image" || parentKey == "avatar");
        cost.bytes += isData ? s.size() + 2 : writtenTextBytes(s);
        break;
    }
    case Json::value_t::object:
        cost.bytes += 3 + 2 * static_cast<std::size_t>(level); // braces, and the closing one's line
        for (const auto &[k, value] : v.items())
            addCost(cost, value, level + 1, k, key);
        break;
    case Json::value_t::array:
        cost.bytes += 3 + 2 * static_cast<std::size_t>(level);
        for (const auto &value : v)
            addCost(cost, value, level + 1, {}, key);
        break;
    case Json::value_t::null:
    case Json::value_t::boolean: cost.bytes += 5; break; // "false" at most
    default: cost.bytes += v.dump().size(); break;       // a number
    }
}

// Personas, stages, lanes and cards are members of the top-level lists.
constexpr int kEntityIndentLevel = 2;

FileCost entityCost(const Json &entity, std::string_view key)
{
    FileCost cost;
    addCost(cost, entity, kEntityIndentLevel, {}, key);
    return cost;
}

} // namespace

FileCost fileCost(const Journey &journey)
{
    FileCost cost;
    addCost(cost, journeyToJson(journey), 1, "journey", {});
    return cost;
}
FileCost fileCost(const Persona &persona) { return entityCost(personaToJson(persona), "personas"); }
FileCost fileCost(const Stage &stage) { return entityCost(stageToJson(stage), "stages"); }
FileCost fileCost(const Lane &lane) { return entityCost(laneToJson(lane), "lanes"); }
FileCost fileCost(const Card &card) { return entityCost(cardToJson(card), "cards"); }
FileCost fileCost(const View &view) { return entityCost(viewToJson(view), "views"); }

FileCost fileCost(const std::vector<View> &views)
{
    FileCost cost;
    if (views.empty())
        return cost; // the writer leaves the key out
    addCost(cost, Json::array(), 1, "views", {});
    for (const View &view : views) {
        const FileCost one = fileCost(view);
        cost.bytes += one.bytes;
        cost.values += one.values;
    }
    return cost;
}

FileCost orderCost(std::int64_t order)
{
    FileCost cost;
    if (order != 0) // the writer leaves the default out
        addCost(cost, Json(order), kEntityIndentLevel + 1, "order", {});
    return cost;
}

FileCost fileCost(const Document &d)
{
    // The top level with empty lists, then every entity in them.
    FileCost cost;
    Json top = toJson(Document::fromParts(d.journey(), {}, {}, {}, {}, d.generator(), d.unknown()));
    addCost(cost, top, 0, {}, {});
    auto add = [&](const FileCost &c) {
        cost.bytes += c.bytes;
        cost.values += c.values;
    };
    for (const Persona &p : d.personas())
        add(fileCost(p));
    for (const Stage &s : d.stages())
        add(fileCost(s));
    for (const Lane &l : d.lanes())
        add(fileCost(l));
    for (const Card &c : d.cards())
        add(fileCost(c));
    add(fileCost(d.views()));
    return cost;
}

} // namespace cjm::detail
