// The dirty region a change reports is enough: on generated maps, random
// edits of every kind are applied through core edits, and after each one
// the picture of the map before it, repainted only inside the reported
// region, must be pixel for pixel the picture a full repaint gives.

#include <catch2/catch.hpp>

#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cstring>
#include <functional>
#include <map>

#include "cjm/edit.hpp"
#include "map_generator.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"
#include "map_regions.hpp"

using namespace cjm;

namespace {

class Random {
public:
    explicit Random(std::uint64_t seed) : m_state(0x9E3779B97F4A7C15ull ^ seed) {}
    std::uint64_t next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 7;
        m_state ^= m_state << 17;
        return m_state;
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    int between(int low, int high) { return low + static_cast<int>(below(static_cast<std::size_t>(high - low + 1))); }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
    template <typename T>
    const T &pick(const std::vector<T> &items)
    {
        return items[below(items.size())];
    }

private:
    std::uint64_t m_state;
};

// Texts of every length: a card that grows or shrinks moves the rows below.
const std::vector<std::string> kTexts = {
    "",
    "Short",
    "Compares prices on two sites",
    "在小红书看到新品推荐",
    "A longer text that wraps over several lines of the card, so the card grows and the row with it, "
    "and every row below moves down",
    "One more line\nand another\nand a third\nand a fourth",
    "مرحبا بالعالم",
    "Checkout asks for an account first, then for the address twice, then fails",
};
const std::vector<std::string> kNames = {
    "", "Awareness", "认知", "A stage name far too long for its header to hold", "Persona 甲", "Ops"};
const std::vector<std::string> kColors = {"#fde68a", "#1e88e5", "#dc2626", "#10b981"};

// One paint pass as the canvas makes it: each rectangle of `region` (map
// units) cleared and painted again, at `scale`, over `image`.
void repaint(QImage &image, const MapPainter &painter, const QRegion &region, qreal scale, const PaintOptions &options)
{
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    for (const QRect &area : region) {
        const QRect pixels =
            QRectF(QPointF(area.topLeft()) * scale, QSizeF(area.size()) * scale).toAlignedRect() & image.rect();
        if (pixels.isEmpty())
            continue;
        p.resetTransform();
        p.setClipRect(pixels);
        p.setCompositionMode(QPainter::CompositionMode_Source);
        p.fillRect(pixels, Qt::transparent);
        p.setCompositionMode(QPainter::CompositionMode_SourceOver);
        p.scale(scale, scale);
        // As the view does: the scene area a pixel wider than the pixels.
        const QRectF exposed(pixels.adjusted(-1, -1, 1, 1));
        painter.paintArea(&p, QRectF(exposed.topLeft() / scale, exposed.size() / scale), options);
    }
}

// The whole map painted into `image`, sized to it (its buffer reused when
// the size is the same: fresh pages per step cost more than the painting).
void paintWhole(QImage &image, const MapPainter &painter, qreal scale, const PaintOptions &options)
{
    const QRectF bounds = painter.layout().bounds();
    const QSize size = (bounds.size() * scale).toSize();
    if (image.size() != size)
        image = QImage(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    repaint(image, painter, QRegion(bounds.toAlignedRect()), scale, options);
}

// `from` over a transparent `image` of `size`: the picture before a change,
// in the frame of the map after it.
void copyInto(QImage &image, const QImage &from, const QSize &size)
{
    if (image.size() != size)
        image = QImage(size, QImage::Format_ARGB32_Premultiplied);
    if (from.size() == size) {
        std::memcpy(image.bits(), from.constBits(), static_cast<std::size_t>(from.sizeInBytes()));
        return;
    }
    image.fill(Qt::transparent);
    QPainter copy(&image);
    copy.setCompositionMode(QPainter::CompositionMode_Source);
    copy.drawImage(0, 0, from);
}

// As QWidget::scroll does on the canvas: the pixels of `image` from the row
// `top` down moved `by` rows; returns the rows the move exposes (what the
// window system has the widget repaint), in map units at `scale`.
QRegion scrollRows(QImage &image, int top, int by, qreal scale)
{
    const int height = image.height();
    top = std::clamp(top, 0, height);
    const auto bytes = static_cast<std::size_t>(image.bytesPerLine());
    if (by > 0) {
        for (int y = height - 1; y >= top + by; --y)
            std::memcpy(image.scanLine(y), image.constScanLine(y - by), bytes);
    } else if (by < 0) {
        for (int y = top; y < height + by; ++y)
            std::memcpy(image.scanLine(y), image.constScanLine(y - by), bytes);
    }
    const int exposedTop = by > 0 ? top : std::max(top, height + by);
    const int exposedRows = std::min(std::abs(by), height - exposedTop);
    if (exposedRows <= 0)
        return {};
    for (int y = exposedTop; y < exposedTop + exposedRows; ++y)
        std::memset(image.scanLine(y), 0, bytes);
    return QRegion(QRectF(0, exposedTop / scale, image.width() / scale, exposedRows / scale).toAlignedRect());
}

// The box round the pixels that differ, empty when none do.
QRect differingPixels(const QImage &a, const QImage &b)
{
    QRect box;
    for (int y = 0; y < a.height(); ++y) {
        const auto *lineA = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *lineB = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x)
            if (lineA[x] != lineB[x])
                box |= QRect(x, y, 1, 1);
    }
    return box;
}

// One random edit of the map; what it changed, it says itself (Edit::changes).
struct Operation {
    std::string kind;
    EditPtr edit;
};

class Operations {
public:
    explicit Operations(Random &random) : m_random(random) {}

