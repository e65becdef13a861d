#pragma once
// The `cjm` subcommands. Each takes its arguments (after the subcommand name)
// and streams, and returns the process exit code; main() only dispatches.

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace cjm::cli {

struct Streams {
    std::ostream &out;
    std::ostream &err;
};

struct Parsed {
    std::vector<std::string> files;
    std::map<std::string, std::string> options; // "--check" -> "", "-o" -> "out.cjm"
    std::string error;
};

// A small getopt: `flags` take no value, `withValue` take the next argument; "--" ends the options.
Parsed parseArgs(const std::vector<std::string> &args, const std::vector<std::string> &flags,
                 const std::vector<std::string> &withValue);

int runValidate(const std::vector<std::string> &args, Streams io);
int runInfo(const std::vector<std::string> &args, Streams io);
int runFmt(const std::vector<std::string> &args, Streams io);

} // namespace cjm::cli
