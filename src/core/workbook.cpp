#include "cjm/workbook.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "cjm/document_io.hpp"
#include "cjm/sheet_update.hpp"
#include "map_json.hpp"
#include "validation.hpp"

namespace cjm {

namespace {

// How a column's cells read and write. Text is any text; numbers are
// written as numbers; Bool is yes/no; Tags is "a; b" (a JSON array when a
// tag holds ';' or spaces at its ends); Ref names a persona, stage or lane.
enum class ColumnType { Text, Integer, Real, Bool, Tags, Ref };

struct Column {
    std::string_view header;
    std::string_view key;    // the key in the entity's JSON
    std::string_view subkey; // a key inside that object (audit, metric), or empty
    ColumnType type = ColumnType::Text;
};

constexpr Column kCardColumns[] = {
    {"id", "id", {}, ColumnType::Text},
    {"persona", "persona", {}, ColumnType::Ref},
    {"stage", "stage", {}, ColumnType::Ref},
    {"lane", "lane", {}, ColumnType::Ref},
    {"order", "order", {}, ColumnType::Integer},
    {"text", "text", {}, ColumnType::Text},
    {"notes", "notes", {}, ColumnType::Text},
    {"channel", "channel", {}, ColumnType::Text},
    {"direct", "direct", {}, ColumnType::Bool},
    {"score", "score", {}, ColumnType::Integer},
    {"desired", "desired", {}, ColumnType::Integer},
    {"severity", "severity", {}, ColumnType::Integer},
    {"impact", "impact", {}, ColumnType::Integer},
    {"status", "status", {}, ColumnType::Text},
    {"tags", "tags", {}, ColumnType::Tags},
    {"color", "color", {}, ColumnType::Text},
    {"link", "link", {}, ColumnType::Text},
    {"simple", "audit", "simple", ColumnType::Integer},
    {"appropriate", "audit", "appropriate", ColumnType::Integer},
    {"relevant", "audit", "relevant", ColumnType::Integer},
    {"meaningful", "audit", "meaningful", ColumnType::Integer},
    {"engaging", "audit", "engaging", ColumnType::Integer},
    {"personal", "audit", "personal", ColumnType::Integer},
    {"audit note", "audit", "note", ColumnType::Text},
    {"reviewed", "audit", "reviewed", ColumnType::Text},
    {"metric value", "metric", "value", ColumnType::Real},
    {"metric target", "metric", "target", ColumnType::Real},
    {"metric unit", "metric", "unit", ColumnType::Text},
};

constexpr Column kPersonaColumns[] = {
    {"id", "id", {}, ColumnType::Text},
    {"name", "name", {}, ColumnType::Text},
    {"description", "description", {}, ColumnType::Text},
    {"segment", "segment", {}, ColumnType::Text},
    {"goals", "goals", {}, ColumnType::Text},
    {"needs", "needs", {}, ColumnType::Text},
    {"frustrations", "frustrations", {}, ColumnType::Text},
    {"color", "color", {}, ColumnType::Text},
};

constexpr Column kStageColumns[] = {
    {"id", "id", {}, ColumnType::Text},
    {"name", "name", {}, ColumnType::Text},
    {"description", "description", {}, ColumnType::Text},
    {"phase", "phase", {}, ColumnType::Text},
    {"color", "color", {}, ColumnType::Text},
};

constexpr Column kLaneColumns[] = {
    {"id", "id", {}, ColumnType::Text},
    {"kind", "kind", {}, ColumnType::Text},
    {"title", "title", {}, ColumnType::Text},
    {"hidden", "hidden", {}, ColumnType::Bool},
};

// The Journey sheet is one field a row: "field", "value".
constexpr Column kJourneyFields[] = {
    {"id", "id", {}, ColumnType::Text},
    {"title", "title", {}, ColumnType::Text},
    {"description", "description", {}, ColumnType::Text},
    {"goal", "goal", {}, ColumnType::Text},
    {"type", "type", {}, ColumnType::Text},
    {"segment", "segment", {}, ColumnType::Text},
    {"owner", "owner", {}, ColumnType::Text},
    {"reviewIntervalDays", "reviewIntervalDays", {}, ColumnType::Integer},
    {"nextReview", "nextReview", {}, ColumnType::Text},
    {"created", "created", {}, ColumnType::Text},
    {"modified", "modified", {}, ColumnType::Text},
};
constexpr std::string_view kGeneratorField = "generator";
// The file's top-level keys this version does not know.
constexpr std::string_view kMapMoreField = "map more (JSON)";

// Pictures have no cell: base64 of up to 8 MiB is past a cell's 32,767 characters.
constexpr std::string_view kPersonaPicture = "avatar";
constexpr std::string_view kCardPicture = "image";

std::string shortest(double value)
{
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : std::string();
}

bool tagsNeedJson(const Json &tags)
{
    for (const auto &tag : tags) {
        const std::string &t = tag.get_ref<const std::string &>();
        if (t.empty() || t.find(';') != std::string::npos || t.front() == ' ' || t.back() == ' ' || t.front() == '[')
            return true;
    }
    return false;
}

SheetCell toCell(const Json &value, ColumnType type)
{
    switch (type) {
    case ColumnType::Integer:
        // Up to 2^53 a spreadsheet's number holds a whole number exactly; past it, text.
        if (value.is_number_integer() && std::llabs(value.get<long long>()) <= (1LL << 53))
            return {value.dump(), true};
        return {value.dump(), false};
    case ColumnType::Real: return {value.is_number_integer() ? value.dump() : shortest(value.get<double>()), true};
    case ColumnType::Bool: return {value.get<bool>() ? "yes" : "no", false};
    case ColumnType::Tags: {
        if (tagsNeedJson(value))
            return {value.dump(), false};
        std::string joined;
        for (const auto &tag : value)
            joined += (joined.empty() ? "" : "; ") + tag.get<std::string>();
        return {joined, false};
    }
    case ColumnType::Text:
    case ColumnType::Ref: return {value.is_string() ? value.get<std::string>() : value.dump(), false};
    }
    return {};
}

// Takes the columns' values out of `object` into cells; what is left (but
// the picture) goes to the "more" cell.
std::vector<SheetCell> rowOf(Json object, const auto &columns, std::string_view picture)
{
    std::vector<SheetCell> row;
    for (const Column &column : columns) {
        Json *holder = &object;
        std::string key(column.key);
        if (!column.subkey.empty()) {
            auto it = object.find(key);
            if (it == object.end() || !it->is_object()) {
                row.push_back({});
                continue;
            }
            holder = &*it;
            key = std::string(column.subkey);
        }
        auto it = holder->find(key);
        if (it == holder->end()) {
            row.push_back({});
            continue;
        }
        row.push_back(toCell(*it, column.type));
        holder->erase(it);
        if (holder != &object && holder->empty())
            object.erase(std::string(column.key));
    }
    if (!picture.empty())
        object.erase(std::string(picture));
    row.push_back({object.empty() ? std::string() : object.dump(), false});
    return row;
}

std::vector<SheetCell> headerOf(const auto &columns)
{
    std::vector<SheetCell> header;
    for (const Column &column : columns)
        header.push_back({std::string(column.header), false});
    header.push_back({std::string(workbook::kMoreColumn), false});
    return header;
}

// How the Cards sheet names each entity: its name (a lane's title, or its
// kind's name without one) when no other entity has that name or that id;
// its id otherwise.
std::vector<std::string> labelsOf(const std::vector<std::string> &names, const std::vector<std::string> &ids)
{
    std::map<std::string, int> count;
    for (const auto &name : names)
        ++count[name];
    const std::set<std::string> idSet(ids.begin(), ids.end());
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const bool unique = !names[i].empty() && count[names[i]] == 1 && (!idSet.count(names[i]) || names[i] == ids[i]);
        labels.push_back(unique ? names[i] : ids[i]);
    }
    return labels;
}

struct Labels {
    std::vector<std::string> personas, stages, lanes;
};

Labels labelsOf(const Document &document)
{
    Labels labels;
    std::vector<std::string> names, ids;
    for (const auto &p : document.personas()) {
        names.push_back(p.name);
        ids.push_back(p.id);
    }
    labels.personas = labelsOf(names, ids);
    names.clear();
    ids.clear();
    for (const auto &s : document.stages()) {
        names.push_back(s.name);
        ids.push_back(s.id);
    }
    labels.stages = labelsOf(names, ids);
    names.clear();
    ids.clear();
    for (const auto &l : document.lanes()) {
        names.push_back(l.title.empty() ? detail::laneKindLabel(l.kindName) : l.title);
        ids.push_back(l.id);
    }
    labels.lanes = labelsOf(names, ids);
    return labels;
}

std::string quoteText(const std::string &value) { return "\u2018" + detail::shorten(value, 40) + "\u2019"; }

std::string trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return std::string(s);
}

