#include "map_operations.hpp"

#include <algorithm>
#include <map>

#include "card_clipboard.hpp"
#include "cjm/edit.hpp"
#include "document_controller.hpp"
#include "map_style.hpp"
#include "palette_drop.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {

// A name as every place takes it: one line, runs of white space one space.
std::string nameFrom(const QString &text) { return toStdString(text.simplified()); }

MergeKey mergeKey(MergeKind kind, quint64 gesture) { return gesture ? MergeKey{kind, gesture} : MergeKey{}; }

// Several edits as one step; one edit as itself (so a field edit still
// merges with the next keystroke's).
EditPtr together(std::vector<EditPtr> edits, const char *description)
{
    if (edits.empty())
        return nullptr;
    if (edits.size() == 1)
        return std::move(edits.front());
    return compound(std::move(edits), description);
}

// One field edit for every field in which `before` and `after` (the same
// entity) differ: an undo step then holds those fields, not the entity.
template <typename Entity>
std::vector<EditPtr> fieldEdits(const Entity &before, const Entity &after)
{
    std::vector<EditPtr> edits;
    auto one = [&](const auto &field) {
        if (before.*(field.member) == after.*(field.member))
            return;
        if constexpr (std::is_same_v<Entity, Journey>)
            edits.push_back(cjm::setField(field, after.*(field.member)));
        else
            edits.push_back(cjm::setField(field, after.id, after.*(field.member)));
    };
    if constexpr (std::is_same_v<Entity, Journey>)
        std::apply([&](const auto &...f) { (one(f), ...); }, fields::journey::all);
    else if constexpr (std::is_same_v<Entity, Persona>)
        std::apply([&](const auto &...f) { (one(f), ...); }, fields::persona::all);
    else if constexpr (std::is_same_v<Entity, Stage>)
        std::apply([&](const auto &...f) { (one(f), ...); }, fields::stage::all);
    else if constexpr (std::is_same_v<Entity, Lane>)
        std::apply([&](const auto &...f) { (one(f), ...); }, fields::lane::all);
    else
        std::apply([&](const auto &...f) { (one(f), ...); }, fields::card::all);
    return edits;
}

// What "Edit %1" names a field by.
QString fieldLabel(std::string_view name)
{
    struct Label {
        const char *field;
        const char *text;
    };
    static const Label labels[] = {
        {"description", QT_TRANSLATE_NOOP("MapOperations", "Description")},
        {"goal", QT_TRANSLATE_NOOP("MapOperations", "Goal")},
        {"type", QT_TRANSLATE_NOOP("MapOperations", "Map Type")},
        {"language", QT_TRANSLATE_NOOP("MapOperations", "Language")},
        {"segment", QT_TRANSLATE_NOOP("MapOperations", "Segment")},
        {"owner", QT_TRANSLATE_NOOP("MapOperations", "Owner")},
        {"reviewIntervalDays", QT_TRANSLATE_NOOP("MapOperations", "Review Interval")},
        {"nextReview", QT_TRANSLATE_NOOP("MapOperations", "Next Review")},
        {"goals", QT_TRANSLATE_NOOP("MapOperations", "Goals")},
        {"needs", QT_TRANSLATE_NOOP("MapOperations", "Needs")},
        {"frustrations", QT_TRANSLATE_NOOP("MapOperations", "Frustrations")},
        {"color", QT_TRANSLATE_NOOP("MapOperations", "Colour")},
        {"avatar", QT_TRANSLATE_NOOP("MapOperations", "Avatar")},
        {"phase", QT_TRANSLATE_NOOP("MapOperations", "Phase")},
        {"notes", QT_TRANSLATE_NOOP("MapOperations", "Notes")},
        {"tags", QT_TRANSLATE_NOOP("MapOperations", "Tags")},
        {"link", QT_TRANSLATE_NOOP("MapOperations", "Link")},
        {"score", QT_TRANSLATE_NOOP("MapOperations", "Score")},
        {"desired", QT_TRANSLATE_NOOP("MapOperations", "Desired Score")},
        {"channel", QT_TRANSLATE_NOOP("MapOperations", "Channel")},
        {"direct", QT_TRANSLATE_NOOP("MapOperations", "Direct")},
        {"audit", QT_TRANSLATE_NOOP("MapOperations", "Audit")},
        {"severity", QT_TRANSLATE_NOOP("MapOperations", "Severity")},
        {"impact", QT_TRANSLATE_NOOP("MapOperations", "Impact")},
        {"status", QT_TRANSLATE_NOOP("MapOperations", "Status")},
        {"metric", QT_TRANSLATE_NOOP("MapOperations", "Metric")},
        {"image", QT_TRANSLATE_NOOP("MapOperations", "Picture")},
        {"comments", QT_TRANSLATE_NOOP("MapOperations", "Comments")},
    };
    for (const Label &label : labels)
        if (name == label.field)
            return QCoreApplication::translate("MapOperations", label.text);
    return QCoreApplication::translate("MapOperations", "Details");
}

