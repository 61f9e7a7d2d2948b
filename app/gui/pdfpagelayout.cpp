#include "pdfpagelayout.h"

#include <algorithm>
#include <cmath>

namespace mgreview::gui {

void PdfPageLayout::setPageSizes(const QVector<QSizeF> &points)
{
    m_points = points;
    relayout();
}

void PdfPageLayout::setZoom(double zoom, int viewportWidth)
{
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    m_viewportWidth = viewportWidth;
    relayout();
}

void PdfPageLayout::relayout()
{
    m_rects.resize(m_points.size());
    int widest = 0;
    for (const QSizeF &size : std::as_const(m_points))
        widest = std::max(widest, int(std::lround(size.width() * scale())));
    const int columnWidth = std::max(widest + 2 * kGap, m_viewportWidth);
    int y = kGap;
    for (qsizetype i = 0; i < m_points.size(); ++i) {
        const int w = std::max(1, int(std::lround(m_points[i].width() * scale())));
        const int h = std::max(1, int(std::lround(m_points[i].height() * scale())));
        m_rects[i] = QRect((columnWidth - w) / 2, y, w, h);
        y += h + kGap;
    }
    m_content = QSize(columnWidth, m_points.isEmpty() ? 0 : y);
}

QRect PdfPageLayout::pageRect(int page) const
{
    return m_rects.value(page);
}

QVector<int> PdfPageLayout::pagesIn(const QRect &area) const
{
    QVector<int> pages;
    // Rects are sorted by y: binary search the first one below the top edge.
    auto it = std::lower_bound(
        m_rects.cbegin(), m_rects.cend(), area.top(), [](const QRect &r, int top) { return r.bottom() < top; });
    for (; it != m_rects.cend() && it->top() <= area.bottom(); ++it)
        pages.append(int(it - m_rects.cbegin()));
    return pages;
}

int PdfPageLayout::pageAtY(int y) const
{
    if (m_rects.isEmpty())
        return -1;
    auto it = std::lower_bound(
        m_rects.cbegin(), m_rects.cend(), y, [](const QRect &r, int value) { return r.bottom() + kGap < value; });
    return it == m_rects.cend() ? int(m_rects.size()) - 1 : int(it - m_rects.cbegin());
}

QPointF PdfPageLayout::toPagePoints(int page, const QPoint &content) const
{
    const QRect rect = pageRect(page);
    return QPointF((content.x() - rect.left()) / scale(), (content.y() - rect.top()) / scale());
}

QRect PdfPageLayout::toContent(int page, const QRectF &points) const
{
    const QRect rect = pageRect(page);
    const double s = scale();
    return QRectF(rect.left() + points.left() * s, rect.top() + points.top() * s, points.width() * s,
        points.height() * s)
        .toAlignedRect();
}

double PdfPageLayout::fitWidthZoom(int viewportWidth) const
{
    double widest = 0;
    for (const QSizeF &size : m_points)
        widest = std::max(widest, size.width());
    if (widest <= 0)
        return 1.0;
    return std::clamp((viewportWidth - 2.0 * kGap) / (widest * 96.0 / 72.0), kMinZoom, kMaxZoom);
}

double PdfPageLayout::fitPageZoom(const QSize &viewport) const
{
    double widest = 0, tallest = 0;
    for (const QSizeF &size : m_points) {
        widest = std::max(widest, size.width());
        tallest = std::max(tallest, size.height());
    }
    if (widest <= 0 || tallest <= 0)
        return 1.0;
    const double byWidth = (viewport.width() - 2.0 * kGap) / (widest * 96.0 / 72.0);
    const double byHeight = (viewport.height() - 2.0 * kGap) / (tallest * 96.0 / 72.0);
    return std::clamp(std::min(byWidth, byHeight), kMinZoom, kMaxZoom);
}

} // namespace mgreview::gui
