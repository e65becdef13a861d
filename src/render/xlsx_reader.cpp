#include "xlsx_reader.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "qt_text.hpp"
#include "zip_archive.hpp"

namespace cjm {

namespace {

struct ReaderText {
    Q_DECLARE_TR_FUNCTIONS(Import)
};

// All parts together may unpack to this much: a zip bomb stops here.
constexpr qint64 kMaxUnpackedBytes = qint64(256) * 1024 * 1024;

class XlsxReader {
public:
    explicit XlsxReader(const QString &path) : m_path(path) {}

    XlsxReadResult run()
    {
        XlsxReadResult result;
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = ReaderText::tr("%1: %2").arg(m_path, file.errorString());
            return result;
        }
        if (file.size() > kMaxUnpackedBytes) {
            result.error = ReaderText::tr("%1: the file is larger than 256 MiB").arg(m_path);
            return result;
        }
        QString problem;
        m_zip = ZipReader::open(file.readAll(), problem);
        if (!m_zip) {
            result.error = ReaderText::tr("%1 is not a workbook: %2").arg(m_path, problem);
            return result;
        }
        Workbook book;
        if (read(book))
            result.workbook = std::move(book);
        else
            result.error = m_error;
        return result;
    }

private:
    bool fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }
    bool xmlFail(const QString &part, const QXmlStreamReader &xml)
    {
        return fail(
            ReaderText::tr("%1: %2, line %3: %4").arg(m_path, part).arg(xml.lineNumber()).arg(xml.errorString()));
    }

    // A part's bytes; nullopt when it is missing (`required`: an error).
    std::optional<QByteArray> part(const QString &name, bool required)
    {
        if (!m_zip->contains(name)) {
            if (required)
                fail(ReaderText::tr("%1 is not a workbook: it has no %2").arg(m_path, name));
            return std::nullopt;
        }
        QString error;
        auto bytes = m_zip->read(name, m_budget, error);
        if (!bytes)
            fail(ReaderText::tr("%1: %2").arg(m_path, error));
        return bytes;
    }

