#pragma once
// A QUndoCommand around one core edit: the edit knows how to apply and
// revert itself exactly; the command tells the controller what changed.

#include <QUndoCommand>

#include "cjm/edit.hpp"
#include "document_controller.hpp"

namespace cjm {

class EditCommand : public QUndoCommand {
public:
    EditCommand(DocumentController *controller, EditPtr edit, const QString &text, ChangeHint hint);

    void redo() override;
    void undo() override;
    // False when the edit did not fit the document on its first apply.
    bool applied() const { return m_applied; }

private:
    DocumentController *m_controller;
    EditPtr m_edit;
    ChangeHint m_hint;
    bool m_applied = false;
};

} // namespace cjm
