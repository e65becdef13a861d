#pragma once
// Errors are values: a problem names its place (line and column for syntax,
// a JSON Pointer for content) and says what is wrong in plain words.

#include <string>
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
// the CLI prints and editors can jump to.
std::string formatProblem(const std::string &fileName, const Problem &problem);

} // namespace cjm
