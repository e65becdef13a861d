#include <catch2/catch.hpp>

#include <QBuffer>
#include <QGlyphRun>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QSet>
#include <QTemporaryDir>
#include <QTextLayout>
#include <cmath>

#include "card_text.hpp"
#include "cjm/edit.hpp"
#include "cjm/insights.hpp"
#include "embedded_image.hpp"
#include "map_exporter.hpp"
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

// Glyphs Qt could not find in any font are glyph 0, drawn as a box.
int missingGlyphs(const QString &text, const QFont &font, int *total = nullptr)
{
    QTextLayout textLayout(text, font);
    textLayout.beginLayout();
    textLayout.createLine().setLineWidth(100000);
    textLayout.endLayout();
    int missing = 0;
    for (const QGlyphRun &run : textLayout.glyphRuns())
        for (quint32 index : run.glyphIndexes()) {
            missing += index == 0;
            if (total)
                ++*total;
        }
    return missing;
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
        const QColor stripe =
            image.pixelColor(QPoint(static_cast<int>(rect.left() + 2), static_cast<int>(rect.center().y())));
        INFO(card.id << " kind " << toString(kind));
        CHECK(near(stripe, style.kindColors(kind).accent));
        // The fill just inside the top-right corner.
        const QColor fill =
            image.pixelColor(QPoint(static_cast<int>(rect.right() - 4), static_cast<int>(rect.top() + 4)));
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

TEST_CASE("the one-pass block painting draws what painting each card does", "[painter][lod]")
{
    // The canvas paints zoomed-out maps with paintCardBlocks; it must look
    // exactly as each card painted on its own at that level of detail,
    // selection and find outlines included.
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    const MapPainter painter(doc, layout);
    const std::unordered_set<std::string> selected{doc.cards().at(0).id, doc.cards().at(3).id};
    std::unordered_set<std::string> highlighted{doc.cards().at(1).id, doc.cards().at(3).id};
    for (const Card &card : doc.cards())
        if (doc.cardKind(card) == LaneKind::Emotions) {
            highlighted.insert(card.id); // a face's outline goes round the face
            break;
        }
    const qreal scale = 0.2;
    PaintOptions options;
    options.levelOfDetail = scale;
    options.selectedCards = &selected;
    options.highlightedCards = &highlighted;
    auto paint = [&](auto draw) {
        QImage image((layout.bounds().size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        p.scale(scale, scale);
        draw(p);
        return image;
    };
    const QImage oneByOne = paint([&](QPainter &p) {
        for (const std::string &id : layout.cardIds())
            painter.paintCard(&p, id, *layout.cardRect(id), options);
    });
    const QImage blocks = paint([&](QPainter &p) { painter.paintCardBlocks(&p, layout.bounds(), options); });
    const QImage viaCards = paint([&](QPainter &p) { painter.paintCards(&p, layout.bounds(), options); });
    CHECK(blocks == oneByOne);
    CHECK(viaCards == oneByOne);
    // A part of the map: the same pixels inside it.
    const QRectF part(layout.contentLeft(), layout.bands().front().y, 900, 700);
    const QImage partial = paint([&](QPainter &p) {
        p.setClipRect(part);
        painter.paintCardBlocks(&p, part, options);
    });
    const QImage clipped = paint([&](QPainter &p) {
        p.setClipRect(part);
        for (const std::string &id : layout.cardIds())
            painter.paintCard(&p, id, *layout.cardRect(id), options);
    });
    CHECK(partial == clipped);
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
        INFO(text.toStdString());
        CHECK(missingGlyphs(text, style.cardFont, &glyphs) == 0);
    }
    CHECK(glyphs > 500);
}

TEST_CASE("traditional Chinese, emoji, Arabic and Hebrew have glyphs too", "[painter][text]")
{
    const MapStyle &style = MapStyle::standard();
    for (const char *text : {"客戶旅程圖：購買前、購買中、購買後", "Delighted 😀 then furious 😡 👍", "رحلة العميل",
                             "מסע הלקוח", "Mixed עברית and English"}) {
        INFO(text);
        CHECK(missingGlyphs(QString::fromUtf8(text), style.cardFont) == 0);
    }
}

TEST_CASE("right-to-left card text is laid out right to left", "[painter][text]")
{
    QTextLayout layout(QString::fromUtf8("רחלה העמיל"), MapStyle::standard().cardFont);
    layout.beginLayout();
    layout.createLine().setLineWidth(1000);
    layout.endLayout();
    // Qt's bidi algorithm puts the first character at the right end of the run.
    CHECK(layout.lineAt(0).cursorToX(0) > layout.lineAt(0).cursorToX(4));
}

TEST_CASE("an embedded card picture is drawn in the card", "[painter][image]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    QImage red(80, 40, QImage::Format_RGB32);
    red.fill(QColor(0xff, 0x00, 0x00));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    red.save(&buffer, "PNG");
    Card card = doc.cards().front();
    card.image = Image{"image/png", png.toBase64().toStdString(), {}};
    REQUIRE(updateCard(card)->apply(doc));
    REQUIRE(readDocument(writeDocument(doc)).ok()); // the reader accepts what we embedded
    MapLayout layout;
    layout.rebuild(doc);
    const QImage image = renderMap(doc, layout, 1.0, 1.0);
    const QRectF rect = *layout.cardRect(card.id);
    const MapMetrics &m = layout.style().metrics;
    const QPointF inImage(rect.center().x(), rect.top() + m.cardPadding + m.cardImageHeight / 2);
    CHECK(near(image.pixelColor(inImage.toPoint()), QColor(0xff, 0, 0), 10));
    CHECK(rect.height() > m.cardImageHeight);
}

TEST_CASE("pictures that are not images or are too large are refused, not decoded", "[painter][image]")
{
    auto notImage =
        decodeEmbeddedImage(Image{"image/png", QByteArray("not a png at all").toBase64().toStdString(), {}});
    CHECK(notImage.image.isNull());
    CHECK_FALSE(notImage.error.isEmpty());
    // A header claiming 100,000 x 100,000 pixels (with no pixel data behind it).
    QByteArray bomb("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (quint32 v : {100000u, 100000u})
        for (int shift = 24; shift >= 0; shift -= 8)
            bomb.append(static_cast<char>((v >> shift) & 0xFF));
    bomb.append(QByteArray("\x08\x06\0\0\0\0\0\0\0", 9));
    auto refused = decodeEmbeddedImage(Image{"image/png", bomb.toBase64().toStdString(), {}});
    CHECK(refused.image.isNull());
    CHECK_FALSE(refused.error.isEmpty());
    // A real picture one pixel wider than the cap: refused by its size.
    QImage wide(8193, 1, QImage::Format_RGB32);
    wide.fill(Qt::white);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    wide.save(&buffer, "PNG");
    auto tooWide = decodeEmbeddedImage(Image{"image/png", png.toBase64().toStdString(), {}});
    CHECK(tooWide.image.isNull());
    CHECK(tooWide.error.contains(QStringLiteral("8193x1 pixels")));
}

TEST_CASE("each persona's lowest moment is ringed on the curve, as the insights name it", "[painter][insights]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    const MapPainter painter(doc, layout);
    const Insights insights = computeInsights(doc);
    const QImage image = renderMap(doc, layout, 1.0, 1.0);
    PaintOptions options;
    int marked = 0;
    for (int b = 0; b < static_cast<int>(layout.bands().size()); ++b) {
        const auto &rows = layout.bands()[static_cast<std::size_t>(b)].rows;
        for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
            if (rows[static_cast<std::size_t>(r)].kind != LaneKind::Emotions)
                continue;
            const auto mark = painter.lowestMomentMark(b, r, options);
            const auto persona = doc.personaIndex(layout.bands()[static_cast<std::size_t>(b)].personaId);
            REQUIRE(persona);
            INFO("persona " << *persona);
            CHECK((mark ? mark->cardId : std::string()) == insights.lowestMoments[*persona]);
            if (!mark)
                continue;
            // A red ring around the face: some strongly red pixels on a circle just outside it.
            QPointF at;
            for (const auto &[id, point] : layout.emotionPoints(b, r))
                if (id == mark->cardId)
                    at = point;
            CHECK(mark->center == at);
            const qreal radius = layout.style().metrics.emotionFaceSize / 2 + 5;
            int red = 0;
            for (int degree = 0; degree < 360; degree += 5) {
                const double angle = degree * 3.14159265358979 / 180;
                const QPoint p(qRound(at.x() + radius * std::cos(angle)), qRound(at.y() + radius * std::sin(angle)));
                red += near(image.pixelColor(p), QColor(0xdc, 0x26, 0x26), 40);
            }
            CHECK(red >= 12);
            ++marked;
        }
    }
    CHECK(marked >= 2);
}

namespace {
// The lowest moment's colours (ring and label), told apart from the -3
// face's red and from text.
bool markColoured(QColor c) { return c.red() >= 0xb0 && c.green() <= 0x50 && c.blue() <= 0x50; }

int markPixels(const QImage &image, const QRect &area)
{
    int count = 0;
    const QRect inside = area.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y)
        for (int x = inside.left(); x <= inside.right(); ++x)
            count += markColoured(image.pixelColor(x, y));
    return count;
}

// Ring-coloured pixels on a circle just outside a face.
int ringPixels(const QImage &image, const QPointF &at, qreal radius)
{
    int red = 0;
    for (int degree = 0; degree < 360; degree += 5) {
        const double angle = degree * 3.14159265358979 / 180;
        const QPoint p(qRound(at.x() + radius * std::cos(angle)), qRound(at.y() + radius * std::sin(angle)));
        red += near(image.pixelColor(p), QColor(0xdc, 0x26, 0x26), 40);
    }
    return red;
}

// The map as the PNG export writes it (scale 1: one pixel per map unit).
QImage exportedPng(const Document &doc)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.png"));
    ExportOptions options;
    const ExportResult result = exportMap(doc, options, path);
    REQUIRE(result.ok);
    QImage image(path);
    REQUIRE_FALSE(image.isNull());
    return image.convertToFormat(QImage::Format_ARGB32);
}

int bandOf(const MapLayout &layout, const std::string &personaId)
{
    for (int b = 0; b < static_cast<int>(layout.bands().size()); ++b)
        if (layout.bands()[static_cast<std::size_t>(b)].personaId == personaId)
            return b;
    return -1;
}

int emotionRowOf(const MapLayout &layout, int band)
{
    const auto &rows = layout.bands().at(static_cast<std::size_t>(band)).rows;
    for (int r = 0; r < static_cast<int>(rows.size()); ++r)
        if (rows[static_cast<std::size_t>(r)].kind == LaneKind::Emotions)
            return r;
    return -1;
}

Card sampleCard(std::string id, std::string persona, std::string stage, std::string lane)
{
    Card card;
    card.id = std::move(id);
    card.persona = std::move(persona);
    card.stage = std::move(stage);
    card.lane = std::move(lane);
    return card;
}
} // namespace

