#include "pptx_exporter.hpp"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QMarginsF>
#include <QPainter>
#include <QPainterPath>
#include <QSvgRenderer>
#include <QXmlStreamWriter>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>

#include "atomic_file.hpp"
#include "card_text.hpp"
#include "embedded_image.hpp"
#include "export_support.hpp"
#include "map_language.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"
#include "map_style.hpp"
#include "qt_text.hpp"
#include "slides.hpp"
#include "zip_archive.hpp"

namespace cjm {

using namespace exporting;

namespace {

// ---------------------------------------------------------------------------
// Units. Slides are measured in points (a slides page is 960 × 540 pt at
// 16:9); DrawingML measures in EMU, 12,700 to the point (914,400 to the inch).

constexpr qint64 kEmuPerPoint = 12700;
qint64 emu(qreal points) { return qRound64(points * kEmuPerPoint); }
// DrawingML sizes text in hundredths of a point, from 1 pt to 4,000 pt.
int hundredthsOfPoint(qreal points) { return std::clamp(qRound(points * 100), 100, 400000); }
QString hex(const QColor &color) { return color.name(QColor::HexRgb).mid(1).toUpper(); }

// What XML 1.0 cannot carry (most control characters, lone surrogates,
// U+FFFE and U+FFFF) would make the part unreadable: such characters are
// left out of the text, everything else is written as typed.
QString xmlText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        const bool allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
                             (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
        if (allowed)
            out += QString::fromUcs4(&c, 1);
    }
    return out;
}

// The painter draws every text from the map as a bidi isolate (FSI ... PDI,
// see isolatedText), but LibreOffice (7.4) lays isolates out as if they were
// not there, and embeddings (LRE, RLE) wrongly: a title whose map title ends
// in Arabic showed the Arabic first. DrawingML has no direction per run
// (a:pPr rtl is the paragraph's), so each isolate is written as marks both
// honour: at its start the mark of its own direction (FSI: its first strong
// letter's), at its end the mark of the text around it, so the neutrals
// after it (" · ") go with the title around it, not with the Arabic. An
// isolate with no strong letter reorders nothing and is left out.
// An isolate ends every embedding and override typed inside it (U+202A,
// U+202B, U+202D, U+202E); a mark ends none, so each still open is closed
// with a PDF (U+202C) where its isolate ended, and a PDF that would close
// one opened outside the isolate is left out: a typed override never
// reverses the names written after the map's text.
QString marksForIsolates(const QString &text, bool paragraphRtl)
{
    constexpr char16_t kLri = 0x2066, kRli = 0x2067, kFsi = 0x2068, kPdi = 0x2069;
    constexpr char16_t kLrm = 0x200E, kRlm = 0x200F;
    constexpr char16_t kLre = 0x202A, kRle = 0x202B, kPdf = 0x202C, kLro = 0x202D, kRlo = 0x202E;
    // The first strong direction from `from` to the isolate's end (nested isolates skipped).
    const auto firstStrong = [&](qsizetype from) -> std::optional<bool> {
        int depth = 0;
        for (qsizetype i = from; i < text.size(); ++i) {
            const char16_t c = text[i].unicode();
            if (c == kLri || c == kRli || c == kFsi) {
                ++depth;
            } else if (c == kPdi) {
                if (depth-- == 0)
                    return std::nullopt;
            } else if (depth == 0) {
                const QChar::Direction d = text[i].direction();
                if (d == QChar::DirL)
                    return false;
                if (d == QChar::DirR || d == QChar::DirAL)
                    return true;
            }
        }
        return std::nullopt;
    };
    QString out;
    out.reserve(text.size() + 4);
    std::vector<bool> open{paragraphRtl}; // the direction of each open level, the paragraph's first
    std::vector<int> embeddings{0};       // the embeddings and overrides still open in each level
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == kLri || c == kRli || c == kFsi) {
            const std::optional<bool> rtl = c == kLri   ? std::optional(false)
                                            : c == kRli ? std::optional(true)
                                                        : firstStrong(i + 1);
            open.push_back(rtl.value_or(open.back()));
            embeddings.push_back(0);
            if (rtl)
                out += QChar(*rtl ? kRlm : kLrm);
        } else if (c == kPdi) {
            if (open.size() > 1) {
                out += QString(embeddings.back(), QChar(kPdf));
                embeddings.pop_back();
                open.pop_back();
                out += QChar(open.back() ? kRlm : kLrm);
            }
        } else if (c == kLre || c == kRle || c == kLro || c == kRlo) {
            ++embeddings.back();
            out += text[i];
        } else if (c == kPdf) {
            if (embeddings.back() > 0) {
                --embeddings.back();
                out += text[i];
            }
        } else {
            out += text[i];
        }
    }
    return out;
}

// A text from the map as lines: one paragraph each in a text body.
QStringList textLines(const QString &text)
{
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalised.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    normalised.replace(QChar::LineSeparator, QLatin1Char('\n'));
    normalised.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return normalised.split(QLatin1Char('\n'));
}

// QXmlStreamWriter with the element and attribute names as plain ASCII
// literals; every part is written through one of these.
class Xml {
public:
    Xml() : m_writer(&m_bytes) { m_writer.writeStartDocument(QStringLiteral("1.0"), true); }
    Xml &start(const char *name)
    {
        m_writer.writeStartElement(QLatin1String(name));
        return *this;
    }
    Xml &empty(const char *name)
    {
        m_writer.writeEmptyElement(QLatin1String(name));
        return *this;
    }
    Xml &attr(const char *name, const QString &value)
    {
        m_writer.writeAttribute(QLatin1String(name), value);
        return *this;
    }
    Xml &attr(const char *name, const char *value) { return attr(name, QString::fromLatin1(value)); }
    Xml &attr(const char *name, qint64 value) { return attr(name, QString::number(value)); }
    Xml &attr(const char *name, int value) { return attr(name, QString::number(value)); }
    Xml &text(const QString &text)
    {
        m_writer.writeCharacters(xmlText(text));
        return *this;
    }
    Xml &end()
    {
        m_writer.writeEndElement();
        return *this;
    }
    // <name val="value"/>, DrawingML's most common element.
    Xml &value(const char *name, const QString &value) { return empty(name).attr("val", value); }
    QByteArray finish()
    {
        m_writer.writeEndDocument();
        return m_bytes;
    }

private:
    QByteArray m_bytes;
    QXmlStreamWriter m_writer;
};

const char *const kNsA = "http://schemas.openxmlformats.org/drawingml/2006/main";
const char *const kNsP = "http://schemas.openxmlformats.org/presentationml/2006/main";
const char *const kNsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

void presentationNamespaces(Xml &x) { x.attr("xmlns:a", kNsA).attr("xmlns:r", kNsR).attr("xmlns:p", kNsP); }

// ---------------------------------------------------------------------------
// The package: its parts, their content types and relationships (OPC, ECMA-376 part 2).

struct Relationship {
    QString type;   // the last word of the type URI: "slide", "theme", ...
    QString target; // relative to the source part's folder
};

QString relationshipType(const QString &type)
{
    if (type == QLatin1String("core-properties"))
        return QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties");
    return QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships/") + type;
}