    // Every kind of change, picked at random; nullopt when the map has
    // nothing for the kind picked (no card to move...).
    std::optional<Operation> next(const Document &doc)
    {
        using Make = std::function<std::optional<Operation>(const Document &)>;
        static const std::vector<std::pair<int, Make>> kinds = {
            {14, [this](const Document &d) { return cardText(d); }},
            {8, [this](const Document &d) { return cardField(d); }},
            {10, [this](const Document &d) { return score(d); }},
            {10, [this](const Document &d) { return desired(d); }},
            {14, [this](const Document &d) { return moveCard(d); }},
            {8, [this](const Document &d) { return addCard(d); }},
            {7, [this](const Document &d) { return removeCard(d); }},
            {4, [this](const Document &d) { return structure(d); }},
            {4, [this](const Document &d) { return labels(d); }},
            {3, [this](const Document &d) { return journey(d); }},
        };
        int total = 0;
        for (const auto &kind : kinds)
            total += kind.first;
        int roll = static_cast<int>(m_random.below(static_cast<std::size_t>(total)));
        for (const auto &kind : kinds) {
            if (roll < kind.first)
                return kind.second(doc);
            roll -= kind.first;
        }
        return std::nullopt;
    }

private:
    const Card *anyCard(const Document &doc, bool emotion)
    {
        std::vector<const Card *> cards;
        for (const Card &card : doc.cards())
            if ((doc.cardKind(card) == LaneKind::Emotions) == emotion)
                cards.push_back(&card);
        return cards.empty() ? nullptr : m_random.pick(cards);
    }
    const Card *anyCard(const Document &doc)
    {
        return doc.cards().empty() ? nullptr : &doc.cards()[m_random.below(doc.cards().size())];
    }
    static Operation cardOperation(std::string kind, EditPtr edit)
    {
        return Operation{std::move(kind), std::move(edit)};
    }

    std::optional<Operation> cardText(const Document &doc)
    {
        const Card *card = anyCard(doc);
        if (!card)
            return std::nullopt;
        return cardOperation("card text", setField(fields::card::text, card->id, m_random.pick(kTexts)));
    }

    std::optional<Operation> cardField(const Document &doc)
    {
        const Card *card = anyCard(doc);
        if (!card)
            return std::nullopt;
        const std::string &id = card->id;
        EditPtr edit;
        switch (m_random.below(11)) {
        case 0: edit = setField(fields::card::notes, id, m_random.pick(kTexts)); break;
        case 1:
            edit = setField(fields::card::color, id,
                            m_random.chance(30) ? std::nullopt : std::optional<std::string>(m_random.pick(kColors)));
            break;
        case 2: {
            std::vector<std::string> tags;
            for (int i = m_random.between(0, 3); i > 0; --i)
                tags.push_back(m_random.chance(50) ? "online" : "线上" + std::to_string(i));
            edit = setField(fields::card::tags, id, tags);
            break;
        }
        case 3:
            edit = setField(fields::card::channel, id, m_random.chance(20) ? std::string() : std::string("email"));
            break;
        case 4: edit = setField(fields::card::direct, id, !card->direct); break;
        case 5: edit = setField(fields::card::severity, id, m_random.between(1, 3)); break;
        case 6: edit = setField(fields::card::impact, id, m_random.between(1, 3)); break;
        case 7: edit = setField(fields::card::status, id, static_cast<OpportunityStatus>(m_random.below(4))); break;
        case 8: {
            std::vector<Comment> comments(m_random.below(3));
            for (Comment &comment : comments)
                comment.text = "a comment";
            edit = setField(fields::card::comments, id, comments);
            break;
        }
        case 9: {
            Metric metric;
            metric.value = m_random.between(0, 1000);
            if (m_random.chance(50))
                metric.unit = "%";
            edit =
                setField(fields::card::metric, id, m_random.chance(20) ? std::nullopt : std::optional<Metric>(metric));
            break;
        }
        default: {
            Audit audit;
            audit.simple = m_random.between(0, 5);
            audit.personal = m_random.between(0, 5);
            edit = setField(fields::card::audit, id, audit);
            break;
        }
        }
        return cardOperation("card field", std::move(edit));
    }

