#pragma once
// The window's actions on views of the map: View ▸ Present (F5), the
// View ▸ Views submenu (which view is current: the built-in ones and the
// map's saved views; Save View… and Edit Views…) and Edit ▸ Copy as Picture
// (Ctrl+Shift+C). The current view is what Present shows and what the
// Export dialog proposes; picking one is a setting of this window, never a
// change to the map. Saving, changing or removing a view is an undoable
// edit of the map.

#include <QObject>
#include <QPointer>
#include <QString>
#include <string>

#include "cjm/document.hpp"
#include "slides.hpp"

class QAction;
class QMenu;
class QWidget;

namespace cjm {

class DocumentController;
class MapScene;
class MapView;
class PresentationWindow;

class ViewActions : public QObject {
    Q_OBJECT
public:
    ViewActions(QWidget *window, DocumentController *controller, MapScene *scene, MapView *view);

    // The actions of `window`'s menus, if it has them (the Export dialog
    // asks for the current view this way).
    static ViewActions *of(QWidget *window);

    QAction *presentAction() const { return m_present; }
    QAction *copyPictureAction() const { return m_copyPicture; }
    QMenu *viewsMenu() const { return m_viewsMenu; }

    // The current view (a built-in one or one of the map's; "Whole map"
    // until another is picked, and again when the picked one is removed):
    // its id, the view, its name as the menu shows it, and the slides it
    // selects.
    std::string currentViewId() const;
    View currentView() const;
    QString currentViewName() const;
    SlideSelection currentSelection() const;
    // Picks the current view by id (false, and nothing changes, when the map
    // offers no such view). A setting of this window, not a change to the map.
    bool setCurrentView(const std::string &viewId);

    // The actions' and the Views menu's words in the UI language now
    // (View ▸ Language); the actions and the current view stay.
    void retranslate();

    // The presentation under way, if any.
    PresentationWindow *presentation() const;

public slots:
    // Presents the current view's slides full screen (and the presenter
    // view on a second screen).
    PresentationWindow *present();
    // The selected cards on the clipboard as a picture (PNG and SVG).
    void copyPicture();
    // Save View…: a new view like the current one, named in the Views
    // dialog; it becomes the current view. Edit Views…: the map's views in
    // the dialog. Each is one undoable edit of the map; Cancel changes nothing.
    void saveView();
    void editViews();

signals:
    void currentViewChanged();

private:
    void updateActions();
    void fillViewsMenu();
    void runViewsDialog(bool newView);

    QWidget *m_window;
    DocumentController *m_controller;
    MapScene *m_scene;
    MapView *m_view;
    QAction *m_present;
    QAction *m_copyPicture;
    QMenu *m_viewsMenu;
    QAction *m_saveView;
    QAction *m_editViews;
    std::string m_currentViewId;
    QPointer<PresentationWindow> m_presentation;
};

} // namespace cjm