TEST_CASE("the canvas and an export ring the lowest moment Insights names, past a hidden lane's lower emotion",
          "[painter][insights][export]")
{
    // The parent's shown emotions bottom out at -2 in Conversion; a hidden
    // emotion lane holds a -3 in Awareness, and a hidden pain lane a pain point.
    const Document sample = test::loadSample("ecommerce-en.cjm");
    std::vector<Lane> lanes = sample.lanes();
    lanes.push_back(Lane::make("lane-hidden-emotions", LaneKind::Emotions));
    lanes.push_back(Lane::make("lane-hidden-pain", LaneKind::PainPoints));
    lanes[lanes.size() - 2].hidden = lanes.back().hidden = true;
    std::vector<Card> cards = sample.cards();
    cards.push_back(sampleCard("hidden-low", "p-parent", "s-awareness", "lane-hidden-emotions"));
    cards.back().score = -3;
    cards.back().text = "Hidden despair";
    cards.push_back(sampleCard("hidden-pain", "p-parent", "s-awareness", "lane-hidden-pain"));
    cards.back().severity = 3;
    auto build = [&] {
        return Document::fromParts(sample.journey(), sample.personas(), sample.stages(), lanes, cards);
    };
    const Document doc = build();
    const std::size_t parent = doc.personaIndex("p-parent").value();

    const Insights insights = computeInsights(doc);
    REQUIRE(insights.lowestMoments[parent] == "c-parent-convert-emo1");
    MapLayout layout;
    layout.rebuild(doc);
    const MapPainter painter(doc, layout);
    const int band = bandOf(layout, "p-parent"), row = emotionRowOf(layout, band);
    REQUIRE(row >= 0);
    CHECK(layout.lowestMoment(band) == insights.lowestMoments[parent]);
    const auto mark = painter.lowestMomentMark(band, row, PaintOptions());
    REQUIRE(mark);
    CHECK(mark->cardId == insights.lowestMoments[parent]);
    // The heat strip and the panel count the same pain: the hidden one in neither.
    for (int s = 0; s < static_cast<int>(layout.stages().size()); ++s)
        CHECK(layout.shownStageTally(s) ==
              static_cast<const StageTally &>(insights.stages[static_cast<std::size_t>(s)]));
    CHECK(insights.stages[0].painPoints == computeInsights(sample).stages[0].painPoints);

    const qreal radius = layout.style().metrics.emotionFaceSize / 2 + 5;
    const QImage canvas = renderMap(doc, layout, 1.0, 1.0), exported = exportedPng(doc);
    REQUIRE(exported.size() == canvas.size());
    for (const QImage *image : {&canvas, &exported}) {
        CHECK(ringPixels(*image, mark->center, radius) >= 12);
        // No other face of the parent's curve is ringed.
        for (const auto &[id, point] : layout.emotionPoints(band, row))
            if (id != mark->cardId)
                CHECK(ringPixels(*image, point, radius) == 0);
    }

    // Shown again, the hidden -3 is the lowest moment everywhere.
    lanes[lanes.size() - 2].hidden = false;
    const Document shown = build();
    MapLayout shownLayout;
    shownLayout.rebuild(shown);
    CHECK(computeInsights(shown).lowestMoments[parent] == "hidden-low");
    const int shownBand = bandOf(shownLayout, "p-parent");
    CHECK(shownLayout.lowestMoment(shownBand) == "hidden-low");
    int hiddenRow = -1;
    for (int r = 0; r < static_cast<int>(shownLayout.bands()[static_cast<std::size_t>(shownBand)].rows.size()); ++r)
        if (shownLayout.bands()[static_cast<std::size_t>(shownBand)].rows[static_cast<std::size_t>(r)].laneId ==
            "lane-hidden-emotions")
            hiddenRow = r;
    const MapPainter shownPainter(shown, shownLayout);
    const auto shownMark = shownPainter.lowestMomentMark(shownBand, hiddenRow, PaintOptions());
    REQUIRE(shownMark);
    CHECK(shownMark->cardId == "hidden-low");
    // One lowest moment per persona: its other emotion lane has no ring.
    CHECK_FALSE(shownPainter.lowestMomentMark(shownBand, emotionRowOf(shownLayout, shownBand), PaintOptions()));
    CHECK(ringPixels(exportedPng(shown), shownMark->center, radius) >= 12);
}

