#pragma once

#include "pdftypes.h"

#include <QLoggingCategory>
#include <QString>

#include <memory>

namespace Poppler {
class Document;
}

namespace mgreview::gui {

Q_DECLARE_LOGGING_CATEGORY(lcPdfViewer)

/// The outcome of opening a PDF for the viewer: a document, or the problem and a sentence
/// that names the file and says what is wrong with it.
struct PdfOpenResult {
    std::unique_ptr<Poppler::Document> document;
    PdfDocumentInfo info;
    PdfOpenProblem problem = PdfOpenProblem::None;
    QString message;
};

/// Opens `path` with Poppler, on the calling thread (the render worker's).
///
/// An encrypted file without a password gives PasswordNeeded; a password is tried as Latin-1
/// and as UTF-8, as user and as owner password (Poppler's unlock() returns true when the
/// document is *still* locked, so only isLocked() is trusted). Files Poppler cannot load are
/// told apart (missing, empty, not a PDF, damaged). Poppler's own messages go to the
/// mgreview.pdf log with the file's name (core's routePopplerMessages()); a rebuilt cross-reference table or a missing end marker becomes a
/// warning shown above the pages.
PdfOpenResult openPdfDocument(const QString &path, const QString &password);

} // namespace mgreview::gui