    // Excel writes a character XML cannot hold as _xHHHH_ (and a literal
    // "_x" sequence as _x005F_x...).
    static std::string unescape(const QString &text)
    {
        if (!text.contains(QLatin1String("_x")))
            return toStdString(text);
        QString out;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i] == QLatin1Char('_') && i + 6 < text.size() && text[i + 1] == QLatin1Char('x') &&
                text[i + 6] == QLatin1Char('_')) {
                bool ok = false;
                const uint code = text.mid(i + 2, 4).toUInt(&ok, 16);
                if (ok) {
                    out.append(QChar(static_cast<char16_t>(code)));
                    i += 6;
                    continue;
                }
            }
            out.append(text[i]);
        }
        return toStdString(out);
    }

    // The text of the element the reader is on, with every <t> inside it
    // joined (rich text runs), phonetic guides (<rPh>) left out.
    static QString runsText(QXmlStreamReader &xml)
    {
        QString text;
        int depth = 1;
        bool inT = false;
        int skip = 0;
        while (depth > 0 && !xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                ++depth;
                if (xml.name() == QLatin1String("rPh"))
                    ++skip;
                inT = xml.name() == QLatin1String("t");
            } else if (xml.isEndElement()) {
                --depth;
                if (xml.name() == QLatin1String("rPh"))
                    --skip;
                inT = false;
            } else if (xml.isCharacters() && inT && skip == 0) {
                text += xml.text();
            }
        }
        return text;
    }

    bool readSharedStrings()
    {
        const QString name = QStringLiteral("xl/sharedStrings.xml");
        auto bytes = part(name, false);
        if (!bytes)
            return m_error.isEmpty();
        QXmlStreamReader xml(*bytes);
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("si"))
                m_strings.push_back(unescape(runsText(xml)));
        }
        return !xml.hasError() || xmlFail(name, xml);
    }

    // Which cell styles show a number as a date: the built-in date formats
    // and any custom one with a day, month or year in it.
    bool readStyles()
    {
        const QString name = QStringLiteral("xl/styles.xml");
        auto bytes = part(name, false);
        if (!bytes)
            return m_error.isEmpty();
        std::set<int> dateFormats = {14, 15, 16, 17, 22, 27, 30, 36, 50, 57};
        QXmlStreamReader xml(*bytes);
        bool inCellXfs = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("numFmt")) {
                QString code = xml.attributes().value(QLatin1String("formatCode")).toString().toLower();
                code.remove(QRegularExpression(QStringLiteral("\"[^\"]*\"|\\[[^\\]]*\\]")));
                if (code.contains(QLatin1Char('y')) || code.contains(QLatin1Char('d')))
                    dateFormats.insert(xml.attributes().value(QLatin1String("numFmtId")).toInt());
            } else if (xml.isStartElement() && xml.name() == QLatin1String("cellXfs")) {
                inCellXfs = true;
            } else if (xml.isEndElement() && xml.name() == QLatin1String("cellXfs")) {
                inCellXfs = false;
            } else if (inCellXfs && xml.isStartElement() && xml.name() == QLatin1String("xf")) {
                m_dateStyles.push_back(dateFormats.count(xml.attributes().value(QLatin1String("numFmtId")).toInt()) >
                                       0);
            }
        }
        return !xml.hasError() || xmlFail(name, xml);
    }

    // Sheet names and their parts, in the workbook's order.
    bool readSheetList(std::vector<std::pair<std::string, QString>> &sheets)
    {
        const QString relsName = QStringLiteral("xl/_rels/workbook.xml.rels");
        auto rels = part(relsName, true);
        if (!rels)
            return false;
        std::map<QString, QString> targets;
        QXmlStreamReader relsXml(*rels);
        while (!relsXml.atEnd()) {
            relsXml.readNext();
            if (relsXml.isStartElement() && relsXml.name() == QLatin1String("Relationship")) {
                QString target = relsXml.attributes().value(QLatin1String("Target")).toString();
                target = target.startsWith(QLatin1Char('/')) ? target.mid(1) : QStringLiteral("xl/") + target;
                targets[relsXml.attributes().value(QLatin1String("Id")).toString()] = target;
            }
        }
        if (relsXml.hasError())
            return xmlFail(relsName, relsXml);
        const QString bookName = QStringLiteral("xl/workbook.xml");
        auto bytes = part(bookName, true);
        if (!bytes)
            return false;
        QXmlStreamReader xml(*bytes);
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("sheet")) {
                QString id;
                for (const auto &attribute : xml.attributes())
                    if (attribute.name() == QLatin1String("id"))
                        id = attribute.value().toString();
                const auto target = targets.find(id);
                if (target == targets.end())
                    return fail(ReaderText::tr("%1: the sheet %2 has no part")
                                    .arg(m_path, xml.attributes().value(QLatin1String("name")).toString()));
                sheets.emplace_back(toStdString(xml.attributes().value(QLatin1String("name")).toString()),
                                    target->second);
            }
        }
        return !xml.hasError() || xmlFail(bookName, xml);
    }

    // "B12" -> column 1, row 11.
    static bool parseReference(QStringView ref, std::size_t &column, std::size_t &row)
    {
        std::size_t c = 0, r = 0, i = 0;
        while (i < std::size_t(ref.size()) && ref[i].isLetter()) {
            c = c * 26 + std::size_t(ref[i].toUpper().unicode() - u'A' + 1);
            ++i;
            if (c > 16384)
                return false;
        }
        const std::size_t letters = i;
        while (i < std::size_t(ref.size()) && ref[i].isDigit()) {
            r = r * 10 + std::size_t(ref[i].unicode() - u'0');
            ++i;
            if (r > 1048576)
                return false;
        }
        if (letters == 0 || i != std::size_t(ref.size()) || r == 0)
            return false;
        column = c - 1;
        row = r - 1;
        return true;
    }

    static std::string dateText(double serial)
    {
        // Serial day 25569 is 1970-01-01 (the 1900 system, as every tool writes it).
        const auto days = static_cast<long long>(std::floor(serial)) - 25569;
        // Civil date from days since the epoch (Howard Hinnant's algorithm).
        long long z = days + 719468;
        const long long era = (z >= 0 ? z : z - 146096) / 146097;
        const long long doe = z - era * 146097;
        const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const long long mp = (5 * doy + 2) / 153;
        const long long d = doy - (153 * mp + 2) / 5 + 1;
        const long long m = mp < 10 ? mp + 3 : mp - 9;
        const long long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        return QStringLiteral("%1-%2-%3")
            .arg(y, 4, 10, QLatin1Char('0'))
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(d, 2, 10, QLatin1Char('0'))
            .toStdString();
    }

    bool readSheet(const std::string &name, const QString &partName, Sheet &sheet)
    {
        sheet.name = name;
        auto bytes = part(partName, true);
        if (!bytes)
            return false;
        QXmlStreamReader xml(*bytes);
        std::size_t rowIndex = 0;
        bool anyRow = false;
        std::size_t nextColumn = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("row")) {
                const auto r = xml.attributes().value(QLatin1String("r"));
                bool ok = false;
                const auto n = r.toULongLong(&ok);
                rowIndex = ok && n >= 1 ? std::size_t(n - 1) : (anyRow ? rowIndex + 1 : 0);
                if (rowIndex >= 1048576)
                    return fail(ReaderText::tr("%1: %2 has a row past the last").arg(m_path, partName));
                anyRow = true;
                nextColumn = 0;
            } else if (xml.name() == QLatin1String("c")) {
                std::size_t column = nextColumn, row = rowIndex;
                const auto ref = xml.attributes().value(QLatin1String("r"));
                if (!ref.isEmpty() && !parseReference(ref, column, row))
                    return fail(ReaderText::tr("%1: %2, line %3: %4 is not a cell reference")
                                    .arg(m_path, partName)
                                    .arg(xml.lineNumber())
                                    .arg(ref.toString()));
                nextColumn = column + 1;
                const QString type = xml.attributes().value(QLatin1String("t")).toString();
                const int style = xml.attributes().value(QLatin1String("s")).toInt();
                SheetCell cell;
                if (!readCell(xml, type, style, cell, partName))
                    return false;
                if (cell.text.empty())
                    continue;
                if (sheet.rows.size() <= row)
                    sheet.rows.resize(row + 1);
                if (sheet.rows[row].size() <= column)
                    sheet.rows[row].resize(column + 1);
                sheet.rows[row][column] = std::move(cell);
            }
        }
        return !xml.hasError() || xmlFail(partName, xml);
    }

    bool readCell(QXmlStreamReader &xml, const QString &type, int style, SheetCell &cell, const QString &partName)
    {
        QString value;
        bool haveValue = false;
        int depth = 1;
        while (depth > 0 && !xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (xml.name() == QLatin1String("v")) {
                    value = xml.readElementText();
                    haveValue = true;
                } else if (xml.name() == QLatin1String("is")) {
                    value = runsText(xml);
                    haveValue = true;
                } else {
                    ++depth; // <f> and others: the computed value is in <v>
                }
            } else if (xml.isEndElement()) {
                --depth;
            }
        }
        if (xml.hasError())
            return xmlFail(partName, xml);
        if (!haveValue)
            return true;
        if (type == QLatin1String("s")) {
            bool ok = false;
            const auto index = value.trimmed().toULongLong(&ok);
            if (!ok || index >= m_strings.size())
                return fail(ReaderText::tr("%1: %2, line %3: shared string %4 does not exist")
                                .arg(m_path, partName)
                                .arg(xml.lineNumber())
                                .arg(value));
            cell.text = m_strings[index];
        } else if (type == QLatin1String("inlineStr") || type == QLatin1String("str") || type == QLatin1String("e") ||
                   type == QLatin1String("d")) {
            cell.text = unescape(value);
        } else if (type == QLatin1String("b")) {
            cell.text = value.trimmed() == QLatin1String("1") ? "yes" : "no";
        } else {
            cell.number = true;
            bool ok = false;
            const double number = value.toDouble(&ok);
            if (ok && style >= 0 && std::size_t(style) < m_dateStyles.size() && m_dateStyles[std::size_t(style)] &&
                number >= 1 && number < 2958466) {
                cell.text = dateText(number);
                cell.number = false;
            } else {
                cell.text = toStdString(value.trimmed());
            }
        }
        return true;
    }

    bool read(Workbook &book)
    {
        std::vector<std::pair<std::string, QString>> sheets;
        if (!readSheetList(sheets) || !readSharedStrings() || !readStyles())
            return false;
        for (const auto &[name, partName] : sheets) {
            Sheet sheet;
            if (!readSheet(name, partName, sheet))
                return false;
            book.sheets.push_back(std::move(sheet));
        }
        return true;
    }

    QString m_path;
    std::unique_ptr<ZipReader> m_zip;
    QString m_error;
    qint64 m_budget = kMaxUnpackedBytes; // what parts may still unpack to
    std::vector<std::string> m_strings;
    std::vector<bool> m_dateStyles;
};

} // namespace

XlsxReadResult readXlsxFile(const QString &path) { return XlsxReader(path).run(); }

bool looksLikeZip(const std::string &firstBytes) { return firstBytes.starts_with(std::string_view("PK\x03\x04", 4)); }

} // namespace cjm
