#pragma once
// The card inventory's table-field columns (core-internal): every plain card
// field of fields::card::all (text, optional text, whole number, optional
// whole number) that has no column of its own in the inventory's historical
// list. writeCardCsv writes them after "journey type", in table order, and
// importCardCsv reads them back, so a new field in fields.hpp is a CSV
// column without a change to csv.cpp or csv_import.cpp.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "cjm/fields.hpp"

namespace cjm::detail {

// Plain card fields the inventory has its own, older columns for (csv.cpp).
inline constexpr std::array<std::string_view, 8> kCsvHandColumnFields = {"text",    "notes",    "channel", "score",
                                                                         "desired", "severity", "impact",  "link"};

template <typename Value>
inline constexpr bool kCsvPlainValue =
    std::is_same_v<Value, std::string> || std::is_same_v<Value, std::optional<std::string>> ||
    std::is_same_v<Value, int> || std::is_same_v<Value, std::optional<int>>;

template <typename Field>
constexpr bool isCsvTableField(const Field &field)
{
    if (!kCsvPlainValue<typename Field::ValueType>)
        return false;
    for (std::string_view name : kCsvHandColumnFields)
        if (name == field.name)
            return false;
    return true;
}

// Calls f(field, index) for each table-field column, index counting from 0.
template <typename F>
void forEachCsvTableField(F &&f)
{
    std::size_t index = 0;
    std::apply(
        [&](const auto &...field) {
            (
                [&] {
                    if constexpr (kCsvPlainValue<typename std::decay_t<decltype(field)>::ValueType>) {
                        if (isCsvTableField(field))
                            f(field, index++);
                    }
                }(),
                ...);
        },
        fields::card::all);
}

} // namespace cjm::detail
