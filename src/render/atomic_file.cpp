#include "atomic_file.hpp"

#include <QCoreApplication>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "cjm/file_io.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {

// The exporters' translation context (see map_exporter.cpp): the .ts files
// keep "Export" by hand (resources/translations/update_translations.py).
QString tr(const char *text) { return QCoreApplication::translate("Export", text); }

QString writeError(const QString &path, const std::filesystem::path &target, int error)
{
    return tr("Could not write %1: %2").arg(path, toQString(describeIoError(error, target)));
}

constexpr qint64 kBufferSize = 1 << 20;

mode_t currentUmask()
{
    // From /proc: umask() can only be read by setting it, which would
    // race with other threads creating files.
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("Umask:", 0) == 0)
            return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

} // namespace

bool AtomicFile::create()
{
    namespace fs = std::filesystem;
    const fs::path directory = m_target.parent_path().empty() ? fs::path(".") : m_target.parent_path();
    std::string name(".");
    name += m_target.filename().string();
    name += ".XXXXXX";
    std::string pattern = (directory / name).string();
    m_fd = ::mkstemp(pattern.data());
    if (m_fd < 0)
        return fail(errno);
    m_temp = pattern;
    // mkstemp creates 0600: keep the old file's permissions, or give a
    // new file the usual ones (0666 less the umask).
    struct stat existing {};
    const mode_t mode =
        ::stat(m_target.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : (0666 & ~currentUmask());
    if (::fchmod(m_fd, mode) != 0)
        return fail(errno);
    m_buffer.reserve(kBufferSize);
    return QIODevice::open(QIODevice::WriteOnly);
}

bool AtomicFile::append(const char *data, qint64 size)
{
    if (m_error)
        return false;
    if (m_buffer.size() + size > kBufferSize && !flushBuffer())
        return false;
    if (size >= kBufferSize)
        return writeAll(data, size);
    m_buffer.append(data, size);
    return true;
}

bool AtomicFile::readAt(qint64 offset, qint64 size, QByteArray &bytes)
{
    if (m_error || !flushBuffer())
        return false;
    bytes.resize(static_cast<qsizetype>(size));
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::pread(m_fd, bytes.data() + done, static_cast<std::size_t>(size - done), offset + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            bytes.clear();
            return n < 0 ? fail(errno) : false;
        }
        done += n;
    }
    return true;
}

bool AtomicFile::commit()
{
    if (m_error || m_fd < 0 || !flushBuffer())
        return false;
    if (::fsync(m_fd) != 0)
        return fail(errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0)
        return fail(errno);
    if (::rename(m_temp.c_str(), m_target.c_str()) != 0)
        return fail(errno);
    m_temp.clear();
    QIODevice::close();
    // Make the rename itself durable; failing here loses nothing written.
    const std::filesystem::path directory = m_target.parent_path().empty() ? "." : m_target.parent_path();
    const int dirFd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return true;
}

QString AtomicFile::error() const
{
    return writeError(m_path, m_target, m_error);
}

bool AtomicFile::fail(int error)
{
    if (!m_error)
        m_error = error ? error : EIO;
    return false;
}

bool AtomicFile::writeAll(const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, static_cast<std::size_t>(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(errno);
        if (n == 0)
            return fail(ENOSPC);
        data += n;
        size -= n;
        m_flushed += n;
    }
    return true;
}

bool AtomicFile::flushBuffer()
{
    if (m_buffer.isEmpty())
        return true;
    const bool written = writeAll(m_buffer.constData(), m_buffer.size());
    m_buffer.resize(0); // keeps its capacity
    return written;
}

void AtomicFile::discard()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    if (!m_temp.empty())
        ::unlink(m_temp.c_str());
    m_temp.clear();
}

} // namespace cjm
