#pragma once
// `cjm diff`, `cjm merge` and `cjm import`: working with teammates' files,
// by hand or as git's diff and merge drivers (docs/collaboration.md).

#include <string>
#include <vector>

#include "cli_commands.hpp"

namespace cjm::cli {

// A B [--json], or git's external-diff form (PATH OLD OLD-HEX OLD-MODE NEW NEW-HEX NEW-MODE).
// Exit 0 equal, 1 different, 2 on error; in git's form 0 unless an error.
int runDiff(const std::vector<std::string> &args, Streams io);
// BASE OURS THEIRS [-o OUT] [--name PATH]. Exit 0 clean, 1 with conflicts, 2 on error.
int runMerge(const std::vector<std::string> &args, Streams io);
// IN.csv -o OUT.cjm [--encoding E] [--map COLUMN=FIELD]... [--skip-bad-rows] [--title T].
// Exit 0 written, 1 refused or unreadable, 2 wrong usage.
int runImport(const std::vector<std::string> &args, Streams io);

extern const char *const kDiffHelp;
extern const char *const kMergeHelp;
extern const char *const kImportHelp;

} // namespace cjm::cli
