// Schema migrations, one step at a time, each from data written in the previous version;
// on SQLite and PostgreSQL.
#include "corehelpers.h"

#include "format/studyjson.h"
#include "model/vocabulary.h"
#include "store/migrations.h"
#include "store/seeder.h"
#include "store/studystore.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class MigrationTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(GetParam());
        m_library.useBackend(GetParam());
        QString error;
        m_db = m_library.openRaw(&error);
        ASSERT_TRUE(m_db) << str(error);
    }

    int version() const
    {
        QString error;
        const int v = Migrations::currentVersion(*m_db, &error);
        EXPECT_TRUE(error.isEmpty()) << str(error);
        return v;
    }
    void migrateTo(int target) const
    {
        QString error;
        ASSERT_TRUE(Migrations::migrate(*m_db, target, &error)) << str(error);
        ASSERT_EQ(version(), target);
    }
    /// The library's table names. A PostgreSQL test library lives in a schema of its own,
    /// which QPSQL lists as "schema.table" beside the other schemas of tests running at
    /// the same time: keep ours only, without the prefix.
    QStringList tables() const
    {
        const QString ours = m_library.postgres() ? m_library.postgres()->name() + u'.' : QString();
        QStringList out;
        for (const QString &name : m_db->connection().tables()) {
            if (ours.isEmpty())
                out.append(name);
            else if (name.startsWith(ours))
                out.append(name.mid(ours.size()));
        }
        return out;
    }
    /// The whole schema as text, to compare two libraries.
    static QStringList schemaOf(const Database &database)
    {
        const QStringList queries = database.dialect() == SqlDialect::Sqlite
            ? QStringList { QStringLiteral("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master "
                                           "ORDER BY name") }
            : QStringList {
                  QStringLiteral("SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable "
                                 "|| ' ' || coalesce(column_default, '') || ' ' || is_identity FROM "
                                 "information_schema.columns WHERE table_schema = current_schema() ORDER BY 1"),
                  QStringLiteral("SELECT replace(indexdef, current_schema() || '.', '') FROM pg_indexes "
                                 "WHERE schemaname = current_schema() ORDER BY indexname"),
                  QStringLiteral("SELECT trigger_name || ' ' || event_manipulation || ' ' || action_timing || ' ' || "
                                 "event_object_table FROM information_schema.triggers "
                                 "WHERE trigger_schema = current_schema() ORDER BY 1"),
                  QStringLiteral("SELECT conname || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c "
                                 "JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema() "
                                 "ORDER BY 1"),
              };
        QStringList out;
        QSqlQuery q(database.connection());
        for (const QString &sql : queries) {
            EXPECT_TRUE(q.exec(sql)) << str(q.lastError().text());
            while (q.next())
                out.append(q.value(0).toString());
        }
        return out;
    }
    QStringList rows(const QString &sql) const
    {
        QSqlQuery q(m_db->connection());
        QStringList out;
        if (!q.exec(sql)) {
            ADD_FAILURE() << str(sql) << ": " << str(q.lastError().text());
            return out;
        }
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    }
    // A row exactly as a version-1 program wrote it: projections plus the JSON record.
    void insertV1Row(const Study &s) const
    {
        QSqlQuery q(m_db->connection());
        q.prepare(QStringLiteral("INSERT INTO studies(id, title, authors, first_author, year, doi, pmid, design, "
                                 "record, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'then', 'then')"));
        q.addBindValue(s.id);
        q.addBindValue(s.citation.title);
        q.addBindValue(s.citation.authors.join(QStringLiteral("; ")));
        q.addBindValue(s.firstAuthor());
        q.addBindValue(s.citation.year);
        q.addBindValue(s.ids.doi);
        q.addBindValue(s.ids.pmid);
        q.addBindValue(s.design);
        q.addBindValue(QString::fromUtf8(QJsonDocument(studyToJson(s)).toJson(QJsonDocument::Compact)));
        ASSERT_TRUE(q.exec()) << str(q.lastError().text());
    }
    Study study(const QString &id) const
    {
        QString error;
        std::optional<Study> s = projectStudy(id, &error);
        EXPECT_TRUE(s) << str(error);
        return s.value_or(Study());
    }
    QStringList idsMatching(const QString &query) const
    {
        QString error;
        const std::optional<QVector<qint64>> keys = StudyStore(*m_db).search(query, &error);
        EXPECT_TRUE(keys) << str(error);
        QStringList ids;
        for (const qint64 key : keys.value_or(QVector<qint64>())) {
            const QStringList id = rows(QStringLiteral("SELECT id FROM studies WHERE pk = %1").arg(key));
            ids.append(id.value(0));
        }
        ids.sort();
        return ids;
    }

    TempLibrary m_library;
    std::unique_ptr<Database> m_db;
};

} // namespace

