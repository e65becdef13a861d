#include <catch2/catch.hpp>

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include "cjm/csv.hpp"
#include "cjm/edit.hpp"
#include "map_exporter.hpp"
#include "map_language.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"
#include "qt_text.hpp"
#include "render_test_support.hpp"
#include "svg_chunk_joiner.hpp"
#include <QPainter>

using namespace cjm;

TEST_CASE("PNG size follows the scale", "[export][png]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    QTemporaryDir dir;
    for (qreal scale : {1.0, 2.0, 3.0}) {
        ExportOptions options;
        options.scale = scale;
        const QString path = dir.filePath(QStringLiteral("map-%1.png").arg(scale));
        auto result = exportMap(doc, options, path);
        REQUIRE(result.ok);
        QImage image(path);
        CHECK(image.width() == static_cast<int>(std::ceil(layout.bounds().width() * scale)));
        CHECK(image.height() == static_cast<int>(std::ceil(layout.bounds().height() * scale)));
        CHECK(image.dotsPerMeterX() == static_cast<int>(std::lround(96.0 * scale / 0.0254)));
    }
}

TEST_CASE("PNG with a transparent background, and of one persona's band", "[export][png]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    QTemporaryDir dir;
    ExportOptions options;
    options.transparentBackground = true;
    REQUIRE(exportMap(doc, options, dir.filePath(QStringLiteral("clear.png"))).ok);
    QImage clear(dir.filePath(QStringLiteral("clear.png")));
    CHECK(clear.hasAlphaChannel());
    CHECK(qAlpha(clear.pixel(2, 2)) == 0);

    ExportOptions one;
    one.personaId = doc.personas().at(1).id;
    REQUIRE(exportMap(doc, one, dir.filePath(QStringLiteral("persona.png"))).ok);
    QImage band(dir.filePath(QStringLiteral("persona.png")));
    MapLayout whole;
    whole.rebuild(doc);
    CHECK(band.width() == static_cast<int>(std::ceil(whole.bounds().width())));
    CHECK(band.height() < whole.bounds().height() / 2);

    ExportOptions unknown;
    unknown.personaId = "nobody";
    auto result = exportMap(doc, unknown, dir.filePath(QStringLiteral("x.png")));
    CHECK_FALSE(result.ok);
    CHECK(result.error.contains(QStringLiteral("nobody")));
}

TEST_CASE("PNG of the selection covers the selected cards only", "[export][png]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    QTemporaryDir dir;
    ExportOptions options;
    options.selectedCards = {doc.cards().at(0).id, doc.cards().at(1).id};
    REQUIRE(exportMap(doc, options, dir.filePath(QStringLiteral("sel.png"))).ok);
    const QRectF expected = layout.cardRect(doc.cards().at(0).id)
                                ->united(*layout.cardRect(doc.cards().at(1).id))
                                .adjusted(-16, -16, 16, 16);
    QImage image(dir.filePath(QStringLiteral("sel.png")));
    CHECK(image.width() == static_cast<int>(std::ceil(expected.width())));
    CHECK(image.height() == static_cast<int>(std::ceil(expected.height())));
}

TEST_CASE("a PNG streamed in strips is the map painted in one piece", "[export][png]")
{
    // The export paints strips of rows and streams them to the encoder; the
    // file must hold the same pixels as one picture of the whole map.
    auto doc = test::loadSample("retail-zh.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    QTemporaryDir dir;
    for (bool transparent : {false, true}) {
        INFO("transparent " << transparent);
        ExportOptions options;
        options.scale = 1.5;
        options.transparentBackground = transparent;
        options.date = QStringLiteral("2026-01-02");
        const QString path = dir.filePath(QStringLiteral("strips.png"));
        const ExportResult result = exportMap(doc, options, path);
        REQUIRE(result.ok);
        const QImage exported = QImage(path).convertToFormat(QImage::Format_ARGB32);
        REQUIRE(exported.height() > 2 * 256); // several strips
        CHECK(exported.size() == result.pixelSize);
        CHECK(exported.dotsPerMeterX() == static_cast<int>(std::lround(96.0 * 1.5 / 0.0254)));
        CHECK(exported.dotsPerMeterY() == exported.dotsPerMeterX());
        CHECK(QImage(path).hasAlphaChannel() == transparent);

        QImage whole(exported.size(), QImage::Format_ARGB32_Premultiplied);
        whole.fill(Qt::transparent);
        {
            QPainter painter(&whole);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                                   QPainter::SmoothPixmapTransform);
            painter.scale(1.5, 1.5);
            painter.translate(-layout.bounds().topLeft());
            painter.setClipRect(layout.bounds());
            PaintOptions paint;
            paint.levelOfDetail = 1.5;
            paint.transparentBackground = transparent;
            paint.date = options.date;
            const MapLanguageScope language(doc); // as the export: the map's words in the map's language
            MapPainter(doc, layout).paintMap(&painter, layout.bounds(), paint);
        }
        const QImage expected = whole.convertToFormat(QImage::Format_ARGB32);
        qint64 different = 0;
        for (int y = 0; y < expected.height(); ++y)
            for (int x = 0; x < expected.width(); ++x) {
                const QRgb a = exported.pixel(x, y), b = expected.pixel(x, y);
                if (std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b)) +
                        std::abs(qAlpha(a) - qAlpha(b)) >
                    4)
                    ++different;
            }
        CHECK(different == 0);
    }
}

