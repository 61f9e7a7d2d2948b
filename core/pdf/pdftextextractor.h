#pragma once

#include "pdf/pdfdocument.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <atomic>

namespace mgreview {

/// Every page's text of a PDF, read by up to `threads` threads.
///
/// Poppler documents are not thread-safe, so each extra thread opens its own document and
/// reads its own contiguous run of pages; the main one reads the first run. On two cores
/// this roughly halves the wall time of long documents, for a little more CPU (the second
/// document's fonts and cross-references). Documents under 64 pages, papers, are read on
/// the calling thread alone. Each thread reads with one PdfCoreTextReader (pdfcoretext.h).
struct PdfTextExtraction {
    PdfOpenResult opened;
    QVector<PdfPageText> pages; ///< Empty when the file could not be opened or was cancelled.
    bool cancelled = false;
    QHash<QString, QString> info; ///< Document information entries (Title, Subject, …).
    QString xmp;                  ///< The XMP metadata packet; empty when none.
    int pageCount = 0;            ///< Pages of the document (more than `pages` with maxPages).
};

/// `maxPages` >= 0 reads only the first pages (the rest of `pages` is then absent).
PdfTextExtraction extractPdfText(const QString &path, const QString &password, int threads = 2,
                                 const std::atomic_bool *cancel = nullptr, int maxPages = -1);

} // namespace mgreview
