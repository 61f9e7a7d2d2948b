#pragma once

// The blocking halves of Study ▸ Review duplicates…: read the open pairs with both records,
// merge, keep both, undo a merge. They run on the session's I/O thread (core's
// DuplicateReview does each write in one transaction) and hand back what the window shows
// next: the open pairs and, when studies changed, the table rows.

#include "importexport/duplicatereview.h"
#include "library/studysearchindex.h"
#include "library/studysummary.h"

#include <QVector>

#include <memory>
#include <optional>

namespace mgreview {
class Database;
}

namespace mgreview::gui {

/// One open probable-duplicate pair with both records (a record is missing when it left
/// the library some other way).
struct DuplicatePair {
    DuplicateCandidate candidate;
    std::optional<Study> study; ///< The imported study (candidate.studyId).
    std::optional<Study> other; ///< The study it probably duplicates (candidate.otherId).
};

/// What a read or a change hands back.
struct DuplicateOutcome {
    bool ok = false;
    QString error;
    qint64 mergeId = 0;           ///< The merge made (mergePair).
    QVector<DuplicatePair> pairs; ///< The open pairs after the change.
    /// New table rows and search index when studies changed (a merge or its undo).
    QVector<StudySummary> rows;
    std::shared_ptr<const StudySearchIndex> searchIndex;
};

/// The open pairs, oldest first.
DuplicateOutcome readOpenPairs(const Database &database);
/// Merges `otherId` into `keepId` (DuplicateReview::merge).
DuplicateOutcome mergePair(const Database &database, const QString &keepId, const QString &otherId);
/// Marks the pair as two different studies; it is not listed again.
DuplicateOutcome keepPair(const Database &database, const QString &studyId, const QString &otherId);
/// Restores both records of a merge exactly and reopens its pair.
DuplicateOutcome undoPairMerge(const Database &database, qint64 mergeId);

} // namespace mgreview::gui
