#include "pdf/doifinder.h"

#include "pdf/pdfdocument.h"

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

PdfDois findPdfDois(const PdfDocument &document, int pages)
{
    PdfDois out;
    const QStringList keys = document.infoKeys();
    for (const QString &key : keys)
        appendUnique(out.metadata, findDois(document.info(key)));
    appendUnique(out.metadata, findDois(document.xmpMetadata()));
    const int last = std::min(pages, document.pageCount());
    for (int i = 0; i < last; ++i) {
        const QStringList found = findDois(document.pageText(i).text);
        if (!found.isEmpty() && out.textPage == 0)
            out.textPage = i + 1;
        appendUnique(out.text, found);
    }
    return out;
}

} // namespace mgreview
