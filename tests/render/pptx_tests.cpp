// The PowerPoint export read back as a package: every part well-formed, a
// content type for each, every relationship pointing at a part that is
// there, one slide part (and one notes slide) per page, and every card's
// words in the slides as DrawingML text (a:t), so each is an editable shape.

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include <zip.h>

#include "cjm/edit.hpp"
#include "map_exporter.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"
#include "qt_text.hpp"
#include "render_test_support.hpp"
#include "slides.hpp"

using namespace cjm;

namespace {

using Parts = std::map<QString, QByteArray>;

Parts readPackage(const QString &path)
{
    Parts parts;
    int error = 0;
    zip_t *zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    REQUIRE(zip);
    const zip_int64_t count = zip_get_num_entries(zip, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        const auto index = static_cast<zip_uint64_t>(i);
        zip_stat_t stat;
        REQUIRE(zip_stat_index(zip, index, 0, &stat) == 0);
        zip_file_t *entry = zip_fopen_index(zip, index, 0);
        REQUIRE(entry);
        QByteArray bytes(static_cast<qsizetype>(stat.size), Qt::Uninitialized);
        CHECK(zip_fread(entry, bytes.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
        zip_fclose(entry);
        const QString name = QString::fromUtf8(stat.name);
        CHECK(parts.count(name) == 0); // no part twice
        parts[name] = bytes;
    }
    zip_close(zip);
    return parts;
}

ExportResult writeDeck(const Document &document, const QString &path, const ExportProgress &progress = {},
                       const SlideSelection &selection = {})
{
    ExportOptions options;
    options.format = ExportFormat::Pptx;
    options.slides = selection;
    return exportMap(document, options, path, progress);
}

struct Element {
    QString name;
    std::map<QString, QString> attributes;
};

// Every element of a part, in order; fails the test if the XML is not well-formed.
std::vector<Element> elements(const QByteArray &xml)
{
    std::vector<Element> list;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd())
        if (reader.readNext() == QXmlStreamReader::StartElement) {
            Element e{reader.qualifiedName().toString(), {}};
            for (const QXmlStreamAttribute &a : reader.attributes())
                e.attributes[a.qualifiedName().toString()] = a.value().toString();
            list.push_back(std::move(e));
        }
    INFO(reader.errorString().toStdString());
    CHECK_FALSE(reader.hasError());
    return list;
}

// The text of each shape (p:sp) of a slide: its paragraphs joined by line breaks.
QStringList shapeTexts(const QByteArray &xml)
{
    QStringList texts;
    QXmlStreamReader reader(xml);
    QString shape, paragraph;
    int depth = 0; // open p:sp elements
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        const QString name = reader.qualifiedName().toString();
        if (token == QXmlStreamReader::StartElement) {
            if (name == QLatin1String("p:sp") && depth++ == 0)
                shape.clear();
            else if (name == QLatin1String("a:p"))
                paragraph.clear();
            else if (name == QLatin1String("a:t"))
                paragraph += reader.readElementText();
        } else if (token == QXmlStreamReader::EndElement) {
            if (name == QLatin1String("a:p"))
                shape += (shape.isEmpty() ? QString() : QStringLiteral("\n")) + paragraph;
            else if (name == QLatin1String("p:sp") && --depth == 0)
                texts << shape;
        }
    }
    CHECK_FALSE(reader.hasError());
    return texts;
}

QString partOf(const QString &relationshipsPart)
{
    // "ppt/slides/_rels/slide1.xml.rels" -> "ppt/slides/slide1.xml"
    QString part = relationshipsPart;
    part.remove(QStringLiteral("_rels/"));
    part.chop(5);
    return part;
}

QStringList partsUnder(const Parts &parts, const QString &folder)
{
    QStringList found;
    for (const auto &[name, bytes] : parts)
        if (name.startsWith(folder) && name.endsWith(QLatin1String(".xml")) && !name.contains(QLatin1String("_rels")))
            found << name;
    return found;
}

} // namespace

