// team_bench: the team library's measures (team_bench_run.hpp). Run by hand
// against a server, e.g.
//   CJM_TEAM_DB="$(scripts/team-server --role alice | sed 's/ user=cjm_admin//') user=alice" team_bench
// after `cjm team init`. Timings pass or fail nothing, so ctest does not run it.

#include <cstdio>
#include <cstdlib>

#include "team_bench_run.hpp"

int main()
{
    const char *db = std::getenv("CJM_TEAM_DB");
    if (!db) {
        std::fprintf(stderr, "team_bench: set CJM_TEAM_DB to a libpq connection string (docs/team.md)\n");
        return 2;
    }
    return runTeamBench(db);
}
