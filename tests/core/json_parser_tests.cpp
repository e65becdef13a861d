#include <catch2/catch.hpp>

#include "json_parser.hpp"

using cjm::detail::parseJson;

namespace {
cjm::Problem failureOf(std::string_view text, cjm::detail::JsonParseLimits limits = {})
{
    auto result = parseJson(text, limits);
    REQUIRE_FALSE(result.value.has_value());
    return result.problem;
}
} // namespace

TEST_CASE("parser keeps object keys in file order", "[json]")
{
    auto result = parseJson(R"({"z": 1, "a": [true, false, null], "m": {"y": "x"}})");
    REQUIRE(result.value);
    std::vector<std::string> keys;
    for (const auto &[k, v] : result.value->items())
        keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"z", "a", "m"});
}

TEST_CASE("parser reads numbers exactly as JSON defines them", "[json]")
{
    auto result = parseJson(R"([0, -7, 9223372036854775807, 18446744073709551615, 1.5, -2e3, 1E-2])");
    REQUIRE(result.value);
    const auto &a = *result.value;
    CHECK(a[0].get<std::int64_t>() == 0);
    CHECK(a[1].get<std::int64_t>() == -7);
    CHECK(a[2].get<std::int64_t>() == 9223372036854775807LL);
    CHECK(a[3].is_number_unsigned());
    CHECK(a[4].get<double>() == 1.5);
    CHECK(a[5].get<double>() == -2000.0);
    CHECK(a[6].get<double>() == Approx(0.01));
}

TEST_CASE("parser decodes escapes and surrogate pairs", "[json]")
{
    auto result = parseJson(R"(["a\"b\\c\/d\b\f\n\r\t", "\u4e2d\u6587", "\ud83d\ude00"])");
    REQUIRE(result.value);
    CHECK((*result.value)[0].get<std::string>() == "a\"b\\c/d\b\f\n\r\t");
    CHECK((*result.value)[1].get<std::string>() == "中文");
    CHECK((*result.value)[2].get<std::string>() == "\xF0\x9F\x98\x80");
}

TEST_CASE("syntax errors name line and column in characters", "[json]")
{
    auto p = failureOf("{\n  \"a\": 1,\n  \"中文\": x\n}");
    CHECK(p.line == 3);
    CHECK(p.column == 9); // two spaces, four characters of key with quotes, ':' and a space
    CHECK(p.message.find("expected a value") != std::string::npos);
}

TEST_CASE("trailing commas are refused with a clear message", "[json]")
{
    CHECK(failureOf("{\"a\": 1,}").message.find("comma before '}'") != std::string::npos);
    CHECK(failureOf("[1, 2,]").message.find("comma before ']'") != std::string::npos);
}

TEST_CASE("truncated input says the file ends too early", "[json]")
{
    for (std::string_view text : {"{\"a\": [1, 2", "{\"a\": \"unterminated", "{\"a\"", "{\"a\": tr", "[1, -"}) {
        INFO(text);
        CHECK(failureOf(text).message.find("ends in the middle") != std::string::npos);
    }
}

TEST_CASE("empty and whitespace-only input", "[json]")
{
    CHECK(failureOf("").message == "the file is empty");
    CHECK(failureOf("  \n ").message == "the file is empty");
}

TEST_CASE("duplicate keys are refused at the second key", "[json]")
{
    auto p = failureOf("{\"a\": 1,\n \"a\": 2}");
    CHECK(p.line == 2);
    CHECK(p.column == 2);
    CHECK(p.message.find("\"a\" appears twice") != std::string::npos);
}

TEST_CASE("duplicate keys in a large object are found too", "[json]")
{
    std::string text = "{";
    for (int i = 0; i < 5000; ++i)
        text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
    text += "\"k4321\": 0}";
    CHECK(failureOf(text).message.find("\"k4321\" appears twice") != std::string::npos);
}

