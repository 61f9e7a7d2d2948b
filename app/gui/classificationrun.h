#pragma once

#include "library/studysearchindex.h"
#include "library/studysummary.h"
#include "rules/classifier.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <atomic>
#include <memory>
#include <optional>

namespace mgreview {
class Database;
}

namespace mgreview::gui {

/// Progress of a classification run, written by worker threads and read by the GUI.
struct ClassificationProgress {
    std::atomic_int done { 0 };
    std::atomic_int total { 0 };
    std::atomic_bool cancel { false };
};

/// What a classification run on the I/O thread hands back to the window.
struct ClassificationOutcome {
    bool skipped = false; ///< The stored suggestions were already made with these rules.
    /// Skipped because the team login may not store suggestions (they are an editor's to
    /// write; the stored ones are shown).
    bool readOnly = false;
    ClassifyReport report; ///< When not skipped.
    /// Re-read table rows (after a run that stored suggestions).
    std::optional<QVector<StudySummary>> rows;
    /// A new search index, only when the library's studies are no longer those of the
    /// table (otherwise the window keeps its index: classifying changes no searchable text).
    std::shared_ptr<const StudySearchIndex> searchIndex;
    QHash<QString, int> hitCounts; ///< Studies matched per rule id.
    QString error;
};

/// Runs on the I/O thread: classifies the library with `engine` unless `force` is false
/// and the stored suggestions were made with the same rules hash; then reads what the
/// window shows from the result. `currentRows` are the table's rows (to tell whether the
/// search index still fits). A team login that may not write studies (review/databaserights.h)
/// only reads the stored suggestions. Blocking; cancellable through `progress->cancel`.
ClassificationOutcome runClassification(const Database &database, const RuleEngine &engine, bool force,
    ClassificationProgress *progress, const QVector<StudySummary> &currentRows);

/// Runs on the I/O thread: how many studies each rule matched.
std::optional<QHash<QString, int>> readHitCounts(const Database &database, QString *error);

} // namespace mgreview::gui
