#pragma once
// Checks for the format's shared types (docs/format.md, "Shared types").

#include <string>
#include <string_view>

#include "cjm/document.hpp"
#include "cjm/document_io.hpp"

namespace cjm::detail {

bool isId(std::string_view s);      // ^[A-Za-z0-9_-]{1,64}$
bool isColor(std::string_view s);   // #rrggbb
bool isDate(std::string_view s);    // YYYY-MM-DD, a real calendar date
bool isUtcTime(std::string_view s); // YYYY-MM-DDThh:mm:ssZ, a real date and time
// The shape alone: digits and separators where they belong, whatever their values.
bool isDateShape(std::string_view s);    // dddd-dd-dd
bool isUtcTimeShape(std::string_view s); // dddd-dd-ddTdd:dd:ddZ
bool isWebLink(std::string_view s);      // http:// or https://, any case
// Well-formed UTF-8 as RFC 3629 defines it (no overlong forms, surrogates or
// code points past U+10FFFF); on failure `badOffset` gets the first bad byte.
bool isUtf8(std::string_view s, std::size_t *badOffset = nullptr);
// The start of a possibly long or multi-line text, for messages.
std::string shorten(std::string_view s, std::size_t maxChars = 40);

// The reader's limits that edits keep every map within: ReadLimits{}, the
// ones every reader of a saved map uses. Only tests change them, to reach
// the whole-file limits without hundreds of megabytes.
const ReadLimits &editLimits();
void setEditLimits(const ReadLimits &limits);

// What an edit may put in a document: values that the reader, with
// editLimits(), reads back exactly as they are (docs/format.md). Each looks
// at one entity's own fields; references, unique ids and the score an
// emotions lane needs are the document's business (edit.cpp checks those).
// `before`, when given, is the entity as the document holds it now: a picture
// or unknown keys equal to its were read or checked already and are not
// looked at again, so typing in a card with an 8 MiB picture stays cheap.
bool readsBack(const Journey &journey, const Journey *before = nullptr);
bool readsBack(const Persona &persona, const Persona *before = nullptr);
bool readsBack(const Stage &stage, const Stage *before = nullptr);
bool readsBack(const Lane &lane, const Lane *before = nullptr);
bool readsBack(const Card &card, const Card *before = nullptr);
// A view alone: ids well formed and none twice in one list, not both a set
// and a range of stages. Whether its ids name entities is not asked (lenient).
bool readsBack(const View &view, const View *before = nullptr);
// At most what a value adds to the file the writer writes, measured as the
// reader's whole-file limits count (maxFileBytes, maxValues): bytes of the
// indented form with texts escaped, and JSON values as the parser counts
// them. Edits use it to keep a map within those limits (edit.cpp).
struct FileCost {
    std::size_t bytes = 0;
    std::size_t values = 0;
};
FileCost fileCost(const Journey &journey);
FileCost fileCost(const Persona &persona);
FileCost fileCost(const Stage &stage);
FileCost fileCost(const Lane &lane);
FileCost fileCost(const Card &card);
FileCost fileCost(const View &view);
FileCost fileCost(const std::vector<View> &views); // the "views" key and its list
FileCost orderCost(std::int64_t order);            // a card's "order" line alone
FileCost fileCost(const Document &document);       // the whole map

} // namespace cjm::detail
