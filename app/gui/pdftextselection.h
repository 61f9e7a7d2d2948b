#pragma once

#include "pdftypes.h"

namespace mgreview::gui {

/// Word-based selection over a page's text layer (Poppler's words, in reading order).
namespace pdfselection {

/// Two words are on one line when their vertical extents overlap by half the smaller height.
bool sameLine(const QRectF &a, const QRectF &b);

/// The word under `point` (page points), else the nearest word on the same line, else the
/// nearest word; -1 for a page without text.
int wordAt(const QVector<PdfWord> &words, const QPointF &point);

/// Words first..last (either order) as text: a space between words, a line break where a
/// line ends. `forEvidence` joins lines with a space instead and keeps a hyphen that ends a
/// line glued to the next word ("magne-" + "sium" → "magne-sium"), so a quote stays one line.
QString text(const QVector<PdfWord> &words, int first, int last, bool forEvidence = false);

/// The boxes of words first..last (either order), in page points.
QVector<QRectF> boxes(const QVector<PdfWord> &words, int first, int last);

} // namespace pdfselection
} // namespace mgreview::gui
