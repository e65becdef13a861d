#pragma once
// A strict RFC 8259 JSON parser that builds an ordered_json (keys kept in file
// order, so unknown keys are written back where they were) and stops at the
// first problem with its line and column. Unlike nlohmann's own parser it
// refuses what a .cjm must never contain instead of guessing: duplicate keys,
// invalid UTF-8, numbers outside double's range, nesting past the limit, and
// strings past the size limit. It never throws and never recurses deeper than
// the nesting limit.

#include <cstddef>
#include <optional>
#include <string_view>

#include "cjm/model.hpp"
#include "cjm/problem.hpp"

namespace cjm::detail {

struct JsonParseLimits {
    int maxDepth = 64;
    std::size_t maxStringBytes = 1024u * 1024u;
    // Embedded images are base64 strings under the key "data"; they get their
    // own, larger limit (8 MiB decoded is about 11.2 MiB of base64).
    std::size_t maxDataStringBytes = 12u * 1024u * 1024u;
    // Every value costs memory beyond its bytes (about 29x the file for
    // "[{},{},...]"): a cap keeps a 256 MiB file from needing gigabytes.
    // 4M values is some 470,000 cards.
    std::size_t maxValues = 4u * 1024u * 1024u;
};

struct JsonParseResult {
    std::optional<Json> value;
    Problem problem; // set when value is empty
    // Whether the text breaks JSON's own grammar (RFC 8259). False when it is
    // JSON that a map may not hold: a key twice in one object (RFC 8259
    // allows that), or past one of the limits above.
    bool notJson = true;
};

JsonParseResult parseJson(std::string_view text, const JsonParseLimits &limits = {});

// 1-based line and column (in characters) of a byte offset.
void lineAndColumn(std::string_view text, std::size_t offset, int &line, int &column);

} // namespace cjm::detail
