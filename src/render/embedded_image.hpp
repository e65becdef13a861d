#pragma once
// Decoding a map's embedded pictures safely: the file is untrusted, so the
// decoder is given an allocation limit and the format's size caps before it
// touches the pixels (a decompression bomb is refused, never decoded).

#include <QImage>
#include <QString>

#include "cjm/model.hpp"

namespace cjm {

struct DecodedImage {
    QImage image; // null when refused
    QString error;
};

// Decodes with caching: the same picture is decoded once per process.
DecodedImage decodeEmbeddedImage(const Image &image);

} // namespace cjm
