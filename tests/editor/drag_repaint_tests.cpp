// A drag step into a full cell grows its row and moves everything below it.
// The canvas moves those pixels instead of painting them again (#16 item 4):
// what it paints is the cells and the row's seam, not the window, and what
// the window then shows is what a full repaint shows.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QScreen>
#include <QScrollBar>
#include <QTest>

#include "document_controller.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"

using namespace cjm;

namespace {

// The areas the viewport is asked to paint.
class PaintRecorder : public QObject {
public:
    QRegion painted;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted += static_cast<QPaintEvent *>(event)->region();
        return false;
    }
};

// Two personas, four stages; in the first persona's touchpoint row the
// second stage holds two cards and the first one, so moving that one card
// into the second stage makes the row taller and moves all below it.
Document mapWithFullCell()
{
    Journey journey;
    journey.id = "j";
    journey.title = "Drag repaint";
    std::vector<Persona> personas;
    for (const char *id : {"p1", "p2"}) {
        Persona persona;
        persona.id = id;
        persona.name = std::string("Persona ") + id;
        personas.push_back(std::move(persona));
    }
    std::vector<Stage> stages;
    for (const char *id : {"s1", "s2", "s3", "s4"}) {
        Stage stage;
        stage.id = id;
        stage.name = std::string("Stage ") + id;
        stages.push_back(std::move(stage));
    }
    std::vector<Lane> lanes = {Lane::make("touch", LaneKind::Touchpoints, "Touchpoints"),
                               Lane::make("think", LaneKind::Thoughts, "Thoughts"),
                               Lane::make("feel", LaneKind::Emotions, "Emotions")};
    std::vector<Card> cards;
    int next = 0;
    auto add = [&](const std::string &persona, const std::string &stage, const std::string &lane, std::string text,
                   std::optional<int> score = std::nullopt) {
        Card card;
        card.id = "c" + std::to_string(next++);
        card.persona = persona;
        card.stage = stage;
        card.lane = lane;
        card.text = std::move(text);
        card.score = score;
        card.order = next;
        cards.push_back(std::move(card));
    };
    add("p1", "s1", "touch", "The card that is dragged");
    add("p1", "s2", "touch", "Already here");
    add("p1", "s2", "touch", "Also here, a little longer so it wraps");
    for (const std::string persona : {"p1", "p2"})
        for (const char *stage : {"s1", "s2", "s3", "s4"}) {
            add(persona, stage, "think", "Thinks about " + std::string(stage));
            add(persona, stage, "feel", "Feels", static_cast<int>(stage[1] - '0') % 3 - 1);
        }
    add("p2", "s3", "touch", "Below everything that moves");
    return Document::fromParts(journey, personas, stages, lanes, cards);
}

void sendMouse(MapView &view, QEvent::Type type, const QPoint &pos, Qt::MouseButtons buttons)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, QPointF(pos), view.viewport()->mapToGlobal(QPointF(pos)), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &event);
}

// The viewport's pixels as the window shows them now (the offscreen
// platform's window contents), not painted again.
QImage shownPixels(MapView &view)
{
    const QPoint at = view.viewport()->mapTo(view.window(), QPoint(0, 0));
    const QSize size = view.viewport()->size();
    return view.screen()
        ->grabWindow(view.window()->winId(), at.x(), at.y(), size.width(), size.height())
        .toImage()
        .convertToFormat(QImage::Format_RGB32);
}

} // namespace

TEST_CASE("a drag step into a full cell moves the pixels below its row and paints less than half the window",
          "[regions][drag]")
{
    DocumentController controller;
    controller.resetDocument(mapWithFullCell(), QString());
    MapScene scene(&controller);
    MapView view(&scene);
    // Shorter than the map, as a map usually is (a map shorter than the
    // window is laid out again by Qt's view whenever its height changes).
    view.resize(1000, 420);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    view.resetZoom();
    const MapLayout &layout = scene.mapLayout();
    const QRectF from = *layout.cardRect("c0");
    const QRectF into = layout.cellRect(0, 0, 1);
    // The map's top-left in view, the window showing both bands.
    view.centerOn(into.center());
    QApplication::processEvents();
    REQUIRE(layout.bounds().height() > 420);
    const qreal rowHeight = layout.bands()[0].rows[0].height;

    PaintRecorder recorder;
    view.viewport()->installEventFilter(&recorder);
    sendMouse(view, QEvent::MouseButtonPress, view.mapFromScene(from.center()), Qt::LeftButton);
    sendMouse(view, QEvent::MouseMove, view.mapFromScene(from.center()) + QPoint(12, 0), Qt::LeftButton);
    QApplication::processEvents();
    QTest::qWait(20);                        // every paint the window was waiting for is done
    const QImage before = shownPixels(view); // the card selected, not moved yet
    recorder.painted = QRegion();
    sendMouse(view, QEvent::MouseMove, view.mapFromScene(into.center()), Qt::LeftButton);
    QApplication::processEvents();

    // The card moved and its row grew: the rows below moved down.
    REQUIRE(controller.document().card("c0")->stage == "s2");
    REQUIRE(layout.bands()[0].rows[0].height > rowHeight);
    const QRegion painted = recorder.painted; // before grab() below paints it all
    const QImage after = shownPixels(view);
    REQUIRE(after != before);
    // What the window shows is what painting it all again shows.
    const QImage full = view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    REQUIRE(full.size() == after.size());
    CHECK(full == after);
    // And less than half of it was painted.
    qint64 paintedPixels = 0;
    for (const QRect &rect : painted.intersected(view.viewport()->rect()))
        paintedPixels += static_cast<qint64>(rect.width()) * rect.height();
    const qint64 windowPixels = static_cast<qint64>(view.viewport()->width()) * view.viewport()->height();
    std::string rects;
    for (const QRect &rect : painted)
        rects += " " + std::to_string(rect.x()) + "," + std::to_string(rect.y()) + " " + std::to_string(rect.width()) +
                 "×" + std::to_string(rect.height());
    INFO("painted " << paintedPixels << " of " << windowPixels << " pixels:" << rects);
    CHECK(paintedPixels * 2 <= windowPixels);

    // And back: the row shrinks, the pixels below move up.
    recorder.painted = QRegion();
    sendMouse(view, QEvent::MouseMove, view.mapFromScene(from.center()), Qt::LeftButton);
    QApplication::processEvents();
    REQUIRE(controller.document().card("c0")->stage == "s1");
    CHECK(layout.bands()[0].rows[0].height == rowHeight);
    const QImage back = shownPixels(view);
    CHECK(back == view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32));
    CHECK(back == before);
    sendMouse(view, QEvent::MouseButtonRelease, view.mapFromScene(from.center()), Qt::NoButton);
}

