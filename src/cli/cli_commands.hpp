#pragma once
// The `cjm` subcommands. Each takes its arguments (after the subcommand name)
// and streams, and returns the process exit code; main() only dispatches.

#include <iosfwd>
#include <string>
#include <vector>

namespace cjm::cli {

struct Streams {
    std::ostream &out;
    std::ostream &err;
};

int runValidate(const std::vector<std::string> &args, Streams io);
int runInfo(const std::vector<std::string> &args, Streams io);
int runFmt(const std::vector<std::string> &args, Streams io);

} // namespace cjm::cli
