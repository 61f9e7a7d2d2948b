#include "store/teamroles.h"

#include "store/sqldialect.h"
#include "store/teamsql.h"

#include <QSqlQuery>
#include <QVariant>

namespace mgreview {

namespace {

const QStringList kRoles = {QStringLiteral("mgreview_clinician"), QStringLiteral("mgreview_student"),
                            QStringLiteral("mgreview_reviewer"), QStringLiteral("mgreview_editor")};

// What each role may write, beyond reading everything. Tables a library does not have yet
// (later schema versions) are skipped; run init again after an upgrade. Every table of the
// schema must appear here or be read-only on purpose (profiles, schema_version): the test
// tests/team/test_team_grants.cpp checks each table against the intended matrix.
// Annotations (v7): an event row per action plus the current state, updated in place (a
// delete is a flag; triggers keep events append-only and refuse deleting annotations).
// Each annotation change also re-indexes its study's annotation words: students do that
// through mgreview_index_notes() (teamsql.h), never by writing study_text themselves.
const QStringList kStudentInserts = {QStringLiteral("annotations"), QStringLiteral("annotation_events")};
const QStringList kStudentUpdates = {QStringLiteral("annotations")};
const QStringList kReviewerInserts = {QStringLiteral("review_judgements"), QStringLiteral("review_resolutions"),
                                      QStringLiteral("audit_log")};
const QStringList kEditorWrites = {QStringLiteral("studies"), QStringLiteral("study_text"),
                                   QStringLiteral("seed_log"), QStringLiteral("rule_suggestions"),
                                   QStringLiteral("library_meta"),
                                   // PDFs (v6): attachments, their files, extracted pages, quote checks.
                                   QStringLiteral("pdf_files"), QStringLiteral("pdf_attachments"),
                                   QStringLiteral("pdf_pages"), QStringLiteral("quote_checks"),
                                   // Imports (v8): batches, the duplicate review list, merges and their undo.
                                   QStringLiteral("import_batches"), QStringLiteral("duplicate_candidates"),
                                   QStringLiteral("study_merges")};

/// A quoted SQL identifier (role and user names come from the command line).
QString identifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace

QStringList teamRoleNames()
{
    QStringList out;
    for (const QString &role : kRoles)
        out.append(role.mid(QStringLiteral("mgreview_").size()));
    return out;
}

bool initTeamLibrary(const Database &database, QStringList *log, QString *error)
{
    if (database.dialect() != SqlDialect::Postgres) {
        *error = QStringLiteral("%1: team roles need a PostgreSQL library (postgresql://…); a library file "
                                "is for one person")
                     .arg(database.location().displayName());
        return false;
    }
    QSqlDatabase db = database.connection();
    Transaction transaction(db);
    if (!transaction.isActive()) {
        *error = QStringLiteral("cannot start a transaction: %1").arg(transaction.beginError());
        return false;
    }
    QSqlQuery q(db);
    // Roles belong to the whole server: two libraries initialised at once must not both
    // try to create them.
    if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7361020269), current_schema()")) || !q.next()) {
        *error = describeSqlError(QStringLiteral("locking the team roles"), q);
        return false;
    }
    const QString schema = identifier(q.value(1).toString());
    q.finish();
    QStringList statements;
    for (const QString &role : kRoles) {
        statements.append(QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') "
                                         "THEN CREATE ROLE %1 NOLOGIN; END IF; END $$")
                              .arg(role));
    }
    const QString all = kRoles.join(QStringLiteral(", "));
    statements += {
        QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(schema, all),
        // Start from nothing, so running init again also takes back what a role should not have.
        QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA %1 FROM %2").arg(schema, all),
        QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO %2").arg(schema, all),
        // Tables added by later schema versions (run by the owner) are readable too.
        QStringLiteral("ALTER DEFAULT PRIVILEGES IN SCHEMA %1 GRANT SELECT ON TABLES TO %2").arg(schema, all),
        QStringLiteral("GRANT USAGE ON ALL SEQUENCES IN SCHEMA %1 TO mgreview_student, mgreview_reviewer, "
                       "mgreview_editor")
            .arg(schema),
    };
    const auto grantOn = [&](const QStringList &tables, const QString &rights, const QString &role) {
        for (const QString &table : tables) {
            if (Sql::tableExists(SqlDialect::Postgres, db, table))
                statements.append(QStringLiteral("GRANT %1 ON %2 TO %3").arg(rights, table, role));
        }
    };
    for (const QString &role : {QStringLiteral("mgreview_student"), QStringLiteral("mgreview_reviewer"),
                                QStringLiteral("mgreview_editor")}) {
        grantOn(kStudentInserts, QStringLiteral("INSERT"), role);
        grantOn(kStudentUpdates, QStringLiteral("UPDATE"), role);
    }
    grantOn(kReviewerInserts, QStringLiteral("INSERT"), QStringLiteral("mgreview_reviewer"));
    grantOn(kReviewerInserts, QStringLiteral("INSERT"), QStringLiteral("mgreview_editor"));
    grantOn(kEditorWrites, QStringLiteral("INSERT, UPDATE, DELETE"), QStringLiteral("mgreview_editor"));
    // Live changes of annotations and PDFs, and the one way students re-index (teamsql.h).
    statements += TeamSql::statements(db, schema);
    for (const QString &sql : std::as_const(statements)) {
        if (!q.exec(sql)) {
            *error = describeSqlError(QStringLiteral("setting up team roles (%1)").arg(sql.left(60)), q);
            return false;
        }
        log->append(sql);
    }
    return transaction.commit(error);
}

