#include "pdf/pdfcoretext.h"

#include "pdf/pdflog.h"

#include <PDFDoc.h>
#include <Page.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>

#include <QFile>

namespace mgreview {

PdfCoreTextReader::PdfCoreTextReader(const PdfDocument &opened)
    : m_path(opened.path())
{
    const PopplerMessageCollector scope(m_path);
    std::optional<GooString> password;
    if (!opened.unlockedWith().isEmpty())
        password.emplace(opened.unlockedWith().toStdString());
    m_doc = std::make_unique<PDFDoc>(std::make_unique<GooString>(QFile::encodeName(m_path).toStdString()), password,
                                     password);
    if (!m_doc->isOk()) {
        m_doc.reset();
        return;
    }
    // As Poppler-Qt6's Page::text(): reading order, not physical layout, not raw order.
    m_output = std::make_unique<TextOutputDev>(nullptr, false, 0, false, false);
    if (!m_output->isOk()) {
        m_output.reset();
        m_doc.reset();
    }
}

PdfCoreTextReader::~PdfCoreTextReader() = default;

bool PdfCoreTextReader::isOk() const
{
    return m_doc && m_output;
}

PdfPageText PdfCoreTextReader::pageText(int index)
{
    const PopplerMessageCollector scope(m_path);
    Page *page = isOk() && index >= 0 && index < m_doc->getNumPages() ? m_doc->getPage(index + 1) : nullptr;
    if (!page)
        return {QString(), QStringLiteral("page %1 could not be read").arg(index + 1)};
    // As Page::text(): 72 dpi, crop box. But no copy of the cross-reference table
    // (copyXRef): this document is ours alone, and a copy starts with an empty object cache,
    // so every page would parse its fonts and resources again.
    m_doc->displayPageSlice(m_output.get(), index + 1, 72, 72, 0, false, true, false, -1, -1, -1, -1, nullptr, nullptr,
                            nullptr, nullptr, false);
    const PDFRectangle *box = page->getCropBox();
    const std::unique_ptr<GooString> text(m_output->getText(box->x1, box->y1, box->x2, box->y2));
    PdfPageText out;
    out.text = text ? QString::fromUtf8(text->c_str(), qsizetype(text->getLength())) : QString();
    if (out.text.trimmed().isEmpty())
        out.note = QStringLiteral("page %1 has no text layer (a scanned image or a blank page)").arg(index + 1);
    return out;
}

} // namespace mgreview
