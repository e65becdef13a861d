#pragma once
// Reading and writing .cjm version 1 (docs/format.md). The reader never throws
// and never trusts its input; the writer produces the one canonical form.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "cjm/document.hpp"
#include "cjm/problem.hpp"

namespace cjm {

inline constexpr int kFormatVersion = 1;

// The limits of docs/format.md, "Guarantees the reader gives".
struct ReadLimits {
    std::size_t maxFileBytes = 256u * 1024u * 1024u;
    std::size_t maxStringBytes = 1024u * 1024u;
    std::size_t maxImageBytes = 8u * 1024u * 1024u; // decoded
    int maxImageSide = 8192;
    int maxDepth = 64;
    std::size_t maxValues = 4u * 1024u * 1024u; // JSON values in the whole file: bounds the memory a file can cost
    std::size_t maxProblems = 100;              // then one "and N more" line

    // The longest base64 text a picture of maxImageBytes takes.
    std::size_t maxImageDataBytes() const { return (maxImageBytes + 2) / 3 * 4 + 4; }
};

struct ReadResult {
    std::optional<Document> document; // set only when there are no problems
    Problems problems;
    bool ok() const { return document.has_value(); }
};

// Parses and validates the bytes of a .cjm file.
ReadResult readDocument(std::string_view bytes, const ReadLimits &limits = {});
// Parses one JSON value that a person typed (a conflict's value, say) with the
// reader's own strict parser and limits: RFC 8259 only, no duplicate keys.
// On failure returns nullopt and sets `problem` (message with line and column).
std::optional<Json> parseJsonValue(std::string_view text, Problem &problem);

// Reads a file from disk; I/O failures come back as problems too.
ReadResult readDocumentFile(const std::filesystem::path &path, const ReadLimits &limits = {});

// The canonical bytes of a document: deterministic, defaults left out, known
// keys in the spec's order, unknown keys after them, UTF-8, final newline.
std::string writeDocument(const Document &document);

// The same as writeDocument, as a JSON value (used by the diff and clipboard),
// and one entity as the writer writes it.
Json toJson(const Document &document);
Json cardToJson(const Card &card);
Json journeyToJson(const Journey &journey);
Json personaToJson(const Persona &persona);
Json stageToJson(const Stage &stage);
Json laneToJson(const Lane &lane);
Json viewToJson(const View &view);

} // namespace cjm
