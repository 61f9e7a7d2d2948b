#pragma once

#include "pdf/pdfdocument.h"

#include <QString>
#include <QVector>

#include <atomic>

namespace mgreview {

/// Every page's text of a PDF, read by up to `threads` threads.
///
/// Poppler documents are not thread-safe, so each extra thread opens its own document and
/// reads its own contiguous run of pages; the main one reads the first run. On two cores
/// this roughly halves the wall time of long documents (CPU time stays the same). Short
/// documents (under 8 pages) are read on the calling thread alone.
struct PdfTextExtraction {
    PdfOpenResult opened;
    QVector<PdfPageText> pages; ///< Empty when the file could not be opened or was cancelled.
    bool cancelled = false;
};

PdfTextExtraction extractPdfText(const QString &path, const QString &password, int threads = 2,
                                 const std::atomic_bool *cancel = nullptr);

} // namespace mgreview