TEST_CASE("PowerPoint: a well-formed package whose every relationship resolves", "[export][pptx]")
{
    const Document doc = test::loadSample("ecommerce-en.cjm");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deck.pptx"));
    const ExportResult result = writeDeck(doc, path);
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    const Parts parts = readPackage(path);

    // Content types: the defaults and one override per part; every part has one.
    REQUIRE(parts.count(QStringLiteral("[Content_Types].xml")));
    std::map<QString, QString> overrides, defaults;
    for (const Element &e : elements(parts.at(QStringLiteral("[Content_Types].xml")))) {
        if (e.name == QLatin1String("Override"))
            overrides[e.attributes.at(QStringLiteral("PartName"))] = e.attributes.at(QStringLiteral("ContentType"));
        if (e.name == QLatin1String("Default"))
            defaults[e.attributes.at(QStringLiteral("Extension"))] = e.attributes.at(QStringLiteral("ContentType"));
    }
    CHECK(defaults[QStringLiteral("rels")] ==
          QLatin1String("application/vnd.openxmlformats-package.relationships+xml"));
    CHECK(overrides[QStringLiteral("/ppt/presentation.xml")] ==
          QLatin1String("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"));
    for (const auto &[partName, type] : overrides) {
        INFO(partName.toStdString());
        CHECK(parts.count(partName.mid(1)) == 1);
    }
    for (const auto &[name, bytes] : parts) {
        INFO(name.toStdString());
        if (name == QLatin1String("[Content_Types].xml"))
            continue;
        const QString extension = name.section(QLatin1Char('.'), -1);
        CHECK((overrides.count(QLatin1Char('/') + name) || defaults.count(extension)));
        if (name.endsWith(QLatin1String(".xml")) || name.endsWith(QLatin1String(".rels")))
            elements(bytes); // well-formed, every XML part
    }

    // Relationships: every target is a part of the package, and the ids a
    // part refers to (r:id) are ids of its own relationships.
    std::map<QString, std::map<QString, QString>> targets; // part -> id -> target part
    for (const auto &[name, bytes] : parts) {
        if (!name.endsWith(QLatin1String(".rels")))
            continue;
        const QString source = partOf(name);
        const QString folder = source.contains(QLatin1Char('/')) ? source.section(QLatin1Char('/'), 0, -2) : QString();
        if (name != QLatin1String("_rels/.rels"))
            CHECK(parts.count(source) == 1);
        for (const Element &e : elements(bytes)) {
            if (e.name != QLatin1String("Relationship"))
                continue;
            const QString target = QDir::cleanPath(folder.isEmpty() ? e.attributes.at(QStringLiteral("Target"))
                                                                    : folder + QLatin1Char('/') +
                                                                          e.attributes.at(QStringLiteral("Target")));
            INFO(name.toStdString() << " -> " << target.toStdString());
            CHECK(parts.count(target) == 1);
            targets[name == QLatin1String("_rels/.rels") ? QString() : source][e.attributes.at(QStringLiteral("Id"))] =
                target;
        }
    }
    for (const auto &[name, bytes] : parts) {
        if (!name.endsWith(QLatin1String(".xml")) || name.contains(QLatin1String("_rels")))
            continue;
        for (const Element &e : elements(bytes))
            for (const QString &attribute : {QStringLiteral("r:id"), QStringLiteral("r:embed")})
                if (auto id = e.attributes.find(attribute); id != e.attributes.end()) {
                    INFO(name.toStdString() << " refers to " << id->second.toStdString());
                    CHECK(targets[name].count(id->second) == 1);
                }
    }
    CHECK(targets[QString()].size() == 3); // presentation, core and app properties
    CHECK(std::any_of(targets[QString()].begin(), targets[QString()].end(),
                      [](const auto &t) { return t.second == QLatin1String("ppt/presentation.xml"); }));

    // The masters PowerPoint needs: a slide master with a layout and a theme, a notes master.
    CHECK(partsUnder(parts, QStringLiteral("ppt/slideMasters/")).size() == 1);
    CHECK(partsUnder(parts, QStringLiteral("ppt/slideLayouts/")).size() == 1);
    CHECK(partsUnder(parts, QStringLiteral("ppt/notesMasters/")).size() == 1);
    CHECK_FALSE(partsUnder(parts, QStringLiteral("ppt/theme/")).isEmpty());

    // One slide part and one notes slide per page of the slides, in the presentation's list.
    REQUIRE(result.pages > 0);
    CHECK(static_cast<std::size_t>(result.pages) == SlideDeck::build(doc).size());
    const auto presentation = elements(parts.at(QStringLiteral("ppt/presentation.xml")));
    const auto slideIds = std::count_if(presentation.begin(), presentation.end(),
                                        [](const Element &e) { return e.name == QLatin1String("p:sldId"); });
    CHECK(slideIds == result.pages);
    CHECK(partsUnder(parts, QStringLiteral("ppt/slides/")).size() == result.pages);
    CHECK(partsUnder(parts, QStringLiteral("ppt/notesSlides/")).size() == result.pages);
    const auto size = std::find_if(presentation.begin(), presentation.end(),
                                   [](const Element &e) { return e.name == QLatin1String("p:sldSz"); });
    REQUIRE(size != presentation.end());
    CHECK(size->attributes.at(QStringLiteral("cx")) == QLatin1String("12192000")); // 13.333 in
    CHECK(size->attributes.at(QStringLiteral("cy")) == QLatin1String("6858000"));  // 7.5 in
}

