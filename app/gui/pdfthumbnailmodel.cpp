#include "pdfthumbnailmodel.h"

#include "pdfrenderer.h"

#include <QColor>

#include <cmath>

namespace mgreview::gui {

PdfThumbnailModel::PdfThumbnailModel(PdfRenderer *renderer, QObject *parent)
    : QAbstractListModel(parent), m_renderer(renderer)
{
    connect(renderer, &PdfRenderer::rendered, this, &PdfThumbnailModel::onRendered);
}

void PdfThumbnailModel::setDocument(const PdfDocumentInfo &info)
{
    beginResetModel();
    m_sizes = info.pageSizes;
    m_broken = QSet<int>(info.brokenPages.cbegin(), info.brokenPages.cend());
    m_cache.clear();
    m_asked.clear();
    endResetModel();
}

void PdfThumbnailModel::clear()
{
    setDocument({});
}

int PdfThumbnailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sizes.size());
}

int PdfThumbnailModel::pixelWidth() const
{
    return int(std::lround(kWidth * m_dpr));
}

QSize PdfThumbnailModel::logicalSize(int page) const
{
    const QSizeF points = m_sizes.value(page, QSizeF(595, 842));
    return QSize(kWidth, std::max(1, int(std::lround(kWidth * points.height() / points.width()))));
}

bool PdfThumbnailModel::hasThumbnail(int page) const
{
    return m_cache.contains(page, pixelWidth());
}

QVariant PdfThumbnailModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int page = index.row();
    switch (role) {
    case Qt::DisplayRole:
        return QString::number(page + 1);
    case Qt::ToolTipRole:
        return m_broken.contains(page) ? tr("Page %1 (damaged)").arg(page + 1) : tr("Page %1").arg(page + 1);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignHCenter | Qt::AlignBottom);
    case Qt::DecorationRole: {
        QImage image = m_cache.find(page, pixelWidth());
        if (!image.isNull())
            return image;
        if (!m_broken.contains(page) && !m_asked.contains(page)) {
            // Asked lazily: a view only wants the pictures of the rows it shows.
            m_asked.insert(page);
            m_renderer->requestThumbnail(page, pixelWidth());
        }
        QImage blank(logicalSize(page) * m_dpr, QImage::Format_RGB32);
        blank.setDevicePixelRatio(m_dpr);
        blank.fill(m_broken.contains(page) ? QColor(0xf3, 0xd6, 0xd0) : QColor(Qt::white));
        return blank;
    }
    default:
        return {};
    }
}

void PdfThumbnailModel::onRendered(const PdfRenderedPage &page)
{
    if (!page.thumbnail || page.page < 0 || page.page >= m_sizes.size())
        return;
    m_asked.remove(page.page); // If the cache drops it later, it may be asked for again.
    if (page.failed) {
        m_broken.insert(page.page);
    } else {
        QImage image = page.image;
        image.setDevicePixelRatio(m_dpr);
        m_cache.insert(page.page, page.width, image);
    }
    const QModelIndex changed = index(page.page);
    Q_EMIT dataChanged(changed, changed, { Qt::DecorationRole, Qt::ToolTipRole });
}

} // namespace mgreview::gui
