#pragma once

#include <QString>

class QSqlDatabase;

namespace mgreview {

class Database;

/// Schema step to version 8: import batches, probable-duplicate review list and undoable merges (issue 8).
/// Runs inside the migration's transaction; `database` tells the SQL dialect.
bool createImportSchema(const Database &database, QSqlDatabase &db, QString *error);

} // namespace mgreview
