#include "map_accessibility.hpp"

#include <QAccessibleWidget>
#include <QPointer>
#include <QScrollBar>
#include <algorithm>

#include "map_scene.hpp"
#include "map_style.hpp"
#include "map_view.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {

QString personaName(const Document &doc, const std::string &personaId)
{
    const Persona *persona = doc.persona(personaId);
    return persona ? toQString(persona->name) : QString();
}

// --- the view: a table ------------------------------------------------------

class MapTableAccessible : public QAccessibleWidget, public QAccessibleTableInterface {
public:
    explicit MapTableAccessible(MapView *view) : QAccessibleWidget(view, QAccessible::Table), m_view(view) {}

    MapAccessibility *map() const { return m_view ? MapAccessibility::of(m_view) : nullptr; }
    bool isValid() const override { return QAccessibleWidget::isValid() && map() != nullptr; }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        if (type == QAccessible::TableInterface)
            return static_cast<QAccessibleTableInterface *>(this);
        return QAccessibleWidget::interface_cast(type);
    }

    QString text(QAccessible::Text t) const override
    {
        QString text = QAccessibleWidget::text(t);
        if (t == QAccessible::Name && text.isEmpty())
            text = MapAccessibility::tr("Journey map");
        return text;
    }

    // Children: the column headers, the row headers, the cells row by row,
    // then the widgets in the view (scroll bars, an open in-place editor).
    int tableChildCount() const
    {
        MapAccessibility *m = map();
        if (!m)
            return 0;
        const int rows = m->rowCount(), columns = m->columnCount();
        return columns + rows + rows * columns;
    }
    int childCount() const override { return tableChildCount() + QAccessibleWidget::childCount(); }
    QAccessibleInterface *child(int index) const override
    {
        MapAccessibility *m = map();
        if (!m || index < 0)
            return nullptr;
        const int rows = m->rowCount(), columns = m->columnCount();
        if (index >= tableChildCount())
            return QAccessibleWidget::child(index - tableChildCount());
        if (index < columns)
            return m->header(Qt::Horizontal, index);
        index -= columns;
        if (index < rows)
            return m->header(Qt::Vertical, index);
        index -= rows;
        return m->cell(index / columns, index % columns);
    }
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    // The focused card, else the focused cell (an empty one too): where
    // the keyboard is on the map.
    QAccessibleInterface *focusChild() const override
    {
        MapAccessibility *m = map();
        if (!m || !m_view->hasFocus())
            return QAccessibleWidget::focusChild();
        if (!m->focusCard().empty())
            return m->card(m->focusCard());
        if (QAccessibleInterface *cell = m->focusedCell())
            return cell;
        return QAccessibleWidget::focusChild();
    }

    // QAccessibleTableInterface
    QAccessibleInterface *caption() const override { return nullptr; }
    QAccessibleInterface *summary() const override { return nullptr; }
    QAccessibleInterface *cellAt(int row, int column) const override
    {
        MapAccessibility *m = map();
        return m ? m->cell(row, column) : nullptr;
    }
    QString columnDescription(int column) const override
    {
        MapAccessibility *m = map();
        return m ? m->columnName(column) : QString();
    }
    QString rowDescription(int row) const override
    {
        MapAccessibility *m = map();
        return m ? m->rowName(row) : QString();
    }
    int columnCount() const override
    {
        MapAccessibility *m = map();
        return m ? m->columnCount() : 0;
    }
    int rowCount() const override
    {
        MapAccessibility *m = map();
        return m ? m->rowCount() : 0;
    }
    // The cells holding a selected card. Costs the selection, not the map.
    QList<QAccessibleInterface *> selectedCells() const override
    {
        QList<QAccessibleInterface *> cells;
        MapAccessibility *m = map();
        if (!m)
            return cells;
        const MapLayout &layout = m->scene()->mapLayout();
        std::vector<std::pair<int, int>> positions;
        for (const std::string &id : m->scene()->selectedCardIds()) // display order
            if (auto place = layout.cardPlace(id)) {
                const std::pair<int, int> at{m->tableRow(place->band, place->row), place->stage};
                if (positions.empty() || positions.back() != at)
                    positions.push_back(at);
            }
        for (const auto &[row, column] : positions)
            if (QAccessibleInterface *cell = m->cell(row, column))
                cells.push_back(cell);
        return cells;
    }
    int selectedCellCount() const override { return static_cast<int>(selectedCells().size()); }
    // Whole rows and columns are never selected: cards are.
    int selectedColumnCount() const override { return 0; }
    int selectedRowCount() const override { return 0; }
    QList<int> selectedColumns() const override { return {}; }
    QList<int> selectedRows() const override { return {}; }
    bool isColumnSelected(int) const override { return false; }
    bool isRowSelected(int) const override { return false; }
    bool selectRow(int) override { return false; }
    bool selectColumn(int) override { return false; }
    bool unselectRow(int) override { return false; }
    bool unselectColumn(int) override { return false; }
    // MapAccessibility forgets the cells itself when the layout is rebuilt.
    void modelChange(QAccessibleTableModelChangeEvent *) override {}

