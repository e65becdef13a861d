#include "xlsx_exporter.hpp"

#include <QTemporaryDir>
#include <map>
#include <xlsxwriter.h>

#include "cjm/file_io.hpp"
#include "cjm/workbook.hpp"
#include "export_support.hpp"
#include "map_style.hpp"
#include "qt_text.hpp"

namespace cjm {

using namespace exporting;

namespace {

constexpr std::string_view kListsSheet = "Lists";

lxw_color_t rgbOf(const QColor &color) { return static_cast<lxw_color_t>(color.rgb() & 0xFFFFFF); }

// Column widths in characters, by what the column holds.
double widthOf(std::string_view header)
{
    if (header == "text" || header == "notes" || header == "description" || header == workbook::kMoreColumn ||
        header == "value" || header == "audit note" || header == "goals" || header == "needs" ||
        header == "frustrations")
        return 40;
    if (header == "id" || header == "persona" || header == "stage" || header == "lane" || header == "name" ||
        header == "title" || header == "field" || header == "link")
        return 22;
    return 12;
}

// A number is written as one only when libxlsxwriter's 16 significant digits
// give the same value back; otherwise as text, so nothing is rounded.
bool writesExactly(const std::string &text, double &value)
{
    char *end = nullptr;
    value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size())
        return false;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.16G", value);
    return std::strtod(buffer, nullptr) == value;
}

class WorkbookWriter {
public:
    WorkbookWriter(const Document &document, const std::string &path)
        : m_document(document), m_book(workbook_new(path.c_str()))
    {
    }
    ~WorkbookWriter()
    {
        if (m_book)
            workbook_close(m_book); // only after a failure: write() closes it itself
    }
    WorkbookWriter(const WorkbookWriter &) = delete;
    WorkbookWriter &operator=(const WorkbookWriter &) = delete;

    // Empty on success, else what failed.
    QString write()
    {
        if (!m_book)
            return ExportText::tr("libxlsxwriter could not start the workbook");
        m_header = workbook_add_format(m_book);
        format_set_bold(m_header);
        format_set_bg_color(m_header, 0xE8EBEF);
        format_set_border(m_header, LXW_BORDER_THIN);
        format_set_border_color(m_header, 0xD5DAE1);

        const Workbook book = mapToWorkbook(m_document);
        for (const Sheet &sheet : book.sheets) {
            if (!writeSheet(sheet))
                return m_error;
        }
        writeLists();
        if (!m_error.isEmpty())
            return m_error;
        const lxw_error closed = workbook_close(m_book);
        m_book = nullptr;
        if (closed != LXW_NO_ERROR)
            return ExportText::tr("libxlsxwriter could not write the workbook: %1")
                .arg(QString::fromUtf8(lxw_strerror(closed)));
        return {};
    }

private:
    lxw_format *kindFormat(LaneKind kind)
    {
        auto [it, added] = m_kindFormats.try_emplace(effectiveKind(kind), nullptr);
        if (added) {
            const KindColors colors = MapStyle::standard().kindColors(kind);
            it->second = workbook_add_format(m_book);
            format_set_bg_color(it->second, rgbOf(colors.fill));
            format_set_font_color(it->second, rgbOf(colors.accent.darker(140)));
            format_set_left(it->second, LXW_BORDER_THICK);
            format_set_left_color(it->second, rgbOf(colors.accent));
        }
        return it->second;
    }

