#include <catch2/catch.hpp>

#include <QGlyphRun>
#include <QImage>
#include <QPainter>
#include <QSet>
#include <QTextLayout>

#include "card_text.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"
#include "qt_text.hpp"
#include "render_test_support.hpp"

using namespace cjm;

namespace {

QImage renderMap(const Document &doc, const MapLayout &layout, qreal scale, qreal lod)
{
    const QRectF bounds = layout.bounds();
    QImage image((bounds.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.scale(scale, scale);
    PaintOptions options;
    options.levelOfDetail = lod;
    MapPainter(doc, layout).paintMap(&painter, bounds, options);
    painter.end();
    // CJM_RENDER_DUMP=folder keeps the pictures for a person to look at.
    const QString dump = qEnvironmentVariable("CJM_RENDER_DUMP");
    if (!dump.isEmpty())
        image.save(dump + QStringLiteral("/%1-%2.png").arg(toQString(doc.journey().id)).arg(lod));
    return image;
}

bool near(QColor a, QColor b, int tolerance = 24)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

TEST_CASE("a sample map renders to a picture that is not blank", "[painter]")
{
    const std::string sample = GENERATE("ecommerce-en.cjm", "retail-zh.cjm");
    auto doc = test::loadSample(sample);
    MapLayout layout;
    layout.rebuild(doc);
    const QImage image = renderMap(doc, layout, 1.0, 1.0);
    REQUIRE_FALSE(image.isNull());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    CHECK(colours.size() > 100);
}

TEST_CASE("kind colours appear where the layout puts the cards", "[painter]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    const QImage image = renderMap(doc, layout, 1.0, 1.0);
    const MapStyle &style = layout.style();
    int checked = 0;
    for (const Card &card : doc.cards()) {
        const LaneKind kind = doc.cardKind(card);
        if (kind == LaneKind::Emotions || kind == LaneKind::Thoughts || card.color)
            continue;
        const QRectF rect = *layout.cardRect(card.id);
        // The accent stripe on the left edge, mid-height.
        const QColor stripe = image.pixelColor(QPoint(static_cast<int>(rect.left() + 2), static_cast<int>(rect.center().y())));
        INFO(card.id << " kind " << toString(kind));
        CHECK(near(stripe, style.kindColors(kind).accent));
        // The fill just inside the top-right corner.
        const QColor fill = image.pixelColor(QPoint(static_cast<int>(rect.right() - 4), static_cast<int>(rect.top() + 4)));
        CHECK(near(fill, style.kindColors(kind).fill, 12));
        ++checked;
    }
    CHECK(checked > 20);
}

TEST_CASE("emotion faces are coloured by score", "[painter]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    const QImage image = renderMap(doc, layout, 1.0, 1.0);
    int checked = 0;
    for (const Card &card : doc.cards()) {
        if (doc.cardKind(card) != LaneKind::Emotions)
            continue;
        const QRectF rect = *layout.cardRect(card.id);
        const qreal face = layout.style().metrics.emotionFaceSize;
        const QPoint sample(static_cast<int>(rect.center().x() - face * 0.33), static_cast<int>(rect.top() + face / 2));
        INFO(card.id << " score " << *card.score);
        CHECK(near(image.pixelColor(sample), layout.style().emotionColor(*card.score), 30));
        ++checked;
    }
    CHECK(checked >= 10);
}

TEST_CASE("zoomed far out, cards are drawn as coloured blocks", "[painter]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    const QImage image = renderMap(doc, layout, 0.25, 0.25);
    const Card &card = doc.cards().front();
    const QRectF rect = *layout.cardRect(card.id);
    const QColor centre = image.pixelColor((rect.center() * 0.25).toPoint());
    CHECK(near(centre, layout.style().kindColors(doc.cardKind(card)).accent.lighter(130), 20));
}

TEST_CASE("Chinese text has a glyph for every character (no tofu boxes)", "[painter][cjk]")
{
    auto doc = test::loadSample("retail-zh.cjm");
    const MapStyle &style = MapStyle::standard();
    QStringList texts{toQString(doc.journey().title), toQString(doc.journey().goal)};
    for (const auto &p : doc.personas())
        texts << toQString(p.name);
    for (const auto &s : doc.stages())
        texts << toQString(s.name);
    for (const auto &c : doc.cards())
        texts << cardDisplayText(c);
    int glyphs = 0;
    for (const QString &text : texts) {
        QTextLayout textLayout(text, style.cardFont);
        textLayout.beginLayout();
        textLayout.createLine().setLineWidth(100000);
        textLayout.endLayout();
        for (const QGlyphRun &run : textLayout.glyphRuns()) {
            for (quint32 index : run.glyphIndexes()) {
                INFO(text.toStdString() << " in " << run.rawFont().familyName().toStdString());
                CHECK(index != 0); // glyph 0 is the "missing glyph" box
                ++glyphs;
            }
        }
    }
    CHECK(glyphs > 500);
}
