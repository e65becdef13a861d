#include "picture_copy.hpp"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <cmath>
#include <functional>

#include "map_language.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {

struct PictureText {
    Q_DECLARE_TR_FUNCTIONS(PictureCopy)
};

// The PNG is drawn at twice the picture's size: a slide tool shows a pasted
// picture at its size in points, and a projector or a high-density screen
// then still gets sharp words.
constexpr qreal kPngScale = 2.0;

std::unique_ptr<QMimeData> picture(const QSizeF &size, const QString &title,
                                   const std::function<void(QPainter &)> &paint)
{
    QImage image((size * kPngScale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        painter.scale(kPngScale, kPngScale);
        paint(painter);
    }

    QByteArray svg;
    {
        QBuffer buffer(&svg);
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setResolution(96); // map units and slide points are drawn one to one
        generator.setSize(size.toSize());
        generator.setViewBox(QRectF(QPointF(0, 0), size));
        // Qt writes the title as it is: the map's words are escaped here.
        generator.setTitle(title.toHtmlEscaped());
        generator.setDescription(PictureText::tr("Made with CJM Studio").toHtmlEscaped());
        QPainter painter(&generator);
        painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
        paint(painter);
    }

    auto mime = std::make_unique<QMimeData>();
    mime->setImageData(image);
    mime->setData(QString::fromLatin1(kSvgMimeType), svg);
    return mime;
}

} // namespace

std::unique_ptr<QMimeData> cardsPicture(const MapPainter &mapPainter, const std::vector<std::string> &cardIds)
{
    const MapLayout &layout = mapPainter.layout();
    std::vector<std::pair<std::string, QRectF>> cards;
    QRectF bounds;
    for (const std::string &id : layout.inDisplayOrder(cardIds)) {
        const auto rect = layout.cardRect(id);
        if (!rect)
            continue;
        cards.emplace_back(id, *rect);
        const QRectF reach = mapPainter.cardPaintBounds(id);
        bounds = bounds.isNull() ? reach : bounds.united(reach);
    }
    if (cards.empty())
        return nullptr;
    constexpr qreal margin = 8;
    const QRectF area = bounds.adjusted(-margin, -margin, margin, margin);
    const QSizeF size(std::ceil(area.width()), std::ceil(area.height()));
    const Document &document = mapPainter.document();
    const QString title = toQString(document.journey().title);
    return picture(size, title, [&](QPainter &painter) {
        const MapLanguageScope language(document);
        painter.translate(-area.topLeft());
        PaintOptions options; // as exported: no selection or find outline
        for (const auto &[id, rect] : cards)
            mapPainter.paintCard(&painter, id, rect, options);
    });
}

std::unique_ptr<QMimeData> slidePicture(const SlidePage &page, const PaintOptions &options)
{
    const QSizeF size = page.size();
    return picture(size, page.title(),
                   [&](QPainter &painter) { page.paint(&painter, QRectF(QPointF(0, 0), size), options); });
}

} // namespace cjm
