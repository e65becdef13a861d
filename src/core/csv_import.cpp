#include "cjm/csv_import.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iconv.h>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "cjm/audit.hpp"
#include "cjm/csv.hpp"
#include "cjm/document_io.hpp"
#include "cjm/fields.hpp"
#include "cjm/sheet_update.hpp"
#include "csv_fields.hpp"
#include "validation.hpp"

namespace cjm {

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view s)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return std::string(s);
}

// "line 3, column 2: " for byte `offset`, the column being the field's number
// in its row as the CSV is read (the delimiter guessed from the bytes).
std::string positionAt(std::string_view bytes, std::size_t offset)
{
    const CsvPosition at = csvPositionAt(bytes, offset, guessCsvDelimiter(bytes));
    return "line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": ";
}

const char *iconvName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return "UTF-8";
    case TextEncoding::Gb18030: return "GB18030";
    case TextEncoding::Big5: return "BIG5";
    }
    return "UTF-8";
}

// Converts with glibc's iconv; on failure `badOffset` is where the bad bytes start.
bool convertToUtf8(std::string_view bytes, TextEncoding encoding, std::string &out, std::size_t &badOffset)
{
    out.clear();
    iconv_t cd = ::iconv_open("UTF-8", iconvName(encoding));
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        badOffset = 0;
        return false;
    }
    std::string buffer(4096, '\0');
    char *in = const_cast<char *>(bytes.data());
    std::size_t inLeft = bytes.size();
    bool ok = true;
    while (inLeft > 0) {
        char *outPtr = buffer.data();
        std::size_t outLeft = buffer.size();
        const std::size_t r = ::iconv(cd, &in, &inLeft, &outPtr, &outLeft);
        out.append(buffer.data(), buffer.size() - outLeft);
        if (r == static_cast<std::size_t>(-1) && errno != E2BIG) {
            ok = false;
            badOffset = static_cast<std::size_t>(in - bytes.data());
            break;
        }
    }
    ::iconv_close(cd);
    return ok;
}

// How many double-byte characters fall in the encoding's block of common
// characters (and its punctuation): GB2312 level 1 for GB18030, the
// frequently used block for Big5. Real text scores high in its own encoding;
// the same bytes read as the other one mostly land elsewhere.
std::size_t commonCharacters(std::string_view bytes, TextEncoding encoding)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        if (lead < 0x80 || i + 1 >= bytes.size()) {
            ++i;
            continue;
        }
        const auto trail = static_cast<unsigned char>(bytes[i + 1]);
        if (encoding == TextEncoding::Gb18030) {
            if (trail >= 0x30 && trail <= 0x39) { // a four-byte sequence: rare characters
                i += 4;
                continue;
            }
            if (trail >= 0xA1 && trail <= 0xFE && ((lead >= 0xB0 && lead <= 0xD7) || (lead >= 0xA1 && lead <= 0xA3)))
                ++count;
        } else {
            const bool trailOk = (trail >= 0x40 && trail <= 0x7E) || (trail >= 0xA1 && trail <= 0xFE);
            if (trailOk &&
                ((lead >= 0xA4 && lead <= 0xC5) || (lead == 0xC6 && trail <= 0x7E) || (lead >= 0xA1 && lead <= 0xA3)))
                ++count;
        }
        i += 2;
    }
    return count;
}

constexpr std::pair<CsvField, std::string_view> kFieldNames[] = {
    {CsvField::Persona, "persona"},
    {CsvField::Stage, "stage"},
    {CsvField::Phase, "phase"},
    {CsvField::Lane, "lane"},
    {CsvField::LaneKind, "lane kind"},
    {CsvField::Order, "order"},
    {CsvField::Text, "text"},
    {CsvField::Notes, "notes"},
    {CsvField::Channel, "channel"},
    {CsvField::Direct, "direct"},
    {CsvField::Score, "score"},
    {CsvField::Desired, "desired"},
    {CsvField::Severity, "severity"},
    {CsvField::Impact, "impact"},
    {CsvField::Status, "status"},
    {CsvField::Tags, "tags"},
    {CsvField::Simple, "simple"},
    {CsvField::Appropriate, "appropriate"},
    {CsvField::Relevant, "relevant"},
    {CsvField::Meaningful, "meaningful"},
    {CsvField::Engaging, "engaging"},
    {CsvField::Personal, "personal"},
    {CsvField::AuditNote, "audit note"},
    {CsvField::Reviewed, "reviewed"},
    {CsvField::Link, "link"},
    {CsvField::MetricValue, "metric value"},
    {CsvField::MetricTarget, "metric target"},
    {CsvField::MetricUnit, "metric unit"},
    {CsvField::CardId, "card id"},
    {CsvField::PersonaId, "persona id"},
    {CsvField::StageId, "stage id"},
    {CsvField::LaneId, "lane id"},
    {CsvField::LanePosition, "lane position"},
    {CsvField::JourneyType, "journey type"},
};

