#pragma once
// The operations a team map's log holds: field-level changes as JSON, in a form
// that names entities and fields by their keys in the .cjm file (docs/format.md),
// so the log does not depend on the editor's classes and reads the same in any
// later version.
//
//   {"op":"set","entity":"card","id":"c1","field":"text","value":"Pays"}   one key; no "value": the key removed
//   {"op":"set","entity":"journey","field":"title","value":"Checkout"}     (the journey and "map", the top level, have
//   no id)
//   {"op":"add","entity":"stage","value":{...the stage as written...},"index":2}
//   {"op":"remove","entity":"card","id":"c1"}
//   {"op":"move","entity":"card","id":"c1","persona":"p1","stage":"s2","lane":"l1","order":3}
//   {"op":"order","entity":"stage","ids":["s2","s1"]}                     display order of personas, stages or lanes
//
// Applying an operation goes through the core's edits (edit.hpp), so every
// state a log reaches is one the reader accepts. For one field the last
// operation applied wins; the server's sequence decides which is last.

#include <optional>
#include <string>
#include <vector>

#include "cjm/change_set.hpp"
#include "cjm/document.hpp"

namespace cjm::team {

// The operations that turn `from` into `to`, built from diffDocuments.
std::vector<Json> operationsBetween(const Document &from, const Document &to);

// The operations of one applied edit, from what it says it changed
// (Edit::changes) and the map after it: what the editor sends as each edit is
// made, costing the entities it touched, not the map. Nullopt when the change
// set cannot say (touchesEverything, top-level keys): then operationsBetween
// the map before and after.
std::optional<std::vector<Json>> operationsFor(const ChangeSet &changes, const Document &after);

// Applies one operation. False, leaving `document` unchanged, when it does not
// fit the map as it is now (its entity was removed meanwhile, a reference
// names nothing, the value would not read back); `why` then says so.
bool applyOperation(Document &document, const Json &operation, std::string &why);
// The same, adding what it changed to `changes` (when given).
bool applyOperation(Document &document, const Json &operation, std::string &why, ChangeSet *changes);

// "3 set, 1 add": what a list of operations does, for history.
std::string summarizeOperations(const std::vector<Json> &operations);

} // namespace cjm::team
