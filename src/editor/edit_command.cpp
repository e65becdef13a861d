#include "edit_command.hpp"

namespace cjm {

EditCommand::EditCommand(DocumentController *controller, EditPtr edit, const QString &text, ChangeHint hint,
                         MergeKey merge)
    : QUndoCommand(text), m_controller(controller), m_merge(merge)
{
    m_edits.push_back(std::move(edit));
    m_hints.push_back(std::move(hint));
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
    for (const ChangeHint &hint : m_hints)
        m_controller->notifyChanged(hint);
}

void EditCommand::undo()
{
    if (!m_applied)
        return;
    for (auto it = m_edits.rbegin(); it != m_edits.rend(); ++it)
        (*it)->revert(m_controller->mutableDocumentForCommands());
    for (auto it = m_hints.rbegin(); it != m_hints.rend(); ++it)
        m_controller->notifyChanged(*it);
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
    for (auto &hint : donor->m_hints)
        if (m_hints.empty() || !(m_hints.back() == hint))
            m_hints.push_back(std::move(hint));
    donor->m_edits.clear();
    donor->m_hints.clear();
    return true;
}

std::size_t EditCommand::sizeInBytes() const
{
    std::size_t bytes = sizeof(*this) + m_edits.capacity() * sizeof(EditPtr) +
                        m_hints.capacity() * sizeof(ChangeHint) + static_cast<std::size_t>(text().capacity()) * 2;
    for (const EditPtr &edit : m_edits)
        bytes += edit->sizeInBytes();
    for (const ChangeHint &hint : m_hints) {
        bytes += hint.cardIds.capacity() * sizeof(std::string);
        for (const std::string &id : hint.cardIds)
            bytes += id.capacity() > std::string().capacity() ? id.capacity() + 1 : 0;
    }
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
