#include "zip_archive.hpp"

#include <QCoreApplication>
#include <zip.h>

namespace cjm {

namespace {

struct ZipText {
    Q_DECLARE_TR_FUNCTIONS(Import)
};

QString describe(zip_error_t *error) { return QString::fromUtf8(zip_error_strerror(error)); }
QString describe(zip_t *archive) { return QString::fromUtf8(zip_strerror(archive)); }

} // namespace

ZipReader::~ZipReader()
{
    if (m_archive)
        zip_discard(m_archive);
}

std::unique_ptr<ZipReader> ZipReader::open(QByteArray bytes, QString &error)
{
    std::unique_ptr<ZipReader> reader(new ZipReader(std::move(bytes)));
    zip_error_t problem;
    zip_error_init(&problem);
    zip_source_t *source =
        zip_source_buffer_create(reader->m_bytes.constData(), zip_uint64_t(reader->m_bytes.size()), 0, &problem);
    if (!source) {
        error = describe(&problem);
        zip_error_fini(&problem);
        return nullptr;
    }
    reader->m_archive = zip_open_from_source(source, ZIP_RDONLY, &problem);
    if (!reader->m_archive) {
        zip_source_free(source);
        error = zip_error_code_zip(&problem) == ZIP_ER_NOZIP ? ZipText::tr("not a zip file") : describe(&problem);
        zip_error_fini(&problem);
        return nullptr;
    }
    zip_error_fini(&problem);
    return reader;
}

bool ZipReader::contains(const QString &name) const
{
    return zip_name_locate(m_archive, name.toUtf8().constData(), ZIP_FL_NOCASE) >= 0;
}

std::optional<QByteArray> ZipReader::read(const QString &name, qint64 &budget, QString &error) const
{
    const zip_int64_t index = zip_name_locate(m_archive, name.toUtf8().constData(), ZIP_FL_NOCASE);
    if (index < 0) {
        error = ZipText::tr("it has no %1").arg(name);
        return std::nullopt;
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(m_archive, zip_uint64_t(index), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
        error = ZipText::tr("%1 is damaged: %2").arg(name, describe(m_archive));
        return std::nullopt;
    }
    if (stat.size > zip_uint64_t(budget)) {
        error = ZipText::tr("the workbook unpacks to more than 256 MiB");
        return std::nullopt;
    }
    zip_file_t *file = zip_fopen_index(m_archive, zip_uint64_t(index), 0);
    if (!file) {
        error = ZipText::tr("%1 cannot be unpacked: %2").arg(name, describe(m_archive));
        return std::nullopt;
    }
    QByteArray bytes(qsizetype(stat.size), Qt::Uninitialized);
    qint64 done = 0;
    while (done < bytes.size()) {
        const zip_int64_t n = zip_fread(file, bytes.data() + done, zip_uint64_t(bytes.size() - done));
        if (n <= 0)
            break;
        done += n;
    }
    // One more read reaches the end, where libzip checks the CRC.
    char extra = 0;
    const zip_int64_t tail = done == bytes.size() ? zip_fread(file, &extra, 1) : -1;
    const QString fileError = QString::fromUtf8(zip_error_strerror(zip_file_get_error(file)));
    zip_fclose(file);
    if (done != bytes.size() || tail != 0) {
        error = ZipText::tr("%1 is damaged: %2").arg(name, fileError);
        return std::nullopt;
    }
    budget -= bytes.size();
    return bytes;
}

ZipWriter::ZipWriter()
{
    zip_error_t problem;
    zip_error_init(&problem);
    m_buffer = zip_source_buffer_create(nullptr, 0, 0, &problem);
    if (m_buffer) {
        m_archive = zip_open_from_source(m_buffer, ZIP_TRUNCATE, &problem);
        if (m_archive)
            zip_source_keep(m_buffer); // the bytes are read from it after zip_close
        else
            zip_source_free(m_buffer), m_buffer = nullptr;
    }
    if (!m_archive)
        m_error = describe(&problem);
    zip_error_fini(&problem);
}

ZipWriter::~ZipWriter()
{
    if (m_archive)
        zip_discard(m_archive);
    if (m_buffer)
        zip_source_free(m_buffer);
}

bool ZipWriter::add(const QString &name, QByteArray bytes, QString &error)
{
    if (!m_archive) {
        error = m_error;
        return false;
    }
    const QByteArray &kept = m_contents.emplace_back(std::move(bytes));
    zip_source_t *source = zip_source_buffer(m_archive, kept.constData(), zip_uint64_t(kept.size()), 0);
    const zip_int64_t index =
        source ? zip_file_add(m_archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
    if (index < 0) {
        if (source)
            zip_source_free(source);
        error = ZipText::tr("could not add %1 to the zip: %2").arg(name, describe(m_archive));
        return false;
    }
    if (zip_set_file_compression(m_archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 0) != 0) {
        error = ZipText::tr("could not deflate %1: %2").arg(name, describe(m_archive));
        return false;
    }
    return true;
}

std::optional<QByteArray> ZipWriter::finish(QString &error)
{
    if (!m_archive) {
        error = m_error;
        return std::nullopt;
    }
    if (zip_close(m_archive) != 0) {
        error = ZipText::tr("could not write the zip: %1").arg(describe(m_archive));
        return std::nullopt; // the destructor discards it
    }
    m_archive = nullptr;
    QByteArray bytes;
    if (zip_source_open(m_buffer) != 0 || zip_source_seek(m_buffer, 0, SEEK_END) != 0) {
        error = ZipText::tr("could not read the zip back: %1").arg(describe(zip_source_error(m_buffer)));
        return std::nullopt;
    }
    const zip_int64_t size = zip_source_tell(m_buffer);
    bytes.resize(qsizetype(size));
    const bool read = size >= 0 && zip_source_seek(m_buffer, 0, SEEK_SET) == 0 &&
                      zip_source_read(m_buffer, bytes.data(), zip_uint64_t(size)) == size;
    zip_source_close(m_buffer);
    if (!read) {
        error = ZipText::tr("could not read the zip back: %1").arg(describe(zip_source_error(m_buffer)));
        return std::nullopt;
    }
    return bytes;
}

} // namespace cjm
