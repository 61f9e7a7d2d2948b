#pragma once

#include <QString>

class QSqlDatabase;

namespace mgreview {

class Database;

/// Schema step to version 7: annotations on conclusions and PDF pages (issue 7).
/// Runs inside the migration's transaction; `database` tells the SQL dialect.
bool createAnnotationSchema(const Database &database, QSqlDatabase &db, QString *error);

} // namespace mgreview
