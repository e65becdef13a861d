#pragma once
// `cjm team`: the shared team library on PostgreSQL (docs/team.md) from the
// command line: init, list, push, pull, history, grant, watch.

#include <cstdint>
#include <string>

#include "cli_commands.hpp"

namespace CLI {
class App;
}

namespace cjm::cli {

enum class TeamAction { Init, List, Push, Pull, History, Grant, Watch };

struct TeamArgs {
    std::string db; // a libpq connection string, passed on as it is
    TeamAction action = TeamAction::List;
    std::string file;          // push: the map to send
    std::string id;            // the map's id (push: --id)
    std::string output;        // pull: -o
    std::int64_t version = -1; // pull --version; -1: the newest
    bool json = false;         // history --json
    std::string role;          // grant
    std::string access;        // grant: viewer, editor or owner
};

// Adds `team` and its subcommands to the command line table; returns it so
// the caller can set what parsing it selects.
CLI::App *addTeamCommand(CLI::App &app, TeamArgs &args);

// Exit 0 done, 1 when the server is unreachable, permission is denied, the
// map is unknown, or a file cannot be read or written (the message says which).
int runTeam(const TeamArgs &args, Streams io);

} // namespace cjm::cli
