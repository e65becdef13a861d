// libFuzzer target for the .cjm reader (docs/format.md, "What the reader
// guarantees"): whatever the bytes, readDocument must not crash, hang or
// allocate without bound, and a document it accepts must survive the writer:
//   write(read(x)) must read back without problems, give an equal document,
//   and write again to the very same bytes.
// The bytes are also read under tiny limits, and fed, raw, to the
// embedded-picture checks (base64 decoding and the PNG/JPEG header parsers).
//
// Build and run: scripts/fuzz [SECONDS]  (see tests/fuzz/CMakeLists.txt).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cjm/document_io.hpp"
#include "image_header.hpp"

namespace {

void printProblems(const char *what, const cjm::ReadResult &result)
{
    std::fprintf(stderr, "%s\n", what);
    for (const auto &p : result.problems)
        std::fprintf(stderr, "  %s:%d:%d: %s\n", p.pointer.c_str(), p.line, p.column, p.message.c_str());
}

// The first place where two writes differ, with some context, then abort.
[[noreturn]] void failDifferentBytes(const std::string &first, const std::string &second)
{
    std::size_t at = 0;
    while (at < first.size() && at < second.size() && first[at] == second[at])
        ++at;
    const std::size_t from = at > 200 ? at - 200 : 0;
    std::fprintf(stderr,
                 "round trip: writing the document read back from the writer's output gave different bytes "
                 "(sizes %zu and %zu, first difference at byte %zu)\n--- first write:\n%.*s\n--- second write:\n%.*s\n",
                 first.size(), second.size(), at, static_cast<int>(std::min<std::size_t>(first.size() - from, 400)),
                 first.data() + from, static_cast<int>(std::min<std::size_t>(second.size() - from, 400)),
                 second.data() + from);
    std::abort();
}

// CJM_FUZZ_VERBOSE=1 ./reader_fuzzer FILE... says what the reader made of each input.
const bool kVerbose = std::getenv("CJM_FUZZ_VERBOSE") != nullptr;

void fuzzReader(std::string_view bytes)
{
    const cjm::ReadResult first = cjm::readDocument(bytes);
    if (kVerbose)
        printProblems(first.ok() ? "read: ok" : "read: problems", first);
    if (first.ok() != first.problems.empty()) {
        // A document comes back exactly when there are no problems.
        printProblems("readDocument: document and problems disagree", first);
        std::abort();
    }
    // The same bytes under tiny limits reach the over-the-limit paths
    // (file size, string length, picture bytes and sides, depth, problem cap)
    // that inputs of fuzzing size never reach under the real ones.
    cjm::ReadLimits small;
    small.maxFileBytes = 4096;
    small.maxStringBytes = 48;
    small.maxImageBytes = 96;
    small.maxImageSide = 1;
    small.maxDepth = 6;
    small.maxProblems = 3;
    const cjm::ReadResult limited = cjm::readDocument(bytes, small);
    if (limited.ok() && !first.ok()) {
        printProblems("readDocument accepts under tiny limits what it refuses under the real ones", first);
        std::abort();
    }
    if (!first.ok())
        return;

    const std::string written = cjm::writeDocument(*first.document);
    const cjm::ReadResult second = cjm::readDocument(written);
    if (!second.ok()) {
        std::fprintf(stderr, "round trip: the writer's output does not read back:\n%.*s\n",
                     static_cast<int>(std::min<std::size_t>(written.size(), 2000)), written.data());
        printProblems("problems:", second);
        std::abort();
    }
    const std::string rewritten = cjm::writeDocument(*second.document);
    if (rewritten != written)
        failDifferentBytes(written, rewritten);
    // "No data loss": what was read back is what was written.
    if (!(*second.document == *first.document)) {
        std::fprintf(stderr, "round trip: the document read back differs from the one written:\n%.*s\n",
                     static_cast<int>(std::min<std::size_t>(written.size(), 2000)), written.data());
        std::abort();
    }
}

void fuzzImages(std::string_view bytes)
{
    constexpr std::size_t kMaxBytes = 8u << 20;
    constexpr int kMaxSide = 8192;
    // As base64, the way the reader sees "data".
    (void)cjm::detail::checkEmbeddedImage("image/png", bytes, kMaxBytes, kMaxSide);
    (void)cjm::detail::checkEmbeddedImage("image/jpeg", bytes, kMaxBytes, kMaxSide);
    // As decoded bytes: the header parsers get arbitrary data directly.
    if (auto size = cjm::detail::pngSize(bytes); size && (size->width <= 0 || size->height <= 0))
        std::abort();
    if (auto size = cjm::detail::jpegSize(bytes); size && (size->width <= 0 || size->height <= 0))
        std::abort();
    // Base64 must round-trip any bytes.
    const std::string encoded = cjm::detail::encodeBase64(bytes);
    const auto decoded = cjm::detail::decodeBase64(encoded);
    if (!decoded || *decoded != bytes) {
        std::fprintf(stderr, "base64: decode(encode(x)) != x for %zu bytes\n", bytes.size());
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    fuzzReader(bytes);
    fuzzImages(bytes);
    return 0;
}
