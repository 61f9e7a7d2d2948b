// index-pdfs: extract pending PDF text; pdf-search TEXT: pages of PDFs matching (docs/pdfs.md).
#include "commands.h"
#include "commandsupport.h"

#include "pdf/pdfindexing.h"
#include "pdf/pdftextstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace mgreview::cli {

int runIndexPdfs(const CommandContext &context)
{
    QString error;
    const std::optional<QVector<Attachment>> todo = attachmentsToIndex(context.database, &error, true);
    if (!todo)
        return report(context, error);
    int indexed = 0;
    // Each PDF is read by a child process of this same program: a PDF that crashes Poppler
    // or keeps it busy for minutes fails alone instead of ending the command.
    const PdfExtractionOptions options = childProcessExtraction(context.arguments);
    const QVector<PdfIndexOutcome> outcomes = indexPdfTexts(context.database, *todo, nullptr,
                                                            [&](int done, int total, const PdfIndexOutcome &o) {
        context.out << QStringLiteral("[%1/%2] %3 %4: %5\n")
                           .arg(done)
                           .arg(total)
                           .arg(o.sha256.left(12), o.fileName,
                                o.indexed ? QStringLiteral("%1 pages%2").arg(o.pages).arg(
                                                o.message.isEmpty() ? QString() : QStringLiteral(" (") + o.message + u')')
                                          : o.message);
        context.out.flush();
        indexed += o.indexed ? 1 : 0;
    }, options, context.arguments.password);
    context.err << QStringLiteral("%1 of %2 PDFs indexed\n").arg(indexed).arg(outcomes.size());
    const bool locked = std::any_of(outcomes.cbegin(), outcomes.cend(), [](const PdfIndexOutcome &o) {
        return o.openStatus == PdfOpenStatus::NeedsPassword || o.openStatus == PdfOpenStatus::WrongPassword;
    });
    if (locked)
        context.err << QStringLiteral("encrypted PDFs were not indexed: run again with --password P (it is not stored)\n");
    return ExitSuccess;
}

int runPdfSearch(const CommandContext &context)
{
    QString error;
    const std::optional<QVector<PdfPageHit>> hits = PdfTextStore(context.database).search(context.arguments.text, &error);
    if (!hits) {
        if (!error.isEmpty())
            return report(context, error);
        return report(context, QStringLiteral("'pdf-search' needs at least one word"), ExitUsage);
    }
    if (context.arguments.format == OutputFormat::Json) {
        QJsonArray array;
        for (const PdfPageHit &hit : *hits)
            array.append(QJsonObject{{QStringLiteral("study"), hit.studyId},
                                     {QStringLiteral("pdf"), hit.fileName},
                                     {QStringLiteral("label"), hit.label},
                                     {QStringLiteral("sha256"), hit.sha256},
                                     {QStringLiteral("page"), hit.page},
                                     {QStringLiteral("snippet"), hit.snippet}});
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitSuccess;
    }
    for (const PdfPageHit &hit : *hits)
        context.out << QStringLiteral("%1  %2 p. %3: %4\n").arg(hit.studyId, hit.fileName).arg(hit.page).arg(hit.snippet);
    context.out << (hits->size() == 1 ? QStringLiteral("1 page\n") : QStringLiteral("%1 pages\n").arg(hits->size()));
    return ExitSuccess;
}

} // namespace mgreview::cli