QByteArray relationshipsPart(const std::vector<Relationship> &relationships)
{
    Xml x;
    x.start("Relationships").attr("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
    for (std::size_t i = 0; i < relationships.size(); ++i)
        x.empty("Relationship")
            .attr("Id", QStringLiteral("rId%1").arg(i + 1))
            .attr("Type", relationshipType(relationships[i].type))
            .attr("Target", relationships[i].target);
    x.end();
    return x.finish();
}

// The relationships part of a part: "ppt/slides/slide1.xml" -> "ppt/slides/_rels/slide1.xml.rels".
QString relationshipsPath(const QString &part)
{
    const qsizetype slash = part.lastIndexOf(QLatin1Char('/'));
    return part.left(slash + 1) + QStringLiteral("_rels/") + part.mid(slash + 1) + QStringLiteral(".rels");
}

const char *const kPresentationML = "application/vnd.openxmlformats-officedocument.presentationml.";

struct PartType {
    QString path;
    QString contentType;
};

QByteArray contentTypesPart(const std::vector<PartType> &parts)
{
    Xml x;
    x.start("Types").attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
    x.empty("Default")
        .attr("Extension", "rels")
        .attr("ContentType", "application/vnd.openxmlformats-package.relationships+xml");
    x.empty("Default").attr("Extension", "xml").attr("ContentType", "application/xml");
    x.empty("Default").attr("Extension", "png").attr("ContentType", "image/png");
    for (const PartType &part : parts)
        x.empty("Override").attr("PartName", QLatin1Char('/') + part.path).attr("ContentType", part.contentType);
    x.end();
    return x.finish();
}

// ---------------------------------------------------------------------------
// Text and shapes.

struct TextRun {
    QString text;
    qreal points = 12;
    QColor color;
    bool bold = false;
};

struct TextBody {
    enum class Anchor { Top, Middle, Bottom };
    enum class Align { Left, Center, Right };
    std::vector<std::vector<TextRun>> paragraphs;
    QMarginsF insets; // points
    Anchor anchor = Anchor::Top;
    Align align = Align::Left;
    const char *vertical = nullptr; // "vert270" (bottom to top) or "eaVert" (upright East Asian)
    bool wrap = true;

    // `text`, one paragraph per line, all in one style.
    void addLines(const QString &text, qreal points, const QColor &color, bool bold = false)
    {
        for (const QString &line : textLines(text))
            paragraphs.push_back({TextRun{line, points, color, bold}});
    }
};

struct ShapeStyle {
    const char *preset = "rect";
    std::optional<int> adjust; // the preset's first adjust value (corner radius, smile)
    std::optional<std::pair<int, int>>
        arcAngles; // "arc": start and end, 60,000ths of a degree clockwise from 3 o'clock
    std::optional<QColor> fill;
    std::optional<QColor> line;
    qreal lineWidth = 0.75; // points
    bool dashed = false;
    // Instead of `fill`: a gradient from top to bottom, as (position 0 to 100,000, colour) stops.
    std::vector<std::pair<int, QColor>> verticalGradient;
};

ShapeStyle shapeStyle(const char *preset, std::optional<int> adjust, std::optional<QColor> fill,
                      std::optional<QColor> line, qreal lineWidth = 0.75, bool dashed = false)
{
    ShapeStyle style;
    style.preset = preset;
    style.adjust = adjust;
    style.fill = std::move(fill);
    style.line = std::move(line);
    style.lineWidth = lineWidth;
    style.dashed = dashed;
    return style;
}

// The typefaces of the map's fonts: Latin from the first family, East Asian
// from the first of the others (the style lists a CJK family second), and
// the last one for complex scripts, so PowerPoint and LibreOffice pick the
// faces the PDF was drawn with.
//
// Those are Linux faces a Windows or Mac PowerPoint seldom has. DrawingML
// names one typeface per slot, no list; what it offers for a missing face
// is its charset and pitchFamily (Office substitutes by them, it ignores
// panose: MS-OI29500 2.1.1397), and the theme's per-script fonts. So the
// faces are kept and the East Asian one says its character set (GB 2312 for
// Simplified Chinese, Big5 for Traditional, ...), which makes PowerPoint
// take the system's Chinese face (Microsoft YaHei, PingFang) instead of a
// Latin one; the theme adds the usual per-script faces (themePart).
//
// Runs are marked with their language from the map's (a run with Chinese
// characters with the map's Chinese, zh-CN when the map names none), so
// spelling, line breaking and font choice treat Chinese as Chinese.
struct Typefaces {
    QString latin, eastAsian, complex;
    QString language = QStringLiteral("en-US");          // a run without East Asian characters
    QString eastAsianLanguage = QStringLiteral("zh-CN"); // a run with them
    int eastAsianCharset = -122;                         // GB 2312 (134 as a signed byte)
    explicit Typefaces(const QFont &font, const std::string &languageTag = {})
    {
        const QStringList families = font.families().isEmpty() ? QStringList{font.family()} : font.families();
        latin = families.front();
        eastAsian = families.value(1, latin);
        complex = families.back();
        const QString tag = QString::fromStdString(languageTag);
        if (!tag.isEmpty())
            language = tag;
        const QString primary = tag.section(QLatin1Char('-'), 0, 0).toLower();
        if (mapLanguageCode(languageTag) == QLatin1String("zh_TW")) {
            eastAsianLanguage = QStringLiteral("zh-TW");
            eastAsianCharset = -120; // Big5 (136)
        } else if (primary == QLatin1String("ja")) {
            eastAsianLanguage = tag;
            eastAsianCharset = -128; // Shift JIS (128)
        } else if (primary == QLatin1String("ko")) {
            eastAsianLanguage = tag;
            eastAsianCharset = -127; // Hangul (129)
        } else if (primary == QLatin1String("zh")) {
            eastAsianLanguage = tag;
        }
    }
};

bool hasEastAsian(const QString &text)
{
    for (const char32_t c : text.toUcs4())
        if (isEastAsianScript(c))
            return true;
    return false;
}

// One slide's shape tree (or a notes slide's), shape by shape.
class ShapeWriter {
public:
    ShapeWriter(Xml &xml, Typefaces faces) : m_x(xml), m_faces(std::move(faces)) {}

    void shape(const QString &name, const QRectF &rect, const ShapeStyle &style, const TextBody *text = nullptr,
               const char *placeholder = nullptr)
    {
        m_x.start("p:sp");
        m_x.start("p:nvSpPr");
        m_x.empty("p:cNvPr").attr("id", m_nextId++).attr("name", name);
        if (placeholder) {
            m_x.start("p:cNvSpPr").empty("a:spLocks").attr("noGrp", 1).end();
            m_x.start("p:nvPr").empty("p:ph").attr("type", placeholder);
            if (QLatin1String(placeholder) == QLatin1String("body"))
                m_x.attr("idx", 1);
            m_x.end();
        } else {
            m_x.empty("p:cNvSpPr");
            m_x.empty("p:nvPr");
        }
        m_x.end(); // nvSpPr
        m_x.start("p:spPr");
        transform(rect);
        m_x.start("a:prstGeom").attr("prst", style.preset).start("a:avLst");
        if (style.adjust)
            m_x.empty("a:gd").attr("name", "adj").attr("fmla", QStringLiteral("val %1").arg(*style.adjust));
        if (style.arcAngles) {
            m_x.empty("a:gd").attr("name", "adj1").attr("fmla", QStringLiteral("val %1").arg(style.arcAngles->first));
            m_x.empty("a:gd").attr("name", "adj2").attr("fmla", QStringLiteral("val %1").arg(style.arcAngles->second));
        }
        m_x.end().end();
        if (style.verticalGradient.empty()) {
            fill(style.fill);
        } else {
            m_x.start("a:gradFill").attr("rotWithShape", 1).start("a:gsLst");
            for (const auto &[position, color] : style.verticalGradient)
                m_x.start("a:gs").attr("pos", position).value("a:srgbClr", hex(color)).end();
            m_x.end();
            m_x.empty("a:lin").attr("ang", 5400000).attr("scaled", 0); // 90°: top to bottom
            m_x.end();
        }
        outline(style.line, style.lineWidth, style.dashed);
        m_x.end(); // spPr
        if (text)
            textBody(*text);
        m_x.end(); // sp
    }

    // A line or curve: `path` in points, stroked, not filled.
    void freeform(const QString &name, const QPainterPath &path, const QColor &color, qreal width, bool dashed)
    {
        if (path.elementCount() < 2)
            return;
        QRectF box = path.controlPointRect();
        // A flat path still needs a non-zero box to be drawn at all.
        box.setWidth(std::max<qreal>(box.width(), 0.01));
        box.setHeight(std::max<qreal>(box.height(), 0.01));
        m_x.start("p:sp");
        m_x.start("p:nvSpPr");
        m_x.empty("p:cNvPr").attr("id", m_nextId++).attr("name", name);
        m_x.empty("p:cNvSpPr").empty("p:nvPr");
        m_x.end();
        m_x.start("p:spPr");
        transform(box);
        m_x.start("a:custGeom");
        m_x.empty("a:avLst").empty("a:gdLst").empty("a:ahLst").empty("a:cxnLst");
        m_x.empty("a:rect").attr("l", "l").attr("t", "t").attr("r", "r").attr("b", "b");
        m_x.start("a:pathLst")
            .start("a:path")
            .attr("w", emu(box.width()))
            .attr("h", emu(box.height()))
            .attr("fill", "none");
        const auto point = [&](const QPointF &p) {
            m_x.empty("a:pt").attr("x", emu(p.x() - box.left())).attr("y", emu(p.y() - box.top()));
        };
        for (int i = 0; i < path.elementCount(); ++i) {
            const QPainterPath::Element e = path.elementAt(i);
            if (e.isMoveTo()) {
                m_x.start("a:moveTo");
                point(e);
                m_x.end();
            } else if (e.isLineTo()) {
                m_x.start("a:lnTo");
                point(e);
                m_x.end();
            } else if (e.isCurveTo() && i + 2 < path.elementCount()) {
                m_x.start("a:cubicBezTo");
                point(e);
                point(path.elementAt(i + 1));
                point(path.elementAt(i + 2));
                m_x.end();
                i += 2;
            }
        }
        m_x.end().end(); // path, pathLst
        m_x.end();       // custGeom
        m_x.empty("a:noFill");
        outline(color, width, dashed, true);
        m_x.end(); // spPr
        m_x.end(); // sp
    }

    // A picture (relationship `id` of the slide) stretched over `rect`,
    // cut to the preset's outline ("ellipse" for an avatar).
    void picture(const QString &name, const QRectF &rect, const QString &id, const char *preset = "rect")
    {
        m_x.start("p:pic");
        m_x.start("p:nvPicPr");
        m_x.empty("p:cNvPr").attr("id", m_nextId++).attr("name", name);
        m_x.start("p:cNvPicPr").empty("a:picLocks").attr("noChangeAspect", 1).end();
        m_x.empty("p:nvPr");
        m_x.end();
        m_x.start("p:blipFill").empty("a:blip").attr("r:embed", id).start("a:stretch").empty("a:fillRect").end().end();
        m_x.start("p:spPr");
        transform(rect);
        m_x.start("a:prstGeom").attr("prst", preset).empty("a:avLst").end();
        m_x.end();
        m_x.end();
    }

    // Shapes that belong together (a card and its accent stripe) move as one.
    void beginGroup(const QString &name, const QRectF &rect)
    {
        m_x.start("p:grpSp");
        m_x.start("p:nvGrpSpPr");
        m_x.empty("p:cNvPr").attr("id", m_nextId++).attr("name", name);
        m_x.empty("p:cNvGrpSpPr").empty("p:nvPr");
        m_x.end();
        m_x.start("p:grpSpPr").start("a:xfrm");
        m_x.empty("a:off").attr("x", emu(rect.left())).attr("y", emu(rect.top()));
        m_x.empty("a:ext").attr("cx", emu(rect.width())).attr("cy", emu(rect.height()));
        m_x.empty("a:chOff").attr("x", emu(rect.left())).attr("y", emu(rect.top()));
        m_x.empty("a:chExt").attr("cx", emu(rect.width())).attr("cy", emu(rect.height()));
        m_x.end().end();
    }
    void endGroup() { m_x.end(); }

private:
    void transform(const QRectF &rect)
    {
        m_x.start("a:xfrm");
        m_x.empty("a:off").attr("x", emu(rect.left())).attr("y", emu(rect.top()));
        m_x.empty("a:ext")
            .attr("cx", std::max<qint64>(emu(rect.width()), 1))
            .attr("cy", std::max<qint64>(emu(rect.height()), 1));
        m_x.end();
    }
    void solid(const QColor &color)
    {
        m_x.start("a:solidFill");
        if (color.alpha() < 255) // a:alpha in thousandths of a percent
            m_x.start("a:srgbClr")
                .attr("val", hex(color))
                .value("a:alpha", QString::number(qRound(color.alphaF() * 100000)))
                .end();
        else
            m_x.value("a:srgbClr", hex(color));
        m_x.end();
    }
    void fill(const std::optional<QColor> &color)
    {
        if (color)
            solid(*color);
        else
            m_x.empty("a:noFill");
    }
    void outline(const std::optional<QColor> &color, qreal width, bool dashed, bool round = false)
    {
        m_x.start("a:ln");
        if (color) {
            m_x.attr("w", emu(width));
            if (round)
                m_x.attr("cap", "rnd");
            solid(*color);
            if (dashed)
                m_x.value("a:prstDash", QStringLiteral("dash"));
            if (round)
                m_x.empty("a:round");
        } else {
            m_x.empty("a:noFill");
        }
        m_x.end();
    }
    void runProperties(const char *element, const TextRun &run)
    {
        const bool eastAsian = hasEastAsian(run.text);
        m_x.start(element).attr("lang", eastAsian ? m_faces.eastAsianLanguage : m_faces.language);
        if (eastAsian)
            m_x.attr("altLang", "en-US");
        m_x.attr("sz", hundredthsOfPoint(run.points));
        if (run.bold)
            m_x.attr("b", 1);
        m_x.attr("dirty", 0);
        solid(run.color);
        // pitchFamily 34: variable pitch, sans serif (swiss).
        m_x.empty("a:latin").attr("typeface", m_faces.latin).attr("pitchFamily", 34).attr("charset", 0);
        m_x.empty("a:ea")
            .attr("typeface", m_faces.eastAsian)
            .attr("pitchFamily", 34)
            .attr("charset", m_faces.eastAsianCharset);
        m_x.empty("a:cs").attr("typeface", m_faces.complex);
        m_x.end();
    }
    void textBody(const TextBody &text)
    {
        m_x.start("p:txBody");
        m_x.start("a:bodyPr").attr("wrap", text.wrap ? "square" : "none");
        m_x.attr("lIns", emu(text.insets.left())).attr("tIns", emu(text.insets.top()));
        m_x.attr("rIns", emu(text.insets.right())).attr("bIns", emu(text.insets.bottom()));
        m_x.attr("anchor", text.anchor == TextBody::Anchor::Top      ? "t"
                           : text.anchor == TextBody::Anchor::Middle ? "ctr"
                                                                     : "b");
        m_x.attr("rtlCol", 0);
        if (text.vertical)
            m_x.attr("vert", text.vertical);
        // Wrapped text shrinks rather than spill over its shape's edge
        // when a renderer's faces set it larger than ours (LibreOffice
        // shrinks at once; PowerPoint once the text is edited); text on
        // one line is elided to fit beforehand.
        m_x.empty(text.wrap ? "a:normAutofit" : "a:noAutofit");
        m_x.end();
        m_x.empty("a:lstStyle");
        const char *align = text.align == TextBody::Align::Left     ? "l"
                            : text.align == TextBody::Align::Center ? "ctr"
                                                                    : "r";
        for (const auto &paragraph : text.paragraphs) {
            m_x.start("a:p");
            m_x.empty("a:pPr").attr("algn", align);
            // A paragraph whose first strong letter is Arabic or Hebrew runs
            // right to left, as the painter's isolate of the same text does.
            QString words;
            for (const TextRun &run : paragraph)
                words += run.text;
            if (words.isRightToLeft())
                m_x.attr("rtl", 1);
            for (const TextRun &run : paragraph) {
                if (run.text.isEmpty())
                    continue;
                m_x.start("a:r");
                runProperties("a:rPr", run);
                m_x.start("a:t").text(marksForIsolates(run.text, words.isRightToLeft())).end();
                m_x.end();
            }
            if (!paragraph.empty())
                runProperties("a:endParaRPr", paragraph.back());
            m_x.end();
        }
        if (text.paragraphs.empty())
            m_x.empty("a:p");
        m_x.end();
    }

    Xml &m_x;
    Typefaces m_faces;
    int m_nextId = 2; // 1 is the shape tree's own
};

void beginShapeTree(Xml &x)
{
    x.start("p:spTree");
    x.start("p:nvGrpSpPr").empty("p:cNvPr").attr("id", 1).attr("name", "").empty("p:cNvGrpSpPr").empty("p:nvPr").end();
    x.start("p:grpSpPr").start("a:xfrm");
    x.empty("a:off").attr("x", 0).attr("y", 0).empty("a:ext").attr("cx", 0).attr("cy", 0);
    x.empty("a:chOff").attr("x", 0).attr("y", 0).empty("a:chExt").attr("cx", 0).attr("cy", 0);
    x.end().end();
}

// ---------------------------------------------------------------------------
// The pages: what one slide shows and where, in points.

struct DeckPage {
    const Document *document = nullptr; // the page's own map: one persona, the page's stages, lanes and cards
    const MapLayout *layout = nullptr;  // its layout, in map units
    std::function<QRectF(const QRectF &)> cellToPage;  // cells, cards and stage headers
    std::function<QRectF(const QRectF &)> frameToPage; // the persona and lane column
    QSizeF size;                                       // points
    qreal textScale = 1;                               // points per pixel of the style's fonts
    QString title;
    QString number;
    QRectF titleRect, numberRect, cellsRect;
    std::vector<std::string> stageIds, laneIds, cardIds;
    const std::unordered_set<std::string> *lowestMoments = nullptr; // the slide's: see SlidePage::lowestMoments
};

QPointF mapPoint(const std::function<QRectF(const QRectF &)> &toPage, const QPointF &p)
{
    return toPage(QRectF(p, QSizeF(0, 0))).topLeft();
}

int stageIndex(const Document &document, const std::string &id)
{
    const auto &stages = document.stages();
    for (std::size_t i = 0; i < stages.size(); ++i)
        if (stages[i].id == id)
            return static_cast<int>(i);
    return -1;
}

int rowIndex(const MapLayout &layout, const std::string &laneId)
{
    if (layout.bands().empty())
        return -1;
    const auto &rows = layout.bands().front().rows;
    for (std::size_t r = 0; r < rows.size(); ++r)
        if (rows[r].laneId == laneId)
            return static_cast<int>(r);
    return -1;
}

QColor cardColor(const std::optional<std::string> &value, const QColor &fallback)
{
    if (!value)
        return fallback;
    const QColor color(toQString(*value));
    return color.isValid() ? color : fallback;
}

// `color` at `alpha` over white, as the painter's translucent tints look.
QColor overWhite(const QColor &color, qreal alpha)
{
    return QColor::fromRgbF(static_cast<float>(1 - alpha + alpha * color.redF()),
                            static_cast<float>(1 - alpha + alpha * color.greenF()),
                            static_cast<float>(1 - alpha + alpha * color.blueF()));
}

// A card's footer line as the painter writes it under the text (its
// channel, rating, severity, status, metric and tags), each part in the
// painter's colour; the painter's dots are ● and ○.
std::vector<TextRun> footerRuns(const Card &card, LaneKind kind, const MapStyle &style, qreal points)
{
    std::vector<TextRun> runs;
    if (!cardHasFooter(card, kind))
        return runs;
    const KindColors colors = style.kindColors(kind);
    const auto add = [&](const QString &text, const QColor &color) {
        if (!runs.empty()) // the painter's gap of 8 units: an en space, narrower than two spaces wrap
            runs.push_back({QString(QChar(0x2002)), points, color});
        runs.push_back({text, points, color});
    };
    const auto dots = [](int filled) {
        const int n = std::clamp(filled, 0, 3);
        return QString(n, QChar(0x25CF)) + QString(3 - n, QChar(0x25CB));
    };
    switch (effectiveKind(kind)) {
    case LaneKind::Touchpoints:
        if (!card.channel.empty())
            add(channelDisplayName(card.channel), style.mutedTextColor());
        if (!card.direct)
            add(QCoreApplication::translate("MapText", "indirect"), style.mutedTextColor());
        if (card.audit) {
            const Audit &a = *card.audit;
            int rated = 0, sum = 0;
            for (int v : {a.simple, a.appropriate, a.relevant, a.meaningful, a.engaging, a.personal})
                if (v > 0) {
                    ++rated;
                    sum += v;
                }
            if (rated > 0)
                add(QStringLiteral("★ %1").arg(static_cast<double>(sum) / rated, 0, 'f', 1), style.mutedTextColor());
        }
        break;
    case LaneKind::PainPoints:
    case LaneKind::Barriers: {
        static const char *const names[] = {QT_TRANSLATE_NOOP("MapText", "Low"), QT_TRANSLATE_NOOP("MapText", "Medium"),
                                            QT_TRANSLATE_NOOP("MapText", "High")};
        add(dots(card.severity), colors.accent);
        add(QCoreApplication::translate("MapText", names[std::clamp(card.severity, 1, 3) - 1]),
            colors.accent.darker(130));
        break;
    }
    case LaneKind::Opportunities:
        add(dots(card.impact), colors.accent);
        add(statusDisplayName(card.status), colors.accent.darker(140));
        break;
    case LaneKind::Kpis:
        if (card.metric) {
            const Metric &metric = *card.metric;
            QString text = metric.value ? QString::number(*metric.value) : QStringLiteral("–");
            if (metric.target)
                text += QStringLiteral(" / ") + QString::number(*metric.target);
            if (metric.unit)
                text += QLatin1Char(' ') + toQString(*metric.unit);
            add(text, colors.accent.darker(130));
        }
        break;
    default: break;
    }
    for (const std::string &tag : card.tags)
        add(QLatin1Char('#') + toQString(tag), style.mutedTextColor());
    return runs;
}

// Catmull-Rom through `points` as cubic Béziers, kept between `top` and
// `bottom` (the painter's curve), then cut to [left, right] in x.
QPainterPath emotionCurvePath(const std::vector<QPointF> &points, qreal top, qreal bottom, qreal left, qreal right)
{
    QPainterPath path;
    const auto count = static_cast<std::ptrdiff_t>(points.size());
    if (count < 2)
        return path;
    const auto at = [&](std::ptrdiff_t i) {
        return points[static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(i, 0, count - 1))];
    };
    const auto clampY = [&](QPointF p) { return QPointF(p.x(), std::clamp(p.y(), top, bottom)); };
    const auto lerp = [](const QPointF &a, const QPointF &b, qreal t) { return a + (b - a) * t; };
    // De Casteljau: the part of the segment before (or after) t.
    struct Cubic {
        QPointF p0, c1, c2, p1;
    };
    const auto split = [&](const Cubic &c, qreal t) {
        const QPointF a = lerp(c.p0, c.c1, t), b = lerp(c.c1, c.c2, t), d = lerp(c.c2, c.p1, t);
        const QPointF e = lerp(a, b, t), f = lerp(b, d, t), m = lerp(e, f, t);
        return std::make_pair(Cubic{c.p0, a, e, m}, Cubic{m, f, d, c.p1});
    };
    const auto xAt = [](const Cubic &c, qreal t) {
        const qreal u = 1 - t;
        return u * u * u * c.p0.x() + 3 * u * u * t * c.c1.x() + 3 * u * t * t * c.c2.x() + t * t * t * c.p1.x();
    };
    // Where the segment crosses x (it runs left to right): by bisection.
    const auto crossing = [&](const Cubic &c, qreal x) {
        qreal lo = 0, hi = 1;
        for (int i = 0; i < 40; ++i) {
            const qreal mid = (lo + hi) / 2;
            (xAt(c, mid) < x ? lo : hi) = mid;
        }
        return (lo + hi) / 2;
    };
    bool started = false;
    for (std::ptrdiff_t i = 0; i + 1 < count; ++i) {
        Cubic c{at(i), clampY(at(i) + (at(i + 1) - at(i - 1)) / 6.0), clampY(at(i + 1) - (at(i + 2) - at(i)) / 6.0),
                at(i + 1)};
        if (c.p1.x() <= left || c.p0.x() >= right)
            continue;
        if (c.p0.x() < left)
            c = split(c, crossing(c, left)).second;
        if (c.p1.x() > right)
            c = split(c, crossing(c, right)).first;
        if (!started) {
            path.moveTo(c.p0);
            started = true;
        }
        path.cubicTo(c.c1, c.c2, c.p1);
    }
    return path;
}