TEST_CASE("a PNG too large to hold is refused with a way out", "[export][png][safety]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    // 200 stages at 4x: far wider than any PNG Qt can paint.
    for (int i = 0; i < 200; ++i) {
        Stage stage;
        stage.id = "extra-" + std::to_string(i);
        stage.name = "Stage " + std::to_string(i);
        REQUIRE(addStage(stage)->apply(doc));
    }
    QTemporaryDir dir;
    ExportOptions options;
    options.scale = 4;
    const QString path = dir.filePath(QStringLiteral("huge.png"));
    auto result = exportMap(doc, options, path);
    CHECK_FALSE(result.ok);
    CHECK(result.error.contains(QStringLiteral("Export a PDF instead")));
    CHECK_FALSE(QFile::exists(path));
}

TEST_CASE("SVG parses and keeps the text as text", "[export][svg]")
{
    auto doc = test::loadSample("retail-zh.cjm");
    QTemporaryDir dir;
    ExportOptions options;
    options.format = ExportFormat::Svg;
    const QString path = dir.filePath(QStringLiteral("map.svg"));
    REQUIRE(exportMap(doc, options, path).ok);
    QXmlStreamReader xml(test::readFileBytes(path));
    QStringList texts;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    CHECK_FALSE(xml.hasError());
    const QString all = texts.join(QLatin1Char('\n'));
    CHECK(all.contains(toQString(doc.journey().title)));
    CHECK(all.contains(toQString(doc.stages().front().name)));
    CHECK(all.contains(QStringLiteral("好奇"))); // an emotion's words
}

TEST_CASE("CSV: one row per card, every column, Excel-friendly", "[export][csv]")
{
    auto doc = test::loadSample("retail-zh.cjm");
    QTemporaryDir dir;
    ExportOptions options;
    options.format = ExportFormat::Csv;
    const QString path = dir.filePath(QStringLiteral("cards.csv"));
    REQUIRE(exportMap(doc, options, path).ok);
    const QByteArray bytes = test::readFileBytes(path);
    CHECK(bytes.startsWith("\xEF\xBB\xBF"));
    CHECK(bytes.contains("\r\n"));
    std::vector<std::vector<std::string>> rows;
    std::string error;
    REQUIRE(parseCsv(bytes.toStdString(), rows, error));
    REQUIRE(rows.size() == doc.cards().size() + 1);
    CHECK(rows[0] == cardCsvColumns());
    auto column = [&](const char *name) {
        const auto &header = rows[0];
        return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
    };
    for (std::size_t r = 1; r < rows.size(); ++r) {
        REQUIRE(rows[r].size() == cardCsvColumns().size());
        const Card *card = doc.card(rows[r][column("card id")]);
        REQUIRE(card);
        CHECK(rows[r][column("text")] == card->text);
        CHECK(rows[r][column("persona")] == doc.persona(card->persona)->name);
        CHECK(rows[r][column("stage")] == doc.stage(card->stage)->name);
        CHECK(rows[r][column("lane kind")] == std::string(toString(doc.lane(card->lane)->kind)));
        CHECK(rows[r][column("channel")] == card->channel);
        if (card->score)
            CHECK(rows[r][column("score")] == std::to_string(*card->score));
        if (card->audit && card->audit->simple > 0)
            CHECK(rows[r][column("simple")] == std::to_string(card->audit->simple));
    }
}

TEST_CASE("CSV quoting and formula guard", "[export][csv]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    Card card = doc.cards().front();
    card.text = "=HYPERLINK(\"http://evil\")";
    card.notes = "line one\nline \"two\", with comma";
    card.tags = {"a", "b"};
    REQUIRE(updateCard(card)->apply(doc));
    std::vector<std::vector<std::string>> rows;
    std::string error;
    REQUIRE(parseCsv(writeCardCsv(doc), rows, error));
    auto column = [](const std::string &name) {
        return std::size_t(std::find(cardCsvColumns().begin(), cardCsvColumns().end(), name) -
                           cardCsvColumns().begin());
    };
    bool found = false;
    for (const auto &row : rows)
        if (row.at(column("card id")) == card.id) {
            found = true;
            CHECK(row.at(column("text")) == "'=HYPERLINK(\"http://evil\")");
            CHECK(row.at(column("notes")) == "line one\nline \"two\", with comma");
            CHECK(row.at(column("tags")) == "a; b");
        }
    CHECK(found);
    CHECK_FALSE(parseCsv("a,\"b\nc", rows, error));
    CHECK(error == "line 1, column 2: a quoted field is never closed");
}

