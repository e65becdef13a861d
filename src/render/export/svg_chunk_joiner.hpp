#pragma once
// One SVG document from the SVG documents of several QSvgGenerators. Qt's
// generator keeps its whole drawing in memory until the end, so the SVG
// export paints the map a chunk at a time, each chunk with its own
// generator (docs/performance.md), and joins them here as they come: the
// first chunk's root <svg> (size, viewBox, namespaces), title and
// description open the document, and every chunk's drawing follows inside
// it in order. Each chunk is read as XML, not as text in the shape Qt
// happens to write: a later chunk's ids get a suffix, and so do its
// references to them (url(#id), href="#id"); font families get their whole
// list and a generic family.

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>

namespace cjm {

// One chunk's part of the joined document, as UTF-8 bytes: for the first
// chunk (index 0) the XML declaration, the root <svg> start tag (left open),
// its title, description and drawing; for a later chunk its drawing only,
// its ids and references to them suffixed with "_index". A pure function,
// so that several chunks can be made into parts at once; the document is
// the parts in order, then svgDocumentEnd().
struct SvgPart {
    QByteArray bytes;
    QString error; // why the chunk is not well-formed SVG, and where
    bool ok() const { return error.isEmpty(); }
};
SvgPart svgChunkPart(const QByteArray &svg, int index, const QList<QStringList> &fontFamilies);
QByteArray svgDocumentEnd();

// The parts of chunks one after another onto a device.
class SvgChunkJoiner {
public:
    // `fontFamilies`: the map's fonts, each with its fallbacks (see
    // svgFontFamilyList); empty to leave font families as they are.
    SvgChunkJoiner(QIODevice &out, QList<QStringList> fontFamilies);

    // Adds one generator's whole document. False when it is not well-formed
    // SVG (error() says where) or cannot be written: nothing more may be
    // added then.
    bool append(const QByteArray &svg);
    // Closes the document; false when no chunk was added or a write failed.
    bool finish();
    QString error() const { return m_error; }

private:
    QIODevice &m_out;
    QList<QStringList> m_fontFamilies;
    QString m_error;
    int m_chunks = 0;
};

// QSvgGenerator names one font family (QFont::family(), the first of its
// families) and no generic family, so a viewer without that font falls back
// to its default, often a serif. This is the whole list of the font
// `family` names (the first of `fontFamilies` that starts with it; MapStyle's
// fonts share one), each name quoted, ending in the generic sans-serif:
// "'Noto Sans', 'WenQuanYi Micro Hei', ..., sans-serif".
QString svgFontFamilyList(const QString &family, const QList<QStringList> &fontFamilies);

} // namespace cjm
