// Exports write their file as they go, to a temporary file beside the
// target: a failed or cancelled export must leave an existing file as it was.
// The SVG and PDF exports also paint a chunk of cards at a time: what they
// write must be what one piece would show.

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <csignal>
#include <exception>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <sys/resource.h>
#include <sys/stat.h>

#include "cjm/edit.hpp"
#include "map_exporter.hpp"
#include "map_language.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"
#include "qt_text.hpp"
#include "render_test_support.hpp"
#include "svg_chunk_joiner.hpp"

using namespace cjm;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

// Makes writes past `bytes` in any file fail (EFBIG), as a full disk would,
// for the life of the object.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
};

} // namespace

TEST_CASE("a failed export leaves an existing file as it was, and no temporary file", "[export][safety]")
{
    auto doc = test::loadSample("retail-zh.cjm");
    for (const char *suffix : {"svg", "pdf", "png"}) {
        INFO(suffix);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.") + QLatin1String(suffix));
        const QByteArray old("the previous export\n");
        writeFile(path, old);
        ExportOptions options;
        REQUIRE(exportFormatFromPath(path, options.format));
        ExportResult result;
        {
            const FileSizeLimit limit(16 * 1024); // every export of this map is larger
            result = exportMap(doc, options, path);
        }
        CHECK_FALSE(result.ok);
        CHECK(result.error.contains(QStringLiteral("Could not write")));
        CHECK(test::readFileBytes(path) == old);
        CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QFileInfo(path).fileName()});
    }
}

TEST_CASE("a cancelled export leaves an existing file as it was", "[export][safety]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    struct Case {
        const char *suffix;
        PdfLayout layout;
    };
    for (const Case &c :
         {Case{"pdf", PdfLayout::PerPersona}, Case{"svg", PdfLayout::FitToPage}, Case{"pdf", PdfLayout::FitToPage}}) {
        INFO(c.suffix << " layout " << static_cast<int>(c.layout));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.") + QLatin1String(c.suffix));
        const QByteArray old("the previous export\n");
        writeFile(path, old);
        ExportOptions options;
        REQUIRE(exportFormatFromPath(path, options.format));
        options.pdfLayout = c.layout;
        int calls = 0;
        const ExportResult result = exportMap(doc, options, path, [&](int done, int total) {
            ++calls;
            CHECK(total > 1); // a page per persona, or the chunks of the fitted page or the SVG
            return done < 2;  // cancel after the second
        });
        CHECK_FALSE(result.ok);
        CHECK(result.error.contains(QStringLiteral("cancelled")));
        CHECK(calls == 2);
        CHECK(test::readFileBytes(path) == old);
        CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QFileInfo(path).fileName()});
    }
}

TEST_CASE("an export keeps the permissions of the file it replaces", "[export][safety]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    QTemporaryDir dir;
    for (const char *suffix : {"svg", "pdf", "png"}) {
        INFO(suffix);
        const QString path = dir.filePath(QStringLiteral("map.") + QLatin1String(suffix));
        ExportOptions options;
        REQUIRE(exportFormatFromPath(path, options.format));
        REQUIRE(exportMap(doc, options, path).ok);
        struct stat info {};
        REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
        const mode_t mask = ::umask(0);
        ::umask(mask);
        CHECK((info.st_mode & 0777) == (0666 & ~mask)); // a new file: the usual permissions
        REQUIRE(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
        REQUIRE(exportMap(doc, options, path).ok);
        REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
        CHECK((info.st_mode & 0777) == 0640);
    }
}
// SVG: the background, then the cards a chunk at a time, each from its own
// QSvgGenerator, in one <svg>.

namespace {

const QString kDate = QStringLiteral("2026-01-02");

// The e-commerce sample with 1,100 more cards in one lane row of the first
// persona, so that row is cut into chunks between stages.
Document crowdedMap()
{
    Document doc = test::loadSample("ecommerce-en.cjm");
    const Lane *lane = nullptr;
    for (const Lane &l : doc.lanes())
        if (l.kind == LaneKind::Actions)
            lane = &l;
    REQUIRE(lane);
    const std::string laneId = lane->id, personaId = doc.personas().front().id;
    const std::size_t stages = doc.stages().size();
    for (std::size_t i = 0; i < 1100; ++i) {
        Card card;
        card.id = "crowd-" + std::to_string(i);
        card.persona = personaId;
        card.stage = doc.stages()[i % stages].id;
        card.lane = laneId;
        card.order = static_cast<std::int64_t>(i);
        card.text = "Crowd card " + std::to_string(i) + (i % 3 ? "" : " 第" + std::to_string(i) + "张卡片");
        REQUIRE(addCard(card)->apply(doc));
    }
    return doc;
}

Document loadMap(const std::string &name) { return name == "crowded" ? crowdedMap() : test::loadSample(name + ".cjm"); }

// What one QSvgGenerator makes of the whole map: the export before it was
// painted in chunks.
QByteArray oneGeneratorSvg(const Document &doc, const QString &title)
{
    MapLayout layout;
    layout.rebuild(doc);
    const QRectF region = layout.bounds();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setResolution(96);
    generator.setSize(region.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), region.size()));
    generator.setTitle(title);
    generator.setDescription(QStringLiteral("Customer journey map made with CJM Studio"));
    {
        QPainter painter(&generator);
        painter.translate(-region.topLeft());
        PaintOptions paint;
        paint.date = kDate;
        MapPainter(doc, layout).paintMap(&painter, region, paint);
    }
    return bytes;
}