TEST_CASE("PowerPoint: every card, stage and lane is a text shape; notes hold descriptions", "[export][pptx]")
{
    const std::string sample = GENERATE(std::string("ecommerce-en.cjm"), std::string("retail-zh.cjm"));
    INFO(sample);
    const Document doc = test::loadSample(sample);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deck.pptx"));
    REQUIRE(writeDeck(doc, path).ok);
    const Parts parts = readPackage(path);
    QStringList shapes, notes;
    QString slideXml;
    for (const QString &slide : partsUnder(parts, QStringLiteral("ppt/slides/"))) {
        shapes << shapeTexts(parts.at(slide));
        slideXml += QString::fromUtf8(parts.at(slide));
    }
    for (const QString &part : partsUnder(parts, QStringLiteral("ppt/notesSlides/")))
        notes << shapeTexts(parts.at(part));
    const auto hasShapeStartingWith = [&](const QString &text) {
        return std::any_of(shapes.begin(), shapes.end(), [&](const QString &shape) { return shape.startsWith(text); });
    };
    for (const Card &card : doc.cards()) {
        INFO(card.id << ": " << card.text);
        QString text = toQString(card.text);
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        CHECK(hasShapeStartingWith(text));
    }
    for (const Stage &stage : doc.stages())
        CHECK(hasShapeStartingWith(toQString(stage.name)));
    for (const Lane &lane : doc.lanes())
        if (!lane.hidden && !lane.title.empty())
            CHECK(hasShapeStartingWith(toQString(lane.title)));
    for (const Persona &persona : doc.personas())
        CHECK(std::any_of(shapes.begin(), shapes.end(),
                          [&](const QString &shape) { return shape.contains(toQString(persona.name)); }));
    // The curve is a freeform of Bézier segments, not a picture.
    CHECK(slideXml.contains(QLatin1String("<a:custGeom>")));
    CHECK(slideXml.contains(QLatin1String("<a:cubicBezTo>")));
    // Speaker notes: every stage's description and every card's notes.
    const QString allNotes = notes.join(QLatin1Char('\n'));
    for (const Stage &stage : doc.stages())
        if (!stage.description.empty())
            CHECK(allNotes.contains(toQString(stage.description)));
    for (const Card &card : doc.cards())
        if (!card.notes.empty())
            CHECK(allNotes.contains(toQString(card.notes)));
}