// Header names other tables use.
constexpr std::pair<std::string_view, CsvField> kSynonyms[] = {
    {"card", CsvField::Text},     {"touchpoint", CsvField::Text},  {"description", CsvField::Text},
    {"content", CsvField::Text},  {"内容", CsvField::Text},        {"接触点", CsvField::Text},
    {"接觸點", CsvField::Text},   {"触点", CsvField::Text},        {"觸點", CsvField::Text},
    {"文本", CsvField::Text},     {"卡片", CsvField::Text},        {"note", CsvField::Notes},
    {"备注", CsvField::Notes},    {"備註", CsvField::Notes},       {"说明", CsvField::Notes},
    {"說明", CsvField::Notes},    {"用户画像", CsvField::Persona}, {"用戶畫像", CsvField::Persona},
    {"角色", CsvField::Persona},  {"人物", CsvField::Persona},     {"customer", CsvField::Persona},
    {"阶段", CsvField::Stage},    {"階段", CsvField::Stage},       {"step", CsvField::Stage},
    {"泳道", CsvField::Lane},     {"row", CsvField::Lane},         {"kind", CsvField::LaneKind},
    {"类型", CsvField::LaneKind}, {"類型", CsvField::LaneKind},    {"渠道", CsvField::Channel},
    {"通路", CsvField::Channel},  {"emotion", CsvField::Score},    {"情绪", CsvField::Score},
    {"情緒", CsvField::Score},    {"标签", CsvField::Tags},        {"標籤", CsvField::Tags},
    {"tag", CsvField::Tags},      {"url", CsvField::Link},         {"链接", CsvField::Link},
    {"連結", CsvField::Link},     {"id", CsvField::CardId},
};

// The keys of the table-field columns, by their index from FirstTableField.
const std::vector<std::string_view> &tableFieldNames()
{
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out;
        detail::forEachCsvTableField([&](const auto &field, std::size_t) { out.push_back(field.name); });
        return out;
    }();
    return names;
}

std::optional<std::string_view> tableFieldName(CsvField field)
{
    const auto index = static_cast<long long>(field) - static_cast<long long>(CsvField::FirstTableField);
    if (index < 0 || index >= static_cast<long long>(tableFieldNames().size()))
        return std::nullopt;
    return tableFieldNames()[static_cast<std::size_t>(index)];
}

CsvField tableField(std::size_t index)
{
    return static_cast<CsvField>(static_cast<int>(CsvField::FirstTableField) + static_cast<int>(index));
}

std::string quoteText(const std::string &value) { return "\u2018" + detail::shorten(value, 40) + "\u2019"; }

// The written form a table field's column takes (FieldFormat::Text: any
// text); nullopt for the other columns and the whole-number fields.
std::optional<FieldFormat> tableFieldFormat(CsvField column)
{
    std::optional<FieldFormat> format;
    detail::forEachCsvTableField([&](const auto &field, std::size_t index) {
        using Value = typename std::decay_t<decltype(field)>::ValueType;
        if constexpr (std::is_same_v<Value, std::optional<std::string>>)
            if (tableField(index) == column)
                format = field.format;
    });
    return format;
}

bool formatAccepts(FieldFormat format, const std::string &value)
{
    switch (format) {
    case FieldFormat::Text: return true;
    case FieldFormat::Color: return detail::isColor(value);
    case FieldFormat::Date: return detail::isDate(value);
    case FieldFormat::UtcTime: return detail::isUtcTime(value);
    case FieldFormat::Language: return canonicalLanguageTag(value).has_value();
    case FieldFormat::WebLink: return detail::isWebLink(value);
    }
    return false;
}

const char *formatWords(FieldFormat format)
{
    switch (format) {
    case FieldFormat::Text: return "text";
    case FieldFormat::Color: return "a color written #rrggbb";
    case FieldFormat::Date: return "a date written YYYY-MM-DD";
    case FieldFormat::UtcTime: return "a time written YYYY-MM-DDThh:mm:ssZ";
    case FieldFormat::Language: return "a language tag such as en or zh-CN";
    case FieldFormat::WebLink: return "a web address starting with http:// or https://";
    }
    return "";
}

std::optional<long long> wholeNumber(const std::string &text)
{
    long long value = 0;
    const char *begin = text.data();
    const char *end = text.data() + text.size();
    if (begin != end && *begin == '+')
        ++begin;
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end || begin == end)
        return std::nullopt;
    return value;
}