TEST_CASE("a persona whose emotions are all zero or above has no ring", "[painter][insights]")
{
    const Document sample = test::loadSample("ecommerce-en.cjm");
    std::vector<Card> cards = sample.cards();
    for (Card &card : cards)
        if (card.persona == "p-parent" && sample.cardKind(card) == LaneKind::Emotions)
            card.score = 3; // delighted all the way
    const Document doc =
        Document::fromParts(sample.journey(), sample.personas(), sample.stages(), sample.lanes(), cards);
    CHECK(computeInsights(doc).lowestMoments[doc.personaIndex("p-parent").value()].empty());
    MapLayout layout;
    layout.rebuild(doc);
    const MapPainter painter(doc, layout);
    const int band = bandOf(layout, "p-parent"), row = emotionRowOf(layout, band);
    CHECK(layout.lowestMoment(band).empty());
    CHECK_FALSE(painter.lowestMomentMark(band, row, PaintOptions()));
    const QImage canvas = renderMap(doc, layout, 1.0, 1.0);
    CHECK(markPixels(canvas, layout.rowRect(band, row).adjusted(0, 0, 200, 0).toAlignedRect()) == 0);
    // The others keep theirs.
    CHECK(painter.lowestMomentMark(bandOf(layout, "p-first"), emotionRowOf(layout, bandOf(layout, "p-first")),
                                   PaintOptions()));
}

