#pragma once

#include <QStyledItemDelegate>

namespace mgreview {
class EvidenceMatrixModel;
struct MatrixCell;
} // namespace mgreview

namespace mgreview::gui {

/// Paints one evidence-matrix cell: the study count, the split by direction of conclusion as
/// chips (count, symbol and colour, so it reads in greyscale and without colour vision), the
/// strongest design present and what is known of the funding. An empty cell is hatched and
/// reads "no studies" — an evidence gap — and says how many studies the funding filter hides
/// there.
class MatrixCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    /// `shown` is the model the view shows; `unfiltered` the same studies and search without
    /// the funding filter (for "hidden by the filter").
    MatrixCellDelegate(
        const EvidenceMatrixModel *shown, const EvidenceMatrixModel *unfiltered, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Studies of the cell that the funding filter hides (0 without a filter).
    int hiddenByFilter(const QModelIndex &index) const;

private:
    void paintGap(QPainter *painter, const QRectF &rect, const QFont &base, int hidden) const;
    void paintContents(QPainter *painter, const QRectF &rect, const QFont &base, const MatrixCell &cell) const;
    void paintFrame(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;

    const EvidenceMatrixModel *m_shown;
    const EvidenceMatrixModel *m_unfiltered;
};

} // namespace mgreview::gui
