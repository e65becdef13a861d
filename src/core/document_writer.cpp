// Writing .cjm version 1 in its one canonical form (docs/format.md,
// "Guarantees the writer gives"): keys in the spec's order, defaults left out,
// unknown keys after the known ones in the order they were read. The journey,
// personas, stages, lanes and cards are written from their field tables (fields.hpp).

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "cjm/audit.hpp"
#include "cjm/document_io.hpp"
#include "cjm/fields.hpp"

namespace cjm {

namespace {

using Storage = std::vector<std::pair<const std::string, Json>>;

// Appends without ordered_map's duplicate search: each key is written once.
class ObjectWriter {
public:
    ObjectWriter() : m_object(Json::object()) {}
    void put(const char *key, Json value)
    {
        static_cast<Storage &>(m_object.get_ref<Json::object_t &>()).emplace_back(key, std::move(value));
    }
    void putIfNotEmpty(const char *key, const std::string &value)
    {
        if (!value.empty())
            put(key, value);
    }
    void putIfSet(const char *key, const std::optional<std::string> &value)
    {
        if (value)
            put(key, *value);
    }
    template <typename T>
    void putIfNot(const char *key, const T &value, const T &defaultValue)
    {
        if (value != defaultValue)
            put(key, value);
    }
    void putUnknown(const UnknownKeys &unknown)
    {
        if (!unknown.is_object())
            return;
        for (const auto &[key, value] : unknown.items())
            static_cast<Storage &>(m_object.get_ref<Json::object_t &>()).emplace_back(key, value);
    }
    Json take() { return std::move(m_object); }

private:
    Json m_object;
};

// The format's defaults are the model's: a default-constructed entity holds
// them (model.hpp), so a default is written down in one place only.
const Card kCardDefaults{};
const Audit kAuditDefaults{};
const View kViewDefaults{};

// A whole number is written without ".0", so 3 and 3.0 have one spelling.
Json numberJson(double value)
{
    if (std::trunc(value) == value && std::fabs(value) < 9.0e15)
        return static_cast<std::int64_t>(value);
    return value;
}

Json imageJson(const Image &image)
{
    ObjectWriter w;
    w.put("mime", image.mime);
    w.put("data", image.data);
    w.putUnknown(image.unknown);
    return w.take();
}

Json auditJson(const Audit &a)
{
    ObjectWriter w;
    for (const AuditCriterion &criterion : auditCriteria()) // names are literals: NUL-terminated
        w.putIfNot(criterion.key.data(), a.*(criterion.field), kAuditDefaults.*(criterion.field));
    w.putIfNotEmpty("note", a.note);
    w.putIfSet("reviewed", a.reviewed);
    w.putUnknown(a.unknown);
    return w.take();
}

Json metricJson(const Metric &m)
{
    ObjectWriter w;
    if (m.value)
        w.put("value", numberJson(*m.value));
    if (m.target)
        w.put("target", numberJson(*m.target));
    w.putIfSet("unit", m.unit);
    w.putUnknown(m.unknown);
    return w.take();
}

Json commentJson(const Comment &c)
{
    ObjectWriter w;
    w.putIfSet("author", c.author);
    w.put("text", c.text);
    w.putIfSet("time", c.time);
    w.putUnknown(c.unknown);
    return w.take();
}

Json commentsJson(const std::vector<Comment> &comments)
{
    Json list = Json::array();
    for (const auto &comment : comments)
        list.push_back(commentJson(comment));
    return list;
}

// One field's value as the file spells it.
Json valueJson(const std::string &value) { return value; }
Json valueJson(int value) { return value; }
Json valueJson(bool value) { return value; }
Json valueJson(MapType value) { return toString(value); }
Json valueJson(Phase value) { return toString(value); }
Json valueJson(OpportunityStatus value) { return toString(value); }
Json valueJson(const std::vector<std::string> &value) { return Json(value); }
Json valueJson(const Audit &value) { return auditJson(value); }
Json valueJson(const Metric &value) { return metricJson(value); }
Json valueJson(const Image &value) { return imageJson(value); }
Json valueJson(const std::vector<Comment> &value) { return commentsJson(value); }
Json valueJson(const UnknownKeys &value) { return value; }
template <typename T>
Json valueJson(const std::optional<T> &value)
{
    return valueJson(*value); // only called when set: nullopt is every optional field's default
}

// Writes the fields of `entity` in its table's order (fields.hpp lists them
// as docs/format.md does), each left out when it holds the model's default
// unless it is `required`; the unknown keys are the caller's, written last,
// and so are the fields it writes itself (`ownWriting`).
template <typename Entity, typename Table>
void putFields(ObjectWriter &w, const Entity &entity, const Table &table,
               std::initializer_list<std::string_view> required = {},
               std::initializer_list<std::string_view> ownWriting = {})
{
    static const Entity defaults{};
    std::apply(
        [&](const auto &...field) {
            auto one = [&](const auto &f) {
                if (f.name == "unknown" || std::find(ownWriting.begin(), ownWriting.end(), f.name) != ownWriting.end())
                    return;
                const auto &value = entity.*(f.member);
                const bool isRequired = std::find(required.begin(), required.end(), f.name) != required.end();
                if (isRequired || !(value == defaults.*(f.member)))
                    w.put(f.name.data(), valueJson(value)); // names are literals: NUL-terminated
            };
            (one(field), ...);
        },
        table);
}

Json journeyJson(const Journey &j)
{
    ObjectWriter w;
    w.put("id", j.id);
    putFields(w, j, fields::journey::all);
    w.putUnknown(j.unknown);
    return w.take();
}

Json personaJson(const Persona &p)
{
    ObjectWriter w;
    w.put("id", p.id);
    putFields(w, p, fields::persona::all, {"name"});
    w.putUnknown(p.unknown);
    return w.take();
}

Json stageJson(const Stage &s)
{
    ObjectWriter w;
    w.put("id", s.id);
    putFields(w, s, fields::stage::all, {"name"});
    w.putUnknown(s.unknown);
    return w.take();
}

Json laneJson(const Lane &l)
{
    ObjectWriter w;
    w.put("id", l.id);
    // An unknown kind is written back exactly as it was read.
    w.put("kind", l.kind == LaneKind::Unknown ? l.kindName : std::string(toString(l.kind)));
    putFields(w, l, fields::lane::all, {}, {"kind"});
    w.putUnknown(l.unknown);
    return w.take();
}

Json idsJson(const std::vector<std::string> &ids) { return Json(ids); }

Json viewJson(const View &v)
{
    ObjectWriter w;
    w.put("id", v.id);
    w.put("name", v.name);
    if (v.personas)
        w.put("personas", idsJson(*v.personas));
    if (v.stageRange) {
        ObjectWriter range;
        range.put("from", v.stageRange->from);
        range.put("to", v.stageRange->to);
        range.putUnknown(v.stageRange->unknown);
        w.put("stages", range.take());
    } else if (v.stages) {
        w.put("stages", idsJson(*v.stages));
    }
    if (v.lanes)
        w.put("lanes", idsJson(*v.lanes));
    w.putIfNot("hideEmptyLanes", v.hideEmptyLanes, kViewDefaults.hideEmptyLanes);
    if (v.layout != kViewDefaults.layout)
        w.put("layout", toString(v.layout));
    if (v.aspect != kViewDefaults.aspect)
        w.put("aspect", toString(v.aspect));
    w.putUnknown(v.unknown);
    return w.take();
}

} // namespace

Json viewToJson(const View &view) { return viewJson(view); }
Json journeyToJson(const Journey &journey) { return journeyJson(journey); }
Json personaToJson(const Persona &persona) { return personaJson(persona); }
Json stageToJson(const Stage &stage) { return stageJson(stage); }
Json laneToJson(const Lane &lane) { return laneJson(lane); }

Json cardToJson(const Card &c)
{
    ObjectWriter w;
    w.put("id", c.id);
    w.put("persona", c.persona);
    w.put("stage", c.stage);
    w.put("lane", c.lane);
    w.putIfNot("order", c.order, kCardDefaults.order);
    putFields(w, c, fields::card::all);
    w.putUnknown(c.unknown);
    return w.take();
}

Json toJson(const Document &d)
{
    ObjectWriter w;
    w.put("format", "cjm");
    w.put("version", kFormatVersion);
    w.putIfSet("generator", d.generator());
    w.put("journey", journeyJson(d.journey()));
    auto list = [](const auto &items, auto toJsonFn) {
        Json array = Json::array();
        auto &storage = array.get_ref<Json::array_t &>();
        storage.reserve(items.size());
        for (const auto &item : items)
            storage.push_back(toJsonFn(item));
        return array;
    };
    w.put("personas", list(d.personas(), personaJson));
    w.put("stages", list(d.stages(), stageJson));
    w.put("lanes", list(d.lanes(), laneJson));
    w.put("cards", list(d.cards(), cardToJson));
    if (!d.views().empty())
        w.put("views", list(d.views(), viewJson));
    w.putUnknown(d.unknown());
    return w.take();
}

std::string writeDocument(const Document &document)
{
    // The reader only admits valid UTF-8, but a string set in code might not
    // be; replacing beats throwing halfway through a save.
    std::string bytes = toJson(document).dump(2, ' ', false, Json::error_handler_t::replace);
    bytes.push_back('\n');
    return bytes;
}

} // namespace cjm
