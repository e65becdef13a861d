#include "map_scene.hpp"

#include <QCoreApplication>
#include <QGraphicsSceneHelpEvent>
#include <QMetaMethod>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QToolTip>
#include <algorithm>
#include <limits>

#include "qt_text.hpp"

namespace cjm {

namespace {
// Past this many areas to repaint, one rectangle around them all is cheaper.
constexpr std::size_t kMaxSeparateAreas = 32;

// The ids in one set and not the other: the cards whose state changes.
std::vector<std::string> inOneOnly(const std::unordered_set<std::string> &a, const std::unordered_set<std::string> &b)
{
    std::vector<std::string> ids;
    for (const std::string &id : a)
        if (!b.count(id))
            ids.push_back(id);
    for (const std::string &id : b)
        if (!a.count(id))
            ids.push_back(id);
    return ids;
}
} // namespace

MapScene::MapScene(DocumentController *controller, QObject *parent)
    : QGraphicsScene(parent), m_controller(controller), m_painter(controller->document(), m_layout)
{
    // The scene has no items: nothing for Qt to index.
    setItemIndexMethod(NoIndex);
    connect(controller, &DocumentController::documentReset, this, &MapScene::rebuild);
    connect(controller, &DocumentController::changed, this, &MapScene::followChanges);
    rebuild();
}

void MapScene::followChanges(const ChangeSet &changes)
{
    const MapChange change = MapChange::of(changes);
    // Bands, columns or rows came, went or moved: every card lays out again.
    if (change.structure) {
        rebuild();
        return;
    }
    if (change.empty())
        return; // notes, links, descriptions: nothing drawn changed
    // What to repaint is the renderer's to say: where the changed things
    // were painted and where they are now (the cells cards leave and
    // enter, the curve's segments that bend, rows that move...).
    DirtyRegion dirty(paintOptions(1.0));
    dirty.before(m_painter, change);
    const QRectF oldBounds = m_layout.bounds();
    bool selectionChanged = false;
    if (!change.cards.empty()) {
        m_layout.updateCards(m_controller->document(), change.cards);
        for (const std::string &id : change.cards)
            if (!m_layout.cardPlace(id)) {
                selectionChanged = m_selected.erase(id) > 0 || selectionChanged;
                m_highlighted.erase(id);
            }
    }
    dirty.after(m_painter, change);
    if (m_layout.bounds() != oldBounds)
        fitSceneRect();
    if (!change.personas.empty() || !change.stages.empty() || !change.lanes.empty()) {
        // Names and colours of headers and labels: the view also draws them
        // frozen at its edges, outside any area of the map.
        repaintAreas({});
    } else if (!dirty.shifts().empty() && isSignalConnected(QMetaMethod::fromSignal(&MapScene::areasShifted))) {
        // A row grew or shrank: the view may move the pixels below it
        // rather than paint everything below again.
        emit areasShifted(MapRepaint{dirty.shifts(), fewAreas(dirty.regionAfterShifts()), fewAreas(dirty.region())});
    } else {
        repaintAreas(fewAreas(dirty.region()));
    }
    if (selectionChanged)
        emit cardSelectionChanged();
    if (!change.cards.empty()) {
        emit cardsUpdated(change.cards);
        emit layoutChanged();
    }
}

PaintOptions MapScene::paintOptions(qreal levelOfDetail) const
{
    PaintOptions options;
    options.levelOfDetail = levelOfDetail;
    options.heatStrip = m_showHeatStrip;
    options.selectedCards = &m_selected;
    options.highlightedCards = &m_highlighted;
    return options;
}

QRectF MapScene::cardPaintRect(const std::string &cardId) const { return m_painter.cardPaintBounds(cardId); }

void MapScene::repaintCards(const std::vector<std::string> &ids)
{
    std::vector<QRectF> areas;
    areas.reserve(std::min(ids.size(), kMaxSeparateAreas + 1));
    QRectF united;
    for (const std::string &id : ids) {
        const QRectF area = cardPaintRect(id);
        if (area.isNull())
            continue;
        united |= area;
        if (areas.size() <= kMaxSeparateAreas)
            areas.push_back(area);
    }
    if (areas.size() > kMaxSeparateAreas)
        repaintAreas({united});
    else
        repaintAreas(areas);
}

std::vector<QRectF> MapScene::fewAreas(const QRegion &region)
{
    if (static_cast<std::size_t>(region.rectCount()) > kMaxSeparateAreas)
        return {QRectF(region.boundingRect())};
    std::vector<QRectF> areas;
    for (const QRect &area : region)
        areas.emplace_back(area);
    return areas;
}

void MapScene::repaintAreas(std::vector<QRectF> areas)
{
    if (areas.size() > kMaxSeparateAreas) {
        QRectF united;
        for (const QRectF &area : areas)
            united |= area;
        areas = {united};
    }
    // Not QGraphicsScene::update(): with no items, the view paints the map
    // itself, and Qt's view drops scene updates after a full one until its
    // own paintEvent has run (which the canvas replaces).
    emit areasChanged(areas);
}

void MapScene::setFocusPersona(const std::string &personaId)
{
    if (personaId == m_layout.focusPersona())
        return;
    m_layout.setFocusPersona(personaId);
    rebuild();
    emit focusChanged(personaId);
}

void MapScene::setShowHeatStrip(bool show)
{
    if (show == m_showHeatStrip)
        return;
    m_showHeatStrip = show;
    repaintAreas({}); // the stage row, frozen or not, and everything it pushes down
}

void MapScene::setHighlightedCards(std::unordered_set<std::string> cards)
{
    // Repaint only the cards whose highlight changes.
    const std::vector<std::string> changed = inOneOnly(m_highlighted, cards);
    m_highlighted = std::move(cards);
    repaintCards(changed);
}

std::vector<std::string> MapScene::selectedCardIds() const
{
    return m_layout.inDisplayOrder({m_selected.begin(), m_selected.end()});
}

void MapScene::setSelectedCards(std::unordered_set<std::string> cardIds)
{
    // Only shown cards can be selected: a hidden card cannot be seen to be.
    for (auto it = cardIds.begin(); it != cardIds.end();)
        it = isCardShown(*it) ? std::next(it) : cardIds.erase(it);
    const std::vector<std::string> changed = inOneOnly(m_selected, cardIds);
    if (changed.empty())
        return;
    m_selected = std::move(cardIds);
    repaintCards(changed);
    emit cardSelectionChanged();
}

void MapScene::setCardSelected(const std::string &cardId, bool selected)
{
    if (selected == isCardSelected(cardId) || (selected && !isCardShown(cardId)))
        return;
    if (selected)
        m_selected.insert(cardId);
    else
        m_selected.erase(cardId);
    repaintCards({cardId});
    emit cardSelectionChanged();
}

void MapScene::selectAllCards()
{
    const std::vector<std::string> ids = m_layout.cardIds();
    setSelectedCards(std::unordered_set<std::string>(ids.begin(), ids.end()));
}

void MapScene::rebuild()
{
    m_layout.rebuild(m_controller->document());
    // Cards that are gone or hidden now leave the selection and the highlights.
    const std::size_t selectedBefore = m_selected.size();
    for (auto *set : {&m_selected, &m_highlighted})
        for (auto it = set->begin(); it != set->end();)
            it = isCardShown(*it) ? std::next(it) : set->erase(it);
    fitSceneRect();
    repaintAreas({});
    if (m_selected.size() != selectedBefore)
        emit cardSelectionChanged();
    emit rebuilt();
    emit layoutChanged();
}

void MapScene::holdSceneRect(bool held)
{
    if (held == m_sceneRectHeld)
        return;
    m_sceneRectHeld = held;
    if (!held)
        fitSceneRect();
}

void MapScene::fitSceneRect()
{
    const QRectF fitted = m_layout.bounds().adjusted(-40, -40, 40, 40);
    const QRectF rect = m_sceneRectHeld ? sceneRect() | fitted : fitted;
    if (rect != sceneRect())
        setSceneRect(rect);
}

void MapScene::paintArea(QPainter *painter, const QRectF &sceneArea, qreal levelOfDetail) const
{
    m_painter.paintArea(painter, sceneArea, paintOptions(levelOfDetail));
}

void MapScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    QGraphicsScene::drawBackground(painter, rect);
    paintArea(painter, rect, QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform()));
}

