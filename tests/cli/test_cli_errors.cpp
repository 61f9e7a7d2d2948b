// mgreview-cli end to end, when things go wrong or defaults apply: exit statuses and
// messages of usage errors, unknown ids and unreadable libraries; seeding (invalid files,
// unclassified studies, --no-seed, the default studies folder and library); help, version.
#include "clifixture.h"
#include "csvreader.h"

#include <QFile>
#include <QRegularExpression>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

TEST_F(CliProcessTest, UnknownStudyIdExitsOneWithAMessage)
{
    const CliResult result = cli({QStringLiteral("show"), QStringLiteral("nope")});
    ASSERT_TRUE(result.finished);
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.out.isEmpty());
    EXPECT_EQ(result.errText(), QStringLiteral("mgreview-cli: no study with id 'nope'\n"));
}

TEST_F(CliProcessTest, UsageErrorsExitTwo)
{
    expectUsageError(cli({QStringLiteral("list"), QStringLiteral("--bogus")}), QStringLiteral("unknown option '--bogus'"));
    expectUsageError(m_runner.run({QStringLiteral("--bogus"), QStringLiteral("list")}),
                     QStringLiteral("unknown option '--bogus'"));
    expectUsageError(cli({QStringLiteral("frobnicate")}), QStringLiteral("unknown command 'frobnicate'"));
    expectUsageError(m_runner.run({}), QStringLiteral("no command given"));
    expectUsageError(cli({QStringLiteral("show")}), QStringLiteral("'show' needs a study ID"));
    expectUsageError(cli({QStringLiteral("search")}), QStringLiteral("'search' needs the text"));
    expectUsageError(cli({QStringLiteral("list"), QStringLiteral("--format")}),
                     QStringLiteral("option '--format' needs a value"));
    expectUsageError(cli({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("xml")}),
                     QStringLiteral("invalid format 'xml'"));
    expectUsageError(cli({QStringLiteral("list"), QStringLiteral("--filter"), QStringLiteral("pharma")}),
                     QStringLiteral("invalid filter 'pharma'"));
    expectUsageError(cli({QStringLiteral("show"), QStringLiteral("a"), QStringLiteral("b")}),
                     QStringLiteral("unexpected argument 'b' for 'show'"));
    expectUsageError(cli({QStringLiteral("show"), QStringLiteral("a"), QStringLiteral("--filter"), QStringLiteral("all")}),
                     QStringLiteral("option '--filter' does not apply to 'show'"));
}

TEST_F(CliProcessTest, GarbageLibraryFileExitsOneNamingTheFileAndLeavesItAlone)
{
    const QString path = m_scratch.filePath(QStringLiteral("notes.txt"));
    const QByteArray content = "These are my notes, not a database.\n";
    ASSERT_TRUE(writeFileBytes(path, content));
    const CliResult result = m_runner.run({QStringLiteral("--library"), path, QStringLiteral("list")});
    ASSERT_TRUE(result.finished);
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.out.isEmpty());
    EXPECT_TRUE(result.errText().startsWith(QStringLiteral("mgreview-cli: "))) << str(result.errText());
    EXPECT_TRUE(result.errText().contains(path)) << str(result.errText());
    EXPECT_EQ(readFileBytes(path), content);
}

TEST_F(CliProcessTest, FolderAsLibraryExitsOneNamingIt)
{
    const QString folder = m_scratch.filePath(QStringLiteral("a folder"));
    ASSERT_TRUE(QDir().mkpath(folder));
    const CliResult result = m_runner.run({QStringLiteral("--library"), folder, QStringLiteral("list")});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.out.isEmpty());
    EXPECT_TRUE(result.errText().contains(folder)) << str(result.errText());
}

