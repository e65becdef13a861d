#pragma once
// The journey-map model: plain data, no Qt. Field names and defaults follow
// docs/format.md; a default-constructed value is the format's default, so the
// writer can leave it out and the reader can fill it in.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace cjm {

// Keys this version does not know, in the order they were read. Kept so a
// teammate on a newer release loses nothing when we open and save their map.
// A null value means "no unknown keys" (cheaper than an empty object).
using Json = nlohmann::ordered_json;
using UnknownKeys = Json;

enum class MapType { Current, Future, DayInLife };
enum class Phase { None, Before, During, After };
enum class LaneKind {
    Touchpoints,
    Actions,
    Thoughts,
    Emotions,
    PainPoints,
    Opportunities,
    Barriers,
    Owners,
    Kpis,
    Notes,
    Unknown, // a kind from a newer version: kept, drawn as notes
};
enum class OpportunityStatus { Idea, Planned, InProgress, Done };

inline constexpr std::array<LaneKind, 10> kKnownLaneKinds = {
    LaneKind::Touchpoints,   LaneKind::Actions,  LaneKind::Thoughts, LaneKind::Emotions, LaneKind::PainPoints,
    LaneKind::Opportunities, LaneKind::Barriers, LaneKind::Owners,   LaneKind::Kpis,     LaneKind::Notes,
};

std::string_view toString(MapType type);
std::string_view toString(Phase phase);
std::string_view toString(LaneKind kind); // the file spelling; Unknown gives ""
std::string_view toString(OpportunityStatus status);
std::optional<MapType> mapTypeFromString(std::string_view text);
std::optional<Phase> phaseFromString(std::string_view text);
LaneKind laneKindFromString(std::string_view text); // Unknown for anything else
std::optional<OpportunityStatus> opportunityStatusFromString(std::string_view text);

// A BCP 47 language tag (RFC 5646 syntax: "en", "zh-CN", "zh-Hant-TW",
// "de-CH-1996", "x-custom") in its conventional case: the language
// lowercase, a script in title case, a region in capitals, the rest
// lowercase ("ZH-cn" gives "zh-CN"). Nullopt when it is not well-formed
// ("zh_CN", "english", ""). Only the syntax is checked, not the registry.
std::optional<std::string> canonicalLanguageTag(std::string_view tag);

// The kind a lane's cards are drawn and edited as.
inline LaneKind effectiveKind(LaneKind kind) { return kind == LaneKind::Unknown ? LaneKind::Notes : kind; }

struct Image {
    std::string mime; // "image/png" or "image/jpeg"
    std::string data; // base64
    UnknownKeys unknown;
    bool operator==(const Image &) const = default;
};

struct Audit {
    // The six criteria of a touchpoint review, each 0 (not rated) to 5.
    int simple = 0;
    int appropriate = 0;
    int relevant = 0;
    int meaningful = 0;
    int engaging = 0;
    int personal = 0;
    std::string note;
    std::optional<std::string> reviewed; // YYYY-MM-DD
    UnknownKeys unknown;
    bool operator==(const Audit &) const = default;
};

struct Metric {
    std::optional<double> value;
    std::optional<double> target;
    std::optional<std::string> unit;
    UnknownKeys unknown;
    bool operator==(const Metric &) const = default;
};

struct Comment {
    std::optional<std::string> author;
    std::string text;
    std::optional<std::string> time; // YYYY-MM-DDThh:mm:ssZ
    UnknownKeys unknown;
    bool operator==(const Comment &) const = default;
};

struct Journey {
    std::string id;
    std::string title;
    std::string description;
    std::string goal;
    MapType type = MapType::Current;
    // The language of the map's own text, a BCP 47 tag in its conventional
    // case ("en", "zh-CN", "zh-TW"); it decides the language of what the
    // program draws on the map. Absent: the UI language.
    std::optional<std::string> language;
    std::string segment;
    std::string owner;
    int reviewIntervalDays = 0;
    std::optional<std::string> nextReview; // YYYY-MM-DD
    std::optional<std::string> created;    // YYYY-MM-DDThh:mm:ssZ
    std::optional<std::string> modified;
    UnknownKeys unknown;
    bool operator==(const Journey &) const = default;
};

