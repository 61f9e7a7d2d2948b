// pdf-text FILE, pdf-check FILE: read any PDF without a library; clear errors, never a crash.
#include "commands.h"

#include "pdf/pdfdocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mgreview::cli {

namespace {

std::unique_ptr<PdfDocument> openOrReport(const Arguments &arguments, QTextStream &err, PdfOpenResult *opened)
{
    std::unique_ptr<PdfDocument> document = PdfDocument::open(arguments.file, arguments.password, opened);
    if (!document)
        err << QStringLiteral("mgreview-cli: ") << opened->message << u'\n';
    return document;
}

} // namespace

int runPdfText(const Arguments &arguments, QTextStream &out, QTextStream &err)
{
    PdfOpenResult opened;
    const std::unique_ptr<PdfDocument> document = openOrReport(arguments, err, &opened);
    if (!document)
        return ExitFailure;
    const int pages = document->pageCount();
    for (int i = 0; i < pages; ++i) {
        const PdfPageText page = document->pageText(i);
        out << QStringLiteral("--- page %1 of %2 ---\n").arg(i + 1).arg(pages) << page.text;
        if (!page.text.endsWith(u'\n'))
            out << u'\n';
        if (!page.note.isEmpty())
            err << QStringLiteral("mgreview-cli: %1: %2\n").arg(arguments.file, page.note);
    }
    return ExitSuccess;
}

int runPdfCheck(const Arguments &arguments, QTextStream &out, QTextStream &err)
{
    PdfOpenResult opened;
    const std::unique_ptr<PdfDocument> document = openOrReport(arguments, err, &opened);
    QJsonObject report{{QStringLiteral("file"), arguments.file},
                       {QStringLiteral("status"), toString(opened.status)},
                       {QStringLiteral("message"), opened.message},
                       {QStringLiteral("encrypted"), opened.encrypted},
                       {QStringLiteral("repaired"), opened.repaired}};
    QStringList notes;
    if (document) {
        qint64 characters = 0;
        const QVector<PdfPageText> pages = document->allText();
        for (const PdfPageText &page : pages) {
            characters += page.text.size();
            if (!page.note.isEmpty())
                notes.append(page.note);
        }
        QString renderNote;
        const QImage image = document->renderPage(0, 36.0, &renderNote);
        if (!renderNote.isEmpty())
            notes.append(renderNote);
        report.insert(QStringLiteral("pages"), document->pageCount());
        report.insert(QStringLiteral("characters"), characters);
        report.insert(QStringLiteral("page1_rendered"), !image.isNull());
        report.insert(QStringLiteral("page1_size"), QStringLiteral("%1x%2").arg(image.width()).arg(image.height()));
    }
    report.insert(QStringLiteral("notes"), QJsonArray::fromStringList(notes));
    if (arguments.format == OutputFormat::Json) {
        out << QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Indented));
    } else if (document) {
        out << QStringLiteral("%1: ok, %2 pages, %3 characters of text, page 1 %4%5%6%7\n")
                   .arg(arguments.file)
                   .arg(report.value(QStringLiteral("pages")).toInt())
                   .arg(report.value(QStringLiteral("characters")).toInteger())
                   .arg(report.value(QStringLiteral("page1_rendered")).toBool()
                            ? QStringLiteral("rendered (%1 px)").arg(report.value(QStringLiteral("page1_size")).toString())
                            : QStringLiteral("NOT rendered"),
                        opened.encrypted ? QStringLiteral(", encrypted") : QString(),
                        opened.repaired ? QStringLiteral(", repaired") : QString(),
                        notes.isEmpty() ? QString() : QStringLiteral("; ") + notes.join(QStringLiteral("; ")));
    }
    return document ? ExitSuccess : ExitFailure;
}

} // namespace mgreview::cli
