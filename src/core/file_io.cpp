#include "cjm/file_io.hpp"

#include <cerrno>
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

IoResult FileSystem::writeAtomically(const fs::path &path, std::string_view bytes)
{
    const fs::path directory = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::string tempPath;
    const int fd = openTemporary(directory, path.filename().string(), tempPath);
    if (fd < 0)
        return IoResult::failure(describeIoError(errno, path));

    auto abandon = [&](int error) {
        ::close(fd);
        ::unlink(tempPath.c_str());
        return IoResult::failure(describeIoError(error, path));
    };

    // mkstemp creates 0600; keep the old file's permissions, or give a new
    // file the usual ones (0666 less the umask) so teammates can read it.
    struct stat existing {};
    mode_t mode;
    if (::stat(path.c_str(), &existing) == 0) {
        mode = existing.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    if (::fchmod(fd, mode) != 0)
        return abandon(errno);

    std::size_t written = 0;
    while (written < bytes.size()) {
        const long n = writeSome(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return abandon(errno);
        }
        if (n == 0)
            return abandon(ENOSPC);
        written += static_cast<std::size_t>(n);
    }
    if (syncFile(fd) != 0)
        return abandon(errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(tempPath.c_str());
        return IoResult::failure(describeIoError(error, path));
    }
    if (renameFile(tempPath, path.string()) != 0) {
        const int error = errno;
        ::unlink(tempPath.c_str());
        return IoResult::failure(describeIoError(error, path));
    }
    // Make the rename itself durable; failing here loses nothing already written.
    const int dirFd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return IoResult::success();
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
