#include "review/reviewschema.h"

#include "store/database.h"

#include <QSqlQuery>
#include <QStringList>

namespace mgreview {

namespace {

// Both tables that hold judgements use the same words as ReviewWords (review/judgement.h).
const QString kValueChecks = QStringLiteral(
    " value TEXT NOT NULL CHECK (value IN ('independent', 'industry-linked', 'unclear', 'withdrawn')),"
    " link TEXT NOT NULL DEFAULT '' CHECK ((value = 'industry-linked' AND link IN ('funded', 'product-supplied',"
    " 'author-paid', 'company-run')) OR (value <> 'industry-linked' AND link = '')),"
    " reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),");

QStringList appendOnlyTriggers(const QString &table)
{
    QStringList out;
    for (const QString &operation : { QStringLiteral("UPDATE"), QStringLiteral("DELETE") }) {
        out.append(QStringLiteral("CREATE TRIGGER %1_no_%2 BEFORE %3 ON %1 BEGIN SELECT RAISE(ABORT, "
                                  "'%1 is append-only: changes are new rows, never edits'); END")
                       .arg(table, operation.toLower(), operation));
    }
    return out;
}

} // namespace

bool createReviewSchema(QSqlDatabase &db, QString *error)
{
    QStringList statements = {
        QStringLiteral("CREATE TABLE profiles ("
                       " name TEXT PRIMARY KEY COLLATE NOCASE,"
                       " role TEXT NOT NULL CHECK (role IN ('clinician', 'student', 'reviewer')),"
                       " created_at TEXT NOT NULL)"),
        // One row per change; its id is the change id that undo() takes.
        QStringLiteral("CREATE TABLE audit_log ("
                       " id INTEGER PRIMARY KEY,"
                       " at TEXT NOT NULL,"
                       " actor TEXT NOT NULL,"
                       " action TEXT NOT NULL,"
                       " study_id TEXT NOT NULL DEFAULT '',"
                       " before_json TEXT,"
                       " after_json TEXT,"
                       " reason TEXT NOT NULL DEFAULT '',"
                       " undoes INTEGER REFERENCES audit_log(id))"),
        QStringLiteral("CREATE INDEX audit_log_study ON audit_log(study_id, action, actor)"),
        QStringLiteral("CREATE TABLE review_judgements ("
                       " id INTEGER PRIMARY KEY,"
                       " study_id TEXT NOT NULL,"
                       " reviewer TEXT NOT NULL,")
            + kValueChecks
            + QStringLiteral(" evidence TEXT NOT NULL DEFAULT '',"
                             " evidence_source TEXT NOT NULL DEFAULT '',"
                             " page INTEGER CHECK (page IS NULL OR page > 0),"
                             " supersedes INTEGER REFERENCES review_judgements(id),"
                             " change_id INTEGER NOT NULL REFERENCES audit_log(id),"
                             " recorded_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX review_judgements_slot ON review_judgements(study_id, reviewer, id)"),
        QStringLiteral("CREATE INDEX review_judgements_change ON review_judgements(change_id)"),
        QStringLiteral("CREATE TABLE review_resolutions ("
                       " id INTEGER PRIMARY KEY,"
                       " study_id TEXT NOT NULL,"
                       " resolver TEXT NOT NULL,")
            + kValueChecks
            + QStringLiteral(" method TEXT NOT NULL CHECK ((value <> 'withdrawn' AND method IN ('consensus',"
                             " 'third-reviewer')) OR (value = 'withdrawn' AND method = '')),"
                             " supersedes INTEGER REFERENCES review_resolutions(id),"
                             " change_id INTEGER NOT NULL REFERENCES audit_log(id),"
                             " recorded_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX review_resolutions_study ON review_resolutions(study_id, id)"),
        QStringLiteral("CREATE INDEX review_resolutions_change ON review_resolutions(change_id)"),
    };
    for (const QString &table :
        { QStringLiteral("audit_log"), QStringLiteral("review_judgements"), QStringLiteral("review_resolutions") })
        statements += appendOnlyTriggers(table);

    QSqlQuery q(db);
    for (const QString &sql : std::as_const(statements)) {
        if (!q.exec(sql)) {
            *error = describeSqlError(QStringLiteral("adding review tables to the library"), q);
            return false;
        }
    }
    return true;
}

} // namespace mgreview