// ---------------------------------------------------------------------------
// Pictures: card pictures, persona avatars and lane icons, each stored once
// in ppt/media as PNG whatever the number of slides showing it.

class MediaParts {
public:
    // The part of the picture `key` names, made by `make` the first time;
    // "" when there is no picture (a picture the decoder refused).
    QString part(const QString &key, const std::function<QImage()> &make)
    {
        if (const auto found = m_byKey.find(key); found != m_byKey.end())
            return found->second;
        QString name;
        const QImage image = make();
        QByteArray png;
        QBuffer buffer(&png);
        if (!image.isNull() && buffer.open(QIODevice::WriteOnly) && image.save(&buffer, "PNG")) {
            name = QStringLiteral("ppt/media/image%1.png").arg(m_parts.size() + 1);
            m_parts.emplace_back(name, std::move(png));
        }
        m_byKey.emplace(key, name);
        return name;
    }
    const std::vector<std::pair<QString, QByteArray>> &parts() const { return m_parts; }

private:
    std::map<QString, QString> m_byKey;
    std::vector<std::pair<QString, QByteArray>> m_parts;
};

// A picture scaled to at most `size` points at 300 dots per inch: sharp on
// a projector and in print, without carrying an 8 MiB photograph per card.
QImage pictureFor(const Image &image, const QSizeF &size)
{
    const QImage decoded = decodeEmbeddedImage(image).image;
    const QSize most = (size * 300.0 / 72.0).toSize().expandedTo(QSize(1, 1));
    if (decoded.isNull() || (decoded.width() <= most.width() && decoded.height() <= most.height()))
        return decoded;
    return decoded.scaled(most, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

QImage iconPicture(const QString &path, qreal points)
{
    QSvgRenderer renderer(path);
    if (!renderer.isValid())
        return {};
    const int side = std::max(1, qRound(points * 300.0 / 72.0));
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, 0, side, side));
    return image;
}

