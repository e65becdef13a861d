#include "slides.hpp"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "card_text.hpp"
#include "cjm/insights.hpp"
#include "cjm/views.hpp"
#include "map_language.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {

// Page margins and the slide's title strip, in points (= map units).
constexpr qreal kMargin = 16;
constexpr qreal kTitleHeight = 44;
// A stage narrower than this makes cards too narrow to read; more stages
// than fit at this width go to the next slide.
constexpr qreal kMinStageWidth = 150;
constexpr int kMaxStagesPerSlide = 4;
// No card is cut short on a slide: it grows to hold its whole text.
constexpr int kUnlimitedLines = 100000;

// Runs of consecutive stages, as even as can be, each at most `most` long.
std::vector<std::pair<std::size_t, std::size_t>> stageRuns(std::size_t count, std::size_t most)
{
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    if (count == 0)
        return runs;
    const std::size_t runCount = (count + most - 1) / most;
    std::size_t first = 0;
    for (std::size_t r = 0; r < runCount; ++r) {
        const std::size_t size = count / runCount + (r < count % runCount ? 1 : 0);
        runs.emplace_back(first, first + size); // [first, end)
        first += size;
    }
    return runs;
}

// One lane's part on a page: the whole row, or the cards of a row too tall
// for one slide that go on this page (per stage of the run).
struct RowPart {
    std::size_t lane = 0;                        // index in the page's lanes
    std::vector<std::vector<std::string>> cells; // per stage of the run: card ids, in display order
};

// A lane's row of one run as measured with the whole run: its height and,
// per stage, its cards' ids and heights in display order.
struct RowCells {
    std::size_t lane = 0;
    qreal height = 0;
    bool emotions = false; // the curve's row: never cut
    std::vector<std::vector<std::pair<std::string, qreal>>> cells;
};

struct Packing {
    std::vector<std::vector<RowPart>> pages;
    std::vector<qreal> heights; // how much of each page its rows fill
};

// Packs the rows, in order, into pages holding at most `capacity` each.
// A row that does not fit what is left of a page goes whole onto the next
// one when it fits a page (`cutToFill` false), or is cut between its cards,
// each cell going on where it stopped. A row taller than `capacity` is
// always cut; a card alone taller than a page still goes on an empty page.
// Given `pagesWanted`, each page holds no more than `stretch` times its share
// of what is left (what is left over the pages left), so the last page is
// not left with a scrap.
Packing packRows(const std::vector<RowCells> &rows, qreal capacity, bool cutToFill, const MapMetrics &m,
                 std::size_t pagesWanted = 0, qreal stretch = 1)
{
    qreal left = 0;
    for (const RowCells &row : rows)
        left += row.height;
    Packing packing;
    qreal pageCapacity = capacity;
    auto newPage = [&] {
        if (!packing.heights.empty())
            left -= packing.heights.back();
        packing.pages.emplace_back();
        packing.heights.push_back(0);
        if (pagesWanted >= packing.pages.size()) {
            const auto pagesLeft = static_cast<qreal>(pagesWanted - packing.pages.size() + 1);
            pageCapacity = std::min(capacity, stretch * left / pagesLeft);
        } else {
            pageCapacity = capacity;
        }
    };
    newPage();
    auto remaining = [&] { return pageCapacity - packing.heights.back(); };
    for (const RowCells &row : rows) {
        auto wholeRow = [&] {
            RowPart part{row.lane, {}};
            for (const auto &cell : row.cells) {
                part.cells.emplace_back();
                for (const auto &card : cell)
                    part.cells.back().push_back(card.first);
            }
            return part;
        };
        const bool empty =
            std::all_of(row.cells.begin(), row.cells.end(), [](const auto &cell) { return cell.empty(); });
        // A row without cards (a lane the selection keeps) has nothing to cut: it goes whole.
        if (row.height <= remaining() || row.emotions || empty || (!cutToFill && row.height <= pageCapacity)) {
            if (row.height > remaining() && !packing.pages.back().empty())
                newPage();
            packing.pages.back().push_back(wholeRow());
            packing.heights.back() += row.height;
            continue;
        }
        std::vector<std::size_t> next(row.cells.size(), 0); // per cell: the first card not yet placed
        auto done = [&] {
            for (std::size_t s = 0; s < row.cells.size(); ++s)
                if (next[s] < row.cells[s].size())
                    return false;
            return true;
        };
        while (!done()) {
            RowPart part{row.lane, std::vector<std::vector<std::string>>(row.cells.size())};
            qreal partHeight = m.rowMinHeight;
            bool placed = false;
            for (std::size_t s = 0; s < row.cells.size(); ++s) {
                qreal height = m.cellPadding; // the cell's top padding
                while (next[s] < row.cells[s].size()) {
                    const auto &[id, card] = row.cells[s][next[s]];
                    const bool fits = height + card + m.cellPadding <= remaining();
                    // On an empty page a card goes on even when it alone is too tall.
                    if (!fits && !(packing.pages.back().empty() && part.cells[s].empty()))
                        break;
                    part.cells[s].push_back(id);
                    height += card + m.cardGap;
                    ++next[s];
                    placed = true;
                }
                if (!part.cells[s].empty())
                    partHeight = std::max(partHeight, height - m.cardGap + m.cellPadding);
            }
            if (placed) {
                packing.pages.back().push_back(std::move(part));
                packing.heights.back() += partHeight;
            }
            if (!done())
                newPage();
        }
    }
    if (packing.pages.back().empty() && packing.pages.size() > 1) {
        packing.pages.pop_back();
        packing.heights.pop_back();
    }
    return packing;
}