TEST_CASE("PowerPoint: text from the map is data, whatever it holds", "[export][pptx]")
{
    Document doc = test::loadSample("ecommerce-en.cjm");
    std::vector<Card> cards = doc.cards();
    REQUIRE(cards.size() > 3);
    cards[0].text = "<b>bold?</b> & \"quotes\"\nsecond line";
    cards[1].text = std::string("bell\x07 and form feed\x0c gone");
    cards[1].notes = "]]> <!-- not a comment -->";
    cards[2].text = "\u05E9\u05DC\u05D5\u05DD 42"; // Hebrew: a right-to-left paragraph
    const Document hostile = Document::fromParts(doc.journey(), doc.personas(), doc.stages(), doc.lanes(),
                                                 std::move(cards), doc.generator(), doc.unknown());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deck.pptx"));
    REQUIRE(writeDeck(hostile, path).ok);
    const Parts parts = readPackage(path);
    QStringList shapes, notes;
    for (const QString &slide : partsUnder(parts, QStringLiteral("ppt/slides/")))
        shapes << shapeTexts(parts.at(slide));
    for (const QString &part : partsUnder(parts, QStringLiteral("ppt/notesSlides/")))
        notes << shapeTexts(parts.at(part));
    CHECK(std::any_of(shapes.begin(), shapes.end(), [](const QString &s) {
        return s.startsWith(QStringLiteral("<b>bold?</b> & \"quotes\"\nsecond line"));
    }));
    // Characters XML 1.0 cannot hold are left out; the rest stays.
    CHECK(std::any_of(shapes.begin(), shapes.end(),
                      [](const QString &s) { return s.startsWith(QStringLiteral("bell and form feed gone")); }));
    CHECK(notes.join(QLatin1Char('\n')).contains(QStringLiteral("]]> <!-- not a comment -->")));
    CHECK(std::any_of(shapes.begin(), shapes.end(),
                      [](const QString &s) { return s.startsWith(QString::fromUtf8("\u05E9\u05DC\u05D5\u05DD 42")); }));
    QByteArray slides;
    for (const QString &slide : partsUnder(parts, QStringLiteral("ppt/slides/")))
        slides += parts.at(slide);
    CHECK(slides.contains(R"(<a:pPr algn="l" rtl="1"/>)"));
}

