#pragma once

// SQLite's own API on a Qt connection, for bulk writes where Qt's driver costs more than
// the SQL (every value as a QVariant, every text converted to UTF-16 and back). Internal
// to the store and the rules; everything else goes through QSqlQuery.

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace mgreview {

/// The SQLite handle of a Qt SQLite connection, or nullptr for any other driver. It is
/// the same shared library Qt's driver uses, so both may work in one transaction.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

/// One prepared statement, finalised when it goes out of scope (which must happen before
/// the caller commits or rolls back). Parameters are numbered from 1.
class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *db, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool ok() const { return m_stmt != nullptr; }
    /// Binds UTF-8 text that stays alive and unchanged until the statement has run. An
    /// empty value is bound as '' (never NULL: the text columns are NOT NULL).
    void text(int parameter, const QByteArray &utf8);
    void integer(int parameter, qint64 value);
    /// Steps once and resets: SQLITE_ROW (a row came back) or SQLITE_DONE on success.
    int run();
    /// "WHAT failed: SQLite's reason", worded as describeSqlError() words it.
    QString error(const QString &what) const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace mgreview