std::optional<double> realNumber(const std::string &text)
{
    if (text.empty())
        return std::nullopt;
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

LaneKind laneKindFromLabel(const std::string &text)
{
    const std::string l = lower(text);
    for (LaneKind kind : kKnownLaneKinds)
        if (lower(toString(kind)) == l)
            return kind;
    static const std::pair<std::string_view, LaneKind> labels[] = {{"touchpoint", LaneKind::Touchpoints},
                                                                   {"action", LaneKind::Actions},
                                                                   {"thought", LaneKind::Thoughts},
                                                                   {"emotion", LaneKind::Emotions},
                                                                   {"pain points", LaneKind::PainPoints},
                                                                   {"pain point", LaneKind::PainPoints},
                                                                   {"opportunity", LaneKind::Opportunities},
                                                                   {"barrier", LaneKind::Barriers},
                                                                   {"owner", LaneKind::Owners},
                                                                   {"kpi", LaneKind::Kpis},
                                                                   {"note", LaneKind::Notes}};
    for (const auto &[label, kind] : labels)
        if (label == l)
            return kind;
    return LaneKind::Unknown;
}

// Builds the map row by row; each row's problems are collected, not thrown.
class Importer {
public:
    Importer(const CsvTable &table, const CsvImportOptions &options, const CsvColumnMapping &mapping)
        : m_table(table), m_options(options), m_mapping(mapping)
    {
    }

    CsvImportResult run()
    {
        CsvImportResult result;
        result.encoding = m_table.encoding;
        result.mapping = m_mapping;
        if (std::find(m_mapping.columns.begin(), m_mapping.columns.end(), CsvField::Text) == m_mapping.columns.end()) {
            result.error = "no column holds the card text: map one with text (the header has: " + headerList() + ")";
            return result;
        }
        // Ids from the file's "card id" column are kept when valid and unique.
        for (const auto &row : m_table.rows)
            for (CsvField field : {CsvField::CardId, CsvField::PersonaId, CsvField::StageId, CsvField::LaneId}) {
                const std::string id = trim(cell(row, field));
                if (detail::isId(id))
                    m_fileIds.insert(id);
            }
        m_fileIds.insert(m_options.reservedIds.begin(), m_options.reservedIds.end());
        for (std::size_t r = 0; r < m_table.rows.size(); ++r) {
            std::string problems;
            Pending pending = readRow(m_table.rows[r], problems);
            if (!problems.empty()) {
                result.badRows.push_back({m_table.lines[r], problems});
                continue;
            }
            commit(std::move(pending));
        }
        if (!result.badRows.empty() && !m_options.skipBadRows)
            return result;
        // A header alone (the inventory of a map without cards) is a map
        // without cards; rows that were all refused are an error.
        if (m_cards.empty() && !m_table.rows.empty()) {
            result.error = "no row could be imported";
            return result;
        }
        Journey journey;
        journey.id = freshId("journey");
        journey.title = m_options.title;
        journey.type = m_journeyType.value_or(MapType::Current);
        orderAsRowsShow(m_personas, m_personaSequences);
        orderAsRowsShow(m_stages, m_stageSequences);
        orderAsRowsShow(m_lanes, m_laneSequences);
        std::stable_sort(m_lanes.begin(), m_lanes.end(), [&](const Lane &a, const Lane &b) {
            const auto pa = m_lanePositions.find(a.id), pb = m_lanePositions.find(b.id);
            const long long none = std::numeric_limits<long long>::max();
            return (pa == m_lanePositions.end() ? none : pa->second) <
                   (pb == m_lanePositions.end() ? none : pb->second);
        });
        Document doc = Document::fromParts(std::move(journey), std::move(m_personas), std::move(m_stages),
                                           std::move(m_lanes), std::move(m_cards));
        // The reader has the last word: what it refuses, we do not hand out.
        ReadResult check = readDocument(writeDocument(doc));
        if (!check.ok()) {
            result.error = "the imported map is not valid: " + check.problems.front().toString();
            return result;
        }
        result.cardsImported = check.document->cards().size();
        result.document = std::move(check.document);
        return result;
    }

private:
    struct Pending {
        std::string persona, stage, laneTitle, laneKind;
        std::string personaId, stageId, laneId; // from the file; empty when it gives none
        std::optional<Phase> phase;
        std::optional<std::int64_t> order;
        Card card;
        std::string fileId;
        std::optional<MapType> journeyType;
        std::optional<long long> lanePosition;
    };

    std::string headerList() const
    {
        std::string out;
        for (const auto &h : m_table.header)
            out += (out.empty() ? "" : ", ") + quoteText(h);
        return out;
    }

    // "column 3 ‘Colour’": the column the field is mapped to.
    std::string columnLabel(CsvField field) const
    {
        for (std::size_t i = 0; i < m_mapping.columns.size(); ++i)
            if (m_mapping.columns[i] == field)
                return "column " + std::to_string(i + 1) +
                       (i < m_table.header.size() ? " " + quoteText(m_table.header[i]) : std::string());
        return {};
    }

    std::string cell(const std::vector<std::string> &row, CsvField field) const
    {
        for (std::size_t i = 0; i < m_mapping.columns.size() && i < row.size(); ++i)
            if (m_mapping.columns[i] == field)
                return row[i];
        return {};
    }
    std::string text(const std::vector<std::string> &row, CsvField field) const
    {
        return csvUnguardText(cell(row, field));
    }

    Pending readRow(const std::vector<std::string> &row, std::string &problems)
    {
        auto problem = [&](const std::string &message) { problems += (problems.empty() ? "" : "; ") + message; };
        Pending p;
        // Fields past the header's columns are no column's data. Empty ones
        // (a spreadsheet's trailing commas) lose nothing; text there is a
        // problem of the row, never dropped in silence.
        const std::size_t width = m_table.header.size();
        for (std::size_t i = width; i < row.size(); ++i) {
            if (trim(row[i]).empty())
                continue;
            const auto more = std::count_if(row.begin() + static_cast<std::ptrdiff_t>(i) + 1, row.end(),
                                            [](const std::string &f) { return !trim(f).empty(); });
            problem("column " + std::to_string(i + 1) + " holds " + quoteText(row[i]) + ", past the header's " +
                    std::to_string(width) + (width == 1 ? " column" : " columns") +
                    (more > 0 ? " (and " + std::to_string(more) + " more past it)" : ""));
            break;
        }
        p.persona = trim(text(row, CsvField::Persona));
        p.stage = trim(text(row, CsvField::Stage));
        p.laneTitle = trim(text(row, CsvField::Lane));
        p.laneKind = trim(cell(row, CsvField::LaneKind));
        if (p.persona.empty())
            p.persona = m_options.defaultPersonaName;
        if (p.stage.empty())
            p.stage = m_options.defaultStageName;
        LaneKind kind = LaneKind::Unknown;
        if (!p.laneKind.empty()) {
            kind = laneKindFromLabel(p.laneKind);
            if (kind == LaneKind::Unknown) {
                // A kind from a newer version is kept as spelled, like the reader does.
                const bool word = std::all_of(p.laneKind.begin(), p.laneKind.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
                });
                if (!word)
                    problem("lane kind " + quoteText(p.laneKind) +
                            " is not a kind of lane (touchpoints, actions, "
                            "thoughts, emotions, painPoints, opportunities, barriers, owners, kpis or notes)");
            } else {
                p.laneKind = std::string(toString(kind));
            }
        } else {
            kind = p.laneTitle.empty() ? m_options.defaultLaneKind : laneKindFromLabel(p.laneTitle);
            if (kind == LaneKind::Unknown)
                kind = m_options.defaultLaneKind;
            else
                p.laneTitle.clear(); // the title only names its kind: shown in the reader's language
            p.laneKind = std::string(toString(kind));
        }
        const std::string phase = trim(cell(row, CsvField::Phase));
        if (!phase.empty()) {
            p.phase = phaseFromString(phase);
            if (!p.phase)
                problem("phase must be before, during or after, but it is " + quoteText(phase));
        }
        const std::string order = trim(cell(row, CsvField::Order));
        if (!order.empty()) {
            auto n = wholeNumber(order);
            if (!n || *n < 0)
                problem("order must be a whole number from 0 up, but it is " + quoteText(order));
            else
                p.order = *n;
        }
        Card &c = p.card;
        c.text = text(row, CsvField::Text);
        c.notes = text(row, CsvField::Notes);
        c.channel = trim(text(row, CsvField::Channel));
        const std::string direct = lower(trim(cell(row, CsvField::Direct)));
        if (direct == "no" || direct == "false" || direct == "0" || direct == "indirect")
            c.direct = false;
        else if (!direct.empty() && direct != "yes" && direct != "true" && direct != "1" && direct != "direct")
            problem("direct must be yes or no, but it is " + quoteText(direct));
        auto ranged = [&](CsvField field, int low, int high, const char *what) -> std::optional<int> {
            const std::string value = trim(cell(row, field));
            if (value.empty())
                return std::nullopt;
            auto n = wholeNumber(value);
            if (!n || *n < low || *n > high) {
                problem(std::string(toString(field)) + " must be " + what + ", but it is " + quoteText(value));
                return std::nullopt;
            }
            return static_cast<int>(*n);
        };
        // Ranges are the field table's (fields.hpp), defaults the model's.
        auto rangedField = [&](CsvField column, const auto &field, const char *what) {
            return ranged(column, field.min, field.max, what);
        };
        c.score = rangedField(CsvField::Score, fields::card::score, "a whole number from -3 to 3");
        c.desired = rangedField(CsvField::Desired, fields::card::desired, "a whole number from -3 to 3");
        if (effectiveKind(kind) == LaneKind::Emotions && !c.score && trim(cell(row, CsvField::Score)).empty())
            problem("an emotion card needs a score from -3 to 3");
        c.severity = rangedField(CsvField::Severity, fields::card::severity, "1, 2 or 3").value_or(Card{}.severity);
        c.impact = rangedField(CsvField::Impact, fields::card::impact, "1, 2 or 3").value_or(Card{}.impact);
        const std::string status = trim(cell(row, CsvField::Status));
        if (!status.empty()) {
            std::string compact;
            for (char ch : lower(status))
                if (ch != ' ')
                    compact.push_back(ch);
            if (compact == "inprogress")
                compact = "inProgress";
            auto s = opportunityStatusFromString(compact);
            if (!s)
                problem("status must be idea, planned, inProgress or done, but it is " + quoteText(status));
            else
                c.status = *s;
        }
        const std::string tags = text(row, CsvField::Tags);
        for (std::size_t start = 0; start <= tags.size();) {
            std::size_t end = tags.find(';', start);
            if (end == std::string::npos)
                end = tags.size();
            std::string tag = trim(std::string_view(tags).substr(start, end - start));
            if (!tag.empty())
                c.tags.push_back(std::move(tag));
            start = end + 1;
        }
        Audit audit;
        audit.simple = ranged(CsvField::Simple, 0, kMaxAuditRating, "a rating from 0 to 5").value_or(0);
        audit.appropriate = ranged(CsvField::Appropriate, 0, kMaxAuditRating, "a rating from 0 to 5").value_or(0);
        audit.relevant = ranged(CsvField::Relevant, 0, kMaxAuditRating, "a rating from 0 to 5").value_or(0);
        audit.meaningful = ranged(CsvField::Meaningful, 0, kMaxAuditRating, "a rating from 0 to 5").value_or(0);
        audit.engaging = ranged(CsvField::Engaging, 0, kMaxAuditRating, "a rating from 0 to 5").value_or(0);
        audit.personal = ranged(CsvField::Personal, 0, kMaxAuditRating, "a rating from 0 to 5").value_or(0);
        audit.note = text(row, CsvField::AuditNote);
        const std::string reviewed = trim(cell(row, CsvField::Reviewed));
        if (!reviewed.empty()) {
            if (detail::isDate(reviewed))
                audit.reviewed = reviewed;
            else
                problem("reviewed must be a date written YYYY-MM-DD, but it is " + quoteText(reviewed));
        }
        if (!(audit == Audit{}))
            c.audit = std::move(audit);
        const std::string link = trim(cell(row, CsvField::Link));
        if (!link.empty()) {
            if (detail::isWebLink(link))
                c.link = link;
            else
                problem("link must be a web address starting with http:// or https://, but it is " + quoteText(link));
        }
        Metric metric;
        for (auto [field, target] :
             {std::pair{CsvField::MetricValue, &metric.value}, std::pair{CsvField::MetricTarget, &metric.target}}) {
            const std::string value = trim(cell(row, field));
            if (value.empty())
                continue;
            if (auto n = realNumber(value))
                *target = *n;
            else
                problem(std::string(toString(field)) + " must be a number, but it is " + quoteText(value));
        }
        const std::string unit = text(row, CsvField::MetricUnit);
        if (!unit.empty())
            metric.unit = unit;
        if (!(metric == Metric{}))
            c.metric = std::move(metric);
        // The table fields with no column of their own (fields.hpp): as the reader would take them.
        detail::forEachCsvTableField([&](const auto &field, std::size_t index) {
            const CsvField column = tableField(index);
            auto &value = c.*field.member;
            using Value = std::decay_t<decltype(value)>;
            // The column too: a column the user mapped by hand may be named otherwise ("Colour").
            const std::string name = std::string(field.name) + " (" + columnLabel(column) + ")";
            if constexpr (std::is_same_v<Value, std::string>) {
                value = text(row, column);
            } else if constexpr (std::is_same_v<Value, std::optional<std::string>>) {
                const std::string v = trim(text(row, column));
                if (v.empty())
                    return;
                switch (field.format) {
                case FieldFormat::Text: value = v; return;
                case FieldFormat::Color:
                    if (detail::isColor(v))
                        value = v;
                    else
                        problem(name + " must be a color written #rrggbb, but it is " + quoteText(v));
                    return;
                case FieldFormat::Date:
                    if (detail::isDate(v))
                        value = v;
                    else
                        problem(name + " must be a date written YYYY-MM-DD, but it is " + quoteText(v));
                    return;
                case FieldFormat::UtcTime:
                    if (detail::isUtcTime(v))
                        value = v;
                    else
                        problem(name + " must be a time written YYYY-MM-DDThh:mm:ssZ, but it is " + quoteText(v));
                    return;
                case FieldFormat::Language:
                    if (auto tag = canonicalLanguageTag(v))
                        value = *tag;
                    else
                        problem(name + " must be a language tag such as en or zh-CN, but it is " + quoteText(v));
                    return;
                case FieldFormat::WebLink:
                    if (detail::isWebLink(v))
                        value = v;
                    else
                        problem(name + " must be a web address starting with http:// or https://, but it is " +
                                quoteText(v));
                    return;
                }
            } else {
                const std::string what =
                    "a whole number from " + std::to_string(field.min) + " to " + std::to_string(field.max);
                const auto n = ranged(column, field.min, field.max, what.c_str());
                if constexpr (std::is_same_v<Value, int>)
                    value = n.value_or(Card{}.*field.member);
                else
                    value = n;
            }
        });
        p.fileId = trim(cell(row, CsvField::CardId));
        p.personaId = trim(cell(row, CsvField::PersonaId));
        p.stageId = trim(cell(row, CsvField::StageId));
        p.laneId = trim(cell(row, CsvField::LaneId));
        for (auto [field, id] : {std::pair{CsvField::PersonaId, &p.personaId}, std::pair{CsvField::StageId, &p.stageId},
                                 std::pair{CsvField::LaneId, &p.laneId}})
            if (!id->empty() && !detail::isId(*id))
                problem(std::string(toString(field)) + " must be letters, digits, - and _, but it is " +
                        quoteText(*id));
        const std::string position = trim(cell(row, CsvField::LanePosition));
        if (!position.empty()) {
            auto n = wholeNumber(position);
            if (!n || *n < 1)
                problem("lane position must be a whole number from 1 up, but it is " + quoteText(position));
            else
                p.lanePosition = *n;
        }
        const std::string type = trim(cell(row, CsvField::JourneyType));
        if (!type.empty()) {
            if (auto t = mapTypeFromString(type))
                p.journeyType = t;
            else
                problem("journey type must be current, future or dayInLife, but it is " + quoteText(type));
        }
        return p;
    }

    std::string freshId(const std::string &prefix)
    {
        for (int n = 1;; ++n) {
            std::string id = prefix + "-" + std::to_string(n);
            if (!m_fileIds.count(id) && !m_used.count(id)) {
                m_used.insert(id);
                return id;
            }
        }
    }

    void commit(Pending p)
    {
        if (p.journeyType && !m_journeyType)
            m_journeyType = p.journeyType;
        // A persona, stage or lane the file gives an id for is that one; else the one of that name.
        std::string &personaId = m_personaIds[p.personaId.empty() ? "name:" + p.persona : "id:" + p.personaId];
        if (personaId.empty()) {
            personaId = claimId(p.personaId, "persona");
            Persona persona;
            persona.id = personaId;
            persona.name = p.persona;
            m_personas.push_back(std::move(persona));
        }
        auto [stageIt, newStage] = m_stageIds.try_emplace(p.stageId.empty() ? "name:" + p.stage : "id:" + p.stageId);
        if (newStage) {
            stageIt->second = claimId(p.stageId, "stage");
            Stage stage;
            stage.id = stageIt->second;
            stage.name = p.stage;
            m_stages.push_back(std::move(stage));
        }
        if (p.phase) {
            for (auto &stage : m_stages)
                if (stage.id == stageIt->second && stage.phase == Phase::None)
                    stage.phase = *p.phase;
        }
        std::string &laneId = m_laneIds[p.laneId.empty() ? std::pair{p.laneTitle, p.laneKind}
                                                         : std::pair{"id:" + p.laneId, std::string()}];
        if (laneId.empty()) {
            laneId = claimId(p.laneId, "lane");
            Lane lane = Lane::make(laneId, laneKindFromString(p.laneKind), p.laneTitle);
            lane.kindName = p.laneKind;
            m_lanes.push_back(std::move(lane));
        }
        if (p.lanePosition) {
            auto [it, added] = m_lanePositions.try_emplace(laneId, *p.lanePosition);
            if (!added)
                it->second = std::min(it->second, *p.lanePosition);
        }
        noteSequence(m_personaSequences, std::string(), personaId);
        noteSequence(m_stageSequences, personaId, stageIt->second);
        noteSequence(m_laneSequences, personaId + '\n' + stageIt->second, laneId);
        Card card = std::move(p.card);
        card.persona = personaId;
        card.stage = stageIt->second;
        card.lane = laneId;
        // A row without an order goes after the cell's cards so far.
        Cell &cell = m_cells[card.persona + '\n' + card.stage + '\n' + card.lane];
        if (p.order) {
            card.order = *p.order;
        } else if (auto first = firstOrderAfter(cell.last, 1)) {
            card.order = *first;
        } else {
            renumber(cell);
            card.order = static_cast<std::int64_t>(cell.cards.size());
        }
        cell.last = std::max(cell.last.value_or(card.order), card.order);
        cell.cards.push_back(m_cards.size());
        if (detail::isId(p.fileId) && !m_used.count(p.fileId)) {
            card.id = p.fileId;
            m_used.insert(p.fileId);
        } else {
            card.id = freshId("card");
        }
        m_cards.push_back(std::move(card));
    }

    // The file's id when it is valid and not yet taken, else a fresh one.
    std::string claimId(const std::string &fileId, const std::string &prefix)
    {
        if (detail::isId(fileId) && !m_used.count(fileId)) {
            m_used.insert(fileId);
            return fileId;
        }
        return freshId(prefix);
    }

    // Rows list personas, stages within a persona and lanes within a cell in
    // display order (the inventory is sorted so). Each group's sequence says
    // which comes before which; the order keeps all of that, and otherwise
    // the order of first appearance.
    using Sequences = std::map<std::string, std::string>; // group -> the last id seen in it
    struct Precedence {
        Sequences last;
        std::set<std::pair<std::string, std::string>> edges; // (before, after)
    };
    static void noteSequence(Precedence &precedence, const std::string &group, const std::string &id)
    {
        auto [it, first] = precedence.last.try_emplace(group, id);
        if (!first && it->second != id) {
            precedence.edges.insert({it->second, id});
            it->second = id;
        }
    }
    template <typename Entity>
    static void orderAsRowsShow(std::vector<Entity> &entities, const Precedence &precedence)
    {
        std::map<std::string, int> incoming;
        for (const auto &[before, after] : precedence.edges)
            if (before != after)
                ++incoming[after];
        std::vector<Entity> ordered;
        std::vector<bool> placed(entities.size(), false);
        while (ordered.size() < entities.size()) {
            // The first (in order of appearance) with nothing left before it;
            // on a cycle (rows in no display order), the first not placed.
            std::optional<std::size_t> next;
            for (std::size_t i = 0; i < entities.size() && !next; ++i)
                if (!placed[i] && incoming[entities[i].id] == 0)
                    next = i;
            for (std::size_t i = 0; i < entities.size() && !next; ++i)
                if (!placed[i])
                    next = i;
            placed[*next] = true;
            for (const auto &[before, after] : precedence.edges)
                if (before == entities[*next].id && before != after)
                    --incoming[after];
            ordered.push_back(entities[*next]);
        }
        entities = std::move(ordered);
    }

    const CsvTable &m_table;
    const CsvImportOptions &m_options;
    const CsvColumnMapping &m_mapping;
    std::set<std::string> m_fileIds, m_used;
    std::unordered_map<std::string, std::string> m_personaIds, m_stageIds;
    std::map<std::pair<std::string, std::string>, std::string> m_laneIds;
    struct Cell {
        std::optional<std::int64_t> last; // the highest order so far
        std::vector<std::size_t> cards;   // indexes into m_cards, in row order
    };
    // Out of orders (firstOrderAfter): the cell's cards so far become 0, 1,
    // 2... in the order they sort in (by order, ties in row order).
    void renumber(Cell &cell)
    {
        std::stable_sort(cell.cards.begin(), cell.cards.end(),
                         [&](std::size_t a, std::size_t b) { return m_cards[a].order < m_cards[b].order; });
        for (std::size_t i = 0; i < cell.cards.size(); ++i)
            m_cards[cell.cards[i]].order = static_cast<std::int64_t>(i);
        cell.last = cell.cards.empty() ? std::nullopt : std::optional<std::int64_t>(cell.cards.size() - 1);
    }
    std::unordered_map<std::string, Cell> m_cells;
    Precedence m_personaSequences, m_stageSequences, m_laneSequences;
    std::optional<MapType> m_journeyType;
    std::map<std::string, long long> m_lanePositions; // lane id -> its "lane position"
    std::vector<Persona> m_personas;
    std::vector<Stage> m_stages;
    std::vector<Lane> m_lanes;
    std::vector<Card> m_cards;
};

} // namespace

