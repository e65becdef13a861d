#include "cjm/problem.hpp"

namespace cjm {

std::string Problem::toString() const
{
    if (line > 0)
        return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
    if (!pointer.empty())
        return pointer + ": " + message;
    return message;
}

std::string formatProblem(const std::string &fileName, const Problem &problem)
{
    // File names and messages both may carry a file's text (a duplicate key's
    // name, a value quoted): the whole line is made printable.
    if (problem.line > 0)
        return printableText(fileName + ":" + std::to_string(problem.line) + ":" + std::to_string(problem.column) +
                             ": " + problem.message);
    if (!problem.pointer.empty())
        return printableText(fileName + ": " + problem.pointer + ": " + problem.message);
    return printableText(fileName + ": " + problem.message);
}

namespace {
// The length of the UTF-8 sequence at the start of `s`, or 0 when it is not
// one (a stray continuation byte, an overlong form, a surrogate, past U+10FFFF,
// or cut short).
std::size_t utf8SequenceLength(std::string_view s, char32_t &codePoint)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF; // the allowed range of the second byte (RFC 3629)
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        codePoint = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        codePoint = lead & 0x0F;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        codePoint = lead & 0x07;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (s.size() < length)
        return 0;
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char c = byte(i);
        if (c < (i == 1 ? low : 0x80) || c > (i == 1 ? high : 0xBF))
            return 0;
        codePoint = (codePoint << 6) | (c & 0x3F);
    }
    return length;
}

// Characters a terminal acts on, or that reorder or break the text after them.
bool needsEscape(char32_t c)
{
    return (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}
} // namespace

std::string printableText(std::string_view text, bool keepLineBreaks)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    const auto escapeByte = [&](unsigned char c) {
        out += "\\x";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c == '\n')
                out += keepLineBreaks ? "\n" : "\\n";
            else if (c == '\r')
                out += "\\r";
            else if ((c < 0x20 && c != '\t') || c == 0x7F)
                escapeByte(c);
            else
                out.push_back(static_cast<char>(c));
            ++i;
            continue;
        }
        char32_t codePoint = 0;
        const std::size_t length = utf8SequenceLength(text.substr(i), codePoint);
        if (length == 0) {
            escapeByte(c); // not UTF-8: a terminal could take the byte for a C1 control
            ++i;
        } else if (needsEscape(codePoint)) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += kHex[(codePoint >> shift) & 0xF];
            i += length;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

} // namespace cjm
