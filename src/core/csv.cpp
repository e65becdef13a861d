#include "cjm/csv.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

namespace cjm {

namespace {

std::string quoted(const std::string &field)
{
    if (field.find_first_of(",\"\r\n") == std::string::npos)
        return field;
    std::string out = "\"";
    for (char c : field) {
        if (c == '"')
            out += "\"\"";
        else
            out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string number(double value)
{
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : std::string();
}

std::string rating(int value) { return value > 0 ? std::to_string(value) : std::string(); }

} // namespace

const std::vector<std::string> &cardCsvColumns()
{
    static const std::vector<std::string> columns = {
        "persona",     "stage",   "phase",   "lane",     "lane kind", "order",      "text",     "notes",
        "channel",     "direct",  "score",   "severity", "impact",    "status",     "tags",     "simple",
        "appropriate", "relevant", "meaningful", "engaging", "personal", "audit note", "reviewed", "link",
        "metric value", "metric target", "metric unit", "comments", "card id"};
    return columns;
}

std::string csvSafeText(const std::string &text)
{
    // A leading apostrophe is doubled too, so csvUnguardText can tell the
    // guard from text that really starts with one.
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\''))
        return "'" + text;
    return text;
}

std::string csvUnguardText(const std::string &text)
{
    if (text.size() >= 2 && text[0] == '\'' &&
        (text[1] == '=' || text[1] == '+' || text[1] == '-' || text[1] == '@' || text[1] == '\''))
        return text.substr(1);
    return text;
}

std::string csvRow(const std::vector<std::string> &fields)
{
    std::string row;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            row.push_back(',');
        row += quoted(fields[i]);
    }
    return row + "\r\n";
}

std::string writeCardCsv(const Document &document)
{
    std::string out = "\xEF\xBB\xBF";
    auto writeRow = [&out](const std::vector<std::string> &fields) { out += csvRow(fields); };
    writeRow(cardCsvColumns());

    std::unordered_map<std::string_view, std::size_t> personaRank, stageRank, laneRank;
    for (std::size_t i = 0; i < document.personas().size(); ++i)
        personaRank.emplace(document.personas()[i].id, i);
    for (std::size_t i = 0; i < document.stages().size(); ++i)
        stageRank.emplace(document.stages()[i].id, i);
    for (std::size_t i = 0; i < document.lanes().size(); ++i)
        laneRank.emplace(document.lanes()[i].id, i);
    std::vector<std::size_t> order(document.cards().size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    auto key = [&](std::size_t i) {
        const Card &c = document.cards()[i];
        return std::make_tuple(personaRank[c.persona], stageRank[c.stage], laneRank[c.lane], c.order, i);
    };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });

    for (std::size_t index : order) {
        const Card &card = document.cards()[index];
        const Persona *persona = document.persona(card.persona);
        const Stage *stage = document.stage(card.stage);
        const Lane *lane = document.lane(card.lane);
        const LaneKind kind = lane ? lane->kind : LaneKind::Notes;
        std::string tags;
        for (const auto &tag : card.tags)
            tags += (tags.empty() ? "" : "; ") + tag;
        const Audit audit = card.audit.value_or(Audit{});
        const bool showsSeverity = kind == LaneKind::PainPoints || kind == LaneKind::Barriers;
        const bool isOpportunity = kind == LaneKind::Opportunities;
        writeRow({
            csvSafeText(persona ? persona->name : card.persona),
            csvSafeText(stage ? stage->name : card.stage),
            stage ? std::string(toString(stage->phase)) : std::string(),
            csvSafeText(lane ? lane->title : std::string()),
            lane ? (kind == LaneKind::Unknown ? lane->kindName : std::string(toString(kind))) : std::string(),
            std::to_string(card.order),
            csvSafeText(card.text),
            csvSafeText(card.notes),
            csvSafeText(card.channel),
            kind == LaneKind::Touchpoints ? (card.direct ? "yes" : "no") : (card.direct ? "" : "no"),
            card.score ? std::to_string(*card.score) : std::string(),
            showsSeverity || card.severity != 2 ? std::to_string(card.severity) : std::string(),
            isOpportunity || card.impact != 2 ? std::to_string(card.impact) : std::string(),
            isOpportunity || card.status != OpportunityStatus::Idea ? std::string(toString(card.status)) : std::string(),
            csvSafeText(tags),
            rating(audit.simple),
            rating(audit.appropriate),
            rating(audit.relevant),
            rating(audit.meaningful),
            rating(audit.engaging),
            rating(audit.personal),
            csvSafeText(audit.note),
            audit.reviewed.value_or(""),
            card.link.value_or(""),
            card.metric && card.metric->value ? number(*card.metric->value) : std::string(),
            card.metric && card.metric->target ? number(*card.metric->target) : std::string(),
            card.metric ? csvSafeText(card.metric->unit.value_or("")) : std::string(),
            card.comments.empty() ? std::string() : std::to_string(card.comments.size()),
            card.id,
        });
    }
    return out;
}

