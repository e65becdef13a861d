#include <catch2/catch.hpp>

#include "cjm/edit.hpp"
#include "cjm/insights.hpp"
#include "map_layout.hpp"
#include "render_test_support.hpp"

using namespace cjm;

namespace {
// Every card's rectangle, by id, to compare two layouts.
std::map<std::string, QRectF> allRects(const MapLayout &layout)
{
    std::map<std::string, QRectF> rects;
    for (const auto &id : layout.cardIds())
        rects[id] = *layout.cardRect(id);
    return rects;
}
} // namespace

TEST_CASE("cells line up across bands and rows", "[layout]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    REQUIRE(layout.bands().size() == doc.personas().size());
    REQUIRE(layout.stages().size() == doc.stages().size());
    for (int s = 0; s < static_cast<int>(layout.stages().size()); ++s) {
        const QRectF header = layout.stageHeaderRect(s);
        for (int b = 0; b < static_cast<int>(layout.bands().size()); ++b)
            for (int r = 0; r < static_cast<int>(layout.bands()[b].rows.size()); ++r) {
                const QRectF cell = layout.cellRect(b, r, s);
                CHECK(cell.left() == header.left());
                CHECK(cell.width() == header.width());
            }
    }
    // Bands are stacked without overlap, and rows tile their band.
    for (std::size_t b = 1; b < layout.bands().size(); ++b)
        CHECK(layout.bands()[b].y >= layout.bands()[b - 1].y + layout.bands()[b - 1].height);
    for (const auto &band : layout.bands()) {
        qreal y = band.y;
        for (const auto &row : band.rows) {
            CHECK(row.y == y);
            y += row.height;
        }
    }
    CHECK(layout.bounds().contains(layout.cellRect(static_cast<int>(layout.bands().size()) - 1, 0, 0)));
}

TEST_CASE("card rectangles stay inside their cell and never overlap", "[layout]")
{
    for (const char *name : {"ecommerce-en.cjm", "retail-zh.cjm"}) {
        auto doc = test::loadSample(name);
        MapLayout layout;
        layout.rebuild(doc);
        std::size_t laidOut = 0;
        for (int b = 0; b < static_cast<int>(layout.bands().size()); ++b)
            for (int r = 0; r < static_cast<int>(layout.bands()[b].rows.size()); ++r)
                for (int s = 0; s < static_cast<int>(layout.stages().size()); ++s) {
                    const QRectF cell = layout.cellRect(b, r, s);
                    std::vector<QRectF> rects;
                    for (const auto &box : layout.cardsInCell(b, r, s))
                        rects.push_back(*layout.cardRect(box.cardId));
                    laidOut += rects.size();
                    for (std::size_t i = 0; i < rects.size(); ++i) {
                        CHECK(cell.contains(rects[i]));
                        for (std::size_t k = i + 1; k < rects.size(); ++k)
                            CHECK_FALSE(rects[i].intersects(rects[k]));
                    }
                }
        CHECK(laidOut == doc.cards().size()); // no hidden lanes in the samples
    }
}

TEST_CASE("cards in a cell are stacked by order", "[layout]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    for (const auto &card : doc.cards()) {
        auto place = layout.cardPlace(card.id);
        REQUIRE(place);
        const auto &cell = layout.cardsInCell(place->band, place->row, place->stage);
        for (std::size_t i = 1; i < cell.size(); ++i)
            CHECK(doc.card(cell[i - 1].cardId)->order <= doc.card(cell[i].cardId)->order);
    }
}

TEST_CASE("an emotion point's height follows its score", "[layout]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    int checked = 0;
    for (int b = 0; b < static_cast<int>(layout.bands().size()); ++b)
        for (int r = 0; r < static_cast<int>(layout.bands()[b].rows.size()); ++r) {
            if (layout.bands()[b].rows[r].kind != LaneKind::Emotions)
                continue;
            auto points = layout.emotionPoints(b, r);
            REQUIRE(points.size() >= 2);
            for (std::size_t i = 1; i < points.size(); ++i) {
                CHECK(points[i - 1].second.x() < points[i].second.x());
                const int s0 = *doc.card(points[i - 1].first)->score, s1 = *doc.card(points[i].first)->score;
                if (s0 > s1)
                    CHECK(points[i - 1].second.y() < points[i].second.y());
                else if (s0 < s1)
                    CHECK(points[i - 1].second.y() > points[i].second.y());
                else
                    CHECK(points[i - 1].second.y() == Approx(points[i].second.y()));
                ++checked;
            }
            CHECK(layout.emotionY(b, r, 3) < layout.emotionY(b, r, 0));
            CHECK(layout.emotionY(b, r, 0) < layout.emotionY(b, r, -3));
            CHECK(layout.rowRect(b, r).contains(QPointF(layout.rowRect(b, r).center().x(), layout.emotionY(b, r, 3))));
            CHECK(layout.rowRect(b, r).contains(QPointF(layout.rowRect(b, r).center().x(), layout.emotionY(b, r, -3))));
        }
    CHECK(checked > 0);
}

