#include "conflict_panel.hpp"

#include <algorithm>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "cjm/document_io.hpp"
#include "document_controller.hpp"
#include "map_operations.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {
enum Column { Where, Field, Mine, Theirs, ColumnCount };

std::optional<DiffEntity> diffEntityNamed(const std::string &name)
{
    for (DiffEntity entity : {DiffEntity::Map, DiffEntity::Journey, DiffEntity::Persona, DiffEntity::Stage,
                              DiffEntity::Lane, DiffEntity::Card, DiffEntity::View})
        if (toString(entity) == name)
            return entity;
    return std::nullopt;
}

QTableWidgetItem *plainItem(const QString &text)
{
    // QTableWidgetItem shows text as text: a teammate's "<b>" stays "<b>".
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    item->setToolTip(plainToolTip(text));
    return item;
}
} // namespace

ConflictPanel::ConflictPanel(DocumentController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_status = plainLabel(QString(), this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("conflictTable"));
    m_table->setHorizontalHeaderLabels({tr("Where"), tr("What"), tr("Mine"), tr("Theirs")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    // Both versions get the same room, so they read side by side.
    m_table->horizontalHeader()->setSectionResizeMode(Mine, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Theirs, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    m_keepMine = new QPushButton(tr("Keep Mine"), this);
    m_keepMine->setObjectName(QStringLiteral("keepMineButton"));
    m_keepTheirs = new QPushButton(tr("Keep Theirs"), this);
    m_keepTheirs->setObjectName(QStringLiteral("keepTheirsButton"));
    m_edit = new QPushButton(tr("Edit..."), this);
    m_edit->setObjectName(QStringLiteral("editConflictButton"));
    m_edit->setToolTip(tr("Write the value to keep, starting from yours"));
    buttons->addWidget(m_keepMine);
    buttons->addWidget(m_keepTheirs);
    buttons->addWidget(m_edit);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_keepMine, &QPushButton::clicked, this, [this] { resolveSelected(Resolution::KeepOurs); });
    connect(m_keepTheirs, &QPushButton::clicked, this, [this] { resolveSelected(Resolution::KeepTheirs); });
    connect(m_edit, &QPushButton::clicked, this, &ConflictPanel::editSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        updateButtons();
        const int row = selectedRow();
        if (row < 0)
            return;
        if (static_cast<std::size_t>(row) < m_conflicts.size()) {
            if (m_conflicts[static_cast<std::size_t>(row)].entity == DiffEntity::Card)
                emit showCard(m_conflicts[static_cast<std::size_t>(row)].id);
        } else if (m_teamConflicts[static_cast<std::size_t>(row) - m_conflicts.size()].entity == "card") {
            emit showCard(m_teamConflicts[static_cast<std::size_t>(row) - m_conflicts.size()].id);
        }
    });
    // Edits (and their undo) can add or remove markers: look again (a pass
    // over the whole map) once a burst of edits, such as a drag, is over.
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(300);
    connect(m_refreshTimer, &QTimer::timeout, this, &ConflictPanel::refresh);
    auto queue = [this] {
        if (m_hadConflicts) // a map without conflicts gains none by editing
            m_refreshTimer->start();
    };
    connect(controller, &DocumentController::documentReset, this, [this] {
        m_hadConflicts = false;
        refresh(); // a new map: at once
    });
    connect(controller, &DocumentController::changed, this, queue); // a marker may sit in any entity
    connect(controller, &DocumentController::heldConflictsChanged, this, &ConflictPanel::refresh);
    refresh();
}

QString ConflictPanel::placeText(const Document &document, const std::optional<Json> &place)
{
    if (!place || !place->is_object())
        return valueText(place);
    QStringList parts;
    const std::pair<const char *, DiffEntity> keys[] = {
        {"persona", DiffEntity::Persona}, {"stage", DiffEntity::Stage}, {"lane", DiffEntity::Lane}};
    for (const auto &[key, entity] : keys)
        if (const auto found = place->find(key); found != place->end() && found->is_string())
            parts << toQString(entityLabel(document, entity, found->get<std::string>()));
    return parts.join(QStringLiteral(", "));
}

QString ConflictPanel::valueText(const std::optional<Json> &value)
{
    if (!value || value->is_null())
        return tr("(not set)");
    if (value->is_string())
        return toQString(value->get<std::string>());
    return toQString(value->dump());
}

void ConflictPanel::refresh()
{
    m_refreshTimer->stop();
    const Document &doc = m_controller->document();
    std::vector<Conflict> conflicts = listConflicts(doc);
    const std::vector<team::Conflict> &held = m_controller->heldConflicts();
    const auto sameHeld = [](const team::Conflict &a, const team::Conflict &b) {
        return a.entity == b.entity && a.id == b.id && a.field == b.field && a.mine == b.mine && a.theirs == b.theirs &&
               a.theirAuthor == b.theirAuthor && a.theirSeq == b.theirSeq;
    };
    const bool changed = conflicts != m_conflicts || !std::equal(held.begin(), held.end(), m_teamConflicts.begin(),
                                                                 m_teamConflicts.end(), sameHeld);
    m_conflicts = std::move(conflicts);
    m_teamConflicts = held;
    m_hadConflicts = m_hadConflicts || !m_conflicts.empty();
    if (changed) {
        m_table->setRowCount(static_cast<int>(m_conflicts.size() + m_teamConflicts.size()));
        for (std::size_t i = 0; i < m_conflicts.size(); ++i) {
            const Conflict &c = m_conflicts[i];
            const int row = static_cast<int>(i);
            m_table->setItem(row, Where, plainItem(toQString(entityLabel(doc, c.entity, c.id))));
            QString what, mine, theirs;
            switch (c.type) {
            case ConflictType::Field:
                what = toQString(c.field);
                mine = valueText(c.ours);
                theirs = valueText(c.theirs);
                break;
            case ConflictType::Deleted:
                what = tr("deleted on one side");
                mine = c.deletedBy == "ours" ? tr("deleted") : tr("changed (kept here)");
                theirs = c.deletedBy == "theirs" ? tr("deleted") : tr("changed (kept here)");
                break;
            case ConflictType::Order:
                what = tr("order of %1").arg(toQString(c.field));
                mine = valueText(c.ours);
                theirs = valueText(c.theirs);
                break;
            }
            m_table->setItem(row, Field, plainItem(what));
            m_table->setItem(row, Mine, plainItem(mine));
            m_table->setItem(row, Theirs, plainItem(theirs));
        }
        for (std::size_t i = 0; i < m_teamConflicts.size(); ++i) {
            const team::Conflict &c = m_teamConflicts[i];
            const int row = static_cast<int>(m_conflicts.size() + i);
            const std::optional<DiffEntity> entity = diffEntityNamed(c.entity);
            m_table->setItem(row, Where,
                             plainItem(entity ? toQString(entityLabel(doc, *entity, c.id)) : toQString(c.entity)));
            // A held move is about where the card is: its place in words, not its ids.
            const bool place = c.field == "place";
            const QString mine = place ? placeText(doc, c.mine) : valueText(c.mine);
            const QString theirs = place ? placeText(doc, c.theirs) : valueText(c.theirs);
            m_table->setItem(row, Field, plainItem(place ? tr("place") : toQString(c.field)));
            m_table->setItem(row, Mine, plainItem(mine));
            m_table->setItem(row, Theirs, plainItem(tr("%1 (%2)").arg(theirs, toQString(c.theirAuthor))));
        }
        m_table->resizeRowsToContents();
        emit conflictCountChanged(static_cast<int>(m_conflicts.size() + m_teamConflicts.size()));
    }
    QString status = m_conflicts.empty() && m_teamConflicts.empty() ? tr("No merge conflicts.")
                     : m_conflicts.empty()
                         ? QString()
                         : tr("%n merge conflict(s) from combining two versions of this map. For each, keep "
                              "your version, theirs, or write the one to keep.",
                              "", static_cast<int>(m_conflicts.size()));
    if (!m_teamConflicts.empty())
        status += (status.isEmpty() ? QString() : QStringLiteral(" ")) +
                  tr("%n change(s) you made offline conflict with a teammate's change of the same thing. Keep "
                     "Mine sends yours; Keep Theirs drops it.",
                     "", static_cast<int>(m_teamConflicts.size()));
    m_status->setText(status);
    updateButtons();
}

void ConflictPanel::updateButtons()
{
    const int row = selectedRow();
    m_keepMine->setEnabled(row >= 0);
    m_keepTheirs->setEnabled(row >= 0);
    // Only a field's value can be written by hand (a merge conflict's).
    m_edit->setEnabled(row >= 0 && static_cast<std::size_t>(row) < m_conflicts.size() &&
                       m_conflicts[static_cast<std::size_t>(row)].type == ConflictType::Field);
}

int ConflictPanel::selectedRow() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    const int row = rows.front().row();
    return row < static_cast<int>(m_conflicts.size() + m_teamConflicts.size()) ? row : -1;
}

