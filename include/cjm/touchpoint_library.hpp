#pragma once
// The touchpoint library: where customers meet a business before, during and
// after a purchase, after the touchpoint-mapping method (pre-purchase:
// website, reviews, directory listings, on-hold messages, IVR...; during:
// the shop site, showroom, demo videos, staff, checkout; after: fulfilment,
// thank-you cards, portal, invoices, packaging, rebates, follow-up email,
// help centre, education, service hotline, surveys). The setup wizard offers
// it per stage; each entry knows its channel and whether it is online,
// offline or run by a third party.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "cjm/model.hpp"

namespace cjm {

enum class TouchpointMedium { Online, Offline, ThirdParty };
std::string_view toString(TouchpointMedium medium); // "online", "offline", "thirdParty"

struct LibraryTouchpoint {
    std::string_view id;      // stable: "website", "ivr"...
    Phase group;              // Before, During or After purchase
    std::string_view channel; // a channel of the format ("website", "phone"...)
    TouchpointMedium medium;
    bool direct; // the business controls it (a review is indirect)
    // English, Simplified Chinese, Traditional Chinese.
    std::array<std::string_view, 3> names;
};

const std::vector<LibraryTouchpoint> &touchpointLibrary();

// The name in a language: 0 English, 1 Simplified, 2 Traditional Chinese.
inline std::string touchpointName(const LibraryTouchpoint &touchpoint, int language)
{
    return std::string(touchpoint.names[static_cast<std::size_t>(language < 0 || language > 2 ? 0 : language)]);
}

} // namespace cjm
