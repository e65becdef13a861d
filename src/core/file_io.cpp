#include "cjm/file_io.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace cjm {

namespace fs = std::filesystem;

std::string describeIoError(int errorNumber, const fs::path &path)
{
    const std::string folder = path.parent_path().empty() ? std::string(".") : path.parent_path().string();
    switch (errorNumber) {
    case ENOSPC: return "the disk is full; free some space and save again";
    case EDQUOT: return "your disk quota is used up; free some space and save again";
    case EACCES:
    case EPERM: return "no permission to write " + path.string() + " (or in the folder " + folder + ")";
    case EROFS: return "the drive holding " + folder + " is read-only";
    case ENOENT: return "the folder " + folder + " does not exist any more (was it moved, renamed or removed?)";
    case ENOTDIR: return "part of the path " + path.string() + " is not a folder";
    case EISDIR: return path.string() + " is a folder, not a file";
    case EIO:
    case ENXIO:
    case ENODEV: return "the drive holding " + folder + " could not be reached (was it removed or disconnected?)";
    case ENAMETOOLONG: return "the file name " + path.string() + " is too long";
    case ELOOP: return "the symbolic links of " + path.string() + " lead in a circle (a link loop)";
    default: return std::string(std::strerror(errorNumber)) + " (" + path.string() + ")";
    }
}

std::string describeReadError(int errorNumber, const fs::path &path)
{
    switch (errorNumber) {
    case ENOENT: return "the file " + path.string() + " does not exist";
    case EACCES:
    case EPERM: return "no permission to read " + path.string();
    case EISDIR:
    case ENOTDIR:
    case ENAMETOOLONG:
    case ELOOP: return describeIoError(errorNumber, path);
    // Not "the drive could not be reached": a read fails with EIO on files
    // that are not on a drive at all (/proc/self/mem), so say what happened.
    default: return "could not read " + path.string() + ": " + std::strerror(errorNumber);
    }
}

namespace {

// What a file that is not a regular file is, for the message that refuses it.
std::string notAFile(const fs::path &path, mode_t mode)
{
    if (S_ISDIR(mode))
        return path.string() + " is a folder, not a file";
    if (S_ISFIFO(mode))
        return path.string() + " is a named pipe, not a file";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return path.string() + " is a device, not a file";
    if (S_ISSOCK(mode))
        return path.string() + " is a socket, not a file";
    return path.string() + " is not a regular file";
}

// `name` as it may appear with `extraBytes` more around it within
// kMaxFileNameBytes: itself, or its start and "~" and a hash of all of it.
std::string boundedName(std::string_view name, std::size_t extraBytes)
{
    if (name.size() + extraBytes <= kMaxFileNameBytes)
        return std::string(name);
    // FNV-1a, 64 bits: stable across runs and builds, unlike std::hash.
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : name) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    const std::size_t marker = 17; // "~" and 16 hex digits
    const std::size_t room = extraBytes + marker < kMaxFileNameBytes ? kMaxFileNameBytes - extraBytes - marker : 0;
    std::size_t keep = std::min(room, name.size());
    // Not in the middle of a UTF-8 character: the name stays readable.
    while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80)
        --keep;
    return std::string(name.substr(0, keep)) + "~" + hex;
}

// The characters mkstemp puts in place of XXXXXX.
constexpr std::size_t kTemporarySuffixBytes = 6;
// "." + stem + "." + XXXXXX
constexpr std::size_t kTemporaryExtraBytes = 2 + kTemporarySuffixBytes;

std::string temporaryStem(const fs::path &file) { return boundedName(file.filename().string(), kTemporaryExtraBytes); }

} // namespace

std::string siblingFileName(std::string_view name, std::string_view prefix, std::string_view suffix)
{
    return std::string(prefix) + boundedName(name, prefix.size() + suffix.size()) + std::string(suffix);
}

fs::path backupPathFor(const fs::path &file)
{
    return file.parent_path() / siblingFileName(file.filename().string(), "", ".bak");
}

IoResult resolveFilePath(const fs::path &path, fs::path &resolved)
{
    std::error_code ec;
    fs::path current = fs::absolute(path, ec);
    if (ec)
        current = path;
    // Follow the links one by one rather than realpath() the whole path:
    // realpath fails on a dangling link, where a save must create the target.
    for (int hops = 0;; ++hops) {
        struct stat info {};
        if (::lstat(current.c_str(), &info) != 0) {
            if (errno == ELOOP)
                return IoResult::failure(describeIoError(ELOOP, path));
            break; // no such file (yet): it is written here; other errors are the open's to report
        }
        if (!S_ISLNK(info.st_mode))
            break;
        if (hops >= 40) // Linux gives up at 40 links as well (ELOOP)
            return IoResult::failure(describeIoError(ELOOP, path));
        std::vector<char> target(static_cast<std::size_t>(std::max<off_t>(info.st_size, PATH_MAX)) + 1);
        const ssize_t n = ::readlink(current.c_str(), target.data(), target.size());
        if (n < 0 || static_cast<std::size_t>(n) >= target.size())
            break; // replaced meanwhile; the open that follows sees what is there now
        const fs::path next(std::string(target.data(), static_cast<std::size_t>(n)));
        current = next.is_absolute() ? next : current.parent_path() / next;
    }
    // The folder's links too, so that mine/link.cjm and shared/team.cjm are
    // one file to the editor (one lock, one window).
    if (char *folder = ::realpath(current.parent_path().c_str(), nullptr)) {
        resolved = fs::path(folder) / current.filename();
        std::free(folder);
    } else {
        resolved = current; // the folder does not exist: saving will say so
    }
    return IoResult::success();
}

