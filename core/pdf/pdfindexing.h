#pragma once

#include "pdf/attachment.h"
#include "pdf/pdfdocument.h"
#include "pdf/pdfextraction.h"

#include <QString>
#include <QVector>

#include <atomic>
#include <functional>

namespace mgreview {

class Database;

/// What indexing one PDF did.
struct PdfIndexOutcome {
    QString sha256;
    QString fileName;
    PdfOpenStatus openStatus = PdfOpenStatus::Ok;
    bool indexed = false;   ///< Text extracted and stored.
    bool cancelled = false; ///< Stopped by the cancel flag; nothing was stored.
    int pages = 0;
    QString message;        ///< Error, or notes about broken pages.
};

/// Extracts every page's text of `attachment` and stores it (PdfTextStore), in a child
/// process when `options` name a helper (pdfextraction.h). A file that cannot be opened is
/// recorded as failed / needs-password with the reason; the password is never stored. Runs on the
/// calling thread with its own Poppler document and database connection: call it from a
/// worker, never from the GUI thread.
PdfIndexOutcome indexPdfText(const Database &database, const Attachment &attachment, const QString &password = {},
                             const std::atomic_bool *cancel = nullptr, const PdfExtractionOptions &options = {});

/// The attachments whose text is not extracted yet (status pending), one per distinct file.
std::optional<QVector<Attachment>> attachmentsToIndex(const Database &database, QString *error, bool includeFailed = false);

/// Indexes `attachments` one after another; `progress(done, total, current)` after each;
/// stops early when `cancel` becomes true. `password` is tried on the encrypted ones. For
/// scripts and the CLI; the GUI uses PdfIndexer.
QVector<PdfIndexOutcome> indexPdfTexts(const Database &database, const QVector<Attachment> &attachments,
                                       const std::atomic_bool *cancel = nullptr,
                                       const std::function<void(int, int, const PdfIndexOutcome &)> &progress = {},
                                       const PdfExtractionOptions &options = {}, const QString &password = {});

} // namespace mgreview