// How even a packing is: its emptiest page's fill over its fullest's.
qreal evenness(const Packing &packing)
{
    const auto [low, high] = std::minmax_element(packing.heights.begin(), packing.heights.end());
    return *high > 0 ? *low / *high : 1.0;
}

// The rows on as few pages as a full `available` packing needs, as evenly
// filled as can be. Cards are coarse (a long card is a third of a slide), so
// the tightest capacity alone can still leave the last page a scrap: every
// capacity from the average fill up to a full page is tried, keeping whole
// rows and cutting rows to fill, and the packing whose emptiest page is the
// largest share of its fullest wins (whole rows first on a tie).
std::vector<std::vector<RowPart>> balancedPages(const std::vector<RowCells> &rows, qreal available, const MapMetrics &m)
{
    Packing best = packRows(rows, available, false, m);
    const std::size_t count = best.pages.size();
    if (count <= 1)
        return std::move(best.pages);
    qreal total = 0;
    for (const qreal height : best.heights)
        total += height;
    const qreal lowest = total / static_cast<qreal>(count);
    constexpr int kSteps = 64;
    for (const bool cutToFill : {false, true})
        for (int step = 0; step <= kSteps; ++step) {
            const qreal capacity = lowest + (available - lowest) * step / kSteps;
            Packing packing = packRows(rows, capacity, cutToFill, m);
            if (packing.pages.size() <= count && evenness(packing) > evenness(best) + 1e-6)
                best = std::move(packing);
            Packing shared = packRows(rows, available, cutToFill, m, count, 1.0 + 0.6 * step / kSteps);
            if (shared.pages.size() <= count && evenness(shared) > evenness(best) + 1e-6)
                best = std::move(shared);
        }
    return std::move(best.pages);
}

} // namespace

SlideSelection slideSelectionFor(const Document &document, const View &view)
{
    const ViewSelection resolved = resolveView(document, view);
    // A view naming personas (stages, lanes) none of which exist any more
    // shows nothing, not the whole map: an empty list here would mean "all",
    // so the names are kept and the deck leaves them out.
    auto chosen = [](const std::optional<std::vector<std::string>> &listed, const std::vector<std::string> &found) {
        return listed && found.empty() ? *listed : found;
    };
    SlideSelection selection;
    selection.personaIds = chosen(view.personas, resolved.personaIds);
    selection.stageIds = chosen(view.stages, resolved.stageIds);
    selection.laneIds = chosen(view.lanes, resolved.laneIds);
    selection.keepEmptyLanes = view.layout == ViewLayout::Slides && !resolved.hideEmptyLanes;
    selection.aspect = resolved.aspect;
    return selection;
}

QFont slideTitleFont(const MapStyle &style)
{
    QFont font = style.titleFont;
    font.setPixelSize(20);
    return font;
}

QSizeF slidePageSize(SlideAspect aspect)
{
    return aspect == SlideAspect::Standard ? QSizeF(720, 540) : QSizeF(960, 540);
}

