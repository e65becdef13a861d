#pragma once
// The map's structure as three lists: personas (the bands), stages (the
// columns) and lanes (the rows). Add, rename in place, delete (saying how
// many cards go with it), reorder, show or hide a lane, and focus the canvas
// on one persona.

#include <QWidget>
#include <string>

class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTabWidget;

namespace cjm {

class DocumentController;
class MapScene;

class StructurePanel : public QWidget {
    Q_OBJECT
public:
    StructurePanel(DocumentController *controller, MapScene *scene, QWidget *parent = nullptr);

    enum class Kind { Personas = 0, Stages = 1, Lanes = 2 };
    QListWidget *list(Kind kind) const;
    void setCurrentKind(Kind kind);
    // Each list's current entry in `old` (built in the language before) is
    // current here too, found by its id.
    void takeOver(const StructurePanel &old);

    void addEntry();
    // Deletes the current entry; when it holds cards, asks first.
    void deleteCurrent();
    void moveCurrent(int delta);
    void toggleFocus();

private:
    void refresh();
    void itemEdited(QListWidgetItem *item);
    Kind currentKind() const;
    std::string currentId() const;

    DocumentController *m_controller;
    MapScene *m_scene;
    QTabWidget *m_tabs;
    QListWidget *m_lists[3];
    QPushButton *m_focus;
    bool m_refreshing = false;
    bool m_inItemEdit = false; // a rename from the list's own editor is being applied
};

} // namespace cjm