TEST_CASE("hit tests find cards, cells, headers and insert positions", "[layout]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    const Card &card = doc.cards().front();
    const QRectF rect = *layout.cardRect(card.id);
    auto hit = layout.hitTest(rect.center());
    CHECK(hit.kind == MapLayout::HitKind::Card);
    CHECK(hit.cardId == card.id);

    auto title = layout.hitTest(QPointF(20, 20));
    CHECK(title.kind == MapLayout::HitKind::Title);

    const QRectF header = layout.stageHeaderRect(1);
    auto stageHit = layout.hitTest(header.center() - QPointF(header.width() / 4, 0));
    CHECK(stageHit.kind == MapLayout::HitKind::StageHeader);
    CHECK(stageHit.stage == 1);
    CHECK(stageHit.insertIndex == 1);
    CHECK(layout.hitTest(header.center() + QPointF(header.width() / 4, 0)).insertIndex == 2);

    auto personaHit = layout.hitTest(layout.personaHeaderRect(1).center() + QPointF(0, 5));
    CHECK(personaHit.kind == MapLayout::HitKind::PersonaHeader);
    CHECK(personaHit.band == 1);
    CHECK(personaHit.insertIndex == 2);

    auto labelHit = layout.hitTest(layout.laneLabelRect(0, 2).center());
    CHECK(labelHit.kind == MapLayout::HitKind::LaneLabel);
    CHECK(labelHit.row == 2);

    // Below the last card of a cell: a cell hit that inserts at the end.
    auto place = *layout.cardPlace(card.id);
    const QRectF cell = layout.cellRect(place.band, place.row, place.stage);
    const auto &cards = layout.cardsInCell(place.band, place.row, place.stage);
    const QRectF last = *layout.cardRect(cards.back().cardId);
    if (cell.bottom() - last.bottom() > 4) {
        auto below = layout.hitTest(QPointF(cell.center().x(), (last.bottom() + cell.bottom()) / 2));
        CHECK(below.kind == MapLayout::HitKind::Cell);
        CHECK(below.insertIndex == static_cast<int>(cards.size()));
    }
    auto above = layout.hitTest(QPointF(cell.center().x(), cell.top() + 2));
    CHECK(above.insertIndex == 0);
    CHECK(layout.hitTest(QPointF(-5, -5)).kind == MapLayout::HitKind::Nothing);

    auto inRect = layout.cardsIn(rect.adjusted(1, 1, -1, -1));
    CHECK(std::find(inRect.begin(), inRect.end(), card.id) != inRect.end());
}

TEST_CASE("relayout of changed cards equals a full rebuild", "[layout]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout incremental;
    incremental.rebuild(doc);

    Card longer = doc.cards().at(3);
    longer.text = "A much longer text that wraps onto several lines, so the row it sits in has to grow and every "
                  "band below it moves down with it.";
    auto edit1 = updateCard(longer);
    REQUIRE(edit1->apply(doc));
    const Card &moving = doc.cards().at(20);
    auto edit2 = moveCard(moving.id, doc.personas().back().id, doc.stages().front().id, moving.lane, 0);
    REQUIRE(edit2->apply(doc));
    const std::string removedId = doc.cards().at(30).id;
    auto edit3 = removeCard(removedId);
    REQUIRE(edit3->apply(doc));
    // An emotion dips to the bottom: the lowest moment moves with it.
    Card dip;
    for (const Card &c : doc.cards())
        if (doc.cardKind(c) == LaneKind::Emotions && c.score.value_or(0) >= 0 && c.stage == doc.stages().front().id) {
            dip = c; // -3 in the first stage: the lowest, the first time
            break;
        }
    REQUIRE_FALSE(dip.id.empty());
    dip.score = -3;
    REQUIRE(updateCard(dip)->apply(doc));
    incremental.updateCards(doc, {longer.id, moving.id, removedId, dip.id});

    MapLayout full;
    full.rebuild(doc);
    CHECK(allRects(incremental) == allRects(full));
    CHECK(incremental.bounds() == full.bounds());
    CHECK_FALSE(incremental.cardRect(removedId).has_value());
    // The figures the painter and the Insights panel read, kept card by card.
    CHECK(incremental.shownInsights() == full.shownInsights());
    CHECK(incremental.shownInsights() == computeInsights(doc));
    CHECK(incremental.lowestMoment(incremental.cardPlace(dip.id)->band) == dip.id);
}

