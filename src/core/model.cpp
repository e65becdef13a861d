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
constexpr std::pair<LaneKind, std::string_view> kLaneKinds[] = {{LaneKind::Touchpoints, "touchpoints"},
                                                                {LaneKind::Actions, "actions"},
                                                                {LaneKind::Thoughts, "thoughts"},
                                                                {LaneKind::Emotions, "emotions"},
                                                                {LaneKind::PainPoints, "painPoints"},
                                                                {LaneKind::Opportunities, "opportunities"},
                                                                {LaneKind::Barriers, "barriers"},
                                                                {LaneKind::Owners, "owners"},
                                                                {LaneKind::Kpis, "kpis"},
                                                                {LaneKind::Notes, "notes"}};
constexpr std::pair<OpportunityStatus, std::string_view> kStatuses[] = {{OpportunityStatus::Idea, "idea"},
                                                                        {OpportunityStatus::Planned, "planned"},
                                                                        {OpportunityStatus::InProgress, "inProgress"},
                                                                        {OpportunityStatus::Done, "done"}};
constexpr std::pair<ViewLayout, std::string_view> kLayouts[] = {{ViewLayout::Whole, "whole"},
                                                                {ViewLayout::Slides, "slides"}};
constexpr std::pair<SlideAspect, std::string_view> kAspects[] = {{SlideAspect::Wide, "16:9"},
                                                                 {SlideAspect::Standard, "4:3"}};
} // namespace

std::string_view toString(ViewLayout layout) { return name(layout, kLayouts); }
std::string_view toString(SlideAspect aspect) { return name(aspect, kAspects); }
std::optional<ViewLayout> viewLayoutFromString(std::string_view text) { return lookup(text, kLayouts); }
std::optional<SlideAspect> slideAspectFromString(std::string_view text) { return lookup(text, kAspects); }

std::string_view toString(MapType type) { return name(type, kMapTypes); }
std::string_view toString(Phase phase) { return name(phase, kPhases); }
std::string_view toString(LaneKind kind) { return name(kind, kLaneKinds); }
std::string_view toString(OpportunityStatus status) { return name(status, kStatuses); }
std::optional<MapType> mapTypeFromString(std::string_view text) { return lookup(text, kMapTypes); }
std::optional<Phase> phaseFromString(std::string_view text) { return lookup(text, kPhases); }
LaneKind laneKindFromString(std::string_view text) { return lookup(text, kLaneKinds).value_or(LaneKind::Unknown); }
std::optional<OpportunityStatus> opportunityStatusFromString(std::string_view text) { return lookup(text, kStatuses); }

namespace {
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
bool all(std::string_view s, bool (*test)(char))
{
    for (char c : s)
        if (!test(c))
            return false;
    return true;
}
bool isAlnum(char c) { return isAlpha(c) || isDigit(c); }
bool alphaOf(std::string_view s, std::size_t min, std::size_t max)
{
    return s.size() >= min && s.size() <= max && all(s, isAlpha);
}
bool alnumOf(std::string_view s, std::size_t min, std::size_t max)
{
    return s.size() >= min && s.size() <= max && all(s, isAlnum);
}
} // namespace

// RFC 5646 section 2.1, "langtag" and "privateuse" (the grandfathered tags
// such as "i-klingon" are not accepted: no map needs them):
//   language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse]
std::optional<std::string> canonicalLanguageTag(std::string_view tag)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t dash = tag.find('-', start);
        parts.emplace_back(tag.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
        if (parts.back().empty() || parts.size() > 64)
            return std::nullopt;
        if (dash == std::string_view::npos)
            break;
        start = dash + 1;
    }
    for (std::string &part : parts)
        for (char &c : part)
            c = lower(c);
    std::size_t i = 0;
    auto privateUse = [&]() {
        // "x" 1*("-" 1*8alphanum), to the end of the tag.
        if (i + 1 >= parts.size())
            return false;
        for (++i; i < parts.size(); ++i)
            if (!alnumOf(parts[i], 1, 8))
                return false;
        return true;
    };
    if (parts[0] == "x") {
        if (!privateUse())
            return std::nullopt;
    } else {
        // language: 2-3 letters with up to three extlangs of 3 letters, or 4-8 letters
        if (!alphaOf(parts[0], 2, 8))
            return std::nullopt;
        ++i;
        if (parts[0].size() <= 3)
            for (int extlangs = 0; extlangs < 3 && i < parts.size() && alphaOf(parts[i], 3, 3); ++extlangs)
                ++i;
        if (i < parts.size() && alphaOf(parts[i], 4, 4)) { // script
            parts[i][0] = upper(parts[i][0]);
            ++i;
        }
        if (i < parts.size() && (alphaOf(parts[i], 2, 2) || (parts[i].size() == 3 && all(parts[i], isDigit)))) {
            for (char &c : parts[i]) // region
                c = upper(c);
            ++i;
        }
        while (i < parts.size() &&
               (alnumOf(parts[i], 5, 8) || (parts[i].size() == 4 && isDigit(parts[i][0]) && all(parts[i], isAlnum))))
            ++i; // variants
        while (i < parts.size() && parts[i].size() == 1 && isAlnum(parts[i][0]) && parts[i] != "x") {
            ++i; // extension: a singleton and one or more subtags of 2-8
            const std::size_t first = i;
            while (i < parts.size() && alnumOf(parts[i], 2, 8))
                ++i;
            if (i == first)
                return std::nullopt;
        }
        if (i < parts.size() && parts[i] == "x" && !privateUse())
            return std::nullopt;
        if (i != parts.size())
            return std::nullopt;
    }
    std::string out;
    for (const std::string &part : parts)
        out += (out.empty() ? "" : "-") + part;
    return out;
}

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