// Applies `edit` through the controller (which refuses on a read-only map).
bool push(DocumentController *controller, EditPtr edit, const QString &text, MergeKey merge = {})
{
    return edit && controller->apply(std::move(edit), text, merge);
}

} // namespace

bool MapOperations::renameStage(const std::string &stageId, const QString &name, quint64 gesture)
{
    const Stage *stage = m_controller->document().stage(stageId);
    const std::string value = nameFrom(name);
    if (!stage || value.empty() || value == stage->name)
        return false;
    return push(m_controller, cjm::setField(fields::stage::name, stageId, value), tr("Rename Stage"),
                mergeKey(MergeField, gesture));
}

bool MapOperations::renamePersona(const std::string &personaId, const QString &name, quint64 gesture)
{
    const Persona *persona = m_controller->document().persona(personaId);
    const std::string value = nameFrom(name);
    if (!persona || value.empty() || value == persona->name)
        return false;
    return push(m_controller, cjm::setField(fields::persona::name, personaId, value), tr("Rename Persona"),
                mergeKey(MergeField, gesture));
}

bool MapOperations::renameMap(const QString &title, quint64 gesture)
{
    const std::string value = nameFrom(title);
    if (value.empty() || value == m_controller->document().journey().title)
        return false;
    return push(m_controller, cjm::setField(fields::journey::title, value), tr("Rename Map"),
                mergeKey(MergeField, gesture));
}

bool MapOperations::renameLane(const std::string &laneId, const QString &title)
{
    const Lane *lane = m_controller->document().lane(laneId);
    return lane && changeLane(laneId, title, !lane->hidden);
}

bool MapOperations::setLaneShown(const std::string &laneId, bool shown)
{
    const Lane *lane = m_controller->document().lane(laneId);
    return lane && changeLane(laneId, laneDisplayTitle(*lane), shown);
}

bool MapOperations::changeLane(const std::string &laneId, const QString &title, bool shown)
{
    const Lane *lane = m_controller->document().lane(laneId);
    if (!lane)
        return false;
    std::vector<EditPtr> edits;
    if (lane->hidden == shown)
        edits.push_back(cjm::setField(fields::lane::hidden, laneId, !shown));
    // The kind's own name stays unwritten, so it follows the UI language.
    const std::string value = title.simplified() == laneDisplayTitle(*lane) ? lane->title : nameFrom(title);
    if (value != lane->title)
        edits.push_back(cjm::setField(fields::lane::title, laneId, value));
    if (edits.empty())
        return false;
    const QString text = lane->hidden == shown ? (shown ? tr("Show Lane") : tr("Hide Lane")) : tr("Rename Lane");
    return push(m_controller, together(std::move(edits), "change lane"), text);
}

bool MapOperations::setCardText(const std::string &cardId, const QString &text, quint64 gesture)
{
    const Card *card = m_controller->document().card(cardId);
    const std::string value = toStdString(text);
    if (!card || value == card->text)
        return false;
    return push(m_controller, cjm::setField(fields::card::text, cardId, value), tr("Edit Card Text"),
                mergeKey(MergeField, gesture));
}

bool MapOperations::setAuditRating(const std::string &cardId, const AuditCriterion &criterion, int rating,
                                   quint64 gesture)
{
    const Card *card = m_controller->document().card(cardId);
    if (!card || rating < 0 || rating > kMaxAuditRating)
        return false;
    Audit audit = card->audit.value_or(Audit{});
    if (card->audit && audit.*criterion.field == rating)
        return false;
    audit.*criterion.field = rating;
    return push(m_controller, cjm::setField(fields::card::audit, cardId, std::optional<Audit>(std::move(audit))),
                tr("Rate %1").arg(QCoreApplication::translate("AuditCriteria", std::string(criterion.name).c_str())),
                mergeKey(MergeField, gesture));
}

