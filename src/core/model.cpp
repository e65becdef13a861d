#include "cjm/model.hpp"

namespace cjm {

namespace {
template <typename Enum, std::size_t N>
std::optional<Enum> lookup(std::string_view text, const std::pair<Enum, std::string_view> (&table)[N])
{
    for (const auto &[value, name] : table)
        if (name == text)
            return value;
    return std::nullopt;
}
template <typename Enum, std::size_t N>
std::string_view name(Enum value, const std::pair<Enum, std::string_view> (&table)[N])
{
    for (const auto &[v, n] : table)
        if (v == value)
            return n;
    return {};
}

constexpr std::pair<MapType, std::string_view> kMapTypes[] = {
    {MapType::Current, "current"}, {MapType::Future, "future"}, {MapType::DayInLife, "dayInLife"}};
constexpr std::pair<Phase, std::string_view> kPhases[] = {
    {Phase::None, ""}, {Phase::Before, "before"}, {Phase::During, "during"}, {Phase::After, "after"}};
constexpr std::pair<LaneKind, std::string_view> kLaneKinds[] = {
    {LaneKind::Touchpoints, "touchpoints"},     {LaneKind::Actions, "actions"},   {LaneKind::Thoughts, "thoughts"},
    {LaneKind::Emotions, "emotions"},           {LaneKind::PainPoints, "painPoints"},
    {LaneKind::Opportunities, "opportunities"}, {LaneKind::Barriers, "barriers"}, {LaneKind::Owners, "owners"},
    {LaneKind::Kpis, "kpis"},                   {LaneKind::Notes, "notes"}};
constexpr std::pair<OpportunityStatus, std::string_view> kStatuses[] = {{OpportunityStatus::Idea, "idea"},
                                                                        {OpportunityStatus::Planned, "planned"},
                                                                        {OpportunityStatus::InProgress, "inProgress"},
                                                                        {OpportunityStatus::Done, "done"}};
} // namespace

std::string_view toString(MapType type) { return name(type, kMapTypes); }
std::string_view toString(Phase phase) { return name(phase, kPhases); }
std::string_view toString(LaneKind kind) { return name(kind, kLaneKinds); }
std::string_view toString(OpportunityStatus status) { return name(status, kStatuses); }
std::optional<MapType> mapTypeFromString(std::string_view text) { return lookup(text, kMapTypes); }
std::optional<Phase> phaseFromString(std::string_view text) { return lookup(text, kPhases); }
LaneKind laneKindFromString(std::string_view text) { return lookup(text, kLaneKinds).value_or(LaneKind::Unknown); }
std::optional<OpportunityStatus> opportunityStatusFromString(std::string_view text) { return lookup(text, kStatuses); }

Lane Lane::make(std::string id, LaneKind kind, std::string title)
{
    Lane lane;
    lane.id = std::move(id);
    lane.kind = kind;
    lane.kindName = std::string(toString(kind));
    lane.title = std::move(title);
    return lane;
}

} // namespace cjm
