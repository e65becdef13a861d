#pragma once
#include "cli_commands.hpp"

namespace cjm::cli {

// cjm export FILE -o OUT [...]: needs a QGuiApplication (offscreen is fine).
int runExport(const std::vector<std::string> &args, Streams io);

} // namespace cjm::cli
