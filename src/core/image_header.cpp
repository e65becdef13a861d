#include "image_header.hpp"

#include <array>
#include <cstdint>

namespace cjm::detail {

namespace {
int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}
std::uint32_t be16(std::string_view b, std::size_t at)
{
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 8) | static_cast<unsigned char>(b[at + 1]);
}
std::uint32_t be32(std::string_view b, std::size_t at) { return (be16(b, at) << 16) | be16(b, at + 2); }
} // namespace

std::optional<std::string> decodeBase64(std::string_view text)
{
    if (text.size() % 4 != 0)
        return std::nullopt;
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        int v[4];
        int padding = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = text[i + k];
            if (c == '=' && i + 4 == text.size() && k >= 2) {
                v[k] = 0;
                ++padding;
            } else {
                if (padding > 0)
                    return std::nullopt; // data after '='
                v[k] = base64Value(c);
                if (v[k] < 0)
                    return std::nullopt;
            }
        }
        const std::uint32_t triple = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
        out.push_back(static_cast<char>((triple >> 16) & 0xFF));
        if (padding < 2)
            out.push_back(static_cast<char>((triple >> 8) & 0xFF));
        if (padding < 1)
            out.push_back(static_cast<char>(triple & 0xFF));
    }
    return out;
}

std::string encodeBase64(std::string_view bytes)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::uint32_t triple = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size())
            triple |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size())
            triple |= static_cast<unsigned char>(bytes[i + 2]);
        out.push_back(kAlphabet[(triple >> 18) & 63]);
        out.push_back(kAlphabet[(triple >> 12) & 63]);
        out.push_back(i + 1 < bytes.size() ? kAlphabet[(triple >> 6) & 63] : '=');
        out.push_back(i + 2 < bytes.size() ? kAlphabet[triple & 63] : '=');
    }
    return out;
}

std::optional<ImageSize> pngSize(std::string_view b)
{
    static constexpr std::string_view kSignature("\x89PNG\r\n\x1a\n", 8);
    if (b.size() < 24 || b.substr(0, 8) != kSignature || b.substr(12, 4) != "IHDR")
        return std::nullopt;
    const std::uint32_t w = be32(b, 16), h = be32(b, 20);
    if (w == 0 || h == 0 || w > 0x7fffffff || h > 0x7fffffff)
        return std::nullopt;
    return ImageSize{static_cast<int>(w), static_cast<int>(h)};
}

std::optional<ImageSize> jpegSize(std::string_view b)
{
    if (b.size() < 4 || static_cast<unsigned char>(b[0]) != 0xFF || static_cast<unsigned char>(b[1]) != 0xD8)
        return std::nullopt;
    std::size_t pos = 2;
    while (pos + 4 <= b.size()) {
        if (static_cast<unsigned char>(b[pos]) != 0xFF)
            return std::nullopt;
        const unsigned char marker = static_cast<unsigned char>(b[pos + 1]);
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            pos += 2;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA)
            return std::nullopt; // end of image or scan data before any frame header
        const std::uint32_t length = be16(b, pos + 2);
        if (length < 2)
            return std::nullopt;
        const bool startOfFrame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame) {
            if (pos + 9 > b.size())
                return std::nullopt;
            const std::uint32_t h = be16(b, pos + 5), w = be16(b, pos + 7);
            if (w == 0 || h == 0)
                return std::nullopt;
            return ImageSize{static_cast<int>(w), static_cast<int>(h)};
        }
        pos += 2 + length;
    }
    return std::nullopt;
}

std::string checkEmbeddedImage(const std::string &mime, std::string_view base64, std::size_t maxBytes, int maxSide)
{
    if (base64.size() / 4 * 3 > maxBytes + 2)
        return "the picture is larger than the " + std::to_string(maxBytes / (1024 * 1024)) + " MiB a map may embed";
    auto bytes = decodeBase64(base64);
    if (!bytes)
        return "the picture data is not valid base64";
    if (bytes->size() > maxBytes)
        return "the picture is larger than the " + std::to_string(maxBytes / (1024 * 1024)) + " MiB a map may embed";
    const bool png = mime == "image/png";
    auto size = png ? pngSize(*bytes) : jpegSize(*bytes);
    if (!size)
        return std::string("the picture data is not a ") + (png ? "PNG" : "JPEG") + " image";
    if (size->width > maxSide || size->height > maxSide)
        return "the picture is " + std::to_string(size->width) + "x" + std::to_string(size->height) +
               " pixels; at most " + std::to_string(maxSide) + "x" + std::to_string(maxSide) + " is allowed";
    return {};
}

} // namespace cjm::detail
