#pragma once

#include "review/judgement.h"
#include "review/profile.h"
#include "review/reviewsql.h"

#include <QSqlDatabase>
#include <QVariantList>
#include <QVector>

#include <optional>

class QSqlQuery;

namespace mgreview {

/// The review tables, row by row: append and read, nothing else. It issues only the
/// statements of ReviewSql (none of which updates or deletes) and checks no permissions:
/// use ReviewService, which checks who may do what and writes the audit log with each change.
/// Appends must run inside a Transaction.
class ReviewStore
{
public:
    explicit ReviewStore(QSqlDatabase db);

    // --- Appends ---------------------------------------------------------------------------
    bool appendProfile(const Profile &profile, const QString &now, QString *error);
    /// The new entry's id (the change id), or nullopt.
    std::optional<qint64> appendAudit(const AuditEntry &entry, QString *error);
    std::optional<qint64> appendJudgement(const Judgement &judgement, QString *error);
    std::optional<qint64> appendResolution(const Resolution &resolution, QString *error);

    // --- Reads (false and *error on failure; a missing row is not a failure) ---------------
    bool profiles(QVector<Profile> *out, QString *error) const;
    bool profile(const QString &name, std::optional<Profile> *out, QString *error) const;
    bool auditLog(QVector<AuditEntry> *out, QString *error) const;
    bool auditEntry(qint64 id, std::optional<AuditEntry> *out, QString *error) const;
    bool hasRevealed(const QString &studyId, const QString &viewer, bool *out, QString *error) const;

    bool judgement(qint64 id, std::optional<Judgement> *out, QString *error) const;
    bool judgementWrittenBy(qint64 changeId, std::optional<Judgement> *out, QString *error) const;
    /// The reviewer's latest row for the study (possibly a withdrawal).
    bool judgementHead(
        const QString &studyId, const QString &reviewer, std::optional<Judgement> *out, QString *error) const;
    /// The latest row of every reviewer of every study (withdrawals included), by study then id.
    bool latestJudgements(QVector<Judgement> *out, QString *error) const;
    bool latestJudgements(const QString &studyId, QVector<Judgement> *out, QString *error) const;
    /// Every row ever written, oldest first.
    bool allJudgements(QVector<Judgement> *out, QString *error) const;
    bool hasJudged(const QString &studyId, const QString &reviewer, bool *out, QString *error) const;

    bool resolution(qint64 id, std::optional<Resolution> *out, QString *error) const;
    bool resolutionWrittenBy(qint64 changeId, std::optional<Resolution> *out, QString *error) const;
    bool resolutionHead(const QString &studyId, std::optional<Resolution> *out, QString *error) const;
    /// The latest row of every study (withdrawals included).
    bool latestResolutions(QVector<Resolution> *out, QString *error) const;
    bool allResolutions(QVector<Resolution> *out, QString *error) const;

private:
    bool run(QSqlQuery &q, ReviewSql::Statement statement, const QVariantList &values, const QString &what,
        QString *error) const;
    bool readJudgements(
        ReviewSql::Statement statement, const QVariantList &values, QVector<Judgement> *out, QString *error) const;
    bool readResolutions(
        ReviewSql::Statement statement, const QVariantList &values, QVector<Resolution> *out, QString *error) const;

    QSqlDatabase m_db;
};

} // namespace mgreview
