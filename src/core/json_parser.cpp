#include "json_parser.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace cjm::detail {

namespace {

using ObjectStorage = std::vector<std::pair<const std::string, Json>>;

class Parser {
public:
    Parser(std::string_view text, const JsonParseLimits &limits) : m_text(text), m_limits(limits) {}

    JsonParseResult run()
    {
        JsonParseResult result;
        skipWhitespace();
        if (atEnd()) {
            fail(m_pos, "the file is empty");
        } else {
            Json value;
            if (parseValue(value, 0, false)) {
                skipWhitespace();
                if (!atEnd())
                    fail(m_pos, "unexpected text after the end of the map's JSON object");
                else
                    result.value = std::move(value);
            }
        }
        if (!result.value) {
            result.problem = m_problem;
            result.notJson = m_notJson;
        }
        return result;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }

    bool fail(std::size_t offset, std::string message)
    {
        if (!m_failed) {
            m_failed = true;
            m_problem.message = std::move(message);
            lineAndColumn(m_text, offset, m_problem.line, m_problem.column);
        }
        return false;
    }
    // Valid JSON that a map may not hold (a duplicate key, a limit).
    bool refuse(std::size_t offset, std::string message)
    {
        if (!m_failed)
            m_notJson = false;
        return fail(offset, std::move(message));
    }

    bool failTruncated(const char *inside)
    {
        return fail(m_text.size(), std::string("the file ends in the middle of ") + inside +
                                       " (it may have been cut off while saving or copying)");
    }

