#include "svg_chunk_joiner.hpp"

#include <QXmlStreamReader>
#include <algorithm>
#include <utility>

namespace cjm {

namespace {

bool isGenericFamily(const QString &family) {
    static const QStringList generic{QStringLiteral("serif"),     QStringLiteral("sans-serif"),
                                     QStringLiteral("monospace"), QStringLiteral("cursive"),
                                     QStringLiteral("fantasy"),   QStringLiteral("system-ui")};
    return generic.contains(family);
}

// A family name in CSS: quoted, unless a generic family (a keyword).
QString cssFamily(const QString &family) {
    if (isGenericFamily(family))
        return family;
    QString quoted = family;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString readError(const QXmlStreamReader &reader) {
    return QStringLiteral("%1 (line %2, column %3)")
        .arg(reader.errorString())
        .arg(reader.lineNumber())
        .arg(reader.columnNumber());
}

} // namespace

QString svgFontFamilyList(const QString &family, const QList<QStringList> &fontFamilies) {
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

SvgChunkJoiner::SvgChunkJoiner(QIODevice &out, QList<QStringList> fontFamilies)
    : m_writer(&out), m_fontFamilies(std::move(fontFamilies)) {}

bool SvgChunkJoiner::append(const QByteArray &svg) {
    if (!m_error.isEmpty())
        return false;
    // First the ids the chunk defines (a reference may come before its
    // definition); this pass also finds a chunk that is not well-formed
    // before any of it is written.
    QSet<QString> ids;
    {
        QXmlStreamReader reader(svg);
        reader.setNamespaceProcessing(false);
        bool root = false;
        while (!reader.atEnd())
            if (reader.readNext() == QXmlStreamReader::StartElement) {
                if (!root && reader.qualifiedName() != QLatin1String("svg")) {
                    m_error =
                        QStringLiteral("the document is not an SVG (its root is <%1>)").arg(reader.qualifiedName());
                    return false;
                }
                root = true;
                const QStringView id = reader.attributes().value(QLatin1String("id"));
                if (!id.isEmpty())
                    ids.insert(id.toString());
            }
        if (reader.hasError()) {
            m_error = readError(reader);
            return false;
        }
        if (!root) {
            m_error = QStringLiteral("the document is empty");
            return false;
        }
    }
    if (m_chunks == 0)
        ids.clear(); // the first chunk's ids stay as they are
    if (!copy(svg, ids, QLatin1Char('_') + QString::number(m_chunks)))
        return false;
    ++m_chunks;
    return true;
}

bool SvgChunkJoiner::copy(const QByteArray &svg, const QSet<QString> &ids, const QString &suffix) {
    const bool first = m_chunks == 0;
    QXmlStreamReader reader(svg);
    reader.setNamespaceProcessing(false);
    int depth = 0;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartDocument:
            if (first)
                m_writer.writeStartDocument(QStringLiteral("1.0"), false);
            break;
        case QXmlStreamReader::StartElement: {
            ++depth;
            const QString name = reader.qualifiedName().toString();
            if (depth == 1 && !first)
                break; // the root is the first chunk's
            if (depth == 2 && !first && (name == QLatin1String("title") || name == QLatin1String("desc"))) {
                reader.skipCurrentElement(); // the document has the first chunk's
                --depth;
                break;
            }
            m_writer.writeStartElement(name);
            if (depth == 1)
                for (const QXmlStreamNamespaceDeclaration &declaration : reader.namespaceDeclarations())
                    m_writer.writeAttribute(declaration.prefix().isEmpty()
                                                ? QStringLiteral("xmlns")
                                                : QStringLiteral("xmlns:") + declaration.prefix().toString(),
                                            declaration.namespaceUri().toString());
            for (const QXmlStreamAttribute &attribute : reader.attributes()) {
                const QStringView attributeName = attribute.qualifiedName();
                QString value = attribute.value().toString();
                if (attributeName == QLatin1String("id")) {
                    if (ids.contains(value))
                        value += suffix;
                } else if (attributeName == QLatin1String("font-family") && !m_fontFamilies.isEmpty()) {
                    value = svgFontFamilyList(value, m_fontFamilies);
                } else if (!ids.isEmpty()) {
                    value = renamed(value, ids, suffix);
                }
                m_writer.writeAttribute(attributeName.toString(), value);
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            if (depth-- > 1)
                m_writer.writeEndElement(); // the root is closed by finish()
            break;
        case QXmlStreamReader::Characters:
            if (depth == 0)
                break;
            if (reader.isCDATA())
                m_writer.writeCDATA(reader.text().toString());
            else
                m_writer.writeCharacters(reader.text().toString());
            break;
        case QXmlStreamReader::Comment:
            if (depth > 0)
                m_writer.writeComment(reader.text().toString());
            break;
        case QXmlStreamReader::EntityReference:
            m_writer.writeEntityReference(reader.name().toString());
            break;
        case QXmlStreamReader::ProcessingInstruction:
            if (depth > 0)
                m_writer.writeProcessingInstruction(reader.processingInstructionTarget().toString(),
                                                    reader.processingInstructionData().toString());
            break;
        default: // the declaration, a DTD, the end of the document
            break;
        }
    }
    if (reader.hasError()) {
        m_error = readError(reader);
        return false;
    }
    if (m_writer.hasError()) {
        m_error = QStringLiteral("the file could not be written");
        return false;
    }
    return true;
}

// "url(#a)" and "#a" (an href) with `a` among `ids` get the suffix.
QString SvgChunkJoiner::renamed(const QString &value, const QSet<QString> &ids, const QString &suffix) const {
    if (value.startsWith(QLatin1Char('#')) && ids.contains(value.mid(1)))
        return value + suffix;
    const QLatin1String marker("url(#");
    qsizetype found = value.indexOf(marker);
    if (found < 0)
        return value;
    QString out;
    qsizetype at = 0;
    for (; found >= 0; found = value.indexOf(marker, at)) {
        const qsizetype nameStart = found + marker.size();
        const qsizetype nameEnd = value.indexOf(QLatin1Char(')'), nameStart);
        if (nameEnd < 0)
            break;
        out += QStringView(value).sliced(at, nameEnd - at);
        if (ids.contains(value.mid(nameStart, nameEnd - nameStart)))
            out += suffix;
        at = nameEnd;
    }
    out += QStringView(value).sliced(at);
    return out;
}

bool SvgChunkJoiner::finish() {
    if (!m_error.isEmpty())
        return false;
    if (m_chunks == 0) {
        m_error = QStringLiteral("there is nothing to write");
        return false;
    }
    m_writer.writeEndDocument(); // closes the root
    if (m_writer.hasError()) {
        m_error = QStringLiteral("the file could not be written");
        return false;
    }
    return true;
}

} // namespace cjm