TEST_CASE("PowerPoint: a cancelled or failed export leaves nothing behind", "[export][pptx]")
{
    const Document doc = test::loadSample("ecommerce-en.cjm");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deck.pptx"));
    int calls = 0;
    const ExportResult cancelled = writeDeck(doc, path, [&](int, int) { return ++calls < 2; });
    CHECK_FALSE(cancelled.ok);
    CHECK(cancelled.error.contains(QStringLiteral("cancelled")));
    CHECK_FALSE(QFile::exists(path));
    const ExportResult missing = writeDeck(doc, dir.filePath(QStringLiteral("no/such/folder/deck.pptx")));
    CHECK_FALSE(missing.ok);
    CHECK(missing.error.contains(QStringLiteral("deck.pptx")));
    CHECK(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
}

TEST_CASE("PowerPoint: the slides of a selection, on a 4:3 page", "[export][pptx]")
{
    const Document doc = test::loadSample("ecommerce-en.cjm");
    SlideSelection selection;
    selection.personaIds = {doc.personas().at(1).id};
    REQUIRE(slideAspectFromName(QStringLiteral("4:3"), selection.aspect));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deck.pptx"));
    const ExportResult result = writeDeck(doc, path, {}, selection);
    REQUIRE(result.ok);
    CHECK(static_cast<std::size_t>(result.pages) == SlideDeck::build(doc, selection).size());
    const Parts parts = readPackage(path);
    CHECK(parts.at(QStringLiteral("ppt/presentation.xml")).contains(R"(<p:sldSz cx="9144000" cy="6858000"/>)"));
    QStringList shapes;
    for (const QString &slide : partsUnder(parts, QStringLiteral("ppt/slides/")))
        shapes << shapeTexts(parts.at(slide));
    std::set<std::string> selectedTexts;
    for (const Card &card : doc.cards())
        if (card.persona == selection.personaIds.front())
            selectedTexts.insert(card.text);
    for (const Card &card : doc.cards()) {
        const QString text = toQString(card.text);
        const bool shown =
            std::any_of(shapes.begin(), shapes.end(), [&](const QString &s) { return s.startsWith(text); });
        INFO(card.text);
        if (card.persona == selection.personaIds.front())
            CHECK(shown);
        else if (!selectedTexts.count(card.text)) // the same words (a department) may be on both
            CHECK_FALSE(shown);
    }
}

TEST_CASE("PowerPoint: a card's picture and the lane icons are pictures in the package", "[export][pptx]")
{
    // The every-field map's picture on the first card of a sample.
    auto read = readDocumentFile(std::string(CJM_TEST_DATA_DIR) + "/every-field/input.cjm");
    REQUIRE(read.ok());
    const auto source = std::find_if(read.document->cards().begin(), read.document->cards().end(),
                                     [](const Card &c) { return c.image.has_value(); });
    REQUIRE(source != read.document->cards().end());
    const Document sample = test::loadSample("ecommerce-en.cjm");
    std::vector<Card> cards = sample.cards();
    cards.front().image = source->image;
    const Document doc = Document::fromParts(sample.journey(), sample.personas(), sample.stages(), sample.lanes(),
                                             std::move(cards), sample.generator(), sample.unknown());
    const Card *const withPicture = &doc.cards().front();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deck.pptx"));
    REQUIRE(writeDeck(doc, path).ok);
    const Parts parts = readPackage(path);
    QStringList media;
    for (const auto &[name, bytes] : parts)
        if (name.startsWith(QLatin1String("ppt/media/"))) {
            media << name;
            CHECK(bytes.startsWith("\x89PNG"));
        }
    CHECK(media.size() >= 2); // the card's picture and at least one lane icon
    QString slides;
    for (const QString &slide : partsUnder(parts, QStringLiteral("ppt/slides/")))
        slides += QString::fromUtf8(parts.at(slide));
    CHECK(slides.contains(QStringLiteral("name=\"Card %1 picture\"").arg(toQString(withPicture->id))));
    // Its text is still the card's own text shape, under the picture.
    QStringList shapes;
    for (const QString &slide : partsUnder(parts, QStringLiteral("ppt/slides/")))
        shapes << shapeTexts(parts.at(slide));
    CHECK(std::any_of(shapes.begin(), shapes.end(),
                      [&](const QString &shape) { return shape.startsWith(toQString(withPicture->text)); }));
    CHECK(slides.contains(QLatin1String("name=\"Lane icon\"")));
}

TEST_CASE("PowerPoint: desired scores are a dashed freeform in the persona's colour, none without them",
          "[export][pptx][desired]")
{
    Document doc = test::loadSample("ecommerce-en.cjm");
    MapLayout layout;
    layout.rebuild(doc);
    const MapPainter painter(doc, layout);
    std::set<QString> personaColors;
    for (int band = 0; band < static_cast<int>(layout.bands().size()); ++band)
        personaColors.insert(painter.personaColor(band).name(QColor::HexRgb).mid(1).toUpper());
    REQUIRE(personaColors.size() == doc.personas().size());

    // The shapes named as the target curve, each as its XML.
    auto desiredShapes = [](const Document &document) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("deck.pptx"));
        REQUIRE(writeDeck(document, path).ok);
        const Parts parts = readPackage(path);
        QStringList shapes;
        for (const QString &slide : partsUnder(parts, QStringLiteral("ppt/slides/"))) {
            const QString xml = QString::fromUtf8(parts.at(slide));
            for (qsizetype at = xml.indexOf(QLatin1String("name=\"Desired emotion curve\"")); at >= 0;
                 at = xml.indexOf(QLatin1String("name=\"Desired emotion curve\""), at + 1))
                shapes << xml.mid(at, xml.indexOf(QLatin1String("</p:sp>"), at) - at);
        }
        return shapes;
    };
    CHECK(desiredShapes(doc).isEmpty());

    for (const Card &original : std::vector<Card>(doc.cards().begin(), doc.cards().end()))
        if (original.score) {
            Card card = original;
            card.desired = *card.score <= 1 ? 3 : -3;
            REQUIRE(updateCard(card)->apply(doc));
        }
    const QStringList shapes = desiredShapes(doc);
    std::set<QString> colorsSeen;
    for (const QString &shape : shapes) {
        INFO(shape.toStdString());
        CHECK(shape.contains(QLatin1String("<a:custGeom>")));
        CHECK(shape.contains(QLatin1String("<a:cubicBezTo>")));
        CHECK(shape.contains(QLatin1String("<a:prstDash val=\"dash\"/>")));
        for (const QString &color : personaColors)
            if (shape.contains(QStringLiteral("<a:srgbClr val=\"%1\"/>").arg(color)))
                colorsSeen.insert(color);
    }
    // Every persona's emotions have targets: each has its dashed curve in its colour.
    CHECK(shapes.size() >= static_cast<qsizetype>(doc.personas().size()));
    CHECK(colorsSeen == personaColors);
}

