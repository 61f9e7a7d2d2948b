#pragma once

#include <QString>

class QSqlDatabase;

namespace mgreview {

class Database;

/// Schema step to version 6: PDF attachments and their extracted text (issue 6).
/// Runs inside the migration's transaction; `database` tells the SQL dialect.
bool createPdfSchema(const Database &database, QSqlDatabase &db, QString *error);

} // namespace mgreview
