#pragma once
// The fields of each kind of entity, declared once. An edit of one field
// (setField in edit.hpp) keeps only that field's old value, so typing in a
// card with an 8 MiB picture keeps a few bytes per undo step, not the card.
//
// What is not a field here changes through its own edits: ids never change,
// and a card's place (persona, stage, lane, order) changes with moveCard,
// which keeps the document's cell index. A lane's kind is its file spelling
// (`kindName`); `kind` is read from it.

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "cjm/model.hpp"

namespace cjm {

// One field of `Entity`, holding a `Value`. `name` is its key in the file
// ("unknown" for the keys this version does not know, kept as they were).
template <typename Entity, typename Value> struct Field {
    using EntityType = Entity;
    using ValueType = Value;
    std::string_view name;
    Value Entity::*member;
};

namespace fields {

namespace journey {
inline constexpr Field<Journey, std::string> title{"title", &Journey::title};
inline constexpr Field<Journey, std::string> description{"description", &Journey::description};
inline constexpr Field<Journey, std::string> goal{"goal", &Journey::goal};
inline constexpr Field<Journey, MapType> type{"type", &Journey::type};
inline constexpr Field<Journey, std::string> segment{"segment", &Journey::segment};
inline constexpr Field<Journey, std::string> owner{"owner", &Journey::owner};
inline constexpr Field<Journey, int> reviewIntervalDays{"reviewIntervalDays", &Journey::reviewIntervalDays};
inline constexpr Field<Journey, std::optional<std::string>> nextReview{"nextReview", &Journey::nextReview};
inline constexpr Field<Journey, std::optional<std::string>> created{"created", &Journey::created};
inline constexpr Field<Journey, std::optional<std::string>> modified{"modified", &Journey::modified};
inline constexpr Field<Journey, UnknownKeys> unknown{"unknown", &Journey::unknown};
inline constexpr auto all = std::tuple{title,      description, goal,     type,   segment, owner, reviewIntervalDays,
                                       nextReview, created,     modified, unknown};
} // namespace journey

namespace persona {
inline constexpr Field<Persona, std::string> name{"name", &Persona::name};
inline constexpr Field<Persona, std::string> description{"description", &Persona::description};
inline constexpr Field<Persona, std::string> segment{"segment", &Persona::segment};
inline constexpr Field<Persona, std::string> goals{"goals", &Persona::goals};
inline constexpr Field<Persona, std::string> needs{"needs", &Persona::needs};
inline constexpr Field<Persona, std::string> frustrations{"frustrations", &Persona::frustrations};
inline constexpr Field<Persona, std::optional<std::string>> color{"color", &Persona::color};
inline constexpr Field<Persona, std::optional<Image>> avatar{"avatar", &Persona::avatar};
inline constexpr Field<Persona, UnknownKeys> unknown{"unknown", &Persona::unknown};
inline constexpr auto all = std::tuple{name, description, segment, goals, needs, frustrations, color, avatar, unknown};
} // namespace persona

namespace stage {
inline constexpr Field<Stage, std::string> name{"name", &Stage::name};
inline constexpr Field<Stage, std::string> description{"description", &Stage::description};
inline constexpr Field<Stage, Phase> phase{"phase", &Stage::phase};
inline constexpr Field<Stage, std::optional<std::string>> color{"color", &Stage::color};
inline constexpr Field<Stage, UnknownKeys> unknown{"unknown", &Stage::unknown};
inline constexpr auto all = std::tuple{name, description, phase, color, unknown};
} // namespace stage

namespace lane {
inline constexpr Field<Lane, std::string> kind{"kind", &Lane::kindName};
inline constexpr Field<Lane, std::string> title{"title", &Lane::title};
inline constexpr Field<Lane, bool> hidden{"hidden", &Lane::hidden};
inline constexpr Field<Lane, UnknownKeys> unknown{"unknown", &Lane::unknown};
inline constexpr auto all = std::tuple{kind, title, hidden, unknown};
} // namespace lane

namespace card {
inline constexpr Field<Card, std::string> text{"text", &Card::text};
inline constexpr Field<Card, std::string> notes{"notes", &Card::notes};
inline constexpr Field<Card, std::optional<std::string>> color{"color", &Card::color};
inline constexpr Field<Card, std::vector<std::string>> tags{"tags", &Card::tags};
inline constexpr Field<Card, std::optional<std::string>> link{"link", &Card::link};
inline constexpr Field<Card, std::optional<int>> score{"score", &Card::score};
inline constexpr Field<Card, std::string> channel{"channel", &Card::channel};
inline constexpr Field<Card, bool> direct{"direct", &Card::direct};
inline constexpr Field<Card, std::optional<Audit>> audit{"audit", &Card::audit};
inline constexpr Field<Card, int> severity{"severity", &Card::severity};
inline constexpr Field<Card, int> impact{"impact", &Card::impact};
inline constexpr Field<Card, OpportunityStatus> status{"status", &Card::status};
inline constexpr Field<Card, std::optional<Metric>> metric{"metric", &Card::metric};
inline constexpr Field<Card, std::optional<Image>> image{"image", &Card::image};
inline constexpr Field<Card, std::vector<Comment>> comments{"comments", &Card::comments};
inline constexpr Field<Card, UnknownKeys> unknown{"unknown", &Card::unknown};
inline constexpr auto all = std::tuple{text,  notes,    color,  tags,   link,   score, channel,  direct,
                                       audit, severity, impact, status, metric, image, comments, unknown};
} // namespace card

} // namespace fields

} // namespace cjm