bool slideAspectFromName(const QString &name, SlideAspect &aspect)
{
    if (name == QLatin1String("16:9"))
        aspect = SlideAspect::Wide;
    else if (name == QLatin1String("4:3"))
        aspect = SlideAspect::Standard;
    else
        return false;
    return true;
}

QString slideAspectName(SlideAspect aspect)
{
    return aspect == SlideAspect::Standard ? QStringLiteral("4:3") : QStringLiteral("16:9");
}

SlidePage::SlidePage() = default;
SlidePage::SlidePage(SlidePage &&) noexcept = default;
SlidePage &SlidePage::operator=(SlidePage &&) noexcept = default;
SlidePage::~SlidePage() = default;

QPointF SlidePage::frameToPage(const QPointF &p) const { return QPointF(kMargin, kMargin) + p * m_contentScale; }

QRectF SlidePage::frameToPage(const QRectF &r) const
{
    return QRectF(frameToPage(r.topLeft()), r.size() * m_contentScale);
}

QPointF SlidePage::cellToPage(const QPointF &p) const { return frameToPage(p - QPointF(m_cellShift, 0)); }

QRectF SlidePage::cellToPage(const QRectF &r) const
{
    return QRectF(cellToPage(r.topLeft()), r.size() * m_contentScale);
}

QRectF SlidePage::titleRect() const
{
    return frameToPage(QRectF(0, 0, (m_size.width() - 2 * kMargin) / m_contentScale, kTitleHeight - 8));
}

QRectF SlidePage::numberRect() const
{
    const QRectF title = titleRect();
    return QRectF(title.right() - 80, title.top(), 80, title.height());
}

QRectF SlidePage::personaHeaderRect() const
{
    return m_layout->bands().empty() ? QRectF() : frameToPage(m_layout->personaHeaderRect(0));
}

std::optional<QRectF> SlidePage::stageHeaderRect(const std::string &stageId) const
{
    const auto index = m_document.stageIndex(stageId);
    if (!index || static_cast<int>(*index) < m_firstStage || static_cast<int>(*index) >= m_firstStage + m_stageCount)
        return std::nullopt;
    return cellToPage(m_layout->stageHeaderRect(static_cast<int>(*index)));
}

std::optional<QRectF> SlidePage::laneLabelRect(const std::string &laneId) const
{
    if (m_layout->bands().empty())
        return std::nullopt;
    const auto &rows = m_layout->bands().front().rows;
    for (std::size_t r = 0; r < rows.size(); ++r)
        if (rows[r].laneId == laneId)
            return frameToPage(m_layout->laneLabelRect(0, static_cast<int>(r)));
    return std::nullopt;
}

std::optional<QRectF> SlidePage::cardRect(const std::string &cardId) const
{
    if (std::find(m_cardIds.begin(), m_cardIds.end(), cardId) == m_cardIds.end())
        return std::nullopt;
    const auto rect = m_layout->cardRect(cardId);
    return rect ? std::optional<QRectF>(cellToPage(*rect)) : std::nullopt;
}

QRectF SlidePage::cellsRect() const
{
    if (m_layout->bands().empty() || m_stageCount == 0)
        return {};
    const auto &band = m_layout->bands().front();
    const auto &stages = m_layout->stages();
    const qreal x0 = stages[static_cast<std::size_t>(m_firstStage)].x;
    const auto &last = stages[static_cast<std::size_t>(m_firstStage + m_stageCount - 1)];
    return cellToPage(QRectF(x0, band.y, last.x + last.width - x0, band.height));
}

qreal SlidePage::cardTextPoints() const { return m_style->cardFont.pixelSize() * m_contentScale; }

qreal SlidePage::smallestTextPoints(bool heatStrip) const
{
    // The smallest words a page draws: footers, chips and captions in the
    // small font, and the heat strip's counts a little smaller (map_painter.cpp).
    int pixels = std::min({m_style->smallFont.pixelSize(), m_style->cardFont.pixelSize(),
                           m_style->headerFont.pixelSize(), m_style->subtitleFont.pixelSize()});
    if (heatStrip)
        pixels = std::min(pixels, std::max(8, qRound(m_style->smallFont.pixelSize() * 0.85)));
    return pixels * m_contentScale;
}