struct SvgFacts {
    bool wellFormed = false;
    QString title, description, width, height, viewBox;
    QStringList texts;   // every <text>, in document order
    QStringList ids;     // every id attribute
    QStringList urlRefs; // the ids named in url(#...)
};

SvgFacts readSvg(const QByteArray &svg)
{
    SvgFacts facts;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto attributes = xml.attributes();
        if (xml.name() == QLatin1String("svg")) {
            facts.width = attributes.value(QLatin1String("width")).toString();
            facts.height = attributes.value(QLatin1String("height")).toString();
            facts.viewBox = attributes.value(QLatin1String("viewBox")).toString();
        }
        if (attributes.hasAttribute(QLatin1String("id")))
            facts.ids << attributes.value(QLatin1String("id")).toString();
        for (const auto &attribute : attributes) {
            const QString value = attribute.value().toString();
            if (value.startsWith(QLatin1String("url(#")))
                facts.urlRefs << value.mid(5, value.size() - 6);
        }
        if (xml.name() == QLatin1String("title"))
            facts.title = xml.readElementText();
        else if (xml.name() == QLatin1String("desc"))
            facts.description = xml.readElementText();
        else if (xml.name() == QLatin1String("text"))
            facts.texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    facts.wellFormed = !xml.hasError();
    return facts;
}

QImage renderSvg(const QByteArray &svg, const QSize &size)
{
    QSvgRenderer renderer(svg);
    REQUIRE(renderer.isValid());
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    return image;
}

qint64 differentPixels(const QImage &a, const QImage &b)
{
    REQUIRE(a.size() == b.size());
    const QImage x = a.convertToFormat(QImage::Format_ARGB32), y = b.convertToFormat(QImage::Format_ARGB32);
    qint64 different = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int column = 0; column < x.width(); ++column)
            if (p[column] != q[column])
                ++different;
    }
    return different;
}

} // namespace

TEST_CASE("an SVG painted in chunks is one valid SVG that looks like one generator's", "[export][svg]")
{
    QTemporaryDir dir;
    for (const char *name : {"retail-zh", "ecommerce-en", "crowded"}) {
        INFO(name);
        const Document doc = loadMap(name);
        ExportOptions options;
        options.format = ExportFormat::Svg;
        options.date = kDate;
        const QString path = dir.filePath(QStringLiteral("map.svg"));
        int chunks = 0;
        const ExportResult result = exportMap(doc, options, path, [&](int done, int total) {
            CHECK(done == ++chunks);
            CHECK(total >= done);
            return true;
        });
        REQUIRE(result.ok);
        CHECK(chunks > 3); // the cards came in several chunks
        const QByteArray exported = test::readFileBytes(path);
        const MapLanguageScope language(doc); // the export writes the map's words in the map's language
        const QByteArray whole = oneGeneratorSvg(doc, toQString(doc.journey().title));

        const SvgFacts facts = readSvg(exported);
        const SvgFacts expected = readSvg(whole);
        REQUIRE(facts.wellFormed);
        REQUIRE(expected.wellFormed);
        CHECK(exported.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"")); // an XML document
        CHECK(exported.contains("xmlns=\"http://www.w3.org/2000/svg\""));       // in SVG's namespace
        CHECK(exported.endsWith("</svg>\n"));
        CHECK(exported.count("<svg") == 1);
        CHECK(facts.title == toQString(doc.journey().title));
        CHECK(facts.description == expected.description);
        CHECK(facts.width == expected.width);
        CHECK(facts.height == expected.height);
        CHECK(facts.viewBox == expected.viewBox);
        // Every text, once, in the same order: every card's text exactly as often as before.
        CHECK(facts.texts.size() == expected.texts.size());
        CHECK(facts.texts == expected.texts);
        for (const Card &card : doc.cards())
            if (card.id.rfind("crowd-", 0) == 0 && card.text.find("第") == std::string::npos)
                CHECK(facts.texts.count(toQString(card.text)) == 1);
        CHECK(QSet<QString>(facts.ids.begin(), facts.ids.end()).size() == facts.ids.size());
        for (const QString &ref : facts.urlRefs)
            CHECK(facts.ids.contains(ref));

        MapLayout layout;
        layout.rebuild(doc);
        const QSize size = layout.bounds().size().toSize();
        CHECK(differentPixels(renderSvg(exported, size), renderSvg(whole, size)) == 0);
    }
}

