#include "edit_command.hpp"

#include <QCoreApplication>
#include <map>
#include <set>
#include <spdlog/spdlog.h>

#include "cjm/document_io.hpp"
#include "operations.hpp"

namespace cjm {

namespace {

std::string textOf(const Json &op, const char *key)
{
    const auto found = op.find(key);
    return found != op.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// Whether the operations of one undo step still fit a map, read in order:
// what they set, move or remove is there, what they put back is not (and a
// card's cell is). Earlier operations of the step count (putting back a
// persona, then its cards).
class FitCheck {
public:
    explicit FitCheck(const Document &document) : m_document(document) {}

    bool fits(const Json &op)
    {
        const std::string kind = textOf(op, "op");
        const std::string entity = textOf(op, "entity");
        if (kind == "order" || entity == "journey" || entity == "map")
            return true; // ids that are gone are passed over; the journey is always there
        if (kind == "add") {
            if (!op.contains("value") || !op["value"].is_object())
                return false;
            const Json &value = op["value"];
            const std::string id = textOf(value, "id");
            if (holds(entity, id))
                return false;
            if (entity == "card" && !holdsCell(value))
                return false;
            m_removed.erase(entity + '\n' + id);
            m_added.insert(entity + '\n' + id);
            return true;
        }
        const std::string id = textOf(op, "id");
        if (!holds(entity, id))
            return false;
        if (kind == "move")
            return holdsCell(op);
        if (kind == "remove") {
            m_added.erase(entity + '\n' + id);
            m_removed.insert(entity + '\n' + id);
        }
        return true;
    }

private:
    bool holds(const std::string &entity, const std::string &id) const
    {
        const std::string key = entity + '\n' + id;
        if (m_added.count(key))
            return true;
        if (m_removed.count(key))
            return false;
        if (entity == "persona")
            return m_document.persona(id) != nullptr;
        if (entity == "stage")
            return m_document.stage(id) != nullptr;
        if (entity == "lane")
            return m_document.lane(id) != nullptr;
        if (entity == "card")
            return m_document.card(id) != nullptr;
        return false;
    }
    bool holdsCell(const Json &card) const
    {
        return holds("persona", textOf(card, "persona")) && holds("stage", textOf(card, "stage")) &&
               holds("lane", textOf(card, "lane"));
    }

    const Document &m_document;
    std::set<std::string> m_added, m_removed;
};

// The value `op` (a "set" or a card's "move") finds in `document` now: the
// key's value (nullopt: not set), or the card's cell (its order among the
// cell's cards is renumbered by anyone's drop there: not a change of it). Nullopt for anything
// else, or an entity that is gone.
std::optional<Json> currentValue(const Document &document, const Json &op)
{
    const std::string kind = textOf(op, "op"), entity = textOf(op, "entity"), id = textOf(op, "id");
    if (kind == "move") {
        const Card *card = document.card(id);
        if (!card)
            return std::nullopt;
        return Json{{"persona", card->persona}, {"stage", card->stage}, {"lane", card->lane}};
    }
    if (kind != "set")
        return std::nullopt;
    Json json;
    if (entity == "journey")
        json = journeyToJson(document.journey());
    else if (entity == "persona" && document.persona(id))
        json = personaToJson(*document.persona(id));
    else if (entity == "stage" && document.stage(id))
        json = stageToJson(*document.stage(id));
    else if (entity == "lane" && document.lane(id))
        json = laneToJson(*document.lane(id));
    else if (entity == "card" && document.card(id))
        json = cardToJson(*document.card(id));
    else if (entity == "map")
        json = toJson(document);
    else
        return std::nullopt;
    const std::string field = textOf(op, "field");
    const auto found = json.find(field);
    return Json{{"value", found != json.end() ? *found : Json()}, {"set", found != json.end()}};
}

// What `op` leaves, in currentValue's form.
std::optional<Json> valueAfter(const Json &op)
{
    const std::string kind = textOf(op, "op");
    if (kind == "move")
        return Json{{"persona", textOf(op, "persona")}, {"stage", textOf(op, "stage")}, {"lane", textOf(op, "lane")}};
    if (kind != "set")
        return std::nullopt;
    return Json{{"value", op.contains("value") ? op["value"] : Json()}, {"set", op.contains("value")}};
}

std::string keyOf(const Json &op)
{
    return textOf(op, "op") + '\n' + textOf(op, "entity") + '\n' + textOf(op, "id") + '\n' + textOf(op, "field");
}

// Several steps of one gesture (typing, a drag) set the same field or move
// the same card again and again: the last one alone counts.
void keepLastOfEach(std::vector<Json> &operations)
{
    std::vector<std::string> keys;
    keys.reserve(operations.size());
    for (const Json &op : operations) {
        const std::string kind = textOf(op, "op");
        if (kind != "set" && kind != "move")
            return; // other operations may depend on order: kept as they are
        keys.push_back(kind + '\n' + textOf(op, "entity") + '\n' + textOf(op, "id") + '\n' + textOf(op, "field"));
    }
    std::set<std::string> seen;
    std::vector<Json> kept;
    for (std::size_t i = operations.size(); i-- > 0;)
        if (seen.insert(keys[i]).second)
            kept.push_back(std::move(operations[i]));
    operations.assign(std::make_move_iterator(kept.rbegin()), std::make_move_iterator(kept.rend()));
}

} // namespace

EditCommand::EditCommand(DocumentController *controller, EditPtr edit, const QString &text, MergeKey merge)
    : QUndoCommand(text), m_controller(controller), m_merge(merge), m_shared(controller->isShared())
{
    m_edits.push_back(std::move(edit));
}

void EditCommand::redo()
{
    if (m_shared && m_undone) {
        // A redo on a shared map: the operations, on the map as it is now.
        if (!applyOperations(m_forward, false))
            return;
        m_undone = false;
        m_controller->notifyChanged(m_changes);
        m_controller->notifyLocalOperations(m_forward);
        return;
    }
    // The first redo (from push) applies the one edit; after an undo, redo
    // applies every edit merged in since, in order.
    bool ok = true;
    std::size_t done = 0;
    for (; done < m_edits.size(); ++done)
        if (!m_edits[done]->apply(m_controller->mutableDocumentForCommands())) {
            ok = false;
            break;
        }
    if (!ok) {
        while (done-- > 0)
            m_edits[done]->revert(m_controller->mutableDocumentForCommands());
    }
    m_applied = ok;
    m_controller->reportApplied(m_applied);
    if (!m_applied) {
        setObsolete(true); // QUndoStack drops an obsolete command right after push
        return;
    }
    ChangeSet changes;
    for (const EditPtr &edit : m_edits)
        edit->collectChanges(changes);
    if (m_shared) {
        noteOperations(changes);
        m_changes = changes;
    }
    m_controller->notifyChanged(changes);
    if (m_shared)
        m_controller->notifyLocalOperations(m_forward);
}

void EditCommand::undo()
{
    if (!m_applied)
        return;
    if (m_shared) {
        if (!applyOperations(m_inverse, true))
            return;
        m_undone = true;
        m_controller->notifyChanged(m_changes.inverted());
        m_controller->notifyLocalOperations(m_inverse);
        return;
    }
    for (auto it = m_edits.rbegin(); it != m_edits.rend(); ++it)
        (*it)->revert(m_controller->mutableDocumentForCommands());
    ChangeSet changes;
    for (auto it = m_edits.rbegin(); it != m_edits.rend(); ++it)
        (*it)->collectChanges(changes);
    m_controller->notifyChanged(changes.inverted());
}

void EditCommand::noteOperations(const ChangeSet &changes)
{
    Document &document = m_controller->mutableDocumentForCommands();
    std::optional<std::vector<Json>> forward = team::operationsFor(changes, document);
    std::optional<Document> after;
    if (!forward)
        after = document; // an edit that cannot say what it changed: compared whole (rare: merges, views)
    for (auto it = m_edits.rbegin(); it != m_edits.rend(); ++it)
        (*it)->revert(document);
    std::optional<std::vector<Json>> inverse =
        forward ? team::operationsFor(changes.inverted(), document) : std::optional<std::vector<Json>>();
    if (!forward || !inverse) {
        const Document before = document;
        for (const EditPtr &edit : m_edits)
            edit->apply(document);
        forward = team::operationsBetween(before, document);
        inverse = team::operationsBetween(document, before);
    } else {
        for (const EditPtr &edit : m_edits)
            edit->apply(document); // exactly as before: the edits were applied to this very state
    }
    m_forward = std::move(*forward);
    m_inverse = std::move(*inverse);
}

bool EditCommand::applyOperations(const std::vector<Json> &operations, bool undo)
{
    Document &document = m_controller->mutableDocumentForCommands();
    // What this step left in each field (undo) or took out (redo): when a
    // teammate has changed it since, the step would overwrite their change.
    std::map<std::string, Json> left;
    for (const Json &op : undo ? m_forward : m_inverse)
        if (std::optional<Json> after = valueAfter(op))
            left[keyOf(op)] = std::move(*after);
    bool changedSince = false;
    for (const Json &op : operations) {
        const auto found = left.find(keyOf(op));
        if (found == left.end())
            continue;
        const std::optional<Json> now = currentValue(document, op);
        if (now && *now != found->second)
            changedSince = true;
    }
    if (changedSince) {
        setObsolete(true);
        m_controller->notifyUndoRefused(
            undo ? QCoreApplication::translate("cjm::EditCommand",
                                               "“%1” cannot be undone: a teammate has changed it since.")
                       .arg(text())
                 : QCoreApplication::translate("cjm::EditCommand",
                                               "“%1” cannot be redone: a teammate has changed it since.")
                       .arg(text()));
        return false;
    }
    FitCheck check(document);
    for (const Json &op : operations)
        if (!check.fits(op)) {
            // A teammate deleted what this step changed (or took its place):
            // the step goes, so the next undo is the one before it.
            setObsolete(true);
            m_controller->notifyUndoRefused(
                undo ? QCoreApplication::translate("cjm::EditCommand",
                                                   "“%1” cannot be undone: a teammate deleted what it changed.")
                           .arg(text())
                     : QCoreApplication::translate("cjm::EditCommand",
                                                   "“%1” cannot be redone: a teammate deleted what it changed.")
                           .arg(text()));
            return false;
        }
    for (const Json &op : operations) {
        std::string why;
        if (!team::applyOperation(document, op, why))
            spdlog::warn("{} of '{}': an operation did not apply: {}", undo ? "undo" : "redo", text().toStdString(),
                         why);
    }
    return true;
}

bool EditCommand::mergeWith(const QUndoCommand *other)
{
    auto *next = dynamic_cast<const EditCommand *>(other);
    if (!next || next->m_merge.kind != m_merge.kind || next->m_merge.gesture != m_merge.gesture || !next->m_applied ||
        next->m_shared != m_shared || m_undone)
        return false;
    // The other command has been applied already (push calls redo first);
    // it gives its edits to this one, which from now on undoes them all. An
    // edit of the field the last one changed is taken into it (the first old
    // value, the newest value), so 50 keystrokes hold two texts, not 50.
    auto *donor = const_cast<EditCommand *>(next);
    for (auto &edit : donor->m_edits)
        if (m_edits.empty() || !m_edits.back()->mergeWith(*edit))
            m_edits.push_back(std::move(edit));
    donor->m_edits.clear();
    if (m_shared) {
        // Its operations follow this one's; undoing them comes first.
        m_changes.append(donor->m_changes);
        m_forward.insert(m_forward.end(), donor->m_forward.begin(), donor->m_forward.end());
        std::vector<Json> inverse = std::move(donor->m_inverse);
        inverse.insert(inverse.end(), m_inverse.begin(), m_inverse.end());
        m_inverse = std::move(inverse);
        keepLastOfEach(m_forward);
        keepLastOfEach(m_inverse);
    }
    return true;
}

std::size_t EditCommand::sizeInBytes() const
{
    std::size_t bytes =
        sizeof(*this) + m_edits.capacity() * sizeof(EditPtr) + static_cast<std::size_t>(text().capacity()) * 2;
    for (const EditPtr &edit : m_edits)
        bytes += edit->sizeInBytes();
    return bytes;
}

std::size_t undoStackBytes(const QUndoStack &stack)
{
    std::size_t bytes = 0;
    for (int i = 0; i < stack.count(); ++i)
        if (const auto *command = dynamic_cast<const EditCommand *>(stack.command(i)))
            bytes += command->sizeInBytes();
    return bytes;
}

} // namespace cjm