    std::optional<Operation> score(const Document &doc)
    {
        const Card *card = anyCard(doc, true);
        if (!card)
            return std::nullopt;
        return cardOperation("score",
                             setField(fields::card::score, card->id, std::optional<int>(m_random.between(-3, 3))));
    }

    // A target set, changed or cleared (a third of the time): the dashed
    // curve breaks, joins and bends again, its shading follows.
    std::optional<Operation> desired(const Document &doc)
    {
        const Card *card = anyCard(doc, true);
        if (!card)
            return std::nullopt;
        const std::optional<int> value =
            m_random.below(3) == 0 ? std::nullopt : std::optional<int>(m_random.between(-3, 3));
        return cardOperation(value ? "set desired" : "clear desired", setField(fields::card::desired, card->id, value));
    }

    // A card and the cell it could go to: any cell of its own kind of lane
    // (an emotion card keeps its score, another card has none).
    std::optional<Operation> moveCard(const Document &doc)
    {
        const Card *card = anyCard(doc);
        if (!card || doc.personas().empty() || doc.stages().empty())
            return std::nullopt;
        const bool emotion = doc.cardKind(*card) == LaneKind::Emotions;
        std::vector<std::string> lanes;
        for (const Lane &lane : doc.lanes())
            if ((effectiveKind(lane.kind) == LaneKind::Emotions) == emotion)
                lanes.push_back(lane.id);
        const std::string &persona = m_random.pick(doc.personas()).id;
        const std::string &stage = m_random.pick(doc.stages()).id;
        const std::string &lane = m_random.pick(lanes);
        std::size_t inCell = 0;
        for (const Card &other : doc.cards())
            inCell += other.persona == persona && other.stage == stage && other.lane == lane;
        EditPtr edit = moveCardsToCell(doc, {card->id}, persona, stage, lane, m_random.below(inCell + 1));
        if (!edit)
            return std::nullopt;
        return cardOperation("move card", std::move(edit));
    }

    std::optional<Operation> addCard(const Document &doc)
    {
        if (doc.personas().empty() || doc.stages().empty() || doc.lanes().empty())
            return std::nullopt;
        Card card;
        card.id = "new-card-" + std::to_string(m_next++);
        card.persona = m_random.pick(doc.personas()).id;
        card.stage = m_random.pick(doc.stages()).id;
        const Lane &lane = m_random.pick(doc.lanes());
        card.lane = lane.id;
        card.text = m_random.pick(kTexts);
        if (effectiveKind(lane.kind) == LaneKind::Emotions) {
            card.score = m_random.between(-3, 3);
            if (m_random.below(2) == 0)
                card.desired = m_random.between(-3, 3);
        }
        std::size_t inCell = 0;
        for (const Card &other : doc.cards())
            inCell += other.persona == card.persona && other.stage == card.stage && other.lane == card.lane;
        return cardOperation("add card", addCardToCell(doc, card, m_random.below(inCell + 1)));
    }

    std::optional<Operation> removeCard(const Document &doc)
    {
        const Card *card = anyCard(doc);
        if (!card)
            return std::nullopt;
        return cardOperation("remove card", cjm::removeCard(card->id));
    }

