#pragma once

#include "pdf/pdftextextractor.h"

#include <QString>

#include <atomic>

namespace mgreview {

/// Where a PDF is read. Poppler cannot be interrupted inside a page, and a hostile file can
/// crash it, keep it busy for minutes or make it allocate gigabytes (a JBIG2 "bomb"): with a
/// helper program each PDF is read in a child process (`mgreview-cli pdf-text FILE --format
/// json --timeout N`, the password on its standard input), limited in time and address
/// space, so such a file costs one failed PDF, not the app. Without one, reading runs in
/// this process (tests, and scripts that trust their files).
struct PdfExtractionOptions {
    QString helperProgram;     ///< Path of mgreview-cli; empty: read in this process.
    int timeoutSeconds = 120;  ///< Per PDF, with a helper program.
    int memoryLimitMb = 3072;  ///< Address-space limit of the child process (0: none).
};

/// What to read of one PDF.
struct PdfTextRequest {
    QString path;
    QString password;    ///< Tried as Latin-1, UTF-8 and SASLprep; never stored.
    int maxPages = -1;   ///< Read only the first pages (DOI finding); -1: every page.
    int threads = 2;     ///< In-process only: threads with a document each.
};

/// Reads the text (and the information entries and XMP) of a PDF as `options` say. A child
/// that runs out of time or memory, or crashes, gives a Corrupt status whose message names
/// the file and the problem. `cancel` is polled while a child runs; it kills the child.
PdfTextExtraction extractPdfTextBounded(const PdfTextRequest &request, const PdfExtractionOptions &options,
                                        const std::atomic_bool *cancel = nullptr);

} // namespace mgreview
