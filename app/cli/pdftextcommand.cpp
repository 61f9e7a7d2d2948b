// pdf-text FILE, pdf-check FILE: read any PDF without a library; clear errors, never a crash,
// and never a hang: the reading runs on a worker and is given up after --timeout seconds
// (Poppler cannot be interrupted inside a page, and hostile files can take it minutes).
#include "commands.h"

#include "pdf/pdfdocument.h"
#include "pdf/pdftextextractor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace mgreview::cli {

namespace {

/// What the worker found; read by the main thread after it finished (or gave up).
struct Reading {
    PdfOpenResult opened;
    bool open = false;
    std::atomic_int pages{0};
    std::atomic_int pagesRead{0};
    QString text;       ///< pdf-text: every page with its header.
    QJsonObject info;   ///< pdf-text --format json: information entries.
    QString xmp;
    int pageCount = 0;  ///< Pages of the document (more than read with --pages).
    QJsonArray pageArray; ///< pdf-text --format json: {page, text, note} per page.
    QStringList notes;
    qint64 characters = 0;
    bool rendered = false;
    QString renderedSize;
};

void read(const Arguments &arguments, bool check, Reading &r)
{
    if (!check) {
        // The indexer's extraction (two threads, a document each): what the benchmark measures.
        PdfTextExtraction extraction =
            extractPdfText(arguments.file, arguments.password, 2, nullptr, arguments.maxPages);
        r.opened = extraction.opened;
        r.pageCount = extraction.pageCount;
        r.xmp = extraction.xmp;
        for (auto it = extraction.info.constBegin(); it != extraction.info.constEnd(); ++it)
            r.info.insert(it.key(), it.value());
        r.open = r.opened.ok();
        const int pages = int(extraction.pages.size());
        r.pages = pages;
        for (int i = 0; i < pages; ++i) {
            const PdfPageText &page = extraction.pages.at(i);
            if (arguments.format == OutputFormat::Json) {
                r.pageArray.append(QJsonObject{{QStringLiteral("page"), i + 1},
                                               {QStringLiteral("text"), page.text},
                                               {QStringLiteral("note"), page.note}});
                continue;
            }
            r.text += QStringLiteral("--- page %1 of %2 ---\n").arg(i + 1).arg(pages) + page.text;
            if (!page.text.endsWith(u'\n'))
                r.text += u'\n';
        }
        r.pagesRead = pages;
        for (const PdfPageText &page : std::as_const(extraction.pages)) {
            if (!page.note.isEmpty())
                r.notes.append(page.note);
        }
        return;
    }
    const std::unique_ptr<PdfDocument> document = PdfDocument::open(arguments.file, arguments.password, &r.opened);
    if (!document)
        return;
    r.open = true;
    const int pages = document->pageCount();
    r.pages = pages;
    for (int i = 0; i < pages; ++i) {
        const PdfPageText page = document->pageText(i);
        r.characters += page.text.size();
        if (!check) {
            r.text += QStringLiteral("--- page %1 of %2 ---\n").arg(i + 1).arg(pages) + page.text;
            if (!page.text.endsWith(u'\n'))
                r.text += u'\n';
        }
        if (!page.note.isEmpty())
            r.notes.append(page.note);
        r.pagesRead = i + 1;
    }
    if (check) {
        QString note;
        const QImage image = document->renderPage(0, 36.0, &note);
        if (!note.isEmpty())
            r.notes.append(note);
        r.rendered = !image.isNull();
        r.renderedSize = QStringLiteral("%1x%2").arg(image.width()).arg(image.height());
    }
}

/// Runs read() on a worker; false when it did not finish within the time budget.
bool readWithin(const Arguments &arguments, bool check, Reading &r)
{
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    std::thread worker([&] {
        read(arguments, check, r);
        std::lock_guard lock(mutex);
        finished = true;
        done.notify_one();
    });
    std::unique_lock lock(mutex);
    if (!done.wait_for(lock, std::chrono::seconds(arguments.timeoutSeconds), [&] { return finished; })) {
        // The worker is stuck inside Poppler: leave it; the process ends right after.
        worker.detach();
        return false;
    }
    lock.unlock();
    worker.join();
    return true;
}

[[noreturn]] void exitNow(QTextStream &out, QTextStream &err)
{
    out.flush();
    err.flush();
    std::_Exit(ExitFailure); // no destructors: the stuck worker still uses the document
}

QString timeoutMessage(const Arguments &arguments, const Reading &r)
{
    const QString where = r.pages.load() > 0
                              ? QStringLiteral("page %1 of %2").arg(r.pagesRead.load() + 1).arg(r.pages.load())
                              : QStringLiteral("it");
    return QStringLiteral("%1: gave up after %2 s while reading %3 (a hostile or extremely complex PDF)")
        .arg(arguments.file)
        .arg(arguments.timeoutSeconds)
        .arg(where);
}

} // namespace