QString imageKey(const Image &image)
{
    return QStringLiteral("image:") +
           QString::fromLatin1(
               QCryptographicHash::hash(QByteArray::fromStdString(image.data), QCryptographicHash::Sha1).toHex());
}

// ---------------------------------------------------------------------------
// One slide.

class SlideBuilder {
public:
    // Relationships rId1 and rId2 of a slide are its layout and its notes;
    // its pictures follow.
    static constexpr int kFirstPictureRelationship = 3;

    SlideBuilder(const DeckPage &page, Xml &xml, MediaParts &media)
        : m_page(page), m_doc(*page.document), m_layout(*page.layout), m_style(m_layout.style()),
          m_painter(m_doc, m_layout), m_shapes(xml, Typefaces(m_style.cardFont, mapLanguageTag(m_doc))), m_x(xml),
          m_media(media)
    {
    }

    // The slide's pictures, as relationships from ppt/slides/.
    const std::vector<Relationship> &pictureRelationships() const { return m_pictures; }

    void build()
    {
        m_x.start("p:sld");
        presentationNamespaces(m_x);
        m_x.start("p:cSld");
        m_x.start("p:bg").start("p:bgPr");
        m_x.start("a:solidFill").value("a:srgbClr", hex(QColor(Qt::white))).end(); // as SlidePage::paint
        m_x.empty("a:effectLst");
        m_x.end().end();
        beginShapeTree(m_x);
        titleAndNumber();
        if (!m_layout.bands().empty()) {
            cellsBackground();
            for (const std::string &id : m_page.stageIds)
                stageHeader(id);
            personaHeader();
            for (const std::string &id : m_page.laneIds)
                laneLabel(id);
            for (std::size_t r = 0; r < m_layout.bands().front().rows.size(); ++r)
                if (m_layout.bands().front().rows[r].kind == LaneKind::Emotions)
                    emotionCurve(static_cast<int>(r));
            for (const std::string &id : m_page.cardIds)
                card(id);
        }
        m_x.end(); // spTree
        m_x.end(); // cSld
        m_x.start("p:clrMapOvr").empty("a:masterClrMapping").end();
        m_x.end(); // sld
    }

private:
    qreal pt(const QFont &font) const { return QFontInfo(font).pixelSize() * m_page.textScale; }
    qreal units(qreal mapUnits) const { return mapUnits * m_page.textScale; }

    void titleAndNumber()
    {
        TextBody title;
        // As SlidePage::paint writes it: the title strip is the page's, not
        // the map's, so its size does not follow the page's content scale.
        const QFont titleFont = slideTitleFont(m_style);
        // Elided to its strip as SlidePage::paint elides it: a long title
        // never runs into the stage headers.
        const QString shown =
            QFontMetricsF(titleFont).elidedText(m_page.title, Qt::ElideRight, m_page.titleRect.width());
        title.addLines(shown, QFontInfo(titleFont).pixelSize(), m_style.textColor(), titleFont.bold());
        title.wrap = false;
        title.anchor = TextBody::Anchor::Middle;
        title.insets = QMarginsF(0, 0, 0, 0);
        m_shapes.shape(QStringLiteral("Title"), m_page.titleRect, ShapeStyle{}, &title);
        TextBody number;
        number.addLines(m_page.number, QFontInfo(m_style.subtitleFont).pixelSize(), m_style.mutedTextColor());
        number.anchor = TextBody::Anchor::Middle;
        number.align = TextBody::Align::Right;
        number.insets = QMarginsF(0, 0, 0, 0);
        m_shapes.shape(QStringLiteral("Slide number"), m_page.numberRect, ShapeStyle{}, &number);
    }

    // A header's text (a stage or persona name) in the header font's weight
    // as the PDF shows it: semi-bold Latin, Chinese characters regular (the
    // CJK face has no semi-bold, so the painter draws them regular), one run
    // per stretch of either. Characters of neither kind stay with the run
    // before them.
    std::vector<TextRun> headerRuns(const QString &text, qreal points, const QColor &color) const
    {
        const bool heavy = m_style.headerFont.weight() >= QFont::DemiBold;
        std::vector<TextRun> runs;
        bool decided = false; // whether the last run has a letter yet
        for (const char32_t c : text.toUcs4()) {
            const QString character = QString::fromUcs4(&c, 1);
            const bool letter = QChar::isLetterOrNumber(c);
            const bool bold = heavy && !isEastAsianScript(c);
            if (runs.empty() || (letter && decided && runs.back().bold != bold)) {
                runs.push_back(TextRun{character, points, color, bold});
                decided = letter;
            } else {
                runs.back().text += character;
                if (letter && !decided)
                    runs.back().bold = bold;
                decided = decided || letter;
            }
        }
        return runs;
    }

    QRectF rowOnPage(int row) const
    {
        const QRectF rect = m_page.cellToPage(m_layout.rowRect(0, row));
        return QRectF(QPointF(std::max(rect.left(), m_page.cellsRect.left()), rect.top()),
                      QPointF(std::min(rect.right(), m_page.cellsRect.right()), rect.bottom()));
    }

