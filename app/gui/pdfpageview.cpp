#include "pdfpageview.h"

#include "pdfrenderer.h"
#include "pdftextselection.h"

#include <QApplication>
#include <QClipboard>
#include <QPainter>
#include <QScrollBar>

#include <cmath>

namespace mgreview::gui {

namespace {
// A page image is capped at this many pixels (about 160 MB at 400 % on a HiDPI screen would
// be absurd); beyond it the page is drawn scaled up from a smaller image.
constexpr qint64 kMaxPixels = 24'000'000;
const QColor kBackground(0xd5, 0xd8, 0xdd);
const QColor kHit(255, 214, 0, 110);
const QColor kCurrentHit(255, 120, 0, 150);
const QColor kHighlight(60, 200, 90, 90);
const QColor kSelection(40, 110, 220, 80);
} // namespace

const QVector<double> &PdfPageView::zoomSteps()
{
    static const QVector<double> steps { 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0 };
    return steps;
}

PdfPageView::PdfPageView(PdfRenderer *renderer, QWidget *parent) : QAbstractScrollArea(parent), m_renderer(renderer)
{
    setObjectName(QStringLiteral("pdfPageView"));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAutoFillBackground(false);
    // Always there, so fitting the width does not make it come and go (and the width change).
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    verticalScrollBar()->setSingleStep(24);
    horizontalScrollBar()->setSingleStep(24);
    buildActions();
    connect(renderer, &PdfRenderer::rendered, this, &PdfPageView::onRendered);
    connect(renderer, &PdfRenderer::textReady, this, &PdfPageView::onText);
}

void PdfPageView::setDocument(const PdfDocumentInfo &info)
{
    clearDocument();
    m_layout.setPageSizes(info.pageSizes);
    m_broken = QSet<int>(info.brokenPages.cbegin(), info.brokenPages.cend());
    if (m_mode == ZoomMode::Fixed)
        applyZoom(zoom(), false);
    else
        setZoomMode(m_mode);
    verticalScrollBar()->setValue(0);
    requestVisible();
}

void PdfPageView::clearDocument()
{
    m_layout.setPageSizes({});
    m_cache.clear();
    m_shown.clear();
    m_failed.clear();
    m_broken.clear();
    m_partial.clear();
    m_words.clear();
    m_textAsked.clear();
    m_highlights.clear();
    m_selection = {};
    m_lastCurrentPage = -1;
    clearHits();
    updateScrollBars();
    viewport()->update();
}

void PdfPageView::setZoomMode(ZoomMode mode)
{
    m_mode = mode;
    if (mode == ZoomMode::FitWidth)
        applyZoom(m_layout.fitWidthZoom(viewport()->width()));
    else if (mode == ZoomMode::FitPage)
        applyZoom(m_layout.fitPageZoom(viewport()->size()));
    else
        applyZoom(zoom());
}

void PdfPageView::setZoom(double zoom)
{
    m_mode = ZoomMode::Fixed;
    applyZoom(zoom);
}

void PdfPageView::zoomIn()
{
    for (double step : zoomSteps())
        if (step > zoom() + 0.001)
            return setZoom(step);
    setZoom(zoomSteps().constLast());
}

void PdfPageView::zoomOut()
{
    for (auto it = zoomSteps().crbegin(); it != zoomSteps().crend(); ++it)
        if (*it < zoom() - 0.001)
            return setZoom(*it);
    setZoom(zoomSteps().constFirst());
}

void PdfPageView::applyZoom(double newZoom, bool keepPlace)
{
    // Keep the line at the top of the view where it is, as readers expect when zooming.
    const int top = verticalScrollBar()->value();
    const int page = m_layout.pageAtY(top);
    const QRect before = m_layout.pageRect(page);
    const double fraction = before.height() > 0 ? double(top - before.top()) / before.height() : 0.0;
    const double old = m_layout.zoom();
    m_layout.setZoom(newZoom, viewport()->width());
    updateScrollBars();
    if (keepPlace && page >= 0) {
        const QRect after = m_layout.pageRect(page);
        verticalScrollBar()->setValue(after.top() + int(std::lround(fraction * after.height())));
    }
    if (std::abs(old - m_layout.zoom()) > 1e-9)
        Q_EMIT zoomChanged(m_layout.zoom());
    requestVisible();
    viewport()->update();
}

void PdfPageView::updateScrollBars()
{
    const QSize content = m_layout.contentSize();
    const QSize view = viewport()->size();
    verticalScrollBar()->setRange(0, std::max(0, content.height() - view.height()));
    verticalScrollBar()->setPageStep(view.height());
    horizontalScrollBar()->setRange(0, std::max(0, content.width() - view.width()));
    horizontalScrollBar()->setPageStep(view.width());
}

int PdfPageView::currentPage() const
{
    if (m_layout.pageCount() == 0)
        return -1;
    const QScrollBar *bar = verticalScrollBar();
    if (bar->maximum() > 0 && bar->value() >= bar->maximum())
        return m_layout.pageCount() - 1;
    return m_layout.pageAtY(bar->value() + viewport()->height() / 3);
}

void PdfPageView::goToPage(int page)
{
    if (m_layout.pageCount() == 0)
        return;
    page = std::clamp(page, 0, m_layout.pageCount() - 1);
    verticalScrollBar()->setValue(m_layout.pageRect(page).top() - PdfPageLayout::kGap);
    requestVisible(); // Even when the value did not change (the first page at start).
}

void PdfPageView::revealRect(int page, const QRectF &points)
{
    if (page < 0 || page >= m_layout.pageCount())
        return;
    const QRect rect = m_layout.toContent(page, points);
    const QRect view = visibleContent();
    if (!view.contains(rect)) {
        verticalScrollBar()->setValue(rect.top() - viewport()->height() / 3);
        if (rect.left() < view.left() || rect.right() > view.right())
            horizontalScrollBar()->setValue(rect.center().x() - viewport()->width() / 2);
    }
    viewport()->update();
}

QRect PdfPageView::visibleContent() const
{
    return QRect(QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value()), viewport()->size());
}

