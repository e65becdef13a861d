#pragma once
// Reading and atomically replacing files, behind a small seam so tests can
// inject the failures a real disk only shows now and then (full, read-only,
// folder gone).

#include <filesystem>
#include <string>
#include <string_view>

namespace cjm {

struct IoResult {
    bool ok = true;
    std::string error; // in words: "the disk is full", "no permission to write in ..."
    static IoResult success() { return {}; }
    static IoResult failure(std::string message) { return {false, std::move(message)}; }
};

class FileSystem {
public:
    virtual ~FileSystem() = default;
    // Writes `bytes` to a temporary file beside `path`, flushes and fsyncs it,
    // keeps the old file's permissions, then renames it over `path`. On any
    // failure the old file is untouched and the temporary file removed.
    virtual IoResult writeAtomically(const std::filesystem::path &path, std::string_view bytes);
    virtual IoResult readAll(const std::filesystem::path &path, std::string &bytes, std::size_t maxBytes);

protected:
    // The raw steps, overridable one by one for fault injection.
    virtual int openTemporary(const std::filesystem::path &directory, const std::string &stem, std::string &tempPath);
    virtual long writeSome(int fd, const char *data, std::size_t size);
    virtual int syncFile(int fd);
    virtual int renameFile(const std::string &from, const std::string &to);
};

FileSystem &defaultFileSystem();

// A sentence for an errno value, in the terms a user understands.
std::string describeIoError(int errorNumber, const std::filesystem::path &path);

} // namespace cjm