TEST_CASE("a part of the map rings only the lowest moments it is told are the personas'", "[painter][insights]")
{
    const Document doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    const MapPainter painter(doc, layout);
    const int band = bandOf(layout, "p-first"), row = emotionRowOf(layout, band);
    const std::string lowest = layout.lowestMoment(band);
    REQUIRE_FALSE(lowest.empty());
    PaintOptions options;
    const std::unordered_set<std::string> other{"not-this-page"}, persona{lowest};
    options.lowestMomentsShown = &other;
    CHECK_FALSE(painter.lowestMomentMark(band, row, options));
    options.lowestMomentsShown = &persona;
    const auto mark = painter.lowestMomentMark(band, row, options);
    REQUIRE(mark);
    CHECK(mark->cardId == lowest);
    // Where the region code says the mark may reach, it does.
    const QRectF reach = painter.lowestMomentReach(band);
    CHECK(reach.contains(mark->label));
    CHECK(reach.contains(QRectF(mark->center - QPointF(mark->radius, mark->radius), QSizeF(2, 2) * mark->radius)));
}

TEST_CASE("the lowest moment's ring and label leave every caption clear, on the canvas and in an export",
          "[painter][insights][export]")
{
    // The samples, and a crowded cell: two more -2 faces right of the
    // parent's lowest moment, at its height, where its label used to go.
    const Document sample = test::loadSample("ecommerce-en.cjm");
    std::vector<Card> cards = sample.cards();
    for (int i = 1; i <= 2; ++i) {
        cards.push_back(sampleCard("crowd" + std::to_string(i), "p-parent", "s-conversion", "lane-emotions"));
        cards.back().score = -2;
        cards.back().order = i;
        cards.back().text = "Also frustrated";
    }
    const Document crowded =
        Document::fromParts(sample.journey(), sample.personas(), sample.stages(), sample.lanes(), cards);
    const std::vector<Document> docs = {sample, test::loadSample("retail-zh.cjm"), crowded};
    int labels = 0, marks = 0;
    for (const Document &doc : docs) {
        INFO(doc.journey().id << (&doc == &docs.back() ? " crowded" : ""));
        MapLayout layout;
        layout.rebuild(doc);
        const MapPainter painter(doc, layout);
        const PaintOptions options;
        const QImage canvas = renderMap(doc, layout, 1.0, 1.0), exported = exportedPng(doc);
        const qreal face = layout.style().metrics.emotionFaceSize;
        for (int b = 0; b < static_cast<int>(layout.bands().size()); ++b) {
            const int r = emotionRowOf(layout, b);
            const auto mark = r < 0 ? std::nullopt : painter.lowestMomentMark(b, r, options);
            if (!mark)
                continue;
            ++marks;
            INFO(mark->cardId);
            REQUIRE_FALSE(mark->caption.isEmpty()); // every sample emotion has words
            // The ring's lowest point, its pen included, is above the caption.
            const qreal lowestY =
                mark->spanAngle >= 360
                    ? mark->center.y() + mark->radius
                    : mark->center.y() - mark->radius * std::sin(mark->startAngle * 3.14159265358979 / 180);
            CHECK(lowestY + mark->penWidth / 2 < mark->caption.top());
            CHECK(mark->spanAngle < 360); // a face's caption is just under it: the ring opens
            CHECK(mark->spanAngle > 180);
            // The label covers no face and no caption in its row.
            if (!mark->label.isEmpty()) {
                ++labels;
                CHECK(layout.rowRect(b, r).contains(mark->label));
                for (int s = 0; s < static_cast<int>(layout.stages().size()); ++s) {
                    const QPointF origin = layout.cellRect(b, r, s).topLeft();
                    for (const auto &box : layout.cardsInCell(b, r, s)) {
                        const QRectF rect = box.rect.translated(origin);
                        INFO("near " << box.cardId);
                        CHECK_FALSE(
                            mark->label.intersects(painter.emotionCaptionRect(*doc.card(box.cardId), rect, options)));
                        CHECK_FALSE(
                            mark->label.intersects(QRectF(rect.center().x() - face / 2, rect.top(), face, face)));
                    }
                }
            }
            // And in pixels: nothing of the ring or the label in the caption.
            for (const QImage *image : {&canvas, &exported})
                CHECK(markPixels(*image, mark->caption.toAlignedRect()) == 0);
        }
    }
    CHECK(marks >= 6);
    CHECK(labels >= 5);
}