template <typename Entity, typename Value>
bool MapOperations::setField(const EntityField<Entity, Value> &field, const std::string &id,
                             std::type_identity_t<Value> value, quint64 gesture)
{
    // The fields with an operation of their own keep its rules and its name.
    if constexpr (std::is_same_v<Value, std::string>) {
        if constexpr (std::is_same_v<Entity, Stage>) {
            if (field.member == fields::stage::name.member)
                return renameStage(id, toQString(value), gesture);
        } else if constexpr (std::is_same_v<Entity, Persona>) {
            if (field.member == fields::persona::name.member)
                return renamePersona(id, toQString(value), gesture);
        } else if constexpr (std::is_same_v<Entity, Journey>) {
            if (field.member == fields::journey::title.member)
                return renameMap(toQString(value), gesture);
        } else if constexpr (std::is_same_v<Entity, Card>) {
            if (field.member == fields::card::text.member)
                return setCardText(id, toQString(value), gesture);
        }
    }
    const Entity *current = findEntity<Entity>(m_controller->document(), id);
    if (!current || (*current).*(field.member) == value)
        return false;
    EditPtr edit;
    if constexpr (std::is_same_v<Entity, Journey>)
        edit = cjm::setField(field, std::move(value));
    else
        edit = cjm::setField(field, id, std::move(value));
    return push(m_controller, std::move(edit), tr("Edit %1").arg(fieldLabel(field.name)),
                mergeKey(MergeField, gesture));
}

bool MapOperations::markReviewed(const Date &today)
{
    const Journey &journey = m_controller->document().journey();
    return push(m_controller, together(fieldEdits(journey, cjm::markReviewed(journey, today)), "mark reviewed"),
                tr("Mark Reviewed"));
}

std::string MapOperations::addCardToCell(const std::string &personaId, const std::string &stageId,
                                         const std::string &laneId, std::size_t index)
{
    const Document &doc = m_controller->document();
    const Lane *lane = doc.lane(laneId);
    if (!lane || !doc.persona(personaId) || !doc.stage(stageId))
        return {};
    Card card;
    card.id = doc.newId("card");
    card.persona = personaId;
    card.stage = stageId;
    card.lane = laneId;
    const LaneKind kind = effectiveKind(lane->kind);
    if (kind == LaneKind::Emotions)
        card.score = 0;
    const std::string id = card.id;
    if (!push(m_controller, cjm::addCardToCell(doc, std::move(card), index),
              tr("Add %1").arg(laneKindDisplayName(kind))))
        return {};
    return id;
}

bool MapOperations::moveCards(const std::vector<std::string> &cardIds, const std::string &personaId,
                              const std::string &stageId, const std::string &laneId, std::size_t index, quint64 gesture)
{
    const Document &doc = m_controller->document();
    const Lane *target = doc.lane(laneId);
    if (!target)
        return false;
    const LaneKind targetKind = effectiveKind(target->kind);
    // A card keeps its kind: it joins the target lane when of its kind, else
    // its own lane in the new column.
    std::map<std::string, std::vector<std::string>> byLane;
    std::size_t moving = 0;
    for (const std::string &id : cardIds) {
        const Card *card = doc.card(id);
        if (!card)
            continue;
        byLane[doc.cardKind(*card) == targetKind ? laneId : card->lane].push_back(id);
        ++moving;
    }
    std::vector<EditPtr> edits;
    for (const auto &[lane, ids] : byLane)
        if (auto edit = moveCardsToCell(doc, ids, personaId, stageId, lane, lane == laneId ? index : SIZE_MAX))
            edits.push_back(std::move(edit));
    if (edits.empty())
        return false;
    return push(m_controller, compound(std::move(edits), "move cards"),
                tr("Move %n card(s)", "", static_cast<int>(moving)), mergeKey(MergeMoveCards, gesture));
}

bool MapOperations::setEmotion(const std::string &cardId, int score, const std::string &stageId, quint64 gesture)
{
    const Document &doc = m_controller->document();
    const Card *card = doc.card(cardId);
    if (!card || score < -3 || score > 3 || !doc.stage(stageId))
        return false;
    std::vector<EditPtr> edits;
    if (card->score != score)
        edits.push_back(cjm::setField(fields::card::score, cardId, std::optional<int>(score)));
    if (stageId != card->stage)
        if (auto move = moveCardsToCell(doc, {cardId}, card->persona, stageId, card->lane, SIZE_MAX))
            edits.push_back(std::move(move));
    // A score change alone goes as the field edit it is, so the steps of a
    // drag merge into one old and one new score.
    return push(m_controller, together(std::move(edits), "emotion"), tr("Change Emotion"),
                mergeKey(MergeEmotionScore, gesture));
}

bool MapOperations::deleteCards(const std::vector<std::string> &cardIds)
{
    std::vector<EditPtr> edits;
    for (const std::string &id : cardIds)
        if (m_controller->document().card(id))
            edits.push_back(removeCard(id));
    if (edits.empty())
        return false;
    const int count = static_cast<int>(edits.size());
    return push(m_controller, compound(std::move(edits), "delete cards"), tr("Delete %n card(s)", "", count));
}

