#pragma once
// cjm's command line as one table (CLI11): every subcommand, its arguments
// and options with their descriptions, from which the help is generated and
// by which the arguments are parsed. The subcommands themselves live in
// cli_commands, collab_commands and export_command.

#include <memory>
#include <optional>
#include <string>

#include "cli_commands.hpp"
#include "collab_commands.hpp"
#include "export_command.hpp"
#include "team_command.hpp"

namespace CLI {
class App;
}

namespace cjm::cli {

enum class Command { Validate, Info, Fmt, Export, Diff, Merge, Import, Team };

class CommandLine {
public:
    explicit CommandLine(const std::string &version);
    ~CommandLine();
    CommandLine(const CommandLine &) = delete;
    CommandLine &operator=(const CommandLine &) = delete;

    // Parses the arguments (without the program name). Returns the exit
    // code when nothing is left to run (help, the version, wrong usage, each
    // printed to `io`), or nothing when command() is to run.
    std::optional<int> parse(const std::vector<std::string> &args, Streams io);
    Command command() const { return m_command; }
    bool verbose() const { return m_verbose; }
    int run(Streams io) const;

private:
    std::unique_ptr<CLI::App> m_app;
    Command m_command = Command::Validate;
    bool m_verbose = false;
    std::string m_helpTopic;
    ValidateArgs m_validate;
    InfoArgs m_info;
    FmtArgs m_fmt;
    ExportArgs m_export;
    DiffArgs m_diff;
    MergeArgs m_merge;
    ImportArgs m_import;
    TeamArgs m_team;
    std::string m_importTitle;
};

} // namespace cjm::cli