TEST_CASE("the lowest moment's label keeps clear of the emotion curve and of its ring", "[painter][insights][label]")
{
    // The samples, and each sample's slides (their own layouts): the label
    // was drawn right of the ring at the face's height, across the curve
    // running out of the face and touching the ring's dashes.
    std::vector<std::pair<Document, std::string>> maps;
    for (const char *name : {"ecommerce-en.cjm", "retail-zh.cjm"})
        maps.emplace_back(test::loadSample(name), name);
    int labels = 0, marks = 0;
    for (const auto &[doc, name] : maps) {
        INFO(name);
        MapLayout layout;
        layout.rebuild(doc);
        const MapPainter painter(doc, layout);
        const PaintOptions options;
        for (int b = 0; b < static_cast<int>(layout.bands().size()); ++b) {
            const int r = emotionRowOf(layout, b);
            const auto mark = r < 0 ? std::nullopt : painter.lowestMomentMark(b, r, options);
            if (!mark)
                continue;
            ++marks;
            INFO(mark->cardId);
            if (mark->label.isEmpty())
                continue;
            ++labels;
            // Two units from the ring's pen at least.
            const qreal ring = mark->radius + mark->penWidth / 2 + 2;
            const QPointF nearest(std::clamp(mark->center.x(), mark->label.left(), mark->label.right()),
                                  std::clamp(mark->center.y(), mark->label.top(), mark->label.bottom()));
            CHECK(QLineF(nearest, mark->center).length() > ring);
            // And off the curve, its pen included, by a unit.
            QPainterPath curve;
            for (const auto &segment : painter.emotionCurve(b, r)) {
                curve.moveTo(segment.from);
                curve.cubicTo(segment.control1, segment.control2, segment.to);
            }
            QPainterPathStroker stroker;
            stroker.setWidth(2.5 + 2);
            CHECK_FALSE(stroker.createStroke(curve).intersects(mark->label));
            // Where the region code says the mark may reach, it does.
            CHECK(painter.lowestMomentReach(b).contains(mark->label));
        }
    }
    CHECK(marks >= 4);
    CHECK(labels == marks); // each found a clear place
}

