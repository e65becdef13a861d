#include "map_layout.hpp"

#include <QTextLayout>
#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_set>

#include "card_text.hpp"

namespace cjm {

TextBlock measureText(const QString &text, const QFont &font, qreal width, int maxLines)
{
    TextBlock block;
    if (text.isEmpty() || width <= 0)
        return block;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    while (true) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        if (block.lines == maxLines) {
            block.elided = true;
            break;
        }
        line.setLineWidth(width);
        block.height += line.height();
        ++block.lines;
    }
    layout.endLayout();
    return block;
}

MapLayout::MapLayout(const MapStyle &style) : m_style(style) {}

qreal MapLayout::contentLeft() const { return m_style.metrics.personaColumnWidth + m_style.metrics.laneLabelWidth; }

std::size_t MapLayout::cellIndex(int band, int row, int stage) const
{
    return (static_cast<std::size_t>(band) * m_maxRows + static_cast<std::size_t>(row)) * m_stages.size() +
           static_cast<std::size_t>(stage);
}

void MapLayout::rebuild(const Document &document)
{
    const MapMetrics &m = m_style.metrics;
    m_stages.clear();
    m_bands.clear();
    m_places.clear();
    m_personaBand.clear();
    m_stageColumn.clear();
    m_laneRow.clear();

    qreal x = contentLeft();
    for (std::size_t i = 0; i < document.stages().size(); ++i) {
        m_stages.push_back({document.stages()[i].id, x, m.stageWidth});
        m_stageColumn.emplace(document.stages()[i].id, static_cast<int>(i));
        x += m.stageWidth;
    }
    std::vector<LaneRow> rows;
    for (const Lane &lane : document.lanes()) {
        if (lane.hidden)
            continue;
        m_laneRow.emplace(lane.id, static_cast<int>(rows.size()));
        const LaneKind kind = effectiveKind(lane.kind);
        // Emotion rows have a fixed height: the score scale must not stretch.
        rows.push_back({lane.id, kind, 0, kind == LaneKind::Emotions ? m.emotionRowHeight : 0});
    }
    m_maxRows = rows.size();
    m_focusIndex = m_focusPersona.empty() ? std::nullopt : document.personaIndex(m_focusPersona);
    for (std::size_t p = 0; p < document.personas().size(); ++p) {
        const Persona &persona = document.personas()[p];
        if (m_focusIndex && p != *m_focusIndex)
            continue;
        m_personaBand.emplace(persona.id, static_cast<int>(m_bands.size()));
        m_bands.push_back({persona.id, 0, 0, rows, p});
    }
    m_insights.rebuild(document);

    const std::size_t cellCount = m_bands.size() * m_maxRows * m_stages.size();
    m_cells.assign(cellCount, {});
    m_cellMembers.assign(cellCount, {});
    // Group the cards by cell once, in file order, so each cell sorts only
    // its own cards.
    for (const Card &card : document.cards()) {
        auto band = m_personaBand.find(card.persona);
        auto stage = m_stageColumn.find(card.stage);
        auto row = m_laneRow.find(card.lane);
        if (band == m_personaBand.end() || stage == m_stageColumn.end() || row == m_laneRow.end())
            continue; // hidden lane
        m_cellMembers[cellIndex(band->second, row->second, stage->second)].push_back(card.id);
    }
    for (int b = 0; b < static_cast<int>(m_bands.size()); ++b)
        for (int r = 0; r < static_cast<int>(m_maxRows); ++r)
            for (int s = 0; s < static_cast<int>(m_stages.size()); ++s)
                layoutCell(document, b, r, s);
    for (int b = 0; b < static_cast<int>(m_bands.size()); ++b)
        for (int r = 0; r < static_cast<int>(m_maxRows); ++r) {
            LaneRow &row = m_bands[b].rows[r];
            if (row.kind == LaneKind::Emotions) {
                row.height = m.emotionRowHeight;
                continue;
            }
            qreal h = m.rowMinHeight;
            for (int s = 0; s < static_cast<int>(m_stages.size()); ++s)
                h = std::max(h, cellContentHeight(b, r, s));
            row.height = h;
        }
    placeRowsFrom(0);
    // Removed cards' measures: dropped when they could outnumber the cards.
    if (m_measured.size() > 2 * m_places.size() + 1024)
        m_measured.clear();
}