int removeStaleTemporaries(const fs::path &file, std::chrono::seconds minimumAge)
{
    const fs::path directory = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    const std::string start = "." + temporaryStem(file) + ".";
    DIR *dir = ::opendir(directory.c_str());
    if (!dir)
        return 0;
    const std::time_t now = std::time(nullptr);
    int removed = 0;
    while (const dirent *entry = ::readdir(dir)) {
        // Exactly our pattern for this file: "." + stem + "." + six of mkstemp's letters and digits.
        const std::string_view name(entry->d_name);
        if (name.size() != start.size() + kTemporarySuffixBytes || name.substr(0, start.size()) != start)
            continue;
        const std::string_view random = name.substr(start.size());
        if (!std::all_of(random.begin(), random.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            }))
            continue;
        const fs::path candidate = directory / std::string(name);
        struct stat info {};
        if (::lstat(candidate.c_str(), &info) != 0 || !S_ISREG(info.st_mode) || info.st_uid != ::geteuid())
            continue;
        // Recently touched: possibly a save on another computer, whose flock
        // this one may not see on some network file systems, or one between
        // its mkstemp and its flock. A live save writes, so its file is never old.
        if (now - info.st_mtime < static_cast<std::time_t>(minimumAge.count()))
            continue;
        const int fd = ::open(candidate.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
        if (fd < 0)
            continue;
        // A running AtomicWriter holds an exclusive flock on its temporary
        // until the rename or removal; getting the lock means its writer is gone.
        struct stat opened {};
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::fstat(fd, &opened) == 0 && opened.st_dev == info.st_dev &&
            opened.st_ino == info.st_ino && ::unlink(candidate.c_str()) == 0) {
            ++removed;
            spdlog::info("removed {}, left behind by a save that did not finish", candidate.string());
        }
        ::close(fd);
    }
    ::closedir(dir);
    return removed;
}

int FileSystem::openTemporary(const fs::path &directory, const std::string &stem, std::string &tempPath)
{
    std::string pattern = (directory / ("." + stem + ".XXXXXX")).string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    const int fd = ::mkstemp(buffer.data());
    if (fd >= 0)
        tempPath.assign(buffer.data());
    return fd;
}

long FileSystem::writeSome(int fd, const char *data, std::size_t size) { return ::write(fd, data, size); }
int FileSystem::syncFile(int fd) { return ::fsync(fd); }
int FileSystem::renameFile(const std::string &from, const std::string &to)
{
    return ::rename(from.c_str(), to.c_str());
}

namespace {
mode_t currentUmask()
{
    // From /proc: umask() can only be read by setting it, which would race
    // with other threads creating files (autosave writes on a worker).
    if (FILE *status = std::fopen("/proc/self/status", "re")) {
        char line[256];
        while (std::fgets(line, sizeof line, status))
            if (std::strncmp(line, "Umask:", 6) == 0) {
                std::fclose(status);
                return static_cast<mode_t>(std::strtoul(line + 6, nullptr, 8));
            }
        std::fclose(status);
    }
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}
} // namespace

AtomicWriter::AtomicWriter(FileSystem &fileSystem, fs::path path) : m_fileSystem(fileSystem), m_path(std::move(path)) {}

AtomicWriter::~AtomicWriter() { discard(); }

IoResult AtomicWriter::fail(int error)
{
    if (!m_error)
        m_error = error ? error : EIO;
    discard();
    return IoResult::failure(describeIoError(m_error, m_path));
}

void AtomicWriter::discard()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    if (!m_tempPath.empty())
        ::unlink(m_tempPath.c_str());
    m_tempPath.clear();
    if (m_ownerFd >= 0)
        ::close(m_ownerFd); // after the unlink: the file is never seen unowned
    m_ownerFd = -1;
}

