#include "pdf/pdfindexing.h"

#include "pdf/attachmentstore.h"
#include "pdf/pdfextraction.h"
#include "pdf/pdftextstore.h"
#include "store/database.h"

#include <QSet>

namespace mgreview {

PdfIndexOutcome indexPdfText(const Database &database, const Attachment &attachment, const QString &password,
                             const std::atomic_bool *cancel, const PdfExtractionOptions &options)
{
    PdfIndexOutcome outcome;
    outcome.sha256 = attachment.sha256;
    outcome.fileName = attachment.originalName;
    PdfTextStore store(database);
    QString error;
    // Two threads (each with its own Poppler document) halve the wait on long PDFs.
    const PdfTextExtraction extraction = extractPdfTextBounded({attachment.filePath, password}, options, cancel);
    const PdfOpenResult &opened = extraction.opened;
    outcome.openStatus = opened.status;
    if (!opened.ok()) {
        // A stored copy is named by its hash: the user knows the file by its own name.
        outcome.message = QString(opened.message).replace(attachment.filePath, attachment.originalName);
        if (!store.markUnreadable(attachment.sha256, opened.status, opened.message, &error))
            outcome.message += QStringLiteral("; ") + error;
        return outcome;
    }
    if (extraction.cancelled) {
        outcome.cancelled = true;
        outcome.message = QStringLiteral("cancelled");
        return outcome;
    }
    const QVector<PdfPageText> &pages = extraction.pages;
    QStringList notes;
    for (const PdfPageText &page : pages) {
        if (!page.note.isEmpty() && !page.note.contains(QStringLiteral("no text layer")))
            notes.append(page.note);
    }
    if (opened.repaired)
        notes.prepend(QStringLiteral("damaged cross-reference table (repaired)"));
    if (!store.savePages(attachment.sha256, pages, &error)) {
        outcome.message = error;
        return outcome;
    }
    outcome.indexed = true;
    outcome.pages = int(pages.size());
    outcome.message = notes.join(QStringLiteral("; "));
    return outcome;
}

std::optional<QVector<Attachment>> attachmentsToIndex(const Database &database, QString *error, bool includeFailed)
{
    const std::optional<QVector<Attachment>> all = AttachmentStore(database).all(error);
    if (!all)
        return std::nullopt;
    QVector<Attachment> out;
    QSet<QString> seen;
    for (const Attachment &attachment : *all) {
        const bool wanted = attachment.textStatus == u"pending" || (includeFailed && attachment.textStatus != u"indexed");
        if (wanted && !seen.contains(attachment.sha256)) {
            seen.insert(attachment.sha256);
            out.append(attachment);
        }
    }
    return out;
}

QVector<PdfIndexOutcome> indexPdfTexts(const Database &database, const QVector<Attachment> &attachments,
                                       const std::atomic_bool *cancel,
                                       const std::function<void(int, int, const PdfIndexOutcome &)> &progress,
                                       const PdfExtractionOptions &options, const QString &password)
{
    QVector<PdfIndexOutcome> out;
    for (qsizetype i = 0; i < attachments.size(); ++i) {
        if (cancel && cancel->load())
            break;
        out.append(indexPdfText(database, attachments.at(i), password, cancel, options));
        if (progress)
            progress(int(i + 1), int(attachments.size()), out.constLast());
    }
    return out;
}

} // namespace mgreview
