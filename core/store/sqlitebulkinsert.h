#pragma once

// The SQLite path for inserting many new studies (StudyStore::insertMany, imports).
// Internal to the store.

#include "model/study.h"

#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <functional>

namespace mgreview {

/// Inserts `studies` (rows, records and full-text index) in the caller's transaction on a
/// SQLite connection, through SQLite's own API: values are bound as UTF-8 prepared on the
/// thread pool, where Qt's driver would convert every value to UTF-16 and SQLite back to
/// UTF-8 on the writing thread. `progress(done)` is called every 256 studies, after their
/// index is written, and may return false to cancel (the caller rolls back). Fails, with
/// *error, on an existing id or a database error. `db` must be a SQLite connection.
bool sqliteInsertStudies(QSqlDatabase &db, const QVector<Study> &studies, const QString &now, QString *error,
                         const std::function<bool(int done)> &progress);

} // namespace mgreview
