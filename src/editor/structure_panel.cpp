#include "structure_panel.hpp"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "document_controller.hpp"
#include "map_operations.hpp"
#include "map_scene.hpp"
#include "map_style.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

StructurePanel::StructurePanel(DocumentController *controller, MapScene *scene, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_scene(scene)
{
    setObjectName(QStringLiteral("structurePanel"));
    m_tabs = new QTabWidget(this);
    const QString names[] = {tr("Personas"), tr("Stages"), tr("Lanes")};
    for (int i = 0; i < 3; ++i) {
        m_lists[i] = new QListWidget(this);
        m_lists[i]->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
        connect(m_lists[i], &QListWidget::itemChanged, this, &StructurePanel::itemEdited);
        m_tabs->addTab(m_lists[i], names[i]);
    }
    auto button = [this](const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setToolTip(tip);
        // Compact, so the dock can stay narrow beside the map.
        b->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        b->setMinimumWidth(0);
        b->setMaximumWidth(b->fontMetrics().horizontalAdvance(text) + 18);
        return b;
    };
    auto *add = button(tr("Add"), tr("Add a persona, stage or lane"));
    auto *remove = button(tr("Delete"), tr("Delete it and the cards in it"));
    auto *up = button(QStringLiteral("▲"), tr("Move up / left"));
    auto *down = button(QStringLiteral("▼"), tr("Move down / right"));
    m_focus = button(tr("Focus"), tr("Show only this persona's band"));
    m_focus->setCheckable(true);
    connect(add, &QPushButton::clicked, this, &StructurePanel::addEntry);
    connect(remove, &QPushButton::clicked, this, &StructurePanel::deleteCurrent);
    connect(up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_focus, &QPushButton::clicked, this, &StructurePanel::toggleFocus);
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this](int index) { m_focus->setVisible(index == static_cast<int>(Kind::Personas)); });
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    for (QPushButton *b : {add, remove, up, down, m_focus})
        buttons->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);
    connect(controller, &DocumentController::documentReset, this, &StructurePanel::refresh);
    // The lists show personas, stages and lanes: their names, order and whether shown.
    connect(controller, &DocumentController::changed, this, [this](const ChangeSet &changes) {
        if (!changes.touchesStructure() && !changes.touchesLabels())
            return;
        // A rename typed in the list arrives while its editor is still open
        // on the item: rebuilding the list then would delete the item under
        // it (Qt warns "closeEditor called with an editor that does not
        // belong to this view"), so the list is rebuilt once the editor is closed.
        if (m_inItemEdit)
            QTimer::singleShot(0, this, &StructurePanel::refresh);
        else
            refresh();
    });
    connect(scene, &MapScene::focusChanged, this, &StructurePanel::refresh);
    refresh();
}

QListWidget *StructurePanel::list(Kind kind) const { return m_lists[static_cast<int>(kind)]; }
void StructurePanel::setCurrentKind(Kind kind) { m_tabs->setCurrentIndex(static_cast<int>(kind)); }
StructurePanel::Kind StructurePanel::currentKind() const { return static_cast<Kind>(m_tabs->currentIndex()); }

void StructurePanel::takeOver(const StructurePanel &old)
{
    for (int i = 0; i < 3; ++i) {
        const QListWidgetItem *current = old.m_lists[i]->currentItem();
        if (!current)
            continue;
        const QVariant id = current->data(kIdRole);
        for (int row = 0; row < m_lists[i]->count(); ++row)
            if (m_lists[i]->item(row)->data(kIdRole) == id) {
                m_lists[i]->setCurrentRow(row);
                break;
            }
    }
}

std::string StructurePanel::currentId() const
{
    QListWidgetItem *item = list(currentKind())->currentItem();
    return item ? toStdString(item->data(kIdRole).toString()) : std::string();
}

void StructurePanel::refresh()
{
    m_refreshing = true;
    const Document &doc = m_controller->document();
    auto fill = [](QListWidget *list, auto &&items) {
        const QString current = list->currentItem() ? list->currentItem()->data(kIdRole).toString() : QString();
        list->clear();
        for (auto &[id, text, icon, check] : items) {
            auto *item = new QListWidgetItem(icon, text, list);
            item->setData(kIdRole, id);
            item->setFlags(item->flags() | Qt::ItemIsEditable);
            if (check >= 0) {
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(check ? Qt::Checked : Qt::Unchecked);
            }
            if (id == current)
                list->setCurrentItem(item);
        }
    };
    using Row = std::tuple<QString, QString, QIcon, int>;
    std::vector<Row> personas, stages, lanes;
    for (const Persona &p : doc.personas())
        personas.emplace_back(toQString(p.id), toQString(p.name), QIcon(QStringLiteral(":/icons/kinds/persona.svg")),
                              -1);
    for (const Stage &s : doc.stages())
        stages.emplace_back(toQString(s.id), toQString(s.name), QIcon(QStringLiteral(":/icons/kinds/stage.svg")), -1);
    for (const Lane &l : doc.lanes())
        lanes.emplace_back(toQString(l.id), laneDisplayTitle(l), QIcon(kindIconPath(l.kind)), l.hidden ? 0 : 1);
    fill(list(Kind::Personas), personas);
    fill(list(Kind::Stages), stages);
    fill(list(Kind::Lanes), lanes);
    m_focus->setChecked(!m_scene->mapLayout().focusPersona().empty());
    m_refreshing = false;
}