TEST_CASE("SVG chunks keep the ids they define apart", "[export][svg]")
{
    // Each chunk's generator numbers its gradients from 1; in the one file
    // the later chunk's ids are renamed, and so are its references to them.
    const QRectF area(0, 0, 200, 100);
    auto paintGradient = [](QPainter &painter, const QRectF &rect, const QColor &from, const QColor &to) {
        QLinearGradient gradient(rect.topLeft(), rect.bottomLeft());
        gradient.setColorAt(0, from);
        gradient.setColorAt(1, to);
        painter.fillRect(rect, gradient);
    };
    auto generate = [&](const std::function<void(QPainter &)> &paint, const QString &title) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setResolution(96);
        generator.setSize(area.size().toSize());
        generator.setViewBox(area);
        generator.setTitle(title);
        generator.setDescription(title);
        {
            QPainter painter(&generator);
            paint(painter);
        }
        return bytes;
    };
    const QRectF left(0, 0, 100, 100), right(100, 0, 100, 100);
    const QByteArray first =
        generate([&](QPainter &p) { paintGradient(p, left, Qt::red, Qt::yellow); }, QStringLiteral("t"));
    const QByteArray second = generate(
        [&](QPainter &p) {
            paintGradient(p, right, Qt::blue, Qt::green);
            p.fillRect(QRectF(120, 20, 20, 20), QBrush(Qt::black, Qt::Dense4Pattern));
        },
        QString());
    const QByteArray both = generate(
        [&](QPainter &p) {
            paintGradient(p, left, Qt::red, Qt::yellow);
            paintGradient(p, right, Qt::blue, Qt::green);
            p.fillRect(QRectF(120, 20, 20, 20), QBrush(Qt::black, Qt::Dense4Pattern));
        },
        QStringLiteral("t"));
    REQUIRE(first.contains("id=\"gradient1\""));
    REQUIRE(second.contains("id=\"gradient1\""));

    // Joined as the export joins its chunks: the first one's document,
    // then the second one's drawing inside it.
    QByteArray joined;
    QBuffer joinedBuffer(&joined);
    joinedBuffer.open(QIODevice::WriteOnly);
    SvgChunkJoiner joiner(joinedBuffer, {});
    REQUIRE(joiner.append(first));
    REQUIRE(joiner.append(second));
    REQUIRE(joiner.finish());
    CHECK(joined.count("<svg") == 1);
    CHECK(joined.contains("id=\"gradient1_1\""));
    CHECK(joined.contains("fill=\"url(#gradient1_1)\""));
    CHECK(joined.count("url(#gradient1)") == 1); // the first chunk's own, unchanged
    const SvgFacts facts = readSvg(joined);
    REQUIRE(facts.wellFormed);
    CHECK(facts.title == QStringLiteral("t")); // the first chunk's; the second's empty one is left out
    CHECK(QSet<QString>(facts.ids.begin(), facts.ids.end()).size() == facts.ids.size());
    CHECK(facts.ids.size() >= 4); // two gradients, a pattern and its mask
    for (const QString &ref : facts.urlRefs)
        CHECK(facts.ids.contains(ref));
    CHECK(differentPixels(renderSvg(joined, area.size().toSize()), renderSvg(both, area.size().toSize())) == 0);

    // Whatever is not well-formed SVG is refused, saying where.
    for (const QByteArray &broken : {QByteArray("<svg><g></svg>"), QByteArray("<html/>"), QByteArray()}) {
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        SvgChunkJoiner refusing(out, {});
        CHECK_FALSE(refusing.append(broken));
        CHECK_FALSE(refusing.error().isEmpty());
        CHECK_FALSE(refusing.finish());
    }
}

