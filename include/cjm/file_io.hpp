#pragma once
// Reading and atomically replacing files, behind a small seam so tests can
// inject the failures a real disk only shows now and then (full, read-only,
// folder gone).

#include <cstdint>
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

class FileSystem;

// A file written in pieces that replaces `path` only when commit() succeeds:
// a temporary file beside it (the old file's permissions, or 0666 less the
// umask), fsynced, renamed over it, the folder fsynced. Destroyed without a
// commit, it removes the temporary file and leaves the old one as it was.
// FileSystem::writeAtomically is one open, one write and one commit; the
// exporters stream their files through one of these. After a failure every
// call fails with the first error.
class AtomicWriter {
public:
    AtomicWriter(FileSystem &fileSystem, std::filesystem::path path);
    ~AtomicWriter();
    AtomicWriter(const AtomicWriter &) = delete;
    AtomicWriter &operator=(const AtomicWriter &) = delete;

    IoResult open();
    IoResult write(const char *data, std::size_t size); // all of it
    // Reads back what was written (e.g. to append an update to it).
    IoResult readAt(std::uint64_t offset, char *data, std::size_t size);
    IoResult commit();
    // The first error's errno, 0 while all is well.
    int errorNumber() const { return m_error; }

private:
    IoResult fail(int error);
    void discard();

    FileSystem &m_fileSystem;
    std::filesystem::path m_path;
    std::string m_tempPath;
    int m_fd = -1;
    int m_error = 0;
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
    friend class AtomicWriter;
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