std::string_view toString(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return "utf-8";
    case TextEncoding::Gb18030: return "gb18030";
    case TextEncoding::Big5: return "big5";
    }
    return {};
}

std::optional<TextEncoding> textEncodingFromName(std::string_view name)
{
    const std::string l = lower(name);
    if (l == "utf-8" || l == "utf8")
        return TextEncoding::Utf8;
    if (l == "gb18030" || l == "gbk" || l == "gb2312" || l == "cp936")
        return TextEncoding::Gb18030;
    if (l == "big5" || l == "big-5" || l == "cp950")
        return TextEncoding::Big5;
    return std::nullopt;
}

TextEncoding detectTextEncoding(std::string_view bytes)
{
    if (bytes.starts_with("\xEF\xBB\xBF") || detail::isUtf8(bytes))
        return TextEncoding::Utf8;
    std::string scratch;
    std::size_t bad = 0;
    const bool gb = convertToUtf8(bytes, TextEncoding::Gb18030, scratch, bad);
    const bool big5 = convertToUtf8(bytes, TextEncoding::Big5, scratch, bad);
    if (gb != big5)
        return gb ? TextEncoding::Gb18030 : TextEncoding::Big5;
    if (!gb)
        return TextEncoding::Utf8; // none fits; decoding as UTF-8 names the first bad line
    return commonCharacters(bytes, TextEncoding::Big5) > commonCharacters(bytes, TextEncoding::Gb18030)
               ? TextEncoding::Big5
               : TextEncoding::Gb18030;
}