QPoint PdfPageView::toContent(const QPoint &viewportPoint) const
{
    return viewportPoint + visibleContent().topLeft();
}

int PdfPageView::renderWidth(int page) const
{
    const QRect rect = m_layout.pageRect(page);
    const double dpr = devicePixelRatioF();
    double width = rect.width() * dpr;
    const double height = rect.height() * dpr;
    if (width * height > double(kMaxPixels))
        width *= std::sqrt(double(kMaxPixels) / (width * height));
    return std::max(1, int(std::lround(width)));
}

void PdfPageView::requestVisible()
{
    if (m_layout.pageCount() == 0) {
        m_renderer->requestView({});
        return;
    }
    const QVector<int> visible = m_layout.pagesIn(visibleContent());
    QVector<int> wanted = visible;
    if (!visible.isEmpty()) {
        // One page ahead and one behind, after those in view: scrolling on finds them drawn.
        if (visible.constLast() + 1 < m_layout.pageCount())
            wanted.append(visible.constLast() + 1);
        if (visible.constFirst() > 0)
            wanted.append(visible.constFirst() - 1);
    }
    QVector<PdfRenderWorker::RenderJob> jobs;
    for (int page : std::as_const(wanted)) {
        if (m_broken.contains(page) || m_failed.contains(page))
            continue;
        const int width = renderWidth(page);
        const QImage cached = m_cache.find(page, width);
        if (!cached.isNull()) {
            if (visible.contains(page))
                m_shown.insert(page, cached);
            continue;
        }
        jobs.append({ page, width });
    }
    // Keep the images of pages in view only (a stale zoom still serves as a preview).
    for (auto it = m_shown.begin(); it != m_shown.end();)
        it = visible.contains(it.key()) ? std::next(it) : m_shown.erase(it);
    m_renderer->requestView(jobs);
    for (int page : visible) {
        if (!m_textAsked.contains(page) && !m_broken.contains(page)) {
            m_textAsked.insert(page);
            m_renderer->requestText(page);
        }
    }
}

bool PdfPageView::isSettled() const
{
    const QVector<int> visible = m_layout.pagesIn(visibleContent());
    return std::all_of(visible.cbegin(), visible.cend(), [this](int page) {
        return m_broken.contains(page) || m_failed.contains(page)
            || (m_shown.contains(page) && m_shown.value(page).width() == renderWidth(page));
    });
}

QString PdfPageView::pageNote(int page) const
{
    if (!m_broken.contains(page) && !m_failed.contains(page))
        return m_partial.value(page);
    const QString reason = m_failed.value(page);
    return reason.isEmpty() ? tr("Page %1 could not be displayed: it is damaged.").arg(page + 1) : reason;
}

void PdfPageView::onRendered(const PdfRenderedPage &page)
{
    if (page.thumbnail || page.page < 0 || page.page >= m_layout.pageCount())
        return;
    if (page.failed) {
        m_failed.insert(page.page, page.note);
        viewport()->update();
        return;
    }
    if (!page.note.isEmpty())
        m_partial.insert(page.page, page.note);
    QImage image = page.image;
    image.setDevicePixelRatio(devicePixelRatioF());
    m_cache.insert(page.page, page.width, image);
    const bool inView = m_layout.pagesIn(visibleContent()).contains(page.page);
    if (inView && page.width == renderWidth(page.page)) {
        m_shown.insert(page.page, image);
        viewport()->update();
        Q_EMIT pageShown(page.page);
    }
}

