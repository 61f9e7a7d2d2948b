#pragma once

#include "store/database.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace mgreview::testing {

/// A fresh SQLite library in a temporary folder, removed when the object dies.
class TempLibrary
{
public:
    TempLibrary();
    /// The library file path (it exists once open() was called).
    QString path() const { return m_dir.filePath(QStringLiteral("library.sqlite")); }
    QString folder() const { return m_dir.path(); }
    /// Opens (and migrates) the library; fails the current test on error.
    Database &open();
    Database *database() { return m_database.get(); }
    void close() { m_database.reset(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
};

/// The project's studies/ folder.
QString projectStudiesFolder();
/// ../shared when it exists beside the project (a fresh clone has none): empty otherwise.
QString sharedFolder();

} // namespace mgreview::testing