TEST_CASE("with the stage row and persona column frozen at the edges, a drag step shows what a full repaint shows, "
          "and the scroll bars keep still until the drop",
          "[regions][drag]")
{
    DocumentController controller;
    controller.resetDocument(mapWithFullCell(), QString());
    MapScene scene(&controller);
    MapView view(&scene);
    view.resize(900, 360);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    view.resetZoom();
    const MapLayout &layout = scene.mapLayout();
    const MapMetrics &m = layout.style().metrics;
    // Scrolled a little right and past the title: both headers frozen over the map.
    const QRectF sceneRect = scene.sceneRect();
    view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->minimum() + static_cast<int>(-sceneRect.left()) +
                                         20);
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->minimum() + static_cast<int>(-sceneRect.top()) +
                                       static_cast<int>(m.titleHeight) + 10);
    QApplication::processEvents();
    const QPointF origin = view.viewportTransform().map(QPointF(0, 0));
    REQUIRE(origin.x() < 0);
    REQUIRE(origin.y() + m.titleHeight < 0);
    const QRectF from = *layout.cardRect("c0");
    const QRectF into = layout.cellRect(0, 0, 1);
    REQUIRE(view.viewport()->rect().contains(view.mapFromScene(from.center())));
    REQUIRE(view.viewport()->rect().contains(view.mapFromScene(into.center())));
    const int scrollRange = view.verticalScrollBar()->maximum();
    const qreal rowHeight = layout.bands()[0].rows[0].height;

    PaintRecorder scrollBarPaints;
    view.verticalScrollBar()->installEventFilter(&scrollBarPaints);
    sendMouse(view, QEvent::MouseButtonPress, view.mapFromScene(from.center()), Qt::LeftButton);
    sendMouse(view, QEvent::MouseMove, view.mapFromScene(from.center()) + QPoint(12, 0), Qt::LeftButton);
    QApplication::processEvents();
    QTest::qWait(20);
    auto shownIsFullRepaint = [&] {
        const QImage shown = shownPixels(view);
        return shown == view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    };
    // Into the full cell: the row grows, the map grows, the scroll range with it.
    sendMouse(view, QEvent::MouseMove, view.mapFromScene(into.center()), Qt::LeftButton);
    QApplication::processEvents();
    REQUIRE(controller.document().card("c0")->stage == "s2");
    REQUIRE(layout.bands()[0].rows[0].height > rowHeight);
    CHECK(shownIsFullRepaint());
    const int grownRange = view.verticalScrollBar()->maximum();
    CHECK(grownRange > scrollRange);
    // And back, still dragging: the row shrinks, the scroll range stays, and
    // the scroll bar is not painted again.
    QTest::qWait(20);
    scrollBarPaints.painted = QRegion();
    sendMouse(view, QEvent::MouseMove, view.mapFromScene(from.center()), Qt::LeftButton);
    QApplication::processEvents();
    REQUIRE(controller.document().card("c0")->stage == "s1");
    CHECK(layout.bands()[0].rows[0].height == rowHeight);
    CHECK(shownIsFullRepaint());
    CHECK(view.verticalScrollBar()->maximum() == grownRange);
    CHECK(scrollBarPaints.painted.isEmpty());
    // Dropped: the scene fits the map again.
    sendMouse(view, QEvent::MouseButtonRelease, view.mapFromScene(from.center()), Qt::NoButton);
    QApplication::processEvents();
    CHECK(scene.sceneRect() == layout.bounds().adjusted(-40, -40, 40, 40));
    CHECK(view.verticalScrollBar()->maximum() == scrollRange);

    // A drag whose release went elsewhere (a dialog took the mouse): the
    // next move without the button ends it, and the scene fits the map.
    sendMouse(view, QEvent::MouseButtonPress, view.mapFromScene(from.center()), Qt::LeftButton);
    sendMouse(view, QEvent::MouseMove, view.mapFromScene(from.center()) + QPoint(12, 0), Qt::LeftButton);
    sendMouse(view, QEvent::MouseMove, view.mapFromScene(into.center()), Qt::LeftButton);
    QApplication::processEvents();
    REQUIRE(controller.document().card("c0")->stage == "s2");
    sendMouse(view, QEvent::MouseMove, view.mapFromScene(from.center()), Qt::LeftButton);
    QApplication::processEvents();
    REQUIRE(scene.sceneRect() != layout.bounds().adjusted(-40, -40, 40, 40)); // held while dragging
    sendMouse(view, QEvent::MouseMove, view.mapFromScene(into.center()), Qt::NoButton);
    QApplication::processEvents();
    CHECK(controller.document().card("c0")->stage == "s1"); // not moved by a move without the button
    CHECK(scene.sceneRect() == layout.bounds().adjusted(-40, -40, 40, 40));
}
