#pragma once
// Reading and atomically replacing files, behind a small seam so tests can
// inject the failures a real disk only shows now and then (full, read-only,
// folder gone).

#include <chrono>
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

// The longest file name (one path component) the usual file systems take,
// in bytes: NAME_MAX on Linux, macOS and the BSDs.
inline constexpr std::size_t kMaxFileNameBytes = 255;

// The name of a file kept beside `name`: `prefix + name + suffix` (".NAME.cjm.XXXXXX"
// for a temporary file, "NAME.cjm.bak", ".~NAME.cjm.lock"). When that would
// pass kMaxFileNameBytes, `name` is cut (at a UTF-8 character boundary) and
// followed by "~" and 16 hex digits of a hash of the whole name: the same
// name always gives the same result, and two long names that share their
// start do not collide.
std::string siblingFileName(std::string_view name, std::string_view prefix, std::string_view suffix);

// NAME.bak beside `file`, within kMaxFileNameBytes.
std::filesystem::path backupPathFor(const std::filesystem::path &file);

// The file `path` names once symbolic links are followed, absolute, its
// folders' links resolved too (so two names of one file give one answer):
// saves write through a link to the file it points at, and a lock or a
// backup goes beside that file. Through a dangling link it is the missing
// target (a save creates it there); a path to no file at all is itself.
// Fails only on a link loop (or links nested past the system's limit).
IoResult resolveFilePath(const std::filesystem::path &path, std::filesystem::path &resolved);

// A temporary file that an AtomicWriter of `file` left behind when its
// process was killed mid-save: named as AtomicWriter names them for that
// file, ours (same user), untouched for `minimumAge`, and not owned by a
// writer that is still running (each writer holds an flock on its temporary
// until it is renamed or removed; a killed one's lock died with it). Such
// files are removed; anything else is left alone. Returns how many went.
int removeStaleTemporaries(const std::filesystem::path &file,
                           std::chrono::seconds minimumAge = std::chrono::minutes(5));

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
    std::filesystem::path m_path;   // as given, for messages
    std::filesystem::path m_target; // with symbolic links followed: what is replaced
    std::string m_tempPath;
    int m_fd = -1;
    int m_ownerFd = -1; // holds the flock that marks the temporary as a live save's
    int m_error = 0;
};

class FileSystem {
public:
    virtual ~FileSystem() = default;
    // Writes `bytes` to a temporary file beside `path`, flushes and fsyncs it,
    // keeps the old file's permissions, then renames it over `path`. On any
    // failure the old file is untouched and the temporary file removed. A
    // symbolic link is followed: the file it points at is replaced, the link
    // stays a link.
    virtual IoResult writeAtomically(const std::filesystem::path &path, std::string_view bytes);
    // The one way files are read (maps, CSV, templates, backups, hashes of
    // what is on disk). Only a regular file is read: a named pipe, a folder,
    // a device or a socket is refused at once with a sentence naming it (the
    // open never waits for a writer), as is a file over `maxBytes`.
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

// A sentence for an errno value while writing, in the terms a user understands.
std::string describeIoError(int errorNumber, const std::filesystem::path &path);
// The same for an error while reading `path`.
std::string describeReadError(int errorNumber, const std::filesystem::path &path);

} // namespace cjm