std::string lower(std::string s)
{
    for (char &c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Reads the sheets back; problems are collected with the cell they are in.
class WorkbookReader {
public:
    WorkbookReader(const Workbook &workbook, const std::set<std::string> &reservedIds)
        : m_workbook(workbook), m_ids(reservedIds)
    {
    }

    WorkbookImportResult run()
    {
        WorkbookImportResult result;
        Json file = Json::object();
        file["format"] = "cjm";
        file["version"] = kFormatVersion;
        Json journey = readJourney(file);
        const Sheet *cards = m_workbook.find(workbook::kCards);
        if (!cards) {
            result.problems.push_back("the workbook has no sheet named Cards");
            return result;
        }
        Json personas = readTable(workbook::kPersonas, kPersonaColumns, "personas");
        Json stages = readTable(workbook::kStages, kStageColumns, "stages");
        Json lanes = readTable(workbook::kLanes, kLaneColumns, "lanes");
        collectIds(personas);
        collectIds(stages);
        collectIds(lanes);
        Json cardArray = readTable(workbook::kCards, kCardColumns, "cards");
        collectIds(cardArray);
        if (!journey.contains("id"))
            journey["id"] = freshId("journey");
        for (auto *array : {&personas, &stages, &lanes, &cardArray})
            for (auto &entity : *array)
                if (!entity.contains("id"))
                    entity["id"] = freshId(std::string(prefixOf(array, personas, stages, lanes)));
        resolveCardPlaces(cardArray, personas, stages, lanes);
        if (!m_problems.empty()) {
            result.problems = std::move(m_problems);
            return result;
        }
        Json ordered = Json::object();
        ordered["format"] = file["format"];
        ordered["version"] = file["version"];
        if (file.contains("generator"))
            ordered["generator"] = file["generator"];
        ordered["journey"] = std::move(journey);
        ordered["personas"] = std::move(personas);
        ordered["stages"] = std::move(stages);
        ordered["lanes"] = std::move(lanes);
        ordered["cards"] = std::move(cardArray);
        for (auto it = m_mapMore.begin(); it != m_mapMore.end(); ++it)
            if (!ordered.contains(it.key()))
                ordered[it.key()] = it.value();
        ReadResult read = readDocument(ordered.dump());
        if (!read.ok()) {
            for (const auto &problem : read.problems)
                result.problems.push_back(placeOf(problem) + problem.message);
            return result;
        }
        result.document = std::move(read.document);
        return result;
    }

private:
    static std::string_view prefixOf(const Json *array, const Json &personas, const Json &stages, const Json &lanes)
    {
        if (array == &personas)
            return "persona";
        if (array == &stages)
            return "stage";
        if (array == &lanes)
            return "lane";
        return "card";
    }

    void problem(std::string_view sheet, std::size_t column, std::size_t row, const std::string &message)
    {
        if (m_problems.size() < 100)
            m_problems.push_back(std::string(sheet) + "!" + cellReference(column, row) + ": " + message);
    }

    // A cell's text as the column's JSON value; nullopt (with a problem) when it is not one.
    std::optional<Json> valueOf(const SheetCell &cell, const Column &column, std::string_view sheet,
                                std::size_t columnIndex, std::size_t row)
    {
        const std::string name(column.header);
        switch (column.type) {
        case ColumnType::Text:
        case ColumnType::Ref: return Json(cell.text);
        case ColumnType::Integer: {
            const std::string t = trimmed(cell.text);
            long long value = 0;
            const char *begin = t.data() + (t.starts_with('+') ? 1 : 0);
            auto [ptr, ec] = std::from_chars(begin, t.data() + t.size(), value);
            if (ec == std::errc() && ptr == t.data() + t.size() && begin != ptr)
                return Json(value);
            // A spreadsheet may have written a whole number as 3.0 or 1E+3.
            double real = 0;
            auto [rptr, rec] = std::from_chars(t.data(), t.data() + t.size(), real);
            if (rec == std::errc() && rptr == t.data() + t.size() && std::isfinite(real) && real == std::floor(real) &&
                std::fabs(real) <= 9007199254740992.0)
                return Json(static_cast<long long>(real));
            problem(sheet, columnIndex, row, name + " must be a whole number, but it is " + quoteText(cell.text));
            return std::nullopt;
        }
        case ColumnType::Real: {
            const std::string t = trimmed(cell.text);
            double value = 0;
            auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
            if (ec != std::errc() || ptr != t.data() + t.size() || t.empty() || !std::isfinite(value)) {
                problem(sheet, columnIndex, row, name + " must be a number, but it is " + quoteText(cell.text));
                return std::nullopt;
            }
            if (value == std::floor(value) && std::fabs(value) <= 9007199254740992.0 &&
                t.find_first_of(".eE") == std::string::npos)
                return Json(static_cast<long long>(value));
            return Json(value);
        }
        case ColumnType::Bool: {
            const std::string t = lower(trimmed(cell.text));
            if (t == "yes" || t == "true" || t == "1")
                return Json(true);
            if (t == "no" || t == "false" || t == "0")
                return Json(false);
            problem(sheet, columnIndex, row, name + " must be yes or no, but it is " + quoteText(cell.text));
            return std::nullopt;
        }
        case ColumnType::Tags: {
            if (cell.text.starts_with('[')) {
                Problem parseProblem;
                auto parsed = parseJsonValue(cell.text, parseProblem);
                if (parsed && parsed->is_array() &&
                    std::all_of(parsed->begin(), parsed->end(), [](const Json &t) { return t.is_string(); }))
                    return parsed;
            }
            Json tags = Json::array();
            const std::string &text = cell.text;
            for (std::size_t start = 0; start <= text.size();) {
                std::size_t end = text.find(';', start);
                if (end == std::string::npos)
                    end = text.size();
                std::string tag = trimmed(std::string_view(text).substr(start, end - start));
                if (!tag.empty())
                    tags.push_back(std::move(tag));
                start = end + 1;
            }
            return tags;
        }
        }
        return std::nullopt;
    }

    // A "more (JSON)" cell: an object, or nothing.
    Json moreOf(const SheetCell &cell, std::string_view sheet, std::size_t column, std::size_t row)
    {
        if (trimmed(cell.text).empty())
            return Json::object();
        Problem parseProblem;
        auto parsed = parseJsonValue(cell.text, parseProblem);
        if (!parsed || !parsed->is_object()) {
            problem(sheet, column, row,
                    std::string(workbook::kMoreColumn) + " must be a JSON object" +
                        (parsed ? std::string() : " (" + parseProblem.toString() + ")"));
            return Json::object();
        }
        return *parsed;
    }

    void setValue(Json &object, const Column &column, Json value)
    {
        if (column.subkey.empty()) {
            object[std::string(column.key)] = std::move(value);
            return;
        }
        Json &inner = object[std::string(column.key)];
        if (!inner.is_object())
            inner = Json::object();
        inner[std::string(column.subkey)] = std::move(value);
    }

    Json readJourney(Json &file)
    {
        Json journey = Json::object();
        const Sheet *sheet = m_workbook.find(workbook::kJourney);
        if (!sheet)
            return journey;
        Json more = Json::object();
        for (std::size_t r = 1; r < sheet->rows.size(); ++r) {
            const auto &row = sheet->rows[r];
            if (row.size() < 2 || row[0].text.empty() || row[1].text.empty())
                continue;
            const std::string field = trimmed(row[0].text);
            if (field == workbook::kMoreColumn) {
                more = moreOf(row[1], sheet->name, 1, r);
                continue;
            }
            if (field == kMapMoreField) {
                m_mapMore = moreOf(row[1], sheet->name, 1, r);
                continue;
            }
            if (field == kGeneratorField) {
                file["generator"] = row[1].text;
                continue;
            }
            const auto column = std::find_if(std::begin(kJourneyFields), std::end(kJourneyFields),
                                             [&](const Column &c) { return c.header == field; });
            if (column == std::end(kJourneyFields)) {
                problem(sheet->name, 0, r, "the journey has no field " + quoteText(field));
                continue;
            }
            if (auto value = valueOf(row[1], *column, sheet->name, 1, r))
                setValue(journey, *column, std::move(*value));
        }
        for (auto it = more.begin(); it != more.end(); ++it)
            if (!journey.contains(it.key()))
                journey[it.key()] = it.value();
        return journey;
    }

    Json readTable(std::string_view name, const auto &columns, std::string_view arrayName)
    {
        Json array = Json::array();
        const Sheet *sheet = m_workbook.find(name);
        if (!sheet || sheet->rows.empty())
            return array;
        // Columns by header name, in any order; headers this version does not know are an error,
        // never dropped in silence.
        const auto &header = sheet->rows[0];
        std::vector<const Column *> byIndex(header.size(), nullptr);
        std::optional<std::size_t> moreIndex;
        for (std::size_t c = 0; c < header.size(); ++c) {
            const std::string h = lower(trimmed(header[c].text));
            if (h.empty())
                continue;
            if (h == lower(std::string(workbook::kMoreColumn))) {
                moreIndex = c;
                continue;
            }
            const Column *found = nullptr;
            for (const Column &column : columns)
                if (column.header == h)
                    found = &column;
            if (!found)
                problem(name, c, 0, "no field is called " + quoteText(header[c].text));
            byIndex[c] = found;
        }
        auto &rowsOfArray = m_rows[std::string(arrayName)];
        for (std::size_t r = 1; r < sheet->rows.size(); ++r) {
            const auto &row = sheet->rows[r];
            if (std::all_of(row.begin(), row.end(), [](const SheetCell &c) { return trimmed(c.text).empty(); }))
                continue;
            Json object =
                moreIndex && *moreIndex < row.size() ? moreOf(row[*moreIndex], name, *moreIndex, r) : Json::object();
            for (std::size_t c = 0; c < row.size(); ++c) {
                if (c >= byIndex.size()) {
                    if (!trimmed(row[c].text).empty())
                        problem(name, c, r, "this cell holds " + quoteText(row[c].text) + " under no header");
                    continue;
                }
                if (!byIndex[c] || row[c].text.empty())
                    continue;
                if (auto value = valueOf(row[c], *byIndex[c], name, c, r))
                    setValue(object, *byIndex[c], std::move(*value));
            }
            if (object.contains("id") && object["id"].is_string())
                object["id"] = trimmed(object["id"].get<std::string>());
            array.push_back(std::move(object));
            rowsOfArray.push_back(r);
        }
        return array;
    }

    void collectIds(const Json &array)
    {
        for (const auto &entity : array)
            if (entity.contains("id") && entity["id"].is_string())
                m_ids.insert(entity["id"].get<std::string>());
    }

    std::string freshId(const std::string &prefix)
    {
        for (int n = 1;; ++n) {
            std::string id = prefix + "-" + std::to_string(n);
            if (m_ids.insert(id).second)
                return id;
        }
    }

    // A Cards cell naming a persona, stage or lane: by the label the writer
    // gives it, by id, or (a new name) a new one at the end.
    void resolveCardPlaces(Json &cards, Json &personas, Json &stages, Json &lanes)
    {
        auto labelsOfArray = [](const Json &array, bool lane) {
            std::vector<std::string> names, ids;
            for (const auto &e : array) {
                std::string name = e.value("name", std::string());
                if (lane) {
                    name = e.value("title", std::string());
                    if (name.empty())
                        name = detail::laneKindLabel(e.value("kind", std::string()));
                }
                names.push_back(name);
                ids.push_back(e.value("id", std::string()));
            }
            return std::pair{labelsOf(names, ids), ids};
        };
        struct Target {
            const char *key;
            Json *array;
            bool lane;
        } targets[] = {{"persona", &personas, false}, {"stage", &stages, false}, {"lane", &lanes, true}};
        const auto &cardRows = m_rows["cards"];
        for (auto &target : targets) {
            auto [labels, ids] = labelsOfArray(*target.array, target.lane);
            std::unordered_map<std::string, std::string> byLabel;
            for (std::size_t i = 0; i < labels.size(); ++i)
                byLabel.emplace(labels[i], ids[i]);
            const std::set<std::string> idSet(ids.begin(), ids.end());
            for (std::size_t i = 0; i < cards.size(); ++i) {
                Json &card = cards[i];
                const std::string name = trimmed(card.value(target.key, std::string()));
                if (name.empty()) {
                    if (ids.size() == 1) {
                        card[target.key] = ids.front();
                        continue;
                    }
                    const std::size_t column =
                        static_cast<std::size_t>(std::find_if(std::begin(kCardColumns), std::end(kCardColumns),
                                                              [&](const Column &c) { return c.key == target.key; }) -
                                                 std::begin(kCardColumns));
                    problem(workbook::kCards, column, cardRows[i], std::string("the card has no ") + target.key);
                    continue;
                }
                if (auto it = byLabel.find(name); it != byLabel.end()) {
                    card[target.key] = it->second;
                } else if (idSet.count(name)) {
                    card[target.key] = name;
                } else {
                    Json added = Json::object();
                    added["id"] = freshId(target.key);
                    if (target.lane) {
                        added["kind"] = "touchpoints";
                        added["title"] = name;
                    } else {
                        added["name"] = name;
                    }
                    target.array->push_back(added);
                    byLabel.emplace(name, added["id"].get<std::string>());
                    card[target.key] = added["id"];
                }
            }
        }
    }

    // "Cards row 7: " for a reader's problem at /cards/5/...
    std::string placeOf(const Problem &p)
    {
        static const std::pair<std::string_view, std::string_view> arrays[] = {{"/cards/", workbook::kCards},
                                                                               {"/personas/", workbook::kPersonas},
                                                                               {"/stages/", workbook::kStages},
                                                                               {"/lanes/", workbook::kLanes}};
        for (const auto &[prefix, sheet] : arrays) {
            if (!p.pointer.starts_with(prefix))
                continue;
            std::size_t index = 0;
            const std::string_view rest = std::string_view(p.pointer).substr(prefix.size());
            auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), index);
            const auto &rows = m_rows[std::string(prefix.substr(1, prefix.size() - 2))];
            if (ec == std::errc() && index < rows.size()) {
                const std::string field(ptr, rest.data() + rest.size());
                return std::string(sheet) + " row " + std::to_string(rows[index] + 1) +
                       (field.size() > 1 ? " (" + field.substr(1) + ")" : "") + ": ";
            }
        }
        if (p.pointer.starts_with("/journey"))
            return std::string(workbook::kJourney) + (p.pointer.size() > 9 ? " (" + p.pointer.substr(9) + ")" : "") +
                   ": ";
        return p.pointer.empty() ? std::string() : p.pointer + ": ";
    }

    const Workbook &m_workbook;
    std::vector<std::string> m_problems;
    std::set<std::string> m_ids;
    Json m_mapMore = Json::object();
    std::map<std::string, std::vector<std::size_t>> m_rows; // array name -> the sheet row of each entity
};

} // namespace

