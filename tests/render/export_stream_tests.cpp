// Exports write their file as they go, to a temporary file beside the
// target: a failed or cancelled export must leave an existing file as it was.

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

#include "map_exporter.hpp"
#include "render_test_support.hpp"

using namespace cjm;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

// Makes writes past `bytes` in any file fail (EFBIG), as a full disk would,
// for the life of the object.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
};

} // namespace

TEST_CASE("a failed export leaves an existing file as it was, and no temporary file", "[export][safety]")
{
    auto doc = test::loadSample("retail-zh.cjm");
    for (const char *suffix : {"svg", "pdf", "png"}) {
        INFO(suffix);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.") + QLatin1String(suffix));
        const QByteArray old("the previous export\n");
        writeFile(path, old);
        ExportOptions options;
        REQUIRE(exportFormatFromPath(path, options.format));
        ExportResult result;
        {
            const FileSizeLimit limit(16 * 1024); // every export of this map is larger
            result = exportMap(doc, options, path);
        }
        CHECK_FALSE(result.ok);
        CHECK(result.error.contains(QStringLiteral("Could not write")));
        CHECK(readFile(path) == old);
        CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QFileInfo(path).fileName()});
    }
}

TEST_CASE("a cancelled export leaves an existing file as it was", "[export][safety]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    struct Case {
        const char *suffix;
        PdfLayout layout;
    };
    for (const Case &c : {Case{"pdf", PdfLayout::PerPersona}}) {
        INFO(c.suffix << " layout " << static_cast<int>(c.layout));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("map.") + QLatin1String(c.suffix));
        const QByteArray old("the previous export\n");
        writeFile(path, old);
        ExportOptions options;
        REQUIRE(exportFormatFromPath(path, options.format));
        options.pdfLayout = c.layout;
        int calls = 0;
        const ExportResult result = exportMap(doc, options, path, [&](int done, int total) {
            ++calls;
            CHECK(total > 1); // a page per persona
            return done < 2;  // cancel after the second
        });
        CHECK_FALSE(result.ok);
        CHECK(result.error.contains(QStringLiteral("cancelled")));
        CHECK(calls == 2);
        CHECK(readFile(path) == old);
        CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QFileInfo(path).fileName()});
    }
}

TEST_CASE("an export keeps the permissions of the file it replaces", "[export][safety]")
{
    auto doc = test::loadSample("ecommerce-en.cjm");
    QTemporaryDir dir;
    for (const char *suffix : {"svg", "pdf", "png"}) {
        INFO(suffix);
        const QString path = dir.filePath(QStringLiteral("map.") + QLatin1String(suffix));
        ExportOptions options;
        REQUIRE(exportFormatFromPath(path, options.format));
        REQUIRE(exportMap(doc, options, path).ok);
        struct stat info {};
        REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
        const mode_t mask = ::umask(0);
        ::umask(mask);
        CHECK((info.st_mode & 0777) == (0666 & ~mask)); // a new file: the usual permissions
        REQUIRE(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
        REQUIRE(exportMap(doc, options, path).ok);
        REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
        CHECK((info.st_mode & 0777) == 0640);
    }
}
