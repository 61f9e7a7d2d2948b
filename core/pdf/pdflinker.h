#pragma once

#include "pdf/attachment.h"
#include "pdf/pdfextraction.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>
#include <optional>

namespace mgreview {

class Database;

/// What linking one PDF of a folder to a study found.
struct PdfLinkResult {
    enum class Outcome {
        Matched,    ///< Exactly one study; `studyId` and `how` say which and why.
        Ambiguous,  ///< Several studies fit (`candidates`); never linked.
        Unmatched,  ///< No study fits.
        Unreadable, ///< The file cannot be opened (`message`).
    };
    QString file;           ///< Absolute path.
    Outcome outcome = Outcome::Unmatched;
    QString studyId;
    QStringList candidates; ///< Study ids when ambiguous.
    QString how;            ///< "DOI in metadata", "DOI on page N", "title".
    QString doi;            ///< The DOI that matched.
    QString message;
    bool attached = false;        ///< Set by PdfLinker::apply.
    bool alreadyAttached = false; ///< The study already had this file.
};

QString toString(PdfLinkResult::Outcome outcome); ///< matched, ambiguous, unmatched, unreadable

/// Links a folder of PDFs to the library's studies ("Link PDFs from folder…", link-pdfs).
///
/// For every *.pdf directly in the folder: the DOIs of its metadata (information entries,
/// XMP) are compared with the studies' DOIs; then the DOIs on its first two pages; then, when
/// no DOI matched, the studies' titles (normalised as for quote verification, at least four
/// words) are looked for in its Title entry and first page. One study: matched. Several at
/// the first level that finds any: ambiguous, and nothing is linked. File work runs on the
/// calling thread (run from a worker); each PDF is read as `options` say — in a child
/// process with a time and memory limit when they name a helper, so a hostile file is
/// reported unreadable (naming the file and the problem) instead of hanging the scan.
class PdfLinker
{
public:
    explicit PdfLinker(const Database &database, const PdfExtractionOptions &options = {});

    /// Looks at the folder; writes nothing.
    std::optional<QVector<PdfLinkResult>> scan(const QString &folder, QString *error,
                                               const std::atomic_bool *cancel = nullptr,
                                               const std::function<void(int done, int total)> &progress = {});
    /// Attaches every Matched result (label "full text"); fills attached / message.
    void apply(QVector<PdfLinkResult> &results, AttachmentStorage storage);

private:
    const Database &m_database;
    PdfExtractionOptions m_options;
};

} // namespace mgreview
