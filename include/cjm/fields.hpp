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

// Each table (`all`) lists an entity's fields in the order docs/format.md
// lists them, which is the order the writer writes them in (after the ids
// and a card's place); the writer leaves out a field that equals the
// default-constructed entity's. The reader reads the fields from it, edits
// are checked against it (validation.cpp: known keys, and whether a value
// reads back), diff and merge compare the keys it writes, the workbook
// carries a field it has no column for in its "more (JSON)" cell, and the
// Inspector's plain rows and MapOperations::setField take a field of it.
//
// The reader (document_reader.cpp) reads each field by its Value type and,
// for texts and whole numbers, by the rule the table gives it here; a field
// that needs no more than its type reads with no reader change.
//
// What a text field must look like beyond being text (docs/format.md).
enum class FieldFormat {
    Text,     // any text
    Color,    // "#rrggbb"
    Date,     // "YYYY-MM-DD", a day on the calendar
    UtcTime,  // "YYYY-MM-DDThh:mm:ssZ"
    Language, // a BCP 47 tag, kept in its conventional case
    WebLink,  // "http://..." or "https://..."
};

// One field of `Entity`, holding a `Value`. `name` is its key in the file
// ("unknown" for the keys this version does not know, kept as they were).
// `format`: an optional text's rule; `min`/`max`: a whole number's range.
template <typename Entity, typename Value>
struct EntityField {
    using EntityType = Entity;
    using ValueType = Value;
    std::string_view name;
    Value Entity::*member;
    FieldFormat format = FieldFormat::Text;
    int min = 0;
    int max = 0;
};

namespace fields {

namespace journey {
inline constexpr EntityField<Journey, std::string> title{"title", &Journey::title};
inline constexpr EntityField<Journey, std::string> description{"description", &Journey::description};
inline constexpr EntityField<Journey, std::string> goal{"goal", &Journey::goal};
inline constexpr EntityField<Journey, MapType> type{"type", &Journey::type};
inline constexpr EntityField<Journey, std::optional<std::string>> language{"language", &Journey::language,
                                                                           FieldFormat::Language};
inline constexpr EntityField<Journey, std::string> segment{"segment", &Journey::segment};
inline constexpr EntityField<Journey, std::string> owner{"owner", &Journey::owner};
inline constexpr EntityField<Journey, int> reviewIntervalDays{
    .name = "reviewIntervalDays", .member = &Journey::reviewIntervalDays, .min = 0, .max = 3650};
inline constexpr EntityField<Journey, std::optional<std::string>> nextReview{"nextReview", &Journey::nextReview,
                                                                             FieldFormat::Date};
inline constexpr EntityField<Journey, std::optional<std::string>> created{"created", &Journey::created,
                                                                          FieldFormat::UtcTime};
inline constexpr EntityField<Journey, std::optional<std::string>> modified{"modified", &Journey::modified,
                                                                           FieldFormat::UtcTime};
inline constexpr EntityField<Journey, UnknownKeys> unknown{"unknown", &Journey::unknown};
inline constexpr auto all = std::tuple{title, description,        goal,       type,    language, segment,
                                       owner, reviewIntervalDays, nextReview, created, modified, unknown};
} // namespace journey

namespace persona {
inline constexpr EntityField<Persona, std::string> name{"name", &Persona::name};
inline constexpr EntityField<Persona, std::string> description{"description", &Persona::description};
inline constexpr EntityField<Persona, std::string> segment{"segment", &Persona::segment};
inline constexpr EntityField<Persona, std::string> goals{"goals", &Persona::goals};
inline constexpr EntityField<Persona, std::string> needs{"needs", &Persona::needs};
inline constexpr EntityField<Persona, std::string> frustrations{"frustrations", &Persona::frustrations};
inline constexpr EntityField<Persona, std::optional<std::string>> color{"color", &Persona::color, FieldFormat::Color};
inline constexpr EntityField<Persona, std::optional<Image>> avatar{"avatar", &Persona::avatar};
inline constexpr EntityField<Persona, UnknownKeys> unknown{"unknown", &Persona::unknown};
inline constexpr auto all = std::tuple{name, description, segment, goals, needs, frustrations, color, avatar, unknown};
} // namespace persona

namespace stage {
inline constexpr EntityField<Stage, std::string> name{"name", &Stage::name};
inline constexpr EntityField<Stage, std::string> description{"description", &Stage::description};
inline constexpr EntityField<Stage, Phase> phase{"phase", &Stage::phase};
inline constexpr EntityField<Stage, std::optional<std::string>> color{"color", &Stage::color, FieldFormat::Color};
inline constexpr EntityField<Stage, UnknownKeys> unknown{"unknown", &Stage::unknown};
inline constexpr auto all = std::tuple{name, description, phase, color, unknown};
} // namespace stage

namespace lane {
inline constexpr EntityField<Lane, std::string> kind{"kind", &Lane::kindName};
inline constexpr EntityField<Lane, std::string> title{"title", &Lane::title};
inline constexpr EntityField<Lane, bool> hidden{"hidden", &Lane::hidden};
inline constexpr EntityField<Lane, UnknownKeys> unknown{"unknown", &Lane::unknown};
inline constexpr auto all = std::tuple{kind, title, hidden, unknown};
} // namespace lane

namespace card {
inline constexpr EntityField<Card, std::string> text{"text", &Card::text};
inline constexpr EntityField<Card, std::string> notes{"notes", &Card::notes};
inline constexpr EntityField<Card, std::optional<std::string>> color{"color", &Card::color, FieldFormat::Color};
inline constexpr EntityField<Card, std::vector<std::string>> tags{"tags", &Card::tags};
inline constexpr EntityField<Card, std::optional<std::string>> link{"link", &Card::link, FieldFormat::WebLink};
inline constexpr EntityField<Card, std::optional<int>> score{
    .name = "score", .member = &Card::score, .min = -3, .max = 3};
inline constexpr EntityField<Card, std::optional<int>> desired{
    .name = "desired", .member = &Card::desired, .min = -3, .max = 3};
inline constexpr EntityField<Card, std::string> channel{"channel", &Card::channel};
inline constexpr EntityField<Card, bool> direct{"direct", &Card::direct};
inline constexpr EntityField<Card, std::optional<Audit>> audit{"audit", &Card::audit};
inline constexpr EntityField<Card, int> severity{.name = "severity", .member = &Card::severity, .min = 1, .max = 3};
inline constexpr EntityField<Card, int> impact{.name = "impact", .member = &Card::impact, .min = 1, .max = 3};
inline constexpr EntityField<Card, OpportunityStatus> status{"status", &Card::status};
inline constexpr EntityField<Card, std::optional<Metric>> metric{"metric", &Card::metric};
inline constexpr EntityField<Card, std::optional<Image>> image{"image", &Card::image};
inline constexpr EntityField<Card, std::vector<Comment>> comments{"comments", &Card::comments};
inline constexpr EntityField<Card, UnknownKeys> unknown{"unknown", &Card::unknown};
inline constexpr auto all = std::tuple{text,  notes,    color,  tags,   link,   score, desired,  channel, direct,
                                       audit, severity, impact, status, metric, image, comments, unknown};
} // namespace card

} // namespace fields

} // namespace cjm