private:
    QPointer<MapView> m_view;
};

// --- a stage or a persona's lane: a header ----------------------------------

class MapHeaderAccessible : public QAccessibleInterface {
public:
    MapHeaderAccessible(MapAccessibility *map, Qt::Orientation orientation, int index)
        : m_map(map), m_orientation(orientation), m_index(index)
    {
    }
    bool isValid() const override
    {
        return m_index < (m_orientation == Qt::Horizontal ? m_map->columnCount() : m_map->rowCount());
    }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_map->view()->window()->windowHandle(); }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(m_map->view()); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QString text(QAccessible::Text t) const override
    {
        if (t != QAccessible::Name || !isValid())
            return QString();
        return m_orientation == Qt::Horizontal ? m_map->columnName(m_index) : m_map->rowName(m_index);
    }
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override
    {
        if (!isValid())
            return {};
        const MapLayout &layout = m_map->scene()->mapLayout();
        if (m_orientation == Qt::Horizontal)
            return m_map->screenRect(layout.stageHeaderRect(m_index));
        const auto [band, row] = m_map->bandRow(m_index);
        return m_map->screenRect(layout.laneLabelRect(band, row));
    }
    QAccessible::Role role() const override
    {
        return m_orientation == Qt::Horizontal ? QAccessible::ColumnHeader : QAccessible::RowHeader;
    }
    QAccessible::State state() const override { return {}; }

    Qt::Orientation orientation() const { return m_orientation; }
    int index() const { return m_index; }

private:
    MapAccessibility *m_map;
    Qt::Orientation m_orientation;
    int m_index;
};

// --- a cell: the cards of one persona, lane and stage -----------------------

class MapCellAccessible : public QAccessibleInterface, public QAccessibleTableCellInterface {
public:
    MapCellAccessible(MapAccessibility *map, int row, int column) : m_map(map), m_row(row), m_column(column) {}