TEST_CASE("an SVG's title is escaped: a map called R&D <beta> still exports valid XML", "[export][svg]")
{
    Document doc = test::loadSample("ecommerce-en.cjm");
    Journey journey = doc.journey();
    journey.title = "R&D <beta> \"quoted\"";
    doc = Document::fromParts(journey, doc.personas(), doc.stages(), doc.lanes(), doc.cards(), doc.generator(),
                              doc.unknown());
    QTemporaryDir dir;
    ExportOptions options;
    options.format = ExportFormat::Svg;
    const QString path = dir.filePath(QStringLiteral("title.svg"));
    REQUIRE(exportMap(doc, options, path).ok);
    const SvgFacts facts = readSvg(test::readFileBytes(path));
    REQUIRE(facts.wellFormed);
    CHECK(facts.title == QStringLiteral("R&D <beta> \"quoted\""));
    CHECK(facts.texts.contains(QStringLiteral("R&D <beta> \"quoted\"")));
}

// PDF: a page with many cards is painted as sub-pages, merged into one page
// with libqpdf.

namespace {

// The map fitted on PDF pages as the export lays them out, painted in one
// piece through paintMapPages (as printing does): the export before it used
// sub-pages.
void writeOnePiecePdf(const Document &doc, const ExportOptions &options, const QString &path)
{
    QPdfWriter writer(path);
    writer.setResolution(96); // as the export writes it (pdf_exporter.cpp: at 72 dpi Qt drops letter spacing)
    const QPageLayout pageLayout = exportPageLayout(doc, options);
    writer.setPageLayout(pageLayout);
    QPainter painter;
    REQUIRE(painter.begin(&writer));
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    painter.scale(96.0 / 72, 96.0 / 72);
    const QRectF page(QPointF(0, 0), pageLayout.paintRect(QPageLayout::Point).size());
    REQUIRE(paintMapPages(doc, options, painter, page, [&writer] { return writer.newPage(); }) > 0);
    painter.end();
}

// The pages of a PDF as pictures, through poppler's pdftoppm; empty when it
// is not installed.
QList<QImage> renderPdf(const QString &pdf, int dpi)
{
    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    if (pdftoppm.isEmpty())
        return {};
    QTemporaryDir dir;
    const QString prefix = dir.filePath(QStringLiteral("page"));
    QProcess process;
    process.start(pdftoppm, {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"), pdf, prefix});
    REQUIRE(process.waitForFinished(120000));
    REQUIRE(process.exitCode() == 0);
    QList<QImage> pages;
    const QStringList files = QDir(dir.path()).entryList({QStringLiteral("page*.png")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        pages << QImage(dir.filePath(file));
    return pages;
}

// The page count libqpdf reads from the file; -1 when it cannot read it.
int pdfPageCount(const QString &path)
{
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processFile(QFile::encodeName(path).constData());
        return static_cast<int>(QPDFPageDocumentHelper(pdf).getAllPages().size()) - (pdf.anyWarnings() ? 1000 : 0);
    } catch (const std::exception &) {
        return -1;
    }
}

} // namespace

TEST_CASE("a PDF page painted in sub-pages is one page that looks like one piece", "[export][pdf]")
{
    QTemporaryDir dir;
    struct Case {
        const char *map;
        PaperSize paper;
        PdfLayout layout;
        int pages;
    };
    for (const Case &c : {Case{"retail-zh", PaperSize::A4, PdfLayout::FitToPage, 1},
                          Case{"retail-zh", PaperSize::FitMap, PdfLayout::FitToPage, 1},
                          Case{"crowded", PaperSize::A3, PdfLayout::FitToPage, 1},
                          Case{"ecommerce-en", PaperSize::A4, PdfLayout::PerPersona, 3}}) {
        INFO(c.map << " paper " << static_cast<int>(c.paper) << " layout " << static_cast<int>(c.layout));
        const Document doc = loadMap(c.map);
        ExportOptions options;
        options.format = ExportFormat::Pdf;
        options.paper = c.paper;
        options.pdfLayout = c.layout;
        options.date = kDate;
        const QString path = dir.filePath(QStringLiteral("map.pdf"));
        const ExportResult result = exportMap(doc, options, path);
        REQUIRE(result.ok);
        CHECK(result.pages == c.pages);
        const QByteArray bytes = test::readFileBytes(path);
        CHECK(bytes.startsWith("%PDF-"));
        // One document (libqpdf wrote it whole), each page's sub-pages one page.
        CHECK(bytes.count("%%EOF") == 1);
        CHECK(pdfPageCount(path) == c.pages);

        const QString reference = dir.filePath(QStringLiteral("reference.pdf"));
        writeOnePiecePdf(doc, options, reference);
        const QList<QImage> exported = renderPdf(path, c.paper == PaperSize::FitMap ? 40 : 100);
        if (exported.isEmpty()) {
            WARN("pdftoppm is not installed: the pages are not compared");
            continue;
        }
        const QList<QImage> expected = renderPdf(reference, c.paper == PaperSize::FitMap ? 40 : 100);
        REQUIRE(exported.size() == c.pages);
        REQUIRE(expected.size() == c.pages);
        for (int i = 0; i < c.pages; ++i)
            CHECK(differentPixels(exported[i], expected[i]) == 0);
    }
}

TEST_CASE("a PDF with nothing to split is written as Qt writes it", "[export][pdf]")
{
    // Tiles are a page each; no page gets sub-pages, so no update is appended.
    auto doc = test::loadSample("ecommerce-en.cjm");
    QTemporaryDir dir;
    ExportOptions options;
    options.format = ExportFormat::Pdf;
    options.pdfLayout = PdfLayout::Tiles;
    options.paper = PaperSize::A3;
    const QString path = dir.filePath(QStringLiteral("tiles.pdf"));
    const ExportResult result = exportMap(doc, options, path);
    REQUIRE(result.ok);
    CHECK(result.pages > 1);
    CHECK(test::readFileBytes(path).count("%%EOF") == 1);
}

TEST_CASE("a PDF or SVG export whose intermediate result is damaged fails, naming the file and the step",
          "[export][safety]")
{
    // No second try another way: the user sees the error, and the file
    // that was there stays as it was.
    const Document doc = test::loadSample("retail-zh.cjm");
    struct Case {
        const char *suffix;
        PdfLayout layout;
        const char *step;
    };
    for (const Case &c : {Case{"pdf", PdfLayout::FitToPage, "merging each page's sub-pages into one page failed"},
                          Case{"pdf", PdfLayout::PerPersona, "merging each page's sub-pages into one page failed"},
                          Case{"svg", PdfLayout::FitToPage, "joining part 1 of the SVG failed"}}) {
        INFO(c.suffix << " layout " << static_cast<int>(c.layout));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.") + QLatin1String(c.suffix));
        const QByteArray old("the previous export\n");
        writeFile(path, old);
        ExportOptions options;
        REQUIRE(exportFormatFromPath(path, options.format));
        options.pdfLayout = c.layout;
        ExportResult result;
        {
            const detail::ScopedDamagedIntermediates damaged;
            result = exportMap(doc, options, path);
        }
        CHECK_FALSE(result.ok);
        CHECK(result.error.startsWith(QStringLiteral("Could not write ") + path + QStringLiteral(": ")));
        CHECK(result.error.contains(QLatin1String(c.step)));
        CHECK(test::readFileBytes(path) == old);
        CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QFileInfo(path).fileName()});
        // Without the damage the same export succeeds.
        CHECK(exportMap(doc, options, path).ok);
    }
}

TEST_CASE("a PDF's file of sub-pages is named as a save's temporary file, so a crash leaves it to the next sweep",
          "[export][pdf][safety]")
{
    const Document doc = test::loadSample("ecommerce-en.cjm");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.pdf"));
    ExportOptions options;
    options.format = ExportFormat::Pdf;
    const QRegularExpression temporary(QStringLiteral("^\\.map\\.pdf\\.[A-Za-z0-9]{6}$"));
    QStringList during;
    REQUIRE(exportMap(doc, options, path, [&](int, int) {
                if (during.isEmpty())
                    during = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
                return true;
            }).ok);
    // While it paints: the export's own temporary file, and the sub-pages'
    // file (Qt keeps it without a name until it is read back, where the file
    // system allows it): each named as a save's temporary file.
    INFO(during.join(QLatin1Char(' ')).toStdString());
    CHECK((during.size() == 1 || during.size() == 2));
    for (const QString &name : during)
        CHECK(temporary.match(name).hasMatch());
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("map.pdf")});

    // One left behind by an export that was killed goes with the next one.
    const QString leftover = dir.filePath(QStringLiteral(".map.pdf.AbC123"));
    writeFile(leftover, "%PDF-1.4 sub-pages of a killed export");
    QFile file(leftover);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.setFileTime(QDateTime::currentDateTime().addDays(-1), QFileDevice::FileModificationTime));
    file.close();
    REQUIRE(exportMap(doc, options, path).ok);
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("map.pdf")});
}