bool MapOperations::pasteCards(const PastePlan &plan, PasteKind kind)
{
    if (plan.cards.empty())
        return false;
    const Document &doc = m_controller->document();
    std::vector<EditPtr> edits;
    for (const std::string &laneId : plan.shownLanes)
        edits.push_back(cjm::setField(fields::lane::hidden, laneId, false));
    for (const Lane &lane : plan.newLanes)
        edits.push_back(cjm::addLane(lane));
    // Pasted cards go to the end of their cell, in clipboard order; core
    // picks the orders and renumbers a cell whose orders run out.
    edits.push_back(addCardsAtEnd(doc, plan.cards, "paste cards"));
    const int count = static_cast<int>(plan.cards.size());
    return push(m_controller, compound(std::move(edits), "paste cards"),
                kind == PasteKind::Paste ? tr("Paste %n Card(s)", "", count) : tr("Duplicate %n Card(s)", "", count));
}

std::string MapOperations::dropPaletteEntry(const PaletteDrop &drop)
{
    switch (drop.type) {
    case PaletteEntry::Type::Stage: return addStage(drop.index);
    case PaletteEntry::Type::Persona: return addPersona(drop.index);
    case PaletteEntry::Type::Card: break;
    }
    const Document &doc = m_controller->document();
    if (!drop.valid || !doc.persona(drop.personaId) || !doc.stage(drop.stageId))
        return {};
    std::vector<EditPtr> edits;
    std::string laneId = drop.laneId;
    if (laneId.empty()) {
        laneId = doc.newId(std::string("lane-") + std::string(toString(drop.kind)));
        edits.push_back(cjm::addLane(Lane::make(laneId, drop.kind), drop.newLaneIndex));
    } else if (const Lane *lane = doc.lane(laneId); lane && lane->hidden) {
        edits.push_back(cjm::setField(fields::lane::hidden, laneId, false));
    }
    Card card;
    card.id = doc.newId("card");
    card.persona = drop.personaId;
    card.stage = drop.stageId;
    card.lane = laneId;
    card.channel = drop.channel;
    if (drop.kind == LaneKind::Emotions)
        card.score = drop.score.value_or(0); // the drop height, 0 outside the emotion row
    const std::string id = card.id;
    // The cell as it is now: a new lane has no cards, so index 0.
    edits.push_back(cjm::addCardToCell(doc, std::move(card), drop.index.value_or(SIZE_MAX)));
    if (!push(m_controller, compound(std::move(edits), "drop card"), tr("Add %1").arg(laneKindDisplayName(drop.kind))))
        return {};
    return id;
}

std::string MapOperations::addPersona(std::optional<std::size_t> index)
{
    Persona persona;
    persona.id = m_controller->document().newId("persona");
    persona.name = toStdString(tr("New persona"));
    const std::string id = persona.id;
    return push(m_controller, cjm::addPersona(std::move(persona), index), tr("Add Persona")) ? id : std::string();
}

std::string MapOperations::addStage(std::optional<std::size_t> index)
{
    Stage stage;
    stage.id = m_controller->document().newId("stage");
    stage.name = toStdString(tr("New stage"));
    const std::string id = stage.id;
    return push(m_controller, cjm::addStage(std::move(stage), index), tr("Add Stage")) ? id : std::string();
}

std::string MapOperations::addLane(LaneKind kind, std::optional<std::size_t> index)
{
    Lane lane = Lane::make(m_controller->document().newId("lane"), kind);
    const std::string id = lane.id;
    return push(m_controller, cjm::addLane(std::move(lane), index), tr("Add Lane")) ? id : std::string();
}

bool MapOperations::removePersona(const std::string &personaId)
{
    return m_controller->document().persona(personaId) &&
           push(m_controller, cjm::removePersona(personaId), tr("Delete Persona"));
}
bool MapOperations::removeStage(const std::string &stageId)
{
    return m_controller->document().stage(stageId) && push(m_controller, cjm::removeStage(stageId), tr("Delete Stage"));
}
bool MapOperations::removeLane(const std::string &laneId)
{
    return m_controller->document().lane(laneId) && push(m_controller, cjm::removeLane(laneId), tr("Delete Lane"));
}

