#include "pdf_page_merge.hpp"

#include <QByteArrayList>
#include <QByteArrayView>
#include <QList>
#include <algorithm>
#include <cstddef>
#include <iterator>

#include "atomic_file.hpp"

// Just enough of PDF (ISO 32000-1, 7.3 and 7.5) to read the dictionaries
// QPdfEngine writes for its trailer, catalog, page tree and pages, and to
// append an incremental update (7.5.6) that makes consecutive pages one page:
// its /Contents the array of their content streams, each wrapped in q ... Q
// (a page's stream starts by changing the graphics state), its /Resources
// the union of theirs. Qt names resources after their object numbers
// (/F7, /GState9, /Pat20), so names do not clash between pages. Anything
// unexpected (a cross-reference stream, an earlier update, a page tree that
// is not flat, names that do clash) is refused, and the export is made
// again without sub-pages.
namespace cjm::pdf {

namespace {

bool isWhite(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool isDelimiter(char c)
{
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' ||
           c == '%';
}
void skipWhite(const QByteArray &s, qsizetype &i)
{
    while (i < s.size() && isWhite(s[i]))
        ++i;
}
QByteArray token(const QByteArray &s, qsizetype &i)
{
    const qsizetype start = i;
    while (i < s.size() && !isWhite(s[i]) && !isDelimiter(s[i]))
        ++i;
    return s.mid(start, i - start);
}
bool isInteger(const QByteArray &t)
{
    bool ok = false;
    t.toLongLong(&ok);
    return ok;
}

bool parseDict(const QByteArray &s, qsizetype &i, Dict *dict, int depth);

// Moves `i` past one value: a dictionary, array, string, name, number,
// keyword, or a reference "12 0 R".
bool skipValue(const QByteArray &s, qsizetype &i, int depth)
{
    if (depth > 32)
        return false;
    skipWhite(s, i);
    if (i >= s.size())
        return false;
    const char c = s[i];
    if (c == '<' && i + 1 < s.size() && s[i + 1] == '<')
        return parseDict(s, i, nullptr, depth + 1);
    if (c == '<') {
        const qsizetype end = s.indexOf('>', i);
        i = end + 1;
        return end >= 0;
    }
    if (c == '[') {
        for (++i;;) {
            skipWhite(s, i);
            if (i >= s.size())
                return false;
            if (s[i] == ']') {
                ++i;
                return true;
            }
            if (!skipValue(s, i, depth + 1))
                return false;
        }
    }
    if (c == '(') {
        for (int nesting = 0; i < s.size(); ++i) {
            if (s[i] == '\\')
                ++i;
            else if (s[i] == '(')
                ++nesting;
            else if (s[i] == ')' && --nesting == 0) {
                ++i;
                return true;
            }
        }
        return false;
    }
    if (c == '/') {
        ++i;
        token(s, i);
        return true;
    }
    const QByteArray first = token(s, i);
    if (first.isEmpty())
        return false;
    if (isInteger(first)) {
        qsizetype j = i;
        skipWhite(s, j);
        if (isInteger(token(s, j))) {
            skipWhite(s, j);
            if (j < s.size() && s[j] == 'R' && (j + 1 == s.size() || isWhite(s[j + 1]) || isDelimiter(s[j + 1])))
                i = j + 1;
        }
    }
    return true;
}

bool parseDict(const QByteArray &s, qsizetype &i, Dict *dict, int depth)
{
    skipWhite(s, i);
    if (!QByteArrayView(s).sliced(i).startsWith("<<"))
        return false;
    for (i += 2;;) {
        skipWhite(s, i);
        if (QByteArrayView(s).sliced(i).startsWith(">>")) {
            i += 2;
            return true;
        }
        if (i >= s.size() || s[i] != '/')
            return false;
        ++i;
        const QByteArray key = token(s, i);
        skipWhite(s, i);
        const qsizetype start = i;
        if (!skipValue(s, i, depth))
            return false;
        if (dict)
            dict->emplace_back(key, s.mid(start, i - start));
    }
}

bool parseDict(const QByteArray &s, Dict &dict)
{
    qsizetype i = 0;
    dict.clear();
    return parseDict(s, i, &dict, 0);
}

const QByteArray *find(const Dict &dict, const char *key)
{
    for (const auto &[k, v] : dict)
        if (k == key)
            return &v;
    return nullptr;
}

// "12 0 R" → 12
bool parseRef(const QByteArray &value, int &object)
{
    const QList<QByteArray> parts = value.simplified().split(' ');
    bool ok = false;
    object = parts.size() == 3 && parts[1] == "0" && parts[2] == "R" ? parts[0].toInt(&ok) : 0;
    return ok && object > 0;
}

// The items of an array value, each as its bytes.
bool parseArray(const QByteArray &value, std::vector<QByteArray> &items)
{
    items.clear();
    qsizetype i = 0;
    skipWhite(value, i);
    if (i >= value.size() || value[i] != '[')
        return false;
    for (++i;;) {
        skipWhite(value, i);
        if (i >= value.size())
            return false;
        if (value[i] == ']')
            return true;
        const qsizetype start = i;
        if (!skipValue(value, i, 1))
            return false;
        items.push_back(value.mid(start, i - start));
    }
}

QByteArray writeDict(const Dict &dict)
{
    QByteArray out("<<\n");
    for (const auto &[key, value] : dict)
        out += '/' + key + ' ' + value + '\n';
    return out + ">>";
}

} // namespace

bool SubPageMerger::merge(const std::vector<int> &devicePages)
{
    if (!readTrailer())
        return false;
    Dict catalog, tree;
    int treeObject = 0;
    const QByteArray *root = find(m_trailer, "Root");
    int rootObject = 0;
    if (!root || !parseRef(*root, rootObject) || !readDict(rootObject, catalog))
        return false;
    const QByteArray *pages = find(catalog, "Pages");
    if (!pages || !parseRef(*pages, treeObject) || !readDict(treeObject, tree))
        return false;
    std::vector<QByteArray> kids;
    const QByteArray *kidsValue = find(tree, "Kids");
    if (!kidsValue || !parseArray(*kidsValue, kids))
        return false;
    std::size_t total = 0;
    for (int n : devicePages)
        total += static_cast<std::size_t>(n);
    if (kids.size() != total)
        return false;

    QByteArrayList newKids;
    std::size_t next = 0;
    for (int n : devicePages) {
        const std::vector<QByteArray> group(kids.begin() + static_cast<std::ptrdiff_t>(next),
                                            kids.begin() + static_cast<std::ptrdiff_t>(next) + n);
        next += static_cast<std::size_t>(n);
        newKids.push_back(group.front());
        if (n > 1 && !mergeGroup(group))
            return false;
    }
    Dict newTree;
    for (const auto &[key, value] : tree)
        if (key == "Kids")
            newTree.emplace_back(key, '[' + newKids.join(' ') + ']');
        else if (key == "Count")
            newTree.emplace_back(key, QByteArray::number(newKids.size()));
        else
            newTree.emplace_back(key, value);
    startObject(treeObject);
    m_update += writeDict(newTree) + "\nendobj\n";
    return finish();
}

bool SubPageMerger::readTrailer()
{
    const qint64 size = m_file.written();
    QByteArray tail;
    const qint64 tailSize = std::min<qint64>(size, 1024);
    if (!m_file.readAt(size - tailSize, tailSize, tail))
        return false;
    const qsizetype at = tail.lastIndexOf("startxref");
    if (at < 0)
        return false;
    qsizetype i = at + 9;
    skipWhite(tail, i);
    bool ok = false;
    m_xref = token(tail, i).toLongLong(&ok);
    if (!ok || m_xref <= 0 || m_xref >= size || size - m_xref > (64 << 20))
        return false;
    QByteArray xref;
    if (!m_file.readAt(m_xref, size - m_xref, xref) || !xref.startsWith("xref"))
        return false; // a cross-reference stream, or not a PDF
    i = 4;
    for (;;) {
        skipWhite(xref, i);
        if (QByteArrayView(xref).sliced(i).startsWith("trailer"))
            break;
        bool firstOk = false, countOk = false;
        const int first = token(xref, i).toInt(&firstOk);
        skipWhite(xref, i);
        const int count = token(xref, i).toInt(&countOk);
        if (!firstOk || !countOk || count < 0)
            return false;
        for (int k = 0; k < count; ++k) {
            skipWhite(xref, i);
            const qint64 offset = token(xref, i).toLongLong(&ok);
            skipWhite(xref, i);
            const QByteArray generation = token(xref, i);
            skipWhite(xref, i);
            if (!ok || i >= xref.size())
                return false;
            if (xref[i] == 'n' && generation.toInt() == 0)
                m_offsets[first + k] = offset;
            ++i;
        }
    }
    i += 7;
    if (!parseDict(xref, i, &m_trailer, 0))
        return false;
    const QByteArray *sizeValue = find(m_trailer, "Size");
    m_nextObject = sizeValue ? sizeValue->trimmed().toInt() : 0;
    // One section, unencrypted, as Qt writes them.
    return m_nextObject > 0 && !find(m_trailer, "Prev") && !find(m_trailer, "XRefStm") &&
           !find(m_trailer, "Encrypt");
}

// The text of object `number` between "N 0 obj" and "endobj" (only
// objects without streams are read).
bool SubPageMerger::readObject(int number, QByteArray &body)
{
    const auto offset = m_offsets.find(number);
    if (offset == m_offsets.end())
        return false;
    const qint64 size = m_file.written();
    for (qint64 length = 4096;; length *= 2) {
        QByteArray text;
        if (!m_file.readAt(offset->second, std::min(length, size - offset->second), text))
            return false;
        const qsizetype end = text.indexOf("endobj");
        if (end >= 0) {
            const QByteArray head = QByteArray::number(number) + " 0 obj";
            if (!text.startsWith(head))
                return false;
            body = text.mid(head.size(), end - head.size()).trimmed();
            return true;
        }
        if (length >= size - offset->second || length >= (1 << 20))
            return false;
    }
}

bool SubPageMerger::readDict(int number, Dict &dict)
{
    QByteArray body;
    return readObject(number, body) && parseDict(body, dict);
}

void SubPageMerger::startObject(int number)
{
    m_written[number] = m_file.written() + m_update.size();
    m_update += QByteArray::number(number) + " 0 obj\n";
}

QByteArray SubPageMerger::addStream(const QByteArray &data)
{
    const int number = m_nextObject++;
    startObject(number);
    m_update += "<<\n/Length " + QByteArray::number(data.size()) + "\n>>\nstream\n" + data;
    m_update += "\nendstream\nendobj\n";
    return QByteArray::number(number) + " 0 R";
}

// The pages of `group` (references) become its first page.
bool SubPageMerger::mergeGroup(const std::vector<QByteArray> &group)
{
    std::vector<QByteArray> contents;
    std::vector<std::pair<QByteArray, Dict>> resources; // by kind (/Font, /ExtGState...), in order
    Dict first;
    int firstObject = 0;
    for (std::size_t k = 0; k < group.size(); ++k) {
        int object = 0;
        Dict page;
        if (!parseRef(group[k], object) || !readDict(object, page))
            return false;
        const QByteArray *type = find(page, "Type");
        const QByteArray *content = find(page, "Contents");
        const QByteArray *resource = find(page, "Resources");
        if (!type || type->trimmed() != "/Page" || !content || !resource)
            return false;
        if (k == 0) {
            first = page;
            firstObject = object;
        } else if (!sameApartFromContent(first, page) || !noAnnotations(page)) {
            return false;
        }
        // With white space at both ends: the streams are read as one.
        contents.push_back(addStream(k == 0 ? "\nq\n" : "\nQ q\n"));
        std::vector<QByteArray> streams;
        if (parseArray(*content, streams))
            contents.insert(contents.end(), streams.begin(), streams.end());
        else
            contents.push_back(content->trimmed());
        if (!addResources(*resource, resources))
            return false;
    }
    contents.push_back(addStream("\nQ\n"));
    Dict merged;
    for (const auto &[kind, entries] : resources)
        merged.emplace_back(kind, writeDict(entries));
    const QByteArray resourcesRef = QByteArray::number(m_nextObject) + " 0 R";
    startObject(m_nextObject++);
    m_update += writeDict(merged) + "\nendobj\n";
    Dict page;
    for (const auto &[key, value] : first)
        if (key == "Contents")
            page.emplace_back(key, '[' + QByteArrayList(contents.begin(), contents.end()).join(' ') + ']');
        else if (key == "Resources")
            page.emplace_back(key, resourcesRef);
        else
            page.emplace_back(key, value);
    startObject(firstObject);
    m_update += writeDict(page) + "\nendobj\n";
    return true;
}

bool SubPageMerger::sameApartFromContent(const Dict &a, const Dict &b)
{
    auto rest = [](const Dict &d) {
        Dict kept;
        for (const auto &entry : d)
            if (entry.first != "Contents" && entry.first != "Resources" && entry.first != "Annots")
                kept.push_back(entry);
        std::sort(kept.begin(), kept.end());
        return kept;
    };
    return rest(a) == rest(b);
}

bool SubPageMerger::noAnnotations(const Dict &page)
{
    const QByteArray *annots = find(page, "Annots");
    if (!annots)
        return true;
    QByteArray value = *annots;
    int object = 0;
    if (parseRef(value, object) && !readObject(object, value))
        return false;
    std::vector<QByteArray> items;
    return parseArray(value, items) && items.empty();
}

// Adds a page's resources (a dictionary of dictionaries, inline or by
// reference) to `resources`; the same name must mean the same object.
bool SubPageMerger::addResources(const QByteArray &value, std::vector<std::pair<QByteArray, Dict>> &resources)
{
    QByteArray text = value;
    int object = 0;
    if (parseRef(value, object) && !readObject(object, text))
        return false;
    Dict kinds;
    if (!parseDict(text, kinds))
        return false;
    for (const auto &[kind, entries] : kinds) {
        Dict names;
        if (!parseDict(entries, names))
            return false; // /ProcSet or anything else that is not a dictionary of names
        auto known =
            std::find_if(resources.begin(), resources.end(), [&](const auto &r) { return r.first == kind; });
        if (known == resources.end()) {
            resources.emplace_back(kind, Dict());
            known = resources.end() - 1;
        }
        for (const auto &[name, ref] : names) {
            const QByteArray *existing = find(known->second, name.constData());
            if (!existing)
                known->second.emplace_back(name, ref.trimmed());
            else if (*existing != ref.trimmed())
                return false;
        }
    }
    return true;
}

bool SubPageMerger::finish()
{
    const qint64 xref = m_file.written() + m_update.size();
    m_update += "xref\n";
    for (auto run = m_written.begin(); run != m_written.end();) {
        auto end = run;
        int count = 0;
        while (end != m_written.end() && end->first == run->first + count) {
            ++end;
            ++count;
        }
        m_update += QByteArray::number(run->first) + ' ' + QByteArray::number(count) + '\n';
        for (; run != end; ++run)
            m_update += QByteArray::number(run->second).rightJustified(10, '0') + " 00000 n \n";
    }
    Dict trailer;
    trailer.emplace_back("Size", QByteArray::number(m_nextObject));
    for (const char *key : {"Root", "Info", "ID"})
        if (const QByteArray *value = find(m_trailer, key))
            trailer.emplace_back(key, value->trimmed());
    trailer.emplace_back("Prev", QByteArray::number(m_xref));
    m_update += "trailer\n" + writeDict(trailer) + "\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return m_file.append(m_update);
}

} // namespace cjm::pdf
