#include "cjm/csv.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "csv_fields.hpp"

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
    static const std::vector<std::string> columns = [] {
        std::vector<std::string> out = {
            "persona", "stage", "phase", "lane", "lane kind", "order", "text", "notes", "channel", "direct", "score",
            "desired", "severity", "impact", "status", "tags", "simple", "appropriate", "relevant", "meaningful",
            "engaging", "personal", "audit note", "reviewed", "link", "metric value", "metric target", "metric unit",
            "comments", "card id",
            // So that an import gives back the same ids and the journey's type (docs/collaboration.md).
            "persona id", "stage id", "lane id", "lane position", "journey type"};
        // Then each plain card field of fields.hpp that has no column above, in table order.
        detail::forEachCsvTableField([&](const auto &field, std::size_t) { out.emplace_back(field.name); });
        return out;
    }();
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

    // A default is left empty unless the lane's kind shows it: model.hpp is the one place that says what it is.
    static const Card kDefaults{};
    for (const Card *cardInOrder : cardsInDisplayOrder(document)) {
        const Card &card = *cardInOrder;
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
        std::vector<std::string> row = {
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
            card.desired ? std::to_string(*card.desired) : std::string(),
            showsSeverity || card.severity != kDefaults.severity ? std::to_string(card.severity) : std::string(),
            isOpportunity || card.impact != kDefaults.impact ? std::to_string(card.impact) : std::string(),
            isOpportunity || card.status != kDefaults.status ? std::string(toString(card.status)) : std::string(),
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
            card.persona,
            card.stage,
            card.lane,
            // Lanes without a card in a common cell could not be ordered from the rows alone.
            lane ? std::to_string(*document.laneIndex(card.lane) + 1) : std::string(),
            std::string(toString(document.journey().type)),
        };
        // A table field's cell: empty for no value, and for a whole number equal to the model's default.
        detail::forEachCsvTableField([&](const auto &field, std::size_t) {
            const auto &value = card.*field.member;
            using Value = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<Value, std::string>)
                row.push_back(csvSafeText(value));
            else if constexpr (std::is_same_v<Value, std::optional<std::string>>)
                row.push_back(csvSafeText(value.value_or("")));
            else if constexpr (std::is_same_v<Value, int>)
                row.push_back(value == kDefaults.*field.member ? std::string() : std::to_string(value));
            else
                row.push_back(value ? std::to_string(*value) : std::string());
        });
        writeRow(row);
    }
    return out;
}

namespace {

// Reads CSV as Python's csv module reads it (its default, non-strict dialect):
// - a quote opens a quoted field only as the field's first character;
//   anywhere else it is text (24" monitor, and ' "abc"' keeps its space and
//   its quotes, since nothing skips initial space);
// - inside a quoted field "" is one quote; a single quote ends the quoting,
//   and what follows it up to the delimiter is text of the same field
//   ("abc"def is abcdef, "abc" x is 'abc x');
// - CRLF, LF and a lone CR each end a row (old Mac and some exports use CR).
// LibreOffice Calc 7.4 reads 24" monitor, "abc" x and CR line ends the same,
// but keeps "abc"def as written and drops the space of ' "abc"'. Where the
// tools differ we follow Python's rule: it is written down, and no text is
// lost either way.
// Only the ASCII delimiter, quote, CR and LF steer it, so it reads GB18030 and
// Big5 bytes as well as UTF-8: no byte of a multibyte character is one of them.
class CsvScanner {
public:
    CsvScanner(std::string_view text, char delimiter) : m_text(text), m_delimiter(delimiter) {}

    // Reads the text before `stop`, keeping the rows only when `keepRows`.
    void run(std::size_t stop, bool keepRows)
    {
        m_keepRows = keepRows;
        for (std::size_t i = 0; i < stop && i < m_text.size(); ++i)
            step(i);
    }
    // The text ended: the last row, if any, without a line end.
    void finish()
    {
        if (m_state != State::FieldStart || !m_field.empty() || !m_row.empty())
            endRow();
    }

