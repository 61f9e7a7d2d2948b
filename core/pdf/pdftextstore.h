#pragma once

#include "pdf/pdfdocument.h"

#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <optional>

namespace mgreview {

class Database;

/// A page of an attached PDF that matches a full-text query.
struct PdfPageHit {
    QString studyId;
    QString sha256;
    QString label;        ///< The attachment's label.
    QString fileName;     ///< The name it was attached from.
    int page = 0;         ///< 1-based.
    QString snippet;      ///< The matching words in context, hits in [brackets].
};

/// The extracted text of attached PDFs, one row per page, and page-level full-text search.
///
/// Text belongs to the file content (SHA-256), so a PDF attached to several studies is
/// extracted and stored once. On SQLite the pages are indexed by FTS5 (table
/// pdf_page_text); on PostgreSQL by a GIN index over the page's
/// search words (column words: a tsvector of the folded words, as for study text).
/// Query semantics follow FullTextIndex: every term must start a word of the same page;
/// case and accents are ignored. Use one PdfTextStore per thread.
class PdfTextStore
{
public:
    explicit PdfTextStore(const Database &database);

    /// Replaces the stored text of `sha256` with `pages` (page i+1 = pages[i]) and marks the
    /// file indexed; notes of broken pages are kept per page and summed up in the file's
    /// message. One transaction.
    bool savePages(const QString &sha256, const QVector<PdfPageText> &pages, QString *error);
    /// Records why a file's text could not be extracted (status failed or needs-password).
    bool markUnreadable(const QString &sha256, PdfOpenStatus status, const QString &message, QString *error);

    /// The text of every page of `sha256` (empty when not indexed yet).
    std::optional<QVector<QString>> pages(const QString &sha256, QString *error) const;
    /// The text status of a file: pending, indexed, failed, needs-password ("" when unknown).
    QString status(const QString &sha256, QString *error) const;

    /// Pages of attached PDFs matching every term of `query`, by study then page. Empty
    /// query: nullopt with *error empty.
    std::optional<QVector<PdfPageHit>> search(const QString &query, QString *error, int limit = 500) const;
    /// Keys (studies.pk) of the studies with an attached PDF page matching `query`.
    std::optional<QVector<qint64>> matchingStudyKeys(const QString &query, QString *error) const;

    /// Deletes the pages (and their index entries) of `sha256` on `db`, inside the caller's
    /// transaction.
    static bool removeText(const Database &database, QSqlDatabase &db, const QString &sha256, QString *error);

private:
    QString matchClause(const QString &query, QString *argument) const;

    const Database &m_database;
};

} // namespace mgreview
