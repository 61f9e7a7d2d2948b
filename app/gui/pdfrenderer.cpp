#include "pdfrenderer.h"

#include "pdfopener.h"

#include <QThread>

namespace mgreview::gui {

PdfRenderer::PdfRenderer(QObject *parent) : QObject(parent)
{
    startWorker();
}

void PdfRenderer::startWorker()
{
    // The thread has no QObject parent: a stuck one is abandoned and deletes itself later.
    m_thread = new QThread;
    m_worker = new PdfRenderWorker;
    m_thread->setObjectName(QStringLiteral("PdfRenderWorker"));
    m_worker->setRenderTimeLimit(m_renderTimeLimit);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    // Queued: the worker emits on its thread; these run on ours and drop stale results.
    connect(m_worker, &PdfRenderWorker::opened, this, [this](quint64 serial, const PdfDocumentInfo &info) {
        if (serial == m_serial)
            Q_EMIT opened(info);
    });
    connect(m_worker, &PdfRenderWorker::openFailed, this,
        [this](quint64 serial, PdfOpenProblem problem, const QString &message) {
            if (serial == m_serial)
                Q_EMIT openFailed(problem, message);
        });
    connect(m_worker, &PdfRenderWorker::rendered, this, [this](quint64 serial, const PdfRenderedPage &page) {
        if (serial == m_serial)
            Q_EMIT rendered(page);
    });
    connect(m_worker, &PdfRenderWorker::textReady, this,
        [this](quint64 serial, int page, const QVector<PdfWord> &words) {
            if (serial == m_serial)
                Q_EMIT textReady(page, words);
        });
    connect(m_worker, &PdfRenderWorker::searchHits, this,
        [this](quint64 serial, quint64 searchSerial, int page, const QVector<QRectF> &rects) {
            if (serial == m_serial && searchSerial == m_searchSerial)
                Q_EMIT searchHits(searchSerial, page, rects);
        });
    connect(m_worker, &PdfRenderWorker::searchFinished, this, [this](quint64 serial, quint64 searchSerial) {
        if (serial == m_serial && searchSerial == m_searchSerial)
            Q_EMIT searchFinished(searchSerial);
    });
    m_thread->start();
}

bool PdfRenderer::isWorkerStuck() const
{
    // Poppler checks for abort between drawing operations; a single malformed operation (a
    // giant image) can still run for minutes. Well past the time limit, the worker is stuck.
    return m_worker->busyForMs() > m_renderTimeLimit + 5'000;
}

void PdfRenderer::abandonWorker()
{
    qCWarning(lcPdfViewer) << "a PDF render worker is stuck in Poppler; leaving it to finish on its own";
    ++m_abandonedWorkers;
    disconnect(m_worker, nullptr, this, nullptr);
    m_worker->postClose(); // When Poppler returns, the worker closes its document and ends.
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->quit();
    m_thread = nullptr;
    m_worker = nullptr;
}

void PdfRenderer::setRenderTimeLimit(int ms)
{
    m_renderTimeLimit = ms;
    m_worker->setRenderTimeLimit(ms);
}

PdfRenderer::~PdfRenderer()
{
    if (isWorkerStuck()) {
        abandonWorker(); // Waiting could take minutes; the thread deletes itself when done.
        return;
    }
    m_worker->postClose(); // Aborts a render in progress; the document closes on its thread.
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

quint64 PdfRenderer::open(const QString &path, const QString &password)
{
    if (isWorkerStuck()) {
        // The old file's worker may never come back: the new file gets a worker of its own.
        abandonWorker();
        startWorker();
    }
    ++m_serial;
    ++m_searchSerial;
    m_worker->postOpen(m_serial, path, password);
    return m_serial;
}

void PdfRenderer::close()
{
    ++m_serial;
    ++m_searchSerial;
    m_worker->postClose();
}

void PdfRenderer::requestView(const QVector<PdfRenderWorker::RenderJob> &jobs)
{
    m_worker->setViewRequests(m_serial, jobs);
}

void PdfRenderer::requestThumbnail(int page, int width)
{
    m_worker->postThumbnail(m_serial, { page, width });
}

void PdfRenderer::requestText(int page)
{
    m_worker->postText(m_serial, page);
}

quint64 PdfRenderer::search(const QString &text, int first, int last, bool acrossLines)
{
    ++m_searchSerial;
    m_worker->postSearch(m_serial, m_searchSerial, text, first, last, acrossLines);
    return m_searchSerial;
}

void PdfRenderer::cancelSearch()
{
    ++m_searchSerial;
    m_worker->cancelSearch();
}

} // namespace mgreview::gui