    bool inQuotes() const { return m_state == State::Quoted; }
    int line() const { return m_line; }
    int column() const { return static_cast<int>(m_row.size()) + 1; } // the field being read
    int quoteLine() const { return m_quoteLine; }
    int quoteColumn() const { return m_quoteColumn; }
    std::vector<std::vector<std::string>> rows;
    std::vector<int> rowLines;

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };

    void endField()
    {
        m_row.push_back(std::move(m_field));
        m_field.clear();
        m_state = State::FieldStart;
    }
    void endRow()
    {
        endField();
        if (m_keepRows) {
            rows.push_back(std::move(m_row));
            rowLines.push_back(m_rowLine);
        }
        m_row.clear();
    }
    // A line ends at LF, at CR LF or at a CR alone; `i` is left on its last character.
    void skipLineEnd(std::size_t &i) const
    {
        if (m_text[i] == '\r' && i + 1 < m_text.size() && m_text[i + 1] == '\n')
            ++i;
    }

    void step(std::size_t &i)
    {
        const char c = m_text[i];
        const bool newline = c == '\n' || c == '\r';
        switch (m_state) {
        case State::Quoted:
            if (c == '"') {
                m_state = State::QuoteInQuoted;
            } else if (newline) {
                const std::size_t from = i;
                skipLineEnd(i);
                m_field.append(m_text.substr(from, i - from + 1));
                ++m_line;
            } else {
                m_field.push_back(c);
            }
            return;
        case State::QuoteInQuoted:
            if (c == '"') {
                m_field.push_back('"');
                m_state = State::Quoted;
                return;
            }
            break; // the quoting is over: a delimiter, a line end or text follows
        case State::FieldStart:
            if (c == '"') {
                m_state = State::Quoted;
                m_quoteLine = m_line;
                m_quoteColumn = column();
                return;
            }
            break;
        case State::Unquoted: break;
        }
        if (c == m_delimiter) {
            endField();
        } else if (newline) {
            skipLineEnd(i);
            endRow();
            ++m_line;
            m_rowLine = m_line;
        } else {
            m_field.push_back(c);
            m_state = State::Unquoted;
        }
    }

    std::string_view m_text;
    char m_delimiter;
    bool m_keepRows = true;
    State m_state = State::FieldStart;
    std::vector<std::string> m_row;
    std::string m_field;
    int m_line = 1;
    int m_rowLine = 1;
    int m_quoteLine = 0;
    int m_quoteColumn = 0;
};

} // namespace

bool parseCsv(std::string_view text, std::vector<std::vector<std::string>> &rows, std::string &error,
              std::vector<int> *rowLines, char delimiter)
{
    rows.clear();
    if (rowLines)
        rowLines->clear();
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    CsvScanner scanner(text, delimiter);
    scanner.run(text.size(), true);
    // The one refusal: a quote opened and never closed would swallow every
    // row after it into one cell.
    if (scanner.inQuotes()) {
        error = "line " + std::to_string(scanner.quoteLine()) + ", column " + std::to_string(scanner.quoteColumn()) +
                ": a quoted field is never closed";
        return false;
    }
    scanner.finish();
    rows = std::move(scanner.rows);
    if (rowLines)
        *rowLines = std::move(scanner.rowLines);
    return true;
}

CsvPosition csvPositionAt(std::string_view text, std::size_t offset, char delimiter)
{
    CsvScanner scanner(text, delimiter);
    scanner.run(offset, false);
    return {scanner.line(), scanner.column()};
}

char guessCsvDelimiter(std::string_view text)
{
    // As the scanner reads it: a quote opens quoting only at the start of a
    // field (after any of the candidates), and a doubled quote stays inside.
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool inQuotes = false;
    bool fieldStart = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                ++i;
            else if (c == '"')
                inQuotes = false;
            continue;
        }
        if (c == '\n' || c == '\r')
            break;
        if (c == '"' && fieldStart)
            inQuotes = true;
        commas += c == ',';
        semicolons += c == ';';
        tabs += c == '\t';
        fieldStart = c == ',' || c == ';' || c == '\t';
    }
    return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',';
}

} // namespace cjm