int runPdfText(const Arguments &given, QTextStream &out, QTextStream &err)
{
    Arguments arguments = given;
    if (arguments.passwordFromStdin) {
        // How the app's child processes get it: arguments are visible to other users.
        QTextStream in(stdin);
        arguments.password = in.readLine();
    }
    Reading r;
    if (!readWithin(arguments, false, r)) {
        err << QStringLiteral("mgreview-cli: ") << timeoutMessage(arguments, r) << u'\n';
        exitNow(out, err);
    }
    if (arguments.format == OutputFormat::Json) {
        // For scripts and for the app's out-of-process indexing (core/pdf/pdfindexing.h).
        const QJsonObject report{{QStringLiteral("file"), arguments.file},
                                 {QStringLiteral("status"), toString(r.opened.status)},
                                 {QStringLiteral("message"), r.opened.message},
                                 {QStringLiteral("encrypted"), r.opened.encrypted},
                                 {QStringLiteral("repaired"), r.opened.repaired},
                                 {QStringLiteral("page_count"), r.pageCount},
                                 {QStringLiteral("info"), r.info},
                                 {QStringLiteral("xmp"), r.xmp},
                                 {QStringLiteral("pages"), r.pageArray}};
        out << QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact)) << u'\n';
    }
    if (!r.open) {
        err << QStringLiteral("mgreview-cli: ") << r.opened.message << u'\n';
        return ExitFailure;
    }
    if (arguments.format == OutputFormat::Json)
        return ExitSuccess;
    out << r.text;
    for (const QString &note : std::as_const(r.notes))
        err << QStringLiteral("mgreview-cli: %1: %2\n").arg(arguments.file, note);
    return ExitSuccess;
}

int runPdfCheck(const Arguments &arguments, QTextStream &out, QTextStream &err)
{
    Reading r;
    const bool finished = readWithin(arguments, true, r);
    QJsonObject report{{QStringLiteral("file"), arguments.file},
                       {QStringLiteral("status"), r.open || !finished ? QStringLiteral("ok") : toString(r.opened.status)},
                       {QStringLiteral("message"), finished ? r.opened.message : timeoutMessage(arguments, r)},
                       {QStringLiteral("timed_out"), !finished}};
    if (!finished) {
        report.insert(QStringLiteral("pages"), r.pages.load());
        if (arguments.format == OutputFormat::Json)
            out << QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Indented));
        err << QStringLiteral("mgreview-cli: ") << timeoutMessage(arguments, r) << u'\n';
        exitNow(out, err);
    }
    report.insert(QStringLiteral("encrypted"), r.opened.encrypted);
    report.insert(QStringLiteral("repaired"), r.opened.repaired);
    if (r.open) {
        report.insert(QStringLiteral("pages"), r.pages.load());
        report.insert(QStringLiteral("characters"), r.characters);
        report.insert(QStringLiteral("page1_rendered"), r.rendered);
        report.insert(QStringLiteral("page1_size"), r.renderedSize);
    } else {
        err << QStringLiteral("mgreview-cli: ") << r.opened.message << u'\n';
    }
    report.insert(QStringLiteral("notes"), QJsonArray::fromStringList(r.notes));
    if (arguments.format == OutputFormat::Json) {
        out << QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Indented));
    } else if (r.open) {
        out << QStringLiteral("%1: ok, %2 pages, %3 characters of text, page 1 %4%5%6%7\n")
                   .arg(arguments.file)
                   .arg(r.pages.load())
                   .arg(r.characters)
                   .arg(r.rendered ? QStringLiteral("rendered (%1 px)").arg(r.renderedSize) : QStringLiteral("NOT rendered"),
                        r.opened.encrypted ? QStringLiteral(", encrypted") : QString(),
                        r.opened.repaired ? QStringLiteral(", repaired") : QString(),
                        r.notes.isEmpty() ? QString() : QStringLiteral("; ") + r.notes.join(QStringLiteral("; ")));
    }
    return r.open ? ExitSuccess : ExitFailure;
}

} // namespace mgreview::cli
