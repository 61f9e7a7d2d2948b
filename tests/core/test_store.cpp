// StudyStore on SQLite and PostgreSQL (the same tests): round trips, versions, the search index, transactions, errors.
#include "corehelpers.h"

#include "library/libraryloader.h"
#include "store/migrations.h"
#include "store/studystore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class StoreTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(GetParam());
        m_library.useBackend(GetParam());
        m_db = &m_library.open();
    }

    StudyStore store() const { return StudyStore(*m_db); }

    QVariant scalar(const QString &sql, const QVariant &bind = {}) const
    {
        QSqlQuery q(m_db->connection());
        q.prepare(sql);
        if (bind.isValid())
            q.addBindValue(bind);
        if (!q.exec() || !q.next()) {
            ADD_FAILURE() << str(sql) << ": " << str(q.lastError().text());
            return {};
        }
        return q.value(0);
    }
    int rowVersion(const QString &id) const
    {
        return scalar(QStringLiteral("SELECT version FROM studies WHERE id = ?"), id).toInt();
    }
    int indexedCount() const { return scalar(QStringLiteral("SELECT count(*) FROM study_text")).toInt(); }
    int studyCount() const
    {
        QString error;
        const int n = store().count(&error);
        EXPECT_TRUE(error.isEmpty()) << str(error);
        return n;
    }
    QVector<qint64> search(const QString &query) const
    {
        QString error;
        const std::optional<QVector<qint64>> keys = store().search(query, &error);
        EXPECT_TRUE(error.isEmpty()) << str(error);
        return keys.value_or(QVector<qint64>());
    }
    qint64 keyOf(const QString &id) const
    {
        return scalar(QStringLiteral("SELECT pk FROM studies WHERE id = ?"), id).toLongLong();
    }

    TempLibrary m_library;
    Database *m_db = nullptr;
};

/// Tests of SQLite's file locking: they have no PostgreSQL counterpart.
class SqliteStoreTest : public StoreTest
{
};

Study withId(const QString &id, const QString &title)
{
    Study s = fullStudy(id);
    s.citation.title = title;
    return s;
}

} // namespace

TEST_P(StoreTest, InsertLoadRoundTrip)
{
    QString error;
    const Study full = fullStudy();
    ASSERT_TRUE(store().insert(full, &error)) << str(error);
    const std::optional<Study> loaded = store().load(full.id, &error);
    ASSERT_TRUE(loaded) << str(error);
    EXPECT_TRUE(sameStudy(full, *loaded));
    EXPECT_EQ(rowVersion(full.id), 1);
    EXPECT_TRUE(store().contains(full.id));

    // An unknown id is "no study", not an error.
    EXPECT_FALSE(store().load(QStringLiteral("nope"), &error));
    EXPECT_TRUE(error.isEmpty()) << str(error);
    EXPECT_FALSE(store().contains(QStringLiteral("nope")));
}

TEST_P(StoreTest, BareRecordRoundTrips)
{
    // Only an id: every other field is unset (null strings), which SQL must still accept.
    Study bare;
    bare.id = QStringLiteral("bare");
    QString error;
    ASSERT_TRUE(store().insert(bare, &error)) << str(error);
    EXPECT_TRUE(sameStudy(bare, *store().load(bare.id, &error)));
    bare.citation.title = QStringLiteral("Now with a title");
    ASSERT_TRUE(store().update(bare, &error)) << str(error);
    EXPECT_TRUE(sameStudy(bare, *store().load(bare.id, &error)));
    EXPECT_EQ(search(QStringLiteral("title")).size(), 1);
    ASSERT_TRUE(store().remove(bare.id, &error)) << str(error);
}