TEST_P(MigrationTest, LatestIsEight)
{
    EXPECT_EQ(Migrations::latestVersion(), 8);
}

TEST_P(MigrationTest, ZeroToOne)
{
    EXPECT_EQ(version(), 0);
    EXPECT_FALSE(tables().contains(QStringLiteral("studies")));
    migrateTo(1);
    const QStringList t = tables();
    EXPECT_TRUE(t.contains(QStringLiteral("schema_version")));
    EXPECT_TRUE(t.contains(QStringLiteral("studies")));
    EXPECT_TRUE(t.contains(QStringLiteral("library_meta")));
    EXPECT_FALSE(t.contains(QStringLiteral("study_text")));
    EXPECT_FALSE(t.contains(QStringLiteral("seed_log")));
    const QSqlRecord columns = m_db->connection().record(QStringLiteral("studies"));
    for (const char *column :
        { "pk", "id", "title", "authors", "first_author", "year", "doi", "pmid", "design", "populations", "cramp_types",
            "direction", "independence", "independence_reason", "record", "version", "created_at", "updated_at" })
        EXPECT_TRUE(columns.contains(QString::fromLatin1(column))) << column;
    EXPECT_EQ(rows(QStringLiteral("SELECT version FROM schema_version")), QStringList { QStringLiteral("1") });

    // Running it again changes nothing.
    migrateTo(1);
    EXPECT_EQ(rows(QStringLiteral("SELECT version FROM schema_version")), QStringList { QStringLiteral("1") });
}

TEST_P(MigrationTest, OneToTwoMakesExistingRowsSearchable)
{
    migrateTo(1);
    insertV1Row(study(QStringLiteral("garrison2020_cochrane")));
    insertV1Row(study(QStringLiteral("araujo2020_plosone")));
    insertV1Row(study(QStringLiteral("nygaard2008_rct")));
    ASSERT_FALSE(tables().contains(QStringLiteral("study_text")));

    migrateTo(2);
    EXPECT_TRUE(tables().contains(QStringLiteral("study_text")));
    EXPECT_EQ(rows(QStringLiteral("SELECT count(*) FROM study_text")), QStringList { QStringLiteral("3") });
    // Title, authors (with accents folded), conclusions and identifiers are all found.
    EXPECT_EQ(idsMatching(QStringLiteral("skeletal")), QStringList { QStringLiteral("garrison2020_cochrane") });
    EXPECT_EQ(idsMatching(QStringLiteral("Dugre")), QStringList { QStringLiteral("garrison2020_cochrane") });
    EXPECT_EQ(idsMatching(QStringLiteral("araujo")), QStringList { QStringLiteral("araujo2020_plosone") });
    EXPECT_EQ(idsMatching(QStringLiteral("360mg")), QStringList { QStringLiteral("nygaard2008_rct") });
    EXPECT_EQ(idsMatching(QStringLiteral("18768245")), QStringList { QStringLiteral("nygaard2008_rct") });
    EXPECT_EQ(idsMatching(QStringLiteral("magnesium")).size(), 3);
    // The migrated rows behave like rows written by the current store.
    QString error;
    EXPECT_TRUE(StudyStore(*m_db).remove(QStringLiteral("nygaard2008_rct"), &error)) << str(error);
    EXPECT_TRUE(idsMatching(QStringLiteral("18768245")).isEmpty());
}

