#pragma once

#include <QColor>
#include <QFontMetricsF>
#include <QRectF>
#include <QString>

class QPainter;

namespace mgreview::gui::matrixpaint {

// The pieces the matrix cells and their legend share, so the legend shows exactly what a
// cell draws. Colours and symbols come from core (matrixtext), as in the exported figure.

/// "4 −": the count and the direction symbol, joined by a thin space.
QString chipText(int count, const QString &symbol);
/// The width a chip needs for its text.
qreal chipWidth(const QFontMetricsF &metrics, const QString &text);
/// A direction chip: text on the direction's colour, outlined so a white chip reads too.
void paintChip(QPainter *painter, const QRectF &rect, const QString &text, const QColor &fill);
/// Light diagonal hatching: the mark of an evidence gap.
void paintHatching(QPainter *painter, const QRectF &rect);

/// Background of the totals row and column.
QColor totalBackground();
/// Secondary text (nouns, "no studies").
QColor mutedText();

} // namespace mgreview::gui::matrixpaint