    // White cells on the page's background, the emotion rows' tint from
    // delight (green, top) to frustration (red, bottom), and the grid.
    void cellsBackground()
    {
        m_shapes.shape(QStringLiteral("Cells"), m_page.cellsRect,
                       shapeStyle("rect", {}, QColor(Qt::white), m_style.gridColor().darker(110), 0.75));
        const auto &rows = m_layout.bands().front().rows;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const QRectF rect = rowOnPage(static_cast<int>(r));
            if (rows[r].kind == LaneKind::Emotions)
                emotionRowBackground(static_cast<int>(r), rect);
            if (r > 0)
                line(QStringLiteral("Row line"), rect.topLeft(), rect.topRight(), m_style.gridColor(), false);
        }
        for (std::size_t i = 1; i < m_page.stageIds.size(); ++i) {
            const int s = stageIndex(m_doc, m_page.stageIds[i]);
            if (s < 0)
                continue;
            const qreal x = m_page.cellToPage(m_layout.stageHeaderRect(s)).left();
            line(QStringLiteral("Stage line"), QPointF(x, m_page.cellsRect.top()),
                 QPointF(x, m_page.cellsRect.bottom()), m_style.gridColor(), false);
        }
    }

    void line(const QString &name, const QPointF &from, const QPointF &to, const QColor &color, bool dashed,
              qreal width = 0.75)
    {
        QPainterPath path(from);
        path.lineTo(to);
        m_shapes.freeform(name, path, color, width, dashed);
    }

    void emotionRowBackground(int row, const QRectF &rect)
    {
        // Two shapes of two stops each: LibreOffice before 7.6 draws only
        // the first and last stop of a gradient.
        ShapeStyle delight, frustration;
        delight.verticalGradient = {{0, overWhite(m_style.emotionColor(3), 0.18)}, {100000, QColor(Qt::white)}};
        frustration.verticalGradient = {{0, QColor(Qt::white)}, {100000, overWhite(m_style.emotionColor(-3), 0.18)}};
        const qreal middle = rect.top() + rect.height() / 2;
        m_shapes.shape(QStringLiteral("Emotion delight"), QRectF(rect.topLeft(), QPointF(rect.right(), middle)),
                       delight);
        m_shapes.shape(QStringLiteral("Emotion frustration"), QRectF(QPointF(rect.left(), middle), rect.bottomRight()),
                       frustration);
        const qreal zero = mapPoint(m_page.cellToPage, QPointF(0, m_layout.emotionY(0, row, 0))).y();
        line(QStringLiteral("Emotion zero line"), QPointF(rect.left(), zero), QPointF(rect.right(), zero),
             m_style.gridColor().darker(115), true);
    }

    void stageHeader(const std::string &id)
    {
        const int s = stageIndex(m_doc, id);
        if (s < 0)
            return;
        const Stage &stage = m_doc.stages()[static_cast<std::size_t>(s)];
        const QRectF rect = m_page.cellToPage(m_layout.stageHeaderRect(s));
        const QColor color = m_painter.stageColor(s);
        const QString name = toQString(stage.name);
        m_shapes.beginGroup(QStringLiteral("Stage ") + name, rect);
        m_shapes.shape(QStringLiteral("Stage header"), rect,
                       shapeStyle("rect", {}, m_style.backgroundColor(), m_style.gridColor(), 0.75));
        m_shapes.shape(QStringLiteral("Stage colour"), QRectF(rect.left(), rect.top(), rect.width(), units(5)),
                       shapeStyle("rect", {}, color, {}));
        // Where the painter puts them: the name in the upper part, on one
        // line elided with "…" to the header's width as the painter elides
        // it (a name wrapped in PowerPoint would grow over the slide's title),
        // the phase chip under it.
        const QRectF layoutRect = m_layout.stageHeaderRect(s);
        const QRectF inner = layoutRect.adjusted(10, 9, -10, -4);
        const QString phase = phaseDisplayName(stage.phase);
        const qreal nameHeight = phase.isEmpty() ? inner.height() : inner.height() * 0.55;
        QString oneLine = name;
        for (QChar &c : oneLine)
            if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QChar::LineSeparator ||
                c == QChar::ParagraphSeparator)
                c = QLatin1Char(' ');
        // 5% to spare: PowerPoint's stand-in faces can be wider than ours.
        TextBody text;
        text.paragraphs.push_back(
            headerRuns(QFontMetricsF(m_style.headerFont).elidedText(oneLine, Qt::ElideRight, inner.width() * 0.95),
                       pt(m_style.headerFont), m_style.textColor()));
        text.insets = QMarginsF(0, 0, 0, 0);
        text.wrap = false;
        text.anchor = TextBody::Anchor::Middle;
        m_shapes.shape(QStringLiteral("Stage ") + name,
                       m_page.cellToPage(QRectF(inner.left(), inner.top(), inner.width(), nameHeight)), ShapeStyle{},
                       &text);
        if (!phase.isEmpty()) {
            const qreal chipWidth = QFontMetricsF(m_style.smallFont).horizontalAdvance(phase) + 14;
            const QRectF chip(inner.left(), inner.top() + nameHeight + 2, std::min(chipWidth, inner.width()), 17);
            TextBody chipText;
            chipText.addLines(phase, pt(m_style.smallFont), color.darker(150));
            chipText.insets = QMarginsF(0, 0, 0, 0);
            chipText.anchor = TextBody::Anchor::Middle;
            chipText.align = TextBody::Align::Center;
            chipText.wrap = false;
            m_shapes.shape(QStringLiteral("Phase"), m_page.cellToPage(chip),
                           shapeStyle("roundRect", 50000, overWhite(color, 40.0 / 255), {}), &chipText);
        }
        m_shapes.endGroup();
    }

    void personaHeader()
    {
        const auto &band = m_layout.bands().front();
        const Persona *persona = m_doc.persona(band.personaId);
        if (!persona)
            return;
        const QRectF layoutRect = m_layout.personaHeaderRect(0);
        const QRectF rect = m_page.frameToPage(layoutRect);
        const QColor color = m_painter.personaColor(0);
        const QString name = toQString(persona->name);
        m_shapes.beginGroup(QStringLiteral("Persona ") + name, rect);
        m_shapes.shape(QStringLiteral("Persona column"), rect,
                       shapeStyle("rect", {}, overWhite(color, 30.0 / 255), {}));
        m_shapes.shape(QStringLiteral("Persona colour"), QRectF(rect.left(), rect.top(), units(5), rect.height()),
                       shapeStyle("rect", {}, color, {}));
        // The badge: the initials on the persona's colour, where the painter puts it.
        const qreal badge = std::min<qreal>(40, layoutRect.width() - 16);
        const QRectF badgeRect =
            m_page.frameToPage(QRectF(layoutRect.center().x() - badge / 2 + 2, layoutRect.top() + 10, badge, badge));
        TextBody initials;
        initials.addLines(initialsOf(name), badgeRect.height() * 0.38, QColor(Qt::white), true);
        initials.anchor = TextBody::Anchor::Middle;
        initials.align = TextBody::Align::Center;
        initials.wrap = false;
        // The avatar when there is one (cut to the badge's circle), else the initials.
        if (!persona->avatar || !picture(
                                    QStringLiteral("Persona avatar"), badgeRect, imageKey(*persona->avatar),
                                    [&] { return pictureFor(*persona->avatar, badgeRect.size()); }, "ellipse"))
            m_shapes.shape(QStringLiteral("Persona badge"), badgeRect, shapeStyle("ellipse", {}, color, {}), &initials);
        const MapPainter::PersonaName written = m_painter.personaNameLayout(name, layoutRect, PaintOptions{});
        if (!written.area.isEmpty()) {
            // The name as the painter fits it to the band (elided when too long).
            QString shown = written.text;
            if (written.upright)
                for (const auto &glyph : written.glyphs)
                    shown += glyph.first;
            TextBody text;
            text.paragraphs.push_back(
                headerRuns(shown, QFontInfo(written.font).pixelSize() * m_page.textScale, m_style.textColor()));
            text.vertical = written.upright ? "eaVert" : "vert270";
            text.wrap = false;
            text.anchor = TextBody::Anchor::Middle;
            text.insets = QMarginsF(0, 0, 0, 0);
            m_shapes.shape(QStringLiteral("Persona name"), m_page.frameToPage(written.area), ShapeStyle{}, &text);
        }
        m_shapes.endGroup();
    }

    void laneLabel(const std::string &id)
    {
        const int r = rowIndex(m_layout, id);
        const Lane *lane = m_doc.lane(id);
        if (r < 0 || !lane)
            return;
        const LaneKind kind = m_layout.bands().front().rows[static_cast<std::size_t>(r)].kind;
        const QRectF layoutRect = m_layout.laneLabelRect(0, r);
        const QRectF rect = m_page.frameToPage(layoutRect);
        const QString title = laneDisplayTitle(*lane);
        m_shapes.beginGroup(QStringLiteral("Lane ") + title, rect);
        TextBody text;
        text.addLines(title, pt(m_style.smallFont), m_style.textColor(), true);
        // Right of the kind's mark (the painter's icon): 10 + 18 + 8 units in.
        text.insets = QMarginsF(units(36), units(10), units(6), units(4));
        m_shapes.shape(QStringLiteral("Lane label ") + title, rect,
                       shapeStyle("rect", {}, m_style.backgroundColor(), m_style.gridColor(), 0.75), &text);
        // The kind's icon where the painter draws it; its colour if the icon cannot be drawn.
        const QRectF icon = m_page.frameToPage(QRectF(layoutRect.left() + 10, layoutRect.top() + 10, 18, 18));
        const QString iconPath = kindIconPath(kind);
        if (!picture(QStringLiteral("Lane icon"), icon, QStringLiteral("icon:") + iconPath,
                     [&] { return iconPicture(iconPath, icon.width()); }))
            m_shapes.shape(QStringLiteral("Lane kind"), icon,
                           shapeStyle("rect", {}, m_style.kindColors(kind).accent, {}));
        if (kind == LaneKind::Emotions)
            for (int score : {3, 0, -3}) {
                const qreal y = m_layout.emotionY(0, r, score);
                TextBody scale;
                scale.addLines(score > 0 ? QStringLiteral("+%1").arg(score) : QString::number(score),
                               pt(m_style.smallFont), m_style.mutedTextColor());
                scale.align = TextBody::Align::Right;
                scale.anchor = TextBody::Anchor::Middle;
                scale.insets = QMarginsF(0, 0, 0, 0);
                scale.wrap = false;
                m_shapes.shape(QStringLiteral("Emotion scale %1").arg(score),
                               m_page.frameToPage(QRectF(layoutRect.right() - 30, y - 8, 24, 16)), ShapeStyle{},
                               &scale);
            }
        m_shapes.endGroup();
    }

    void emotionCurve(int row)
    {
        std::vector<QPointF> points;
        for (const auto &[id, point] : m_layout.emotionPoints(0, row))
            points.push_back(mapPoint(m_page.cellToPage, point));
        const qreal top = mapPoint(m_page.cellToPage, QPointF(0, m_layout.emotionY(0, row, 3))).y();
        const qreal bottom = mapPoint(m_page.cellToPage, QPointF(0, m_layout.emotionY(0, row, -3))).y();
        desiredCurve(row, top, bottom);
        const QPainterPath curve =
            emotionCurvePath(points, top, bottom, m_page.cellsRect.left(), m_page.cellsRect.right());
        m_shapes.freeform(QStringLiteral("Emotion curve"), curve, m_style.mutedTextColor(), units(2.5), false);
        lowestMoment(row);
    }

    // The target curve, as the painter draws it: dashed, in the persona's
    // colour, one freeform per run of desired scores (broken where a card
    // has none), a lone target a dashed tick the face's width. The shading
    // between it and the felt curve is not written (a slide keeps the
    // dashed line only).
    void desiredCurve(int row, qreal top, qreal bottom)
    {
        const QColor color = m_painter.personaColor(0);
        const qreal halfFace = m_style.metrics.emotionFaceSize / 2;
        for (const MapPainter::TargetRun &run : m_painter.targetCurve(0, row)) {
            QPainterPath path;
            if (run.points.size() == 1) {
                const QPointF p = run.points.front();
                path.moveTo(mapPoint(m_page.cellToPage, p - QPointF(halfFace, 0)));
                path.lineTo(mapPoint(m_page.cellToPage, p + QPointF(halfFace, 0)));
            } else {
                std::vector<QPointF> points;
                for (const QPointF &point : run.points)
                    points.push_back(mapPoint(m_page.cellToPage, point));
                path = emotionCurvePath(points, top, bottom, m_page.cellsRect.left(), m_page.cellsRect.right());
            }
            m_shapes.freeform(QStringLiteral("Desired emotion curve"), path, color, units(2), true);
        }
    }

    // The ring round the persona's lowest moment, and its label, where the painter puts them.
    void lowestMoment(int row)
    {
        PaintOptions options;
        options.lowestMomentsShown = m_page.lowestMoments; // the persona's lowest on the whole map, not the page's
        const auto mark = m_painter.lowestMomentMark(0, row, options);
        if (!mark)
            return;
        const QColor red = m_style.emotionColor(-3);
        const QPointF center = mapPoint(m_page.cellToPage, mark->center);
        const qreal radius = units(mark->radius);
        const QRectF circle(center - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius));
        ShapeStyle ring =
            shapeStyle(mark->spanAngle >= 360 ? "ellipse" : "arc", {}, {}, red, units(mark->penWidth), true);
        if (mark->spanAngle < 360) {
            // Qt counts counter-clockwise, DrawingML clockwise (both from 3 o'clock, y down).
            const auto angle = [](qreal degrees) {
                const qreal normal = std::fmod(std::fmod(degrees, 360) + 360, 360);
                return qRound(normal * 60000);
            };
            ring.arcAngles = std::make_pair(angle(-(mark->startAngle + mark->spanAngle)), angle(-mark->startAngle));
        }
        m_shapes.shape(QStringLiteral("Lowest moment"), circle, ring);
        if (mark->label.isEmpty())
            return;
        TextBody label;
        label.addLines(QCoreApplication::translate("MapPainter", "Lowest moment"), pt(m_style.smallFont),
                       red.darker(125), true);
        label.insets = QMarginsF(0, 0, 0, 0);
        label.anchor = TextBody::Anchor::Middle;
        label.wrap = false;
        m_shapes.shape(QStringLiteral("Lowest moment label"), m_page.cellToPage(mark->label), ShapeStyle{}, &label);
    }

    void card(const std::string &id)
    {
        const Card *card = m_doc.card(id);
        const auto layoutRect = m_layout.cardRect(id);
        if (!card || !layoutRect)
            return;
        const LaneKind kind = effectiveKind(m_doc.cardKind(*card));
        const QRectF rect = m_page.cellToPage(*layoutRect);
        const QString text = toQString(card->text);
        const QString name = QStringLiteral("Card ") + toQString(card->id);
        const MapMetrics &m = m_style.metrics;
        if (kind == LaneKind::Emotions) {
            // The face (a smiley that smiles with the score) and the words under it.
            const double score = card->score.value_or(0);
            const qreal face = m.emotionFaceSize;
            const QRectF faceRect =
                m_page.cellToPage(QRectF(layoutRect->center().x() - face / 2, layoutRect->top(), face, face));
            m_shapes.beginGroup(name, rect);
            m_shapes.shape(QStringLiteral("Emotion face"), faceRect,
                           shapeStyle("smileyFace", qRound(4653 * std::clamp(score / 3.0, -1.0, 1.0)),
                                      cardColor(card->color, m_style.emotionColor(score)), m_style.textColor(), 0.75));
            TextBody caption;
            caption.addLines(text, pt(m_style.smallFont), m_style.textColor());
            caption.align = TextBody::Align::Center;
            caption.insets = QMarginsF(units(2), 0, units(2), 0);
            // The whole text, wrapped to the card's width, on a white
            // backing as wide as the words (as the painter's), so the dashed
            // zero line and the curve behind do not strike them through.
            const QFontMetricsF metrics(m_style.smallFont);
            const qreal wrap = MapPainter::wholeEmotionCaptionWidth(layoutRect->width());
            const QRectF words =
                metrics.boundingRect(QRectF(0, 0, wrap, 10000), Qt::AlignHCenter | Qt::TextWordWrap, text);
            const qreal width = std::min(words.width() + 8, wrap + 6);
            const qreal height = std::max<qreal>(kEmotionLabelHeight - 2, words.height() + 1);
            m_shapes.shape(name + QStringLiteral(" text"),
                           m_page.cellToPage(QRectF(layoutRect->center().x() - width / 2, layoutRect->top() + face + 1,
                                                    width, height)),
                           shapeStyle("roundRect", 20000, QColor(255, 255, 255, 220), {}), &caption);
            m_shapes.endGroup();
            return;
        }
        const KindColors colors = m_style.kindColors(kind);
        const QColor accent = cardColor(card->color, colors.accent);
        const QColor fill = card->color ? QColor(accent).lighter(185) : colors.fill;
        TextBody body;
        body.addLines(text, pt(m_style.cardFont), m_style.textColor());
        if (std::vector<TextRun> footer = footerRuns(*card, kind, m_style, pt(m_style.smallFont)); !footer.empty())
            body.paragraphs.push_back(std::move(footer));
        const qreal imageSpace = card->image ? m.cardImageHeight + m.cardGap : 0;
        // Four units of the right padding given to the words: LibreOffice
        // and PowerPoint set a line a little wider than Qt, and a line
        // that fitted here would wrap there and push the footer down.
        body.insets = QMarginsF(units(m.cardPadding + kCardAccentWidth), units(m.cardPadding + imageSpace),
                                units(std::max<qreal>(0, m.cardPadding - 4)), units(m.cardPadding / 2));
        m_shapes.beginGroup(name, rect);
        if (kind == LaneKind::Thoughts) {
            // A sticky note, its corner folded, as on the canvas.
            m_shapes.shape(name + QStringLiteral(" text"), rect, shapeStyle("foldedCorner", 12000, fill, {}), &body);
        } else {
            const int radius =
                qRound(6.0 / std::max<qreal>(std::min(layoutRect->width(), layoutRect->height()), 12) * 100000);
            m_shapes.shape(name + QStringLiteral(" text"), rect,
                           shapeStyle("roundRect", radius, fill, accent.lighter(150), 0.75, !card->direct), &body);
            // The accent stripe down the left edge, inside the rounded corners.
            const qreal corner = units(2);
            m_shapes.shape(
                QStringLiteral("Accent"),
                QRectF(rect.left(), rect.top() + corner, units(kCardAccentWidth), rect.height() - 2 * corner),
                shapeStyle("rect", {}, accent, {}));
        }
        if (card->image) {
            // The picture above the text, centred, its shape kept, as the painter draws it.
            const QRectF content =
                layoutRect->adjusted(m.cardPadding + kCardAccentWidth, m.cardPadding, -m.cardPadding, -m.cardPadding);
            const QRectF area(content.left(), content.top(), content.width(), m.cardImageHeight);
            const QImage decoded = decodeEmbeddedImage(*card->image).image;
            if (!decoded.isNull()) {
                const QSizeF size = QSizeF(decoded.size()).scaled(area.size(), Qt::KeepAspectRatio);
                const QRectF placed =
                    m_page.cellToPage(QRectF(QPointF(area.center().x() - size.width() / 2, area.top()), size));
                picture(name + QStringLiteral(" picture"), placed, imageKey(*card->image),
                        [&] { return pictureFor(*card->image, placed.size()); });
            }
        }
        m_shapes.endGroup();
    }

    const DeckPage &m_page;
    const Document &m_doc;
    const MapLayout &m_layout;
    const MapStyle &m_style;
    MapPainter m_painter;
    ShapeWriter m_shapes;
    Xml &m_x;
    MediaParts &m_media;
    std::vector<Relationship> m_pictures;
    std::map<QString, QString> m_pictureIds; // part -> relationship id

    // Draws the picture `key` names into `rect`; false when there is none.
    bool picture(const QString &name, const QRectF &rect, const QString &key, const std::function<QImage()> &make,
                 const char *preset = "rect")
    {
        const QString part = m_media.part(key, make);
        if (part.isEmpty())
            return false;
        auto id = m_pictureIds.find(part);
        if (id == m_pictureIds.end()) {
            m_pictures.push_back(
                {QStringLiteral("image"), QStringLiteral("../media/") + part.section(QLatin1Char('/'), -1)});
            id = m_pictureIds
                     .emplace(part, QStringLiteral("rId%1").arg(kFirstPictureRelationship + m_pictures.size() - 1))
                     .first;
        }
        m_shapes.picture(name, rect, id->second, preset);
        return true;
    }
};

