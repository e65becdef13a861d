#pragma once
// The file an export writes as it paints: a temporary file beside the
// target, renamed over it by commit() once complete, so a failed or cancelled
// export leaves the old file as it was and no reader ever sees half a file.
// A buffered QIODevice over cjm::AtomicWriter, the writer behind
// FileSystem::writeAtomically (same permissions, fsync, rename, messages):
// an export never holds its whole file in memory. A QIODevice for
// QPdfWriter; append() for the PNG encoder's worker (one writer at a time).

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <filesystem>

#include "cjm/file_io.hpp"

namespace cjm {

class AtomicFile : public QIODevice {
public:
    explicit AtomicFile(const QString &path);
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    bool create();

    bool append(const char *data, qint64 size);
    bool append(const QByteArray &bytes) { return append(bytes.constData(), bytes.size()); }

    // Bytes written so far.
    qint64 written() const { return m_flushed + m_buffer.size(); }

    // Makes the file the target's: flushed, synced, renamed over it.
    bool commit();

    bool ok() const { return m_writer.errorNumber() == 0 && m_failure.empty(); }
    QString error() const;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override { return append(data, size) ? size : -1; }

private:
    bool check(const IoResult &result);
    bool flushBuffer();

    QString m_path;
    AtomicWriter m_writer;
    std::string m_failure; // the first error, in words
    QByteArray m_buffer;
    qint64 m_flushed = 0;
};

} // namespace cjm