std::optional<QString> connectedTeamRole(const Database &database, QString *error)
{
    if (database.dialect() != SqlDialect::Postgres)
        return QString();
    QSqlQuery q(database.connection());
    QString sql = QStringLiteral("SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class "
                                 "WHERE oid = to_regclass('studies')), 'USAGE')");
    // Most capable first; a role that does not exist (no team init yet) is "not a member".
    for (auto it = kRoles.crbegin(); it != kRoles.crend(); ++it)
        sql += QStringLiteral(", CASE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') "
                              "THEN pg_has_role(current_user, '%1', 'USAGE') ELSE false END")
                   .arg(*it);
    if (!q.exec(sql) || !q.next()) {
        *error = describeSqlError(QStringLiteral("reading the team role"), q);
        return std::nullopt;
    }
    if (q.value(0).toBool())
        return QStringLiteral("owner");
    for (int i = 0; i < kRoles.size(); ++i) {
        if (q.value(i + 1).toBool())
            return kRoles.at(kRoles.size() - 1 - i).mid(QStringLiteral("mgreview_").size());
    }
    return QString();
}

bool grantTeamRole(const Database &database, const QString &user, const QString &role, QString *error)
{
    const QString full = role.startsWith(QStringLiteral("mgreview_")) ? role : QStringLiteral("mgreview_") + role;
    if (!kRoles.contains(full)) {
        *error = QStringLiteral("unknown team role '%1' (use one of: %2)").arg(role, teamRoleNames().join(u", "));
        return false;
    }
    if (database.dialect() != SqlDialect::Postgres) {
        *error = QStringLiteral("team roles need a PostgreSQL library");
        return false;
    }
    QSqlDatabase db = database.connection();
    Transaction transaction(db);
    QSqlQuery q(db);
    QStringList statements;
    // Only the memberships it has: revoking another draws a warning from the server.
    q.prepare(QStringLiteral("SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                             "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = ?"));
    q.addBindValue(user);
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("reading the roles of '%1'").arg(user), q);
        return false;
    }
    while (q.next()) {
        const QString other = q.value(0).toString();
        if (other != full && kRoles.contains(other))
            statements.append(QStringLiteral("REVOKE %1 FROM %2").arg(other, identifier(user)));
    }
    statements.append(QStringLiteral("GRANT %1 TO %2").arg(full, identifier(user)));
    for (const QString &sql : std::as_const(statements)) {
        if (!q.exec(sql)) {
            *error = describeSqlError(QStringLiteral("giving '%1' the role %2").arg(user, full), q);
            return false;
        }
    }
    return transaction.commit(error);
}

} // namespace mgreview
