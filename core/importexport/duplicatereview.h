#pragma once

#include "model/study.h"

#include <QString>
#include <QVector>

#include <optional>

namespace mgreview {

class Database;

/// A probable duplicate waiting for (or given) a person's decision.
struct DuplicateCandidate {
    qint64 id = 0;
    qint64 batchId = 0;
    QString studyId; ///< The imported study.
    QString otherId; ///< The study it probably duplicates.
    QString reason;
    QString status;  ///< open, merged, kept
    QString createdAt;
    QString resolvedAt;
};

/// A merge as recorded (undoable while undoneAt is empty).
struct StudyMerge {
    qint64 id = 0;
    qint64 candidateId = 0; ///< 0 when the merge did not come from the review list.
    QString keptId;
    QString mergedId;
    QString mergedAt;
    QString undoneAt;
};

/// Merges `other` into `keep`: nothing of either is lost. Empty fields of `keep` take the
/// other's value; lists (authors when empty, keywords, publication types, funders, conclusions,
/// claims, effects, sources, extra facts) are united; a value both have and that differs stays
/// as `keep` has it, and the other's value is kept as an extra fact "Merged from ID: field".
Study mergeStudies(const Study &keep, const Study &other);

/// The review list of probable duplicates, merges and their undo. Every write is one transaction.
class DuplicateReview
{
public:
    explicit DuplicateReview(const Database &database);

    /// Candidates, oldest first; `status` empty: all.
    std::optional<QVector<DuplicateCandidate>> candidates(const QString &status, QString *error) const;
    std::optional<QVector<StudyMerge>> merges(QString *error) const;

    /// Merges `otherId` into `keepId` and removes `otherId`, saving both records as they were.
    /// An open candidate pairing the two is marked merged. Returns the merge id.
    std::optional<qint64> merge(const QString &keepId, const QString &otherId, QString *error);
    /// Marks the open candidate pairing the two as "kept both".
    bool keepBoth(const QString &studyId, const QString &otherId, QString *error);
    /// Restores both records exactly as before the merge and reopens its candidate.
    bool undoMerge(qint64 mergeId, QString *error);

private:
    const Database &m_database;
};

} // namespace mgreview
