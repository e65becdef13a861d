#pragma once
#include <string>

#include "cjm/document_io.hpp"

namespace cjm::test {

std::string readText(const std::string &path);
// A small valid map whose parts tests change to provoke one problem each.
Json minimalMap();
// Reads `json` (dumped) and returns the problems.
Problems problemsOf(const Json &json);
Problems problemsOf(const std::string &bytes);
// Whether any problem has this pointer and contains `text` in its message.
bool hasProblem(const Problems &problems, const std::string &pointer, const std::string &text);
Document mustRead(const std::string &bytes);
// What goes wrong when `document` is written with the writer and read back
// with the reader (with `limits`): the reader's problems, or the first part
// that came back different. Empty when it reads back without a problem and equal.
std::string readBackDifference(const Document &document, const ReadLimits &limits = {});

} // namespace cjm::test
