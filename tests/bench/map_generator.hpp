#pragma once
// Deterministic journey maps of any size for the benchmark and the scale
// tests: several personas, 40 stages, every lane kind, text in English and
// Chinese, audits, tags, KPIs. The same seed gives the same map on every
// machine (a fixed xorshift, not std:: distributions, whose results differ
// between standard libraries).

#include <cstddef>

#include "cjm/document.hpp"

namespace cjm::bench {

struct MapShape {
    std::size_t cards = 1000;
    std::size_t personas = 4;
    std::size_t stages = 40;
};

// Personas grow with the map, as they do in large organisations' maps.
MapShape shapeFor(std::size_t cards);

Document generateMap(const MapShape &shape, unsigned seed = 1);

} // namespace cjm::bench
