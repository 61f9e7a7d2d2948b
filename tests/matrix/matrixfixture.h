#pragma once

// The seeded corpus as the app and the command line read it (summaries with effective
// values, full records), and small helpers to look into matrix cells.

#include "corehelpers.h"

#include "library/studysummary.h"
#include "matrix/evidencematrix.h"
#include "matrix/matrixexport.h"
#include "model/study.h"

#include <QHash>
#include <QStringList>
#include <QVector>

#include <memory>

namespace mgreview::testing {

/// A temporary library seeded from the project's studies/, read back through StudyStore.
struct SeededCorpus {
    TempLibrary library;
    QVector<StudySummary> summaries; ///< StudyStore::summaries(): storage order.
    QVector<Study> records;          ///< StudyStore::loadAll().
    QHash<QString, const Study *> recordById;

    /// Each summary's overall certainty, from its record.
    QStringList certainties() const;
    StudyRecordLookup lookup() const;
    /// Index of a study id in summaries, or -1.
    int indexOf(const QString &id) const;
};

/// Seeds and reads the corpus; fails the calling test (and returns nullptr) on error.
std::unique_ptr<SeededCorpus> loadSeededCorpus();

/// The ids of a cell's studies, sorted.
QStringList cellIds(const MatrixCell &cell, const QVector<StudySummary> &studies);
/// Direction counts of a cell by id ("not_coded" for the last slot), non-zero only.
QMap<QString, int> directionCounts(const MatrixCell &cell);

} // namespace mgreview::testing
