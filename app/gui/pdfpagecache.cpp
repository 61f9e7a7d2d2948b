#include "pdfpagecache.h"

namespace mgreview::gui {

PdfPageCache::PdfPageCache(qint64 budgetBytes)
{
    setBudget(budgetBytes);
}

void PdfPageCache::setBudget(qint64 bytes)
{
    m_cache.setMaxCost(std::max<qint64>(1, bytes / 1024));
}

bool PdfPageCache::insert(int page, int width, const QImage &image)
{
    const qint64 cost = std::max<qint64>(1, (image.sizeInBytes() + 1023) / 1024);
    return m_cache.insert(key(page, width), new QImage(image), cost);
}

QImage PdfPageCache::find(int page, int width) const
{
    // QCache::object() moves the entry to the front: this is what makes it LRU.
    const QImage *image = m_cache.object(key(page, width));
    return image ? *image : QImage();
}

bool PdfPageCache::contains(int page, int width) const
{
    return m_cache.contains(key(page, width));
}

} // namespace mgreview::gui
