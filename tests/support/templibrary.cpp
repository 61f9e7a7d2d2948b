#include "support/templibrary.h"

#include <QDir>

#include <gtest/gtest.h>

namespace mgreview::testing {

TempLibrary::TempLibrary()
{
    EXPECT_TRUE(m_dir.isValid());
}

TempLibrary::~TempLibrary()
{
    // Connections first: the database is dropped after.
    m_database.reset();
}

LibraryLocation TempLibrary::location()
{
    LibraryLocation location;
    if (m_backend == Backend::Sqlite) {
        location.sqlitePath = path();
        return location;
    }
    if (!m_postgres)
        m_postgres = std::make_unique<TempPostgresDatabase>(m_isolation);
    if (!m_postgres->isValid())
        throw std::runtime_error(m_postgres->error().toStdString());
    location.kind = LibraryLocation::Kind::Postgres;
    location.url = m_postgres->url();
    return location;
}

std::unique_ptr<Database> TempLibrary::openRaw(QString *error)
{
    return Database::openRaw(location(), error);
}

Database &TempLibrary::open()
{
    QString error;
    m_database = Database::open(location(), &error);
    EXPECT_TRUE(m_database) << error.toStdString();
    if (!m_database)
        throw std::runtime_error("cannot open test library: " + error.toStdString());
    return *m_database;
}

QString projectStudiesFolder()
{
    return QStringLiteral(MGREVIEW_SOURCE_DIR "/studies");
}

QString sharedFolder()
{
    const QDir dir(QStringLiteral(MGREVIEW_SHARED_DIR));
    return dir.exists() ? dir.absolutePath() : QString();
}

} // namespace mgreview::testing