TEST_P(StoreTest, EveryProjectStudyRoundTrips)
{
    QStringList errors;
    const QVector<Study> studies = projectStudies(&errors);
    ASSERT_EQ(studies.size(), 20) << str(errors.join(u'\n'));
    QString error;
    ASSERT_TRUE(store().insertMany(studies, &error)) << str(error);
    EXPECT_EQ(studyCount(), 20);
    EXPECT_EQ(indexedCount(), 20);
    const std::optional<QVector<Study>> all = store().loadAll(&error);
    ASSERT_TRUE(all) << str(error);
    ASSERT_EQ(all->size(), 20);
    for (int i = 0; i < 20; ++i)
        EXPECT_TRUE(sameStudy(studies.at(i), all->at(i)));

    // The table rows are projections of the same records.
    const std::optional<QVector<StudySummary>> rows = store().summaries(&error);
    ASSERT_TRUE(rows) << str(error);
    ASSERT_EQ(rows->size(), 20);
    for (int i = 0; i < 20; ++i) {
        const Study &s = studies.at(i);
        const StudySummary &row = rows->at(i);
        EXPECT_EQ(row.id, s.id);
        EXPECT_EQ(row.key, keyOf(s.id));
        EXPECT_EQ(row.firstAuthor, s.firstAuthor());
        EXPECT_EQ(row.year, s.citation.year);
        EXPECT_EQ(row.title, s.citation.title.isEmpty() ? s.citation.text : s.citation.title);
        EXPECT_EQ(row.doi, s.ids.doi);
        EXPECT_EQ(row.pmid, s.ids.pmid);
        EXPECT_EQ(row.design, s.design);
        EXPECT_EQ(row.populations, s.populations);
        EXPECT_EQ(row.crampTypes, s.crampTypes);
        EXPECT_EQ(row.direction, s.direction);
        EXPECT_EQ(row.independence, s.independence.value);
        EXPECT_EQ(row.independenceReason, s.independence.reason);
        EXPECT_EQ(row.independenceSource, QStringLiteral("curated"));
    }
}

TEST_P(StoreTest, UnclassifiedStudyShowsAsUnclear)
{
    Study s = fullStudy();
    s.independence = {};
    QString error;
    ASSERT_TRUE(store().insert(s, &error)) << str(error);
    const std::optional<QVector<StudySummary>> rows = store().summaries(&error);
    ASSERT_TRUE(rows && rows->size() == 1) << str(error);
    EXPECT_EQ(rows->constFirst().independence, QStringLiteral("unclear"));
    EXPECT_EQ(rows->constFirst().independenceSource, QStringLiteral("none"));
    EXPECT_FALSE(rows->constFirst().independenceReason.isEmpty());
    // The record itself keeps "no classification": nothing is invented.
    EXPECT_TRUE(sameStudy(s, *store().load(s.id, &error)));
}

TEST_P(StoreTest, UpdateBumpsVersionAndSearchIndex)
{
    QString error;
    const Study original = withId(QStringLiteral("upd"), QStringLiteral("Quinine versus placebo"));
    ASSERT_TRUE(store().insert(original, &error)) << str(error);
    const qint64 key = keyOf(original.id);
    EXPECT_EQ(search(QStringLiteral("quinine")), QVector<qint64> { key });
    const QString createdAt
        = scalar(QStringLiteral("SELECT created_at FROM studies WHERE id = ?"), original.id).toString();

    Study edited = original;
    edited.citation.title = QStringLiteral("Zebrafish magnesium trial");
    edited.conclusions[0].text = QStringLiteral("A new verbatim conclusion about xylophones.");
    ASSERT_TRUE(store().update(edited, &error)) << str(error);
    EXPECT_EQ(rowVersion(original.id), 2);
    EXPECT_TRUE(sameStudy(edited, *store().load(original.id, &error)));
    EXPECT_EQ(search(QStringLiteral("zebrafish")), QVector<qint64> { key });
    EXPECT_EQ(search(QStringLiteral("xylophones")), QVector<qint64> { key });
    EXPECT_TRUE(search(QStringLiteral("quinine")).isEmpty());
    EXPECT_EQ(indexedCount(), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT title FROM studies WHERE id = ?"), original.id).toString(),
        edited.citation.title);
    EXPECT_EQ(scalar(QStringLiteral("SELECT created_at FROM studies WHERE id = ?"), original.id).toString(), createdAt);
    EXPECT_GE(scalar(QStringLiteral("SELECT updated_at FROM studies WHERE id = ?"), original.id).toString(), createdAt);

    ASSERT_TRUE(store().update(edited, &error)) << str(error);
    EXPECT_EQ(rowVersion(original.id), 3);
}

TEST_P(StoreTest, UpdateOfUnknownIdFailsAndAddsNothing)
{
    QString error;
    EXPECT_FALSE(store().update(withId(QStringLiteral("ghost"), QStringLiteral("Ghost")), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("ghost"))) << str(error);
    EXPECT_EQ(studyCount(), 0);
    EXPECT_EQ(indexedCount(), 0);
}

