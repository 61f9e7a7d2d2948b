#include "review/databaserights.h"

#include "store/teamroles.h"

#include <QSqlQuery>
#include <QVariant>

namespace mgreview {

bool DatabaseRights::allows(Action action) const
{
    if (!limited)
        return true;
    switch (action) {
    case Action::RecordJudgement:
        return recordJudgements;
    case Action::ResolveConflict:
        return resolveConflicts;
    case Action::Annotate:
        return annotate;
    case Action::EditStudies:
        return editStudies;
    case Action::ViewOthersJudgements:
    case Action::ReadAnnotations:
    case Action::ExportReviewData:
        return true;
    }
    return false;
}

QString DatabaseRights::refusal(Action action) const
{
    const QString who = role.isEmpty() ? QStringLiteral("this database user (no team role)")
                                       : QStringLiteral("the database role %1").arg(role);
    return QStringLiteral("%1 may not %2").arg(who, describe(action));
}

std::optional<DatabaseRights> readDatabaseRights(const Database &database, QString *error)
{
    DatabaseRights rights;
    if (database.dialect() != SqlDialect::Postgres)
        return rights;
    rights.limited = true;
    const std::optional<QString> role = connectedTeamRole(database, error);
    if (!role)
        return std::nullopt;
    rights.role = *role;
    // One round trip; a table that does not exist yet is "no" (has_table_privilege would fail).
    const auto may = [](const char *table, const char *privilege) {
        return QStringLiteral("CASE WHEN to_regclass('%1') IS NULL THEN false "
                              "ELSE has_table_privilege('%1', '%2') END")
            .arg(QLatin1String(table), QLatin1String(privilege));
    };
    const QString sql = QStringLiteral("SELECT ") + QStringList {
        may("annotations", "INSERT") + QStringLiteral(" AND ") + may("annotation_events", "INSERT"),
        may("review_judgements", "INSERT") + QStringLiteral(" AND ") + may("audit_log", "INSERT"),
        may("review_resolutions", "INSERT") + QStringLiteral(" AND ") + may("audit_log", "INSERT"),
        may("studies", "UPDATE") + QStringLiteral(" AND ") + may("study_text", "UPDATE"),
        may("pdf_files", "INSERT") + QStringLiteral(" AND ") + may("pdf_attachments", "INSERT"),
    }.join(QStringLiteral(", "));
    QSqlQuery q(database.connection());
    if (!q.exec(sql) || !q.next()) {
        *error = describeSqlError(QStringLiteral("reading what this database user may do"), q);
        return std::nullopt;
    }
    rights.annotate = q.value(0).toBool();
    rights.recordJudgements = q.value(1).toBool();
    rights.resolveConflicts = q.value(2).toBool();
    rights.editStudies = q.value(3).toBool();
    rights.attachPdfs = q.value(4).toBool();
    return rights;
}

} // namespace mgreview
