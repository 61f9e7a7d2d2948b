#include "review/reviewschema.h"

#include "store/database.h"
#include "store/sqldialect.h"

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

} // namespace

bool createReviewSchema(SqlDialect dialect, QSqlDatabase &db, QString *error)
{
    QStringList statements = Sql::caseInsensitiveSetup(dialect);
    statements += QStringList{
        QStringLiteral("CREATE TABLE profiles ("
                       " name ") + Sql::caseInsensitiveText(dialect) + QStringLiteral(" PRIMARY KEY,"
                       " role TEXT NOT NULL CHECK (role IN ('clinician', 'student', 'reviewer')),"
                       " created_at TEXT NOT NULL)"),
        // One row per change; its id is the change id that undo() takes.
        QStringLiteral("CREATE TABLE audit_log ("
                       " ") + Sql::autoKeyColumn(dialect, QStringLiteral("id")) + QStringLiteral(","
                       " at TEXT NOT NULL,"
                       " actor TEXT NOT NULL,"
                       " action TEXT NOT NULL,"
                       " study_id TEXT NOT NULL DEFAULT '',"
                       " before_json TEXT,"
                       " after_json TEXT,"
                       " reason TEXT NOT NULL DEFAULT '',"
                       " undoes ") + Sql::keyReferenceType(dialect) + QStringLiteral(" REFERENCES audit_log(id))"),
        QStringLiteral("CREATE INDEX audit_log_study ON audit_log(study_id, action, actor)"),
        QStringLiteral("CREATE TABLE review_judgements (") + Sql::autoKeyColumn(dialect, QStringLiteral("id")) +
            QStringLiteral(","
                       " study_id TEXT NOT NULL,"
                       " reviewer TEXT NOT NULL,")
            + kValueChecks
            + QStringLiteral(" evidence TEXT NOT NULL DEFAULT '',"
                             " evidence_source TEXT NOT NULL DEFAULT '',"
                             " page INTEGER CHECK (page IS NULL OR page > 0),"
                             " supersedes ") + Sql::keyReferenceType(dialect) + QStringLiteral(" REFERENCES review_judgements(id),"
                             " change_id ") + Sql::keyReferenceType(dialect) + QStringLiteral(" NOT NULL REFERENCES audit_log(id),"
                             " recorded_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX review_judgements_slot ON review_judgements(study_id, reviewer, id)"),
        QStringLiteral("CREATE INDEX review_judgements_change ON review_judgements(change_id)"),
        QStringLiteral("CREATE TABLE review_resolutions (") + Sql::autoKeyColumn(dialect, QStringLiteral("id")) +
            QStringLiteral(","
                       " study_id TEXT NOT NULL,"
                       " resolver TEXT NOT NULL,")
            + kValueChecks
            + QStringLiteral(" method TEXT NOT NULL CHECK ((value <> 'withdrawn' AND method IN ('consensus',"
                             " 'third-reviewer')) OR (value = 'withdrawn' AND method = '')),"
                             " supersedes ") + Sql::keyReferenceType(dialect) + QStringLiteral(" REFERENCES review_resolutions(id),"
                             " change_id ") + Sql::keyReferenceType(dialect) + QStringLiteral(" NOT NULL REFERENCES audit_log(id),"
                             " recorded_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX review_resolutions_study ON review_resolutions(study_id, id)"),
        QStringLiteral("CREATE INDEX review_resolutions_change ON review_resolutions(change_id)"),
    };
    for (const QString &table :
        { QStringLiteral("audit_log"), QStringLiteral("review_judgements"), QStringLiteral("review_resolutions") })
        statements += Sql::appendOnlyTriggers(dialect, table);

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
