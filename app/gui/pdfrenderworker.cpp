#include "pdfrenderworker.h"

#include "pdfopener.h"

#include "pdf/pdflog.h"
#include "pdf/pdfrenderplan.h"

#include <poppler-qt6.h>

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QMutexLocker>
#include <QThread>

#include <exception>

namespace mgreview::gui {

namespace {

// Poppler asks this between drawing operations: stop when the request is stale or the page
// has taken too long.
struct AbortState {
    const std::atomic_bool *abort;
    QDeadlineTimer deadline;
    bool timedOut = false;
};

bool shouldAbort(const QVariant &closure)
{
    auto *state = static_cast<AbortState *>(closure.value<void *>());
    if (state->abort->load())
        return true;
    if (state->deadline.hasExpired())
        state->timedOut = true;
    return state->timedOut;
}

// Text and search see a page as Poppler lays it out; a page it cannot parse has neither.
QVector<PdfWord> wordsOf(const Poppler::Page &page)
{
    QVector<PdfWord> words;
    const std::vector<std::unique_ptr<Poppler::TextBox>> boxes = page.textList();
    words.reserve(qsizetype(boxes.size()));
    for (const std::unique_ptr<Poppler::TextBox> &box : boxes) {
        if (!box)
            continue;
        words.append({ box->text(), box->boundingBox(), box->hasSpaceAfter() });
    }
    return words;
}

} // namespace

PdfRenderWorker::PdfRenderWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<PdfDocumentInfo>();
    qRegisterMetaType<PdfOpenProblem>();
    qRegisterMetaType<PdfRenderedPage>();
    qRegisterMetaType<QVector<PdfWord>>();
    qRegisterMetaType<QVector<QRectF>>();
}

PdfRenderWorker::~PdfRenderWorker() = default;

void PdfRenderWorker::postOpen(quint64 serial, const QString &path, const QString &password)
{
    QMutexLocker lock(&m_mutex);
    m_openJob = OpenJob { serial, path, password };
    m_closeJob = false;
    m_viewJobs.clear();
    m_viewSerial = serial;
    m_thumbnailJobs.clear();
    m_textJobs.clear();
    m_search.reset();
    m_abort = true; // Whatever is being drawn belongs to the previous document.
    lock.unlock();
    schedule();
}

void PdfRenderWorker::postClose()
{
    QMutexLocker lock(&m_mutex);
    m_openJob.reset();
    m_closeJob = true;
    m_viewJobs.clear();
    m_thumbnailJobs.clear();
    m_textJobs.clear();
    m_search.reset();
    m_abort = true;
    lock.unlock();
    schedule();
}

void PdfRenderWorker::setViewRequests(quint64 serial, const QVector<RenderJob> &jobs)
{
    QMutexLocker lock(&m_mutex);
    // Requests nobody waits for any more are what make scrolling feel slow: drop them.
    for (const RenderJob &old : std::as_const(m_viewJobs))
        if (!jobs.contains(old))
            ++m_droppedViewRenders;
    m_viewSerial = serial;
    m_viewJobs = jobs;
    if (m_currentKind == JobKind::View && !jobs.contains(m_currentRender))
        m_abort = true;
    // The page being drawn is wanted still: do not queue it twice.
    if (m_currentKind == JobKind::View)
        m_viewJobs.removeAll(m_currentRender);
    lock.unlock();
    schedule();
}

void PdfRenderWorker::postThumbnail(quint64 serial, const RenderJob &job)
{
    QMutexLocker lock(&m_mutex);
    if (!m_thumbnailJobs.contains(qMakePair(serial, job)))
        m_thumbnailJobs.append(qMakePair(serial, job));
    lock.unlock();
    schedule();
}

void PdfRenderWorker::postText(quint64 serial, int page)
{
    QMutexLocker lock(&m_mutex);
    if (!m_textJobs.contains(qMakePair(serial, page)))
        m_textJobs.append(qMakePair(serial, page));
    lock.unlock();
    schedule();
}

void PdfRenderWorker::postSearch(
    quint64 serial, quint64 searchSerial, const QString &text, int first, int last, bool acrossLines)
{
    QMutexLocker lock(&m_mutex);
    m_search = SearchJob { serial, searchSerial, text, std::max(0, first), last, acrossLines };
    lock.unlock();
    schedule();
}

void PdfRenderWorker::postStallForTest(int ms)
{
    QMutexLocker lock(&m_mutex);
    m_stallMs = ms;
    lock.unlock();
    schedule();
}

void PdfRenderWorker::cancelSearch()
{
    QMutexLocker lock(&m_mutex);
    m_search.reset();
}

