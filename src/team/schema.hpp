#pragma once
// The team library's tables in PostgreSQL, one migration per schema version.
// `cjm team init` applies those the database has not seen yet, in order, each
// in the transaction that records it in cjm_team.schema_version.

#include <string_view>
#include <vector>

namespace cjm::team {

// migrations()[i] takes a database from version i to version i + 1.
const std::vector<std::string_view> &migrations();
inline int latestSchemaVersion() { return static_cast<int>(migrations().size()); }

} // namespace cjm::team
