#pragma once

#include "store/database.h"
#include "support/testbackend.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace mgreview::testing {

/// A fresh library removed when the object dies: an SQLite file in a temporary folder, or
/// (useBackend(Backend::Postgres)) a fresh PostgreSQL database on the test server.
class TempLibrary
{
public:
    TempLibrary();
    ~TempLibrary();
    /// Chooses the backend; call before open(). Check MGREVIEW_REQUIRE_BACKEND first.
    void useBackend(Backend backend,
                    TempPostgresDatabase::Isolation isolation = TempPostgresDatabase::Isolation::Schema)
    {
        m_backend = backend;
        m_isolation = isolation;
    }
    Backend backend() const { return m_backend; }
    /// The SQLite library file path (it exists once open() was called).
    QString path() const { return m_dir.filePath(QStringLiteral("library.sqlite")); }
    QString folder() const { return m_dir.path(); }
    /// Where the library lives (creates the PostgreSQL database on first use).
    LibraryLocation location();
    /// Opens (and migrates) the library; fails the current test on error.
    Database &open();
    /// Opens without migrating.
    std::unique_ptr<Database> openRaw(QString *error);
    Database *database() { return m_database.get(); }
    /// The PostgreSQL library (after location() or open()); nullptr for SQLite.
    const TempPostgresDatabase *postgres() const { return m_postgres.get(); }
    void close() { m_database.reset(); }

private:
    QTemporaryDir m_dir;
    Backend m_backend = Backend::Sqlite;
    TempPostgresDatabase::Isolation m_isolation = TempPostgresDatabase::Isolation::Schema;
    std::unique_ptr<TempPostgresDatabase> m_postgres;
    std::unique_ptr<Database> m_database;
};

/// The project's studies/ folder.
QString projectStudiesFolder();
/// ../shared when it exists beside the project (a fresh clone has none): empty otherwise.
QString sharedFolder();

} // namespace mgreview::testing