const Sheet *Workbook::find(std::string_view name) const
{
    for (const auto &sheet : sheets)
        if (sheet.name == name)
            return &sheet;
    return nullptr;
}

std::string cellReference(std::size_t column, std::size_t row)
{
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters + std::to_string(row + 1);
}

Workbook mapToWorkbook(const Document &document)
{
    const Json json = toJson(document);
    const Labels labels = labelsOf(document);
    Workbook book;

    Sheet cards{std::string(workbook::kCards), {headerOf(kCardColumns)}, {}};
    // A reference that names nothing stays as written (its id), not another entity's label.
    auto labelOf = [](const std::vector<std::string> &labels, std::optional<std::size_t> index, const std::string &id) {
        return index ? labels[*index] : id;
    };
    for (const Card *cardInOrder : cardsInDisplayOrder(document)) {
        const Card &card = *cardInOrder;
        const auto index = static_cast<std::size_t>(cardInOrder - document.cards().data());
        Json object = json["cards"][index];
        object["persona"] = labelOf(labels.personas, document.personaIndex(card.persona), card.persona);
        object["stage"] = labelOf(labels.stages, document.stageIndex(card.stage), card.stage);
        object["lane"] = labelOf(labels.lanes, document.laneIndex(card.lane), card.lane);
        cards.rows.push_back(rowOf(std::move(object), kCardColumns, kCardPicture));
        cards.rowIds.push_back(card.id);
    }
    book.sheets.push_back(std::move(cards));

    auto table = [&](std::string_view name, const auto &columns, const char *arrayName, std::string_view picture) {
        Sheet sheet{std::string(name), {headerOf(columns)}, {}};
        for (const auto &entity : json[arrayName]) {
            sheet.rows.push_back(rowOf(entity, columns, picture));
            sheet.rowIds.push_back(entity["id"].get<std::string>());
        }
        book.sheets.push_back(std::move(sheet));
    };
    table(workbook::kPersonas, kPersonaColumns, "personas", kPersonaPicture);
    table(workbook::kStages, kStageColumns, "stages", {});
    table(workbook::kLanes, kLaneColumns, "lanes", {});

    Sheet journey{std::string(workbook::kJourney), {{{"field", false}, {"value", false}}}, {}};
    const std::vector<SheetCell> fields = rowOf(json["journey"], kJourneyFields, {});
    for (std::size_t i = 0; i < std::size(kJourneyFields); ++i)
        journey.rows.push_back({{std::string(kJourneyFields[i].header), false}, fields[i]});
    journey.rows.push_back({{std::string(workbook::kMoreColumn), false}, fields.back()});
    journey.rows.push_back({{std::string(kGeneratorField), false}, {json.value("generator", std::string()), false}});
    Json top = json;
    for (const char *known : {"format", "version", "generator", "journey", "personas", "stages", "lanes", "cards"})
        top.erase(known);
    journey.rows.push_back({{std::string(kMapMoreField), false}, {top.empty() ? std::string() : top.dump(), false}});
    book.sheets.push_back(std::move(journey));
    return book;
}