qint64 PdfRenderWorker::busyForMs() const
{
    const qint64 started = m_jobStarted.load();
    return started == 0 ? 0 : QDeadlineTimer::current().deadline() - started;
}

int PdfRenderWorker::busyPage() const
{
    QMutexLocker lock(&m_mutex);
    return m_currentPage;
}

void PdfRenderWorker::setGivenUpPages(const QSet<int> &pages, const QString &note)
{
    QMutexLocker lock(&m_mutex);
    m_givenUp = pages;
    m_givenUpNote = note;
}

bool PdfRenderWorker::isGivenUp(int page) const
{
    QMutexLocker lock(&m_mutex);
    return m_givenUp.contains(page);
}

void PdfRenderWorker::schedule()
{
    QMutexLocker lock(&m_mutex);
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &PdfRenderWorker::pump, Qt::QueuedConnection);
}

void PdfRenderWorker::pump()
{
    // One job per call, then back to the event loop: new requests (and quit) get a turn.
    QMutexLocker lock(&m_mutex);
    JobKind kind = JobKind::None;
    OpenJob open;
    quint64 serial = 0;
    RenderJob render;
    int textPage = -1;
    std::optional<SearchJob> search;
    int stall = std::exchange(m_stallMs, 0);
    if (stall > 0) {
        kind = JobKind::Stall;
    } else if (m_openJob) {
        kind = JobKind::Open;
        open = *std::exchange(m_openJob, std::nullopt);
    } else if (m_closeJob) {
        kind = JobKind::Close;
        m_closeJob = false;
    } else if (!m_viewJobs.isEmpty()) {
        kind = JobKind::View;
        serial = m_viewSerial;
        render = m_viewJobs.takeFirst();
    } else if (!m_textJobs.isEmpty()) {
        kind = JobKind::Text;
        std::tie(serial, textPage) = m_textJobs.takeFirst();
    } else if (m_search) {
        kind = JobKind::Search;
        search = m_search;
    } else if (!m_thumbnailJobs.isEmpty()) {
        kind = JobKind::Thumbnail;
        std::tie(serial, render) = m_thumbnailJobs.takeFirst();
    }
    m_currentKind = kind;
    m_currentRender = render;
    m_currentPage = kind == JobKind::View || kind == JobKind::Thumbnail ? render.page
        : kind == JobKind::Text                                      ? textPage
        : kind == JobKind::Search                                    ? search->next
                                                                     : -1;
    m_abort = false;
    m_jobStarted = kind == JobKind::None ? 0 : std::max<qint64>(1, QDeadlineTimer::current().deadline());
    lock.unlock();

    try {
        switch (kind) {
        case JobKind::None:
            break;
        case JobKind::Stall:
            QThread::msleep(stall);
            break;
        case JobKind::Open:
            doOpen(open);
            break;
        case JobKind::Close:
            m_document.reset();
            m_serial = 0;
            break;
        case JobKind::View:
            doRender(serial, render, false);
            break;
        case JobKind::Thumbnail:
            doRender(serial, render, true);
            break;
        case JobKind::Text:
            doText(serial, textPage);
            break;
        case JobKind::Search:
            doSearchStep(*search);
            break;
        }
    } catch (const std::exception &e) {
        // Poppler does not throw by design; a bad_alloc on a huge page must still not kill the app.
        qCWarning(lcPdfViewer) << "PDF job failed:" << e.what();
        if (kind == JobKind::View || kind == JobKind::Thumbnail)
            Q_EMIT rendered(
                serial, PdfRenderedPage { render.page, render.width, kind == JobKind::Thumbnail, true, {}, {} });
    }

    lock.relock();
    m_currentKind = JobKind::None;
    m_currentPage = -1;
    m_jobStarted = 0;
    const bool more = m_openJob || m_closeJob || !m_viewJobs.isEmpty() || !m_textJobs.isEmpty() || m_search
        || !m_thumbnailJobs.isEmpty();
    m_scheduled = more;
    if (more)
        QMetaObject::invokeMethod(this, &PdfRenderWorker::pump, Qt::QueuedConnection);
}

void PdfRenderWorker::doOpen(const OpenJob &job)
{
    m_document.reset(); // Pages of the old document must not outlive it: none are kept.
    m_serial = 0;
    PdfOpenResult result = openPdfDocument(job.path, job.password);
    if (!result.document) {
        Q_EMIT openFailed(job.serial, result.problem, result.message);
        return;
    }
    m_document = std::move(result.document);
    m_serial = job.serial;
    m_path = job.path;
    Q_EMIT opened(job.serial, result.info);
}

