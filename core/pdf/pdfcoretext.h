#pragma once

#include "pdf/pdfdocument.h"

#include <QByteArray>
#include <QString>

#include <memory>

class PDFDoc;
class TextOutputDev;

namespace mgreview {

/// Reads page text with Poppler's core library, as `pdftotext` does, for the text index.
///
/// Why not Poppler-Qt6's Page::text(): it makes a new TextOutputDev for every page, and the
/// output device holds Poppler's cache of ICC colour spaces, so each page of a paper in CMYK
/// parses its ICC profile and builds a colour transform again (on a 35-page Springer paper
/// that was 60 % of all the work). One device for all pages keeps the cache, as pdftotext
/// does; and Page::text() displays each page on a copy of the cross-reference table, whose
/// empty object cache makes every page parse its fonts again — this reader's document is
/// its own, so it displays on the original. The text is the same as Page::text(QRectF()) gives: the page is displayed the same
/// way (72 dpi, crop box) and read with TextOutputDev::getText over the crop box.
///
/// Open the file with PdfDocument first (it checks and explains problems, and finds the
/// password form that unlocks it); keep that PdfDocument alive while this reader is used
/// (Poppler's global parameters live as long as a Poppler-Qt document). One reader per thread.
class PdfCoreTextReader
{
public:
    explicit PdfCoreTextReader(const PdfDocument &opened);
    ~PdfCoreTextReader();
    PdfCoreTextReader(const PdfCoreTextReader &) = delete;
    PdfCoreTextReader &operator=(const PdfCoreTextReader &) = delete;

    /// False when Poppler's core could not open what Poppler-Qt6 opened (then use
    /// PdfDocument::pageText()).
    bool isOk() const;
    /// The text of page `index` (0-based), with the notes of PdfDocument::pageText().
    PdfPageText pageText(int index);

private:
    QString m_path;
    std::unique_ptr<PDFDoc> m_doc;
    std::unique_ptr<TextOutputDev> m_output;
};

} // namespace mgreview