TEST_CASE("the figures a layout shows follow its focus and its hidden lanes", "[layout][insights]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    const std::string focus = doc.personas().at(1).id;
    layout.setFocusPersona(focus);
    layout.rebuild(doc);
    REQUIRE(layout.bands().size() == 1);
    CHECK(layout.shownInsights() == computeInsights(doc, focus));
    const std::size_t persona = doc.personaIndex(focus).value();
    bool anyPain = false;
    for (int s = 0; s < static_cast<int>(layout.stages().size()); ++s) {
        // The heat strip over the one band shown counts that persona's pain alone.
        CHECK(layout.shownStageTally(s) == layout.insights().tally(persona, static_cast<std::size_t>(s)));
        anyPain = anyPain || layout.shownStageTally(s).painPoints > 0;
    }
    CHECK(anyPain);
    CHECK(layout.lowestMoment(0) == computeInsights(doc).lowestMoments[persona]);

    // A pain lane hidden: its cards leave every figure.
    layout.setFocusPersona({});
    Lane pains;
    for (const Lane &lane : doc.lanes())
        if (effectiveKind(lane.kind) == LaneKind::PainPoints)
            pains = lane;
    pains.hidden = true;
    REQUIRE(updateLane(pains)->apply(doc));
    layout.rebuild(doc);
    for (int s = 0; s < static_cast<int>(layout.stages().size()); ++s)
        CHECK(layout.shownStageTally(s).painPoints == 0);
    CHECK(layout.shownInsights() == computeInsights(doc));
}

TEST_CASE("a layout rebuilt with its cards' measures kept equals a fresh one, text edits included", "[layout]")
{
    auto doc = test::loadSample("retail-zh.cjm");
    MapLayout reused;
    reused.rebuild(doc); // measures every card once
    // Words change (so their measures must not be reused), then the structure.
    Card longer = doc.cards().at(2);
    longer.text = "一段很长的文字，要换好几行，这样卡片会变高。A long text too, so that the card needs more lines.";
    REQUIRE(updateCard(longer)->apply(doc));
    Card shorter = doc.cards().at(4);
    shorter.text = "短";
    REQUIRE(updateCard(shorter)->apply(doc));
    REQUIRE(moveStage(doc.stages().back().id, 0)->apply(doc));
    REQUIRE(movePersona(doc.personas().back().id, 0)->apply(doc));
    Lane hidden = doc.lanes().at(1);
    hidden.hidden = true;
    REQUIRE(updateLane(hidden)->apply(doc));
    reused.rebuild(doc);

    MapLayout fresh;
    fresh.rebuild(doc);
    CHECK(allRects(reused) == allRects(fresh));
    CHECK(reused.bounds() == fresh.bounds());
    for (const auto &id : fresh.cardIds()) {
        INFO(id);
        CHECK(reused.cardBox(id)->textLines == fresh.cardBox(id)->textLines);
        CHECK(reused.cardBox(id)->elided == fresh.cardBox(id)->elided);
    }
    // The lane shown again: its cards come back measured as they are.
    hidden.hidden = false;
    REQUIRE(updateLane(hidden)->apply(doc));
    reused.rebuild(doc);
    MapLayout truth;
    truth.rebuild(doc);
    CHECK(allRects(reused) == allRects(truth));
}

TEST_CASE("relayout places a card named twice once", "[layout]")
{
    // A drag within the card's own cell names it as dragged and as one of
    // the cell's cards; an undo replays such a list.
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout incremental;
    incremental.rebuild(doc);
    const Card card = doc.cards().at(3);
    std::vector<std::string> touched;
    for (const Card *c : doc.cardsInCell(card.persona, card.stage, card.lane))
        touched.push_back(c->id);
    touched.push_back(card.id);
    REQUIRE(moveCard(card.id, card.persona, card.stage, card.lane, 0)->apply(doc));
    incremental.updateCards(doc, touched);
    MapLayout full;
    full.rebuild(doc);
    CHECK(allRects(incremental) == allRects(full));
    const auto place = *incremental.cardPlace(card.id);
    CHECK(incremental.cardsInCell(place.band, place.row, place.stage).size() ==
          full.cardsInCell(place.band, place.row, place.stage).size());
}

TEST_CASE("hidden lanes are not laid out", "[layout]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    Lane lane = doc.lanes().front();
    lane.hidden = true;
    REQUIRE(updateLane(lane)->apply(doc));
    MapLayout layout;
    layout.rebuild(doc);
    std::size_t inLane = 0;
    for (const auto &card : doc.cards())
        if (card.lane == lane.id) {
            ++inLane;
            CHECK_FALSE(layout.cardRect(card.id));
        }
    CHECK(inLane > 0);
    CHECK(layout.cardCount() == doc.cards().size() - inLane);
    CHECK(layout.bands().front().rows.size() == doc.lanes().size() - 1);
}

TEST_CASE("long text is elided to the maximum number of lines", "[layout]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    Card card = doc.cards().front();
    card.text = std::string(2000, 'w') + " end";
    REQUIRE(updateCard(card)->apply(doc));
    MapLayout layout;
    layout.rebuild(doc);
    const auto *box = layout.cardBox(card.id);
    REQUIRE(box);
    CHECK(box->elided);
    CHECK(box->textLines == layout.style().metrics.cardTextMaxLines);
}
