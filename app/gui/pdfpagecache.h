#pragma once

#include <QCache>
#include <QImage>

namespace mgreview::gui {

/// Rendered pages, least recently used dropped first, within a memory budget in bytes.
/// Keyed by page and pixel width, so a page at two zoom levels is two entries.
class PdfPageCache
{
public:
    static constexpr qint64 kDefaultBudget = 256LL * 1024 * 1024;

    explicit PdfPageCache(qint64 budgetBytes = kDefaultBudget);

    /// Changing the budget drops the least recently used pages until the rest fit.
    void setBudget(qint64 bytes);
    qint64 budget() const { return m_cache.maxCost() * 1024; }
    /// Bytes held now (always ≤ budget()).
    qint64 bytesUsed() const { return m_cache.totalCost() * 1024; }
    int count() const { return int(m_cache.count()); }

    /// False when the image alone is larger than the budget (it is not kept).
    bool insert(int page, int width, const QImage &image);
    /// The image, or a null image; marks it as recently used.
    QImage find(int page, int width) const;
    bool contains(int page, int width) const;
    void clear() { m_cache.clear(); }

private:
    static quint64 key(int page, int width) { return (quint64(quint32(page)) << 32) | quint32(width); }

    // Costs are in KiB so that a budget of many gigabytes still fits QCache's cost type.
    mutable QCache<quint64, QImage> m_cache;
};

} // namespace mgreview::gui
