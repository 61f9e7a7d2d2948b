#include "annotations/annotationschema.h"

#include "store/database.h"
#include "store/sqldialect.h"

#include <QSqlQuery>
#include <QStringList>

namespace mgreview {

namespace {

// The history may only grow: an edit, a delete or an undo is a new event, never a change
// to an old one (docs/annotations.md, "Nothing is ever lost").
QStringList historyTriggers(SqlDialect dialect)
{
    const QString message = QStringLiteral("annotation_events is append-only: changes are new events, never edits");
    if (dialect == SqlDialect::Postgres) {
        // The shared append-only triggers (UPDATE, DELETE and TRUNCATE) for the history; the
        // current state refuses DELETE and TRUNCATE only (edits update it in place).
        QStringList out = Sql::appendOnlyTriggers(dialect, QStringLiteral("annotation_events"));
        out += {
            QStringLiteral("CREATE OR REPLACE FUNCTION annotations_keep() RETURNS trigger LANGUAGE plpgsql AS $$ "
                           "BEGIN RAISE EXCEPTION 'annotations are never removed: a delete is an event' "
                           "USING ERRCODE = 'restrict_violation'; END $$"),
            QStringLiteral("CREATE TRIGGER annotations_no_delete BEFORE DELETE ON annotations "
                           "FOR EACH ROW EXECUTE FUNCTION annotations_keep()"),
            QStringLiteral("CREATE TRIGGER annotations_no_truncate BEFORE TRUNCATE ON annotations "
                           "FOR EACH STATEMENT EXECUTE FUNCTION annotations_keep()"),
        };
        return out;
    }
    QStringList out;
    for (const char *operation : { "UPDATE", "DELETE" }) {
        const QString op = QString::fromLatin1(operation);
        out.append(QStringLiteral("CREATE TRIGGER annotation_events_no_%1 BEFORE %2 ON annotation_events BEGIN "
                                  "SELECT RAISE(ABORT, '%3'); END")
                       .arg(op.toLower(), op, message));
    }
    // Annotations are never removed from the current state either: a delete sets `deleted`.
    out.append(QStringLiteral("CREATE TRIGGER annotations_no_delete BEFORE DELETE ON annotations BEGIN "
                              "SELECT RAISE(ABORT, 'annotations are never removed: a delete is an event'); END"));
    return out;
}

} // namespace

bool createAnnotationSchema(const Database &database, QSqlDatabase &db, QString *error)
{
    const SqlDialect dialect = database.dialect();
    const QString eventKey = Sql::autoKeyColumn(dialect, QStringLiteral("id"));
    QStringList statements = {
        // The history: one row per action, with the annotation's whole state before and after
        // (JSON, annotationToJson). Undo is a new event that `undoes` an earlier one.
        QStringLiteral("CREATE TABLE annotation_events (")
            + eventKey
            + QStringLiteral(","
                             " annotation_id TEXT NOT NULL,"
                             " study_id TEXT NOT NULL,"
                             " action TEXT NOT NULL CHECK (action IN ('create', 'edit', 'retag', 'delete', 'undo',"
                             " 'import')),"
                             " actor TEXT NOT NULL,"
                             " at TEXT NOT NULL,"
                             " before_json TEXT,"
                             " after_json TEXT NOT NULL,"
                             " undoes BIGINT REFERENCES annotation_events(id))"),
        QStringLiteral("CREATE INDEX annotation_events_annotation ON annotation_events(annotation_id, id)"),
        // The current state, written in the same transaction as each event. Studies are referred
        // to by id, not by key: annotations outlive a study that is deleted and imported again.
        QStringLiteral("CREATE TABLE annotations ("
                       " id TEXT PRIMARY KEY,"
                       " study_id TEXT NOT NULL,"
                       " target_kind TEXT NOT NULL CHECK (target_kind IN ('conclusion', 'pdf')),"
                       " conclusion INTEGER CHECK (conclusion IS NULL OR conclusion > 0),"
                       " pdf_sha256 TEXT NOT NULL DEFAULT '',"
                       " page INTEGER CHECK (page IS NULL OR page > 0),"
                       " exact TEXT NOT NULL CHECK (length(exact) > 0),"
                       " prefix TEXT NOT NULL DEFAULT '',"
                       " suffix TEXT NOT NULL DEFAULT '',"
                       " position_start INTEGER NOT NULL CHECK (position_start >= 0),"
                       " position_end INTEGER NOT NULL CHECK (position_end > position_start),"
                       " tag TEXT NOT NULL CHECK (length(tag) > 0),"
                       " note TEXT NOT NULL DEFAULT '',"
                       " author TEXT NOT NULL,"
                       " created_at TEXT NOT NULL,"
                       " modified_at TEXT NOT NULL,"
                       " deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),"
                       " last_event BIGINT NOT NULL REFERENCES annotation_events(id))"),
        QStringLiteral("CREATE INDEX annotations_study ON annotations(study_id, deleted)"),
        QStringLiteral("CREATE INDEX annotations_author ON annotations(author, deleted)"),
    };
    statements += historyTriggers(dialect);

    QSqlQuery q(db);
    for (const QString &sql : std::as_const(statements)) {
        if (!q.exec(sql)) {
            *error = describeSqlError(QStringLiteral("adding annotation tables to the library"), q);
            return false;
        }
    }
    return true;
}

} // namespace mgreview
