#pragma once

#include <QString>
#include <QStringList>

namespace mgreview {

class PdfDocument;
struct PdfTextExtraction;

/// DOIs found in text: `10.NNNN…/suffix`, without trailing punctuation (.,;: and quotes;
/// a closing bracket only when it has no opening partner in the DOI), lower-case (DOIs
/// are case-insensitive), in order of first appearance, each once.
QStringList findDois(const QString &text);

/// Where a PDF names DOIs.
struct PdfDois {
    QStringList metadata; ///< Document information entries and XMP metadata.
    QStringList text;     ///< The text of the first pages.
    int textPage = 0;     ///< 1-based page of the first DOI in `text`.
};

/// Reads DOIs from a PDF's metadata and the text of its first `pages` pages.
PdfDois findPdfDois(const PdfDocument &document, int pages = 2);
/// The same from an extraction (e.g. of the first pages, read in a child process).
PdfDois findPdfDois(const PdfTextExtraction &extraction, int pages = 2);

} // namespace mgreview
