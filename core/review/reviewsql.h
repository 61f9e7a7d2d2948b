#pragma once

#include <QString>
#include <QVector>

namespace mgreview::ReviewSql {

/// Every SQL statement the review store can issue. The store prepares nothing else, so
/// this list is the whole of its SQL: tests check that none of it updates or deletes.
enum class Statement {
    InsertProfile,
    SelectProfiles,
    SelectProfile,
    InsertAudit,
    SelectAudit,
    SelectAuditEntry,
    HasRevealed,
    InsertJudgement,
    SelectJudgement,
    SelectJudgementByChange,
    SelectJudgementHead,
    SelectLatestJudgements,
    SelectLatestJudgementsOfStudy,
    SelectAllJudgements,
    HasJudged,
    InsertResolution,
    SelectResolution,
    SelectResolutionByChange,
    SelectResolutionHead,
    SelectLatestResolutions,
    SelectAllResolutions,
};

/// The SQL text of a statement.
const QString &text(Statement statement);
/// Every statement, in declaration order.
QVector<Statement> all();

} // namespace mgreview::ReviewSql
