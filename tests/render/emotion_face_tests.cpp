// MapPainter::paintEmotionFace, the face the canvas's drop readout shows: the
// same pixels as the face an emotion of that score has on the map.
#include <catch2/catch.hpp>

#include <QImage>
#include <QPainter>
#include <cmath>

#include "map_layout.hpp"
#include "map_painter.hpp"
#include "render_test_support.hpp"

using namespace cjm;

TEST_CASE("paintEmotionFace draws the face an emotion of that score has on the map", "[painter]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    const QRectF bounds = layout.bounds();
    QImage map(bounds.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    map.fill(Qt::white);
    const MapPainter painter(doc, layout);
    {
        QPainter p(&map);
        p.setRenderHint(QPainter::Antialiasing);
        painter.paintMap(&p, bounds, PaintOptions());
    }
    const qreal side = layout.style().metrics.emotionFaceSize;
    int faces = 0;
    for (const Card &card : doc.cards()) {
        if (doc.cardKind(card) != LaneKind::Emotions || card.color)
            continue;
        const QRectF rect = *layout.cardRect(card.id);
        const QRectF face(rect.center().x() - side / 2, rect.top(), side, side);
        // The face alone, at the same place, on white.
        QImage alone(map.size(), QImage::Format_ARGB32_Premultiplied);
        alone.fill(Qt::white);
        {
            QPainter p(&alone);
            p.setRenderHint(QPainter::Antialiasing);
            painter.paintEmotionFace(&p, face, card.score.value_or(0));
        }
        // Inside the face (clear of its antialiased rim) the pixels are the same.
        int differing = 0, compared = 0;
        const QPointF centre = face.center();
        for (int y = int(face.top()); y <= int(face.bottom()); ++y)
            for (int x = int(face.left()); x <= int(face.right()); ++x) {
                if (std::hypot(x + 0.5 - centre.x(), y + 0.5 - centre.y()) > side / 2 - 3)
                    continue;
                ++compared;
                if (map.pixel(x, y) != alone.pixel(x, y))
                    ++differing;
            }
        INFO(card.id << " score " << card.score.value_or(0));
        CHECK(compared > 200);
        CHECK(differing == 0);
        ++faces;
    }
    CHECK(faces >= 10);

    // The scale's ends differ: the fill colour and the mouth.
    QImage low(40, 40, QImage::Format_ARGB32_Premultiplied), high(40, 40, QImage::Format_ARGB32_Premultiplied);
    low.fill(Qt::white);
    high.fill(Qt::white);
    {
        QPainter p(&low);
        painter.paintEmotionFace(&p, QRectF(4, 4, 32, 32), -3);
    }
    {
        QPainter p(&high);
        painter.paintEmotionFace(&p, QRectF(4, 4, 32, 32), 3);
    }
    CHECK(low.pixelColor(10, 20) == layout.style().emotionColor(-3));
    CHECK(high.pixelColor(10, 20) == layout.style().emotionColor(3));
    CHECK(low != high);
}
