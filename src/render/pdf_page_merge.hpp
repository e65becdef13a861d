#pragma once
// Merging a PDF export's sub-pages back into one page. QPdfEngine keeps a
// page's whole content stream in memory until the next page starts, so a page
// with many cards is painted as several device pages; SubPageMerger appends an
// incremental update to the file that makes each run of them one page again.
// It reads only as much PDF as QPdfEngine writes: anything else is refused
// (merge() returns false), and the export is made again without sub-pages.

#include <QByteArray>
#include <QtGlobal>
#include <map>
#include <utility>
#include <vector>

namespace cjm {

class AtomicFile;

namespace pdf {

using Dict = std::vector<std::pair<QByteArray, QByteArray>>; // key without '/' → the value's bytes, in order

class SubPageMerger {
public:
    explicit SubPageMerger(AtomicFile &file) : m_file(file) {}

    // Appends the update that makes each run of `devicePages` one page.
    bool merge(const std::vector<int> &devicePages);

private:
    bool readTrailer();
    bool readObject(int number, QByteArray &body);
    bool readDict(int number, Dict &dict);
    void startObject(int number);
    QByteArray addStream(const QByteArray &data);
    bool mergeGroup(const std::vector<QByteArray> &group);
    static bool sameApartFromContent(const Dict &a, const Dict &b);
    bool noAnnotations(const Dict &page);
    bool addResources(const QByteArray &value, std::vector<std::pair<QByteArray, Dict>> &resources);
    bool finish();

    AtomicFile &m_file;
    std::map<int, qint64> m_offsets; // of the objects in use, from the cross-reference table
    Dict m_trailer;
    qint64 m_xref = 0;
    int m_nextObject = 0;
    QByteArray m_update;            // what is appended
    std::map<int, qint64> m_written; // objects in the update, and their offsets
};

} // namespace pdf

} // namespace cjm
