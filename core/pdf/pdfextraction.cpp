#include "pdf/pdfextraction.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace mgreview {

namespace {

void fail(PdfTextExtraction &extraction, const QString &path, const QString &problem)
{
    extraction.opened.status = PdfOpenStatus::Corrupt;
    extraction.opened.message = path + QStringLiteral(": ") + problem;
    extraction.pages.clear();
}

/// Fills `extraction` from the helper's JSON report (see app/cli/pdftextcommand.cpp).
void readReport(const QJsonObject &report, PdfTextExtraction &extraction)
{
    extraction.opened.status = pdfOpenStatusFromString(report.value(QStringLiteral("status")).toString());
    extraction.opened.message = report.value(QStringLiteral("message")).toString();
    extraction.opened.encrypted = report.value(QStringLiteral("encrypted")).toBool();
    extraction.opened.repaired = report.value(QStringLiteral("repaired")).toBool();
    extraction.pageCount = report.value(QStringLiteral("page_count")).toInt();
    extraction.xmp = report.value(QStringLiteral("xmp")).toString();
    const QJsonObject info = report.value(QStringLiteral("info")).toObject();
    for (auto it = info.constBegin(); it != info.constEnd(); ++it)
        extraction.info.insert(it.key(), it.value().toString());
    const QJsonArray pages = report.value(QStringLiteral("pages")).toArray();
    for (const QJsonValue &page : pages) {
        const QJsonObject object = page.toObject();
        extraction.pages.append({object.value(QStringLiteral("text")).toString(),
                                 object.value(QStringLiteral("note")).toString()});
    }
}

void extractInChildProcess(const PdfTextRequest &request, const PdfExtractionOptions &options,
                           const std::atomic_bool *cancel, PdfTextExtraction &extraction)
{
    const QString &path = request.path;
    QStringList arguments{QStringLiteral("pdf-text"), path, QStringLiteral("--format"), QStringLiteral("json"),
                          QStringLiteral("--timeout"), QString::number(options.timeoutSeconds)};
    if (request.maxPages >= 0)
        arguments << QStringLiteral("--pages") << QString::number(request.maxPages);
    // On standard input, not the command line: other users can read a process's arguments.
    if (!request.password.isEmpty())
        arguments << QStringLiteral("--password-stdin");
    QProcess process;
#ifdef Q_OS_UNIX
    if (options.memoryLimitMb > 0) {
        const rlim_t bytes = rlim_t(options.memoryLimitMb) * 1024 * 1024;
        // Runs in the child between fork and exec: only async-signal-safe calls.
        process.setChildProcessModifier([bytes] {
            const rlimit limit{bytes, bytes};
            setrlimit(RLIMIT_AS, &limit);
        });
    }
#endif
    process.start(options.helperProgram, arguments);
    if (!process.waitForStarted(30000)) {
        fail(extraction, path,
             QStringLiteral("cannot start the text extractor %1: %2").arg(options.helperProgram, process.errorString()));
        return;
    }
    if (!request.password.isEmpty())
        process.write(request.password.toUtf8() + '\n');
    process.closeWriteChannel();
    // The helper gives up by itself after the timeout; the margin covers its start-up.
    QElapsedTimer clock;
    clock.start();
    const qint64 limit = qint64(options.timeoutSeconds + 30) * 1000;
    QByteArray out;
    while (!process.waitForFinished(200)) {
        out += process.readAllStandardOutput(); // a long report must not fill the pipe
        if ((cancel && cancel->load()) || clock.elapsed() > limit) {
            process.kill();
            process.waitForFinished(5000);
            if (cancel && cancel->load())
                extraction.cancelled = true;
            else
                fail(extraction, path, QStringLiteral("the text extractor did not finish in %1 s").arg(options.timeoutSeconds));
            return;
        }
    }
    out += process.readAllStandardOutput();
    const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit) {
        fail(extraction, path,
             options.memoryLimitMb > 0
                 ? QStringLiteral("Poppler crashed or ran out of memory (limit %1 MB) while reading this PDF; "
                                  "the app was not affected").arg(options.memoryLimitMb)
                 : QStringLiteral("Poppler crashed while reading this PDF (the app was not affected)"));
        return;
    }
    const QJsonObject report = QJsonDocument::fromJson(out).object();
    if (report.isEmpty()) {
        // Gave up (hostile file), or failed before reading: its message names the file.
        extraction.opened.status = PdfOpenStatus::Corrupt;
        extraction.opened.message = err.section(u'\n', 0, 0).remove(QStringLiteral("mgreview-cli: "));
        if (err.contains(QStringLiteral("std::bad_alloc")) || err.contains(QStringLiteral("out of memory")))
            fail(extraction, path, QStringLiteral("reading it needs more memory than allowed (%1 MB): a hostile or "
                                                  "extremely complex PDF").arg(options.memoryLimitMb));
        else if (extraction.opened.message.isEmpty())
            fail(extraction, path, QStringLiteral("the text extractor failed (exit status %1)").arg(process.exitCode()));
        return;
    }
    readReport(report, extraction);
}

} // namespace

PdfTextExtraction extractPdfTextBounded(const PdfTextRequest &request, const PdfExtractionOptions &options,
                                        const std::atomic_bool *cancel)
{
    PdfTextExtraction extraction;
    if (options.helperProgram.isEmpty())
        return extractPdfText(request.path, request.password, request.threads, cancel, request.maxPages);
    extractInChildProcess(request, options, cancel, extraction);
    return extraction;
}

} // namespace mgreview