QString MapScene::cardToolTip(const std::string &cardId) const
{
    // Escaped: text from a teammate's file is never read as HTML.
    const Card *card = m_controller->document().card(cardId);
    QStringList parts;
    if (card) {
        if (!card->text.empty())
            parts << QStringLiteral("<b>%1</b>").arg(toQString(card->text).toHtmlEscaped());
        if (!card->notes.empty())
            parts << toQString(card->notes).toHtmlEscaped();
        if (card->link)
            parts << toQString(*card->link).toHtmlEscaped();
        if (!card->comments.empty()) {
            // A plain int argument: lupdate stops reading a translate() call
            // at a cast's template brackets and would not see this text.
            const int comments = static_cast<int>(card->comments.size());
            parts << QCoreApplication::translate("MapScene", "%n comment(s)", "", comments);
        }
    }
    return parts.isEmpty()
               ? QString()
               : QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(parts.join(QStringLiteral("<br/>")));
}

void MapScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    const MapLayout::Hit hit = m_layout.hitTest(event->scenePos());
    const QString text = hit.kind == MapLayout::HitKind::Card ? cardToolTip(hit.cardId) : QString();
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return;
    }
    QToolTip::showText(event->screenPos(), text, event->widget());
    event->accept();
}

} // namespace cjm
