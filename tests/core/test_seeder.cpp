// Seeding from studies/: idempotent, never overwrites or resurrects, reports bad files.
#include "corehelpers.h"

#include "io/studyfile.h"
#include "model/vocabulary.h"
#include "store/seeder.h"
#include "store/studystore.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class SeederTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(GetParam());
        m_library.useBackend(GetParam());
        m_db = &m_library.open();
    }

    SeedReport seed(const QString &folder = projectStudiesFolder()) const
    {
        return seedLibrary(*m_db, folder, Vocabularies::builtin());
    }
    int count() const
    {
        QString error;
        return StudyStore(*m_db).count(&error);
    }
    std::optional<Study> load(const QString &id) const
    {
        QString error;
        std::optional<Study> s = StudyStore(*m_db).load(id, &error);
        EXPECT_TRUE(error.isEmpty()) << str(error);
        return s;
    }

    TempLibrary m_library;
    Database *m_db = nullptr;
};

// Copies some project study files into a folder.
bool copyStudies(const QString &target, const QStringList &ids)
{
    for (const QString &id : ids) {
        const QString name = id + QStringLiteral(".toml");
        if (!QFile::copy(projectStudiesFolder() + u'/' + name, target + u'/' + name))
            return false;
    }
    return true;
}

} // namespace

TEST_P(SeederTest, FirstSeedAddsAllTwenty)
{
    const SeedReport report = seed();
    EXPECT_TRUE(report.ok);
    EXPECT_TRUE(report.errors.isEmpty()) << str(report.errors.join(u'\n'));
    EXPECT_EQ(report.added, 20);
    EXPECT_EQ(report.alreadyPresent, 0);
    EXPECT_EQ(count(), 20);

    // What was stored is what the files say.
    QStringList errors;
    for (const Study &expected : projectStudies(&errors)) {
        const std::optional<Study> stored = load(expected.id);
        ASSERT_TRUE(stored) << str(expected.id);
        EXPECT_TRUE(sameStudy(expected, *stored));
    }
    // Every seeded study is logged with its file's checksum.
    QSqlQuery q(m_db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*), min(length(file_sha256)) FROM seed_log")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 20);
    EXPECT_EQ(q.value(1).toInt(), 64);
}

TEST_P(SeederTest, SecondSeedAddsNothing)
{
    ASSERT_EQ(seed().added, 20);
    const SeedReport again = seed();
    EXPECT_TRUE(again.ok);
    EXPECT_EQ(again.added, 0);
    EXPECT_EQ(again.alreadyPresent, 20);
    EXPECT_EQ(count(), 20);
}

TEST_P(SeederTest, SeedingNeverOverwritesAnEdit)
{
    ASSERT_EQ(seed().added, 20);
    ASSERT_EQ(seed().added, 0);
    Study edited = *load(QStringLiteral("garrison2020_cochrane"));
    edited.citation.title = QStringLiteral("My corrected title");
    edited.conclusions.append({ QStringLiteral("A conclusion I added."), QStringLiteral("full_text"), {}, {} });
    QString error;
    ASSERT_TRUE(StudyStore(*m_db).update(edited, &error)) << str(error);

    const SeedReport report = seed();
    EXPECT_EQ(report.added, 0);
    EXPECT_EQ(count(), 20);
    const std::optional<Study> after = load(QStringLiteral("garrison2020_cochrane"));
    ASSERT_TRUE(after);
    EXPECT_EQ(after->citation.title, QStringLiteral("My corrected title"));
    EXPECT_TRUE(sameStudy(edited, *after));
}

TEST_P(SeederTest, SeedingNeverResurrectsADeletedStudy)
{
    ASSERT_EQ(seed().added, 20);
    QString error;
    ASSERT_TRUE(StudyStore(*m_db).remove(QStringLiteral("barna2021_rct"), &error)) << str(error);
    const SeedReport report = seed();
    EXPECT_EQ(report.added, 0);
    EXPECT_EQ(report.alreadyPresent, 20);
    EXPECT_EQ(count(), 19);
    EXPECT_FALSE(load(QStringLiteral("barna2021_rct")));
}