TEST_CASE("PowerPoint: a Chinese persona name stands upright as the painter writes it, others run rotated",
          "[export][pptx]")
{
    // The painter sets a name whose first strong character is Han upright,
    // top to bottom (MapPainter::personaNameLayout); the deck says the same
    // with East Asian vertical text rather than turning the name 90°.
    const auto [sample, vertical] =
        GENERATE(std::pair<std::string, QString>{"retail-zh.cjm", QStringLiteral("eaVert")},
                 std::pair<std::string, QString>{"ecommerce-en.cjm", QStringLiteral("vert270")});
    INFO(sample);
    const Document doc = test::loadSample(sample);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deck.pptx"));
    REQUIRE(writeDeck(doc, path).ok);
    const Parts parts = readPackage(path);
    int names = 0;
    for (const QString &slide : partsUnder(parts, QStringLiteral("ppt/slides/"))) {
        INFO(slide.toStdString());
        QString shape;
        for (const Element &e : elements(parts.at(slide))) {
            if (e.name == QLatin1String("p:cNvPr"))
                shape =
                    e.attributes.count(QStringLiteral("name")) ? e.attributes.at(QStringLiteral("name")) : QString();
            else if (e.name == QLatin1String("a:bodyPr") && shape == QLatin1String("Persona name")) {
                ++names;
                REQUIRE(e.attributes.count(QStringLiteral("vert")));
                CHECK(e.attributes.at(QStringLiteral("vert")) == vertical);
            }
        }
    }
    CHECK(names == static_cast<int>(SlideDeck::build(doc).size())); // one name on every slide
}

namespace {

// The XML of the first shape named `name` in `xml` (its p:sp element), or "".
QString shapeXml(const QString &xml, const QString &name)
{
    const qsizetype at = xml.indexOf(QStringLiteral("name=\"%1\"").arg(name));
    if (at < 0)
        return {};
    const qsizetype start = xml.lastIndexOf(QLatin1String("<p:sp>"), at);
    return xml.mid(start, xml.indexOf(QLatin1String("</p:sp>"), at) + 7 - start);
}

// The texts of a fragment of a slide (as shapeXml cuts it): with the
// namespaces the slide declares, so it reads as XML on its own.
QStringList fragmentTexts(const QString &fragment)
{
    return shapeTexts((QStringLiteral("<r xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                                      "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" "
                                      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                      "relationships\">") +
                       fragment + QStringLiteral("</r>"))
                          .toUtf8());
}

// A shape's box (a:off, a:ext) in EMU.
QRectF shapeBox(const QString &shape)
{
    const QRegularExpression off(QStringLiteral(R"re(<a:off x="(-?\d+)" y="(-?\d+)"/>)re"));
    const QRegularExpression ext(QStringLiteral(R"re(<a:ext cx="(\d+)" cy="(\d+)"/>)re"));
    const auto o = off.match(shape), e = ext.match(shape);
    if (!o.hasMatch() || !e.hasMatch())
        return {};
    return QRectF(o.captured(1).toDouble(), o.captured(2).toDouble(), e.captured(1).toDouble(),
                  e.captured(2).toDouble());
}

} // namespace

TEST_CASE("PowerPoint: a long stage name is elided on one line inside its header, clear of the title",
          "[export][pptx][stage]")
{
    Document doc = test::loadSample("ecommerce-en.cjm");
    std::vector<Stage> stages = doc.stages();
    stages.front().name = std::string(300, 'A');
    doc = Document::fromParts(doc.journey(), doc.personas(), std::move(stages), doc.lanes(), doc.cards(),
                              doc.generator(), doc.unknown());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deck.pptx"));
    REQUIRE(writeDeck(doc, path).ok);
    const Parts parts = readPackage(path);
    const QString slide = QString::fromUtf8(parts.at(QStringLiteral("ppt/slides/slide1.xml")));
    // The group is named after the stage; its text shape is the second shape
    // so named (the first is the group's p:cNvPr).
    const QString stageName = QStringLiteral("name=\"Stage %1\"").arg(QString(300, QLatin1Char('A')));
    const qsizetype group = slide.indexOf(stageName);
    REQUIRE(group >= 0);
    const qsizetype textAt = slide.indexOf(stageName, group + 1);
    REQUIRE(textAt >= 0);
    const qsizetype start = slide.lastIndexOf(QLatin1String("<p:sp>"), textAt);
    const QString text = slide.mid(start, slide.indexOf(QLatin1String("</p:sp>"), textAt) + 7 - start);
    const QStringList words = fragmentTexts(text);
    REQUIRE(words.size() == 1);
    CHECK(words.front().endsWith(QChar(0x2026)));
    CHECK(words.front().size() < 100);
    CHECK(text.contains(QLatin1String("wrap=\"none\"")));
    const QRectF title = shapeBox(shapeXml(slide, QStringLiteral("Title")));
    const QRectF number = shapeBox(shapeXml(slide, QStringLiteral("Slide number")));
    const QRectF box = shapeBox(text);
    REQUIRE(!box.isEmpty());
    CHECK_FALSE(box.intersects(title));
    CHECK_FALSE(box.intersects(number));
}

