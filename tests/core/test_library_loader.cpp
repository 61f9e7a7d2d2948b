// Opening a library for a window: open, migrate, seed, read rows and the search index.
#include "corehelpers.h"

#include "library/libraryloader.h"
#include "store/studystore.h"

#include <QTemporaryDir>

using namespace mgreview;
using namespace mgreview::testing;

TEST(LibraryLoader, FirstAndSecondOpen)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const LibraryLocation location = LibraryLocation::parse(dir.filePath(QStringLiteral("sub/library.sqlite")));
    OpenOptions options;
    options.studiesFolder = projectStudiesFolder();

    LoadedLibrary first = openLibrary(location, options);
    ASSERT_TRUE(first.database) << str(first.error);
    EXPECT_TRUE(first.error.isEmpty());
    EXPECT_EQ(first.seed.added, 20);
    EXPECT_TRUE(first.seed.errors.isEmpty()) << str(first.seed.errors.join(u'\n'));
    EXPECT_EQ(first.summaries.size(), 20);
    EXPECT_EQ(first.searchIndex.rowCount(), 20);
    // Index rows follow the summaries: the row found for a title is that study's row.
    const QBitArray hits = first.searchIndex.match(QStringLiteral("skeletal muscle CD009402.pub3"));
    ASSERT_EQ(hits.count(true), 1);
    for (int row = 0; row < hits.size(); ++row) {
        if (hits.testBit(row)) {
            EXPECT_EQ(first.summaries.at(row).id, QStringLiteral("garrison2020_cochrane"));
        }
    }
    first.database.reset();

    const LoadedLibrary second = openLibrary(location, options);
    ASSERT_TRUE(second.database) << str(second.error);
    EXPECT_EQ(second.seed.added, 0);
    EXPECT_EQ(second.seed.alreadyPresent, 20);
    EXPECT_EQ(second.summaries.size(), 20);
}

TEST(LibraryLoader, WithoutSeeding)
{
    QTemporaryDir dir;
    OpenOptions options;
    options.seed = false;
    const LoadedLibrary loaded = openLibrary(LibraryLocation::parse(dir.filePath(QStringLiteral("l.sqlite"))), options);
    ASSERT_TRUE(loaded.database) << str(loaded.error);
    EXPECT_TRUE(loaded.summaries.isEmpty());
    EXPECT_EQ(loaded.searchIndex.rowCount(), 0);
    EXPECT_EQ(loaded.searchIndex.match(QString()).size(), 0);
}

TEST(LibraryLoader, UnreadableLibraryReportsThePath)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("garbage.sqlite"));
    ASSERT_TRUE(writeFileBytes(path, QByteArray(4096, '\x5a')));
    const LoadedLibrary loaded = openLibrary(LibraryLocation::parse(path));
    EXPECT_FALSE(loaded.database);
    EXPECT_TRUE(loaded.error.startsWith(path)) << str(loaded.error);
    EXPECT_TRUE(loaded.summaries.isEmpty());
}

TEST(LibraryLocation, ParsesPathsAndUrls)
{
    const LibraryLocation file = LibraryLocation::parse(QStringLiteral("/tmp/x/../lib.sqlite"));
    EXPECT_EQ(file.kind, LibraryLocation::Kind::Sqlite);
    EXPECT_EQ(file.sqlitePath, QStringLiteral("/tmp/lib.sqlite"));
    EXPECT_EQ(file.displayName(), QStringLiteral("/tmp/lib.sqlite"));
    EXPECT_TRUE(QFileInfo(LibraryLocation::parse(QStringLiteral("relative.sqlite")).sqlitePath).isAbsolute());

    const LibraryLocation team
        = LibraryLocation::parse(QStringLiteral("postgresql://ann:secret@db.example:5433/review"));
    EXPECT_EQ(team.kind, LibraryLocation::Kind::Postgres);
    EXPECT_FALSE(team.displayName().contains(QStringLiteral("secret")));
    EXPECT_TRUE(team.displayName().contains(QStringLiteral("db.example")));
    // An unreachable server: a clear message that names the library, never the password.
    QString error;
    EXPECT_FALSE(Database::open(team, &error));
    EXPECT_TRUE(error.startsWith(team.displayName() + QStringLiteral(": "))) << str(error);
    EXPECT_FALSE(error.contains(QStringLiteral("secret"))) << str(error);
    // No database name: said plainly before anything is tried.
    EXPECT_FALSE(Database::open(LibraryLocation::parse(QStringLiteral("postgresql://ann@db.example")), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("postgresql://user@host:port/database"))) << str(error);

    EXPECT_FALSE(LibraryLocation::defaultLocation().sqlitePath.isEmpty());
}