bool parseCsv(std::string_view text, std::vector<std::vector<std::string>> &rows, std::string &error,
              std::vector<int> *rowLines, char delimiter)
{
    // Read as Python's csv module reads it (its default, non-strict dialect),
    // which is also how Excel and LibreOffice open such files:
    // - a quote opens a quoted field only as the field's first character;
    //   anywhere else it is text (24" monitor, and ' "abc"' keeps its space
    //   and its quotes, since nothing skips initial space);
    // - inside a quoted field "" is one quote; a single quote ends the
    //   quoting, and what follows it up to the delimiter is text of the same
    //   field ("abc"def is abcdef);
    // - CRLF, LF and a lone CR each end a row (old Mac and some exports use CR).
    // The one refusal is a quote opened and never closed: it would swallow
    // every row after it into one cell.
    rows.clear();
    if (rowLines)
        rowLines->clear();
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    State state = State::FieldStart;
    std::vector<std::string> row;
    std::string field;
    int line = 1;
    int quoteLine = 0;
    std::size_t quoteColumn = 0;
    int rowLine = 1;
    auto endField = [&] {
        row.push_back(std::move(field));
        field.clear();
        state = State::FieldStart;
    };
    auto endRow = [&] {
        endField();
        rows.push_back(std::move(row));
        row.clear();
        if (rowLines)
            rowLines->push_back(rowLine);
    };
    // A line ends at LF, at CR LF, or at a CR alone; `i` is left on its last character.
    auto lineEndAt = [&](std::size_t &i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
            ++i;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool newline = c == '\n' || c == '\r';
        switch (state) {
        case State::Quoted:
            if (c == '"') {
                state = State::QuoteInQuoted;
            } else if (newline) {
                const std::size_t from = i;
                lineEndAt(i);
                field.append(text.substr(from, i - from + 1));
                ++line;
            } else {
                field.push_back(c);
            }
            continue;
        case State::QuoteInQuoted:
            if (c == '"') {
                field.push_back('"');
                state = State::Quoted;
                continue;
            }
            break; // the quoting is over: a delimiter, a line end or text follows
        case State::FieldStart:
            if (c == '"') {
                state = State::Quoted;
                quoteLine = line;
                quoteColumn = row.size() + 1;
                continue;
            }
            break;
        case State::Unquoted: break;
        }
        if (c == delimiter) {
            endField();
        } else if (newline) {
            lineEndAt(i);
            endRow();
            ++line;
            rowLine = line;
        } else {
            field.push_back(c);
            state = State::Unquoted;
        }
    }
    if (state == State::Quoted) {
        error = "line " + std::to_string(quoteLine) + ", column " + std::to_string(quoteColumn) +
                ": a quoted field is never closed";
        return false;
    }
    if (state != State::FieldStart || !field.empty() || !row.empty())
        endRow();
    return true;
}

} // namespace cjm