TEST_CASE("a cancelled or failed export leaves no file", "[export]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    QTemporaryDir dir;
    ExportOptions options;
    options.format = ExportFormat::Pdf;
    options.pdfLayout = PdfLayout::PerPersona;
    const QString path = dir.filePath(QStringLiteral("cancelled.pdf"));
    int calls = 0;
    auto result = exportMap(doc, options, path, [&](int done, int total) {
        ++calls;
        CHECK(total == static_cast<int>(doc.personas().size()));
        return done < 1; // cancel after the first page
    });
    CHECK_FALSE(result.ok);
    CHECK(result.error.contains(QStringLiteral("cancelled")));
    CHECK(calls == 1); // nothing more is painted once cancelled
    CHECK_FALSE(QFile::exists(path));

    auto unwritable = exportMap(doc, options, dir.filePath(QStringLiteral("missing/folder/map.pdf")));
    CHECK_FALSE(unwritable.ok);
    CHECK(unwritable.error.contains(QStringLiteral("does not exist any more")));
}

TEST_CASE("PDF page counts for fit, tiles and per persona", "[export][pdf]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    QTemporaryDir dir;
    ExportOptions options;
    options.format = ExportFormat::Pdf;
    auto fit = exportMap(doc, options, dir.filePath(QStringLiteral("fit.pdf")));
    REQUIRE(fit.ok);
    CHECK(fit.pages == 1);
    options.pdfLayout = PdfLayout::PerPersona;
    auto per = exportMap(doc, options, dir.filePath(QStringLiteral("per.pdf")));
    REQUIRE(per.ok);
    CHECK(per.pages == static_cast<int>(doc.personas().size()));
    options.pdfLayout = PdfLayout::Tiles;
    options.paper = PaperSize::A3;
    auto tiles = exportMap(doc, options, dir.filePath(QStringLiteral("tiles.pdf")));
    REQUIRE(tiles.ok);
    CHECK(tiles.pages > 1);
    CHECK(test::readFileBytes(dir.filePath(QStringLiteral("tiles.pdf"))).startsWith("%PDF-"));
}

TEST_CASE("every font family in an SVG lists the map's fonts and ends in a generic family", "[export][svg][fonts]")
{
    auto doc = test::loadSample("retail-zh.cjm");
    QTemporaryDir dir;
    ExportOptions options;
    options.format = ExportFormat::Svg;
    const QString path = dir.filePath(QStringLiteral("map.svg"));
    REQUIRE(exportMap(doc, options, path).ok);
    QXmlStreamReader xml(test::readFileBytes(path));
    QSet<QString> families;
    int textFamilies = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString family = xml.attributes().value(QLatin1String("font-family")).toString();
        if (family.isEmpty())
            continue;
        families.insert(family);
        textFamilies += xml.name() == QLatin1String("text");
    }
    CHECK_FALSE(xml.hasError());
    CHECK(textFamilies > 100);
    REQUIRE_FALSE(families.isEmpty());
    for (const QString &family : families) {
        INFO(family.toStdString());
        CHECK(family.endsWith(QLatin1String(", sans-serif")));
    }
    // The text's font with its fallbacks for Chinese, as the map is painted.
    CHECK(families.contains(
        QStringLiteral("'Noto Sans', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif")));
}

TEST_CASE("the SVG font list quotes each family and keeps a generic one as it is", "[export][svg][fonts]")
{
    const QList<QStringList> fonts{{QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")}};
    CHECK(svgFontFamilyList(QStringLiteral("Noto Sans"), fonts) ==
          QStringLiteral("'Noto Sans', 'DejaVu Sans', sans-serif"));
    CHECK(svgFontFamilyList(QStringLiteral("O'Brien & Co"), fonts) == QStringLiteral("'O\\'Brien & Co', sans-serif"));
    CHECK(svgFontFamilyList(QStringLiteral("serif"), fonts) == QStringLiteral("serif"));

    // In a joined document the list is an attribute value like any other:
    // escaped by the XML writer, read back as it was.
    QByteArray joined;
    QBuffer buffer(&joined);
    buffer.open(QIODevice::WriteOnly);
    SvgChunkJoiner joiner(buffer, fonts);
    REQUIRE(joiner.append("<svg xmlns=\"http://www.w3.org/2000/svg\"><g font-family=\"Noto Sans\"><text "
                          "font-family=\"serif\">font-family=&quot;x&quot;</text></g></svg>"));
    REQUIRE(joiner.finish());
    QXmlStreamReader xml(joined);
    QStringList families, texts;
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            if (xml.attributes().hasAttribute(QLatin1String("font-family")))
                families << xml.attributes().value(QLatin1String("font-family")).toString();
            if (xml.name() == QLatin1String("text"))
                texts << xml.readElementText();
        }
    CHECK_FALSE(xml.hasError());
    CHECK(families == QStringList{QStringLiteral("'Noto Sans', 'DejaVu Sans', sans-serif"), QStringLiteral("serif")});
    CHECK(texts == QStringList{QStringLiteral("font-family=\"x\"")});
}
