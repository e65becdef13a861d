#pragma once
// `cjm diff`, `cjm merge` and `cjm import`: working with teammates' files,
// by hand or as git's diff and merge drivers (docs/collaboration.md).

#include <optional>
#include <string>
#include <vector>

#include "cli_commands.hpp"

namespace cjm::cli {

struct DiffArgs {
    std::vector<std::string> files; // A B, or git's seven (or nine) arguments
    bool json = false;
};
struct MergeArgs {
    std::vector<std::string> files; // BASE OURS THEIRS
    std::string output;             // empty: stdout
    std::string name;               // how messages name the file; empty: OUT or OURS
};
struct ImportArgs {
    std::string input, output;
    std::string encoding;          // empty: detected
    std::vector<std::string> maps; // COLUMN=FIELD
    bool skipBadRows = false;
    std::optional<std::string> title;
    std::string into;           // --into MAP.cjm: update that map from the sheet
    bool deleteMissing = false; // with --into: remove the cards no row names
};

// A B [--json], or git's external-diff form (PATH OLD OLD-HEX OLD-MODE NEW NEW-HEX NEW-MODE).
// Exit 0 equal, 1 different, 2 on error; in git's form 0 unless an error.
int runDiff(const DiffArgs &args, Streams io);
// BASE OURS THEIRS [-o OUT] [--name PATH]. Exit 0 clean, 1 with conflicts, 2 on error.
int runMerge(const MergeArgs &args, Streams io);
// IN.csv|IN.xlsx -o OUT.cjm [--encoding E] [--map COLUMN=FIELD]... [--skip-bad-rows] [--title T]
// [--into MAP.cjm [--delete-missing]].
// Exit 0 written, 1 refused or unreadable, 2 wrong usage.
int runImport(const ImportArgs &args, Streams io);

} // namespace cjm::cli