TEST_P(MigrationTest, TwoToThreeBackfillsTheSeedLog)
{
    migrateTo(2);
    QString error;
    const QStringList ids
        = { QStringLiteral("dahle1995_rct"), QStringLiteral("garrison2020_cochrane"), QStringLiteral("sebo2014_sr") };
    QVector<Study> existing;
    for (const QString &id : ids)
        existing.append(study(id));
    // A user's edit made before the upgrade must survive the next seeding.
    existing[1].citation.title = QStringLiteral("My own title");
    ASSERT_TRUE(StudyStore(*m_db).insertMany(existing, &error)) << str(error);
    ASSERT_FALSE(tables().contains(QStringLiteral("seed_log")));

    migrateTo(3);
    EXPECT_EQ(rows(QStringLiteral("SELECT study_id FROM seed_log ORDER BY study_id")), ids);
    EXPECT_EQ(rows(QStringLiteral("SELECT DISTINCT file_sha256 FROM seed_log")), QStringList { QString() });

    const SeedReport report = seedLibrary(*m_db, projectStudiesFolder(), Vocabularies::builtin());
    EXPECT_TRUE(report.ok);
    EXPECT_TRUE(report.errors.isEmpty()) << str(report.errors.join(u'\n'));
    EXPECT_EQ(report.added, 17);
    EXPECT_EQ(report.alreadyPresent, 3);
    EXPECT_EQ(StudyStore(*m_db).load(QStringLiteral("garrison2020_cochrane"), &error)->citation.title,
        QStringLiteral("My own title"));
}

TEST_P(MigrationTest, ThreeToFourAddsRuleSuggestionsBesideCuratedValues)
{
    migrateTo(3);
    QString error;
    ASSERT_TRUE(StudyStore(*m_db).insertMany({ study(QStringLiteral("dahle1995_rct")) }, &error)) << str(error);
    ASSERT_FALSE(tables().contains(QStringLiteral("rule_suggestions")));

    migrateTo(4);
    EXPECT_TRUE(tables().contains(QStringLiteral("rule_suggestions")));
    // Existing rows keep their curated values; the rule columns start empty.
    EXPECT_EQ(rows(QStringLiteral("SELECT independence || '/' || rule_independence || '/' || rule_design FROM studies")),
        QStringList { QStringLiteral("industry-linked//") });
    const std::optional<QVector<StudySummary>> summaries = StudyStore(*m_db).summaries(&error);
    ASSERT_TRUE(summaries) << str(error);
    ASSERT_EQ(summaries->size(), 1);
    EXPECT_EQ(summaries->first().independence, QStringLiteral("industry-linked"));
    EXPECT_EQ(summaries->first().independenceSource, QStringLiteral("curated"));
}

