#include "cjm/file_io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
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
    default: return std::string(std::strerror(errorNumber)) + " (" + path.string() + ")";
    }
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
int FileSystem::renameFile(const std::string &from, const std::string &to) { return ::rename(from.c_str(), to.c_str()); }

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
}

IoResult AtomicWriter::open()
{
    const fs::path directory = m_path.parent_path().empty() ? fs::path(".") : m_path.parent_path();
    m_fd = m_fileSystem.openTemporary(directory, m_path.filename().string(), m_tempPath);
    if (m_fd < 0)
        return fail(errno);
    // mkstemp creates 0600; keep the old file's permissions, or give a new
    // file the usual ones (0666 less the umask) so teammates can read it.
    struct stat existing {};
    const mode_t mode = ::stat(m_path.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : (0666 & ~currentUmask());
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
    if (m_fileSystem.renameFile(m_tempPath, m_path.string()) != 0)
        return fail(errno);
    m_tempPath.clear();
    // Make the rename itself durable; failing here loses nothing already written.
    const fs::path directory = m_path.parent_path().empty() ? fs::path(".") : m_path.parent_path();
    const int dirFd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
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
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return IoResult::failure("the file " + path.string() + " does not exist");
        if (error == EACCES)
            return IoResult::failure("no permission to read " + path.string());
        return IoResult::failure(describeIoError(error, path));
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return IoResult::failure(path.string() + " is not a regular file");
    }
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
            return IoResult::failure(describeIoError(error, path));
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