    const std::vector<MapLayout::CardBox> &cards() const
    {
        const auto [band, row] = m_map->bandRow(m_row);
        return m_map->scene()->mapLayout().cardsInCell(band, row, m_column);
    }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        if (type == QAccessible::TableCellInterface)
            return static_cast<QAccessibleTableCellInterface *>(this);
        return nullptr;
    }
    bool isValid() const override { return m_row < m_map->rowCount() && m_column < m_map->columnCount(); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_map->view()->window()->windowHandle(); }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(m_map->view()); }
    int childCount() const override { return isValid() ? static_cast<int>(cards().size()) : 0; }
    QAccessibleInterface *child(int index) const override
    {
        if (!isValid() || index < 0 || index >= static_cast<int>(cards().size()))
            return nullptr;
        return m_map->card(cards()[static_cast<std::size_t>(index)].cardId);
    }
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override
    {
        for (int i = 0; i < childCount(); ++i)
            if (QAccessibleInterface *card = child(i); card && card->rect().contains(x, y))
                return card;
        return nullptr;
    }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return QString();
        switch (t) {
        case QAccessible::Name:
            return MapAccessibility::tr("%1, %2").arg(m_map->rowName(m_row), m_map->columnName(m_column));
        case QAccessible::Description:
            return MapAccessibility::tr("%n card(s)", nullptr, static_cast<int>(cards().size()));
        default: return QString();
        }
    }
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override
    {
        if (!isValid())
            return {};
        const auto [band, row] = m_map->bandRow(m_row);
        return m_map->screenRect(m_map->scene()->mapLayout().cellRect(band, row, m_column));
    }
    QAccessible::Role role() const override { return QAccessible::Cell; }
    QAccessible::State state() const override
    {
        QAccessible::State state;
        state.selected = isSelected();
        // The keyboard's cell has the focus unless a card in it has.
        state.focusable = true;
        state.focused =
            m_map->view()->hasFocus() && m_map->focusCard().empty() && m_map->isFocusedCell(m_row, m_column);
        return state;
    }

    // QAccessibleTableCellInterface
    bool isSelected() const override
    {
        if (!isValid())
            return false;
        const MapScene *scene = m_map->scene();
        // The cell or the selection, whichever is smaller.
        if (scene->selectedCards().size() < cards().size()) {
            const MapLayout &layout = scene->mapLayout();
            const auto [band, row] = m_map->bandRow(m_row);
            return std::any_of(scene->selectedCards().begin(), scene->selectedCards().end(),
                               [&](const std::string &id) {
                                   const auto place = layout.cardPlace(id);
                                   return place && place->band == band && place->row == row && place->stage == m_column;
                               });
        }
        return std::any_of(cards().begin(), cards().end(),
                           [&](const MapLayout::CardBox &box) { return scene->isCardSelected(box.cardId); });
    }
    QList<QAccessibleInterface *> columnHeaderCells() const override
    {
        QAccessibleInterface *header = m_map->header(Qt::Horizontal, m_column);
        return header ? QList<QAccessibleInterface *>{header} : QList<QAccessibleInterface *>{};
    }
    QList<QAccessibleInterface *> rowHeaderCells() const override
    {
        QAccessibleInterface *header = m_map->header(Qt::Vertical, m_row);
        return header ? QList<QAccessibleInterface *>{header} : QList<QAccessibleInterface *>{};
    }
    int columnIndex() const override { return m_column; }
    int rowIndex() const override { return m_row; }
    int columnExtent() const override { return 1; }
    int rowExtent() const override { return 1; }
    QAccessibleInterface *table() const override { return parent(); }

private:
    MapAccessibility *m_map;
    int m_row;
    int m_column;
};

// --- a card -----------------------------------------------------------------

class MapCardAccessible : public QAccessibleInterface {
public:
    MapCardAccessible(MapAccessibility *map, std::string cardId) : m_map(map), m_cardId(std::move(cardId)) {}

    const std::string &cardId() const { return m_cardId; }
    const Card *card() const { return m_map->scene()->controller()->document().card(m_cardId); }

    bool isValid() const override { return m_map->scene()->isCardShown(m_cardId) && card(); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_map->view()->window()->windowHandle(); }
    QAccessibleInterface *parent() const override
    {
        const auto place = m_map->scene()->mapLayout().cardPlace(m_cardId);
        if (!place)
            return nullptr;
        return m_map->cell(m_map->tableRow(place->band, place->row), place->stage);
    }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QString text(QAccessible::Text t) const override
    {
        const Card *c = isValid() ? card() : nullptr;
        if (!c)
            return QString();
        switch (t) {
        case QAccessible::Name: return toQString(c->text);
        case QAccessible::Description: return describe(*c);
        default: return QString();
        }
    }
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override
    {
        const auto rect = m_map->scene()->mapLayout().cardRect(m_cardId);
        return rect ? m_map->screenRect(*rect) : QRect();
    }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override
    {
        QAccessible::State state;
        state.focusable = true;
        state.selectable = true;
        state.multiSelectable = true;
        state.selected = m_map->scene()->isCardSelected(m_cardId);
        state.focused = m_map->view()->hasFocus() && m_map->focusCard() == m_cardId;
        state.readOnly = m_map->scene()->controller()->isReadOnly();
        return state;
    }

private:
    // The card's kind and, where the kind has them, its channel, score and
    // severity, in words: what the canvas shows as icon, face and colour.
    QString describe(const Card &c) const
    {
        const Document &doc = m_map->scene()->controller()->document();
        const LaneKind kind = doc.cardKind(c);
        QStringList parts{laneKindDisplayName(kind)};
        if (!c.channel.empty())
            parts << MapAccessibility::tr("channel %1").arg(channelDisplayName(c.channel));
        if (c.score)
            parts << MapAccessibility::tr("score %1").arg(*c.score);
        if (kind == LaneKind::PainPoints || kind == LaneKind::Barriers) {
            const QString level = c.severity <= 1   ? MapAccessibility::tr("low")
                                  : c.severity == 2 ? MapAccessibility::tr("medium")
                                                    : MapAccessibility::tr("high");
            parts << MapAccessibility::tr("severity %1").arg(level);
        }
        return parts.join(QStringLiteral(", "));
    }

