#pragma once

#include "model/study.h"

#include <QString>

#include <functional>

namespace mgreview {

class Database;

/// Reads study records one at a time, in storage order (the order of StudyStore::summaries()),
/// so that a whole-library pass (an export of 100,000 studies) holds one parsed record at a
/// time instead of all of them.
///
/// `wanted(key)` decides whether a row's record is parsed at all (rows not wanted cost no
/// JSON parsing); `visit(key, study)` receives each wanted record and returns false to stop
/// early (for a cancelled export), which is not an error. Returns false with *error on a
/// query failure or an unreadable record (naming its key).
bool forEachStudyRecord(const Database &database, const std::function<bool(qint64 key)> &wanted,
                        const std::function<bool(qint64 key, const Study &study)> &visit, QString *error);

} // namespace mgreview