bool ConflictPanel::resolveSelected(Resolution how, const Json &value)
{
    // The list may wait for edits to settle: act on the map as it is now.
    if (m_refreshTimer->isActive())
        refresh();
    const int row = selectedRow();
    if (row < 0)
        return false;
    if (static_cast<std::size_t>(row) >= m_conflicts.size()) {
        // A held edit of the team map: settled on the server by the session;
        // the list follows when it has been (heldConflictsChanged).
        if (how == Resolution::SetValue)
            return false;
        const team::Conflict held = m_teamConflicts[static_cast<std::size_t>(row) - m_conflicts.size()];
        m_controller->requestResolve(held, how == Resolution::KeepOurs);
        return true;
    }
    const Conflict conflict = m_conflicts[static_cast<std::size_t>(row)];
    QString error;
    if (!m_controller->operations().resolveConflict(conflict, how, value, &error)) {
        if (!error.isEmpty())
            m_status->setText(tr("This conflict cannot be settled that way: %1").arg(error));
        return false;
    }
    refresh();
    if (!m_conflicts.empty())
        m_table->selectRow(std::min(row, static_cast<int>(m_conflicts.size()) - 1));
    return true;
}

void ConflictPanel::editSelected()
{
    if (m_refreshTimer->isActive())
        refresh();
    const int row = selectedRow();
    if (row < 0 || static_cast<std::size_t>(row) >= m_conflicts.size())
        return;
    // A copy: the dialog runs an event loop, in which the list may refresh.
    const Conflict conflict = m_conflicts[static_cast<std::size_t>(row)];
    const bool text = conflict.ours && conflict.ours->is_string();
    bool ok = false;
    const QString written = plainMultiLineText(this, tr("Resolve Conflict"),
                                               text ? tr("The %1 to keep:").arg(toQString(conflict.field))
                                                    : tr("The %1 to keep, as JSON:").arg(toQString(conflict.field)),
                                               valueText(conflict.ours), &ok);
    if (!ok)
        return;
    // The same strict parser as the reader (no duplicate keys, no NaN, its
    // limits), so a written value is one the map can hold.
    Problem problem;
    std::optional<Json> parsed =
        text ? std::optional<Json>(Json(written.toStdString())) : parseJsonValue(written.toStdString(), problem);
    if (!parsed) {
        m_status->setText(tr("That is not valid JSON; nothing was changed."));
        return;
    }
    const Json value = std::move(*parsed);
    // Settle the conflict the dialog was about, wherever it is in the list now.
    refresh();
    const auto now = std::find(m_conflicts.begin(), m_conflicts.end(), conflict);
    if (now == m_conflicts.end()) {
        m_status->setText(tr("This conflict changed while you wrote; nothing was changed."));
        return;
    }
    m_table->selectRow(static_cast<int>(now - m_conflicts.begin()));
    resolveSelected(Resolution::SetValue, value);
}

} // namespace cjm
