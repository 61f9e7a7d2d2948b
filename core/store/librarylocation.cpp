#include "store/librarylocation.h"

#include <QDir>
#include <QStandardPaths>

namespace mgreview {

LibraryLocation LibraryLocation::parse(const QString &argument)
{
    LibraryLocation location;
    if (argument.startsWith(QStringLiteral("postgresql://")) || argument.startsWith(QStringLiteral("postgres://"))) {
        location.kind = Kind::Postgres;
        location.url = QUrl(argument, QUrl::StrictMode);
        return location;
    }
    location.sqlitePath = QDir::cleanPath(QDir::current().absoluteFilePath(argument));
    return location;
}

LibraryLocation LibraryLocation::defaultLocation()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    LibraryLocation location;
    location.sqlitePath = QDir(folder.isEmpty() ? QDir::homePath() : folder).filePath(QStringLiteral("library.sqlite"));
    return location;
}

QString LibraryLocation::displayName() const
{
    if (kind == Kind::Sqlite)
        return sqlitePath;
    return url.toString(QUrl::RemovePassword);
}

} // namespace mgreview