struct Persona {
    std::string id;
    std::string name;
    std::string description;
    std::string segment;
    std::string goals;
    std::string needs;
    std::string frustrations;
    std::optional<std::string> color; // #rrggbb; absent: the program picks
    std::optional<Image> avatar;
    UnknownKeys unknown;
    bool operator==(const Persona &) const = default;
};

struct Stage {
    std::string id;
    std::string name;
    std::string description;
    Phase phase = Phase::None;
    std::optional<std::string> color;
    UnknownKeys unknown;
    bool operator==(const Stage &) const = default;
};

struct Lane {
    std::string id;
    LaneKind kind = LaneKind::Notes;
    std::string kindName; // the kind as spelled in the file; the only record of an Unknown kind
    std::string title;
    bool hidden = false;
    UnknownKeys unknown;
    bool operator==(const Lane &) const = default;

    static Lane make(std::string id, LaneKind kind, std::string title = {});
};

// The largest `order` a card can have: docs/format.md allows a whole number
// from 0 to 2^63 - 1. Edits that place cards after a cell's last one
// renumber the cell rather than pass it (addCardsAtEnd in edit.hpp).
inline constexpr std::int64_t kMaxCardOrder = INT64_MAX;

struct Card {
    std::string id;
    std::string persona;
    std::string stage;
    std::string lane;
    std::int64_t order = 0; // 0..kMaxCardOrder
    std::string text;
    std::string notes;
    std::optional<std::string> color;
    std::vector<std::string> tags;
    std::optional<std::string> link;
    std::optional<int> score; // -3..3, required on emotion cards
    // How the customer should feel here (-3..3), on emotion cards; absent: no
    // target set. The gap to `score` is what a future-state map closes.
    std::optional<int> desired;
    std::string channel;
    bool direct = true;
    std::optional<Audit> audit;
    int severity = 2;
    int impact = 2;
    OpportunityStatus status = OpportunityStatus::Idea;
    std::optional<Metric> metric;
    std::optional<Image> image;
    std::vector<Comment> comments;
    UnknownKeys unknown;
    bool operator==(const Card &) const = default;
};

// A named way to look at the map, saved in it (docs/format.md, "View"):
// which personas, stages and lanes, whether lanes empty for a persona are
// left out, and the page layout. Using a view never changes the map.
// References are lenient: an id that names no persona (stage, lane) of the
// map is kept and ignored, so deleting a persona leaves views as they were
// and undoing it gives them back whole. See views.hpp for resolving one.
enum class ViewLayout { Whole, Slides };
enum class SlideAspect { Wide, Standard }; // "16:9" and "4:3"

std::string_view toString(ViewLayout layout);  // "whole", "slides"
std::string_view toString(SlideAspect aspect); // "16:9", "4:3"
std::optional<ViewLayout> viewLayoutFromString(std::string_view text);
std::optional<SlideAspect> slideAspectFromString(std::string_view text);

// The stages from `from` to `to` in the map's display order, both included.
struct StageRange {
    std::string from;
    std::string to;
    UnknownKeys unknown;
    bool operator==(const StageRange &) const = default;
};

struct View {
    std::string id;
    std::string name;
    std::optional<std::vector<std::string>> personas; // absent: every persona
    // At most one of the two; both absent: every stage.
    std::optional<std::vector<std::string>> stages; // a set of stage ids
    std::optional<StageRange> stageRange;           // a range in display order
    std::optional<std::vector<std::string>> lanes;  // absent: every lane the map shows
    bool hideEmptyLanes = false; // leave out a persona's lanes that have no card in the view's stages
    ViewLayout layout = ViewLayout::Whole;
    SlideAspect aspect = SlideAspect::Wide; // the page of the slides layout
    UnknownKeys unknown;
    bool operator==(const View &) const = default;
};

// The channels the format names for touchpoints; free text is allowed too.
inline constexpr std::array<std::string_view, 19> kKnownChannels = {
    "website", "mobileApp",  "email",     "phone",       "liveChat", "socialMedia", "advertising",
    "store",   "event",      "print",     "wordOfMouth", "reviews",  "directory",   "ivr",
    "sms",     "helpCenter", "packaging", "billing",     "survey",
};

} // namespace cjm