    MapAccessibility *m_map;
    std::string m_cardId;
};

int MapTableAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    MapAccessibility *m = map();
    if (!m || !child)
        return -1;
    const int rows = m->rowCount(), columns = m->columnCount();
    if (auto *header = dynamic_cast<const MapHeaderAccessible *>(child))
        return header->orientation() == Qt::Horizontal ? header->index() : columns + header->index();
    if (auto *cell = dynamic_cast<const MapCellAccessible *>(child))
        return columns + rows + cell->rowIndex() * columns + cell->columnIndex();
    const int widget = QAccessibleWidget::indexOfChild(child);
    return widget < 0 ? -1 : tableChildCount() + widget;
}

QAccessibleInterface *MapTableAccessible::childAt(int x, int y) const
{
    MapAccessibility *m = map();
    if (!m)
        return nullptr;
    const QPoint inViewport = m_view->viewport()->mapFromGlobal(QPoint(x, y));
    if (!m_view->viewport()->rect().contains(inViewport))
        return QAccessibleWidget::childAt(x, y); // the scroll bars
    const MapLayout::Hit hit = m->scene()->mapLayout().hitTest(m_view->mapToScene(inViewport));
    switch (hit.kind) {
    case MapLayout::HitKind::Cell:
    case MapLayout::HitKind::Card: return m->cell(m->tableRow(hit.band, hit.row), hit.stage);
    case MapLayout::HitKind::StageHeader: return m->header(Qt::Horizontal, hit.stage);
    case MapLayout::HitKind::LaneLabel: return m->header(Qt::Vertical, m->tableRow(hit.band, hit.row));
    default: return nullptr;
    }
}

int MapCellAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    auto *card = dynamic_cast<const MapCardAccessible *>(child);
    if (!card || !isValid())
        return -1;
    const auto place = m_map->scene()->mapLayout().cardPlace(card->cardId());
    const auto [band, row] = m_map->bandRow(m_row);
    if (!place || place->band != band || place->row != row || place->stage != m_column)
        return -1;
    return place->indexInCell;
}

QAccessibleInterface *mapViewFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("cjm::MapView") && object && object->isWidgetType())
        return new MapTableAccessible(static_cast<MapView *>(object));
    return nullptr;
}

} // namespace

MapAccessibility::MapAccessibility(MapView *view) : QObject(view), m_view(view)
{
    static const bool installed = [] {
        QAccessible::installFactory(mapViewFactory);
        return true;
    }();
    Q_UNUSED(installed);
    setObjectName(QStringLiteral("MapAccessibility"));
    MapScene *s = view->mapScene();
    connect(s, &MapScene::rebuilt, this, &MapAccessibility::onRebuilt);
    connect(s, &MapScene::cardsUpdated, this, &MapAccessibility::onCardsUpdated);
    // A renamed stage, persona or lane moves nothing on the map, yet the
    // headers a screen reader reads are named anew.
    connect(s->controller(), &DocumentController::changed, this, [this](const ChangeSet &changes) {
        if (changes.touchesLabels() && !changes.touchesStructure())
            onRebuilt();
    });
    connect(s, &MapScene::cardSelectionChanged, this, &MapAccessibility::onSelectionChanged);
    // The keyboard's cell moved: an empty cell (no card selected) takes the focus.
    connect(view, &MapView::focusedCellChanged, this, &MapAccessibility::announceFocus);
    view->installEventFilter(this);
}

bool MapAccessibility::eventFilter(QObject *watched, QEvent *event)
{
    // Qt announces the view as focused; the focus within it is the card.
    if (watched == m_view && event->type() == QEvent::FocusIn)
        announceFocus();
    return QObject::eventFilter(watched, event);
}

void MapAccessibility::announceFocus()
{
    // Once, after what asked for it is done, for where the focus is by then:
    // one key press may clear the selection, move the focused cell and
    // select a card, each asking for an announcement; a screen reader is to
    // hear only the new place, once (not the cell being left, not the
    // card twice).
    if (m_announcing)
        return;
    m_announcing = true;
    QMetaObject::invokeMethod(this, &MapAccessibility::sendFocus, Qt::QueuedConnection);
}