std::vector<ColumnChoices> workbookChoices(const Document &document)
{
    const Labels labels = labelsOf(document);
    std::vector<std::string> channels(kKnownChannels.begin(), kKnownChannels.end());
    return {
        {"persona", labels.personas},  {"stage", labels.stages},
        {"lane", labels.lanes},        {"channel", std::move(channels)},
        {"severity", {"1", "2", "3"}}, {"status", {"idea", "planned", "inProgress", "done"}},
    };
}

WorkbookImportResult workbookToMap(const Workbook &workbook, const std::set<std::string> &reservedIds)
{
    return WorkbookReader(workbook, reservedIds).run();
}

SheetContents workbookSheetContents(const Workbook &book)
{
    SheetContents contents;
    const Sheet *cards = book.find(workbook::kCards);
    if (!cards || cards->rows.empty())
        return contents;
    for (const SheetCell &cell : cards->rows.front()) {
        const std::string header = lower(trimmed(cell.text));
        if (header == lower(std::string(workbook::kMoreColumn))) {
            // Everything the columns do not show, but the picture.
            contents.cardFields.insert({"comments", "unknown"});
            contents.nestedUnknown = true;
            continue;
        }
        for (const Column &column : kCardColumns) {
            if (column.header != header)
                continue;
            if (column.key == "persona" || column.key == "stage" || column.key == "lane")
                contents.cardFields.insert("cell");
            else if (column.key != "id")
                contents.cardFields.insert(std::string(column.key));
        }
    }
    return contents;
}

} // namespace cjm