    void skipWhitespace()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                ++m_pos;
            else
                break;
        }
    }

    std::string describeCharAt(std::size_t offset) const
    {
        const unsigned char c = static_cast<unsigned char>(m_text[offset]);
        if (c >= 0x21 && c < 0x7f)
            return std::string("'") + static_cast<char>(c) + "'";
        return "a character that does not belong there";
    }

    bool parseValue(Json &out, int depth, bool isDataValue, std::string_view key = {})
    {
        skipWhitespace();
        if (atEnd())
            return failTruncated("a value");
        if (++m_values > m_limits.maxValues)
            return refuse(m_pos, "the file holds more than " + std::to_string(m_limits.maxValues) +
                                     " values, more than any map needs");
        switch (peek()) {
        case '{': return parseObject(out, depth + 1, key);
        case '[': return parseArray(out, depth + 1);
        case '"': {
            std::string s;
            if (!parseString(s, isDataValue ? m_limits.maxDataStringBytes : m_limits.maxStringBytes, isDataValue))
                return false;
            out = std::move(s);
            return true;
        }
        case 't': return parseLiteral("true", out, Json(true));
        case 'f': return parseLiteral("false", out, Json(false));
        case 'n': return parseLiteral("null", out, Json(nullptr));
        default:
            if (peek() == '-' || (peek() >= '0' && peek() <= '9'))
                return parseNumber(out);
            if (peek() == 'N' || peek() == 'I')
                return fail(m_pos, "NaN and Infinity are not numbers JSON allows");
            return fail(m_pos, "expected a value (text in quotes, a number, true, false, null, an object or a "
                               "list) but found " +
                                   describeCharAt(m_pos));
        }
    }

    bool parseLiteral(std::string_view word, Json &out, Json value)
    {
        if (m_text.substr(m_pos, word.size()) != word) {
            if (m_text.size() - m_pos < word.size() && word.substr(0, m_text.size() - m_pos) == m_text.substr(m_pos))
                return failTruncated("a value");
            return fail(m_pos, "expected a value but found " + describeCharAt(m_pos));
        }
        m_pos += word.size();
        out = std::move(value);
        return true;
    }

    bool enterDepth(int depth)
    {
        if (depth > m_limits.maxDepth)
            return refuse(m_pos, "the data is nested more than " + std::to_string(m_limits.maxDepth) +
                                     " levels deep, more than any map needs");
        return true;
    }

    bool parseObject(Json &out, int depth, std::string_view parentKey = {})
    {
        if (!enterDepth(depth))
            return false;
        ++m_pos; // '{'
        out = Json::object();
        auto &storage = static_cast<ObjectStorage &>(out.get_ref<Json::object_t &>());
        // Small objects check duplicates by a linear scan; big ones through a
        // set, so a hostile object with a million keys stays linear.
        std::unordered_set<std::string> seenKeys;
        skipWhitespace();
        if (!atEnd() && peek() == '}') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipWhitespace();
            if (atEnd())
                return failTruncated("an object");
            if (peek() != '"')
                return fail(m_pos, peek() == '}'
                                       ? "a comma before '}' is not allowed in JSON"
                                       : "expected a key in double quotes but found " + describeCharAt(m_pos));
            const std::size_t keyStart = m_pos;
            std::string key;
            if (!parseString(key, m_limits.maxStringBytes))
                return false;
            bool duplicate = false;
            if (storage.size() < 16) {
                for (const auto &entry : storage)
                    duplicate = duplicate || entry.first == key;
            } else {
                if (seenKeys.empty())
                    for (const auto &entry : storage)
                        seenKeys.insert(entry.first);
                duplicate = !seenKeys.insert(key).second;
            }
            if (duplicate)
                return refuse(keyStart,
                              "the key \"" + key + "\" appears twice in one object; a map may name each key once");
            skipWhitespace();
            if (atEnd())
                return failTruncated("an object");
            if (peek() != ':')
                return fail(m_pos, "expected ':' after the key \"" + key + "\"");
            ++m_pos;
            Json value;
            // Only a picture's "data" may be longer than other texts.
            const bool isData = key == "data" && (parentKey == "image" || parentKey == "avatar");
            if (!parseValue(value, depth, isData, key))
                return false;
            storage.emplace_back(std::move(key), std::move(value));
            skipWhitespace();
            if (atEnd())
                return failTruncated("an object");
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            return fail(m_pos, "expected ',' or '}' after a value in an object but found " + describeCharAt(m_pos));
        }
    }

    bool parseArray(Json &out, int depth)
    {
        if (!enterDepth(depth))
            return false;
        ++m_pos; // '['
        out = Json::array();
        auto &items = out.get_ref<Json::array_t &>();
        skipWhitespace();
        if (!atEnd() && peek() == ']') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipWhitespace();
            if (!atEnd() && peek() == ']')
                return fail(m_pos, "a comma before ']' is not allowed in JSON");
            Json value;
            if (!parseValue(value, depth, false))
                return false;
            items.push_back(std::move(value));
            skipWhitespace();
            if (atEnd())
                return failTruncated("a list");
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            return fail(m_pos, "expected ',' or ']' after a value in a list but found " + describeCharAt(m_pos));
        }
    }

    static void appendUtf8(std::string &s, std::uint32_t cp)
    {
        if (cp < 0x80) {
            s.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            s.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            s.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            s.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            s.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    bool parseHex4(std::uint32_t &value)
    {
        if (m_text.size() - m_pos < 4)
            return failTruncated("a text");
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos + i];
            value <<= 4;
            if (c >= '0' && c <= '9')
                value |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                value |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                value |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                return fail(m_pos - 2, "\\u must be followed by four hexadecimal digits");
        }
        m_pos += 4;
        return true;
    }

    // Length of the valid UTF-8 sequence at m_pos, or 0.
    std::size_t utf8SequenceLength() const
    {
        const auto *p = reinterpret_cast<const unsigned char *>(m_text.data()) + m_pos;
        const std::size_t left = m_text.size() - m_pos;
        const unsigned char c = p[0];
        auto cont = [&](std::size_t i) { return i < left && (p[i] & 0xC0) == 0x80; };
        if (c >= 0xC2 && c <= 0xDF)
            return cont(1) ? 2 : 0;
        if (c >= 0xE0 && c <= 0xEF) {
            if (!cont(1) || !cont(2))
                return 0;
            if (c == 0xE0 && p[1] < 0xA0)
                return 0; // overlong
            if (c == 0xED && p[1] >= 0xA0)
                return 0; // UTF-16 surrogate
            return 3;
        }
        if (c >= 0xF0 && c <= 0xF4) {
            if (!cont(1) || !cont(2) || !cont(3))
                return 0;
            if (c == 0xF0 && p[1] < 0x90)
                return 0;
            if (c == 0xF4 && p[1] >= 0x90)
                return 0; // past U+10FFFF
            return 4;
        }
        return 0;
    }

    bool failTooLong(std::size_t start, std::size_t maxBytes, bool isData)
    {
        if (isData)
            return refuse(start, "an embedded picture here is larger than the " +
                                     std::to_string(maxBytes / 4 * 3 / (1024 * 1024)) + " MiB a map may embed");
        return refuse(start,
                      "a text here is longer than the limit of " + std::to_string(maxBytes / (1024 * 1024)) + " MiB");
    }

    bool parseString(std::string &out, std::size_t maxBytes, bool isData = false)
    {
        const std::size_t start = m_pos;
        ++m_pos; // opening quote
        while (true) {
            if (atEnd())
                return failTruncated("a text");
            if (out.size() > maxBytes)
                return failTooLong(start, maxBytes, isData);
            // Copy the plain run in one go: most strings have no escapes.
            std::size_t runEnd = m_pos;
            while (runEnd < m_text.size()) {
                const unsigned char c = static_cast<unsigned char>(m_text[runEnd]);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                    break;
                ++runEnd;
            }
            out.append(m_text.data() + m_pos, runEnd - m_pos);
            m_pos = runEnd;
            if (atEnd())
                return failTruncated("a text");
            const unsigned char c = static_cast<unsigned char>(peek());
            if (c == '"') {
                ++m_pos;
                if (out.size() > maxBytes)
                    return failTooLong(start, maxBytes, isData);
                return true;
            }
            if (c < 0x20)
                return fail(m_pos, c == '\n' ? "a text is missing its closing quote before the end of the line"
                                             : "a control character must be written as an escape inside a text");
            if (c >= 0x80) {
                const std::size_t length = utf8SequenceLength();
                if (length == 0)
                    return fail(m_pos, "the file is not valid UTF-8 text here (was it saved in another encoding, "
                                       "such as GBK or Big5?)");
                out.append(m_text.data() + m_pos, length);
                m_pos += length;
                continue;
            }
            // Backslash escape.
            ++m_pos;
            if (atEnd())
                return failTruncated("a text");
            const char e = peek();
            ++m_pos;
            switch (e) {
            case '"': out.push_back('"'); break;
            case '\\': out.push_back('\\'); break;
            case '/': out.push_back('/'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!parseHex4(cp))
                    return false;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    std::uint32_t low = 0;
                    if (m_text.substr(m_pos, 2) != "\\u")
                        return fail(m_pos, "a \\u escape for half of a character is not followed by its other half");
                    m_pos += 2;
                    if (!parseHex4(low))
                        return false;
                    if (low < 0xDC00 || low > 0xDFFF)
                        return fail(m_pos - 6,
                                    "a \\u escape for half of a character is not followed by its other half");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return fail(m_pos - 6, "a \\u escape names half of a character without its first half");
                }
                appendUtf8(out, cp);
                break;
            }
            default: return fail(m_pos - 2, "unknown escape sequence in a text");
            }
        }
    }

    bool parseNumber(Json &out)
    {
        const std::size_t start = m_pos;
        bool isInteger = true;
        if (peek() == '-')
            ++m_pos;
        if (atEnd())
            return failTruncated("a number");
        if (peek() == '0') {
            ++m_pos;
        } else if (peek() >= '1' && peek() <= '9') {
            while (!atEnd() && peek() >= '0' && peek() <= '9')
                ++m_pos;
        } else {
            return fail(m_pos, peek() == 'I' ? "NaN and Infinity are not numbers JSON allows"
                                             : "a number must have digits after '-'");
        }
        if (!atEnd() && peek() == '.') {
            isInteger = false;
            ++m_pos;
            if (atEnd() || !(peek() >= '0' && peek() <= '9'))
                return fail(m_pos, "a number needs digits after its decimal point");
            while (!atEnd() && peek() >= '0' && peek() <= '9')
                ++m_pos;
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            isInteger = false;
            ++m_pos;
            if (!atEnd() && (peek() == '+' || peek() == '-'))
                ++m_pos;
            if (atEnd() || !(peek() >= '0' && peek() <= '9'))
                return fail(m_pos, "a number needs digits in its exponent");
            while (!atEnd() && peek() >= '0' && peek() <= '9')
                ++m_pos;
        }
        if (!atEnd() && peek() >= '0' && peek() <= '9')
            return fail(start, "a number must not start with 0 followed by more digits");
        const char *first = m_text.data() + start;
        const char *last = m_text.data() + m_pos;
        if (isInteger) {
            std::int64_t i = 0;
            auto [ptr, ec] = std::from_chars(first, last, i);
            if (ec == std::errc() && ptr == last) {
                out = i;
                return true;
            }
            std::uint64_t u = 0;
            auto [uptr, uec] = std::from_chars(first, last, u);
            if (uec == std::errc() && uptr == last) {
                out = u;
                return true;
            }
            // Too long for 64 bits: fall through to double, as JSON allows.
        }
        double d = 0;
        auto [ptr, ec] = std::from_chars(first, last, d);
        if (ec != std::errc() || ptr != last || !std::isfinite(d))
            return refuse(start, "the number " + std::string(first, std::min<std::size_t>(last - first, 40)) +
                                     " is too large or too small to store");
        out = d;
        return true;
    }

    std::string_view m_text;
    const JsonParseLimits &m_limits;
    std::size_t m_pos = 0;
    std::size_t m_values = 0;
    bool m_failed = false;
    bool m_notJson = true;
    Problem m_problem;
};

} // namespace

void lineAndColumn(std::string_view text, std::size_t offset, int &line, int &column)
{
    if (offset > text.size())
        offset = text.size();
    line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    column = 1;
    for (std::size_t i = lineStart; i < offset; ++i) {
        // Count characters, not bytes: continuation bytes do not start one.
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++column;
    }
}

JsonParseResult parseJson(std::string_view text, const JsonParseLimits &limits) { return Parser(text, limits).run(); }

} // namespace cjm::detail
