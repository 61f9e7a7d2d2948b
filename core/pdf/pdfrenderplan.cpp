#include "pdf/pdfrenderplan.h"

#include <algorithm>
#include <cmath>

namespace mgreview {

namespace {

QString describeLength(double points)
{
    const double metres = points / 72.0 * 0.0254;
    if (metres >= 1000.0)
        return QStringLiteral("%1 km").arg(metres / 1000.0, 0, 'f', 1);
    if (metres >= 1.0)
        return QStringLiteral("%1 m").arg(metres, 0, 'f', 1);
    return QStringLiteral("%1 cm").arg(metres * 100.0, 0, 'f', 1);
}

} // namespace

PdfRenderPlan planPageRender(QSizeF points, double dpi, int page)
{
    PdfRenderPlan plan;
    if (!std::isfinite(dpi) || dpi <= 0)
        dpi = 72.0;
    dpi = std::clamp(dpi, 1.0, kMaxRenderDpi);
    plan.dpi = dpi;
    const double w = points.width();
    const double h = points.height();
    if (!(w > 0 && h > 0 && std::isfinite(w) && std::isfinite(h)))
        return plan; // Poppler falls back to its default page; nothing huge to fear.
    // The whole page, at a lower resolution when it must: fine while it stays readable.
    double whole = std::min(dpi, kMaxRenderSide * 72.0 / std::max(w, h));
    const double pixels = (w * whole / 72.0) * (h * whole / 72.0);
    if (pixels > double(kMaxRenderPixels))
        whole *= std::sqrt(double(kMaxRenderPixels) / pixels);
    constexpr double kReadableDpi = 36.0;
    if (whole >= std::min(dpi, kReadableDpi)) {
        plan.dpi = whole;
        return plan;
    }
    // A strip of paper kilometres long: keep the resolution and draw its top part, as tall as
    // an A4 page of that width (the viewer lays out absurd pages as A4).
    plan.dpi = std::min(dpi, kMaxRenderSide * 72.0 / w);
    const qint64 wide = std::max<qint64>(1, qint64(std::ceil(w * plan.dpi / 72.0)));
    const qint64 a4Tall = qint64(std::ceil(double(wide) * 842.0 / 595.0));
    const qint64 tall = std::clamp<qint64>(qint64(std::ceil(h * plan.dpi / 72.0)), 1,
                                           std::min({a4Tall, qint64(kMaxRenderSide), kMaxRenderPixels / wide}));
    plan.slice = QRect(0, 0, int(wide), int(tall));
    plan.note = QStringLiteral("page %1 is %2 × %3, far beyond any paper size: only its top part is drawn")
                    .arg(page)
                    .arg(describeLength(w), describeLength(h));
    return plan;
}

} // namespace mgreview
