#include "svg_chunk_joiner.hpp"

#include <QHash>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>
#include <algorithm>
#include <utility>

namespace cjm {

namespace {

bool isGenericFamily(const QString &family)
{
    static const QStringList generic{QStringLiteral("serif"),     QStringLiteral("sans-serif"),
                                     QStringLiteral("monospace"), QStringLiteral("cursive"),
                                     QStringLiteral("fantasy"),   QStringLiteral("system-ui")};
    return generic.contains(family);
}

// A family name in CSS: quoted, unless a generic family (a keyword).
QString cssFamily(const QString &family)
{
    if (isGenericFamily(family))
        return family;
    QString quoted = family;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString readError(const QXmlStreamReader &reader)
{
    return QStringLiteral("%1 (line %2, column %3)")
        .arg(reader.errorString())
        .arg(reader.lineNumber())
        .arg(reader.columnNumber());
}

} // namespace

QString svgFontFamilyList(const QString &family, const QList<QStringList> &fontFamilies)
{
    QStringList families{family};
    for (const QStringList &list : fontFamilies)
        if (!list.isEmpty() && list.front() == family) {
            families = list;
            break;
        }
    QStringList names;
    for (const QString &each : families)
        names << cssFamily(each);
    if (std::none_of(families.begin(), families.end(), isGenericFamily))
        names << QStringLiteral("sans-serif"); // every map font is a sans
    return names.join(QStringLiteral(", "));
}

namespace {

// "url(#a)" in any attribute and "#a" in an href get the suffix after the id
// (a colour such as fill="#ff0000" is no reference).
QString renamed(QStringView attribute, const QString &value, const QString &suffix)
{
    if ((attribute == QLatin1String("xlink:href") || attribute == QLatin1String("href")) &&
        value.startsWith(QLatin1Char('#')))
        return value + suffix;
    const QLatin1String marker("url(#");
    qsizetype found = value.indexOf(marker);
    if (found < 0)
        return value;
    QString out;
    qsizetype at = 0;
    for (; found >= 0; found = value.indexOf(marker, at)) {
        const qsizetype nameEnd = value.indexOf(QLatin1Char(')'), found + marker.size());
        if (nameEnd < 0)
            break;
        out += QStringView(value).sliced(at, nameEnd - at);
        out += suffix;
        at = nameEnd;
    }
    out += QStringView(value).sliced(at);
    return out;
}

} // namespace

// A chunk is a whole SVG document: its references to ids (url(#id),
// href="#id") are to ids it defines itself, so giving every id and every
// such reference the same suffix keeps them apart from other chunks' ids
// without knowing which ids there are.
SvgPart svgChunkPart(const QByteArray &svg, int index, const QList<QStringList> &fontFamilies)
{
    SvgPart part;
    part.bytes.reserve(svg.size() + svg.size() / 8);
    QXmlStreamWriter writer(&part.bytes);
    const bool first = index == 0;
    const QString suffix = first ? QString() : QLatin1Char('_') + QString::number(index);
    QHash<QString, QString> familyLists; // a few fonts, thousands of attributes
    QXmlStreamReader reader(svg);
    reader.setNamespaceProcessing(false);
    int depth = 0;
    bool root = false;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartDocument:
            if (first)
                writer.writeStartDocument(QStringLiteral("1.0"), false);
            break;
        case QXmlStreamReader::StartElement: {
            ++depth;
            const QString name = reader.qualifiedName().toString();
            if (depth == 1 && name != QLatin1String("svg")) {
                part.error = QStringLiteral("the document is not an SVG (its root is <%1>)").arg(name);
                return part;
            }
            root = true;
            if (depth == 1 && !first)
                break; // the root is the first chunk's
            if (depth == 2 && !first && (name == QLatin1String("title") || name == QLatin1String("desc"))) {
                reader.skipCurrentElement(); // the document has the first chunk's
                --depth;
                break;
            }
            writer.writeStartElement(name);
            if (depth == 1)
                for (const QXmlStreamNamespaceDeclaration &declaration : reader.namespaceDeclarations())
                    writer.writeAttribute(declaration.prefix().isEmpty()
                                              ? QStringLiteral("xmlns")
                                              : QStringLiteral("xmlns:") + declaration.prefix().toString(),
                                          declaration.namespaceUri().toString());
            for (const QXmlStreamAttribute &attribute : reader.attributes()) {
                const QStringView attributeName = attribute.qualifiedName();
                QString value = attribute.value().toString();
                if (attributeName == QLatin1String("font-family") && !fontFamilies.isEmpty()) {
                    auto list = familyLists.find(value);
                    if (list == familyLists.end())
                        list = familyLists.insert(value, svgFontFamilyList(value, fontFamilies));
                    value = list.value();
                } else if (attributeName == QLatin1String("id")) {
                    value += suffix;
                } else if (!suffix.isEmpty()) {
                    value = renamed(attributeName, value, suffix);
                }
                writer.writeAttribute(attributeName.toString(), value);
            }
            if (depth == 1)
                writer.writeCharacters(QString()); // ends the start tag: the part after it is another chunk's
            break;
        }
        case QXmlStreamReader::EndElement:
            if (depth-- > 1)
                writer.writeEndElement(); // the root is closed by svgDocumentEnd()
            break;
        case QXmlStreamReader::Characters:
            if (depth == 0)
                break;
            if (reader.isCDATA())
                writer.writeCDATA(reader.text().toString());
            else
                writer.writeCharacters(reader.text().toString());
            break;
        case QXmlStreamReader::Comment:
            if (depth > 0)
                writer.writeComment(reader.text().toString());
            break;
        case QXmlStreamReader::EntityReference: writer.writeEntityReference(reader.name().toString()); break;
        case QXmlStreamReader::ProcessingInstruction:
            if (depth > 0)
                writer.writeProcessingInstruction(reader.processingInstructionTarget().toString(),
                                                  reader.processingInstructionData().toString());
            break;
        default: // the declaration, a DTD, the end of the document
            break;
        }
    }
    if (reader.hasError())
        part.error = readError(reader);
    else if (!root)
        part.error = QStringLiteral("the document is empty");
    return part;
}

QByteArray svgDocumentEnd() { return QByteArrayLiteral("</svg>\n"); }

SvgChunkJoiner::SvgChunkJoiner(QIODevice &out, QList<QStringList> fontFamilies)
    : m_out(out), m_fontFamilies(std::move(fontFamilies))
{
}

bool SvgChunkJoiner::append(const QByteArray &svg)
{
    if (!m_error.isEmpty())
        return false;
    const SvgPart part = svgChunkPart(svg, m_chunks, m_fontFamilies);
    if (!part.ok())
        m_error = part.error;
    else if (m_out.write(part.bytes) != part.bytes.size())
        m_error = QStringLiteral("the file could not be written");
    else
        ++m_chunks;
    return m_error.isEmpty();
}

bool SvgChunkJoiner::finish()
{
    if (!m_error.isEmpty())
        return false;
    if (m_chunks == 0)
        m_error = QStringLiteral("there is nothing to write");
    else if (m_out.write(svgDocumentEnd()) != svgDocumentEnd().size())
        m_error = QStringLiteral("the file could not be written");
    return m_error.isEmpty();
}

} // namespace cjm
