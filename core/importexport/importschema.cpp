#include "importexport/importschema.h"

#include "store/database.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

namespace mgreview {

bool createImportSchema(const Database &, QSqlDatabase &db, QString *error)
{
    // Keys are given explicitly by the writers (MAX(id) + 1 inside their transaction), so the
    // same SQL runs on SQLite and PostgreSQL.
    const QStringList statements{
        // One row per applied import: what was read and what became of it.
        QStringLiteral("CREATE TABLE import_batches ("
                       " id BIGINT PRIMARY KEY,"
                       " imported_at TEXT NOT NULL,"
                       " files TEXT NOT NULL,"
                       " new_count INTEGER NOT NULL,"
                       " duplicate_count INTEGER NOT NULL,"
                       " probable_count INTEGER NOT NULL,"
                       " error_count INTEGER NOT NULL)"),
        // The review list: an imported study that probably is another one already known.
        QStringLiteral("CREATE TABLE duplicate_candidates ("
                       " id BIGINT PRIMARY KEY,"
                       " batch_id BIGINT NOT NULL REFERENCES import_batches(id),"
                       " study_id TEXT NOT NULL,"
                       " other_id TEXT NOT NULL,"
                       " reason TEXT NOT NULL,"
                       " status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'kept')),"
                       " created_at TEXT NOT NULL,"
                       " resolved_at TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX duplicate_candidates_status ON duplicate_candidates(status)"),
        // Merges keep both records as they were before (study JSON), so undo restores them exactly.
        QStringLiteral("CREATE TABLE study_merges ("
                       " id BIGINT PRIMARY KEY,"
                       " candidate_id BIGINT,"
                       " kept_id TEXT NOT NULL,"
                       " merged_id TEXT NOT NULL,"
                       " kept_before TEXT NOT NULL,"
                       " merged_before TEXT NOT NULL,"
                       " merged_at TEXT NOT NULL,"
                       " undone_at TEXT NOT NULL DEFAULT '')"),
    };
    QSqlQuery q(db);
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            *error = describeSqlError(sql.section(u'(', 0, 0).simplified(), q);
            return false;
        }
    }
    return true;
}

} // namespace mgreview
