#include "review/reviewsql.h"

#include <QMap>

namespace mgreview::ReviewSql {

namespace {

const QString kJudgementColumns = QStringLiteral(
    "id, study_id, reviewer, value, link, reason, evidence, evidence_source, page, supersedes, change_id, recorded_at");
const QString kResolutionColumns
    = QStringLiteral("id, study_id, resolver, value, link, reason, method, supersedes, change_id, recorded_at");
const QString kAuditColumns
    = QStringLiteral("id, at, actor, action, study_id, before_json, after_json, reason, undoes");

QMap<Statement, QString> makeStatements()
{
    using S = Statement;
    const QString j = QStringLiteral("SELECT ") + kJudgementColumns + QStringLiteral(" FROM review_judgements ");
    const QString r = QStringLiteral("SELECT ") + kResolutionColumns + QStringLiteral(" FROM review_resolutions ");
    const QString a = QStringLiteral("SELECT ") + kAuditColumns + QStringLiteral(" FROM audit_log ");
    return {
        { S::InsertProfile, QStringLiteral("INSERT INTO profiles(name, role, created_at) VALUES (?, ?, ?)") },
        { S::SelectProfiles, QStringLiteral("SELECT name, role FROM profiles ORDER BY name") },
        { S::SelectProfile, QStringLiteral("SELECT name, role FROM profiles WHERE name = ?") },
        { S::InsertAudit,
            QStringLiteral("INSERT INTO audit_log(at, actor, action, study_id, before_json, after_json, "
                           "reason, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id") },
        { S::SelectAudit, a + QStringLiteral("ORDER BY id") },
        { S::SelectAuditEntry, a + QStringLiteral("WHERE id = ?") },
        { S::HasRevealed,
            QStringLiteral("SELECT 1 FROM audit_log WHERE study_id = ? AND action = 'reveal' AND actor = ? LIMIT 1") },
        { S::InsertJudgement,
            QStringLiteral("INSERT INTO review_judgements(study_id, reviewer, value, link, reason, evidence, "
                           "evidence_source, page, supersedes, change_id, recorded_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id") },
        { S::SelectJudgement, j + QStringLiteral("WHERE id = ?") },
        { S::SelectJudgementByChange, j + QStringLiteral("WHERE change_id = ?") },
        { S::SelectJudgementHead, j + QStringLiteral("WHERE study_id = ? AND reviewer = ? ORDER BY id DESC LIMIT 1") },
        // The latest row of every (study, reviewer): later rows supersede earlier ones.
        { S::SelectLatestJudgements,
            j
                + QStringLiteral("WHERE id IN (SELECT MAX(id) FROM review_judgements GROUP BY study_id, reviewer) "
                                 "ORDER BY study_id, id") },
        { S::SelectLatestJudgementsOfStudy,
            j
                + QStringLiteral(
                    "WHERE id IN (SELECT MAX(id) FROM review_judgements WHERE study_id = ? GROUP BY reviewer) "
                    "ORDER BY id") },
        { S::SelectAllJudgements, j + QStringLiteral("ORDER BY id") },
        { S::HasJudged, QStringLiteral("SELECT 1 FROM review_judgements WHERE study_id = ? AND reviewer = ? LIMIT 1") },
        { S::InsertResolution,
            QStringLiteral(
                "INSERT INTO review_resolutions(study_id, resolver, value, link, reason, method, supersedes, "
                "change_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id") },
        { S::SelectResolution, r + QStringLiteral("WHERE id = ?") },
        { S::SelectResolutionByChange, r + QStringLiteral("WHERE change_id = ?") },
        { S::SelectResolutionHead, r + QStringLiteral("WHERE study_id = ? ORDER BY id DESC LIMIT 1") },
        { S::SelectLatestResolutions,
            r
                + QStringLiteral(
                    "WHERE id IN (SELECT MAX(id) FROM review_resolutions GROUP BY study_id) ORDER BY study_id") },
        { S::SelectAllResolutions, r + QStringLiteral("ORDER BY id") },
    };
}

} // namespace

const QString &text(Statement statement)
{
    static const QMap<Statement, QString> statements = makeStatements();
    static const QString none;
    const auto it = statements.constFind(statement);
    return it == statements.cend() ? none : *it;
}

QVector<Statement> all()
{
    QVector<Statement> out;
    for (int i = 0; i <= int(Statement::SelectAllResolutions); ++i)
        out.append(Statement(i));
    return out;
}

} // namespace mgreview::ReviewSql
