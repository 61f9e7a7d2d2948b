#pragma once

#include <QString>
#include <QUrl>

namespace mgreview {

/// Where a library lives: an SQLite file, or a PostgreSQL database for a team.
struct LibraryLocation {
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString sqlitePath; ///< For Sqlite.
    QUrl url;           ///< For Postgres: postgresql://user@host:port/dbname?sslmode=…

    /// Parses a `--library` argument: a postgresql:// (or postgres://) URL, else a file path.
    static LibraryLocation parse(const QString &argument);
    /// The default library: an SQLite file in the user's data folder.
    static LibraryLocation defaultLocation();
    /// For messages: the path, or the URL without a password.
    QString displayName() const;
};

} // namespace mgreview
