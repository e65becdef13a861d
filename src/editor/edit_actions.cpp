#include "edit_actions.hpp"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QUndoStack>
#include <unordered_set>

#include "card_clipboard.hpp"
#include "document_controller.hpp"
#include "find_bar.hpp"
#include "map_operations.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "select_tool.hpp"

namespace cjm {

EditActions::EditActions(QWidget *window, DocumentController *controller, MapScene *scene, MapView *view,
                         FindBar *findBar)
    : QObject(window), m_window(window), m_controller(controller), m_scene(scene), m_view(view), m_findBar(findBar)
{
    // Canvas-only shortcuts: in a text field Ctrl+C copies text, not cards.
    auto canvasAction = [this](const QList<QKeySequence> &keys, auto slot) {
        auto *action = new QAction(this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(action);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_cut = canvasAction({QKeySequence::Cut}, &EditActions::cutSelection);
    m_copy = canvasAction({QKeySequence::Copy}, &EditActions::copySelection);
    m_paste = canvasAction({QKeySequence::Paste}, &EditActions::paste);
    m_duplicate = canvasAction({QKeySequence(Qt::CTRL | Qt::Key_D)}, &EditActions::duplicateSelection);
    m_find = new QAction(this);
    m_find->setShortcut(QKeySequence::Find);
    connect(m_find, &QAction::triggered, this, &EditActions::find);
    // Only while the canvas has focus: text fields keep their Delete.
    m_delete = canvasAction({QKeySequence(QKeySequence::Delete), QKeySequence(Qt::Key_Backspace)},
                            &EditActions::deleteSelection);
    m_selectAll = new QAction(this);
    m_selectAll->setShortcut(QKeySequence::SelectAll);
    connect(m_selectAll, &QAction::triggered, scene, &MapScene::selectAllCards);

    connect(scene, &MapScene::cardSelectionChanged, this, &EditActions::updateActions);
    connect(QApplication::clipboard(), &QClipboard::dataChanged, this, &EditActions::updateActions);
    retranslate();
}

void EditActions::retranslate()
{
    // Undo and Redo are the undo stack's actions, whose prefix ("Undo") is
    // fixed when they are made: new ones carry the new language's.
    delete m_undo;
    delete m_redo;
    m_undo = m_controller->undoStack()->createUndoAction(m_window, tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = m_controller->undoStack()->createRedoAction(m_window, tr("&Redo"));
    m_redo->setShortcut(QKeySequence::Redo);
    m_cut->setText(tr("Cu&t"));
    m_copy->setText(tr("&Copy"));
    m_paste->setText(tr("&Paste"));
    m_duplicate->setText(tr("Dup&licate"));
    m_find->setText(tr("&Find..."));
    m_delete->setText(tr("&Delete"));
    m_selectAll->setText(tr("Select &All"));
    updateActions();
}

void EditActions::updateActions()
{
    const bool selected = !m_scene->selectedCards().empty();
    for (QAction *action : {m_cut, m_copy, m_duplicate, m_delete})
        action->setEnabled(selected);
    const QMimeData *clip = QApplication::clipboard()->mimeData();
    m_paste->setEnabled(clip && clip->hasFormat(QLatin1String(kCardsMimeType)));
}

void EditActions::selectCards(const std::vector<std::string> &ids)
{
    m_scene->setSelectedCards(std::unordered_set<std::string>(ids.begin(), ids.end()));
}

void EditActions::copySelection()
{
    const auto ids = m_scene->selectedCardIds();
    if (ids.empty())
        return;
    QApplication::clipboard()->setMimeData(cardsToMime(m_controller->document(), ids).release());
}

void EditActions::cutSelection()
{
    copySelection();
    deleteSelection();
}

void EditActions::deleteSelection() { m_view->selectTool()->deleteSelection(); }

void EditActions::paste()
{
    auto clip = cardsFromMime(QApplication::clipboard()->mimeData());
    if (!clip)
        return;
    const auto selected = m_scene->selectedCardIds();
    std::optional<std::string> anchor;
    if (!selected.empty())
        anchor = selected.back();
    const PastePlan plan = planPaste(m_controller->document(), *clip, anchor);
    if (!m_controller->operations().pasteCards(plan, MapOperations::PasteKind::Paste))
        return;
    selectCards(plan.newCardIds);
}

void EditActions::duplicateSelection()
{
    const auto ids = m_scene->selectedCardIds();
    if (ids.empty())
        return;
    auto mime = cardsToMime(m_controller->document(), ids);
    auto clip = cardsFromMime(mime.get());
    if (!clip)
        return;
    const PastePlan plan = planPaste(m_controller->document(), *clip, ids.back());
    if (!m_controller->operations().pasteCards(plan, MapOperations::PasteKind::Duplicate))
        return;
    selectCards(plan.newCardIds);
}

void EditActions::find() { m_findBar->open(); }

} // namespace cjm
