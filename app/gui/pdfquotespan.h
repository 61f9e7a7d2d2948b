#pragma once

#include "pdftypes.h"

#include <QMap>
#include <QRectF>
#include <QString>
#include <QVector>

namespace mgreview::gui {

/// The text layer of one page: its words in reading order (0-based page).
struct PdfPageText {
    int page = -1;
    QVector<PdfWord> words;
};

/// Where a quote is in the text layer of consecutive pages: the boxes (page points) of every
/// word it covers, by 0-based page — a quote may run on to the next page. Quote and page
/// text are compared as the quote check compares them (core's NormalizedText: case, accents,
/// ligatures, punctuation and line breaks do not count, and a word hyphenated at a line end
/// reads as the whole word), so a quote verified on a page is found there whatever its line
/// breaks. Empty when the quote is not there.
QMap<int, QVector<QRectF>> quoteBoxes(const QString &quote, const QVector<PdfPageText> &pages);

} // namespace mgreview::gui
