#include "map_scene.hpp"

#include <QCoreApplication>
#include <QGraphicsSceneHelpEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QToolTip>
#include <algorithm>
#include <limits>

#include "qt_text.hpp"

namespace cjm {

namespace {
// Selection and find outlines reach past the card, and antialiasing a pixel more.
constexpr qreal kOutlineMargin = 5;
// How far past the last stage an emotion row's drawing may reach (the
// lowest moment's ring round a face near the edge; its label stays in the row).
constexpr qreal kLowestMomentLabelReach = 160;
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
    // Bands, columns or rows came, went or moved: every card lays out again.
    if (changes.touchesStructure()) {
        rebuild();
        return;
    }
    const std::vector<std::string> cards = changes.cardIds();
    if (!cards.empty())
        updateCards(cards);
    // Names and colours of personas, stages and lanes: the same layout, painted again.
    if (changes.touchesLabels())
        repaintAreas({});
    else if (changes.touchesJourney())
        repaintAreas({m_layout.titleRect()});
}

QRectF MapScene::cardPaintRect(const std::string &cardId) const
{
    auto rect = m_layout.cardRect(cardId);
    if (!rect)
        return {};
    QRectF area = rect->adjusted(-kOutlineMargin, -kOutlineMargin, kOutlineMargin, kOutlineMargin);
    // An emotion's face (and its outline) may be wider than its box when a
    // cell holds many points.
    const qreal faceReach = m_layout.style().metrics.emotionFaceSize / 2 + 2 * kOutlineMargin;
    if (area.width() < 2 * faceReach)
        area.adjust(area.width() / 2 - faceReach, 0, faceReach - area.width() / 2, 0);
    return area;
}

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
    // Leave a margin around the map so its edges can be scrolled into the middle.
    setSceneRect(m_layout.bounds().adjusted(-40, -40, 40, 40));
    repaintAreas({});
    if (m_selected.size() != selectedBefore)
        emit cardSelectionChanged();
    emit rebuilt();
    emit layoutChanged();
}

