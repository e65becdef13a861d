#include "atomic_file.hpp"

#include <QCoreApplication>

#include "qt_text.hpp"

namespace cjm {

namespace {

// The exporters' translation context (see export_support.hpp): the .ts files
// keep "Export" by hand (resources/translations/update_translations.py).
QString exportText(const char *text) { return QCoreApplication::translate("Export", text); }

constexpr qint64 kBufferSize = 1 << 20;

} // namespace

AtomicFile::AtomicFile(const QString &path) : m_path(path), m_writer(defaultFileSystem(), path.toStdString()) {}

bool AtomicFile::check(const IoResult &result)
{
    if (!result.ok && m_failure.empty())
        m_failure = result.error;
    return result.ok;
}

bool AtomicFile::create()
{
    if (!check(m_writer.open()))
        return false;
    m_buffer.reserve(kBufferSize);
    return QIODevice::open(QIODevice::WriteOnly);
}

bool AtomicFile::append(const char *data, qint64 size)
{
    if (!ok())
        return false;
    if (m_buffer.size() + size > kBufferSize && !flushBuffer())
        return false;
    if (size >= kBufferSize) {
        m_flushed += size;
        return check(m_writer.write(data, static_cast<std::size_t>(size)));
    }
    m_buffer.append(data, size);
    return true;
}

bool AtomicFile::commit()
{
    if (!ok() || !flushBuffer() || !check(m_writer.commit()))
        return false;
    QIODevice::close();
    return true;
}

QString AtomicFile::error() const { return exportText("Could not write %1: %2").arg(m_path, toQString(m_failure)); }

bool AtomicFile::flushBuffer()
{
    if (m_buffer.isEmpty())
        return true;
    m_flushed += m_buffer.size();
    const bool written = check(m_writer.write(m_buffer.constData(), static_cast<std::size_t>(m_buffer.size())));
    m_buffer.resize(0); // keeps its capacity
    return written;
}

} // namespace cjm
