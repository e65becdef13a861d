// The workbook export (libxlsxwriter) and the workbook reader (zlib +
// QXmlStreamReader): the cells written are the cells read, the sheet has a
// frozen header, drop-down lists and the kinds' colours, and a cell too long
// for a spreadsheet is an error naming it.
#include <catch2/catch.hpp>

#include <QTemporaryDir>
#include <zip.h>

#include "cjm/edit.hpp"
#include "cjm/workbook.hpp"
#include "map_style.hpp"
#include "qt_text.hpp"
#include "render_test_support.hpp"
#include "xlsx_exporter.hpp"
#include "xlsx_reader.hpp"
#include "zip_archive.hpp"

using namespace cjm;
using namespace cjm::test;

namespace {

// Rows without trailing empty cells, and without trailing empty rows: the
// reader keeps only cells that hold something.
std::vector<std::vector<std::string>> texts(const Sheet &sheet)
{
    std::vector<std::vector<std::string>> rows;
    for (const auto &row : sheet.rows) {
        std::vector<std::string> cells;
        for (const auto &cell : row)
            cells.push_back(cell.text);
        while (!cells.empty() && cells.back().empty())
            cells.pop_back();
        rows.push_back(std::move(cells));
    }
    while (!rows.empty() && rows.back().empty())
        rows.pop_back();
    return rows;
}

std::string part(const QString &path, const char *name)
{
    int error = 0;
    zip_t *archive = zip_open(path.toUtf8().constData(), ZIP_RDONLY, &error);
    REQUIRE(archive);
    zip_stat_t stat;
    REQUIRE(zip_stat(archive, name, 0, &stat) == 0);
    zip_file_t *file = zip_fopen(archive, name, 0);
    REQUIRE(file);
    std::string bytes(stat.size, '\0');
    REQUIRE(zip_fread(file, bytes.data(), stat.size) == zip_int64_t(stat.size));
    zip_fclose(file);
    zip_close(archive);
    return bytes;
}

std::size_t count(const std::string &text, const std::string &part)
{
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_CASE("Workbook export: the cells written are the cells the reader reads", "[xlsx]")
{
    QTemporaryDir dir;
    for (const char *name : {"retail-zh.cjm", "ecommerce-en.cjm"}) {
        INFO(name);
        const Document map = loadSample(name);
        const QString path = dir.filePath(QStringLiteral("map.xlsx"));
        const ExportResult written = writeWorkbookFile(map, path);
        INFO(written.error.toStdString());
        REQUIRE(written.ok);
        const XlsxReadResult read = readXlsxFile(path);
        INFO(read.error.toStdString());
        REQUIRE(read.workbook);
        const Workbook expected = mapToWorkbook(map);
        for (const Sheet &sheet : expected.sheets) {
            INFO(sheet.name);
            const Sheet *got = read.workbook->find(sheet.name);
            REQUIRE(got);
            CHECK(texts(*got) == texts(sheet));
        }
        // The drop-down choices live on a sheet of their own, after the five.
        REQUIRE(read.workbook->sheets.size() == expected.sheets.size() + 1);
        CHECK(read.workbook->sheets.back().name == "Lists");
        // Numbers are numbers: the order column (an order of 0, the default, is an empty cell).
        const Sheet *cards = read.workbook->find(workbook::kCards);
        const auto ordered = std::find_if(cards->rows.begin() + 1, cards->rows.end(),
                                          [](const auto &row) { return row.size() > 4 && !row[4].text.empty(); });
        REQUIRE(ordered != cards->rows.end());
        CHECK((*ordered)[4].number);
    }
}

TEST_CASE("Workbook export: frozen header, drop-down lists, the kinds' colours", "[xlsx]")
{
    QTemporaryDir dir;
    const Document map = loadSample("ecommerce-en.cjm");
    const QString path = dir.filePath(QStringLiteral("map.xlsx"));
    REQUIRE(writeWorkbookFile(map, path).ok);
    const std::string cards = part(path, "xl/worksheets/sheet1.xml");
    CHECK(cards.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>") !=
          std::string::npos);
    // persona, stage, lane, channel, severity and status.
    CHECK(count(cards, "<dataValidation ") == 6);
    CHECK(count(cards, "Lists!$") == 6);
    CHECK(cards.find("<col ") != std::string::npos);
    const std::string styles = part(path, "xl/styles.xml");
    for (const Lane &lane : map.lanes()) {
        const QColor fill = MapStyle::standard().kindColors(lane.kind).fill;
        const std::string argb = "FF" + fill.name().mid(1).toUpper().toStdString();
        INFO(lane.kindName << " " << argb);
        CHECK(styles.find(argb) != std::string::npos);
    }
}

TEST_CASE("Workbook export and reader: what cannot be done is an error naming it", "[xlsx]")
{
    QTemporaryDir dir;
    Document map = loadSample("ecommerce-en.cjm");
    const QString path = dir.filePath(QStringLiteral("map.xlsx"));
    REQUIRE(writeWorkbookFile(map, path).ok);
    const QByteArray before = readFileBytes(path);
    // A card text longer than a spreadsheet cell holds: nothing is written, the old file stays.
    const Workbook book = mapToWorkbook(map);
    const std::string firstCard = book.find(workbook::kCards)->rowIds.front();
    REQUIRE(setField(fields::card::text, firstCard, std::string(40000, 'x'))->apply(map));
    const ExportResult refused = writeWorkbookFile(map, path);
    CHECK_FALSE(refused.ok);
    CHECK(refused.error.contains(QStringLiteral("Cards!F2 holds more than 32,767 characters")));
    CHECK(readFileBytes(path) == before);

    const QString notZip = dir.filePath(QStringLiteral("cards.xlsx"));
    QFile file(notZip);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("persona,stage,text\n");
    file.close();
    const XlsxReadResult read = readXlsxFile(notZip);
    CHECK_FALSE(read.workbook);
    CHECK(read.error.contains(QStringLiteral("is not a workbook")));
    // A zip cut in half.
    QFile cut(dir.filePath(QStringLiteral("cut.xlsx")));
    REQUIRE(cut.open(QIODevice::WriteOnly));
    cut.write(before.left(before.size() / 2));
    cut.close();
    CHECK_FALSE(readXlsxFile(cut.fileName()).workbook);
}

TEST_CASE("ZipWriter and ZipReader: entries deflated and read back, a damaged entry refused", "[xlsx][zip]")
{
    ZipWriter writer;
    QString error;
    const QByteArray text = QByteArray("<?xml version=\"1.0\"?><a>") + QByteArray(20000, 'x') + "</a>";
    REQUIRE(writer.add(QStringLiteral("[Content_Types].xml"), text, error));
    REQUIRE(writer.add(QStringLiteral("xl/中文.xml"), QByteArray("\xe4\xb8\xad"), error));
    const std::optional<QByteArray> zip = writer.finish(error);
    INFO(error.toStdString());
    REQUIRE(zip);
    CHECK(zip->size() < text.size() / 10); // deflated

    auto reader = ZipReader::open(*zip, error);
    REQUIRE(reader);
    CHECK(reader->contains(QStringLiteral("[content_types].XML")));
    qint64 budget = 1 << 20;
    CHECK(reader->read(QStringLiteral("[Content_Types].xml"), budget, error) == text);
    CHECK(reader->read(QStringLiteral("xl/中文.xml"), budget, error) == QByteArray("\xe4\xb8\xad"));
    CHECK(budget == (1 << 20) - text.size() - 3);
    qint64 small = 100;
    CHECK_FALSE(reader->read(QStringLiteral("[Content_Types].xml"), small, error));
    CHECK(error.contains(QStringLiteral("256 MiB")));
    CHECK_FALSE(reader->read(QStringLiteral("missing.xml"), budget, error));
    CHECK(error.contains(QStringLiteral("missing.xml")));

    // A byte of the deflated data changed: the entry does not unpack or fails its CRC.
    QByteArray damaged = *zip;
    const int inData = 30 + int(qstrlen("[Content_Types].xml")) + 8; // past the local header, inside the deflated bytes
    damaged[inData] = char(damaged[inData] ^ 0x55);
    auto broken = ZipReader::open(damaged, error);
    REQUIRE(broken);
    budget = 1 << 20;
    CHECK_FALSE(broken->read(QStringLiteral("[Content_Types].xml"), budget, error));
    CHECK(error.contains(QStringLiteral("damaged")));

    CHECK_FALSE(ZipReader::open(QByteArray("not a zip at all"), error));
}
