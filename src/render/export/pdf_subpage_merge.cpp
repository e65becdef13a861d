#include "pdf_subpage_merge.hpp"

#include <QFile>
#include <exception>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <stdexcept>
#include <string>

#include "atomic_file.hpp"
#include "export_support.hpp"

namespace cjm {

namespace {

// QPDFWriter's output, into the export's atomic file. A failed write stops
// the writer (libqpdf reports errors by exception); the file keeps the
// reason for the message.
class AtomicFilePipeline : public Pipeline {
public:
    explicit AtomicFilePipeline(AtomicFile &file) : Pipeline("export file", nullptr), m_file(file) {}
    void write(unsigned char const *data, size_t length) override
    {
        if (!m_file.append(reinterpret_cast<const char *>(data), static_cast<qint64>(length)))
            throw std::runtime_error("the file could not be written");
    }
    void finish() override {}

private:
    AtomicFile &m_file;
};

// A sub-page as a form XObject. A page whose content is one stream (as
// QPdfEngine writes every page) lends it: the stream becomes the form, its
// compressed bytes copied as they are. Any other page goes through
// getFormXObjectForPage, which decodes its content and compresses it again.
QPDFObjectHandle formXObject(QPDFPageObjectHelper &subPage)
{
    QPDFObjectHandle contents = subPage.getObjectHandle().getKey("/Contents");
    if (!contents.isStream() || subPage.getAttribute("/Rotate", false).isInteger() ||
        subPage.getAttribute("/UserUnit", false).isNumber())
        return subPage.getFormXObjectForPage();
    QPDFObjectHandle dictionary = contents.getDict();
    dictionary.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
    dictionary.replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
    dictionary.replaceKey("/BBox", subPage.getTrimBox(false).shallowCopy());
    dictionary.replaceKey("/Resources", subPage.getAttribute("/Resources", false).shallowCopy());
    QPDFObjectHandle group = subPage.getAttribute("/Group", false);
    if (!group.isNull())
        dictionary.replaceKey("/Group", group.shallowCopy());
    return contents;
}

// One page made of `subPages`: each is drawn, in order, as a form XObject
// (its content and resources, clipped to its box) between q and Q, so no
// sub-page's graphics state or resource names reach the next one.
QPDFObjectHandle mergedPage(QPDF &pdf, std::vector<QPDFPageObjectHelper> &subPages)
{
    QPDFObjectHandle page = subPages.front().getObjectHandle().shallowCopy();
    page.removeKey("/Parent");
    QPDFObjectHandle xobjects = QPDFObjectHandle::newDictionary();
    QPDFObjectHandle annotations = QPDFObjectHandle::newArray();
    std::string content;
    for (std::size_t i = 0; i < subPages.size(); ++i) {
        const std::string name = "/CjmSubPage" + std::to_string(i);
        xobjects.replaceKey(name, formXObject(subPages[i]));
        content += "q " + name + " Do Q\n";
        for (QPDFAnnotationObjectHelper &annotation : subPages[i].getAnnotations())
            annotations.appendItem(annotation.getObjectHandle());
    }
    QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
    resources.replaceKey("/XObject", xobjects);
    page.replaceKey("/Resources", resources);
    page.replaceKey("/Contents", pdf.newStream(content));
    if (annotations.getArrayNItems() > 0)
        page.replaceKey("/Annots", annotations);
    else
        page.removeKey("/Annots");
    return pdf.makeIndirectObject(page);
}

} // namespace

QString mergePdfSubPages(const QString &intermediate, const std::vector<int> &devicePages, AtomicFile &out)
{
    try {
        QPDF pdf;
        // Anything odd in the intermediate file is an error, not something
        // to repair quietly.
        pdf.setSuppressWarnings(true);
        pdf.setAttemptRecovery(false);
        pdf.processFile(QFile::encodeName(intermediate).constData());
        QPDFPageDocumentHelper pages(pdf);
        std::vector<QPDFPageObjectHelper> all = pages.getAllPages();
        std::size_t expected = 0;
        for (int count : devicePages)
            expected += static_cast<std::size_t>(count);
        if (all.size() != expected)
            return exporting::ExportText::tr("it has %1 pages where %2 were painted").arg(all.size()).arg(expected);
        std::size_t at = 0;
        for (int count : devicePages) {
            if (count > 1) {
                std::vector<QPDFPageObjectHelper> subPages(all.begin() + static_cast<std::ptrdiff_t>(at),
                                                           all.begin() + static_cast<std::ptrdiff_t>(at) + count);
                pages.addPageAt(QPDFPageObjectHelper(mergedPage(pdf, subPages)), true, subPages.front());
                for (QPDFPageObjectHelper &subPage : subPages)
                    pages.removePage(subPage);
            }
            at += static_cast<std::size_t>(count);
        }
        AtomicFilePipeline pipeline(out);
        QPDFWriter writer(pdf);
        writer.setOutputPipeline(&pipeline);
        writer.write();
        if (pdf.anyWarnings())
            return QString::fromStdString(pdf.getWarnings().front().what());
    } catch (const std::exception &error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace cjm
