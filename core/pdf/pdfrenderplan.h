#pragma once

#include <QRect>
#include <QSizeF>
#include <QString>

namespace mgreview {

/// How to render a page so that no page, however large it claims to be, allocates more than
/// a bounded image. Hostile files give pages kilometres long (a MediaBox of 10^7 points):
/// rendered whole at screen resolution that is gigabytes of pixels.
struct PdfRenderPlan {
    double dpi = 72.0;
    QRect slice;  ///< Pixels to draw, from the page's top left; the whole page when null.
    QString note; ///< Says what was left out ("page 3 is 3.5 km tall: only its top is drawn").
};

/// Largest image a page render may make (pixels; 4 bytes each) and longest side.
constexpr qint64 kMaxRenderPixels = 32'000'000;
constexpr int kMaxRenderSide = 16'384;
constexpr double kMaxRenderDpi = 1200.0;

/// Plans rendering a page of `points` (72 per inch) at `dpi` (clamped to 1…kMaxRenderDpi).
/// The whole page is drawn, at a lower dpi when its longest side would pass kMaxRenderSide
/// or its area kMaxRenderPixels, as long as that leaves min(dpi, 36) or more; otherwise (a
/// page with an absurd aspect ratio) only its top part, A4-proportioned, at `dpi`, with a
/// note naming the 1-based `page` and its size.
PdfRenderPlan planPageRender(QSizeF points, double dpi, int page);

} // namespace mgreview