qreal MapLayout::cardHeight(const Document &document, const Card &card, LaneKind kind, qreal width,
                            TextBlock &text) const
{
    (void)document;
    const MapMetrics &m = m_style.metrics;
    const qreal textWidth = width - 2 * m.cardPadding - kCardAccentWidth;
    auto known = m_measured.find(card.id);
    if (known != m_measured.end() && known->second.width == textWidth && known->second.text == card.text) {
        text = known->second.block;
    } else {
        text = measureText(cardDisplayText(card), m_style.cardFont, textWidth, m.cardTextMaxLines);
        if (known != m_measured.end())
            known->second = {card.text, textWidth, text};
        else
            m_measured.emplace(card.id, MeasuredText{card.text, textWidth, text});
    }
    qreal h = 2 * m.cardPadding + text.height;
    if (cardHasFooter(card, kind))
        h += m.cardFooterHeight;
    if (card.image)
        h += m.cardImageHeight + m.cardGap;
    return std::max(h, m.cardMinHeight);
}

void MapLayout::layoutCell(const Document &document, int band, int row, int stage)
{
    const MapMetrics &m = m_style.metrics;
    const std::size_t index = cellIndex(band, row, stage);
    std::vector<CardBox> &cell = m_cells[index];
    cell.clear();
    const std::vector<std::string> &members = m_cellMembers[index];
    if (members.empty())
        return;
    // Display order: `order`, ties in file order.
    struct Entry {
        const Card *card;
        std::size_t fileIndex;
    };
    std::vector<Entry> entries;
    entries.reserve(members.size());
    for (const std::string &id : members) {
        auto fileIndex = document.cardIndex(id);
        if (fileIndex)
            entries.push_back({&document.cards()[*fileIndex], *fileIndex});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.card->order != b.card->order ? a.card->order < b.card->order : a.fileIndex < b.fileIndex;
    });

    const LaneKind kind = m_bands[band].rows[row].kind;
    const qreal width = m_stages[stage].width;
    cell.reserve(entries.size());
    if (kind == LaneKind::Emotions) {
        // Points spread across the cell; their height follows the score.
        const qreal face = m.emotionFaceSize;
        const qreal labelWidth = std::min<qreal>(width / static_cast<qreal>(entries.size() + 1) * 1.6, width - 8);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const qreal cx = width * static_cast<qreal>(i + 1) / static_cast<qreal>(entries.size() + 1);
            const qreal cy = emotionY(band, row, entries[i].card->score.value_or(0)) - m_bands[band].rows[row].y;
            CardBox box;
            box.cardId = entries[i].card->id;
            box.rect = QRectF(cx - labelWidth / 2, cy - face / 2, labelWidth, face + kEmotionLabelHeight);
            cell.push_back(std::move(box));
        }
    } else {
        qreal y = m.cellPadding;
        const qreal cardWidth = width - 2 * m.cellPadding;
        for (const Entry &e : entries) {
            CardBox box;
            box.cardId = e.card->id;
            TextBlock text;
            const qreal h = cardHeight(document, *e.card, kind, cardWidth, text);
            box.rect = QRectF(m.cellPadding, y, cardWidth, h);
            box.elided = text.elided;
            box.textLines = text.lines;
            y += h + m.cardGap;
            cell.push_back(std::move(box));
        }
    }
    for (std::size_t i = 0; i < cell.size(); ++i)
        m_places[cell[i].cardId] = CardPlace{band, row, stage, static_cast<int>(i)};
}

qreal MapLayout::cellContentHeight(int band, int row, int stage) const
{
    const auto &cell = m_cells[cellIndex(band, row, stage)];
    if (cell.empty())
        return 0;
    return cell.back().rect.bottom() + m_style.metrics.cellPadding;
}

