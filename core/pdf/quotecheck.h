#pragma once

#include "pdf/attachment.h"
#include "pdf/pdfdocument.h"
#include "pdf/pdfextraction.h"
#include "pdf/quoteverifier.h"

#include <QString>
#include <QVector>

#include <optional>

namespace mgreview {

class Database;
struct Study;

/// One verbatim conclusion checked against one attached PDF.
struct QuoteCheck {
    QString studyId;
    int conclusionIndex = 0; ///< Index into Study::conclusions.
    QString quote;           ///< The conclusion text that was checked.
    QString sha256;          ///< The PDF.
    QString pdfLabel;
    QString pdfFileName;
    QuoteMatch match;
    QString checkedAt;       ///< ISO 8601, UTC.
    QString problem;         ///< Set when the PDF's text could not be read (match is then not-found).
    /// Why it could not be read (NeedsPassword, WrongPassword: ask the user). Not stored:
    /// only results fresh from verify() carry it.
    PdfOpenStatus problemStatus = PdfOpenStatus::Ok;
};

/// How QuoteCheckService reads PDFs whose text is not extracted yet.
struct QuoteCheckOptions {
    PdfExtractionOptions extraction; ///< A helper program bounds hostile files (pdfextraction.h).
    QString password;                ///< Tried on encrypted PDFs; used for this run only, never stored.
};

/// Verifies a study's verbatim conclusions against each of its PDFs and stores the results
/// (table quote_checks, the latest check per conclusion and PDF, with its time).
///
/// PDFs whose text is not extracted yet are extracted first (as `options` say: in a child
/// process with a time limit when they name a helper), from the calling thread: call from a
/// worker (or the CLI), never from the GUI thread. Reading stored results is cheap.
class QuoteCheckService
{
public:
    explicit QuoteCheckService(const Database &database, const QuoteCheckOptions &options = {});

    /// Checks every conclusion of `study` against every PDF attached to it, replaces the
    /// study's stored results and returns them (conclusion order, then attachment order).
    std::optional<QVector<QuoteCheck>> verify(const Study &study, QString *error);
    /// The stored results of a study (empty when never checked).
    std::optional<QVector<QuoteCheck>> stored(const QString &studyId, QString *error) const;

private:
    bool save(const QString &studyId, const QVector<QuoteCheck> &checks, QString *error);

    const Database &m_database;
    QuoteCheckOptions m_options;
};

} // namespace mgreview