IoResult AtomicWriter::open()
{
    if (IoResult resolved = resolveFilePath(m_path, m_target); !resolved.ok) {
        m_error = ELOOP;
        return resolved;
    }
    // Through a link, errors are about the file really written.
    struct stat link {};
    if (::lstat(m_path.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
        m_path = m_target;
    removeStaleTemporaries(m_target);
    m_fd = m_fileSystem.openTemporary(m_target.parent_path(), temporaryStem(m_target), m_tempPath);
    if (m_fd < 0)
        return fail(errno);
    // Mark the temporary as a live save's: removeStaleTemporaries leaves a
    // file alone while someone holds its flock. A second descriptor, because
    // m_fd is closed before the rename (to see a network disk's late errors).
    m_ownerFd = ::open(m_tempPath.c_str(), O_RDONLY | O_CLOEXEC);
    if (m_ownerFd >= 0)
        ::flock(m_ownerFd, LOCK_EX | LOCK_NB);
    // mkstemp creates 0600; keep the old file's permissions, or give a new
    // file the usual ones (0666 less the umask) so teammates can read it.
    struct stat existing {};
    const mode_t mode =
        ::stat(m_target.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : (0666 & ~currentUmask());
    if (::fchmod(m_fd, mode) != 0)
        return fail(errno);
    return IoResult::success();
}

IoResult AtomicWriter::write(const char *data, std::size_t size)
{
    if (m_error || m_fd < 0)
        return IoResult::failure(describeIoError(m_error ? m_error : EBADF, m_path));
    while (size > 0) {
        const long n = m_fileSystem.writeSome(m_fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(errno);
        }
        if (n == 0)
            return fail(ENOSPC);
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return IoResult::success();
}

IoResult AtomicWriter::readAt(std::uint64_t offset, char *data, std::size_t size)
{
    if (m_error || m_fd < 0)
        return IoResult::failure(describeIoError(m_error ? m_error : EBADF, m_path));
    while (size > 0) {
        const ssize_t n = ::pread(m_fd, data, size, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(errno);
        if (n == 0)
            return IoResult::failure("the file " + m_path.string() + " is shorter than expected");
        data += n;
        offset += static_cast<std::uint64_t>(n);
        size -= static_cast<std::size_t>(n);
    }
    return IoResult::success();
}

IoResult AtomicWriter::commit()
{
    if (m_error || m_fd < 0)
        return IoResult::failure(describeIoError(m_error ? m_error : EBADF, m_path));
    if (m_fileSystem.syncFile(m_fd) != 0)
        return fail(errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0)
        return fail(errno);
    if (m_fileSystem.renameFile(m_tempPath, m_target.string()) != 0)
        return fail(errno);
    m_tempPath.clear();
    if (m_ownerFd >= 0)
        ::close(m_ownerFd);
    m_ownerFd = -1;
    // Make the rename itself durable; failing here loses nothing already written.
    const int dirFd = ::open(m_target.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return IoResult::success();
}

IoResult FileSystem::writeAtomically(const fs::path &path, std::string_view bytes)
{
    AtomicWriter writer(*this, path);
    if (IoResult opened = writer.open(); !opened.ok)
        return opened;
    if (IoResult written = writer.write(bytes.data(), bytes.size()); !written.ok)
        return written;
    return writer.commit();
}

IoResult FileSystem::readAll(const fs::path &path, std::string &bytes, std::size_t maxBytes)
{
    // A named pipe, a device or a socket is refused before it is opened:
    // opening a pipe waits for a writer, forever if none comes.
    struct stat before {};
    if (::stat(path.c_str(), &before) == 0 && !S_ISREG(before.st_mode))
        return IoResult::failure(notAFile(path, before.st_mode));
    // And should it have been swapped for one since: O_NONBLOCK makes even
    // a pipe's open return at once, and fstat then says what was opened.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return IoResult::failure(describeReadError(errno, path));
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        return IoResult::failure(describeReadError(error, path));
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        return IoResult::failure(notAFile(path, info.st_mode));
    }
    // A regular file: back to ordinary blocking reads.
    if (const int flags = ::fcntl(fd, F_GETFL); flags >= 0)
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    if (static_cast<std::size_t>(info.st_size) > maxBytes) {
        ::close(fd);
        return IoResult::failure("the file is " + std::to_string(info.st_size / (1024 * 1024)) +
                                 " MiB, larger than the " + std::to_string(maxBytes / (1024 * 1024)) +
                                 " MiB a map may have");
    }
    bytes.clear();
    bytes.resize(static_cast<std::size_t>(info.st_size));
    std::size_t done = 0;
    while (true) {
        if (done == bytes.size()) {
            // The file may have grown since fstat; read on, within the limit.
            if (bytes.size() >= maxBytes + 1)
                break;
            bytes.resize(std::min(maxBytes + 1, bytes.size() + 65536));
        }
        const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            return IoResult::failure(describeReadError(error, path));
        }
        if (n == 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes.resize(done);
    if (done > maxBytes)
        return IoResult::failure("the file is larger than the " + std::to_string(maxBytes / (1024 * 1024)) +
                                 " MiB a map may have");
    return IoResult::success();
}

FileSystem &defaultFileSystem()
{
    static FileSystem fileSystem;
    return fileSystem;
}

} // namespace cjm