TEST_CASE("invalid UTF-8 is refused with its place", "[json]")
{
    for (std::string_view bad : {std::string_view("[\"ok\xC3\x28\"]"), std::string_view("[\"\xED\xA0\x80\"]"),
                                 std::string_view("[\"\xC0\xAF\"]"), std::string_view("[\"\xF5\x80\x80\x80\"]"),
                                 std::string_view("[\"\xE4\xB8\"]")}) {
        auto p = failureOf(bad);
        CHECK(p.message.find("not valid UTF-8") != std::string::npos);
        CHECK(p.line == 1);
    }
}

TEST_CASE("lone surrogate escapes are refused", "[json]")
{
    CHECK(failureOf(R"(["\ud800"])").message.find("half of a character") != std::string::npos);
    CHECK(failureOf(R"(["\udc00"])").message.find("half of a character") != std::string::npos);
}

TEST_CASE("NaN, Infinity and numbers outside double's range are refused", "[json]")
{
    CHECK(failureOf("[NaN]").message.find("NaN and Infinity") != std::string::npos);
    CHECK(failureOf("[-Infinity]").message.find("NaN and Infinity") != std::string::npos);
    CHECK(failureOf("[1e999]").message.find("too large or too small") != std::string::npos);
    CHECK(failureOf("[-1e999]").message.find("too large or too small") != std::string::npos);
    CHECK(failureOf("[01]").message.find("start with 0") != std::string::npos);
    CHECK(failureOf("[1.]").message.find("decimal point") != std::string::npos);
}

TEST_CASE("nesting deeper than the limit is refused without deep recursion", "[json]")
{
    cjm::detail::JsonParseLimits limits;
    std::string ok(64, '[');
    ok += std::string(64, ']');
    CHECK(parseJson(ok, limits).value.has_value());
    std::string deep(100000, '[');
    auto p = failureOf(deep, limits);
    CHECK(p.message.find("nested more than 64 levels") != std::string::npos);
    CHECK(p.column == 65);
}

TEST_CASE("strings longer than the limit are refused; image data has its own limit", "[json]")
{
    cjm::detail::JsonParseLimits limits;
    limits.maxStringBytes = 100;
    limits.maxDataStringBytes = 1000;
    const std::string longText(500, 'x');
    CHECK(failureOf("{\"text\": \"" + longText + "\"}", limits).message.find("longer than the limit") !=
          std::string::npos);
    CHECK(parseJson("{\"image\": {\"data\": \"" + longText + "\"}}", limits).value.has_value());
    CHECK(parseJson("{\"avatar\": {\"data\": \"" + longText + "\"}}", limits).value.has_value());
    CHECK_FALSE(parseJson("{\"image\": {\"data\": \"" + std::string(2000, 'x') + "\"}}", limits).value.has_value());
    // A "data" key anywhere else is ordinary text.
    CHECK_FALSE(parseJson("{\"data\": \"" + longText + "\"}", limits).value.has_value());
    CHECK_FALSE(parseJson("{\"notes\": {\"data\": \"" + longText + "\"}}", limits).value.has_value());
}

TEST_CASE("text after the value and control characters are refused", "[json]")
{
    CHECK(failureOf("{} {}").message.find("after the end") != std::string::npos);
    CHECK(failureOf("[\"a\tb\"]").message.find("control character") != std::string::npos);
    CHECK(failureOf("[\"a\nb\"]").message.find("closing quote") != std::string::npos);
    CHECK(failureOf("[\"\\x\"]").message.find("unknown escape") != std::string::npos);
}

TEST_CASE("the number of values is capped, so memory stays bounded", "[json]")
{
    cjm::detail::JsonParseLimits limits;
    limits.maxValues = 1000;
    std::string many = "[";
    for (int i = 0; i < 2000; ++i)
        many += i ? ",{}" : "{}";
    many += "]";
    auto p = failureOf(many, limits);
    CHECK(p.message.find("more than 1000 values") != std::string::npos);
    std::string few = "[";
    for (int i = 0; i < 500; ++i)
        few += i ? ",{}" : "{}";
    few += "]";
    CHECK(parseJson(few, limits).value.has_value());
}
