#pragma once
// What core can tell about an embedded picture without decoding it: the
// base64 is well formed, the bytes are the PNG or JPEG the "mime" says, and
// the header's width and height are within the caps. Decoding the pixels is
// the render layer's job (with QImageReader's allocation limit).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cjm::detail {

std::optional<std::string> decodeBase64(std::string_view text);
std::string encodeBase64(std::string_view bytes);

struct ImageSize {
    int width = 0;
    int height = 0;
};
std::optional<ImageSize> pngSize(std::string_view bytes);
std::optional<ImageSize> jpegSize(std::string_view bytes);

// Empty when fine; otherwise a sentence saying what is wrong.
std::string checkEmbeddedImage(const std::string &mime, std::string_view base64, std::size_t maxBytes, int maxSide);

} // namespace cjm::detail