TEST_P(StoreTest, Remove)
{
    QString error;
    ASSERT_TRUE(store().insert(withId(QStringLiteral("keep"), QStringLiteral("Kept aardvark")), &error));
    ASSERT_TRUE(store().insert(withId(QStringLiteral("gone"), QStringLiteral("Removed platypus")), &error));
    ASSERT_EQ(search(QStringLiteral("platypus")).size(), 1);
    ASSERT_TRUE(store().remove(QStringLiteral("gone"), &error)) << str(error);
    EXPECT_FALSE(store().load(QStringLiteral("gone"), &error));
    EXPECT_TRUE(error.isEmpty());
    EXPECT_EQ(studyCount(), 1);
    EXPECT_EQ(indexedCount(), 1);
    EXPECT_TRUE(search(QStringLiteral("platypus")).isEmpty());
    EXPECT_EQ(search(QStringLiteral("aardvark")), QVector<qint64> { keyOf(QStringLiteral("keep")) });

    EXPECT_FALSE(store().remove(QStringLiteral("gone"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("gone"))) << str(error);
    EXPECT_EQ(studyCount(), 1);
}

TEST_P(StoreTest, DuplicateIdFailsAndLeavesDataUnchanged)
{
    QString error;
    const Study original = withId(QStringLiteral("dup"), QStringLiteral("Original title"));
    ASSERT_TRUE(store().insert(original, &error)) << str(error);

    EXPECT_FALSE(store().insert(withId(QStringLiteral("dup"), QStringLiteral("Impostor title")), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("dup"))) << str(error);
    EXPECT_TRUE(sameStudy(original, *store().load(QStringLiteral("dup"), &error)));
    EXPECT_EQ(rowVersion(QStringLiteral("dup")), 1);

    // In a batch, the studies before the duplicate are rolled back too.
    error.clear();
    EXPECT_FALSE(store().insertMany({ withId(QStringLiteral("fresh_one"), QStringLiteral("Fresh")),
                                        withId(QStringLiteral("dup"), QStringLiteral("Impostor")) },
        &error));
    EXPECT_TRUE(error.contains(QStringLiteral("dup"))) << str(error);
    EXPECT_FALSE(store().contains(QStringLiteral("fresh_one")));
    EXPECT_EQ(studyCount(), 1);
    EXPECT_EQ(indexedCount(), 1);
    EXPECT_TRUE(search(QStringLiteral("fresh")).isEmpty());
    EXPECT_TRUE(sameStudy(original, *store().load(QStringLiteral("dup"), &error)));

    // Two copies inside one batch are caught as well.
    EXPECT_FALSE(store().insertMany(
        { withId(QStringLiteral("twin"), QStringLiteral("A")), withId(QStringLiteral("twin"), QStringLiteral("B")) },
        &error));
    EXPECT_FALSE(store().contains(QStringLiteral("twin")));
    EXPECT_EQ(studyCount(), 1);
}

TEST_P(StoreTest, CancelledInsertManyLeavesTheLibraryUnchanged)
{
    QString error;
    ASSERT_TRUE(store().insert(withId(QStringLiteral("before"), QStringLiteral("Already there")), &error));
    QStringList errors;
    const QVector<Study> studies = projectStudies(&errors);
    ASSERT_EQ(studies.size(), 20);

    QVector<int> calls;
    EXPECT_FALSE(store().insertMany(studies, &error, [&](int done) {
        calls.append(done);
        return false;
    }));
    EXPECT_EQ(calls, QVector<int> { 20 });
    EXPECT_TRUE(error.contains(QStringLiteral("cancel"))) << str(error);
    EXPECT_EQ(studyCount(), 1);
    EXPECT_EQ(indexedCount(), 1);
    for (const Study &s : studies)
        EXPECT_FALSE(store().contains(s.id)) << str(s.id);

    // A bigger batch reports progress along the way and can be cancelled in the middle.
    QVector<Study> many;
    for (int i = 0; i < 600; ++i)
        many.append(withId(QStringLiteral("bulk_%1").arg(i), QStringLiteral("Bulk %1").arg(i)));
    calls.clear();
    EXPECT_FALSE(store().insertMany(many, &error, [&](int done) {
        calls.append(done);
        return done < 512;
    }));
    EXPECT_EQ(calls, QVector<int>({ 256, 512 }));
    EXPECT_EQ(studyCount(), 1);
    EXPECT_EQ(indexedCount(), 1);

    calls.clear();
    ASSERT_TRUE(store().insertMany(many, &error, [&](int done) {
        calls.append(done);
        return true;
    })) << str(error);
    EXPECT_EQ(calls, QVector<int>({ 256, 512, 600 }));
    EXPECT_EQ(studyCount(), 601);
    EXPECT_EQ(indexedCount(), 601);
}

TEST_P(StoreTest, ExtraWriteFailureRollsBackTheBatch)
{
    QString error;
    EXPECT_FALSE(store().insertMany(
        { withId(QStringLiteral("a1"), QStringLiteral("A")) }, &error, {}, [](QSqlDatabase &, QString *extraError) {
            *extraError = QStringLiteral("extra failed");
            return false;
        }));
    EXPECT_EQ(error, QStringLiteral("extra failed"));
    EXPECT_EQ(studyCount(), 0);
    EXPECT_EQ(indexedCount(), 0);
}

TEST_P(SqliteStoreTest, LockedLibraryGivesAClearErrorAndNoPartialData)
{
    QString error;
    ASSERT_TRUE(store().insert(withId(QStringLiteral("first"), QStringLiteral("First")), &error)) << str(error);
    // Wait briefly instead of the default 5 s: the test only needs the lock to win.
    QSqlQuery pragma(m_db->connection());
    ASSERT_TRUE(pragma.exec(QStringLiteral("PRAGMA busy_timeout = 100")));

    const QString lockerName = QStringLiteral("test_locker");
    {
        QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), lockerName);
        locker.setDatabaseName(m_library.path());
        ASSERT_TRUE(locker.open()) << str(locker.lastError().text());
        QSqlQuery lock(locker);
        ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN EXCLUSIVE"))) << str(lock.lastError().text());

        QElapsedTimer timer;
        timer.start();
        EXPECT_FALSE(store().insertMany({ withId(QStringLiteral("second"), QStringLiteral("Second")),
                                            withId(QStringLiteral("third"), QStringLiteral("Third")) },
            &error));
        EXPECT_TRUE(error.contains(QStringLiteral("locked"), Qt::CaseInsensitive)) << str(error);
        EXPECT_TRUE(error.contains(QStringLiteral("second"))) << str(error);
        EXPECT_TRUE(error.contains(QStringLiteral("try again"))) << str(error);
        Study edited = withId(QStringLiteral("first"), QStringLiteral("Edited while locked"));
        EXPECT_FALSE(store().update(edited, &error));
        EXPECT_TRUE(error.contains(QStringLiteral("locked"), Qt::CaseInsensitive)) << str(error);
        EXPECT_FALSE(store().remove(QStringLiteral("first"), &error));
        EXPECT_TRUE(error.contains(QStringLiteral("locked"), Qt::CaseInsensitive)) << str(error);
        EXPECT_LT(timer.elapsed(), 4000);

        ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));
        locker.close();
    }
    QSqlDatabase::removeDatabase(lockerName);

    EXPECT_EQ(studyCount(), 1);
    EXPECT_EQ(indexedCount(), 1);
    EXPECT_FALSE(store().contains(QStringLiteral("second")));
    EXPECT_EQ(store().load(QStringLiteral("first"), &error)->citation.title, QStringLiteral("First"));
    EXPECT_EQ(rowVersion(QStringLiteral("first")), 1);

    // Once the lock is gone the library works again.
    ASSERT_TRUE(store().insert(withId(QStringLiteral("second"), QStringLiteral("Second")), &error)) << str(error);
    EXPECT_EQ(studyCount(), 2);
}

