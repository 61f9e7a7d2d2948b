#include "pdfrenderer.h"

#include "pdfopener.h"

#include <QFileInfo>
#include <QThread>
#include <QTimer>

namespace mgreview::gui {

PdfRenderer::PdfRenderer(QObject *parent) : QObject(parent), m_watchdog(new QTimer(this))
{
    m_watchdog->setInterval(1000);
    connect(m_watchdog, &QTimer::timeout, this, &PdfRenderer::checkWorker);
    startWorker();
}

QString PdfRenderer::givenUpNote() const
{
    // %1 stays for the page number (the worker fills it in for each page it refuses).
    return tr("%1: page %2 kept Poppler busy for more than %3 s and was given up (a hostile or malformed "
              "page; its text is not read either).")
        .arg(QFileInfo(m_path).fileName(), QStringLiteral("%1"))
        .arg(m_renderTimeLimit / 1000);
}

void PdfRenderer::checkWorker()
{
    if (!isWorkerStuck())
        return;
    const int page = m_worker->busyPage();
    abandonWorker();
    startWorker();
    if (m_serial == 0 || m_path.isEmpty())
        return;
    // Stuck while opening, or on page after page: reopening would only strand more threads.
    constexpr int kMaxGivenUpPages = 3;
    if (m_openedSerial != m_serial || m_givenUp.size() >= kMaxGivenUpPages) {
        const QString message = m_openedSerial != m_serial
            ? tr("%1: Poppler did not finish opening it in %2 s (a hostile or badly damaged PDF)")
                  .arg(QFileInfo(m_path).fileName())
                  .arg(m_renderTimeLimit / 1000 + 5)
            : tr("%1: page after page keeps Poppler busy (a hostile PDF); it was closed")
                  .arg(QFileInfo(m_path).fileName());
        close();
        Q_EMIT openFailed(PdfOpenProblem::Damaged, message);
        return;
    }
    if (page >= 0) {
        m_givenUp.insert(page);
        qCWarning(lcPdfViewer).noquote() << m_path << ": page" << page + 1 << "given up: Poppler stuck on it";
    }
    m_worker->setGivenUpPages(m_givenUp, givenUpNote());
    // The same document again in the fresh worker; the view keeps its state (no opened()).
    m_reopening = true;
    m_worker->postOpen(m_serial, m_path, m_password);
    m_worker->setViewRequests(m_serial, m_viewJobs);
    for (int text : std::as_const(m_textPages))
        m_worker->postText(m_serial, text);
    if (page >= 0) {
        PdfRenderedPage failed { page, 0, false, true, {}, givenUpNote().arg(page + 1) };
        Q_EMIT rendered(failed);
    }
    // A search lost with the old worker ends here rather than never.
    Q_EMIT searchFinished(m_searchSerial);
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
        if (serial != m_serial)
            return;
        m_openedSerial = serial;
        if (std::exchange(m_reopening, false))
            return; // A replacement worker: the view already knows the document.
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
    m_path = path;
    m_password = password; // in memory while the document is open, for a replacement worker
    m_reopening = false;
    m_givenUp.clear();
    m_viewJobs.clear();
    m_textPages.clear();
    m_worker->setGivenUpPages({}, {});
    m_worker->postOpen(m_serial, path, password);
    m_watchdog->start();
    return m_serial;
}

void PdfRenderer::close()
{
    ++m_serial;
    ++m_searchSerial;
    m_path.clear();
    m_password.clear();
    m_watchdog->stop();
    m_worker->postClose();
}

void PdfRenderer::requestView(const QVector<PdfRenderWorker::RenderJob> &jobs)
{
    m_viewJobs = jobs;
    m_worker->setViewRequests(m_serial, jobs);
}

void PdfRenderer::requestThumbnail(int page, int width)
{
    m_worker->postThumbnail(m_serial, { page, width });
}

void PdfRenderer::requestText(int page)
{
    m_textPages.insert(page);
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
