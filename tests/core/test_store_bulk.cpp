// StudyStore::insertMany with batches big enough for the bulk path (more than 2,000 studies,
// several chunks prepared on the thread pool, a bigger full-text buffer on SQLite): all or
// nothing, every study searchable, the index's settings as they were.
#include "corehelpers.h"

#include "store/studystore.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class BulkStoreTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(GetParam());
        m_library.useBackend(GetParam());
        m_db = &m_library.open();
    }

    StudyStore store() const { return StudyStore(*m_db); }

    QStringList column(const QString &sql) const
    {
        QSqlQuery q(m_db->connection());
        EXPECT_TRUE(q.exec(sql)) << str(sql) << ": " << str(q.lastError().text());
        QStringList out;
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    }
    int count(const QString &table) const
    {
        return column(QStringLiteral("SELECT count(*) FROM ") + table).value(0).toInt();
    }
    /// FTS5's stored settings (SQLite only): the bulk path must leave them as it found them.
    QStringList ftsConfig() const
    {
        if (GetParam() != Backend::Sqlite)
            return {};
        return column(QStringLiteral("SELECT k || '=' || v FROM study_text_config "
                                     "WHERE k <> 'hashsize' OR v <> 1048576 ORDER BY k"));
    }

    TempLibrary m_library;
    Database *m_db = nullptr;
};

QVector<Study> bulkStudies(int count)
{
    QVector<Study> out;
    for (int i = 0; i < count; ++i) {
        Study s = fullStudy(QStringLiteral("bulk_%1").arg(i));
        // A word of its own in every title, so that each study can be found by search.
        s.citation.title = QStringLiteral("Bulk study zq%1x about nocturnal cramps").arg(i);
        out.append(s);
    }
    return out;
}

TEST_P(BulkStoreTest, FailureAtTheEndOfABigBatchLeavesTheLibraryAsItWas)
{
    QString error;
    ASSERT_TRUE(store().insert(fullStudy(QStringLiteral("already_there")), &error)) << str(error);
    const QStringList configBefore = ftsConfig();

    QVector<Study> studies = bulkStudies(2500);
    studies.append(fullStudy(QStringLiteral("already_there"))); // fails after 2,500 rows are written
    EXPECT_FALSE(store().insertMany(studies, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("already_there"))) << str(error);
    EXPECT_EQ(count(QStringLiteral("studies")), 1);
    EXPECT_EQ(count(QStringLiteral("study_text")), 1);
    EXPECT_EQ(ftsConfig(), configBefore);
    EXPECT_TRUE(store().search(QStringLiteral("zq17x"), &error).value_or(QVector<qint64>{}).isEmpty());

    // Cancelled in the middle of the third chunk: nothing either.
    studies.removeLast();
    QVector<int> calls;
    EXPECT_FALSE(store().insertMany(studies, &error, [&](int done) {
        calls.append(done);
        return done < 2304;
    }));
    EXPECT_EQ(calls.size(), 9);
    EXPECT_EQ(count(QStringLiteral("studies")), 1);
    EXPECT_EQ(count(QStringLiteral("study_text")), 1);
    EXPECT_EQ(ftsConfig(), configBefore);
}

TEST_P(BulkStoreTest, EveryStudyOfABigBatchIsStoredAndSearchable)
{
    QString error;
    const QStringList configBefore = ftsConfig();
    const QVector<Study> studies = bulkStudies(2500);
    QVector<int> calls;
    ASSERT_TRUE(store().insertMany(studies, &error, [&](int done) {
        calls.append(done);
        return true;
    })) << str(error);
    ASSERT_FALSE(calls.isEmpty());
    EXPECT_EQ(calls.last(), 2500);
    EXPECT_EQ(count(QStringLiteral("studies")), 2500);
    EXPECT_EQ(count(QStringLiteral("study_text")), 2500);
    EXPECT_EQ(ftsConfig(), configBefore);

    for (int i : {0, 1023, 1024, 2047, 2048, 2499}) {
        const QString id = QStringLiteral("bulk_%1").arg(i);
        const std::optional<Study> loaded = store().load(id, &error);
        ASSERT_TRUE(loaded.has_value()) << str(id) << str(error);
        EXPECT_TRUE(sameStudy(studies.at(i), *loaded)) << str(id);
        const QString key = column(QStringLiteral("SELECT pk FROM studies WHERE id = '%1'").arg(id)).value(0);
        const std::optional<QVector<qint64>> hits = store().search(QStringLiteral("zq%1x").arg(i), &error);
        ASSERT_TRUE(hits.has_value()) << str(error);
        EXPECT_EQ(*hits, QVector<qint64>{key.toLongLong()}) << str(id);
    }
    EXPECT_EQ(store().search(QStringLiteral("nocturnal"), &error).value_or(QVector<qint64>{}).size(), 2500);
    if (GetParam() == Backend::Sqlite) {
        QSqlQuery check(m_db->connection());
        EXPECT_TRUE(check.exec(QStringLiteral("INSERT INTO study_text(study_text) VALUES ('integrity-check')")))
            << str(check.lastError().text());
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, BulkStoreTest, kAllBackends, backendName);

} // namespace
