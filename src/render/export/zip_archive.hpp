#pragma once
// Zip archives through libzip, the one place the program packs or unpacks
// one: the workbook reader (xlsx_reader) reads entries, the PowerPoint
// export writes its package. Both whole in memory: Office files of a map are
// a few megabytes. Not QuaZip: it exports its own minizip under minizip's
// names, which libxlsxwriter (in the same program) calls, and crashes it.

#include <QByteArray>
#include <QString>
#include <list>
#include <memory>
#include <optional>

struct zip;
struct zip_source;

namespace cjm {

class ZipReader {
public:
    ZipReader(const ZipReader &) = delete;
    ZipReader &operator=(const ZipReader &) = delete;
    ~ZipReader();

    // The archive in `bytes`; null with `error` ("not a zip file") when it is none.
    static std::unique_ptr<ZipReader> open(QByteArray bytes, QString &error);

    // Entry names compare without case, as Office programs treat them.
    bool contains(const QString &name) const;
    // The entry's bytes, checked against its CRC. `budget` is how much may
    // still be unpacked (a zip bomb stops there); what is read is taken off it.
    // Nullopt with `error` naming the entry when it is missing or damaged.
    std::optional<QByteArray> read(const QString &name, qint64 &budget, QString &error) const;

private:
    explicit ZipReader(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    QByteArray m_bytes; // libzip reads from here
    struct zip *m_archive = nullptr;
};

class ZipWriter {
public:
    ZipWriter();
    ZipWriter(const ZipWriter &) = delete;
    ZipWriter &operator=(const ZipWriter &) = delete;
    ~ZipWriter();

    // Adds an entry, deflated. False with `error` naming it when libzip refuses.
    bool add(const QString &name, QByteArray bytes, QString &error);
    // The archive's bytes; nullopt with `error` when it cannot be made. Once.
    std::optional<QByteArray> finish(QString &error);

private:
    struct zip_source *m_buffer = nullptr;
    struct zip *m_archive = nullptr;
    std::list<QByteArray> m_contents; // libzip reads entries only when the archive is finished
    QString m_error;
};

} // namespace cjm
