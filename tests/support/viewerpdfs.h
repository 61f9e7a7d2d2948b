#pragma once

#include <QHash>
#include <QString>

namespace mgreview::testing {

/// What writeSamplePaper() puts in a PDF.
struct SamplePaperOptions {
    int pages = 12;
    /// Extra sentences appended to a page's first paragraph (1-based page → sentence), e.g.
    /// rare words a test finds.
    QHash<int, QString> insertions;
};

/// The first-page line every sample paper carries, so no one mistakes it for a study.
QString samplePaperNotice();
/// The keywords line of page 1, on one line: "Keywords: magnesium; leg cramps; …".
QString samplePaperKeywords();

/// Writes a paper-like PDF with QPdfWriter (A4, real text with a text layer: title block,
/// abstract, sections, page numbers). The content is invented for tests and screenshots and
/// says so on page 1. False when the file cannot be written.
bool writeSamplePaper(const QString &path, const SamplePaperOptions &options = {});

} // namespace mgreview::testing