    std::optional<Operation> structure(const Document &doc)
    {
        Operation op;
        const std::size_t stages = doc.stages().size(), personas = doc.personas().size(), lanes = doc.lanes().size();
        switch (m_random.below(10)) {
        case 0: {
            if (stages >= 5)
                return std::nullopt;
            op.kind = "add stage";
            Stage stage;
            stage.id = "new-stage-" + std::to_string(m_next++);
            stage.name = m_random.pick(kNames);
            op.edit = addStage(stage, m_random.below(stages + 1));
            break;
        }
        case 1:
            if (stages <= 2)
                return std::nullopt;
            op.kind = "remove stage";
            op.edit = removeStage(m_random.pick(doc.stages()).id);
            break;
        case 2:
            op.kind = "reorder stages";
            op.edit = moveStage(m_random.pick(doc.stages()).id, m_random.below(stages));
            break;
        case 3: {
            if (personas >= 2)
                return std::nullopt;
            op.kind = "add persona";
            Persona persona;
            persona.id = "new-persona-" + std::to_string(m_next++);
            persona.name = m_random.pick(kNames);
            op.edit = addPersona(persona, m_random.below(personas + 1));
            break;
        }
        case 4:
            if (personas <= 1)
                return std::nullopt;
            op.kind = "remove persona";
            op.edit = removePersona(m_random.pick(doc.personas()).id);
            break;
        case 5:
            op.kind = "reorder personas";
            op.edit = movePersona(m_random.pick(doc.personas()).id, m_random.below(personas));
            break;
        case 6:
            if (lanes >= 12)
                return std::nullopt;
            op.kind = "add lane";
            op.edit = addLane(Lane::make("new-lane-" + std::to_string(m_next++),
                                         kKnownLaneKinds[m_random.below(kKnownLaneKinds.size())]),
                              m_random.below(lanes + 1));
            break;
        case 7:
            if (lanes <= 3)
                return std::nullopt;
            op.kind = "remove lane";
            op.edit = removeLane(m_random.pick(doc.lanes()).id);
            break;
        case 8:
            op.kind = "reorder lanes";
            op.edit = moveLane(m_random.pick(doc.lanes()).id, m_random.below(lanes));
            break;
        default: {
            const Lane &lane = m_random.pick(doc.lanes());
            op.kind = "hide lane";
            op.edit = setField(fields::lane::hidden, lane.id, !lane.hidden);
            break;
        }
        }
        return op;
    }

    std::optional<Operation> labels(const Document &doc)
    {
        Operation op;
        switch (m_random.below(6)) {
        case 0: {
            const std::string &id = m_random.pick(doc.stages()).id;
            op.kind = "stage name";
            op.edit = setField(fields::stage::name, id, m_random.pick(kNames));
            break;
        }
        case 1: {
            const std::string &id = m_random.pick(doc.stages()).id;
            op.kind = "stage colour or phase";
            op.edit = m_random.chance(50)
                          ? setField(fields::stage::color, id, std::optional<std::string>(m_random.pick(kColors)))
                          : setField(fields::stage::phase, id, static_cast<Phase>(m_random.below(4)));
            break;
        }
        case 2: {
            const std::string &id = m_random.pick(doc.personas()).id;
            op.kind = "persona name";
            op.edit = setField(fields::persona::name, id, m_random.pick(kNames));
            break;
        }
        case 3: {
            const std::string &id = m_random.pick(doc.personas()).id;
            op.kind = "persona colour";
            op.edit = setField(fields::persona::color, id, std::optional<std::string>(m_random.pick(kColors)));
            break;
        }
        default: {
            const std::string &id = m_random.pick(doc.lanes()).id;
            op.kind = "lane title";
            op.edit = setField(fields::lane::title, id, m_random.pick(kNames));
            break;
        }
        }
        return op;
    }

    std::optional<Operation> journey(const Document &)
    {
        Operation op;
        op.kind = "journey field";
        switch (m_random.below(4)) {
        case 0: op.edit = setField(fields::journey::title, m_random.pick(kTexts)); break;
        case 1: op.edit = setField(fields::journey::goal, m_random.pick(kTexts)); break;
        case 2: op.edit = setField(fields::journey::owner, m_random.pick(kNames)); break;
        default: op.edit = setField(fields::journey::type, static_cast<MapType>(m_random.below(3))); break;
        }
        return op;
    }

    Random &m_random;
    int m_next = 0;
};

} // namespace

