#include "edit_command.hpp"

namespace cjm {

EditCommand::EditCommand(DocumentController *controller, EditPtr edit, const QString &text, MergeKey merge)
    : QUndoCommand(text), m_controller(controller), m_merge(merge)
{
    m_edits.push_back(std::move(edit));
}

void EditCommand::redo()
{
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
    m_controller->notifyChanged(changes);
}

void EditCommand::undo()
{
    if (!m_applied)
        return;
    for (auto it = m_edits.rbegin(); it != m_edits.rend(); ++it)
        (*it)->revert(m_controller->mutableDocumentForCommands());
    ChangeSet changes;
    for (auto it = m_edits.rbegin(); it != m_edits.rend(); ++it)
        (*it)->collectChanges(changes);
    m_controller->notifyChanged(changes.inverted());
}

bool EditCommand::mergeWith(const QUndoCommand *other)
{
    auto *next = dynamic_cast<const EditCommand *>(other);
    if (!next || next->m_merge.kind != m_merge.kind || next->m_merge.gesture != m_merge.gesture || !next->m_applied)
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