void StructurePanel::itemEdited(QListWidgetItem *item)
{
    if (m_refreshing)
        return;
    m_inItemEdit = true;
    const auto done = qScopeGuard([this] { m_inItemEdit = false; });
    const Document &doc = m_controller->document();
    const std::string id = toStdString(item->data(kIdRole).toString());
    MapOperations &operations = m_controller->operations();
    bool changed = false;
    if (doc.persona(id))
        changed = operations.renamePersona(id, item->text());
    else if (doc.stage(id))
        changed = operations.renameStage(id, item->text());
    else if (doc.lane(id))
        changed = operations.changeLane(id, item->text(), item->checkState() == Qt::Checked);
    // A refused name (empty) shows the name the map keeps.
    if (!changed)
        QTimer::singleShot(0, this, &StructurePanel::refresh);
}

void StructurePanel::addEntry()
{
    MapOperations &operations = m_controller->operations();
    std::string newId;
    switch (currentKind()) {
    case Kind::Personas: newId = operations.addPersona(); break;
    case Kind::Stages: newId = operations.addStage(); break;
    case Kind::Lanes: newId = operations.addLane(LaneKind::Notes); break;
    }
    if (newId.empty())
        return;
    // Name it at once.
    QListWidget *current = list(currentKind());
    for (int i = 0; i < current->count(); ++i)
        if (current->item(i)->data(kIdRole).toString() == toQString(newId)) {
            current->setCurrentRow(i);
            current->editItem(current->item(i));
        }
}

void StructurePanel::deleteCurrent()
{
    const std::string id = currentId();
    if (id.empty())
        return;
    const Document &doc = m_controller->document();
    int cards = 0;
    for (const Card &card : doc.cards())
        cards += card.persona == id || card.stage == id || card.lane == id;
    QString name;
    if (const Persona *p = doc.persona(id))
        name = toQString(p->name);
    else if (const Stage *s = doc.stage(id))
        name = toQString(s->name);
    else if (const Lane *l = doc.lane(id))
        name = laneDisplayTitle(*l);
    if (cards > 0) {
        PlainMessageBox box(QMessageBox::Question, tr("Delete"),
                            tr("Delete “%1” and the %n card(s) in it?", "", cards).arg(name), QMessageBox::Cancel,
                            this);
        box.setInformativeText(tr("You can undo this with Edit ▸ Undo."));
        QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
        box.setObjectName(QStringLiteral("deleteConfirmation"));
        box.exec();
        if (box.clickedButton() != remove)
            return;
    }
    MapOperations &operations = m_controller->operations();
    if (doc.persona(id)) {
        if (m_scene->mapLayout().focusPersona() == id)
            m_scene->setFocusPersona({});
        operations.removePersona(id);
    } else if (doc.stage(id)) {
        operations.removeStage(id);
    } else {
        operations.removeLane(id);
    }
}

void StructurePanel::moveCurrent(int delta)
{
    const std::string id = currentId();
    const Document &doc = m_controller->document();
    MapOperations &operations = m_controller->operations();
    // The place `delta` away, if there is one.
    auto target = [delta](std::optional<std::size_t> index, std::size_t count) -> std::optional<std::size_t> {
        if (!index)
            return std::nullopt;
        const long to = static_cast<long>(*index) + delta;
        if (to < 0 || to >= static_cast<long>(count))
            return std::nullopt;
        return static_cast<std::size_t>(to);
    };
    switch (currentKind()) {
    case Kind::Personas:
        if (auto to = target(doc.personaIndex(id), doc.personas().size()))
            operations.movePersona(id, *to);
        break;
    case Kind::Stages:
        if (auto to = target(doc.stageIndex(id), doc.stages().size()))
            operations.moveStage(id, *to);
        break;
    case Kind::Lanes:
        if (auto to = target(doc.laneIndex(id), doc.lanes().size()))
            operations.moveLane(id, *to);
        break;
    }
}

void StructurePanel::toggleFocus()
{
    const std::string id = currentKind() == Kind::Personas ? currentId() : std::string();
    m_scene->setFocusPersona(m_scene->mapLayout().focusPersona().empty() ? id : std::string());
}

} // namespace cjm
