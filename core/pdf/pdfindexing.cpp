#include "pdf/pdfindexing.h"

#include "pdf/attachmentstore.h"
#include "pdf/pdflog.h"
#include "pdf/pdftextextractor.h"
#include "pdf/pdftextstore.h"
#include "store/database.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>

namespace mgreview {

namespace {

/// Runs the helper program on one PDF; fills `extraction` as extractPdfText() would.
void extractInChildProcess(const QString &path, const QString &password, const std::atomic_bool *cancel,
                           const PdfExtractionOptions &options, PdfTextExtraction &extraction)
{
    QStringList arguments{QStringLiteral("pdf-text"), path, QStringLiteral("--format"), QStringLiteral("json"),
                          QStringLiteral("--timeout"), QString::number(options.timeoutSeconds)};
    if (!password.isEmpty())
        arguments << QStringLiteral("--password") << password;
    QProcess process;
    process.start(options.helperProgram, arguments);
    auto failWith = [&](const QString &problem) {
        extraction.opened.status = PdfOpenStatus::Corrupt;
        extraction.opened.message = path + QStringLiteral(": ") + problem;
    };
    if (!process.waitForStarted(30000)) {
        failWith(QStringLiteral("cannot start the text extractor %1: %2").arg(options.helperProgram, process.errorString()));
        return;
    }
    // The helper gives up by itself after the timeout; the margin covers its start-up.
    QElapsedTimer clock;
    clock.start();
    const qint64 limit = qint64(options.timeoutSeconds + 30) * 1000;
    while (!process.waitForFinished(200)) {
        if ((cancel && cancel->load()) || clock.elapsed() > limit) {
            process.kill();
            process.waitForFinished(5000);
            if (cancel && cancel->load())
                extraction.cancelled = true;
            else
                failWith(QStringLiteral("the text extractor did not finish in %1 s").arg(options.timeoutSeconds));
            return;
        }
    }
    const QByteArray out = process.readAllStandardOutput();
    const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit) {
        failWith(QStringLiteral("Poppler crashed while reading this PDF (the app was not affected)"));
        return;
    }
    const QJsonObject report = QJsonDocument::fromJson(out).object();
    if (report.isEmpty()) {
        // Gave up (hostile file) or failed before reading: its message names the file.
        extraction.opened.status = PdfOpenStatus::Corrupt;
        extraction.opened.message = err.section(u'\n', 0, 0).remove(QStringLiteral("mgreview-cli: "));
        if (extraction.opened.message.isEmpty())
            failWith(QStringLiteral("the text extractor failed (exit status %1)").arg(process.exitCode()));
        return;
    }
    extraction.opened.status = pdfOpenStatusFromString(report.value(QStringLiteral("status")).toString());
    extraction.opened.message = report.value(QStringLiteral("message")).toString();
    extraction.opened.encrypted = report.value(QStringLiteral("encrypted")).toBool();
    extraction.opened.repaired = report.value(QStringLiteral("repaired")).toBool();
    const QJsonArray pages = report.value(QStringLiteral("pages")).toArray();
    for (const QJsonValue &page : pages) {
        const QJsonObject object = page.toObject();
        extraction.pages.append({object.value(QStringLiteral("text")).toString(),
                                 object.value(QStringLiteral("note")).toString()});
    }
}

} // namespace

PdfIndexOutcome indexPdfText(const Database &database, const Attachment &attachment, const QString &password,
                             const std::atomic_bool *cancel, const PdfExtractionOptions &options)
{
    PdfIndexOutcome outcome;
    outcome.sha256 = attachment.sha256;
    outcome.fileName = attachment.originalName;
    PdfTextStore store(database);
    QString error;
    // Two threads (each with its own Poppler document) halve the wait on long PDFs.
    PdfTextExtraction extraction;
    if (options.helperProgram.isEmpty())
        extraction = extractPdfText(attachment.filePath, password, 2, cancel);
    else
        extractInChildProcess(attachment.filePath, password, cancel, options, extraction);
    const PdfOpenResult &opened = extraction.opened;
    outcome.openStatus = opened.status;
    if (!opened.ok()) {
        outcome.message = opened.message;
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
                                       const PdfExtractionOptions &options)
{
    QVector<PdfIndexOutcome> out;
    for (qsizetype i = 0; i < attachments.size(); ++i) {
        if (cancel && cancel->load())
            break;
        out.append(indexPdfText(database, attachments.at(i), {}, cancel, options));
        if (progress)
            progress(int(i + 1), int(attachments.size()), out.constLast());
    }
    return out;
}

} // namespace mgreview
