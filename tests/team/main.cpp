// team_tests: the Catch2 tests, and small probes that tests/team/team_test.sh
// runs as processes of their own (to kill them with -9):
//
//   team_tests --journal-open   CONNINFO MAP JOURNAL   open the map once (caches it for offline starts), exit
//   team_tests --journal-writer CONNINFO MAP JOURNAL   start (offline), submit two edits, print "journaled N",
//                                                      then wait to be killed
//   team_tests --journal-send   CONNINFO MAP JOURNAL   start on that journal, sync, print "sent N pending M"
//   team_tests --present        CONNINFO MAP JOURNAL   be present with a selection, print "present CLIENT",
//                                                      then wait to be killed
//   team_tests --schema-at      CONNINFO VERSION       create or migrate the library only up to VERSION (to
//                                                      test cjm team init's migration from it)
//   team_tests --presence-check CONNINFO MAP CLIENT    print "row yes|no" (the row is still there) and
//                                                      "counted-later yes|no" (counted once its heartbeat is
//                                                      older than the presence timeout)
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <chrono>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>

#include "team_client.hpp"
#include "team_library.hpp"

using namespace cjm;
using namespace cjm::team;

namespace {

[[noreturn]] void waitToBeKilled()
{
    for (;;)
        std::this_thread::sleep_for(std::chrono::seconds(1));
}

int probe(const std::string &mode, const std::string &conninfo, const std::string &map, const std::string &last)
{
    try {
        if (mode == "--presence-check") {
            TeamLibrary library(conninfo);
            const ClientOptions defaults;
            const auto has = [&](const std::vector<PresenceRow> &rows) {
                for (const PresenceRow &row : rows)
                    if (row.clientId == last)
                        return true;
                return false;
            };
            std::cout << "row " << (has(library.presence(map, std::chrono::hours(24))) ? "yes" : "no") << '\n';
            std::cout << "counted-later "
                      << (has(library.presence(map, defaults.presenceTimeout,
                                               defaults.presenceTimeout + std::chrono::seconds(1)))
                              ? "yes"
                              : "no")
                      << std::endl;
            return 0;
        }
        TeamClient client(ClientOptions{conninfo, map, last});
        if (mode == "--journal-open") {
            const SyncResult result = client.sync();
            std::cout << (result.reachedServer ? "opened" : "offline") << std::endl;
            return result.reachedServer ? 0 : 1;
        }
        if (mode == "--journal-writer") {
            if (!client.hasDocument()) {
                std::cerr << "no cached map to edit offline\n";
                return 3;
            }
            const std::string card = client.document().cards().front().id;
            client.submit({{{"op", "set"},
                            {"entity", "card"},
                            {"id", card},
                            {"field", "text"},
                            {"value", "Written offline, then killed"}}});
            client.submit({{{"op", "set"}, {"entity", "journey"}, {"field", "title"}, {"value", "Killed title"}}});
            std::cout << "journaled " << client.pendingCount() << " state "
                      << (client.state() == LinkState::Offline ? "offline" : "online") << std::endl;
            waitToBeKilled();
        }
        if (mode == "--journal-send") {
            const std::size_t before = client.pendingCount();
            const SyncResult result = client.sync();
            std::cout << "sent " << result.sent << " pending " << client.pendingCount() << " of " << before
                      << std::endl;
            return result.reachedServer && client.pendingCount() == 0 ? 0 : 1;
        }
        if (mode == "--present") {
            client.setPresence({client.document().cards().front().id});
            const SyncResult result = client.sync();
            if (!result.reachedServer)
                return 1;
            std::cout << "present " << client.clientId() << std::endl;
            waitToBeKilled();
        }
    } catch (const TeamError &error) {
        std::cerr << "team_tests " << mode << ": " << error.what() << '\n';
        return 1;
    }
    std::cerr << "team_tests: unknown probe " << mode << '\n';
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 4 && std::strcmp(argv[1], "--schema-at") == 0) {
        try {
            TeamLibrary library(argv[2]);
            library.migrateTo(std::stoi(argv[3]));
            std::cout << "schema version " << argv[3] << std::endl;
            return 0;
        } catch (const std::exception &error) {
            std::cerr << "team_tests --schema-at: " << error.what() << '\n';
            return 1;
        }
    }
    if (argc == 5 && std::strncmp(argv[1], "--", 2) == 0 &&
        (std::strcmp(argv[1], "--journal-open") == 0 || std::strcmp(argv[1], "--journal-writer") == 0 ||
         std::strcmp(argv[1], "--journal-send") == 0 || std::strcmp(argv[1], "--present") == 0 ||
         std::strcmp(argv[1], "--presence-check") == 0))
        return probe(argv[1], argv[2], argv[3], argv[4]);
    return Catch::Session().run(argc, argv);
}
