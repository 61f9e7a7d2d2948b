#pragma once

#include "pdfpagecache.h"
#include "pdftypes.h"

#include <QAbstractListModel>
#include <QSet>

namespace mgreview::gui {

class PdfRenderer;

/// One row per page: "N" and a thumbnail. Thumbnails are asked of the render worker only
/// when a view asks for a row's picture (so only for rows on screen) and kept in a small
/// cache; until one arrives the row shows a blank page of the right shape.
class PdfThumbnailModel : public QAbstractListModel
{
    Q_OBJECT

public:
    static constexpr int kWidth = 110; ///< Logical pixels.
    static constexpr qint64 kBudget = 32LL * 1024 * 1024;

    explicit PdfThumbnailModel(PdfRenderer *renderer, QObject *parent = nullptr);

    void setDocument(const PdfDocumentInfo &info);
    void clear();
    /// Device pixels per logical pixel for the thumbnails (the view's screen).
    void setDevicePixelRatio(double ratio) { m_dpr = ratio; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    bool hasThumbnail(int page) const;
    /// No thumbnail asked for and not yet delivered.
    bool isIdle() const { return m_asked.isEmpty(); }

private:
    void onRendered(const PdfRenderedPage &page);
    int pixelWidth() const;
    QSize logicalSize(int page) const;

    PdfRenderer *m_renderer;
    QVector<QSizeF> m_sizes;
    QSet<int> m_broken;
    mutable PdfPageCache m_cache { kBudget };
    mutable QSet<int> m_asked;
    double m_dpr = 1.0;
};

} // namespace mgreview::gui