bool decodeText(std::string_view bytes, TextEncoding encoding, std::string &utf8, std::string &error)
{
    if (encoding == TextEncoding::Utf8) {
        if (bytes.starts_with("\xEF\xBB\xBF"))
            bytes.remove_prefix(3);
        std::size_t bad = 0;
        if (!detail::isUtf8(bytes, &bad)) {
            error = positionAt(bytes, bad) + "the text is not UTF-8 (choose its encoding: GB18030 or Big5)";
            return false;
        }
        utf8.assign(bytes);
        return true;
    }
    std::size_t bad = 0;
    if (!convertToUtf8(bytes, encoding, utf8, bad)) {
        error = positionAt(bytes, bad) + "the text is not " + (encoding == TextEncoding::Big5 ? "Big5" : "GB18030") +
                " (choose another encoding)";
        return false;
    }
    if (utf8.starts_with("\xEF\xBB\xBF"))
        utf8.erase(0, 3);
    return true;
}

const std::vector<CsvField> &csvFields()
{
    static const std::vector<CsvField> fields = [] {
        std::vector<CsvField> out;
        for (const auto &[field, name] : kFieldNames)
            out.push_back(field);
        for (std::size_t i = 0; i < tableFieldNames().size(); ++i)
            out.push_back(tableField(i));
        return out;
    }();
    return fields;
}

