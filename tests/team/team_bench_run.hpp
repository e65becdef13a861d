#pragma once
// The team library's benchmark (docs/performance.md, issue #20 item 11),
// against the PostgreSQL `conninfo` reaches (a role that may create maps;
// `cjm team init` run). Prints one line per measure to stdout; returns 0, or
// 1 with a message on stderr when the server fails.

#include <string>

int runTeamBench(const std::string &conninfo);