TEST_CASE("PowerPoint: a right-to-left map title keeps its order (marks, not isolates)", "[export][pptx][bidi]")
{
    Document doc = test::loadSample("ecommerce-en.cjm");
    Journey journey = doc.journey();
    journey.title = "\u0645\u0631\u062D\u0628\u0627 file.txt"; // Arabic, then Latin inside the same title
    doc = Document::fromParts(journey, doc.personas(), doc.stages(), doc.lanes(), doc.cards(), doc.generator(),
                              doc.unknown());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deck.pptx"));
    REQUIRE(writeDeck(doc, path).ok);
    const Parts parts = readPackage(path);
    const QString slide = QString::fromUtf8(parts.at(QStringLiteral("ppt/slides/slide1.xml")));
    const QStringList title = fragmentTexts(shapeXml(slide, QStringLiteral("Title")));
    REQUIRE(title.size() == 1);
    // The title's isolate as marks LibreOffice and PowerPoint honour: RLM
    // (its own direction) before, LRM (the left-to-right title's) after.
    CHECK(title.front().startsWith(QString(QChar(0x200F)) +
                                   QString::fromUtf8("\u0645\u0631\u062D\u0628\u0627 file.txt") + QChar(0x200E)));
    for (char16_t c : {u'\u202A', u'\u202B', u'\u202C'})
        CHECK_FALSE(slide.contains(QChar(c)));
    for (char16_t c : {u'\u2066', u'\u2067', u'\u2068', u'\u2069'})
        CHECK_FALSE(slide.contains(QChar(c)));
    CHECK_FALSE(shapeXml(slide, QStringLiteral("Title")).contains(QLatin1String("rtl=\"1\"")));
}

TEST_CASE("PowerPoint: an override typed in the map's title ends with the title, as in the PDF", "[export][pptx][bidi]")
{
    Document doc = test::loadSample("ecommerce-en.cjm");
    Journey journey = doc.journey();
    // An override never closed, and a PDF that would close one outside the title.
    journey.title = "Evil \u202eTITLE reversed";
    doc = Document::fromParts(journey, doc.personas(), doc.stages(), doc.lanes(), doc.cards(), doc.generator(),
                              doc.unknown());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deck.pptx"));
    REQUIRE(writeDeck(doc, path).ok);
    const Parts parts = readPackage(path);
    const QString slide = QString::fromUtf8(parts.at(QStringLiteral("ppt/slides/slide1.xml")));
    const QStringList title = fragmentTexts(shapeXml(slide, QStringLiteral("Title")));
    REQUIRE(title.size() == 1);
    const QString text = title.front();
    // The override and the PDF that ends it, both before the names after the title.
    const qsizetype override = text.indexOf(QChar(0x202E));
    const qsizetype end = text.indexOf(QChar(0x202C));
    const qsizetype after = text.indexOf(QString::fromUtf8("\u00B7"));
    INFO(text.toStdString());
    REQUIRE(override >= 0);
    REQUIRE(after > 0);
    CHECK(end > override);
    CHECK(end < after);
    CHECK(text.count(QChar(0x202E)) == text.count(QChar(0x202C)));

    // A stray PDF in a title closes nothing outside it.
    journey.title = "\u202eOuter";
    Persona persona = doc.personas().front();
    persona.name = "Name \u202c end";
    std::vector<Persona> personas = doc.personas();
    personas.front() = persona;
    doc =
        Document::fromParts(journey, personas, doc.stages(), doc.lanes(), doc.cards(), doc.generator(), doc.unknown());
    REQUIRE(writeDeck(doc, path).ok);
    const QString again = QString::fromUtf8(readPackage(path).at(QStringLiteral("ppt/slides/slide1.xml")));
    const QStringList titleAgain = fragmentTexts(shapeXml(again, QStringLiteral("Title")));
    REQUIRE(titleAgain.size() == 1);
    CHECK(titleAgain.front().count(QChar(0x202E)) == titleAgain.front().count(QChar(0x202C)));
}