std::string_view toString(CsvField field)
{
    for (const auto &[f, name] : kFieldNames)
        if (f == field)
            return name;
    if (auto name = tableFieldName(field))
        return *name;
    return "ignore";
}

std::optional<CsvField> csvFieldFromName(std::string_view name)
{
    const std::string l = trim(lower(name));
    if (l == "ignore")
        return CsvField::Ignore;
    for (const auto &[field, fieldName] : kFieldNames)
        if (fieldName == l)
            return field;
    for (std::size_t i = 0; i < tableFieldNames().size(); ++i)
        if (lower(tableFieldNames()[i]) == l)
            return tableField(i);
    return std::nullopt;
}

CsvColumnMapping guessCsvMapping(const std::vector<std::string> &header)
{
    CsvColumnMapping mapping;
    std::set<CsvField> taken;
    for (const auto &name : header) {
        const std::string l = trim(lower(name));
        std::optional<CsvField> field = csvFieldFromName(l);
        if (!field || field == CsvField::Ignore) {
            field = std::nullopt;
            for (const auto &[synonym, f] : kSynonyms)
                if (synonym == l)
                    field = f;
        }
        // A field goes to its first column only.
        if (field && taken.insert(*field).second)
            mapping.columns.push_back(*field);
        else
            mapping.columns.push_back(CsvField::Ignore);
    }
    return mapping;
}