void MapLayout::placeRowsFrom(int firstBand)
{
    const MapMetrics &m = m_style.metrics;
    qreal y = m.titleHeight + m.stageHeaderHeight + m.bandGap;
    if (firstBand > 0 && firstBand <= static_cast<int>(m_bands.size()))
        y = m_bands[firstBand - 1].y + m_bands[firstBand - 1].height + m.bandGap;
    for (int b = std::max(firstBand, 0); b < static_cast<int>(m_bands.size()); ++b) {
        PersonaBand &band = m_bands[b];
        band.y = y;
        qreal rowY = y;
        for (LaneRow &row : band.rows) {
            row.y = rowY;
            rowY += row.height;
        }
        band.height = std::max(rowY - y, m.rowMinHeight);
        y += band.height + m.bandGap;
    }
    updateBounds();
}

void MapLayout::updateBounds()
{
    const MapMetrics &m = m_style.metrics;
    const qreal right = m_stages.empty() ? contentLeft() + m.stageWidth : m_stages.back().x + m_stages.back().width;
    qreal bottom = m.titleHeight + m.stageHeaderHeight + m.bandGap;
    if (!m_bands.empty())
        bottom = m_bands.back().y + m_bands.back().height + m.bandGap;
    m_bounds = QRectF(0, 0, std::max<qreal>(right, 720), bottom);
}

void MapLayout::updateCards(const Document &document, const std::vector<std::string> &cardIds)
{
    std::vector<std::size_t> touchedCells;
    auto touch = [&](std::size_t cell) {
        if (std::find(touchedCells.begin(), touchedCells.end(), cell) == touchedCells.end())
            touchedCells.push_back(cell);
    };
    auto removeMember = [&](std::size_t cell, const std::string &id) {
        auto &members = m_cellMembers[cell];
        members.erase(std::remove(members.begin(), members.end(), id), members.end());
    };
    // An id may be named twice (a card dragged within its own cell is both
    // the dragged card and one of the cell's); it must be placed once.
    std::unordered_set<std::string_view> seen;
    for (const std::string &id : cardIds) {
        if (!seen.insert(id).second)
            continue;
        auto old = m_places.find(id);
        if (old != m_places.end()) {
            const std::size_t cell = cellIndex(old->second.band, old->second.row, old->second.stage);
            removeMember(cell, id);
            touch(cell);
            m_places.erase(old);
        }
        const Card *card = document.card(id);
        if (!card)
            continue; // removed
        auto band = m_personaBand.find(card->persona);
        auto stage = m_stageColumn.find(card->stage);
        auto row = m_laneRow.find(card->lane);
        if (band == m_personaBand.end() || stage == m_stageColumn.end() || row == m_laneRow.end())
            continue;
        const std::size_t cell = cellIndex(band->second, row->second, stage->second);
        m_cellMembers[cell].push_back(id);
        touch(cell);
    }
    int firstChangedBand = -1;
    for (std::size_t cell : touchedCells) {
        const int stage = static_cast<int>(cell % m_stages.size());
        const int row = static_cast<int>((cell / m_stages.size()) % m_maxRows);
        const int band = static_cast<int>(cell / m_stages.size() / m_maxRows);
        layoutCell(document, band, row, stage);
        LaneRow &laneRow = m_bands[band].rows[row];
        if (laneRow.kind == LaneKind::Emotions)
            continue;
        qreal h = m_style.metrics.rowMinHeight;
        for (int s = 0; s < static_cast<int>(m_stages.size()); ++s)
            h = std::max(h, cellContentHeight(band, row, s));
        if (h != laneRow.height) {
            laneRow.height = h;
            firstChangedBand = firstChangedBand < 0 ? band : std::min(firstChangedBand, band);
        }
    }
    if (firstChangedBand >= 0)
        placeRowsFrom(firstChangedBand);
    m_insights.updateCards(document, cardIds);
}