void MapScene::updateCards(const std::vector<std::string> &cardIds)
{
    // What to repaint: the cells the cards leave and enter (a whole emotion
    // row, whose curve runs through every stage), and, when a row changed
    // height, everything below it. Never the whole map for a local edit.
    std::vector<QRectF> dirty;
    bool painTouched = false;
    auto addCell = [&](const MapLayout::CardPlace &place) {
        const LaneKind kind = m_layout.bands()[place.band].rows[place.row].kind;
        painTouched = painTouched || kind == LaneKind::PainPoints || kind == LaneKind::Barriers;
        // An emotion row's curve runs through every stage, and the lowest
        // moment's label reaches past the last one.
        dirty.push_back(kind == LaneKind::Emotions
                            ? m_layout.rowRect(place.band, place.row).adjusted(0, 0, kLowestMomentLabelReach, 0)
                            : m_layout.cellRect(place.band, place.row, place.stage));
    };
    for (const std::string &id : cardIds)
        if (auto place = m_layout.cardPlace(id))
            addCell(*place);
    // A persona's lowest moment may move to another of its emotion rows:
    // the rows it leaves and enters repaint too.
    std::vector<std::string> lowestBefore;
    for (int b = 0; b < static_cast<int>(m_layout.bands().size()); ++b)
        lowestBefore.push_back(m_layout.lowestMoment(b));
    const QRectF oldBounds = m_layout.bounds();
    struct RowGeometry {
        qreal y, height;
    };
    std::vector<std::vector<RowGeometry>> oldRows;
    std::vector<RowGeometry> oldBands;
    for (const auto &band : m_layout.bands()) {
        oldBands.push_back({band.y, band.height});
        oldRows.emplace_back();
        for (const auto &row : band.rows)
            oldRows.back().push_back({row.y, row.height});
    }

    m_layout.updateCards(m_controller->document(), cardIds);

    bool selectionChanged = false;
    for (const std::string &id : cardIds) {
        if (auto place = m_layout.cardPlace(id)) {
            addCell(*place);
        } else {
            selectionChanged = m_selected.erase(id) > 0 || selectionChanged;
            m_highlighted.erase(id);
        }
    }
    for (int b = 0; b < static_cast<int>(lowestBefore.size()); ++b)
        if (m_layout.lowestMoment(b) != lowestBefore[static_cast<std::size_t>(b)])
            for (const std::string &id : {lowestBefore[static_cast<std::size_t>(b)], m_layout.lowestMoment(b)})
                if (auto place = m_layout.cardPlace(id))
                    addCell(*place);
    // A row that grew or shrank moves every row below it.
    const auto &bands = m_layout.bands();
    qreal movedFrom = std::numeric_limits<qreal>::max();
    for (std::size_t b = 0; b < bands.size() && b < oldRows.size(); ++b) {
        const QRectF header = m_layout.personaHeaderRect(static_cast<int>(b));
        if (bands[b].height != oldBands[b].height || bands[b].y != oldBands[b].y) {
            // The persona's name is centred on its band.
            const qreal top = std::min(bands[b].y, oldBands[b].y);
            const qreal bottom = std::max(bands[b].y + bands[b].height, oldBands[b].y + oldBands[b].height);
            dirty.push_back(QRectF(header.left(), top, header.width(), bottom - top));
        }
        for (std::size_t r = 0; r < bands[b].rows.size() && r < oldRows[b].size(); ++r) {
            const auto &row = bands[b].rows[r];
            const RowGeometry &old = oldRows[b][r];
            if (row.y != old.y) {
                movedFrom = std::min({movedFrom, row.y, old.y});
            } else if (row.height != old.height) {
                movedFrom = std::min(movedFrom, std::min(row.y + row.height, old.y + old.height) - 1);
                // The lane's label fits its lines and font to the row's height.
                QRectF label = m_layout.laneLabelRect(static_cast<int>(b), static_cast<int>(r));
                label.setHeight(std::max(row.height, old.height));
                dirty.push_back(label);
            }
        }
    }
    const QRectF bounds = m_layout.bounds();
    if (movedFrom != std::numeric_limits<qreal>::max()) {
        const qreal bottom = std::max(bounds.bottom(), oldBounds.bottom());
        // Full width, and the margin a lowest-moment label may reach into.
        dirty.push_back(QRectF(bounds.left(), movedFrom,
                               std::max(bounds.width(), oldBounds.width()) + kLowestMomentLabelReach, bottom - movedFrom));
    }
    if (painTouched && m_showHeatStrip)
        dirty.push_back(m_layout.stageHeaderRowRect());
    if (bounds != oldBounds)
        setSceneRect(bounds.adjusted(-40, -40, 40, 40));
    for (QRectF &area : dirty)
        area.adjust(-kOutlineMargin, -kOutlineMargin, kOutlineMargin, kOutlineMargin);
    repaintAreas(std::move(dirty));
    if (selectionChanged)
        emit cardSelectionChanged();
    emit cardsUpdated(cardIds);
    emit layoutChanged();
}

void MapScene::paintArea(QPainter *painter, const QRectF &sceneArea, qreal levelOfDetail) const
{
    PaintOptions options;
    options.levelOfDetail = levelOfDetail;
    options.heatStrip = m_showHeatStrip;
    options.selectedCards = &m_selected;
    options.highlightedCards = &m_highlighted;
    m_painter.paintBackground(painter, sceneArea, options);
    // Outlines reach past their cards: a card just outside still draws into the area.
    m_painter.paintCards(painter, sceneArea.adjusted(-kOutlineMargin, -kOutlineMargin, kOutlineMargin, kOutlineMargin),
                         options);
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
        if (!card->comments.empty())
            parts << QCoreApplication::translate("MapScene", "%n comment(s)", "", static_cast<int>(card->comments.size()));
    }
    return parts.isEmpty() ? QString()
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