CsvMappingGuess guessCsvMapping(const CsvTable &table)
{
    CsvMappingGuess guess{guessCsvMapping(table.header), {}};
    for (std::size_t c = 0; c < guess.mapping.columns.size(); ++c) {
        const CsvField field = guess.mapping.columns[c];
        const std::optional<FieldFormat> format = tableFieldFormat(field);
        if (!format || *format == FieldFormat::Text)
            continue;
        // Left out only when no value has the field's form (a "Color" column
        // of words: another meaning). One that has some is the field, and a
        // typo among its values is a bad row the import names, never a
        // column dropped without the rows saying so.
        std::optional<CsvIgnoredColumn> firstBad;
        bool anyFits = false;
        for (std::size_t r = 0; r < table.rows.size() && !anyFits; ++r) {
            if (c >= table.rows[r].size())
                continue;
            const std::string value = trim(csvUnguardText(table.rows[r][c]));
            if (value.empty())
                continue;
            if (formatAccepts(*format, value))
                anyFits = true;
            else if (!firstBad)
                firstBad = CsvIgnoredColumn{c, field, r < table.lines.size() ? table.lines[r] : 0, value};
        }
        if (firstBad && !anyFits) {
            guess.ignored.push_back(*firstBad);
            guess.mapping.columns[c] = CsvField::Ignore;
        }
    }
    return guess;
}

