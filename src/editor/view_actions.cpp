#include "view_actions.hpp"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QScreen>
#include <QWidget>

#include "document_controller.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "picture_copy.hpp"
#include "presentation_window.hpp"

namespace cjm {

ViewActions::ViewActions(QWidget *window, DocumentController *controller, MapScene *scene, MapView *view)
    : QObject(window), m_window(window), m_controller(controller), m_scene(scene), m_view(view)
{
    setObjectName(QStringLiteral("viewActions"));
    m_present = new QAction(tr("&Present"), this);
    m_present->setObjectName(QStringLiteral("presentAction"));
    m_present->setShortcut(QKeySequence(Qt::Key_F5));
    m_present->setToolTip(tr("Show the current view's slides full screen"));
    connect(m_present, &QAction::triggered, this, &ViewActions::present);

    // Canvas-only, as Copy is: in a text field the keys stay the field's.
    m_copyPicture = new QAction(tr("Copy as &Picture"), this);
    m_copyPicture->setObjectName(QStringLiteral("copyPictureAction"));
    m_copyPicture->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyPicture->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyPicture->setToolTip(tr("Put the selected cards on the clipboard as a picture (PNG and SVG)"));
    view->addAction(m_copyPicture);
    connect(m_copyPicture, &QAction::triggered, this, &ViewActions::copyPicture);

    m_viewsMenu = new QMenu(tr("&Views"), window);
    m_viewsMenu->setObjectName(QStringLiteral("viewsMenu"));

    connect(scene, &MapScene::cardSelectionChanged, this, &ViewActions::updateActions);
    updateActions();
}

ViewActions *ViewActions::of(QWidget *window)
{
    return window ? window->findChild<ViewActions *>(QStringLiteral("viewActions"), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ViewActions::updateActions() { m_copyPicture->setEnabled(!m_scene->selectedCards().empty()); }

QString ViewActions::currentViewName() const { return tr("Whole map"); }

SlideSelection ViewActions::currentSelection() const { return {}; }

PresentationWindow *ViewActions::present()
{
    if (m_presentation)
        m_presentation->close();
    auto *presentation = new PresentationWindow(m_controller->document(), currentSelection(), m_window);
    m_presentation = presentation;
    // With a second screen the audience gets the one the window is not on
    // (a laptop's own screen stays the presenter's).
    QScreen *home = m_window->screen();
    QScreen *audience = home;
    for (QScreen *screen : QGuiApplication::screens())
        if (screen != home) {
            audience = screen;
            break;
        }
    presentation->present(audience, audience != home ? home : nullptr);
    return presentation;
}

void ViewActions::copyPicture()
{
    if (auto mime = cardsPicture(m_scene->mapPainter(), m_scene->selectedCardIds()))
        QApplication::clipboard()->setMimeData(mime.release());
}

} // namespace cjm
