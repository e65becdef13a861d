#pragma once
// The `cjm` subcommands. Each takes its arguments, as the command line table
// (command_line.hpp) parsed them, and streams, and returns the process exit
// code; main() only parses and dispatches.

#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "cjm/document_io.hpp"

namespace cjm::cli {

struct Streams {
    std::ostream &out;  // reports: printable text only (main() routes it through a PrintableStreambuf)
    std::ostream &err;  // messages: likewise
    std::ostream &data; // a file's own bytes (the merged map without -o), passed on unchanged
};

// Passes what is written to it on to `target` through printableText, keeping
// line breaks: every line the CLI prints to a terminal, whichever command
// wrote it and whatever text of a file or file name it quotes. It passes on
// a line at a time (and on flush), never splitting a UTF-8 sequence.
class PrintableStreambuf : public std::streambuf {
public:
    explicit PrintableStreambuf(std::streambuf *target) : m_target(target) {}
    ~PrintableStreambuf() override;
    PrintableStreambuf(const PrintableStreambuf &) = delete;
    PrintableStreambuf &operator=(const PrintableStreambuf &) = delete;

protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char *text, std::streamsize count) override;
    int sync() override;

private:
    bool passOn(bool all);

    std::streambuf *m_target;
    std::string m_pending;
};

// JSON for a terminal: as printableText would leave it, and still JSON
// (dump() leaves DEL as it is; it becomes \u007f here).
std::string printableJson(const Json &json);

struct ValidateArgs {
    std::vector<std::string> files;
    bool quiet = false;
};
struct InfoArgs {
    std::string file;
    bool json = false;
};
struct FmtArgs {
    std::vector<std::string> files;
    std::string output; // empty: in place
    bool check = false;
};

int runValidate(const ValidateArgs &args, Streams io);
int runInfo(const InfoArgs &args, Streams io);
int runFmt(const FmtArgs &args, Streams io);

} // namespace cjm::cli
