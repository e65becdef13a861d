#pragma once
// The file an export writes as it paints: a temporary file beside the
// target, renamed over it by commit() once complete, so a failed or cancelled
// export leaves the old file as it was and no reader ever sees half a file.
// The steps of FileSystem::writeAtomically (same permissions, fsync, rename,
// same messages), but streamed: an export never holds its whole file in
// memory. A QIODevice for QPdfWriter; append() for the PNG encoder's worker
// (one writer at a time).

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <filesystem>
#include <string>

namespace cjm {

class AtomicFile : public QIODevice {
public:
    explicit AtomicFile(const QString &path) : m_path(path), m_target(path.toStdString()) {}
    ~AtomicFile() override { discard(); }
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    bool create();

    bool append(const char *data, qint64 size);
    bool append(const QByteArray &bytes) { return append(bytes.constData(), bytes.size()); }

    // Bytes written so far, and reading them back (the PDF page merge).
    qint64 written() const { return m_flushed + m_buffer.size(); }
    bool readAt(qint64 offset, qint64 size, QByteArray &bytes);

    // Makes the file the target's: flushed, synced, renamed over it.
    bool commit();

    bool ok() const { return m_error == 0; }
    QString error() const;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override { return append(data, size) ? size : -1; }

private:
    bool fail(int error);
    bool writeAll(const char *data, qint64 size);
    bool flushBuffer();
    void discard();

    QString m_path;
    std::filesystem::path m_target;
    std::string m_temp;
    int m_fd = -1;
    int m_error = 0;
    QByteArray m_buffer;
    qint64 m_flushed = 0;
};

} // namespace cjm
