#pragma once

#include "matrix/matrixexport.h"

#include <QFont>
#include <QRectF>
#include <QSizeF>

class QPainter;

namespace mgreview {

/// The printable evidence-matrix figure: title, grid with totals, legend. Laid out in
/// logical pixels and painted with QPainter, so SVG, PNG and PDF show the same picture.
///
/// Every cell shows its count, its split by direction as chips with a symbol and a count
/// on the direction's colour (readable in greyscale and without colour), a proportional
/// bar, the strongest design present, and its industry-linked / independent counts. An
/// empty cell is hatched and reads "no studies".
class MatrixFigure
{
public:
    explicit MatrixFigure(const MatrixExportInput &input);

    /// The figure's natural size in logical pixels.
    QSizeF size() const { return m_size; }
    /// Paints the figure at the painter's origin, in logical pixels (scale the painter to fit).
    void paint(QPainter *painter) const;

private:
    QRectF cellRect(int row, int column) const;
    void paintTitle(QPainter *p) const;
    void paintHeaders(QPainter *p) const;
    void paintCell(QPainter *p, const QRectF &rect, const MatrixCell &cell, bool total) const;
    void paintGap(QPainter *p, const QRectF &rect) const;
    void paintLegend(QPainter *p) const;
    QFont font(qreal pixelSize, bool bold = false, bool italic = false) const;

    const MatrixExportInput &m_input;
    QSizeF m_size;
    qreal m_gridTop = 0;
    qreal m_legendTop = 0;
};

} // namespace mgreview
