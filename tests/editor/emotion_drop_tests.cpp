// An emotion dropped from the palette takes the score of the height where it
// lands, on the same scale the faces are drawn with, and the canvas shows
// that score next to the pointer while dropping (#18 item 1).
#include <catch2/catch.hpp>

#include <QApplication>
#include <QFile>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <unordered_set>

#include "document_controller.hpp"
#include "main_window.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "palette_drop.hpp"

using namespace cjm;

namespace {

struct EmotionDropFixture {
    // A copy of the sample: another window's lock on the shared file would
    // turn opening it into a question.
    QTemporaryDir dir;
    MainWindow window;
    int band = 0;
    int row = -1;
    EmotionDropFixture()
    {
        window.resize(1500, 1000);
        const QString path = dir.filePath(QStringLiteral("emotions.cjm"));
        REQUIRE(QFile::copy(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm"), path));
        REQUIRE(window.loadFile(path));
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        window.view()->resetZoom();
        const auto &rows = layout().bands()[band].rows;
        for (int r = 0; r < static_cast<int>(rows.size()); ++r)
            if (rows[r].kind == LaneKind::Emotions)
                row = r;
        REQUIRE(row >= 0);
    }
    MapView *view() { return window.view(); }
    const Document &doc() { return window.controller()->document(); }
    const MapLayout &layout() { return window.scene()->mapLayout(); }
    // A point of stage 1's emotion cell at the height of `score`.
    QPointF atScore(double score)
    {
        const QRectF cell = layout().cellRect(band, row, 1);
        return QPointF(cell.left() + 12, layout().emotionY(band, row, score));
    }
    QPoint viewportPoint(const QPointF &scenePos)
    {
        view()->ensureVisible(QRectF(scenePos, QSizeF(1, 1)), 200, 200);
        return view()->mapFromScene(scenePos);
    }
    // Drags an emotion from the palette over `scenePos` and drops it there;
    // returns the new card's score (nullopt: no card was added).
    std::optional<int> dropEmotionAt(const QPointF &scenePos)
    {
        std::unordered_set<std::string> before;
        for (const Card &card : doc().cards())
            before.insert(card.id);
        const QPoint pos = viewportPoint(scenePos);
        QMimeData mime;
        mime.setData(QLatin1String(kPaletteMimeType),
                     PaletteEntry{PaletteEntry::Type::Card, LaneKind::Emotions, {}}.toMime().toUtf8());
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view()->viewport(), &enter);
        QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view()->viewport(), &move);
        QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view()->viewport(), &drop);
        for (const Card &card : doc().cards())
            if (!before.count(card.id))
                return card.score;
        return std::nullopt;
    }
};

} // namespace

TEST_CASE("the height in an emotion row maps back to the score the faces are drawn at", "[emotions]")
{
    EmotionDropFixture f;
    for (int score = -3; score <= 3; ++score) {
        CHECK(f.layout().emotionScoreAt(f.band, f.row, f.layout().emotionY(f.band, f.row, score)) == score);
        // A little off the exact height still rounds to the nearest score.
        CHECK(f.layout().emotionScoreAt(f.band, f.row, f.layout().emotionY(f.band, f.row, score + 0.3)) == score);
        CHECK(f.layout().emotionScoreAt(f.band, f.row, f.layout().emotionY(f.band, f.row, score - 0.3)) == score);
    }
    // Beyond the row's ends the score stays within -3..+3.
    const auto &row = f.layout().bands()[f.band].rows[f.row];
    CHECK(f.layout().emotionScoreAt(f.band, f.row, row.y - 100) == 3);
    CHECK(f.layout().emotionScoreAt(f.band, f.row, row.y + row.height + 100) == -3);
}

TEST_CASE("planning an emotion drop reads its score from the height; other rows and kinds have none", "[emotions]")
{
    EmotionDropFixture f;
    const PaletteEntry emotion{PaletteEntry::Type::Card, LaneKind::Emotions, {}};
    const PaletteDrop high = planPaletteDrop(f.doc(), f.layout(), emotion, f.atScore(2));
    REQUIRE(high.valid);
    CHECK(high.score == 2);
    CHECK(planPaletteDrop(f.doc(), f.layout(), emotion, f.atScore(-1.2)).score == -1);
    const PaletteDrop pain = planPaletteDrop(
        f.doc(), f.layout(), PaletteEntry{PaletteEntry::Type::Card, LaneKind::PainPoints, {}}, f.atScore(2));
    CHECK_FALSE(pain.score.has_value());
    CHECK(emotionScoreText(2) == QStringLiteral("+2"));
    CHECK(emotionScoreText(0) == QStringLiteral("0"));
    CHECK(emotionScoreText(-3) == QStringLiteral("\u22123"));
}

TEST_CASE("an emotion dropped from the palette takes the score of the height where it lands", "[emotions]")
{
    EmotionDropFixture f;
    CHECK(f.dropEmotionAt(f.atScore(2)) == 2);
    // The bottom of the scale and its middle.
    CHECK(f.dropEmotionAt(f.atScore(-3)) == -3);
    CHECK(f.dropEmotionAt(f.atScore(0)) == 0);
}

TEST_CASE("while an emotion is dragged over the map the canvas shows the score of the height", "[emotions]")
{
    EmotionDropFixture f;
    QMimeData mime;
    mime.setData(QLatin1String(kPaletteMimeType),
                 PaletteEntry{PaletteEntry::Type::Card, LaneKind::Emotions, {}}.toMime().toUtf8());
    const QPoint high = f.viewportPoint(f.atScore(2));
    QDragEnterEvent enter(high, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(f.view()->viewport(), &enter);
    QDragMoveEvent overHigh(high, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(f.view()->viewport(), &overHigh);
    CHECK(f.view()->dropReadout() == QStringLiteral("+2"));
    const QPoint low = f.view()->mapFromScene(f.atScore(-1));
    QDragMoveEvent overLow(low, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(f.view()->viewport(), &overLow);
    CHECK(f.view()->dropReadout() == QStringLiteral("\u22121"));
    // Leaving the map hides it.
    QDragLeaveEvent leave;
    QApplication::sendEvent(f.view()->viewport(), &leave);
    CHECK(f.view()->dropReadout().isEmpty());
}
