#pragma once
// A QUndoCommand around one core edit: the edit knows how to apply and
// revert itself exactly and says what it changed; the command passes that on
// to the controller.
//
// On a shared map (DocumentController::isShared) teammates change the map
// between an edit and its undo, so an edit's exact revert no longer fits.
// There the command also keeps the edit as team operations, forwards and
// inverse (worked out once, when it is first applied), and undo and redo
// apply those to the map as it is then: an undo sets back the fields this
// edit changed, removes what it added and puts back what it removed,
// leaving every teammate's change alone.

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
    // A shared map: the forward and inverse operations of the edits just
    // applied by the first redo (the map before is seen by reverting them
    // and applying them again).
    void noteOperations(const ChangeSet &changes);
    // A shared map's undo or redo: `operations` applied to the map as it is
    // now. False (nothing changed) when what they change was deleted meanwhile.
    bool applyOperations(const std::vector<Json> &operations, bool undo);

    DocumentController *m_controller;
    std::vector<EditPtr> m_edits; // in the order they were applied
    MergeKey m_merge;
    bool m_applied = false;
    bool m_shared = false;
    ChangeSet m_changes;         // a shared map: what the edits changed
    std::vector<Json> m_forward; // a shared map: the edits as operations
    std::vector<Json> m_inverse; // ...and what undoes them, in order
    bool m_undone = false;       // a shared map: undo() ran last
};

// The memory every step of `stack` holds (EditCommand::sizeInBytes).
std::size_t undoStackBytes(const QUndoStack &stack);

} // namespace cjm
