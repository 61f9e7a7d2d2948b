#include "pdf/doifinder.h"

#include "pdf/pdfdocument.h"
#include "pdf/pdftextextractor.h"

#include <QRegularExpression>

namespace mgreview {

namespace {

QString trimDoi(QString doi)
{
    static const QString trailing = QStringLiteral(".,;:'\"”’>");
    while (!doi.isEmpty()) {
        const QChar last = doi.back();
        if (trailing.contains(last)) {
            doi.chop(1);
            continue;
        }
        const QChar open = last == u')' ? u'(' : last == u']' ? u'[' : last == u'}' ? u'{' : QChar();
        if (!open.isNull() && doi.count(open) < doi.count(last)) {
            doi.chop(1);
            continue;
        }
        break;
    }
    return doi;
}

void appendUnique(QStringList &list, const QStringList &more)
{
    for (const QString &item : more) {
        if (!list.contains(item))
            list.append(item);
    }
}

} // namespace

QStringList findDois(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("10\\.\\d{4,9}/[^\\s\"<>]+"));
    QStringList out;
    QRegularExpressionMatchIterator it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QString doi = trimDoi(it.next().captured(0)).toLower();
        if (doi.contains(u'/') && !doi.endsWith(u'/') && !out.contains(doi))
            out.append(doi);
    }
    return out;
}

PdfDois findPdfDois(const PdfTextExtraction &extraction, int pages)
{
    PdfDois out;
    QStringList keys = extraction.info.keys();
    keys.sort(); // the same order on every run
    for (const QString &key : std::as_const(keys))
        appendUnique(out.metadata, findDois(extraction.info.value(key)));
    appendUnique(out.metadata, findDois(extraction.xmp));
    const int last = std::min(pages, int(extraction.pages.size()));
    for (int i = 0; i < last; ++i) {
        const QStringList found = findDois(extraction.pages.at(i).text);
        if (!found.isEmpty() && out.textPage == 0)
            out.textPage = i + 1;
        appendUnique(out.text, found);
    }
    return out;
}

PdfDois findPdfDois(const PdfDocument &document, int pages)
{
    PdfTextExtraction extraction;
    for (const QString &key : document.infoKeys())
        extraction.info.insert(key, document.info(key));
    extraction.xmp = document.xmpMetadata();
    const int last = std::min(pages, document.pageCount());
    for (int i = 0; i < last; ++i)
        extraction.pages.append(document.pageText(i));
    return findPdfDois(extraction, pages);
}

} // namespace mgreview
