#include "classificationrun.h"

#include "library/libraryloader.h"
#include "review/databaserights.h"
#include "rules/suggestionstore.h"
#include "store/studystore.h"

namespace mgreview::gui {

namespace {

bool sameStudies(const QVector<StudySummary> &a, const QVector<StudySummary> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).key != b.at(i).key)
            return false;
    }
    return true;
}

} // namespace

std::optional<QHash<QString, int>> readHitCounts(const Database &database, QString *error)
{
    return SuggestionStore(database).hitCounts(error);
}

ClassificationOutcome runClassification(const Database &database, const RuleEngine &engine, bool force,
    ClassificationProgress *progress, const QVector<StudySummary> &currentRows)
{
    ClassificationOutcome outcome;
    try {
        const QString rulesHash = QString::fromLatin1(engine.rules().hash);
        // Suggestions live in the shared library: a read-only team login would only be refused.
        QString rightsError;
        const std::optional<DatabaseRights> rights = readDatabaseRights(database, &rightsError);
        outcome.readOnly = rights && rights->limited && !rights->editStudies;
        outcome.skipped = outcome.readOnly || (!force && SuggestionStore(database).storedRulesHash() == rulesHash);
        if (!outcome.skipped) {
            outcome.report = classifyLibrary(database, engine, {}, &progress->cancel, [progress](int done, int total) {
                progress->total.store(total, std::memory_order_relaxed);
                progress->done.store(
                    std::max(done, progress->done.load(std::memory_order_relaxed)), std::memory_order_relaxed);
            });
            if (outcome.report.cancelled)
                return outcome;
            if (!outcome.report.error.isEmpty()) {
                outcome.error = outcome.report.error;
                return outcome;
            }
            // The table shows the winning suggestions of studies nobody coded: read the rows again.
            std::optional<QVector<StudySummary>> rows = StudyStore(database).summaries(&outcome.error);
            if (!rows)
                return outcome;
            if (!sameStudies(*rows, currentRows)) {
                auto index = std::make_shared<StudySearchIndex>();
                QVector<StudySummary> reread;
                if (!readLibrary(database, &reread, index.get(), &outcome.error))
                    return outcome;
                rows = std::move(reread);
                outcome.searchIndex = std::move(index);
            }
            outcome.rows = std::move(rows);
        }
        if (std::optional<QHash<QString, int>> hits = readHitCounts(database, &outcome.error))
            outcome.hitCounts = std::move(*hits);
    } catch (const std::exception &e) {
        // A failed run must leave the app running with the suggestions it had.
        outcome.error = QString::fromUtf8(e.what());
    }
    return outcome;
}

} // namespace mgreview::gui
