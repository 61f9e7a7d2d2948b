// link-pdfs DIR: match a folder's PDFs to studies by DOI, then title (docs/pdfs.md).
#include "commands.h"
#include "commandsupport.h"

#include "pdf/pdflinker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mgreview::cli {

int runLinkPdfs(const CommandContext &context)
{
    const Arguments &a = context.arguments;
    // Each PDF is read in a child process with a time limit: a hostile one is "unreadable".
    PdfLinker linker(context.database, childProcessExtraction(a));
    QString error;
    std::optional<QVector<PdfLinkResult>> results = linker.scan(a.file, &error);
    if (!results)
        return report(context, error);
    if (!a.dryRun)
        linker.apply(*results, a.linkInPlace ? AttachmentStorage::Linked : AttachmentStorage::Stored);

    int counts[4] = {0, 0, 0, 0};
    int attached = 0;
    for (const PdfLinkResult &r : std::as_const(*results)) {
        ++counts[int(r.outcome)];
        attached += r.attached ? 1 : 0;
    }
    if (a.format == OutputFormat::Json) {
        QJsonArray array;
        for (const PdfLinkResult &r : std::as_const(*results)) {
            array.append(QJsonObject{
                {QStringLiteral("file"), r.file},
                {QStringLiteral("outcome"), toString(r.outcome)},
                {QStringLiteral("study"), r.studyId},
                {QStringLiteral("candidates"), QJsonArray::fromStringList(r.candidates)},
                {QStringLiteral("how"), r.how},
                {QStringLiteral("doi"), r.doi},
                {QStringLiteral("attached"), r.attached},
                {QStringLiteral("already_attached"), r.alreadyAttached},
                {QStringLiteral("message"), r.message},
            });
        }
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    } else {
        for (const PdfLinkResult &r : std::as_const(*results)) {
            context.out << toString(r.outcome).leftJustified(11) << r.file;
            if (r.outcome == PdfLinkResult::Outcome::Matched)
                context.out << QStringLiteral(" -> %1 (%2%3)%4")
                                   .arg(r.studyId, r.how, r.doi.isEmpty() ? QString() : QStringLiteral(" ") + r.doi,
                                        a.dryRun ? QString()
                                        : r.attached ? QStringLiteral(", attached")
                                        : r.alreadyAttached ? QStringLiteral(", already attached")
                                                            : QStringLiteral(", NOT attached: ") + r.message);
            else if (r.outcome == PdfLinkResult::Outcome::Ambiguous)
                context.out << QStringLiteral(" -> one of %1 (%2): not linked").arg(r.candidates.join(QStringLiteral(", ")), r.how);
            else
                context.out << QStringLiteral(": ") << r.message;
            context.out << u'\n';
        }
    }
    context.err << QStringLiteral("%1 matched (%2 attached%3), %4 ambiguous, %5 unmatched, %6 unreadable\n")
                       .arg(counts[0])
                       .arg(attached)
                       .arg(a.dryRun ? QStringLiteral(", dry run") : QString())
                       .arg(counts[1])
                       .arg(counts[2])
                       .arg(counts[3]);
    return ExitSuccess;
}

} // namespace mgreview::cli