// ---------------------------------------------------------------------------
// Speaker notes: the descriptions of the page's stages, then the notes of its cards.

constexpr qreal kNotesPageWidth = 540, kNotesPageHeight = 720; // points: 7.5 × 10 in, portrait

QRectF notesSlideImageRect(const QSizeF &slide)
{
    const qreal width = 405;
    return QRectF((kNotesPageWidth - width) / 2, 54, width, width * slide.height() / slide.width());
}
QRectF notesBodyRect() { return QRectF(54, 342, kNotesPageWidth - 108, 324); }

TextBody speakerNotes(const DeckPage &page, const MapStyle &style)
{
    TextBody notes;
    notes.insets = QMarginsF(7.2, 3.6, 7.2, 3.6);
    const qreal size = 12;
    const QColor text = style.textColor();
    // "Heading: first line", then the text's further lines as they are.
    const auto add = [&](const QString &heading, const QString &body) {
        const QStringList lines = textLines(body);
        notes.paragraphs.push_back(
            {TextRun{heading + QStringLiteral(": "), size, text, true}, TextRun{lines.front(), size, text}});
        for (qsizetype i = 1; i < lines.size(); ++i)
            notes.paragraphs.push_back({TextRun{lines[i], size, text}});
    };
    for (const std::string &id : page.stageIds)
        if (const Stage *stage = page.document->stage(id); stage && !stage->description.empty())
            add(toQString(stage->name), toQString(stage->description));
    for (const std::string &id : page.cardIds)
        if (const Card *card = page.document->card(id); card && !card->notes.empty())
            add(textLines(toQString(card->text)).front().trimmed(), toQString(card->notes));
    return notes;
}

