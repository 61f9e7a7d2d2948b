#include "pdf/pdfindexer.h"

#include "store/database.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace mgreview {

struct PdfIndexer::Run {
    std::atomic_bool cancel{false};
    int total = 0;
    int done = 0;
    int indexed = 0;
    int failed = 0;
};

PdfIndexer::PdfIndexer(const Database &database, QObject *parent)
    : QObject(parent),
      m_database(database)
{
    connect(&m_watcher, &QFutureWatcher<PdfIndexOutcome>::resultReadyAt, this, &PdfIndexer::onResultReady);
    connect(&m_watcher, &QFutureWatcher<PdfIndexOutcome>::finished, this, &PdfIndexer::onFinished);
}

PdfIndexer::~PdfIndexer()
{
    cancel();
    m_watcher.waitForFinished();
}

bool PdfIndexer::isRunning() const
{
    return m_watcher.isRunning();
}

void PdfIndexer::startPending(bool retryFailed)
{
    if (isRunning())
        return;
    QString error;
    const std::optional<QVector<Attachment>> todo = attachmentsToIndex(m_database, &error, retryFailed);
    if (!todo) {
        emit failed(error);
        return;
    }
    start(*todo);
}

void PdfIndexer::start(const QVector<Attachment> &attachments)
{
    if (isRunning())
        return;
    m_run = std::make_shared<Run>();
    m_run->total = int(attachments.size());
    emit started(m_run->total);
    const Database *database = &m_database;
    std::shared_ptr<Run> run = m_run;
    const PdfExtractionOptions options = m_options;
    m_watcher.setFuture(QtConcurrent::run([database, run, attachments, options](QPromise<PdfIndexOutcome> &promise) {
        for (const Attachment &attachment : attachments) {
            if (run->cancel.load() || promise.isCanceled())
                break;
            try {
                promise.addResult(indexPdfText(*database, attachment, {}, &run->cancel, options));
            } catch (...) {
                // Poppler does not throw, but a worker must never take the process down.
                PdfIndexOutcome outcome;
                outcome.sha256 = attachment.sha256;
                outcome.fileName = attachment.originalName;
                outcome.message = QStringLiteral("%1: unexpected error while reading").arg(attachment.filePath);
                promise.addResult(outcome);
            }
        }
        database->releaseThreadConnection();
    }));
}

void PdfIndexer::cancel()
{
    if (m_run)
        m_run->cancel.store(true);
}

void PdfIndexer::onResultReady(int index)
{
    const PdfIndexOutcome outcome = m_watcher.resultAt(index);
    if (outcome.cancelled)
        return;
    ++m_run->done;
    if (outcome.indexed)
        ++m_run->indexed;
    else
        ++m_run->failed;
    emit fileIndexed(outcome);
    emit progress(m_run->done, m_run->total, outcome.fileName);
}

void PdfIndexer::onFinished()
{
    if (!m_run)
        return;
    emit finished(m_run->indexed, m_run->failed, m_run->cancel.load());
}

} // namespace mgreview
