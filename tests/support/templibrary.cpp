#include "support/templibrary.h"

#include <QDir>

#include <gtest/gtest.h>

namespace mgreview::testing {

TempLibrary::TempLibrary()
{
    EXPECT_TRUE(m_dir.isValid());
}

Database &TempLibrary::open()
{
    QString error;
    LibraryLocation location;
    location.sqlitePath = path();
    m_database = Database::open(location, &error);
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
