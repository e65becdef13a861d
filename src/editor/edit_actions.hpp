#pragma once
// The Edit menu's actions on the canvas: Undo, Redo, Cut, Copy, Paste,
// Duplicate, Delete, Find and Select All. It owns the actions and keeps each
// enabled only when it can act (Cut, Copy, Duplicate and Delete need selected
// cards, Paste needs cards on the clipboard), so the window only places them
// in its menu and toolbar.

#include <QObject>
#include <string>
#include <vector>

class QAction;
class QWidget;

namespace cjm {

class DocumentController;
class FindBar;
class MapScene;
class MapView;

class EditActions : public QObject {
    Q_OBJECT
public:
    // Cut, Copy, Paste, Duplicate and Delete act only while the canvas has
    // the focus: in a text field the same keys edit the text.
    EditActions(QWidget *window, DocumentController *controller, MapScene *scene, MapView *view, FindBar *findBar);

    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *cutAction() const { return m_cut; }
    QAction *copyAction() const { return m_copy; }
    QAction *pasteAction() const { return m_paste; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *deleteAction() const { return m_delete; }
    QAction *findAction() const { return m_find; }
    QAction *selectAllAction() const { return m_selectAll; }

    // The actions' words in the UI language now (View ▸ Language); Undo and
    // Redo are new actions, so a window places them in its menus again.
    void retranslate();

public slots:
    void copySelection();
    void cutSelection();
    // Pastes after the last selected card, or where the cards came from.
    void paste();
    void duplicateSelection();
    void deleteSelection();
    void find();

private:
    void updateActions();
    void selectCards(const std::vector<std::string> &ids);

    QWidget *m_window;
    DocumentController *m_controller;
    MapScene *m_scene;
    MapView *m_view;
    FindBar *m_findBar;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_cut;
    QAction *m_copy;
    QAction *m_paste;
    QAction *m_duplicate;
    QAction *m_delete;
    QAction *m_find;
    QAction *m_selectAll;
};

} // namespace cjm
