#pragma once

#include "store/librarylocation.h"

#include <QSqlDatabase>
#include <QThread>
#include <QString>

#include <functional>
#include <memory>

namespace mgreview {

class FullTextIndex;

/// The SQL dialect of an open library. Everything dialect-specific hides behind this.
enum class SqlDialect { Sqlite, Postgres };

/// An open library database.
///
/// Qt SQL connections may only be used from the thread that created them, so each thread
/// gets its own named connection (a clone of the first) on its first call to connection().
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating an SQLite file if needed) and brings the schema up to date.
    /// Returns nullptr and sets *error, naming the library, when that fails.
    static std::unique_ptr<Database> open(const LibraryLocation &location, QString *error);
    /// Opens without migrating (for migration tests and diagnostics).
    static std::unique_ptr<Database> openRaw(const LibraryLocation &location, QString *error);

    /// Supplies the password of a PostgreSQL library whose URL carries none, when the server
    /// asks for one (the GUI asks the system keychain, then the user; see docs/team-mode.md).
    /// Returns an empty string to give up. Core never stores or logs a password.
    using PasswordProvider = std::function<QString(const LibraryLocation &location)>;
    static void setPasswordProvider(PasswordProvider provider);

    /// A new, separate connection to the same library (its own session: for LISTEN, or a
    /// second client in tests), named `name`; the caller closes it and calls
    /// QSqlDatabase::removeDatabase(name). Not open (and *error set) on failure.
    QSqlDatabase openSeparateConnection(const QString &name, QString *error) const;
    /// The person writing through this library, told to PostgreSQL as the session setting
    /// `mgreview.author` so that change notifications name them (empty: the database user).
    void setAuthor(const QString &author);
    QString author() const { return m_author; }

    /// The connection for the calling thread.
    QSqlDatabase connection() const;
    SqlDialect dialect() const { return m_dialect; }
    const LibraryLocation &location() const { return m_location; }
    /// Full-text search for this dialect.
    FullTextIndex &fullText() const { return *m_fullText; }
    /// Removes the connection of the calling thread (call before a worker thread ends).
    void releaseThreadConnection() const;

private:
    Database(LibraryLocation location, SqlDialect dialect);
    bool configure(QSqlDatabase &db, QString *error) const;
    bool openPostgres(QSqlDatabase &db, QString *error) const;

    LibraryLocation m_location;
    SqlDialect m_dialect;
    QString m_baseName;
    std::unique_ptr<FullTextIndex> m_fullText;
    quint64 m_ownerThread; ///< Serial of the thread that owns the base connection.
    QString m_author;
};

/// A transaction that rolls back unless committed. Writes always go through one.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    /// Commits; returns false and sets *error when the commit fails (the data is rolled back).
    bool commit(QString *error);
    QString beginError() const { return m_beginError; }

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_beginError;
};

/// Qt binds a null QString as SQL NULL, which NOT NULL text columns refuse: bind text
/// through this so an unset field is stored as ''.
inline QString sqlText(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

/// Describes a failed query for the user: what failed and why.
QString describeSqlError(const QString &what, const class QSqlQuery &query);

} // namespace mgreview