const StageTally &MapLayout::shownStageTally(int stage) const
{
    const auto s = static_cast<std::size_t>(stage);
    return m_focusIndex ? m_insights.tally(*m_focusIndex, s) : m_insights.stageTally(s);
}

const std::string &MapLayout::lowestMoment(int band) const
{
    return m_insights.lowestMoment(m_bands.at(static_cast<std::size_t>(band)).personaIndex);
}

QRectF MapLayout::titleRect() const { return QRectF(0, 0, m_bounds.width(), m_style.metrics.titleHeight); }

QRectF MapLayout::stageHeaderRowRect() const
{
    return QRectF(0, m_style.metrics.titleHeight, m_bounds.width(), m_style.metrics.stageHeaderHeight);
}

QRectF MapLayout::stageHeaderRect(int stage) const
{
    const StageColumn &c = m_stages.at(static_cast<std::size_t>(stage));
    return QRectF(c.x, m_style.metrics.titleHeight, c.width, m_style.metrics.stageHeaderHeight);
}

QRectF MapLayout::bandRect(int band) const
{
    const PersonaBand &b = m_bands.at(static_cast<std::size_t>(band));
    return QRectF(0, b.y, m_bounds.width(), b.height);
}

QRectF MapLayout::personaHeaderRect(int band) const
{
    const PersonaBand &b = m_bands.at(static_cast<std::size_t>(band));
    return QRectF(0, b.y, m_style.metrics.personaColumnWidth, b.height);
}

QRectF MapLayout::laneLabelRect(int band, int row) const
{
    const LaneRow &r = m_bands.at(static_cast<std::size_t>(band)).rows.at(static_cast<std::size_t>(row));
    return QRectF(m_style.metrics.personaColumnWidth, r.y, m_style.metrics.laneLabelWidth, r.height);
}

QRectF MapLayout::rowRect(int band, int row) const
{
    const LaneRow &r = m_bands.at(static_cast<std::size_t>(band)).rows.at(static_cast<std::size_t>(row));
    const qreal right = m_stages.empty() ? contentLeft() : m_stages.back().x + m_stages.back().width;
    return QRectF(contentLeft(), r.y, right - contentLeft(), r.height);
}

QRectF MapLayout::cellRect(int band, int row, int stage) const
{
    const LaneRow &r = m_bands.at(static_cast<std::size_t>(band)).rows.at(static_cast<std::size_t>(row));
    const StageColumn &c = m_stages.at(static_cast<std::size_t>(stage));
    return QRectF(c.x, r.y, c.width, r.height);
}

const std::vector<MapLayout::CardBox> &MapLayout::cardsInCell(int band, int row, int stage) const
{
    return m_cells.at(cellIndex(band, row, stage));
}

std::optional<MapLayout::CardPlace> MapLayout::cellFor(const Card &card) const
{
    const int band = bandOf(card.persona), stage = stageOf(card.stage), row = rowOf(card.lane);
    if (band < 0 || stage < 0 || row < 0)
        return std::nullopt;
    return CardPlace{band, row, stage, -1};
}

namespace {
int indexIn(const std::unordered_map<std::string, int> &indexes, const std::string &id)
{
    const auto it = indexes.find(id);
    return it == indexes.end() ? -1 : it->second;
}
} // namespace

int MapLayout::bandOf(const std::string &personaId) const { return indexIn(m_personaBand, personaId); }
int MapLayout::stageOf(const std::string &stageId) const { return indexIn(m_stageColumn, stageId); }
int MapLayout::rowOf(const std::string &laneId) const { return indexIn(m_laneRow, laneId); }

std::optional<MapLayout::CardPlace> MapLayout::cardPlace(const std::string &cardId) const
{
    auto it = m_places.find(cardId);
    if (it == m_places.end())
        return std::nullopt;
    return it->second;
}