void MapAccessibility::sendFocus()
{
    m_announcing = false;
    if (!m_view->hasFocus())
        return;
    QAccessibleInterface *focused = m_focusCard.empty() ? focusedCell() : card(m_focusCard);
    if (focused) {
        QAccessibleEvent focus(focused, QAccessible::Focus);
        QAccessible::updateAccessibility(&focus);
        emit focusAnnounced(focused);
    }
}

QAccessibleInterface *MapAccessibility::focusedCell()
{
    const std::optional<MapView::Cell> at = m_view->focusedCell();
    return at ? cell(tableRow(at->band, at->row), at->stage) : nullptr;
}

bool MapAccessibility::isFocusedCell(int tableRow, int column) const
{
    const std::optional<MapView::Cell> at = m_view->focusedCell();
    return at && at->stage == column && this->tableRow(at->band, at->row) == tableRow;
}

MapAccessibility::~MapAccessibility()
{
    forgetLayout();
    for (const auto &[id, kept] : m_cards)
        deleteInterface(kept.id);
}

MapAccessibility *MapAccessibility::of(const MapView *view)
{
    return view->findChild<MapAccessibility *>(QStringLiteral("MapAccessibility"), Qt::FindDirectChildrenOnly);
}

MapScene *MapAccessibility::scene() const { return m_view->mapScene(); }

int MapAccessibility::rowCount() const
{
    int rows = 0;
    for (const auto &band : scene()->mapLayout().bands())
        rows += static_cast<int>(band.rows.size());
    return rows;
}

int MapAccessibility::columnCount() const { return static_cast<int>(scene()->mapLayout().stages().size()); }

std::pair<int, int> MapAccessibility::bandRow(int tableRow) const
{
    const auto &bands = scene()->mapLayout().bands();
    for (std::size_t band = 0; band < bands.size() && tableRow >= 0; ++band) {
        const int rows = static_cast<int>(bands[band].rows.size());
        if (tableRow < rows)
            return {static_cast<int>(band), tableRow};
        tableRow -= rows;
    }
    return {-1, -1};
}

int MapAccessibility::tableRow(int band, int row) const
{
    const auto &bands = scene()->mapLayout().bands();
    int before = 0;
    for (int b = 0; b < band && b < static_cast<int>(bands.size()); ++b)
        before += static_cast<int>(bands[static_cast<std::size_t>(b)].rows.size());
    return before + row;
}

QString MapAccessibility::rowName(int tableRow) const
{
    const auto [band, row] = bandRow(tableRow);
    if (band < 0)
        return QString();
    const MapLayout::PersonaBand &b = scene()->mapLayout().bands()[static_cast<std::size_t>(band)];
    const Document &doc = scene()->controller()->document();
    const Lane *lane = doc.lane(b.rows[static_cast<std::size_t>(row)].laneId);
    return tr("%1: %2").arg(personaName(doc, b.personaId), lane ? laneDisplayTitle(*lane) : QString());
}

QString MapAccessibility::columnName(int column) const
{
    const auto &stages = scene()->mapLayout().stages();
    if (column < 0 || column >= static_cast<int>(stages.size()))
        return QString();
    const Stage *stage = scene()->controller()->document().stage(stages[static_cast<std::size_t>(column)].stageId);
    return stage ? toQString(stage->name) : QString();
}

QAccessibleInterface *MapAccessibility::cell(int tableRow, int column)
{
    if (tableRow < 0 || column < 0 || tableRow >= rowCount() || column >= columnCount())
        return nullptr;
    auto [it, added] = m_cells.try_emplace({tableRow, column});
    if (added)
        it->second = QAccessible::registerAccessibleInterface(new MapCellAccessible(this, tableRow, column));
    return QAccessible::accessibleInterface(it->second);
}

QAccessibleInterface *MapAccessibility::header(Qt::Orientation orientation, int index)
{
    if (index < 0 || index >= (orientation == Qt::Horizontal ? columnCount() : rowCount()))
        return nullptr;
    auto [it, added] = m_headers.try_emplace({orientation == Qt::Horizontal ? 0 : 1, index});
    if (added)
        it->second = QAccessible::registerAccessibleInterface(new MapHeaderAccessible(this, orientation, index));
    return QAccessible::accessibleInterface(it->second);
}

