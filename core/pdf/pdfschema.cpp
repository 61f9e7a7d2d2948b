#include "pdf/pdfschema.h"

#include "store/database.h"
#include "store/sqldialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

namespace mgreview {

bool createPdfSchema(const Database &database, QSqlDatabase &db, QString *error)
{
    // Identity columns and full-text search differ between the dialects (store/sqldialect.h);
    // everything else is portable SQL.
    const SqlDialect dialect = database.dialect();
    const bool sqlite = dialect == SqlDialect::Sqlite;
    const QString serialKey = Sql::autoKeyColumn(dialect, QStringLiteral("id"));
    QStringList statements = {
        // One row per distinct file content: the same PDF attached twice is stored and
        // indexed once. text_status: pending, indexed, failed, needs-password.
        QStringLiteral("CREATE TABLE pdf_files ("
                       " sha256 TEXT PRIMARY KEY,"
                       " size BIGINT NOT NULL,"
                       " page_count INTEGER NOT NULL DEFAULT 0,"
                       " text_status TEXT NOT NULL DEFAULT 'pending'"
                       "  CHECK (text_status IN ('pending', 'indexed', 'failed', 'needs-password')),"
                       " text_message TEXT NOT NULL DEFAULT '',"
                       " indexed_at TEXT NOT NULL DEFAULT '',"
                       " added_at TEXT NOT NULL)"),
        // A study's PDFs. storage 'stored': path is relative to the attachment folder;
        // 'linked': path is the user's own file, absolute.
        QStringLiteral("CREATE TABLE pdf_attachments ("
                       " ") + serialKey + QStringLiteral(","
                       " study_id TEXT NOT NULL,"
                       " sha256 TEXT NOT NULL REFERENCES pdf_files(sha256),"
                       " label TEXT NOT NULL,"
                       " storage TEXT NOT NULL CHECK (storage IN ('stored', 'linked')),"
                       " path TEXT NOT NULL,"
                       " original_name TEXT NOT NULL,"
                       " attached_at TEXT NOT NULL,"
                       " UNIQUE (study_id, sha256))"),
        QStringLiteral("CREATE INDEX pdf_attachments_study ON pdf_attachments(study_id)"),
        QStringLiteral("CREATE INDEX pdf_attachments_sha ON pdf_attachments(sha256)"),
        // Extracted text, one row per page (1-based), with a note for unreadable pages. On
        // PostgreSQL `words` holds the page's search words (see below).
        QStringLiteral("CREATE TABLE pdf_pages ("
                       " ") + serialKey + QStringLiteral(","
                       " sha256 TEXT NOT NULL REFERENCES pdf_files(sha256),"
                       " page INTEGER NOT NULL CHECK (page > 0),"
                       " text TEXT NOT NULL,"
                       " note TEXT NOT NULL DEFAULT '',")
            + (sqlite ? QString() : QStringLiteral(" words TSVECTOR NOT NULL,"))
            + QStringLiteral(" UNIQUE (sha256, page))"),
        // The latest verification of each verbatim conclusion against each PDF.
        QStringLiteral("CREATE TABLE quote_checks ("
                       " study_id TEXT NOT NULL,"
                       " conclusion_index INTEGER NOT NULL,"
                       " sha256 TEXT NOT NULL,"
                       " quote TEXT NOT NULL,"
                       " status TEXT NOT NULL CHECK (status IN ('verified', 'partial', 'not-found')),"
                       " page INTEGER,"
                       " position INTEGER,"
                       " length INTEGER,"
                       " similarity DOUBLE PRECISION NOT NULL,"
                       " passage TEXT NOT NULL DEFAULT '',"
                       " checked_at TEXT NOT NULL,"
                       " PRIMARY KEY (study_id, conclusion_index, sha256))"),
    };
    if (sqlite) {
        // Page-level full-text search (external content: the text lives once, in pdf_pages).
        statements.append(QStringLiteral("CREATE VIRTUAL TABLE pdf_page_text USING fts5(text, content='pdf_pages', "
                                         "content_rowid='id', tokenize = 'unicode61 remove_diacritics 2')"));
    } else {
        // The same meaning as FTS5 and the study index (postgresfulltextindex.cpp): the words
        // are cut and folded in C++ (library/searchtext.h) and stored as they are, so search
        // depends on no text search configuration of the server.
        statements.append(QStringLiteral("CREATE INDEX pdf_pages_words ON pdf_pages USING GIN (words)"));
    }
    QSqlQuery q(db);
    for (const QString &sql : std::as_const(statements)) {
        if (!q.exec(sql)) {
            *error = describeSqlError(sql.section(u'(', 0, 0).simplified(), q);
            return false;
        }
    }
    return true;
}

} // namespace mgreview