const MapLayout::CardBox *MapLayout::cardBox(const std::string &cardId) const
{
    auto place = cardPlace(cardId);
    if (!place)
        return nullptr;
    return &m_cells[cellIndex(place->band, place->row, place->stage)][static_cast<std::size_t>(place->indexInCell)];
}

std::optional<QRectF> MapLayout::cardRect(const std::string &cardId) const
{
    auto place = cardPlace(cardId);
    if (!place)
        return std::nullopt;
    const CardBox &box =
        m_cells[cellIndex(place->band, place->row, place->stage)][static_cast<std::size_t>(place->indexInCell)];
    return box.rect.translated(cellRect(place->band, place->row, place->stage).topLeft());
}

std::vector<std::string> MapLayout::cardIds() const
{
    std::vector<std::string> ids;
    ids.reserve(m_places.size());
    for (const auto &cell : m_cells)
        for (const auto &box : cell)
            ids.push_back(box.cardId);
    return ids;
}

std::vector<std::string> MapLayout::inDisplayOrder(std::vector<std::string> cardIds) const
{
    std::vector<std::pair<std::tuple<int, int, int, int>, std::string>> placed;
    placed.reserve(cardIds.size());
    for (std::string &id : cardIds)
        if (auto p = m_places.find(id); p != m_places.end())
            placed.emplace_back(std::make_tuple(p->second.band, p->second.row, p->second.stage, p->second.indexInCell),
                                std::move(id));
    std::sort(placed.begin(), placed.end());
    std::vector<std::string> ordered;
    ordered.reserve(placed.size());
    for (auto &entry : placed)
        ordered.push_back(std::move(entry.second));
    return ordered;
}

qreal MapLayout::emotionY(int band, int row, double score) const
{
    const LaneRow &r = m_bands.at(static_cast<std::size_t>(band)).rows.at(static_cast<std::size_t>(row));
    const qreal margin = m_style.metrics.emotionFaceSize / 2 + 6;
    const qreal usable = r.height - 2 * margin - kEmotionLabelHeight;
    const qreal clamped = std::clamp(score, -3.0, 3.0);
    return r.y + margin + (3.0 - clamped) / 6.0 * usable;
}

int MapLayout::emotionScoreAt(int band, int row, qreal y) const
{
    // emotionY is linear in the score, so the nearest score is the rounded
    // inverse of that line.
    const qreal top = emotionY(band, row, 3.0), bottom = emotionY(band, row, -3.0);
    if (bottom <= top)
        return 0;
    const qreal score = 3.0 - (y - top) / (bottom - top) * 6.0;
    return static_cast<int>(std::lround(std::clamp(score, -3.0, 3.0)));
}

std::vector<std::pair<std::string, QPointF>> MapLayout::emotionPoints(int band, int row) const
{
    std::vector<std::pair<std::string, QPointF>> points;
    for (int s = 0; s < static_cast<int>(m_stages.size()); ++s) {
        const QPointF origin = cellRect(band, row, s).topLeft();
        for (const CardBox &box : cardsInCell(band, row, s))
            points.emplace_back(box.cardId, origin + QPointF(box.rect.center().x(),
                                                             box.rect.top() + m_style.metrics.emotionFaceSize / 2));
    }
    return points;
}

std::pair<int, int> MapLayout::stageRange(qreal x0, qreal x1) const
{
    if (m_stages.empty())
        return {-1, -1};
    auto first = std::upper_bound(m_stages.begin(), m_stages.end(), x0,
                                  [](qreal x, const StageColumn &c) { return x < c.x + c.width; });
    auto last =
        std::upper_bound(m_stages.begin(), m_stages.end(), x1, [](qreal x, const StageColumn &c) { return x < c.x; });
    if (first == m_stages.end() || last == m_stages.begin())
        return {-1, -1};
    const int a = static_cast<int>(first - m_stages.begin());
    const int b = static_cast<int>(last - m_stages.begin()) - 1;
    return a <= b ? std::make_pair(a, b) : std::make_pair(-1, -1);
}