void SlidePage::paint(QPainter *painter, const QRectF &target, const PaintOptions &options) const
{
    if (target.isEmpty())
        return;
    const MapLanguageScope language(m_document);
    painter->save();
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    const qreal fit = std::min(target.width() / m_size.width(), target.height() / m_size.height());
    painter->translate(target.center() - QPointF(m_size.width(), m_size.height()) * fit / 2);
    painter->scale(fit, fit);
    const QRectF page(QPointF(0, 0), m_size);
    painter->setClipRect(page);
    if (!options.transparentBackground)
        painter->fillRect(page, Qt::white);

    PaintOptions paint = options;
    paint.levelOfDetail = 1.0; // a slide is read up close: always its words
    paint.showLegend = false;
    paint.selectedCards = nullptr;
    paint.highlightedCards = nullptr;
    paint.lowestMomentsShown = &m_lowestMoments;
    const MapPainter mapPainter(m_document, *m_layout);

    // The title strip: the slide's title, and its number on the right.
    const QRectF title = titleRect();
    const QRectF number = numberRect();
    painter->setPen(m_style->textColor());
    const QFont titleFont = slideTitleFont(*m_style);
    painter->setFont(titleFont);
    const qreal titleWidth = number.left() - title.left() - 8;
    painter->drawText(QRectF(title.left(), title.top(), titleWidth, title.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(titleFont).elidedText(m_title, Qt::ElideRight, titleWidth));
    painter->setFont(m_style->subtitleFont);
    painter->setPen(m_style->mutedTextColor());
    painter->drawText(number, Qt::AlignRight | Qt::AlignVCenter, m_numberText);

    painter->translate(kMargin, kMargin);
    painter->scale(m_contentScale, m_contentScale);
    if (m_layout->bands().empty() || m_stageCount == 0) {
        painter->restore();
        return;
    }
    const auto &band = m_layout->bands().front();
    const auto &stages = m_layout->stages();
    const qreal left = m_layout->contentLeft();
    const qreal x0 = stages[static_cast<std::size_t>(m_firstStage)].x;
    const auto &lastStage = stages[static_cast<std::size_t>(m_firstStage + m_stageCount - 1)];
    const qreal x1 = lastStage.x + lastStage.width;
    // Stage headers, moved left past the entry column.
    painter->save();
    painter->translate(-m_cellShift, 0);
    painter->setClipRect(QRectF(x0, 0, x1 - x0, m_layout->bounds().height()), Qt::IntersectClip);
    for (int s = m_firstStage; s < m_firstStage + m_stageCount; ++s)
        mapPainter.paintStageHeader(painter, s, m_layout->stageHeaderRect(s), paint);
    painter->restore();
    // The persona's badge and name and the lane labels: the band's left column.
    const QRectF column(0, band.y, left, band.height);
    painter->save();
    painter->setClipRect(column, Qt::IntersectClip);
    mapPainter.paintBackground(painter, column, paint);
    painter->restore();
    // The cells, with the curve running in from the entry column and out to the exit column.
    const QRectF cells(x0, band.y, x1 - x0, band.height);
    painter->save();
    painter->translate(-m_cellShift, 0);
    painter->setClipRect(cells, Qt::IntersectClip);
    mapPainter.paintMap(painter, cells, paint);
    painter->restore();
    // The band's outline on the cells' right, where the exit column was cut off.
    painter->translate(-m_cellShift, 0);
    painter->setPen(QPen(m_style->gridColor().darker(110), 1));
    painter->drawLine(QPointF(x1 - 0.5, band.y), QPointF(x1 - 0.5, band.y + band.height));
    painter->restore();
}

namespace {

// What the deck is built from: the selection resolved against the map.
struct Resolved {
    std::vector<const Persona *> personas;
    std::vector<std::size_t> stages; // indexes in the map
    std::vector<const Lane *> lanes;
};

Resolved resolve(const Document &document, const SlideSelection &selection)
{
    Resolved resolved;
    auto wanted = [](const std::vector<std::string> &ids, const std::string &id) {
        return ids.empty() || std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    for (const Persona &p : document.personas())
        if (wanted(selection.personaIds, p.id))
            resolved.personas.push_back(&p);
    for (std::size_t s = 0; s < document.stages().size(); ++s)
        if (wanted(selection.stageIds, document.stages()[s].id))
            resolved.stages.push_back(s);
    for (const Lane &lane : document.lanes())
        if (!lane.hidden && wanted(selection.laneIds, lane.id)) // hidden in the map: hidden in every view
            resolved.lanes.push_back(&lane);
    return resolved;
}

QString slideTitle(const Document &document, const Persona &persona, const std::vector<const Stage *> &stages)
{
    const Journey &journey = document.journey();
    const QString map = journey.title.empty() ? QCoreApplication::translate("MapText", "Untitled journey map")
                                              : isolatedText(toQString(journey.title));
    QString range;
    if (!stages.empty()) {
        range = isolatedText(toQString(stages.front()->name));
        if (stages.size() > 1)
            range += QStringLiteral(" – ") + isolatedText(toQString(stages.back()->name));
    }
    QStringList parts{map, isolatedText(toQString(persona.name))};
    if (!range.isEmpty())
        parts << range;
    return parts.join(QStringLiteral(" · "));
}

} // namespace

class SlideDeckBuilder {
public:
    SlideDeckBuilder(const Document &document, const SlideSelection &selection)
        : m_document(document), m_selection(selection), m_resolved(resolve(document, selection)),
          m_pageSize(slidePageSize(selection.aspect))
    {
        m_insights.rebuild(document);
    }

    std::vector<SlidePage> build()
    {
        const MapMetrics &standard = MapStyle::standard().metrics;
        const qreal frameWidth = m_pageSize.width() - 2 * kMargin;
        const qreal cellsWidth = frameWidth - standard.personaColumnWidth - standard.laneLabelWidth;
        const auto perSlide =
            static_cast<std::size_t>(std::clamp<qreal>(std::floor(cellsWidth / kMinStageWidth), 1, kMaxStagesPerSlide));
        for (const Persona *persona : m_resolved.personas) {
            const std::vector<const Lane *> lanes = lanesFor(*persona);
            if (lanes.empty() && !m_selection.keepEmptyLanes)
                continue; // nothing of this persona in the selection
            for (const auto &[first, end] : stageRuns(m_resolved.stages.size(), perSlide))
                addRun(*persona, lanes, first, end, cellsWidth / static_cast<qreal>(end - first));
        }
        const int total = static_cast<int>(m_pages.size());
        for (SlidePage &page : m_pages)
            page.m_numberText = QStringLiteral("%1 / %2").arg(page.m_number).arg(total);
        return std::move(m_pages);
    }

private:
    std::vector<const Lane *> lanesFor(const Persona &persona) const
    {
        if (m_selection.keepEmptyLanes)
            return m_resolved.lanes;
        std::unordered_set<std::string_view> stages;
        for (std::size_t s : m_resolved.stages)
            stages.insert(m_document.stages()[s].id);
        std::unordered_set<std::string_view> used;
        for (const Card &card : m_document.cards())
            if (card.persona == persona.id && stages.count(card.stage))
                used.insert(card.lane);
        std::vector<const Lane *> lanes;
        for (const Lane *lane : m_resolved.lanes)
            if (used.count(lane->id))
                lanes.push_back(lane);
        return lanes;
    }

    std::unique_ptr<MapStyle> styleFor(qreal stageWidth) const
    {
        auto style = std::make_unique<MapStyle>(MapStyle::textAsTyped()); // slides become PDFs
        style->metrics.stageWidth = stageWidth;
        style->metrics.titleHeight = kTitleHeight;
        style->metrics.cardTextMaxLines = kUnlimitedLines;
        return style;
    }

    // The map's cards of one persona in the given stages and lanes, in file order.
    std::vector<Card> cardsOf(const Persona &persona, const std::vector<const Stage *> &stages,
                              const std::vector<const Lane *> &lanes) const
    {
        std::unordered_set<std::string_view> stageIds, laneIds;
        for (const Stage *s : stages)
            stageIds.insert(s->id);
        for (const Lane *l : lanes)
            laneIds.insert(l->id);
        std::vector<Card> cards;
        for (const Card &card : m_document.cards())
            if (card.persona == persona.id && stageIds.count(card.stage) && laneIds.count(card.lane))
                cards.push_back(card);
        return cards;
    }

    Document pageDocument(std::vector<Persona> personas, std::vector<Stage> stages, std::vector<Lane> lanes,
                          std::vector<Card> cards) const
    {
        // A colour the program picks goes by the place in the map, which a
        // page's own map changes: each stage and persona keeps the colour it
        // has on the whole map.
        const MapStyle &style = MapStyle::standard();
        for (Stage &stage : stages)
            if (const auto index = m_document.stageIndex(stage.id); index && !stage.color)
                stage.color = toStdString(style.defaultStageColor(*index).name());
        for (Persona &persona : personas)
            if (const auto index = m_document.personaIndex(persona.id); index && !persona.color)
                persona.color = toStdString(style.defaultPersonaColor(*index).name());
        return Document::fromParts(m_document.journey(), std::move(personas), std::move(stages), std::move(lanes),
                                   std::move(cards), m_document.generator(), m_document.unknown());
    }

    // The emotion card next to the run in `lane`: the last one before the
    // run's first stage (`before`) or the first after its last, within the
    // selection's stages; null when there is none.
    const Card *neighbourPoint(const Persona &persona, const Lane &lane, std::size_t first, std::size_t end,
                               bool before) const
    {
        if (before) {
            for (std::size_t i = first; i-- > 0;) {
                const auto cell =
                    m_document.cardsInCell(persona.id, m_document.stages()[m_resolved.stages[i]].id, lane.id);
                if (!cell.empty())
                    return cell.back();
            }
        } else {
            for (std::size_t i = end; i < m_resolved.stages.size(); ++i) {
                const auto cell =
                    m_document.cardsInCell(persona.id, m_document.stages()[m_resolved.stages[i]].id, lane.id);
                if (!cell.empty())
                    return cell.front();
            }
        }
        return nullptr;
    }

    void addRun(const Persona &persona, const std::vector<const Lane *> &lanes, std::size_t first, std::size_t end,
                qreal stageWidth)
    {
        std::vector<const Stage *> runStages;
        for (std::size_t i = first; i < end; ++i)
            runStages.push_back(&m_document.stages()[m_resolved.stages[i]]);
        const auto runCount = static_cast<int>(runStages.size());

        // Measure the run with every lane, to know each row's and card's height.
        std::vector<Stage> stageCopies;
        for (const Stage *s : runStages)
            stageCopies.push_back(*s);
        std::vector<Lane> laneCopies;
        for (const Lane *l : lanes)
            laneCopies.push_back(*l);
        const Document measured = pageDocument({persona}, stageCopies, laneCopies, cardsOf(persona, runStages, lanes));
        const std::unique_ptr<MapStyle> style = styleFor(stageWidth);
        MapLayout layout(*style);
        layout.rebuild(measured);
        const MapMetrics &m = style->metrics;
        const qreal available = m_pageSize.height() - 2 * kMargin - (m.titleHeight + m.stageHeaderHeight + m.bandGap);

        const auto &rows = layout.bands().empty() ? std::vector<MapLayout::LaneRow>() : layout.bands().front().rows;
        std::vector<RowCells> rowCells;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            RowCells row{r, rows[r].height, rows[r].kind == LaneKind::Emotions, {}};
            for (int s = 0; s < runCount; ++s) {
                row.cells.emplace_back();
                for (const MapLayout::CardBox &box : layout.cardsInCell(0, static_cast<int>(r), s))
                    row.cells.back().push_back({box.cardId, box.rect.height()});
            }
            rowCells.push_back(std::move(row));
        }

        // As few slides as the rows need, filled as evenly as can be: one
        // slide of a run nearly blank beside full ones reads as a mistake
        // (and its short band squeezes the persona's name to initials).
        std::vector<std::vector<RowPart>> pages = balancedPages(rowCells, available, m);

        const int parts = static_cast<int>(pages.size());
        for (int p = 0; p < parts; ++p)
            addPage(persona, runStages, lanes, first, end, pages[static_cast<std::size_t>(p)], p + 1, parts,
                    stageWidth);
    }

    void addPage(const Persona &persona, const std::vector<const Stage *> &runStages,
                 const std::vector<const Lane *> &lanes, std::size_t first, std::size_t end,
                 const std::vector<RowPart> &rowParts, int part, int parts, qreal stageWidth)
    {
        SlidePage page;
        page.m_number = static_cast<int>(m_pages.size()) + 1;
        page.m_personaId = persona.id;
        page.m_part = part;
        page.m_parts = parts;
        page.m_size = m_pageSize;
        page.m_style = styleFor(stageWidth);
        page.m_title = slideTitle(m_document, persona, runStages);
        if (parts > 1)
            page.m_title += QStringLiteral(" · %1/%2").arg(part).arg(parts);
        for (const Stage *s : runStages)
            page.m_stageIds.push_back(s->id);

        std::unordered_set<std::string> onPage;
        std::vector<Lane> pageLanes;
        for (const RowPart &rowPart : rowParts) {
            pageLanes.push_back(*lanes[rowPart.lane]);
            page.m_laneIds.push_back(lanes[rowPart.lane]->id);
            for (const auto &cell : rowPart.cells)
                onPage.insert(cell.begin(), cell.end());
        }
        std::vector<Card> cards;
        for (const Card &card : m_document.cards())
            if (onPage.count(card.id))
                cards.push_back(card);

        // The curve's neighbours, in a column either side of the page's
        // stages, named so no stage or card of the map can share the id.
        std::vector<Stage> stages;
        Stage entry{}, exit{};
        entry.id = "\x01slide-entry";
        exit.id = "\x01slide-exit";
        bool hasEntry = false, hasExit = false;
        for (const RowPart &rowPart : rowParts) {
            const Lane &lane = *lanes[rowPart.lane];
            if (effectiveKind(lane.kind) != LaneKind::Emotions)
                continue;
            if (const Card *before = neighbourPoint(persona, lane, first, end, true)) {
                Card point = *before;
                point.stage = entry.id;
                cards.push_back(std::move(point));
                hasEntry = true;
            }
            if (const Card *after = neighbourPoint(persona, lane, first, end, false)) {
                Card point = *after;
                point.stage = exit.id;
                cards.push_back(std::move(point));
                hasExit = true;
            }
        }
        if (hasEntry)
            stages.push_back(entry);
        for (const Stage *s : runStages)
            stages.push_back(*s);
        if (hasExit)
            stages.push_back(exit);
        page.m_firstStage = hasEntry ? 1 : 0;
        page.m_stageCount = static_cast<int>(runStages.size());
        page.m_cellShift = hasEntry ? stageWidth : 0;
        page.m_document = pageDocument({persona}, std::move(stages), std::move(pageLanes), std::move(cards));
        page.m_layout = std::make_unique<MapLayout>(*page.m_style);
        page.m_layout->rebuild(page.m_document);
        for (const std::string &id : page.m_layout->cardIds())
            if (onPage.count(id))
                page.m_cardIds.push_back(id);
        if (const auto personaIndex = m_document.personaIndex(persona.id)) {
            const std::string &lowest = m_insights.lowestMoment(*personaIndex);
            if (!lowest.empty() && onPage.count(lowest))
                page.m_lowestMoments.insert(lowest);
        }
        // Only a card taller than a whole slide makes the page taller than
        // the slide: then the page is drawn smaller to hold it.
        const QRectF bounds = page.m_layout->bounds();
        const qreal height = page.m_layout->bands().empty()
                                 ? bounds.height()
                                 : page.m_layout->bands().front().y + page.m_layout->bands().front().height;
        page.m_contentScale = std::min<qreal>(1.0, (m_pageSize.height() - 2 * kMargin) / height);
        m_pages.push_back(std::move(page));
    }

    const Document &m_document;
    const SlideSelection &m_selection;
    Resolved m_resolved;
    MapInsights m_insights; // the whole map's figures: each persona's lowest moment
    QSizeF m_pageSize;
    std::vector<SlidePage> m_pages;
};

SlideDeck SlideDeck::build(const Document &document, const SlideSelection &selection)
{
    const MapLanguageScope language(document); // the titles' words are the map's
    SlideDeck deck;
    deck.m_pageSize = slidePageSize(selection.aspect);
    deck.m_pages = SlideDeckBuilder(document, selection).build();
    return deck;
}

qreal wholeMapCardTextPoints(const Document &document, const QSizeF &printable)
{
    MapLayout layout;
    layout.rebuild(document);
    const QRectF bounds = layout.bounds();
    if (bounds.isEmpty())
        return 0;
    const qreal scale = std::min(printable.width() / bounds.width(), printable.height() / bounds.height());
    return MapStyle::standard().cardFont.pixelSize() * scale;
}

} // namespace cjm
