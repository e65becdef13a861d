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

} // namespace cjm::test
