#pragma once

#include <QStyledItemDelegate>

namespace mgreview::gui {

/// Paints a PDF thumbnail; the page being read gets a frame, because the usual selection
/// tint would hide its picture.
class PdfThumbnailDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace mgreview::gui
