#pragma once
// Errors are values: a problem names its place (line and column for syntax,
// a JSON Pointer for content) and says what is wrong in plain words.

#include <string>
#include <string_view>
#include <vector>

namespace cjm {

struct Problem {
    std::string message;
    std::string pointer; // JSON Pointer ("/cards/3/stage"); empty for syntax problems
    int line = 0;        // 1-based; 0 when the problem has no text position
    int column = 0;      // 1-based, counted in characters (not bytes)

    // "line 12, column 5: ..." or "/cards/3/stage: ..." or just the message.
    std::string toString() const;
    bool operator==(const Problem &) const = default;
};

using Problems = std::vector<Problem>;

// "a.cjm:12:5: message" / "a.cjm: /cards/3: message", the compiler-style form
// the CLI prints and editors can jump to; one line, through printableText.
std::string formatProblem(const std::string &fileName, const Problem &problem);

// Text from a file (or a file's name) made safe to show on a terminal, in a
// message or a log: the one function every such text goes through. What a
// terminal would act on or that reorders what follows is written as an escape:
// C0 controls and DEL as \x1b (line breaks as \n, \r), C1 controls, the
// line and paragraph separators U+2028/U+2029 and the bidi embeddings,
// overrides and isolates (U+202A-U+202E, U+2066-U+2069) as \u202e, and a byte
// that is not UTF-8 as \xff. Tabs stay; with `keepLineBreaks`, '\n' stays
// too. Escapes of non-ASCII characters take JSON's \uXXXX form, so JSON text
// stays JSON. Backslashes are left as they are: this is for reading, not a
// reversible encoding. Applying it twice changes nothing more.
std::string printableText(std::string_view text, bool keepLineBreaks = false);

} // namespace cjm
