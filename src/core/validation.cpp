#include "validation.hpp"

#include "cjm/problem.hpp"

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

} // namespace cjm::detail
