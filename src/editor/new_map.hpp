#pragma once
#include "cjm/document.hpp"

namespace cjm {

// A blank map with the usual five stages (before / during / after purchase),
// the common lanes and one persona, named in the UI language.
Document newDefaultMap();

} // namespace cjm