TEST_CASE("repainting only the dirty region a change reports equals a full repaint, over random edits of every kind",
          "[regions][property]")
{
    constexpr qreal kScale = 0.5;
    constexpr int kMaps = 4, kOperationsPerMap = 260;
    std::map<std::string, int> applied;
    int total = 0, shiftedSteps = 0, smallerSteps = 0;
    for (int seed = 1; seed <= kMaps; ++seed) {
        Random random(static_cast<std::uint64_t>(seed));
        Document doc = bench::generateMap({16, 1, 3}, static_cast<unsigned>(seed));
        MapLayout layout;
        layout.rebuild(doc);
        const MapPainter painter(doc, layout);
        // Outlines reach past their cards: some cards selected, some found.
        std::unordered_set<std::string> selected, highlighted;
        for (const Card &card : doc.cards())
            (random.chance(50) ? selected : highlighted).insert(card.id);
        PaintOptions options;
        options.levelOfDetail = kScale;
        options.heatStrip = true;
        options.selectedCards = &selected;
        options.highlightedCards = &highlighted;
        QImage shown, whole, repainted;
        paintWhole(shown, painter, kScale, options);
        Operations operations(random);
        for (int step = 0; step < kOperationsPerMap;) {
            std::optional<Operation> op = operations.next(doc);
            if (!op || !op->edit)
                continue;
            DirtyRegion dirty(options);
            if (!op->edit->apply(doc))
                continue; // refused (the map would not read back): nothing changed
            ++step;
            ++applied[op->kind];
            ++total;
            // As the canvas does: the layout follows what the edit says it changed.
            const ChangeSet changes = op->edit->changes();
            const MapChange change = MapChange::of(changes);
            dirty.before(painter, changes);
            if (change.structure)
                layout.rebuild(doc);
            else if (!change.cards.empty())
                layout.updateCards(doc, change.cards);
            dirty.after(painter, changes);

            paintWhole(whole, painter, kScale, options);
            copyInto(repainted, shown, whole.size());
            repaint(repainted, painter, dirty.region(), kScale, options);
            const QRect wrong = whole == repainted ? QRect() : differingPixels(whole, repainted);
            INFO("map " << seed << ", step " << step << ": " << op->kind << " (" << op->edit->description() << ")");
            INFO("pixels wrong in " << wrong.x() << "," << wrong.y() << " " << wrong.width() << "×" << wrong.height()
                                    << " (map units ×" << 1 / kScale << ")");
            if (!wrong.isEmpty()) {
                const QString dump = qEnvironmentVariable("CJM_RENDER_DUMP");
                if (!dump.isEmpty()) {
                    whole.save(dump + QStringLiteral("/dirty-whole.png"));
                    repainted.save(dump + QStringLiteral("/dirty-repainted.png"));
                }
            }
            REQUIRE(wrong.isEmpty());

            // The same, as the canvas does when rows grew or shrank: the old
            // picture's pixels moved by the shifts, then only the region
            // after the shifts (and what the moves expose) repainted.
            if (!dirty.shifts().empty() && dirty.shiftsInWholePixels(kScale)) {
                ++shiftedSteps;
                copyInto(repainted, shown, whole.size());
                QRegion exposed;
                for (const MapShift &shift : dirty.shifts())
                    exposed += scrollRows(repainted, qRound(shift.from * kScale), qRound(shift.by * kScale), kScale);
                repaint(repainted, painter, dirty.regionAfterShifts() + exposed, kScale, options);
                const QRect wrongShifted = whole == repainted ? QRect() : differingPixels(whole, repainted);
                INFO("with the pixels moved (" << dirty.shifts().size() << " shifts, first from "
                                               << dirty.shifts().front().from << " by " << dirty.shifts().front().by
                                               << "): pixels wrong in " << wrongShifted.x() << "," << wrongShifted.y()
                                               << " " << wrongShifted.width() << "×" << wrongShifted.height());
                if (!wrongShifted.isEmpty()) {
                    const QString dump = qEnvironmentVariable("CJM_RENDER_DUMP");
                    if (!dump.isEmpty()) {
                        whole.save(dump + QStringLiteral("/shifted-whole.png"));
                        repainted.save(dump + QStringLiteral("/shifted-repainted.png"));
                    }
                }
                REQUIRE(wrongShifted.isEmpty());
                // What moving the pixels saves: less to paint than without.
                if (dirty.regionAfterShifts().boundingRect().height() < dirty.region().boundingRect().height())
                    ++smallerSteps;
            }
            std::swap(shown, whole);
        }
    }
    CHECK(total >= 1000);
    // Rows grew or shrank by whole pixels often enough for the moved
    // pixels to be checked, and to save painting.
    INFO(shiftedSteps << " steps with shifts, " << smallerSteps << " repainting less");
    CHECK(shiftedSteps >= 50);
    CHECK(smallerSteps >= shiftedSteps / 2);
    for (const char *kind :
         {"card text",      "card field",       "score",      "set desired",  "clear desired",  "move card",
          "add card",       "remove card",      "add stage",  "remove stage", "reorder stages", "add persona",
          "remove persona", "reorder personas", "add lane",   "remove lane",  "reorder lanes",  "hide lane",
          "stage name",     "persona name",     "lane title", "journey field"}) {
        INFO(kind);
        CHECK(applied[kind] > 0);
    }
}