TEST(StoreOpen, GarbageFileIsRefusedAndLeftAlone)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    QByteArray garbage;
    for (int i = 0; i < 8192; ++i)
        garbage.append(char((i * 7919 + 13) % 251));
    ASSERT_TRUE(writeFileBytes(path, garbage));

    LibraryLocation location;
    location.sqlitePath = path;
    QString error;
    EXPECT_FALSE(Database::open(location, &error));
    EXPECT_TRUE(error.startsWith(path + QStringLiteral(": "))) << str(error);
    EXPECT_TRUE(error.contains(QStringLiteral("not"))) << str(error);
    EXPECT_EQ(readFileBytes(path), garbage);
    EXPECT_FALSE(QFile::exists(path + QStringLiteral("-wal")));
}

TEST(StoreOpen, TextFileIsRefused)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("study.toml"));
    const QByteArray text = "id = \"x\"\n[citation]\ntitle = \"Not a library\"\n";
    ASSERT_TRUE(writeFileBytes(path, text));
    LibraryLocation location;
    location.sqlitePath = path;
    QString error;
    EXPECT_FALSE(Database::open(location, &error));
    EXPECT_TRUE(error.startsWith(path + QStringLiteral(": "))) << str(error);
    EXPECT_EQ(readFileBytes(path), text);
}

