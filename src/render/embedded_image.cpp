#include "embedded_image.hpp"

#include <QBuffer>
#include <QCache>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QImageReader>
#include <QMutex>

namespace cjm {

namespace {
constexpr int kMaxSide = 8192;
constexpr int kAllocationLimitMiB = 256; // 8192 x 8192 x 4 bytes
} // namespace

DecodedImage decodeEmbeddedImage(const Image &image)
{
    static QMutex mutex;
    static QCache<QByteArray, QImage> cache(64 * 1024); // cost in KiB
    const QByteArray base64 = QByteArray::fromRawData(image.data.data(), static_cast<qsizetype>(image.data.size()));
    const QByteArray key = QCryptographicHash::hash(base64, QCryptographicHash::Sha1);
    {
        QMutexLocker lock(&mutex);
        if (QImage *cached = cache.object(key))
            return {*cached, {}};
    }
    DecodedImage result;
    const QByteArray bytes = QByteArray::fromBase64(base64);
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, image.mime == "image/jpeg" ? "jpeg" : "png");
    QImageReader::setAllocationLimit(kAllocationLimitMiB);
    const QSize size = reader.size();
    if (!size.isValid()) {
        result.error = QCoreApplication::translate("MapText", "The picture could not be read.");
        return result;
    }
    if (size.width() > kMaxSide || size.height() > kMaxSide) {
        result.error = QCoreApplication::translate("MapText", "The picture is %1x%2 pixels; at most %3x%3 is allowed.")
                           .arg(size.width())
                           .arg(size.height())
                           .arg(kMaxSide);
        return result;
    }
    QImage decoded;
    if (!reader.read(&decoded) || decoded.isNull()) {
        result.error =
            QCoreApplication::translate("MapText", "The picture could not be read: %1").arg(reader.errorString());
        return result;
    }
    // Cards show pictures small; keep a bounded copy rather than the original.
    if (decoded.width() > 1024 || decoded.height() > 1024)
        decoded = decoded.scaled(1024, 1024, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    {
        QMutexLocker lock(&mutex);
        cache.insert(key, new QImage(decoded), static_cast<int>(decoded.sizeInBytes() / 1024) + 1);
    }
    result.image = decoded;
    return result;
}

} // namespace cjm