TEST_CASE("PowerPoint: stage names are as heavy as in the PDF: Latin semi-bold, Chinese regular",
          "[export][pptx][stage]")
{
    const auto [sample, bold] = GENERATE(std::pair<std::string, bool>{"retail-zh.cjm", false},
                                         std::pair<std::string, bool>{"ecommerce-en.cjm", true});
    INFO(sample);
    const Document doc = test::loadSample(sample);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deck.pptx"));
    REQUIRE(writeDeck(doc, path).ok);
    const Parts parts = readPackage(path);
    const QString slide = QString::fromUtf8(parts.at(QStringLiteral("ppt/slides/slide1.xml")));
    const QString stageName = QStringLiteral("name=\"Stage %1\"").arg(toQString(doc.stages().front().name));
    const qsizetype textAt = slide.indexOf(stageName, slide.indexOf(stageName) + 1);
    REQUIRE(textAt >= 0);
    const QString text = slide.mid(textAt, slide.indexOf(QLatin1String("</p:sp>"), textAt) - textAt);
    const QRegularExpression run(QStringLiteral(R"(<a:rPr [^>]*>)"));
    int runs = 0;
    for (auto it = run.globalMatch(text); it.hasNext(); ++runs)
        CHECK(it.next().captured(0).contains(QLatin1String(" b=\"1\"")) == bold);
    CHECK(runs >= 1);
}

TEST_CASE("PowerPoint: runs say their language, fonts say their character set, wrapped text may shrink",
          "[export][pptx][fonts]")
{
    const Document doc = test::loadSample("retail-zh.cjm");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deck.pptx"));
    REQUIRE(writeDeck(doc, path).ok);
    const Parts parts = readPackage(path);
    const QString slide = QString::fromUtf8(parts.at(QStringLiteral("ppt/slides/slide1.xml")));
    CHECK_FALSE(slide.contains(QLatin1String("x-none")));
    // Chinese runs are Chinese (the sample's zh-CN), with English as the alternative.
    CHECK(slide.contains(QLatin1String("lang=\"zh-CN\" altLang=\"en-US\"")));
    // The East Asian face names GB 2312, so a PowerPoint without it takes a
    // Simplified Chinese face; the theme lists the usual faces per script.
    CHECK(slide.contains(QLatin1String("charset=\"-122\"")));
    const QString theme = QString::fromUtf8(parts.at(QStringLiteral("ppt/theme/theme1.xml")));
    CHECK(theme.contains(QLatin1String("<a:font script=\"Hans\" typeface=\"Microsoft YaHei\"/>")));
    // Card text wraps and may shrink to its box; one-line texts do not autofit.
    CHECK(slide.contains(QLatin1String("<a:normAutofit/>")));
    const QString title = shapeXml(slide, QStringLiteral("Title"));
    CHECK(title.contains(QLatin1String("<a:noAutofit/>")));

    // A Traditional Chinese map says so, Big5.
    Journey journey = doc.journey();
    journey.language = "zh-TW";
    const Document traditional = Document::fromParts(journey, doc.personas(), doc.stages(), doc.lanes(), doc.cards(),
                                                     doc.generator(), doc.unknown());
    REQUIRE(writeDeck(traditional, path).ok);
    const QString tw = QString::fromUtf8(readPackage(path).at(QStringLiteral("ppt/slides/slide1.xml")));
    CHECK(tw.contains(QLatin1String("lang=\"zh-TW\" altLang=\"en-US\"")));
    CHECK(tw.contains(QLatin1String("charset=\"-120\"")));
}
