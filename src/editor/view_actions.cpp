#include "view_actions.hpp"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QScreen>
#include <QWidget>
#include <algorithm>

#include "cjm/views.hpp"

#include "document_controller.hpp"
#include "map_operations.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "picture_copy.hpp"
#include "presentation_window.hpp"
#include "qt_text.hpp"
#include "views_dialog.hpp"

namespace cjm {

ViewActions::ViewActions(QWidget *window, DocumentController *controller, MapScene *scene, MapView *view)
    : QObject(window), m_window(window), m_controller(controller), m_scene(scene), m_view(view)
{
    setObjectName(QStringLiteral("viewActions"));
    m_present = new QAction(this);
    m_present->setObjectName(QStringLiteral("presentAction"));
    m_present->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_present, &QAction::triggered, this, &ViewActions::present);

    // Canvas-only, as Copy is: in a text field the keys stay the field's.
    m_copyPicture = new QAction(this);
    m_copyPicture->setObjectName(QStringLiteral("copyPictureAction"));
    m_copyPicture->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyPicture->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view->addAction(m_copyPicture);
    connect(m_copyPicture, &QAction::triggered, this, &ViewActions::copyPicture);

    m_currentViewId = std::string(kWholeMapViewId);
    m_viewsMenu = new QMenu(window);
    m_viewsMenu->setObjectName(QStringLiteral("viewsMenu"));
    m_saveView = new QAction(this);
    m_saveView->setObjectName(QStringLiteral("saveViewAction"));
    connect(m_saveView, &QAction::triggered, this, &ViewActions::saveView);
    m_editViews = new QAction(this);
    m_editViews->setObjectName(QStringLiteral("editViewsAction"));
    connect(m_editViews, &QAction::triggered, this, &ViewActions::editViews);
    connect(m_viewsMenu, &QMenu::aboutToShow, this, &ViewActions::fillViewsMenu);
    retranslate(); // also fills the Views menu: its actions exist before it is first opened (tests, the keyboard)
    connect(controller, &DocumentController::readOnlyChanged, this, &ViewActions::updateActions);
    // Another map: its views are not this one's.
    connect(controller, &DocumentController::documentReset, this,
            [this] { setCurrentView(std::string(kWholeMapViewId)); });

    connect(scene, &MapScene::cardSelectionChanged, this, &ViewActions::updateActions);
    updateActions();
}

ViewActions *ViewActions::of(QWidget *window)
{
    return window ? window->findChild<ViewActions *>(QStringLiteral("viewActions"), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ViewActions::updateActions()
{
    m_copyPicture->setEnabled(!m_scene->selectedCards().empty());
    m_saveView->setEnabled(!m_controller->isReadOnly());
    m_editViews->setEnabled(!m_controller->isReadOnly());
}

std::string ViewActions::currentViewId() const { return currentView().id; }

View ViewActions::currentView() const
{
    const Document &document = m_controller->document();
    // By id only: a saved view may be named like a built-in one's id.
    for (const std::vector<View> *views : {&document.views(), &builtInViews()})
        for (const View &view : *views)
            if (view.id == m_currentViewId)
                return view;
    return builtInViews().front();
}

PresentationWindow *ViewActions::presentation() const { return m_presentation; }

QString ViewActions::currentViewName() const { return ViewsDialog::displayName(currentView()); }

SlideSelection ViewActions::currentSelection() const
{
    return slideSelectionFor(m_controller->document(), currentView());
}

bool ViewActions::setCurrentView(const std::string &viewId)
{
    const Document &document = m_controller->document();
    const auto views = availableViews(document);
    if (std::none_of(views.begin(), views.end(), [&](const View &v) { return v.id == viewId; }))
        return false;
    if (m_currentViewId != viewId) {
        m_currentViewId = viewId;
        emit currentViewChanged();
    }
    return true;
}

void ViewActions::retranslate()
{
    m_present->setText(tr("&Present"));
    m_present->setToolTip(tr("Show the current view's slides full screen"));
    m_copyPicture->setText(tr("Copy as Pictur&e"));
    m_copyPicture->setToolTip(tr("Put the selected cards on the clipboard as a picture (PNG and SVG)"));
    m_viewsMenu->setTitle(tr("&Views"));
    m_saveView->setText(tr("&Save View..."));
    m_saveView->setToolTip(tr("Save the personas, stages and lanes to show as a named view in the map"));
    m_editViews->setText(tr("&Edit Views..."));
    fillViewsMenu(); // the built-in views' names
}

void ViewActions::fillViewsMenu()
{
    m_viewsMenu->clear();
    for (QActionGroup *old : m_viewsMenu->findChildren<QActionGroup *>(QString(), Qt::FindDirectChildrenOnly))
        delete old;
    auto *group = new QActionGroup(m_viewsMenu);
    const std::string current = currentViewId();
    const Document &document = m_controller->document();
    auto listView = [&](const View &view) {
        // The menu reads '&' as a mnemonic: a name's own '&' is doubled.
        QString label = ViewsDialog::displayName(view);
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action = m_viewsMenu->addAction(label);
        action->setCheckable(true);
        action->setChecked(view.id == current);
        action->setData(toQString(view.id));
        group->addAction(action);
        const std::string id = view.id;
        connect(action, &QAction::triggered, this, [this, id] { setCurrentView(id); });
    };
    for (const View &view : builtInViews())
        listView(view);
    if (!document.views().empty()) {
        m_viewsMenu->addSeparator();
        for (const View &view : document.views())
            listView(view);
    }
    m_viewsMenu->addSeparator();
    m_viewsMenu->addAction(m_saveView);
    m_viewsMenu->addAction(m_editViews);
}

void ViewActions::saveView() { runViewsDialog(true); }

void ViewActions::editViews() { runViewsDialog(false); }

void ViewActions::runViewsDialog(bool newView)
{
    const Document &document = m_controller->document();
    std::optional<View> start;
    if (newView)
        start = currentView(); // what is shown now, to be named
    ViewsDialog dialog(document, start, currentViewId(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::string chosen = dialog.selectedId();
    if (!m_controller->operations().setViews(dialog.views(), newView ? tr("Save View") : tr("Edit Views")))
        return;
    if (newView)
        setCurrentView(chosen);
}

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