QByteArray notesSlidePart(const DeckPage &page, const MapStyle &style)
{
    Xml x;
    x.start("p:notes");
    presentationNamespaces(x);
    x.start("p:cSld");
    beginShapeTree(x);
    ShapeWriter shapes(x, Typefaces(style.cardFont, mapLanguageTag(*page.document)));
    shapes.shape(QStringLiteral("Slide image"), notesSlideImageRect(page.size),
                 shapeStyle("rect", {}, {}, QColor(Qt::black)), nullptr, "sldImg");
    const TextBody notes = speakerNotes(page, style);
    shapes.shape(QStringLiteral("Notes"), notesBodyRect(), ShapeStyle{}, &notes, "body");
    x.end().end();
    x.start("p:clrMapOvr").empty("a:masterClrMapping").end();
    x.end();
    return x.finish();
}

// ---------------------------------------------------------------------------
// The parts every deck has: master, layout, theme, notes master, properties.

void colourMap(Xml &x, const char *element)
{
    x.empty(element).attr("bg1", "lt1").attr("tx1", "dk1").attr("bg2", "lt2").attr("tx2", "dk2");
    for (const char *accent : {"accent1", "accent2", "accent3", "accent4", "accent5", "accent6"})
        x.attr(accent, accent);
    x.attr("hlink", "hlink").attr("folHlink", "folHlink");
}

// The theme: the map's colours and fonts, and the three of each style
// PowerPoint expects in a format scheme.
QByteArray themePart(const MapStyle &style)
{
    Xml x;
    x.start("a:theme").attr("xmlns:a", kNsA).attr("name", "CJM Studio");
    x.start("a:themeElements");
    x.start("a:clrScheme").attr("name", "CJM Studio");
    const auto colour = [&](const char *name, const QColor &c) { x.start(name).value("a:srgbClr", hex(c)).end(); };
    colour("a:dk1", style.textColor());
    colour("a:lt1", QColor(Qt::white));
    colour("a:dk2", style.mutedTextColor());
    colour("a:lt2", style.backgroundColor());
    const char *accents[] = {"a:accent1", "a:accent2", "a:accent3", "a:accent4", "a:accent5", "a:accent6"};
    for (std::size_t i = 0; i < std::size(accents); ++i)
        colour(accents[i], style.defaultStageColor(i));
    colour("a:hlink", style.kindColors(LaneKind::Touchpoints).accent);
    colour("a:folHlink", style.kindColors(LaneKind::Owners).accent);
    x.end();
    const Typefaces faces(style.cardFont);
    x.start("a:fontScheme").attr("name", "CJM Studio");
    for (const char *font : {"a:majorFont", "a:minorFont"}) {
        x.start(font);
        x.empty("a:latin").attr("typeface", faces.latin);
        x.empty("a:ea").attr("typeface", faces.eastAsian);
        x.empty("a:cs").attr("typeface", faces.complex);
        // The faces Windows and Mac PowerPoint use per script where a run's
        // own face is missing (ECMA-376 20.1.4.2.13 font).
        x.empty("a:font").attr("script", "Hans").attr("typeface", "Microsoft YaHei");
        x.empty("a:font").attr("script", "Hant").attr("typeface", "Microsoft JhengHei");
        x.empty("a:font").attr("script", "Jpan").attr("typeface", "Yu Gothic");
        x.empty("a:font").attr("script", "Hang").attr("typeface", "Malgun Gothic");
        x.empty("a:font").attr("script", "Arab").attr("typeface", "Arial");
        x.empty("a:font").attr("script", "Hebr").attr("typeface", "Arial");
        x.end();
    }
    x.end();
    x.start("a:fmtScheme").attr("name", "CJM Studio");
    const auto placeholderFill = [&] { x.start("a:solidFill").value("a:schemeClr", QStringLiteral("phClr")).end(); };
    x.start("a:fillStyleLst");
    for (int i = 0; i < 3; ++i)
        placeholderFill();
    x.end();
    x.start("a:lnStyleLst");
    for (const int width : {6350, 12700, 19050}) {
        x.start("a:ln").attr("w", width);
        placeholderFill();
        x.end();
    }
    x.end();
    x.start("a:effectStyleLst");
    for (int i = 0; i < 3; ++i)
        x.start("a:effectStyle").empty("a:effectLst").end();
    x.end();
    x.start("a:bgFillStyleLst");
    for (int i = 0; i < 3; ++i)
        placeholderFill();
    x.end();
    x.end(); // fmtScheme
    x.end(); // themeElements
    x.empty("a:objectDefaults").empty("a:extraClrSchemeLst");
    x.end();
    return x.finish();
}

void masterBackground(Xml &x)
{
    x.start("p:bg").start("p:bgRef").attr("idx", 1001).value("a:schemeClr", QStringLiteral("bg1")).end().end();
}

constexpr qint64 kMasterId = 2147483648LL; // master and layout ids share one range, from 2^31

QByteArray slideMasterPart()
{
    Xml x;
    x.start("p:sldMaster");
    presentationNamespaces(x);
    x.start("p:cSld");
    masterBackground(x);
    beginShapeTree(x);
    x.end().end();
    colourMap(x, "p:clrMap");
    x.start("p:sldLayoutIdLst").empty("p:sldLayoutId").attr("id", kMasterId + 1).attr("r:id", "rId1").end();
    x.start("p:txStyles");
    for (const char *level : {"p:titleStyle", "p:bodyStyle", "p:otherStyle"})
        x.start(level).start("a:lvl1pPr").empty("a:defRPr").attr("lang", "x-none").end().end();
    x.end();
    x.end();
    return x.finish();
}

QByteArray slideLayoutPart()
{
    Xml x;
    x.start("p:sldLayout");
    presentationNamespaces(x);
    x.attr("type", "blank").attr("preserve", 1);
    x.start("p:cSld").attr("name", "Blank");
    beginShapeTree(x);
    x.end().end();
    x.start("p:clrMapOvr").empty("a:masterClrMapping").end();
    x.end();
    return x.finish();
}

QByteArray notesMasterPart(const MapStyle &style, const QSizeF &slide)
{
    Xml x;
    x.start("p:notesMaster");
    presentationNamespaces(x);
    x.start("p:cSld");
    masterBackground(x);
    beginShapeTree(x);
    ShapeWriter shapes(x, Typefaces(style.cardFont));
    shapes.shape(QStringLiteral("Slide image"), notesSlideImageRect(slide),
                 shapeStyle("rect", {}, {}, QColor(Qt::black)), nullptr, "sldImg");
    const TextBody empty;
    shapes.shape(QStringLiteral("Notes"), notesBodyRect(), ShapeStyle{}, &empty, "body");
    x.end().end();
    colourMap(x, "p:clrMap");
    x.end();
    return x.finish();
}

QByteArray presentationPart(std::size_t slides, const QSizeF &size)
{
    Xml x;
    x.start("p:presentation");
    presentationNamespaces(x);
    x.attr("saveSubsetFonts", 1);
    // Relationship ids as presentationRelationships() numbers them.
    x.start("p:sldMasterIdLst").empty("p:sldMasterId").attr("id", kMasterId).attr("r:id", "rId1").end();
    x.start("p:notesMasterIdLst").empty("p:notesMasterId").attr("r:id", "rId2").end();
    x.start("p:sldIdLst");
    for (std::size_t i = 0; i < slides; ++i)
        x.empty("p:sldId").attr("id", static_cast<qint64>(256 + i)).attr("r:id", QStringLiteral("rId%1").arg(i + 3));
    x.end();
    x.empty("p:sldSz").attr("cx", emu(size.width())).attr("cy", emu(size.height()));
    x.empty("p:notesSz").attr("cx", emu(kNotesPageWidth)).attr("cy", emu(kNotesPageHeight));
    x.end();
    return x.finish();
}

std::vector<Relationship> presentationRelationships(std::size_t slides)
{
    std::vector<Relationship> relationships{
        {QStringLiteral("slideMaster"), QStringLiteral("slideMasters/slideMaster1.xml")},
        {QStringLiteral("notesMaster"), QStringLiteral("notesMasters/notesMaster1.xml")}};
    for (std::size_t i = 0; i < slides; ++i)
        relationships.push_back({QStringLiteral("slide"), QStringLiteral("slides/slide%1.xml").arg(i + 1)});
    relationships.push_back({QStringLiteral("theme"), QStringLiteral("theme/theme1.xml")});
    relationships.push_back({QStringLiteral("presProps"), QStringLiteral("presProps.xml")});
    relationships.push_back({QStringLiteral("viewProps"), QStringLiteral("viewProps.xml")});
    relationships.push_back({QStringLiteral("tableStyles"), QStringLiteral("tableStyles.xml")});
    return relationships;
}

