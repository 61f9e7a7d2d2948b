#include "duplicatejob.h"

#include "library/libraryloader.h"
#include "store/studystore.h"

#include <exception>
#include <functional>

namespace mgreview::gui {

namespace {

bool readPairs(const Database &database, QVector<DuplicatePair> *pairs, QString *error)
{
    const std::optional<QVector<DuplicateCandidate>> open
        = DuplicateReview(database).candidates(QStringLiteral("open"), error);
    if (!open)
        return false;
    const StudyStore store(database);
    pairs->clear();
    pairs->reserve(open->size());
    for (const DuplicateCandidate &candidate : *open) {
        QString ignored; // a missing record is shown as missing, not as a failure
        pairs->append({ candidate, store.load(candidate.studyId, &ignored), store.load(candidate.otherId, &ignored) });
    }
    return true;
}

/// Runs `change`, then reads what the window shows next; exceptions become errors.
DuplicateOutcome afterChange(const Database &database, bool studiesChange, const std::function<bool(DuplicateOutcome &)> &change)
{
    DuplicateOutcome outcome;
    try {
        if (change && !change(outcome))
            return outcome;
        if (!readPairs(database, &outcome.pairs, &outcome.error))
            return outcome;
        if (studiesChange) {
            auto index = std::make_shared<StudySearchIndex>();
            if (!readLibrary(database, &outcome.rows, index.get(), &outcome.error))
                return outcome;
            outcome.searchIndex = std::move(index);
        }
        outcome.ok = true;
    } catch (const std::exception &e) {
        outcome.error = QString::fromUtf8(e.what());
    }
    return outcome;
}

} // namespace

DuplicateOutcome readOpenPairs(const Database &database)
{
    return afterChange(database, false, {});
}

DuplicateOutcome mergePair(const Database &database, const QString &keepId, const QString &otherId)
{
    return afterChange(database, true, [&](DuplicateOutcome &outcome) {
        const std::optional<qint64> merge = DuplicateReview(database).merge(keepId, otherId, &outcome.error);
        outcome.mergeId = merge.value_or(0);
        return merge.has_value();
    });
}

DuplicateOutcome keepPair(const Database &database, const QString &studyId, const QString &otherId)
{
    return afterChange(database, false, [&](DuplicateOutcome &outcome) {
        return DuplicateReview(database).keepBoth(studyId, otherId, &outcome.error);
    });
}

DuplicateOutcome undoPairMerge(const Database &database, qint64 mergeId)
{
    return afterChange(database, true, [&](DuplicateOutcome &outcome) {
        return DuplicateReview(database).undoMerge(mergeId, &outcome.error);
    });
}

} // namespace mgreview::gui