TEST_P(MigrationTest, FourToFiveAddsAppendOnlyReviewTables)
{
    migrateTo(4);
    QString error;
    ASSERT_TRUE(StudyStore(*m_db).insertMany({ study(QStringLiteral("nygaard2008_rct")) }, &error)) << str(error);
    for (const char *table : { "profiles", "review_judgements", "review_resolutions", "audit_log" })
        ASSERT_FALSE(tables().contains(QString::fromLatin1(table))) << table;

    migrateTo(5);
    for (const char *table : { "profiles", "review_judgements", "review_resolutions", "audit_log" })
        EXPECT_TRUE(tables().contains(QString::fromLatin1(table))) << table;
    // Nothing reviewed yet: existing rows keep their curated values.
    const std::optional<QVector<StudySummary>> summaries = StudyStore(*m_db).summaries(&error);
    ASSERT_TRUE(summaries) << str(error);
    ASSERT_EQ(summaries->size(), 1);
    EXPECT_EQ(summaries->first().independenceLink, QStringLiteral("product-supplied"));
    EXPECT_EQ(summaries->first().independenceSource, QStringLiteral("curated"));
    // The new tables refuse edits from the start.
    QSqlQuery q(m_db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO audit_log(at, actor, action) VALUES ('now', 'Bea', 'test')")))
        << str(q.lastError().text());
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE audit_log SET actor = 'Eve'")));
    EXPECT_TRUE(q.lastError().text().contains(QStringLiteral("append-only"))) << str(q.lastError().text());
    EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM audit_log")));
    EXPECT_EQ(rows(QStringLiteral("SELECT actor FROM audit_log")), QStringList { QStringLiteral("Bea") });
}

TEST_P(MigrationTest, StepwiseEqualsAllAtOnce)
{
    // Every step, one at a time (steps 6-8 hold PDFs, annotations and imports).
    QStringList versions;
    for (int version = 1; version <= Migrations::latestVersion(); ++version) {
        migrateTo(version);
        versions.append(QString::number(version));
    }
    const QStringList stepwise = schemaOf(*m_db);
    EXPECT_GT(stepwise.size(), 10);

    TempLibrary other;
    other.useBackend(GetParam());
    QString error;
    std::unique_ptr<Database> direct = Database::open(other.location(), &error);
    ASSERT_TRUE(direct) << str(error);
    EXPECT_EQ(stepwise, schemaOf(*direct));
    EXPECT_EQ(Migrations::currentVersion(*direct, &error), Migrations::latestVersion());
    EXPECT_EQ(rows(QStringLiteral("SELECT version FROM schema_version ORDER BY version")), versions);
}

TEST_P(MigrationTest, FailedStepRollsBackToThePreviousVersion)
{
    migrateTo(1);
    Study broken = study(QStringLiteral("sebo2014_sr"));
    insertV1Row(broken);
    QSqlQuery q(m_db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE studies SET record = '{not json'")));

    QString error;
    EXPECT_FALSE(Migrations::migrate(*m_db, 2, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("version 2"))) << str(error);
    EXPECT_TRUE(error.contains(QStringLiteral("damaged"))) << str(error);
    EXPECT_EQ(version(), 1);
    EXPECT_FALSE(tables().contains(QStringLiteral("study_text")));
    EXPECT_EQ(rows(QStringLiteral("SELECT id FROM studies")), QStringList { QStringLiteral("sebo2014_sr") });

    // Repaired, the same step goes through.
    QSqlQuery repair(m_db->connection());
    repair.prepare(QStringLiteral("UPDATE studies SET record = ?"));
    repair.addBindValue(QString::fromUtf8(QJsonDocument(studyToJson(broken)).toJson(QJsonDocument::Compact)));
    ASSERT_TRUE(repair.exec());
    migrateTo(2);
    EXPECT_EQ(idsMatching(QStringLiteral("sebo")), QStringList { QStringLiteral("sebo2014_sr") });
}

TEST_P(MigrationTest, UnknownTargetIsRefused)
{
    QString error;
    EXPECT_FALSE(Migrations::migrate(*m_db, Migrations::latestVersion() + 1, &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_EQ(version(), 0);
    EXPECT_FALSE(Migrations::migrate(*m_db, -1, &error));
}

TEST_P(MigrationTest, NewerLibraryIsRefused)
{
    migrateTo(Migrations::latestVersion());
    QSqlQuery q(m_db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO schema_version(version, applied_at) VALUES (99, 'future')")));
    QString error;
    EXPECT_FALSE(Migrations::migrate(*m_db, Migrations::latestVersion(), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("99"))) << str(error);
    EXPECT_TRUE(error.contains(QStringLiteral("newer"))) << str(error);
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationTest, kAllBackends, backendName);
