#include "team_command.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <ostream>
#include <thread>

#include "cjm/document_io.hpp"
#include "cjm/file_io.hpp"
#include "schema.hpp"
#include "team_library.hpp"

namespace cjm::cli {

using team::TeamError;
using team::TeamLibrary;
using team::TeamMap;

namespace {

const char *const kTeamFooter =
    "CONNINFO is a libpq connection string, passed on as it is: \"host=db.example.com dbname=maps user=alice\n"
    "sslmode=verify-full\", \"service=maps\" (~/.pg_service.conf), or a postgresql:// URI. Passwords come\n"
    "from ~/.pgpass (or PGPASSFILE), never from cjm's settings. See docs/team.md.\n\n"
    "Exit codes: 0 done; 1 the server cannot be reached, permission denied, an unknown map, or a file\n"
    "that cannot be read or written (the message says which); 2 wrong usage.";

CLI::App *addAction(CLI::App &team, const char *name, const char *summary, TeamArgs &args, TeamAction action)
{
    CLI::App *sub = team.add_subcommand(name, summary);
    sub->group("Commands");
    sub->footer(kTeamFooter);
    sub->callback([&args, action] { args.action = action; });
    return sub;
}

std::ostream &line(std::ostream &out) { return out << std::endl; } // each line at once: watch is read live

void printChanges(const std::vector<team::AppliedChange> &applied, Streams io)
{
    for (const team::AppliedChange &change : applied) {
        for (const std::string &dropped : change.dropped)
            io.err << "cjm team watch: note: " << dropped << '\n';
        for (const Change &c : change.changes)
            io.out << change.author << ": " << c.description << line;
    }
}

int watch(TeamLibrary &library, const std::string &id, Streams io)
{
    library.listen();
    TeamMap map(library, id);
    io.err << "cjm team watch: watching map " << id << " at version " << map.seq() << '\n';
    std::chrono::milliseconds backoff(250);
    for (;;) {
        try {
            const std::vector<std::string> changed = library.waitForChange(1000);
            if (std::find(changed.begin(), changed.end(), id) != changed.end())
                printChanges(map.sync(true), io);
            backoff = std::chrono::milliseconds(250);
        } catch (const TeamError &error) {
            if (error.kind() != TeamError::Kind::Unreachable)
                throw;
            io.err << "cjm team watch: " << error.what() << "; retrying\n";
            // Back off up to 8 s between attempts; nothing is lost meanwhile:
            // the log is read from the last version seen.
            for (;;) {
                std::this_thread::sleep_for(backoff);
                backoff = std::min(backoff * 2, std::chrono::milliseconds(8000));
                try {
                    library.reconnect();
                    library.listen();
                    io.err << "cjm team watch: reconnected at version " << map.seq() << '\n';
                    printChanges(map.sync(true), io);
                    break;
                } catch (const TeamError &again) {
                    if (again.kind() != TeamError::Kind::Unreachable)
                        throw;
                }
            }
        }
    }
}

int push(TeamLibrary &library, const TeamArgs &args, Streams io)
{
    const ReadResult read = readDocumentFile(args.file);
    if (!read.ok()) {
        for (const Problem &p : read.problems)
            io.err << formatProblem(args.file, p) << '\n';
        io.err << "cjm team push: " << args.file << " is not a valid map; nothing sent\n";
        return 1;
    }
    if (!args.id.empty()) {
        std::optional<TeamMap> map;
        try {
            map.emplace(library, args.id);
        } catch (const TeamError &error) {
            if (error.kind() != TeamError::Kind::UnknownMap)
                throw;
        }
        if (map) {
            const std::size_t sent = map->sendDocument(*read.document);
            io.err << "cjm team push: " << sent << (sent == 1 ? " operation" : " operations") << " sent; map "
                   << args.id << " is at version " << map->seq() << '\n';
            io.out << args.id << '\n';
            return 0;
        }
    }
    const std::string id =
        library.create(*read.document, args.id.empty() ? std::nullopt : std::optional<std::string>(args.id));
    io.err << "cjm team push: new map " << id << " (you are its owner)\n";
    io.out << id << '\n';
    return 0;
}

int run(TeamLibrary &library, const TeamArgs &args, Streams io)
{
    switch (args.action) {
    case TeamAction::Init: {
        const int before = library.init();
        const int now = team::latestSchemaVersion();
        if (before == now)
            io.out << "the team library is up to date (schema version " << now << ")\n";
        else if (before == 0)
            io.out << "team library created (schema version " << now << ")\n";
        else
            io.out << "team library migrated from schema version " << before << " to " << now << '\n';
        return 0;
    }
    case TeamAction::List: {
        const std::vector<team::MapSummary> maps = library.list();
        if (maps.empty())
            io.err << "no maps you can see yet (cjm team push MAP.cjm adds one)\n";
        for (const team::MapSummary &m : maps)
            io.out << m.id << '\t' << m.access << "\tversion " << m.seq << '\t' << m.title << '\n';
        return 0;
    }
    case TeamAction::Push: return push(library, args, io);
    case TeamAction::Pull: {
        TeamMap map(library, args.id, args.version >= 0 ? std::optional<std::int64_t>(args.version) : std::nullopt);
        const IoResult written = defaultFileSystem().writeAtomically(args.output, writeDocument(map.document()));
        if (!written.ok) {
            io.err << args.output << ": could not save: " << written.error << '\n';
            return 1;
        }
        io.err << "cjm team pull: map " << args.id << " at version " << map.seq() << " written to " << args.output
               << '\n';
        return 0;
    }
    case TeamAction::History: {
        const std::vector<team::Version> versions = library.history(args.id);
        if (args.json) {
            Json out = Json::array();
            for (const team::Version &v : versions)
                out.push_back({{"version", v.version},
                               {"time", v.time},
                               {"author", v.author},
                               {"operations", v.operations},
                               {"summary", v.summary}});
            io.out << printableJson(out) << '\n';
            return 0;
        }
        for (const team::Version &v : versions)
            io.out << v.version << '\t' << v.time << '\t' << v.author << '\t' << v.summary << '\n';
        return 0;
    }
    case TeamAction::Grant: {
        const std::optional<team::Access> access = team::accessFromString(args.access);
        if (!access) {
            io.err << "cjm team grant: the access is viewer, editor or owner (got '" << args.access << "')\n";
            return 2;
        }
        library.grant(args.id, args.role, *access);
        io.out << args.role << " is now " << (*access == team::Access::Viewer ? "a " : "an ") << args.access
               << " of map " << args.id << '\n';
        return 0;
    }
    case TeamAction::Watch: return watch(library, args.id, io);
    }
    return 2;
}

} // namespace

CLI::App *addTeamCommand(CLI::App &app, TeamArgs &args)
{
    CLI::App *team = app.add_subcommand(
        "team", "the shared team library on PostgreSQL: init, list, push, pull, history, grant, watch");
    team->group("Commands");
    team->footer(kTeamFooter);
    team->require_subcommand(1);
    team->add_option("--db", args.db, "the server and database, as a libpq connection string")
        ->required()
        ->type_name("CONNINFO");

    addAction(*team, "init", "create the team library's tables in the database, or migrate them", args,
              TeamAction::Init);
    addAction(*team, "list", "the maps you can see: id, your access, version, title", args, TeamAction::List);
    CLI::App *push =
        addAction(*team, "push", "send a map as a new one (prints its id), or with --id as the changes to that map",
                  args, TeamAction::Push);
    push->add_option("MAP.cjm", args.file, "the map to send")->required()->type_name("");
    push->add_option("--id", args.id, "the map to update (created with this id if there is none)")->type_name("ID");
    CLI::App *pull =
        addAction(*team, "pull", "write a map as the server has it now (or an older version)", args, TeamAction::Pull);
    pull->add_option("ID", args.id, "the map")->required()->type_name("");
    pull->add_option("-o,--output", args.output, "the file to write")->required()->type_name("OUT.cjm");
    pull->add_option("--version", args.version, "the map as it was at this version (cjm team history lists them)")
        ->type_name("N")
        ->check(CLI::NonNegativeNumber);
    CLI::App *history =
        addAction(*team, "history", "a map's versions: version, time, author, what changed", args, TeamAction::History);
    history->add_option("ID", args.id, "the map")->required()->type_name("");
    history->add_flag("--json", args.json,
                      "as JSON: [{\"version\", \"time\", \"author\", \"operations\", \"summary\"}]");
    CLI::App *grant =
        addAction(*team, "grant", "give a database role access to a map (owners only)", args, TeamAction::Grant);
    grant->add_option("ID", args.id, "the map")->required()->type_name("");
    grant->add_option("ROLE", args.role, "the database role (a user or a group)")->required()->type_name("");
    grant->add_option("ACCESS", args.access, "viewer, editor or owner")
        ->required()
        ->type_name("")
        ->check(CLI::IsMember({"viewer", "editor", "owner"}));
    CLI::App *watch = addAction(*team, "watch", "print each change to a map as it arrives, in cjm diff's words", args,
                                TeamAction::Watch);
    watch->add_option("ID", args.id, "the map")->required()->type_name("");
    return team;
}

int runTeam(const TeamArgs &args, Streams io)
{
    try {
        TeamLibrary library(args.db);
        return run(library, args, io);
    } catch (const TeamError &error) {
        io.err << "cjm team: " << error.what() << '\n';
        return 1;
    }
}

} // namespace cjm::cli