QAccessibleInterface *MapAccessibility::card(const std::string &cardId)
{
    if (!scene()->isCardShown(cardId))
        return nullptr;
    auto [it, added] = m_cards.try_emplace(cardId);
    if (added) {
        it->second.id = QAccessible::registerAccessibleInterface(new MapCardAccessible(this, cardId));
        it->second.selected = scene()->isCardSelected(cardId);
    }
    return QAccessible::accessibleInterface(it->second.id);
}

QRect MapAccessibility::screenRect(const QRectF &sceneRect) const
{
    const QRect inViewport = m_view->mapFromScene(sceneRect).boundingRect();
    return QRect(m_view->viewport()->mapToGlobal(inViewport.topLeft()), inViewport.size());
}

void MapAccessibility::deleteInterface(QAccessible::Id id)
{
    if (QAccessible::accessibleInterface(id))
        QAccessible::deleteAccessibleInterface(id);
}

void MapAccessibility::forgetLayout()
{
    // Cells and headers stand for positions; after a rebuild a position may
    // hold another persona, lane or stage, so they are made again.
    for (const auto &[at, id] : m_cells)
        deleteInterface(id);
    for (const auto &[at, id] : m_headers)
        deleteInterface(id);
    m_cells.clear();
    m_headers.clear();
}

void MapAccessibility::onRebuilt()
{
    forgetLayout();
    // Cards keep their objects while they are on the map (a screen reader
    // may hold them); the kept ones are the few that were asked for.
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        if (scene()->isCardShown(it->first)) {
            ++it;
            continue;
        }
        deleteInterface(it->second.id);
        it = m_cards.erase(it);
    }
    if (!scene()->isCardShown(m_focusCard))
        m_focusCard.clear();
    QAccessibleTableModelChangeEvent reset(m_view, QAccessibleTableModelChangeEvent::ModelReset);
    QAccessible::updateAccessibility(&reset);
}

void MapAccessibility::onCardsUpdated(const std::vector<std::string> &cardIds)
{
    // Costs the changed cards: each is looked up among the kept ones.
    for (const std::string &cardId : cardIds) {
        auto it = m_cards.find(cardId);
        if (it == m_cards.end())
            continue;
        if (!scene()->isCardShown(cardId)) {
            deleteInterface(it->second.id);
            m_cards.erase(it);
            continue;
        }
        QAccessibleInterface *iface = QAccessible::accessibleInterface(it->second.id);
        QAccessibleEvent name(iface, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&name);
        QAccessibleEvent description(iface, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&description);
    }
    if (!m_focusCard.empty() && !scene()->isCardShown(m_focusCard))
        m_focusCard.clear();
    // Cards came, went or moved between cells: the cells' contents changed.
    QAccessibleTableModelChangeEvent changed(m_view, QAccessibleTableModelChangeEvent::DataChanged);
    changed.setFirstRow(0);
    changed.setFirstColumn(0);
    changed.setLastRow(rowCount() - 1);
    changed.setLastColumn(columnCount() - 1);
    QAccessible::updateAccessibility(&changed);
}

void MapAccessibility::onSelectionChanged()
{
    const MapScene *s = scene();
    // The focus stays on a card that stays selected (Ctrl+click adds others);
    // otherwise it goes to the first selected card, where the arrow keys
    // move from (SelectTool::moveSelection).
    if (!s->isCardSelected(m_focusCard)) {
        const std::vector<std::string> selected = s->selectedCardIds();
        m_focusCard = selected.empty() ? std::string() : selected.front();
    }
    // Selected-state changes of the kept cards (what a screen reader holds).
    for (auto &[cardId, kept] : m_cards) {
        const bool selected = s->isCardSelected(cardId);
        if (selected == kept.selected)
            continue;
        kept.selected = selected;
        QAccessibleEvent event(QAccessible::accessibleInterface(kept.id),
                               selected ? QAccessible::SelectionAdd : QAccessible::SelectionRemove);
        QAccessible::updateAccessibility(&event);
    }
    QAccessibleEvent within(m_view, QAccessible::SelectionWithin);
    QAccessible::updateAccessibility(&within);
    announceFocus();
}

} // namespace cjm
