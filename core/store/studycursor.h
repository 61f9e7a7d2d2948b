#pragma once

#include "model/study.h"

#include <QString>
#include <QVector>

#include <functional>

namespace mgreview {

class Database;

/// Reads the records of the given studies one at a time, in storage order (the order of
/// StudyStore::summaries()), so that a whole-library pass (an export of 100,000 studies)
/// holds one parsed record at a time instead of all of them.
///
/// `keys` are storage keys (StudySummary::key) in ascending order. A small share of the
/// library is read by key; a large one by one pass over the table, skipping the rest (the
/// cheaper of the two). `visit(key, study)` receives each record and returns false to stop
/// early (for a cancelled export), which is not an error. Returns false with *error on a query
/// failure or an unreadable record (naming its key); a key that is no longer in the library is
/// an error too.
bool forEachStudyRecord(const Database &database, const QVector<qint64> &keys,
                        const std::function<bool(qint64 key, const Study &study)> &visit, QString *error);

} // namespace mgreview