TEST_CASE("the pain heat strip weighs each stage's pain points and barriers, and shows only when asked",
          "[painter][insights]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    const MapPainter painter(doc, layout);
    const Insights insights = computeInsights(doc);
    bool anyPain = false;
    for (int s = 0; s < static_cast<int>(layout.stages().size()); ++s) {
        const StageTally &pain = layout.shownStageTally(s);
        // The strip counts what the insights count.
        CHECK(pain.painPoints == insights.stages[static_cast<std::size_t>(s)].painPoints);
        CHECK(pain.barriers == insights.stages[static_cast<std::size_t>(s)].barriers);
        CHECK(pain.severity == insights.stages[static_cast<std::size_t>(s)].severity);
        anyPain = anyPain || pain.severity > 0;
    }
    REQUIRE(anyPain);

    auto render = [&](bool strip) {
        QImage image(layout.bounds().size().toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        PaintOptions options;
        options.heatStrip = strip;
        painter.paintMap(&p, layout.bounds(), options);
        return image;
    };
    const QImage with = render(true), without = render(false);
    // The pictures differ only in the stage header row.
    const QRect headers = layout.stageHeaderRowRect().toAlignedRect();
    int differentInHeaders = 0, differentElsewhere = 0;
    for (int y = 0; y < with.height(); ++y)
        for (int x = 0; x < with.width(); ++x)
            if (with.pixel(x, y) != without.pixel(x, y))
                ++(headers.contains(x, y) ? differentInHeaders : differentElsewhere);
    CHECK(differentInHeaders > 100);
    CHECK(differentElsewhere == 0);
}

TEST_CASE("a map painted in strips, as the canvas repaints what changed, equals the map painted whole",
          "[painter][strips]")
{
    // Uneven emotion points: one in the first stage, the rest in the last,
    // so curve segments bulge past their end points.
    auto doc = test::loadSample("retail-zh.cjm");
    const std::string persona = doc.personas().front().id;
    bool first = true;
    std::vector<std::string> emotions;
    for (const Card &card : doc.cards())
        if (card.persona == persona && doc.cardKind(card) == LaneKind::Emotions)
            emotions.push_back(card.id);
    REQUIRE(emotions.size() >= 3);
    for (const std::string &id : emotions) {
        const Card card = *doc.card(id);
        const std::string &stage = first ? doc.stages().front().id : doc.stages().back().id;
        first = false;
        if (card.stage != stage)
            REQUIRE(moveCard(id, card.persona, stage, card.lane, 0)->apply(doc));
    }
    MapLayout layout;
    layout.rebuild(doc);
    const QRectF bounds = layout.bounds();
    for (qreal scale : {1.0, 0.3}) {
        INFO("scale " << scale);
        PaintOptions options;
        options.levelOfDetail = scale;
        options.heatStrip = true;
        const MapPainter painter(doc, layout);
        const QSize size = (bounds.size() * scale).toSize();
        auto paint = [&](const std::vector<QRect> &strips) {
            QImage image(size, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter p(&image);
            p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            for (const QRect &strip : strips) {
                p.resetTransform();
                p.setClipRect(strip);
                p.scale(scale, scale);
                // As the view does: the scene area a pixel wider than the strip.
                const QRectF area(strip.adjusted(-1, -1, 1, 1));
                painter.paintMap(&p, QRectF(area.topLeft() / scale, area.size() / scale), options);
            }
            return image;
        };
        const QImage whole = paint({QRect(QPoint(0, 0), size)});
        std::vector<QRect> columns, rows;
        for (int x = 0; x < size.width(); x += 37)
            columns.emplace_back(x, 0, 37, size.height());
        for (int y = 0; y < size.height(); y += 41)
            rows.emplace_back(0, y, size.width(), 41);
        const QImage byColumns = paint(columns), byRows = paint(rows);
        // At 100% every pixel is the same. Zoomed out, an antialiased block
        // cut by a strip's edge may round one channel by a level there
        // (Qt's rasterizer): invisible, and allowed; a missing or doubled
        // stroke differs by far more.
        auto largestDifference = [&](const QImage &other) {
            int largest = 0;
            for (int y = 0; y < whole.height(); ++y) {
                const auto *a = reinterpret_cast<const QRgb *>(whole.constScanLine(y));
                const auto *b = reinterpret_cast<const QRgb *>(other.constScanLine(y));
                for (int x = 0; x < whole.width(); ++x)
                    largest =
                        std::max({largest, std::abs(qRed(a[x]) - qRed(b[x])), std::abs(qGreen(a[x]) - qGreen(b[x])),
                                  std::abs(qBlue(a[x]) - qBlue(b[x])), std::abs(qAlpha(a[x]) - qAlpha(b[x]))});
            }
            return largest;
        };
        const int allowed = scale == 1.0 ? 0 : 2;
        CHECK(largestDifference(byColumns) <= allowed);
        CHECK(largestDifference(byRows) <= allowed);
        const QString dump = qEnvironmentVariable("CJM_RENDER_DUMP");
        if (!dump.isEmpty()) {
            whole.save(dump + QStringLiteral("/strips-whole-%1.png").arg(scale));
            byColumns.save(dump + QStringLiteral("/strips-columns-%1.png").arg(scale));
            byRows.save(dump + QStringLiteral("/strips-rows-%1.png").arg(scale));
        }
    }
}

TEST_CASE("a bidi override in a map text turns around nothing drawn after it", "[painter][text][bidi]")
{
    // The same texts twice, each with an override (U+202E) that turns its own
    // words around: once closed by the text itself (PDF, PDI), once left
    // dangling, after a PDI that tries to close the isolate early. Closed, an
    // override reaches nothing after its text; dangling it must not either, so
    // both maps draw the same pixels: the title, the rest of the line after the
    // segment and the owner, the tags after a tag, the neighbouring cards.
    const auto withTexts = [](bool closed) {
        const std::string open = closed ? "" : "\u2069"; // a PDI the text did not open
        const std::string pdf = closed ? "\u202c" : "";
        const std::string pdi = closed ? "\u2069" : "";
        auto doc = test::loadSample("ecommerce-en.cjm");
        Journey journey = doc.journey();
        journey.segment = "abc\u202e def" + pdf;
        journey.owner = "Ann" + open + "\u202e def" + pdf;
        REQUIRE(setJourney(journey)->apply(doc));
        Stage stage = doc.stages().front();
        stage.name = "Stage\u202e def" + pdf;
        REQUIRE(updateStage(stage)->apply(doc));
        const std::string lane = doc.cards().front().lane;
        for (const Card &original : doc.cards()) {
            if (original.lane != lane)
                continue;
            Card card = original;
            card.text = "abc" + open + "\u202e def" + pdf;
            card.tags = {"x\u2067 def" + pdi, "next"}; // an isolate left open
            REQUIRE(updateCard(card)->apply(doc));
        }
        return doc;
    };
    auto render = [](const Document &doc) {
        MapLayout layout;
        layout.rebuild(doc);
        QImage image(layout.bounds().size().toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        PaintOptions options;
        options.date = QStringLiteral("2026-12-02"); // drawn after the owner, in the same line
        MapPainter(doc, layout).paintMap(&painter, layout.bounds(), options);
        painter.end();
        return image;
    };
    const QImage expected = render(withTexts(true));
    const QImage actual = render(withTexts(false));
    REQUIRE(actual.size() == expected.size());
    if (!qEnvironmentVariableIsEmpty("CJM_RENDER_DUMP")) {
        expected.save(qEnvironmentVariable("CJM_RENDER_DUMP") + QStringLiteral("/bidi-closed.png"));
        actual.save(qEnvironmentVariable("CJM_RENDER_DUMP") + QStringLiteral("/bidi-dangling.png"));
    }
    CHECK(actual == expected);
}

TEST_CASE(
    "a map text with bidi controls or right-to-left letters is one isolate that nothing in it can close or reach past",
    "[painter][text][bidi]")
{
    const QString fsi(QChar(0x2068)), pdi(QChar(0x2069)), rli(QChar(0x2067)), rlo(QChar(0x202e));
    // Left to right only: nothing to isolate, drawn (and exported) as it is.
    CHECK(isolatedText(QStringLiteral("Checkout 3")) == QStringLiteral("Checkout 3"));
    const QString hebrew = QString::fromUtf8("מסע 3");
    CHECK(isolatedText(hebrew) == fsi + hebrew + pdi);
    const QString adlam = QString::fromUcs4(U"\U0001E900"); // right to left, beyond U+FFFF
    CHECK(isolatedText(adlam) == fsi + adlam + pdi);
    // A PDI the text did not open is dropped; an isolate it opened is closed.
    CHECK(isolatedText(pdi + rlo + QStringLiteral("x")) == fsi + rlo + QStringLiteral("x") + pdi);
    CHECK(isolatedText(rli + QStringLiteral("x")) == fsi + rli + QStringLiteral("x") + pdi + pdi);
    CHECK(isolatedText(rli + QStringLiteral("x") + pdi) == fsi + rli + QStringLiteral("x") + pdi + pdi);
    // Paragraph separators would end the isolate: they become line breaks.
    CHECK(isolatedText(QStringLiteral("a\r\nb\u2029c")) == QStringLiteral("a\u2028b\u2028c"));
    CHECK(isolatedText(QStringLiteral("a\n") + rlo) == fsi + QStringLiteral("a\u2028") + rlo + pdi);
    // The controls take no room: measuring the isolated text measures the text.
    const QFontMetricsF metrics(MapStyle::standard().cardFont);
    CHECK(metrics.horizontalAdvance(isolatedText(hebrew)) == Approx(metrics.horizontalAdvance(hebrew)));
}

TEST_CASE("persona badge initials skip articles and take a Chinese name's first character", "[painter][persona]")
{
    const std::pair<const char *, const char *> table[] = {
        {"Maya, the marathon beginner", "MM"},
        {"Busy parent", "BP"},
        {"busy parent", "BP"},
        {"The busy parent", "BP"},
        {"An anxious first-time buyer", "AF"},
        {"the A team", "AT"}, // one word left after the articles: the article before it counts
        {"Maya", "M"},
        {"Jean-Luc, a regular", "JR"},
        {"  ", "?"},
        {"王小明", "王"},
        {"上班族妈妈", "上"},
        {"王 小明", "王"},
        {"さくら", "さ"},
        {"김민수", "김"},
        {"\U0001F3C3 runner", "\U0001F3C3R"}, // an emoji is one character: its surrogate pair stays whole
        {"\U0001F469\u200D\U0001F4BB developer", "\U0001F469\u200D\U0001F4BBD"}, // a joined emoji too
        {"émilie dupont", "ÉD"},
    };
    for (const auto &[name, initials] : table) {
        INFO(name);
        CHECK(initialsOf(QString::fromUtf8(name)) == QString::fromUtf8(initials));
    }
}

namespace {
// How many columns and how many rows of `cell` in `image` hold dark (text-coloured) pixels.
QSize inkSpread(const QImage &image, const QRect &cell)
{
    QSet<int> columns, rows;
    for (int y = std::max(cell.top(), 0); y <= std::min(cell.bottom(), image.height() - 1); ++y)
        for (int x = std::max(cell.left(), 0); x <= std::min(cell.right(), image.width() - 1); ++x)
            if (qGray(image.pixel(x, y)) < 110) {
                columns.insert(x);
                rows.insert(y);
            }
    return QSize(static_cast<int>(columns.size()), static_cast<int>(rows.size()));
}

Document withPersonaName(const std::string &name)
{
    Document doc = test::loadSample("retail-zh.cjm");
    Persona persona = doc.personas().front();
    persona.name = name;
    REQUIRE(updatePersona(persona)->apply(doc));
    return doc;
}
} // namespace

TEST_CASE("a Chinese persona name is written upright, top to bottom; a Latin one runs rotated",
          "[painter][persona][cjk]")
{
    const Document doc = withPersonaName("一二三");
    MapLayout layout;
    layout.rebuild(doc);
    const MapPainter painter(doc, layout);
    const QRectF header = layout.personaHeaderRect(0);
    const PaintOptions options;
    const auto written = painter.personaNameLayout(QStringLiteral("一二三"), header, options);
    REQUIRE_FALSE(written.area.isEmpty());
    CHECK(written.upright);
    REQUIRE(written.glyphs.size() == 3);
    for (std::size_t i = 0; i < written.glyphs.size(); ++i) {
        const QRectF &cell = written.glyphs[i].second;
        CHECK(written.glyphs[i].first == QString(QStringLiteral("一二三").at(static_cast<qsizetype>(i))));
        CHECK(written.area.contains(cell));
        CHECK(cell.center().x() == Approx(written.area.center().x()));
        if (i > 0)
            CHECK(cell.top() >= written.glyphs[i - 1].second.bottom()); // top to bottom, one per line
    }
    CHECK(written.glyphs.front().second.top() == Approx(written.area.top()));

    // Painted, each of 一, 二, 三 is strokes lying flat: its ink spans many
    // more columns than rows. Turned a quarter, as a rotated name is drawn,
    // the strokes would stand up and it would be the other way round.
    constexpr qreal scale = 3;
    QImage image((header.size() * scale).toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.scale(scale, scale);
        p.translate(-header.topLeft());
        painter.paintPersonaHeader(&p, 0, header, options);
    }
    const QTransform toImage = QTransform::fromScale(scale, scale).translate(-header.left(), -header.top());
    for (const auto &[glyph, cell] : written.glyphs) {
        INFO(glyph.toStdString());
        const QSize ink = inkSpread(image, toImage.mapRect(cell).toAlignedRect());
        REQUIRE(ink.height() > 0);
        CHECK(ink.width() > 2 * ink.height());
    }

    // A name mostly in Latin letters keeps to the rotated line.
    const auto latin = painter.personaNameLayout(QStringLiteral("Busy parent 王"), header, options);
    CHECK_FALSE(latin.upright);
    CHECK(latin.glyphs.empty());
    CHECK(latin.text.contains(QStringLiteral("Busy parent")));
    // Mostly Chinese with a Latin word in it: upright, every character on its own line.
    const auto mixed = painter.personaNameLayout(QStringLiteral("上班族妈妈 VIP"), header, options);
    CHECK(mixed.upright);
    CHECK(mixed.glyphs.size() == 8);
}

TEST_CASE("an upright persona name too long for its band ends in a vertical ellipsis", "[painter][persona][cjk]")
{
    const QString name = QString(QStringLiteral("长")).repeated(200);
    const Document doc = withPersonaName(toStdString(name));
    MapLayout layout;
    layout.rebuild(doc);
    const MapPainter painter(doc, layout);
    const QRectF header = layout.personaHeaderRect(0);
    const auto written = painter.personaNameLayout(name, header, PaintOptions());
    REQUIRE(written.upright);
    REQUIRE(written.glyphs.size() > 2);
    CHECK(written.glyphs.size() < 200);
    CHECK(written.glyphs.back().first == QStringLiteral("\uFE19"));
    for (const auto &[glyph, cell] : written.glyphs)
        CHECK(written.area.contains(cell));
    // The vertical ellipsis has a glyph in the map's fonts (no box).
    CHECK(missingGlyphs(QStringLiteral("\uFE19"), layout.style().headerFont) == 0);
}

TEST_CASE("desired scores are drawn as a dashed target curve in the persona's colour, the gap to the felt curve shaded",
          "[painter][desired]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    int band = 0, row = -1;
    const auto &rows = layout.bands()[0].rows;
    for (int r = 0; r < static_cast<int>(rows.size()) && row < 0; ++r)
        if (rows[static_cast<std::size_t>(r)].kind == LaneKind::Emotions)
            row = r;
    REQUIRE(row >= 0);
    const auto points = layout.emotionPoints(band, row);
    REQUIRE(points.size() >= 5);
    // Targets far from what is felt (two points or more away), on every
    // point but the third: the curve is broken there.
    auto setDesired = [&](bool on) {
        for (std::size_t i = 0; i < points.size(); ++i) {
            Card card = *doc.card(points[i].first);
            card.desired = on && i != 2 ? std::optional<int>(*card.score <= 1 ? 3 : -3) : std::nullopt;
            REQUIRE(updateCard(card)->apply(doc));
        }
    };
    const MapPainter painter(doc, layout);
    const QColor personaColor = painter.personaColor(band);

    setDesired(false);
    CHECK(painter.targetCurve(band, row).empty());
    const QImage without = renderMap(doc, layout, 1.0, 1.0);
    setDesired(true);
    const auto runs = painter.targetCurve(band, row);
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].firstPoint == 0);
    CHECK(runs[0].points.size() == 2);
    CHECK(runs[1].firstPoint == 3);
    CHECK(runs[1].points.size() == points.size() - 3);
    // The target's points: at each face's x, at the desired score's height.
    CHECK(runs[0].points[0] ==
          QPointF(points[0].second.x(), layout.emotionY(band, row, *doc.card(points[0].first)->desired)));
    const QImage with = renderMap(doc, layout, 1.0, 1.0);

    // Along the first target segment: dashes of the persona's colour,
    // which are not there without desired scores.
    const MapPainter::CurveSegment &target = runs[0].segments.at(0);
    QPainterPath targetPath(target.from);
    targetPath.cubicTo(target.control1, target.control2, target.to);
    int dashed = 0, before = 0, samples = 0;
    for (int i = 5; i <= 95; i += 2, ++samples) {
        const QPoint p = targetPath.pointAtPercent(i / 100.0).toPoint();
        dashed += near(with.pixelColor(p), personaColor, 40);
        before += near(without.pixelColor(p), personaColor, 40);
    }
    CHECK(dashed > samples / 3); // dashes...
    CHECK(dashed < samples);     // ...and gaps between them
    CHECK(before == 0);

    // Halfway between the felt and the target curve: tinted towards the
    // persona's colour, where it was not before.
    const MapPainter::CurveSegment &felt = painter.emotionCurve(band, row).at(0);
    QPainterPath feltPath(felt.from);
    feltPath.cubicTo(felt.control1, felt.control2, felt.to);
    const QPoint between = ((feltPath.pointAtPercent(0.5) + targetPath.pointAtPercent(0.5)) / 2).toPoint();
    auto distance = [&](QColor c) {
        return std::abs(c.red() - personaColor.red()) + std::abs(c.green() - personaColor.green()) +
               std::abs(c.blue() - personaColor.blue());
    };
    CHECK(with.pixelColor(between) != without.pixelColor(between));
    CHECK(distance(with.pixelColor(between)) + 30 < distance(without.pixelColor(between)));

    // Where the curve is broken (from the second point to the fourth) no
    // target is drawn, and nothing is shaded.
    const QPoint broken((points[1].second.x() + points[2].second.x()) / 2,
                        layout.emotionY(band, row, *doc.card(points[1].first)->desired));
    CHECK(with.pixelColor(broken) == without.pixelColor(broken));
}
