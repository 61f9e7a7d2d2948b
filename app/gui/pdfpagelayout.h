#pragma once

#include <QRect>
#include <QSizeF>
#include <QVector>

namespace mgreview::gui {

/// Where each page sits in the viewer's continuous column, in logical pixels. Zoom 1.0 shows a
/// page at its printed size on a 96 dpi screen (1 point = 96/72 pixels).
class PdfPageLayout
{
public:
    static constexpr int kGap = 10; ///< Between pages and around the column.
    static constexpr double kMinZoom = 0.25;
    static constexpr double kMaxZoom = 4.0;

    void setPageSizes(const QVector<QSizeF> &points);
    /// The zoom and the width of the viewport (to centre narrow pages).
    void setZoom(double zoom, int viewportWidth);

    double zoom() const { return m_zoom; }
    int pageCount() const { return int(m_points.size()); }
    QSizeF pagePoints(int page) const { return m_points.value(page); }
    /// Logical pixels per point at the current zoom.
    double scale() const { return m_zoom * 96.0 / 72.0; }

    QRect pageRect(int page) const;
    QSize contentSize() const { return m_content; }
    /// Pages that intersect `area` (content coordinates), top to bottom.
    QVector<int> pagesIn(const QRect &area) const;
    /// The page under a content y (or the nearest one); -1 without pages.
    int pageAtY(int y) const;
    /// A content point in page points, for `page`.
    QPointF toPagePoints(int page, const QPoint &content) const;
    QRect toContent(int page, const QRectF &points) const;

    /// Zooms that make the widest page fill the width, or the tallest page fit in the viewport.
    double fitWidthZoom(int viewportWidth) const;
    double fitPageZoom(const QSize &viewport) const;

private:
    void relayout();

    QVector<QSizeF> m_points;
    QVector<QRect> m_rects;
    QSize m_content;
    double m_zoom = 1.0;
    int m_viewportWidth = 0;
};

} // namespace mgreview::gui