TEST_P(SeederTest, StudyTheUserAlreadyHasIsNotReplaced)
{
    Study mine = fullStudy(QStringLiteral("sebo2014_sr"));
    QString error;
    ASSERT_TRUE(StudyStore(*m_db).insert(mine, &error)) << str(error);
    const SeedReport report = seed();
    EXPECT_TRUE(report.ok);
    EXPECT_EQ(report.added, 19);
    EXPECT_EQ(report.alreadyPresent, 1);
    EXPECT_TRUE(sameStudy(mine, *load(mine.id)));
}

TEST_P(SeederTest, NewlyShippedStudiesAreAddedLater)
{
    QTemporaryDir folder;
    ASSERT_TRUE(folder.isValid());
    ASSERT_TRUE(copyStudies(folder.path(), { QStringLiteral("dahle1995_rct"), QStringLiteral("frusso1999_rct") }));
    EXPECT_EQ(seed(folder.path()).added, 2);
    ASSERT_TRUE(copyStudies(folder.path(), { QStringLiteral("roffe2002_rct") }));
    const SeedReport report = seed(folder.path());
    EXPECT_EQ(report.added, 1);
    EXPECT_EQ(report.alreadyPresent, 2);
    EXPECT_EQ(count(), 3);
}

TEST_P(SeederTest, InvalidFileIsReportedAndValidOnesAreAdded)
{
    QTemporaryDir folder;
    ASSERT_TRUE(folder.isValid());
    ASSERT_TRUE(copyStudies(folder.path(),
        { QStringLiteral("nygaard2008_rct"), QStringLiteral("sebo2014_sr"), QStringLiteral("miller2022_jat") }));
    // A copy of a valid study with one vocabulary id misspelt on a known line.
    QByteArray text = readFileBytes(projectStudiesFolder() + QStringLiteral("/frusso1999_rct.toml"));
    ASSERT_FALSE(text.isEmpty());
    QList<QByteArray> lines = text.split('\n');
    int designLine = -1;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i) == "[design]") {
            designLine = i + 2; // 1-based number of the line after the header
            break;
        }
    }
    ASSERT_GT(designLine, 0);
    ASSERT_TRUE(lines.at(designLine - 1).startsWith("code = ")) << lines.at(designLine - 1).toStdString();
    lines[designLine - 1] = "code = \"randomised\"";
    const QString bad = folder.filePath(QStringLiteral("frusso1999_rct.toml"));
    ASSERT_TRUE(writeFileBytes(bad, lines.join('\n')));

    const SeedReport report = seed(folder.path());
    EXPECT_TRUE(report.ok);
    EXPECT_EQ(report.added, 3);
    ASSERT_EQ(report.errors.size(), 1) << str(report.errors.join(u'\n'));
    const QString expected = QStringLiteral("%1:%2:8: unknown design 'randomised'").arg(bad).arg(designLine);
    EXPECT_TRUE(report.errors.constFirst().startsWith(expected)) << str(report.errors.constFirst());
    EXPECT_EQ(count(), 3);
    EXPECT_FALSE(load(QStringLiteral("frusso1999_rct")));

    // Fixed, it is picked up by the next start.
    ASSERT_TRUE(QFile::remove(bad));
    ASSERT_TRUE(copyStudies(folder.path(), { QStringLiteral("frusso1999_rct") }));
    const SeedReport fixed = seed(folder.path());
    EXPECT_TRUE(fixed.errors.isEmpty()) << str(fixed.errors.join(u'\n'));
    EXPECT_EQ(fixed.added, 1);
}

TEST_P(SeederTest, MissingFolderIsReported)
{
    const QString folder = QStringLiteral("/nonexistent/studies");
    const SeedReport report = seed(folder);
    EXPECT_EQ(report.added, 0);
    ASSERT_EQ(report.errors.size(), 1);
    EXPECT_TRUE(report.errors.constFirst().startsWith(folder)) << str(report.errors.constFirst());
    EXPECT_EQ(count(), 0);
}

TEST(Seeder, FindsTheSourceTreeFolder)
{
    qputenv("MGREVIEW_STUDIES_DIR", projectStudiesFolder().toUtf8());
    EXPECT_EQ(QDir(findStudiesFolder()), QDir(projectStudiesFolder()));
    qunsetenv("MGREVIEW_STUDIES_DIR");
    EXPECT_FALSE(findStudiesFolder().isEmpty());
}

INSTANTIATE_TEST_SUITE_P(Backends, SeederTest, kAllBackends, backendName);