void PdfPageView::onText(int page, const QVector<PdfWord> &words)
{
    m_words.insert(page, words);
}

void PdfPageView::clearHits()
{
    m_hits.clear();
    m_currentHit = -1;
    viewport()->update();
}

void PdfPageView::addHits(int page, const QVector<QRectF> &rects)
{
    for (const QRectF &rect : rects)
        m_hits.append({ page, rect });
    viewport()->update();
}

void PdfPageView::setCurrentHit(int index)
{
    if (index < 0 || index >= m_hits.size())
        return;
    m_currentHit = index;
    revealRect(m_hits[index].first, m_hits[index].second);
}

void PdfPageView::setHighlights(int page, const QVector<QRectF> &rects)
{
    m_highlights.clear();
    if (!rects.isEmpty())
        m_highlights.insert(page, rects);
    viewport()->update();
}

void PdfPageView::setHighlights(const QMap<int, QVector<QRectF>> &byPage)
{
    m_highlights.clear();
    for (auto it = byPage.cbegin(); it != byPage.cend(); ++it) {
        if (!it.value().isEmpty())
            m_highlights.insert(it.key(), it.value());
    }
    viewport()->update();
}

QString PdfPageView::selectedText() const
{
    if (m_selection.page < 0 || m_selection.focus < 0)
        return {};
    return pdfselection::text(m_words.value(m_selection.page), m_selection.anchor, m_selection.focus);
}

QString PdfPageView::selectedEvidenceText() const
{
    if (m_selection.page < 0 || m_selection.focus < 0)
        return {};
    return pdfselection::text(m_words.value(m_selection.page), m_selection.anchor, m_selection.focus, true);
}

void PdfPageView::selectWords(int page, int first, int last)
{
    m_selection = { page, first, last };
    viewport()->update();
    Q_EMIT selectionChanged(!selectedText().isEmpty());
}

void PdfPageView::clearSelection()
{
    const bool had = m_selection.focus >= 0;
    m_selection = {};
    viewport()->update();
    if (had)
        Q_EMIT selectionChanged(false);
}

void PdfPageView::copySelection() const
{
    if (const QString text = selectedText(); !text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void PdfPageView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), kBackground);
    const QRect view = visibleContent();
    painter.translate(-view.topLeft());
    for (int page : m_layout.pagesIn(view))
        paintPage(painter, page, m_layout.pageRect(page));
}

void PdfPageView::paintPage(QPainter &painter, int page, const QRect &rect)
{
    painter.fillRect(rect.translated(2, 2), QColor(0, 0, 0, 50)); // A soft edge to tell pages apart.
    painter.fillRect(rect, Qt::white);
    const QImage image = m_shown.value(page);
    if (!image.isNull()) {
        const bool scaled = image.width() != renderWidth(page);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, scaled);
        painter.drawImage(QRectF(rect), image, QRectF(image.rect()));
        if (const QString partial = m_partial.value(page); !partial.isEmpty()) {
            const QRect band(rect.left(), rect.bottom() - 48, rect.width(), 48);
            painter.fillRect(band, QColor(0xff, 0xf4, 0xd6));
            painter.setPen(QColor(0xa0, 0x30, 0x20));
            painter.drawText(band.adjusted(8, 4, -8, -4), Qt::AlignCenter | Qt::TextWordWrap, partial);
        }
    } else {
        QString note = pageNote(page);
        if (note.isEmpty())
            note = tr("Rendering page %1…").arg(page + 1);
        painter.setPen(m_failed.contains(page) || m_broken.contains(page) ? QColor(0xa0, 0x30, 0x20) : Qt::gray);
        painter.drawText(rect.adjusted(12, 12, -12, -12), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, note);
    }
    const auto fill = [&](const QRectF &points, const QColor &color) {
        painter.fillRect(m_layout.toContent(page, points), color);
    };
    for (qsizetype i = 0; i < m_hits.size(); ++i)
        if (m_hits[i].first == page)
            fill(m_hits[i].second, i == m_currentHit ? kCurrentHit : kHit);
    for (const QRectF &points : m_highlights.value(page))
        fill(points, kHighlight);
    if (m_selection.page == page && m_selection.focus >= 0)
        for (const QRectF &points : pdfselection::boxes(m_words.value(page), m_selection.anchor, m_selection.focus))
            fill(points, kSelection);
}

void PdfPageView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_mode == ZoomMode::Fixed)
        applyZoom(zoom());
    else
        setZoomMode(m_mode);
}

void PdfPageView::scrollContentsBy(int, int)
{
    viewport()->update();
    requestVisible();
    emitCurrentPage();
}

void PdfPageView::emitCurrentPage()
{
    const int page = currentPage();
    if (page != m_lastCurrentPage) {
        m_lastCurrentPage = page;
        Q_EMIT currentPageChanged(page);
    }
}

} // namespace mgreview::gui
