#pragma once
// The heap memory a model value owns, in bytes: what an edit that keeps the
// value costs beyond its own object (Edit::sizeInBytes). Counted from the
// containers' capacities, so it is what the allocator was asked for, without
// its own bookkeeping; the same value built the same way counts the same.

#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "cjm/fields.hpp"
#include "cjm/model.hpp"

namespace cjm::detail {

template <typename T>
requires std::is_arithmetic_v<T> || std::is_enum_v<T> std::size_t ownedBytes(const T &) { return 0; }
inline std::size_t ownedBytes(const std::string &s)
{
    // A short text lives inside the string object (no allocation).
    static const std::size_t inPlace = std::string().capacity();
    return s.capacity() > inPlace ? s.capacity() + 1 : 0;
}
std::size_t ownedBytes(const Json &json);
std::size_t ownedBytes(const Image &image);
std::size_t ownedBytes(const Audit &audit);
std::size_t ownedBytes(const Metric &metric);
std::size_t ownedBytes(const Comment &comment);
std::size_t ownedBytes(const Journey &journey);
std::size_t ownedBytes(const Persona &persona);
std::size_t ownedBytes(const Stage &stage);
std::size_t ownedBytes(const Lane &lane);
std::size_t ownedBytes(const Card &card);

template <typename T>
std::size_t ownedBytes(const std::optional<T> &value)
{
    return value ? ownedBytes(*value) : 0; // the value lives inside the optional
}
template <typename T>
std::size_t ownedBytes(const std::vector<T> &values)
{
    std::size_t bytes = values.capacity() * sizeof(T);
    for (const T &value : values)
        bytes += ownedBytes(value);
    return bytes;
}

// What the fields of `entity` listed in `table` (fields.hpp) own.
template <typename Entity, typename Table>
std::size_t fieldsOwnedBytes(const Entity &entity, const Table &table)
{
    return std::apply([&](const auto &...field) { return (ownedBytes(entity.*(field.member)) + ...); }, table);
}

} // namespace cjm::detail