QByteArray emptyPresentationElement(const char *element)
{
    Xml x;
    x.start(element);
    presentationNamespaces(x);
    x.end();
    return x.finish();
}

QByteArray tableStylesPart()
{
    Xml x;
    // The default table style PowerPoint itself names (Medium Style 2 - Accent 1).
    x.start("a:tblStyleLst").attr("xmlns:a", kNsA).attr("def", "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}").end();
    return x.finish();
}

QByteArray corePropertiesPart(const Document &document)
{
    Xml x;
    x.start("cp:coreProperties")
        .attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
        .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/");
    x.start("dc:title").text(toQString(document.journey().title)).end();
    x.end();
    return x.finish();
}

QByteArray appPropertiesPart(std::size_t slides)
{
    Xml x;
    x.start("Properties").attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
    x.start("Application").text(QStringLiteral("CJM Studio")).end();
    x.start("Slides").text(QString::number(slides)).end();
    x.start("Notes").text(QString::number(slides)).end();
    x.end();
    return x.finish();
}

// ---------------------------------------------------------------------------
// The pages of the deck.

DeckPage deckPage(const SlidePage &slide)
{
    DeckPage page;
    page.document = &slide.document();
    page.layout = &slide.layout();
    page.cellToPage = [&slide](const QRectF &r) { return slide.cellToPage(r); };
    page.frameToPage = [&slide](const QRectF &r) { return slide.frameToPage(r); };
    page.size = slide.size();
    page.textScale = slide.contentScale();
    page.title = slide.title();
    page.number = slide.numberText();
    page.numberRect = slide.numberRect();
    const QRectF title = slide.titleRect();
    page.titleRect = QRectF(title.left(), title.top(), page.numberRect.left() - title.left() - 8, title.height());
    page.cellsRect = slide.cellsRect();
    page.stageIds = slide.stageIds();
    page.laneIds = slide.laneIds();
    page.cardIds = slide.cardIds();
    page.lowestMoments = &slide.lowestMoments();
    return page;
}

ExportResult zipFailed(const QString &path, const QString &error)
{
    return failure(
        ExportText::tr("Could not write %1: the PowerPoint package could not be zipped (%2).").arg(path, error));
}

} // namespace

ExportResult PptxExporter::write(const ExportJob &job) const
{
    // The pages the PDF slides have (the view's personas, stages and lanes).
    const SlideDeck deck = SlideDeck::build(job.document, job.options.slides);
    if (deck.empty())
        return failure(
            ExportText::tr("Nothing to put on slides: the view shows no persona, stage or lane of the map."));
    std::vector<DeckPage> pages;
    for (const SlidePage &slide : deck.pages())
        pages.push_back(deckPage(slide));
    const MapStyle &style = MapStyle::standard();
    const QSizeF slideSize = deck.pageSize();
    const std::size_t count = pages.size();

    std::vector<PartType> types{
        {QStringLiteral("ppt/presentation.xml"),
         QLatin1String(kPresentationML) + QStringLiteral("presentation.main+xml")},
        {QStringLiteral("ppt/presProps.xml"), QLatin1String(kPresentationML) + QStringLiteral("presProps+xml")},
        {QStringLiteral("ppt/viewProps.xml"), QLatin1String(kPresentationML) + QStringLiteral("viewProps+xml")},
        {QStringLiteral("ppt/tableStyles.xml"), QLatin1String(kPresentationML) + QStringLiteral("tableStyles+xml")},
        {QStringLiteral("ppt/slideMasters/slideMaster1.xml"),
         QLatin1String(kPresentationML) + QStringLiteral("slideMaster+xml")},
        {QStringLiteral("ppt/slideLayouts/slideLayout1.xml"),
         QLatin1String(kPresentationML) + QStringLiteral("slideLayout+xml")},
        {QStringLiteral("ppt/notesMasters/notesMaster1.xml"),
         QLatin1String(kPresentationML) + QStringLiteral("notesMaster+xml")},
        {QStringLiteral("ppt/theme/theme1.xml"),
         QStringLiteral("application/vnd.openxmlformats-officedocument.theme+xml")},
        {QStringLiteral("ppt/theme/theme2.xml"),
         QStringLiteral("application/vnd.openxmlformats-officedocument.theme+xml")},
        {QStringLiteral("docProps/core.xml"),
         QStringLiteral("application/vnd.openxmlformats-package.core-properties+xml")},
        {QStringLiteral("docProps/app.xml"),
         QStringLiteral("application/vnd.openxmlformats-officedocument.extended-properties+xml")},
    };
    for (std::size_t i = 1; i <= count; ++i) {
        types.push_back({QStringLiteral("ppt/slides/slide%1.xml").arg(i),
                         QLatin1String(kPresentationML) + QStringLiteral("slide+xml")});
        types.push_back({QStringLiteral("ppt/notesSlides/notesSlide%1.xml").arg(i),
                         QLatin1String(kPresentationML) + QStringLiteral("notesSlide+xml")});
    }

    // The package is made in memory (libzip writes only where it can seek)
    // and written whole: text, a few hundred kilobytes a slide at most.
    ZipWriter zip;
    QString zipError;
    MediaParts media;
    const auto add = [&](const QString &path, const QByteArray &bytes) { return zip.add(path, bytes, zipError); };
    const auto relationships = [&](const QString &part, const std::vector<Relationship> &list) {
        return add(relationshipsPath(part), relationshipsPart(list));
    };
    const QString presentation = QStringLiteral("ppt/presentation.xml");
    bool ok = add(QStringLiteral("[Content_Types].xml"), contentTypesPart(types)) &&
              add(QStringLiteral("_rels/.rels"),
                  relationshipsPart({{QStringLiteral("officeDocument"), presentation},
                                     {QStringLiteral("core-properties"), QStringLiteral("docProps/core.xml")},
                                     {QStringLiteral("extended-properties"), QStringLiteral("docProps/app.xml")}})) &&
              add(QStringLiteral("docProps/core.xml"), corePropertiesPart(job.document)) &&
              add(QStringLiteral("docProps/app.xml"), appPropertiesPart(count)) &&
              add(presentation, presentationPart(count, slideSize)) &&
              relationships(presentation, presentationRelationships(count)) &&
              add(QStringLiteral("ppt/presProps.xml"), emptyPresentationElement("p:presentationPr")) &&
              add(QStringLiteral("ppt/viewProps.xml"), emptyPresentationElement("p:viewPr")) &&
              add(QStringLiteral("ppt/tableStyles.xml"), tableStylesPart()) &&
              add(QStringLiteral("ppt/theme/theme1.xml"), themePart(style)) &&
              add(QStringLiteral("ppt/theme/theme2.xml"), themePart(style)) &&
              add(QStringLiteral("ppt/slideMasters/slideMaster1.xml"), slideMasterPart()) &&
              relationships(QStringLiteral("ppt/slideMasters/slideMaster1.xml"),
                            {{QStringLiteral("slideLayout"), QStringLiteral("../slideLayouts/slideLayout1.xml")},
                             {QStringLiteral("theme"), QStringLiteral("../theme/theme1.xml")}}) &&
              add(QStringLiteral("ppt/slideLayouts/slideLayout1.xml"), slideLayoutPart()) &&
              relationships(QStringLiteral("ppt/slideLayouts/slideLayout1.xml"),
                            {{QStringLiteral("slideMaster"), QStringLiteral("../slideMasters/slideMaster1.xml")}}) &&
              add(QStringLiteral("ppt/notesMasters/notesMaster1.xml"), notesMasterPart(style, slideSize)) &&
              relationships(QStringLiteral("ppt/notesMasters/notesMaster1.xml"),
                            {{QStringLiteral("theme"), QStringLiteral("../theme/theme2.xml")}});
    for (std::size_t i = 0; ok && i < count; ++i) {
        const DeckPage &page = pages[i];
        const QString slide = QStringLiteral("ppt/slides/slide%1.xml").arg(i + 1);
        const QString notes = QStringLiteral("ppt/notesSlides/notesSlide%1.xml").arg(i + 1);
        Xml xml;
        SlideBuilder builder(page, xml, media);
        builder.build();
        std::vector<Relationship> slideRelationships{
            {QStringLiteral("slideLayout"), QStringLiteral("../slideLayouts/slideLayout1.xml")},
            {QStringLiteral("notesSlide"), QStringLiteral("../notesSlides/notesSlide%1.xml").arg(i + 1)}};
        slideRelationships.insert(slideRelationships.end(), builder.pictureRelationships().begin(),
                                  builder.pictureRelationships().end());
        ok = add(slide, xml.finish()) && relationships(slide, slideRelationships) &&
             add(notes, notesSlidePart(page, page.layout->style())) &&
             relationships(notes, {{QStringLiteral("notesMaster"), QStringLiteral("../notesMasters/notesMaster1.xml")},
                                   {QStringLiteral("slide"), QStringLiteral("../slides/slide%1.xml").arg(i + 1)}});
        if (ok && job.progress && !job.progress(static_cast<int>(i + 1), static_cast<int>(count)))
            return failure(ExportText::tr("The export was cancelled."));
    }
    for (const auto &[part, png] : media.parts())
        ok = ok && add(part, png);
    if (!ok)
        return zipFailed(job.path, zipError);
    const std::optional<QByteArray> package = zip.finish(zipError);
    if (!package)
        return zipFailed(job.path, zipError);
    AtomicFile file(job.path);
    if (!file.create() || !file.append(*package) || !file.commit())
        return failure(file.error());
    ExportResult result = success();
    result.pages = static_cast<int>(count);
    return result;
}

} // namespace cjm