TEST(StoreOpen, DirectoryIsRefused)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("folder.sqlite"));
    ASSERT_TRUE(QDir().mkpath(path));
    LibraryLocation location;
    location.sqlitePath = path;
    QString error;
    EXPECT_FALSE(Database::open(location, &error));
    EXPECT_TRUE(error.startsWith(path + QStringLiteral(": "))) << str(error);
    EXPECT_TRUE(error.contains(QStringLiteral("folder"))) << str(error);
}

TEST(StoreOpen, UncreatableFolderIsRefused)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("plain-file"));
    ASSERT_TRUE(writeFileBytes(file, "x"));
    LibraryLocation location;
    location.sqlitePath = file + QStringLiteral("/library.sqlite");
    QString error;
    EXPECT_FALSE(Database::open(location, &error));
    EXPECT_TRUE(error.startsWith(location.sqlitePath + QStringLiteral(": "))) << str(error);
}

TEST(StoreOpen, NewerSchemaIsRefusedWithAMessage)
{
    TempLibrary library;
    {
        Database &db = library.open();
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("INSERT INTO schema_version(version, applied_at) VALUES (?, 'future')"));
        q.addBindValue(Migrations::latestVersion() + 1);
        ASSERT_TRUE(q.exec()) << str(q.lastError().text());
    }
    library.close();

    LibraryLocation location;
    location.sqlitePath = library.path();
    QString error;
    EXPECT_FALSE(Database::open(location, &error));
    EXPECT_TRUE(error.startsWith(library.path() + QStringLiteral(": "))) << str(error);
    EXPECT_TRUE(error.contains(QStringLiteral("newer"))) << str(error);
    EXPECT_TRUE(error.contains(QString::number(Migrations::latestVersion() + 1))) << str(error);

    // Refusing changed nothing.
    std::unique_ptr<Database> raw = Database::openRaw(location, &error);
    ASSERT_TRUE(raw) << str(error);
    EXPECT_EQ(Migrations::currentVersion(*raw, &error), Migrations::latestVersion() + 1);
}

TEST(StoreOpen, EmptyFileBecomesANewLibrary)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
    ASSERT_TRUE(writeFileBytes(path, QByteArray()));
    LibraryLocation location;
    location.sqlitePath = path;
    QString error;
    std::unique_ptr<Database> db = Database::open(location, &error);
    ASSERT_TRUE(db) << str(error);
    EXPECT_EQ(Migrations::currentVersion(*db, &error), Migrations::latestVersion());
    EXPECT_EQ(StudyStore(*db).count(&error), 0);
}

TEST_P(StoreTest, WorksFromAWorkerThread)
{
    QString error;
    ASSERT_TRUE(store().insert(fullStudy(), &error)) << str(error);
    // Each thread gets its own connection; the worker's is released before it ends.
    // A thread of its own: a QFuture's result() may run a task that has not started yet in
    // the waiting thread, which is not what this test is about.
    std::tuple<std::optional<Study>, bool, QString, QThread *> result;
    std::unique_ptr<QThread> worker(QThread::create([&result, db = m_db] {
        QString workerError;
        std::optional<Study> loaded = StudyStore(*db).load(QStringLiteral("synthetic_full"), &workerError);
        const bool inserted
            = StudyStore(*db).insert(withId(QStringLiteral("from_worker"), QStringLiteral("W")), &workerError);
        db->releaseThreadConnection();
        result = std::make_tuple(loaded, inserted, workerError, QThread::currentThread());
    }));
    worker->start();
    ASSERT_TRUE(worker->wait(QDeadlineTimer(60000)));
    EXPECT_NE(std::get<3>(result), QThread::currentThread());
    ASSERT_TRUE(std::get<0>(result)) << str(std::get<2>(result));
    EXPECT_TRUE(sameStudy(fullStudy(), *std::get<0>(result)));
    EXPECT_TRUE(std::get<1>(result)) << str(std::get<2>(result));
    EXPECT_TRUE(store().contains(QStringLiteral("from_worker")));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, kAllBackends, backendName);
INSTANTIATE_TEST_SUITE_P(Backends, SqliteStoreTest, ::testing::Values(Backend::Sqlite), backendName);