    bool writeSheet(const Sheet &sheet)
    {
        lxw_worksheet *ws = workbook_add_worksheet(m_book, sheet.name.c_str());
        if (!ws) {
            m_error = ExportText::tr("libxlsxwriter could not add the sheet %1").arg(toQString(sheet.name));
            return false;
        }
        const auto &header = sheet.rows.front();
        std::optional<std::size_t> laneColumn, kindColumn;
        for (std::size_t c = 0; c < header.size(); ++c) {
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widthOf(header[c].text),
                                 nullptr);
            if (header[c].text == "lane")
                laneColumn = c;
            if (header[c].text == "kind")
                kindColumn = c;
        }
        worksheet_freeze_panes(ws, 1, 0);
        for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
            const auto &row = sheet.rows[r];
            std::optional<std::size_t> colouredColumn;
            lxw_format *colour = nullptr;
            if (r > 0 && r - 1 < sheet.rowIds.size()) {
                if (sheet.name == workbook::kCards) {
                    if (const Card *card = m_document.card(sheet.rowIds[r - 1])) {
                        colour = kindFormat(m_document.cardKind(*card));
                        colouredColumn = laneColumn;
                    }
                } else if (sheet.name == workbook::kLanes) {
                    if (const Lane *lane = m_document.lane(sheet.rowIds[r - 1])) {
                        colour = kindFormat(lane->kind);
                        colouredColumn = kindColumn;
                    }
                }
            }
            for (std::size_t c = 0; c < row.size(); ++c) {
                lxw_format *format = r == 0 ? m_header : (colouredColumn == c ? colour : nullptr);
                if (!writeCell(ws, sheet.name, r, c, row[c], format))
                    return false;
            }
        }
        if (sheet.name == workbook::kCards)
            m_cardsSheet = ws;
        m_cardsHeader = sheet.name == workbook::kCards ? header : m_cardsHeader;
        m_cardRows = sheet.name == workbook::kCards ? sheet.rows.size() : m_cardRows;
        return true;
    }

    bool writeCell(lxw_worksheet *ws, const std::string &sheet, std::size_t r, std::size_t c, const SheetCell &cell,
                   lxw_format *format)
    {
        const auto row = static_cast<lxw_row_t>(r);
        const auto col = static_cast<lxw_col_t>(c);
        lxw_error error = LXW_NO_ERROR;
        double number = 0;
        if (cell.text.empty())
            error = format ? worksheet_write_blank(ws, row, col, format) : LXW_NO_ERROR;
        else if (cell.number && writesExactly(cell.text, number))
            error = worksheet_write_number(ws, row, col, number, format);
        else
            error = worksheet_write_string(ws, row, col, cell.text.c_str(), format);
        if (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
            m_error = ExportText::tr("%1!%2 holds more than 32,767 characters, more than a spreadsheet cell can hold")
                          .arg(toQString(sheet), toQString(cellReference(c, r)));
            return false;
        }
        if (error != LXW_NO_ERROR) {
            m_error =
                ExportText::tr("libxlsxwriter could not write %1!%2: %3")
                    .arg(toQString(sheet), toQString(cellReference(c, r)), QString::fromUtf8(lxw_strerror(error)));
            return false;
        }
        return true;
    }

    // The drop-down choices, one column each on a hidden sheet (a list typed
    // into the rule itself is limited to 255 characters), and a list rule on
    // each Cards column that has them. A value outside the list only warns:
    // a new persona or channel typed in is still taken.
    void writeLists()
    {
        if (!m_cardsSheet)
            return;
        lxw_worksheet *lists = workbook_add_worksheet(m_book, std::string(kListsSheet).c_str());
        if (!lists) {
            m_error = ExportText::tr("libxlsxwriter could not add the sheet %1").arg(QStringLiteral("Lists"));
            return;
        }
        const auto choices = workbookChoices(m_document);
        for (std::size_t c = 0; c < choices.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            worksheet_write_string(lists, 0, col, choices[c].column.c_str(), m_header);
            for (std::size_t r = 0; r < choices[c].choices.size(); ++r)
                if (worksheet_write_string(lists, static_cast<lxw_row_t>(r + 1), col, choices[c].choices[r].c_str(),
                                           nullptr) != LXW_NO_ERROR) {
                    m_error = ExportText::tr("libxlsxwriter could not write the sheet %1").arg(QStringLiteral("Lists"));
                    return;
                }
            std::optional<std::size_t> target;
            for (std::size_t h = 0; h < m_cardsHeader.size(); ++h)
                if (m_cardsHeader[h].text == choices[c].column)
                    target = h;
            if (!target || choices[c].choices.empty())
                continue;
            const std::string letters = cellReference(c, 0).substr(0, cellReference(c, 0).size() - 1);
            std::string formula =
                "=Lists!$" + letters + "$2:$" + letters + "$" + std::to_string(choices[c].choices.size() + 1);
            lxw_data_validation rule{};
            rule.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
            rule.value_formula = formula.data();
            rule.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
            // Rows far below the cards too, so rows added in the spreadsheet get the list.
            const auto lastRow = static_cast<lxw_row_t>(std::max<std::size_t>(m_cardRows + 1000, 1000));
            worksheet_data_validation_range(m_cardsSheet, 1, static_cast<lxw_col_t>(*target), lastRow,
                                            static_cast<lxw_col_t>(*target), &rule);
        }
        worksheet_hide(lists);
    }

    const Document &m_document;
    lxw_workbook *m_book;
    lxw_format *m_header = nullptr;
    std::map<LaneKind, lxw_format *> m_kindFormats;
    lxw_worksheet *m_cardsSheet = nullptr;
    std::vector<SheetCell> m_cardsHeader;
    std::size_t m_cardRows = 0;
    QString m_error;
};

} // namespace

ExportResult writeWorkbookFile(const Document &document, const QString &path)
{
    // libxlsxwriter writes to a file name; it writes into a private
    // directory, and the bytes go to the target atomically (the old file
    // stays whole if anything fails).
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return failure(
            ExportText::tr("Could not write %1: no temporary directory (%2)").arg(path, scratch.errorString()));
    const std::string scratchPath = toStdString(scratch.filePath(QStringLiteral("map.xlsx")));
    const QString error = WorkbookWriter(document, scratchPath).write();
    if (!error.isEmpty())
        return failure(ExportText::tr("Could not write %1: %2").arg(path, error));
    std::string bytes;
    const auto read = defaultFileSystem().readAll(scratchPath, bytes, std::size_t{1} << 31);
    if (!read.ok)
        return failure(ExportText::tr("Could not write %1: %2").arg(path, toQString(read.error)));
    const auto written = defaultFileSystem().writeAtomically(toStdString(path), bytes);
    if (!written.ok)
        return failure(ExportText::tr("Could not write %1: %2").arg(path, toQString(written.error)));
    return success();
}

ExportResult XlsxExporter::write(const ExportJob &job) const { return writeWorkbookFile(job.document, job.path); }

} // namespace cjm