void PdfRenderWorker::doRender(quint64 serial, const RenderJob &job, bool thumbnail)
{
    if (!m_document || serial != m_serial || job.page < 0 || job.page >= m_document->numPages()) {
        if (!thumbnail)
            ++m_droppedViewRenders;
        return;
    }
    PdfRenderedPage result { job.page, job.width, thumbnail, false, {}, {} };
    if (isGivenUp(job.page)) {
        QMutexLocker lock(&m_mutex);
        result.failed = true;
        result.note = m_givenUpNote.arg(job.page + 1);
        lock.unlock();
        Q_EMIT rendered(serial, result);
        return;
    }
    const PopplerMessageCollector scope(m_path); // Poppler's log lines name the file
    const std::unique_ptr<Poppler::Page> page = m_document->page(job.page);
    AbortState state { &m_abort, QDeadlineTimer(m_renderTimeLimit.load()) };
    if (page) {
        // The width asked for sets the dpi; the plan caps the pixels, so a page claiming to be
        // kilometres long (a hostile MediaBox) cannot allocate gigabytes.
        const QSizeF points = page->pageSizeF();
        const double dpi = points.width() > 0 ? 72.0 * job.width / points.width() : 72.0;
        const PdfRenderPlan plan = planPageRender(points, dpi, job.page + 1);
        const QRect slice = plan.slice.isNull() ? QRect(-1, -1, -1, -1) : plan.slice;
        result.image = page->renderToImage(plan.dpi, plan.dpi, slice.x(), slice.y(), slice.width(), slice.height(),
            Poppler::Page::Rotate0, nullptr, nullptr, shouldAbort, QVariant::fromValue<void *>(&state));
        if (!plan.note.isEmpty()) {
            result.note = tr("%1: %2").arg(QFileInfo(m_path).fileName(), plan.note);
            qCWarning(lcPdfViewer).noquote() << m_path << ":" << plan.note;
        }
    }
    if (state.timedOut) {
        result.failed = true;
        result.image = QImage();
        result.note = tr("Page %1 took longer than %2 s to draw and was given up: it may be malformed.")
                          .arg(job.page + 1)
                          .arg(m_renderTimeLimit.load() / 1000.0);
        qCWarning(lcPdfViewer).noquote() << m_path << "page" << job.page + 1 << "render timed out";
        Q_EMIT rendered(serial, result);
        return;
    }
    if (m_abort.load()) {
        // Scrolled or zoomed away while drawing: the half-drawn image is of no use.
        if (!thumbnail)
            ++m_droppedViewRenders;
        return;
    }
    if (result.image.isNull()) {
        result.failed = true;
        qCWarning(lcPdfViewer).noquote() << m_path << "page" << job.page + 1 << "could not be rendered";
    } else if (!thumbnail) {
        ++m_finishedViewRenders;
    }
    Q_EMIT rendered(serial, result);
}

void PdfRenderWorker::doText(quint64 serial, int pageIndex)
{
    if (!m_document || serial != m_serial || pageIndex < 0 || pageIndex >= m_document->numPages())
        return;
    if (isGivenUp(pageIndex)) {
        Q_EMIT textReady(serial, pageIndex, {});
        return;
    }
    const PopplerMessageCollector scope(m_path);
    const std::unique_ptr<Poppler::Page> page = m_document->page(pageIndex);
    Q_EMIT textReady(serial, pageIndex, page ? wordsOf(*page) : QVector<PdfWord>());
}

void PdfRenderWorker::doSearchStep(SearchJob job)
{
    const bool valid = m_document && job.serial == m_serial && !job.text.isEmpty();
    const int last = valid ? std::min(job.last < 0 ? m_document->numPages() - 1 : job.last, m_document->numPages() - 1)
                           : -1;
    if (valid && job.next <= last) {
        const std::unique_ptr<Poppler::Page> page = isGivenUp(job.next) ? nullptr : m_document->page(job.next);
        if (page) {
            Poppler::Page::SearchFlags flags = Poppler::Page::IgnoreCase;
            if (job.acrossLines)
                flags |= Poppler::Page::AcrossLines;
            const QList<QRectF> rects = page->search(job.text, flags);
            if (!rects.isEmpty())
                Q_EMIT searchHits(job.serial, job.searchSerial, job.next, QVector<QRectF>(rects.cbegin(), rects.cend()));
        }
        ++job.next;
    }
    QMutexLocker lock(&m_mutex);
    if (!m_search || m_search->searchSerial != job.searchSerial)
        return; // Replaced or cancelled meanwhile.
    if (valid && job.next <= last) {
        m_search->next = job.next;
        return;
    }
    m_search.reset();
    lock.unlock();
    Q_EMIT searchFinished(job.serial, job.searchSerial);
}

} // namespace mgreview::gui