bool MapOperations::movePersona(const std::string &personaId, std::size_t index)
{
    const auto from = m_controller->document().personaIndex(personaId);
    return from && *from != index && push(m_controller, cjm::movePersona(personaId, index), tr("Move Persona"));
}
bool MapOperations::moveStage(const std::string &stageId, std::size_t index)
{
    const auto from = m_controller->document().stageIndex(stageId);
    return from && *from != index && push(m_controller, cjm::moveStage(stageId, index), tr("Move Stage"));
}
bool MapOperations::moveLane(const std::string &laneId, std::size_t index)
{
    const auto from = m_controller->document().laneIndex(laneId);
    return from && *from != index && push(m_controller, cjm::moveLane(laneId, index), tr("Move Lane"));
}

bool MapOperations::setViews(const std::vector<View> &views, const QString &undoText)
{
    const Document &document = m_controller->document();
    std::vector<EditPtr> edits;
    for (const View &old : document.views())
        if (std::none_of(views.begin(), views.end(), [&](const View &v) { return v.id == old.id; }))
            edits.push_back(removeView(old.id));
    for (std::size_t i = 0; i < views.size(); ++i) {
        const View *old = document.view(views[i].id);
        if (!old)
            edits.push_back(addView(views[i], i));
        else if (!(*old == views[i]))
            edits.push_back(updateView(views[i]));
    }
    if (edits.empty())
        return false;
    return push(m_controller, compound(std::move(edits), "set views"), undoText);
}

bool MapOperations::updateFromSheet(SheetUpdatePlan plan)
{
    return push(m_controller, std::move(plan.edit), tr("Update from Spreadsheet"));
}

bool MapOperations::resolveConflict(const Conflict &conflict, Resolution how, const Json &value, QString *error)
{
    const Document &doc = m_controller->document();
    ResolveResult result = cjm::resolveConflict(doc, conflict, how, value);
    if (!result.edit) {
        if (error)
            *error = toQString(result.error);
        return false;
    }
    // Core settles what one entity holds as edits of those fields alone.
    return push(m_controller, std::move(result.edit),
                tr("Resolve Conflict in %1").arg(toQString(entityLabel(doc, conflict.entity, conflict.id))));
}

// The Inspector's field types (fields.hpp).
using OptionalText = std::optional<std::string>;
template bool MapOperations::setField(const EntityField<Journey, std::string> &, const std::string &, std::string,
                                      quint64);
template bool MapOperations::setField(const EntityField<Journey, MapType> &, const std::string &, MapType, quint64);
template bool MapOperations::setField(const EntityField<Journey, int> &, const std::string &, int, quint64);
template bool MapOperations::setField(const EntityField<Journey, OptionalText> &, const std::string &, OptionalText,
                                      quint64);
template bool MapOperations::setField(const EntityField<Persona, std::string> &, const std::string &, std::string,
                                      quint64);
template bool MapOperations::setField(const EntityField<Persona, OptionalText> &, const std::string &, OptionalText,
                                      quint64);
template bool MapOperations::setField(const EntityField<Persona, std::optional<Image>> &, const std::string &,
                                      std::optional<Image>, quint64);
template bool MapOperations::setField(const EntityField<Stage, std::string> &, const std::string &, std::string,
                                      quint64);
template bool MapOperations::setField(const EntityField<Stage, Phase> &, const std::string &, Phase, quint64);
template bool MapOperations::setField(const EntityField<Stage, OptionalText> &, const std::string &, OptionalText,
                                      quint64);
template bool MapOperations::setField(const EntityField<Card, std::string> &, const std::string &, std::string,
                                      quint64);
template bool MapOperations::setField(const EntityField<Card, OptionalText> &, const std::string &, OptionalText,
                                      quint64);
template bool MapOperations::setField(const EntityField<Card, std::vector<std::string>> &, const std::string &,
                                      std::vector<std::string>, quint64);
template bool MapOperations::setField(const EntityField<Card, std::optional<int>> &, const std::string &,
                                      std::optional<int>, quint64);
template bool MapOperations::setField(const EntityField<Card, bool> &, const std::string &, bool, quint64);
template bool MapOperations::setField(const EntityField<Card, std::optional<Audit>> &, const std::string &,
                                      std::optional<Audit>, quint64);
template bool MapOperations::setField(const EntityField<Card, int> &, const std::string &, int, quint64);
template bool MapOperations::setField(const EntityField<Card, OpportunityStatus> &, const std::string &,
                                      OpportunityStatus, quint64);
template bool MapOperations::setField(const EntityField<Card, std::optional<Metric>> &, const std::string &,
                                      std::optional<Metric>, quint64);
template bool MapOperations::setField(const EntityField<Card, std::optional<Image>> &, const std::string &,
                                      std::optional<Image>, quint64);
template bool MapOperations::setField(const EntityField<Card, std::vector<Comment>> &, const std::string &,
                                      std::vector<Comment>, quint64);

} // namespace cjm