TEST_F(CliProcessTest, InvalidStudyFilesAreReportedButDoNotStopTheCommand)
{
    QString error;
    const QByteArray good = readFileBytes(QDir(projectStudiesFolder()).filePath(QStringLiteral("nygaard2008_rct.toml")));
    ASSERT_FALSE(good.isEmpty());
    const QString folder = studiesFolder({{QStringLiteral("nygaard2008_rct.toml"), good},
                                          {QStringLiteral("broken.toml"), "id = \"broken\"\n[citation\n"}});
    const CliResult result = m_runner.run({QStringLiteral("--library"), m_library.path(), QStringLiteral("--studies"),
                                           folder, QStringLiteral("list"), QStringLiteral("--format"),
                                           QStringLiteral("json")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    const auto array = jsonArray(result, &error);
    ASSERT_TRUE(array) << str(error);
    EXPECT_EQ(idsOf(*array), QStringList{QStringLiteral("nygaard2008_rct")});
    EXPECT_TRUE(result.errText().contains(QRegularExpression(QStringLiteral("broken\\.toml:\\d+:\\d+: "))))
        << str(result.errText());
}

TEST_F(CliProcessTest, UnclassifiedStudyGetsAValidIndependence)
{
    // A study file without an [independence] table (and no not_verified entry for it).
    QString text = QString::fromUtf8(
        readFileBytes(QDir(projectStudiesFolder()).filePath(QStringLiteral("garrison2020_cochrane.toml"))));
    text.remove(QRegularExpression(QStringLiteral("\\n\\[independence\\]\\n(?:[^\\[\\n][^\\n]*\\n|\\n)*")));
    text.remove(QRegularExpression(QStringLiteral("\\nindependence = [^\\n]*")));
    text.append(u'\n');
    ASSERT_FALSE(text.contains(QStringLiteral("[independence]")));
    const QString folder = studiesFolder({{QStringLiteral("garrison2020_cochrane.toml"), text.toUtf8()}});
    const CliResult result = m_runner.run({QStringLiteral("--library"), m_library.path(), QStringLiteral("--studies"),
                                           folder, QStringLiteral("show"), QStringLiteral("garrison2020_cochrane"),
                                           QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    QString error;
    const auto study = jsonObject(result, &error);
    ASSERT_TRUE(study) << str(error);
    const QJsonObject independence = study->value(u"independence").toObject();
    EXPECT_EQ(independence.value(u"value").toString(), QStringLiteral("unclear"));
    EXPECT_EQ(independence.value(u"source").toString(), QStringLiteral("none"));
    EXPECT_EQ(independence.value(u"reason").toString(), QStringLiteral("not classified yet"));
}

TEST_F(CliProcessTest, NoSeedLeavesANewLibraryEmpty)
{
    const CliResult result = m_runner.run({QStringLiteral("--library"), m_library.path(), QStringLiteral("--no-seed"),
                                           QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    QString error;
    EXPECT_EQ(jsonArray(result, &error).value_or(QJsonArray{QJsonValue(1)}), QJsonArray());
    EXPECT_TRUE(QFile::exists(m_library.path()));
}

TEST_F(CliProcessTest, DefaultStudiesFolderComesFromTheEnvironment)
{
    const QByteArray good = readFileBytes(QDir(projectStudiesFolder()).filePath(QStringLiteral("dahle1995_rct.toml")));
    const QString folder = studiesFolder({{QStringLiteral("dahle1995_rct.toml"), good}});
    m_runner.environment().insert(QStringLiteral("MGREVIEW_STUDIES_DIR"), folder);
    const CliResult result = m_runner.run({QStringLiteral("--library"), m_library.path(), QStringLiteral("list"),
                                           QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    QString error;
    const auto array = jsonArray(result, &error);
    ASSERT_TRUE(array) << str(error);
    EXPECT_EQ(idsOf(*array), QStringList{QStringLiteral("dahle1995_rct")});
}

TEST_F(CliProcessTest, DefaultLibraryLivesInTheUserDataFolder)
{
    // No --library: the app's default library, inside the private HOME the runner sets.
    const QString dataHome = m_runner.environment().value(QStringLiteral("XDG_DATA_HOME"));
    const CliResult result = m_runner.run({QStringLiteral("--studies"), projectStudiesFolder(), QStringLiteral("list"),
                                           QStringLiteral("--format"), QStringLiteral("csv")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    EXPECT_EQ(result.outText().count(QStringLiteral("\r\n")), 21);
    // The app's data folder (organization and application name "MgReview", as the GUI sets them).
    EXPECT_TRUE(QFile::exists(dataHome + QStringLiteral("/MgReview/MgReview/library.sqlite")));
}

TEST_F(CliProcessTest, MissingStudiesFolderIsAnError)
{
    const QString missing = m_scratch.filePath(QStringLiteral("no-such-folder"));
    const CliResult result = m_runner.run({QStringLiteral("--library"), m_library.path(), QStringLiteral("--studies"),
                                           missing, QStringLiteral("list")});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.out.isEmpty());
    EXPECT_TRUE(result.errText().contains(missing)) << str(result.errText());
}

TEST_F(CliProcessTest, HelpAndVersion)
{
    const CliResult help = m_runner.run({QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.err.isEmpty());
    for (const char *word : {"Usage: mgreview-cli", "list", "show ID", "search TEXT", "--format", "--filter",
                             "--library", "--no-seed"})
        EXPECT_TRUE(help.outText().contains(QString::fromUtf8(word))) << word;
    EXPECT_EQ(m_runner.run({QStringLiteral("list"), QStringLiteral("-h")}).exitCode, 0);

    const CliResult version = m_runner.run({QStringLiteral("--version")});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_EQ(version.outText(), QStringLiteral("mgreview-cli " MGREVIEW_VERSION "\n"));
}

} // namespace
