#pragma once
// Checks for the format's shared types (docs/format.md, "Shared types").

#include <string>
#include <string_view>

namespace cjm::detail {

bool isId(std::string_view s);        // ^[A-Za-z0-9_-]{1,64}$
bool isColor(std::string_view s);     // #rrggbb
bool isDate(std::string_view s);      // YYYY-MM-DD, a real calendar date
bool isUtcTime(std::string_view s);   // YYYY-MM-DDThh:mm:ssZ, a real date and time
// The shape alone: digits and separators where they belong, whatever their values.
bool isDateShape(std::string_view s);    // dddd-dd-dd
bool isUtcTimeShape(std::string_view s); // dddd-dd-ddTdd:dd:ddZ
bool isWebLink(std::string_view s);   // http:// or https://, any case
// The start of a possibly long or multi-line text, for messages.
std::string shorten(std::string_view s, std::size_t maxChars = 40);

} // namespace cjm::detail