std::string describe(const CsvIgnoredColumn &ignored, const std::vector<std::string> &header)
{
    const std::string field(toString(ignored.field));
    const std::optional<FieldFormat> format = tableFieldFormat(ignored.field);
    return "column " + std::to_string(ignored.column + 1) +
           (ignored.column < header.size() ? " " + quoteText(header[ignored.column]) : std::string()) +
           " is not imported: " + field + " takes " + formatWords(format.value_or(FieldFormat::Text)) + ", but line " +
           std::to_string(ignored.line) + " has " + quoteText(ignored.value) + " (map the column to " + field +
           " to import it anyway)";
}

CsvTableResult readCsvTable(std::string_view bytes, std::optional<TextEncoding> encoding)
{
    CsvTableResult result;
    CsvTable table;
    table.encoding = encoding.value_or(detectTextEncoding(bytes));
    std::string text;
    if (!decodeText(bytes, table.encoding, text, result.error))
        return result;
    table.delimiter = guessCsvDelimiter(text);
    std::vector<std::vector<std::string>> rows;
    std::vector<int> lines;
    if (!parseCsv(text, rows, result.error, &lines, table.delimiter))
        return result;
    std::size_t first = 0;
    while (first < rows.size() &&
           std::all_of(rows[first].begin(), rows[first].end(), [](const std::string &f) { return trim(f).empty(); }))
        ++first;
    if (first == rows.size()) {
        result.error = "the file has no rows";
        return result;
    }
    table.header = rows[first];
    for (std::size_t r = first + 1; r < rows.size(); ++r) {
        if (std::all_of(rows[r].begin(), rows[r].end(), [](const std::string &f) { return trim(f).empty(); }))
            continue;
        table.rows.push_back(std::move(rows[r]));
        table.lines.push_back(lines[r]);
    }
    result.table = std::move(table);
    return result;
}

CsvImportResult importCardCsv(std::string_view bytes, const CsvImportOptions &options)
{
    CsvTableResult read = readCsvTable(bytes, options.encoding);
    if (!read.table) {
        CsvImportResult result;
        result.error = read.error;
        result.encoding = options.encoding.value_or(TextEncoding::Utf8);
        return result;
    }
    if (options.mapping)
        return Importer(*read.table, options, *options.mapping).run();
    const CsvMappingGuess guess = guessCsvMapping(*read.table);
    CsvImportResult result = Importer(*read.table, options, guess.mapping).run();
    for (const CsvIgnoredColumn &ignored : guess.ignored)
        result.notes.push_back(describe(ignored, read.table->header));
    return result;
}

} // namespace cjm

namespace cjm {

SheetContents csvSheetContents(const CsvColumnMapping &mapping)
{
    SheetContents contents;
    for (CsvField field : mapping.columns) {
        if (auto name = tableFieldName(field)) {
            contents.cardFields.insert(std::string(*name));
            continue;
        }
        switch (field) {
        case CsvField::Persona:
        case CsvField::Stage:
        case CsvField::Lane:
        case CsvField::LaneKind:
        case CsvField::PersonaId:
        case CsvField::StageId:
        case CsvField::LaneId: contents.cardFields.insert("cell"); break;
        case CsvField::Order: contents.cardFields.insert("order"); break;
        case CsvField::Simple:
        case CsvField::Appropriate:
        case CsvField::Relevant:
        case CsvField::Meaningful:
        case CsvField::Engaging:
        case CsvField::Personal:
        case CsvField::AuditNote:
        case CsvField::Reviewed: contents.cardFields.insert("audit"); break;
        case CsvField::MetricValue:
        case CsvField::MetricTarget:
        case CsvField::MetricUnit: contents.cardFields.insert("metric"); break;
        case CsvField::Text:
        case CsvField::Notes:
        case CsvField::Channel:
        case CsvField::Direct:
        case CsvField::Score:
        case CsvField::Desired:
        case CsvField::Severity:
        case CsvField::Impact:
        case CsvField::Status:
        case CsvField::Tags:
        case CsvField::Link: contents.cardFields.insert(std::string(toString(field))); break;
        case CsvField::Ignore:
        case CsvField::Phase:
        case CsvField::CardId:
        case CsvField::LanePosition:
        case CsvField::JourneyType:
        case CsvField::FirstTableField: break;
        }
    }
    return contents;
}

} // namespace cjm