std::pair<int, int> MapLayout::bandRange(qreal y0, qreal y1) const
{
    if (m_bands.empty())
        return {-1, -1};
    auto first = std::upper_bound(m_bands.begin(), m_bands.end(), y0,
                                  [](qreal y, const PersonaBand &b) { return y < b.y + b.height; });
    auto last =
        std::upper_bound(m_bands.begin(), m_bands.end(), y1, [](qreal y, const PersonaBand &b) { return y < b.y; });
    if (first == m_bands.end() || last == m_bands.begin())
        return {-1, -1};
    const int a = static_cast<int>(first - m_bands.begin());
    const int b = static_cast<int>(last - m_bands.begin()) - 1;
    return a <= b ? std::make_pair(a, b) : std::make_pair(-1, -1);
}

std::vector<std::string> MapLayout::cardsIn(const QRectF &rect) const
{
    std::vector<std::string> ids;
    auto [s0, s1] = stageRange(rect.left(), rect.right());
    auto [b0, b1] = bandRange(rect.top(), rect.bottom());
    if (s0 < 0 || b0 < 0)
        return ids;
    for (int b = b0; b <= b1; ++b)
        for (int r = 0; r < static_cast<int>(m_maxRows); ++r) {
            const LaneRow &row = m_bands[b].rows[r];
            if (row.y > rect.bottom() || row.y + row.height < rect.top())
                continue;
            for (int s = s0; s <= s1; ++s) {
                const QPointF origin = cellRect(b, r, s).topLeft();
                for (const CardBox &box : cardsInCell(b, r, s))
                    if (box.rect.translated(origin).intersects(rect))
                        ids.push_back(box.cardId);
            }
        }
    return ids;
}

MapLayout::Hit MapLayout::hitTest(const QPointF &p) const
{
    const MapMetrics &m = m_style.metrics;
    Hit hit;
    if (!m_bounds.contains(p))
        return hit;
    if (p.y() < m.titleHeight) {
        hit.kind = HitKind::Title;
        return hit;
    }
    auto [s0, s1] = stageRange(p.x(), p.x());
    (void)s1;
    if (p.y() < m.titleHeight + m.stageHeaderHeight) {
        if (s0 >= 0) {
            hit.kind = HitKind::StageHeader;
            hit.stage = s0;
            const StageColumn &c = m_stages[s0];
            hit.insertIndex = p.x() < c.x + c.width / 2 ? s0 : s0 + 1;
        } else if (p.x() >= contentLeft()) {
            hit.insertIndex = static_cast<int>(m_stages.size());
        }
        return hit;
    }
    auto [b0, b1] = bandRange(p.y(), p.y());
    (void)b1;
    if (b0 < 0)
        return hit;
    const PersonaBand &band = m_bands[b0];
    hit.band = b0;
    if (p.x() < m.personaColumnWidth) {
        hit.kind = HitKind::PersonaHeader;
        hit.insertIndex = p.y() < band.y + band.height / 2 ? b0 : b0 + 1;
        return hit;
    }
    for (int r = 0; r < static_cast<int>(band.rows.size()); ++r) {
        const LaneRow &row = band.rows[r];
        if (p.y() >= row.y && p.y() < row.y + row.height)
            hit.row = r;
    }
    if (hit.row < 0)
        return hit;
    if (p.x() < contentLeft()) {
        hit.kind = HitKind::LaneLabel;
        return hit;
    }
    if (s0 < 0)
        return hit;
    hit.stage = s0;
    hit.kind = HitKind::Cell;
    const QPointF origin = cellRect(b0, hit.row, s0).topLeft();
    const auto &cell = cardsInCell(b0, hit.row, s0);
    int insert = 0;
    for (const CardBox &box : cell) {
        const QRectF r = box.rect.translated(origin);
        if (r.contains(p)) {
            hit.kind = HitKind::Card;
            hit.cardId = box.cardId;
        }
        if (r.center().y() < p.y())
            ++insert;
    }
    hit.insertIndex = insert;
    return hit;
}

} // namespace cjm
