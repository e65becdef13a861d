#include "edit_command.hpp"

namespace cjm {

EditCommand::EditCommand(DocumentController *controller, EditPtr edit, const QString &text, ChangeHint hint)
    : QUndoCommand(text), m_controller(controller), m_edit(std::move(edit)), m_hint(std::move(hint))
{
}

void EditCommand::redo()
{
    m_applied = m_edit->apply(m_controller->mutableDocumentForCommands());
    m_controller->reportApplied(m_applied);
    if (!m_applied) {
        setObsolete(true); // QUndoStack drops an obsolete command right after push
        return;
    }
    m_controller->notifyChanged(m_hint);
}

void EditCommand::undo()
{
    if (!m_applied)
        return;
    m_edit->revert(m_controller->mutableDocumentForCommands());
    m_controller->notifyChanged(m_hint);
}

} // namespace cjm
