#pragma once
// A QUndoCommand around one core edit: the edit knows how to apply and
// revert itself exactly and says what it changed; the command passes that on
// to the controller.

#include <QUndoCommand>
#include <QUndoStack>
#include <vector>

#include "cjm/edit.hpp"
#include "document_controller.hpp"

namespace cjm {

class EditCommand : public QUndoCommand {
public:
    EditCommand(DocumentController *controller, EditPtr edit, const QString &text, MergeKey merge = {});

    void redo() override;
    void undo() override;
    int id() const override { return m_merge.kind; }
    bool mergeWith(const QUndoCommand *other) override;
    // False when the edit did not fit the document on its first apply.
    bool applied() const { return m_applied; }
    // The memory this undo step holds: its edits (what they changed is asked
    // of them when views are told, never kept).
    std::size_t sizeInBytes() const;

private:
    DocumentController *m_controller;
    std::vector<EditPtr> m_edits; // in the order they were applied
    MergeKey m_merge;
    bool m_applied = false;
};

// The memory every step of `stack` holds (EditCommand::sizeInBytes).
std::size_t undoStackBytes(const QUndoStack &stack);

} // namespace cjm
