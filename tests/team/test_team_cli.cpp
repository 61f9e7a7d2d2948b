// mgreview-cli on a PostgreSQL library: --library postgresql://…, team init, team grant,
// and the database refusing what a role may not do.
#include "clirunner.h"
#include "corehelpers.h"

#include <QJsonArray>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class TeamCliTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(Backend::Postgres);
        m_library.useBackend(Backend::Postgres);
        m_url = m_library.location().url.toString();
    }
    void TearDown() override
    {
        QString error;
        for (const QString &user : std::as_const(m_users))
            EXPECT_TRUE(runAdminSql({QStringLiteral("DROP ROLE IF EXISTS %1").arg(user)}, &error)) << str(error);
    }
    CliResult cli(const QString &url, const QStringList &arguments) const
    {
        return m_runner.run(QStringList{QStringLiteral("--library"), url, QStringLiteral("--studies"),
                                        projectStudiesFolder()} + arguments);
    }
    QString loginFor(const QString &role)
    {
        const QString user = m_library.postgres()->name() + u'_' + role;
        QString error;
        EXPECT_TRUE(runAdminSql({QStringLiteral("CREATE ROLE %1 LOGIN").arg(user)}, &error)) << str(error);
        m_users.append(user);
        const CliResult granted = cli(m_url, {QStringLiteral("team"), QStringLiteral("grant"), user, role});
        EXPECT_EQ(granted.exitCode, 0) << str(granted.errText());
        return m_library.postgres()->url(user).toString();
    }

    TempLibrary m_library;
    QString m_url;
    QStringList m_users;
    CliRunner m_runner;
};

} // namespace

TEST_F(TeamCliTest, InitListSearchAndRoles)
{
    const CliResult init = cli(m_url, {QStringLiteral("team"), QStringLiteral("init")});
    ASSERT_EQ(init.exitCode, 0) << str(init.errText());
    EXPECT_TRUE(init.outText().contains(QStringLiteral("clinician, student, reviewer, editor"))) << str(init.outText());

    const CliResult list = cli(m_url, {QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(list.exitCode, 0) << str(list.errText());
    QString error;
    const std::optional<QJsonArray> studies = jsonArray(list, &error);
    ASSERT_TRUE(studies) << str(error);
    EXPECT_EQ(studies->size(), 20);
    const CliResult search = cli(m_url, {QStringLiteral("search"), QStringLiteral("Garrison"), QStringLiteral("--format"),
                                         QStringLiteral("json")});
    ASSERT_EQ(search.exitCode, 0) << str(search.errText());
    EXPECT_TRUE(idsOf(*jsonArray(search, &error)).contains(QStringLiteral("garrison2020_cochrane")));

    ASSERT_EQ(cli(m_url, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Bea"), QStringLiteral("--role"),
                          QStringLiteral("reviewer")}).exitCode, 0);
    const QString reviewer = loginFor(QStringLiteral("reviewer"));
    const QString clinician = loginFor(QStringLiteral("clinician"));
    const QStringList flag = {QStringLiteral("flag"), QStringLiteral("sebo2014_sr"), QStringLiteral("--as"),
                              QStringLiteral("unclear"), QStringLiteral("--reason"), QStringLiteral("not reported"),
                              QStringLiteral("--reviewer"), QStringLiteral("Bea")};
    const CliResult asClinician = cli(clinician, flag);
    EXPECT_EQ(asClinician.exitCode, 1);
    EXPECT_TRUE(asClinician.errText().contains(QStringLiteral("permission denied"))) << str(asClinician.errText());
    const CliResult asReviewer = cli(reviewer, flag);
    EXPECT_EQ(asReviewer.exitCode, 0) << str(asReviewer.errText());
    // The clinician still reads everything, including the reviewer's flag.
    const CliResult show = cli(clinician, {QStringLiteral("show"), QStringLiteral("sebo2014_sr")});
    EXPECT_EQ(show.exitCode, 0) << str(show.errText());
}

TEST_F(TeamCliTest, UnreachableServerFailsClearlyWithoutThePassword)
{
    const CliResult result = m_runner.run({QStringLiteral("--library"),
                                           QStringLiteral("postgresql://ann:s3cret-word@127.0.0.1:1/library"),
                                           QStringLiteral("list")});
    ASSERT_TRUE(result.finished);
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.errText().contains(QStringLiteral("postgresql://ann@127.0.0.1:1/library"))) << str(result.errText());
    EXPECT_FALSE(result.errText().contains(QStringLiteral("s3cret"))) << str(result.errText());
    EXPECT_FALSE(result.outText().contains(QStringLiteral("s3cret")));
}

TEST_F(TeamCliTest, TeamNeedsASubcommandAndAPostgresLibrary)
{
    const CliResult bare = cli(m_url, {QStringLiteral("team")});
    EXPECT_EQ(bare.exitCode, 2);
    EXPECT_TRUE(bare.errText().contains(QStringLiteral("team init"))) << str(bare.errText());
    TempLibrary file;
    const CliResult onFile = m_runner.run({QStringLiteral("--library"), file.path(), QStringLiteral("--no-seed"),
                                           QStringLiteral("team"), QStringLiteral("init")});
    EXPECT_EQ(onFile.exitCode, 1);
    EXPECT_TRUE(onFile.errText().contains(QStringLiteral("PostgreSQL"))) << str(onFile.errText());
}
