// mgreview-cli import and duplicates, run as a process.
#include "clirunner.h"
#include "corehelpers.h"
#include "support/templibrary.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace mgreview::testing {
namespace {

class ImportCliTest : public ::testing::Test
{
protected:
    CliResult cli(const QStringList &arguments) const
    {
        return m_runner.run(QStringList{QStringLiteral("--library"), m_library.path(), QStringLiteral("--no-seed")} +
                            arguments);
    }
    QString file(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        EXPECT_TRUE(writeFileBytes(path, content));
        return path;
    }

    CliRunner m_runner;
    TempLibrary m_library;
    QTemporaryDir m_dir;
};

const QByteArray kRis =
    "TY  - JOUR\nTI  - Magnesium for nocturnal leg cramps in older adults\nAU  - Roffe, C\nPY  - 2002\n"
    "DO  - 10.1000/cli.1\nER  - \n"
    "junk line\n"
    "TY  - JOUR\nTI  - Magnesium for nocturnal leg cramps in older adults\nAU  - Roffe, C\nPY  - 2002\n"
    "DO  - 10.1000/cli.1\nER  - \n";

TEST_F(ImportCliTest, DryRunReportsAndWritesNothing)
{
    const QString ris = file(QStringLiteral("refs.ris"), kRis);
    const CliResult result = cli({QStringLiteral("import"), ris, QStringLiteral("--dry-run")});
    ASSERT_TRUE(result.finished);
    EXPECT_EQ(result.exitCode, 3) << "read with errors: " << str(result.errText());
    const QString out = result.outText();
    EXPECT_TRUE(out.contains(QStringLiteral("new")));
    EXPECT_TRUE(out.contains(ris + QStringLiteral(":1"))) << str(out);
    EXPECT_TRUE(out.contains(QStringLiteral("duplicate"))) << str(out);
    EXPECT_TRUE(out.contains(ris + QStringLiteral(":8"))) << str(out);
    EXPECT_TRUE(result.errText().contains(ris + QStringLiteral(":7: line outside a record was ignored: 'junk line'")))
        << str(result.errText());
    EXPECT_TRUE(result.errText().contains(QStringLiteral("1 new, 1 duplicate, 0 probable duplicate, 1 errors (dry run")))
        << str(result.errText());

    const CliResult list = cli({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    QString error;
    const std::optional<QJsonArray> studies = jsonArray(list, &error);
    ASSERT_TRUE(studies) << str(error);
    EXPECT_TRUE(studies->isEmpty()) << "a dry run imports nothing";
}

TEST_F(ImportCliTest, ImportJsonReportThenDuplicatesOnSecondRun)
{
    const QString ris = file(QStringLiteral("refs.ris"), "TY  - JOUR\nTI  - A study of magnesium and cramps\nAU  - Smith, J\n"
                                                         "PY  - 2010\nDO  - 10.1000/cli.2\nER  - \n");
    CliResult result = cli({QStringLiteral("import"), ris, QStringLiteral("--report"), QStringLiteral("json")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    QString error;
    std::optional<QJsonObject> report = jsonObject(result, &error);
    ASSERT_TRUE(report) << str(error);
    EXPECT_EQ(report->value(QStringLiteral("summary")).toObject().value(QStringLiteral("new")).toInt(), 1);
    EXPECT_EQ(report->value(QStringLiteral("imported")).toInt(), 1);
    const QString id = report->value(QStringLiteral("records")).toArray().at(0).toObject().value(QStringLiteral("id")).toString();
    EXPECT_TRUE(id.startsWith(QStringLiteral("smith2010_"))) << str(id);

    const CliResult show = cli({QStringLiteral("show"), id});
    EXPECT_EQ(show.exitCode, 0) << str(show.errText());
    EXPECT_TRUE(show.outText().contains(QStringLiteral("A study of magnesium and cramps")));

    result = cli({QStringLiteral("import"), ris, QStringLiteral("--report=json")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    report = jsonObject(result, &error);
    ASSERT_TRUE(report) << str(error);
    const QJsonObject record = report->value(QStringLiteral("records")).toArray().at(0).toObject();
    EXPECT_EQ(record.value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
    EXPECT_EQ(record.value(QStringLiteral("match")).toString(), id);
    EXPECT_EQ(record.value(QStringLiteral("line")).toInt(), 1);
}

TEST_F(ImportCliTest, ProbableDuplicatesMergeAndUndo)
{
    const QString a = file(QStringLiteral("a.ris"), "TY  - JOUR\nTI  - Magnesium for pregnancy leg cramps\nAU  - Dahle, L\n"
                                                    "PY  - 1995\nER  - \n");
    const QString b = file(QStringLiteral("b.nbib"), "PMID- 7654321\nTI  - Magnesium for pregnancy leg cramps.\n"
                                                     "FAU - Dahle, Lars\nDP  - 1996\n");
    ASSERT_EQ(cli({QStringLiteral("import"), a}).exitCode, 0);
    CliResult result = cli({QStringLiteral("import"), b, QStringLiteral("--format"), QStringLiteral("medline")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    EXPECT_TRUE(result.outText().contains(QStringLiteral("probable-duplicate"))) << str(result.outText());

    result = cli({QStringLiteral("duplicates"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    QString error;
    const std::optional<QJsonArray> list = jsonArray(result, &error);
    ASSERT_TRUE(list) << str(error);
    ASSERT_EQ(list->size(), 1);
    const QString imported = list->at(0).toObject().value(QStringLiteral("study")).toString();
    const QString existing = list->at(0).toObject().value(QStringLiteral("other")).toString();

    result = cli({QStringLiteral("duplicates"), QStringLiteral("merge"), existing, imported});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    const QString mergeId = result.outText().trimmed();
    EXPECT_EQ(cli({QStringLiteral("show"), imported}).exitCode, 1);
    const CliResult merged = cli({QStringLiteral("show"), existing, QStringLiteral("--format"), QStringLiteral("json")});
    EXPECT_TRUE(merged.outText().contains(QStringLiteral("7654321"))) << "the PMID came with the merge";

    result = cli({QStringLiteral("duplicates"), QStringLiteral("undo-merge"), mergeId});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    EXPECT_EQ(cli({QStringLiteral("show"), imported}).exitCode, 0);
}

TEST_F(ImportCliTest, UsageAndFailures)
{
    CliResult result = cli({QStringLiteral("import")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.errText().contains(QStringLiteral("'import' needs at least one file"))) << str(result.errText());
    result = cli({QStringLiteral("import"), QStringLiteral("x.ris"), QStringLiteral("--format"), QStringLiteral("word")});
    EXPECT_EQ(result.exitCode, 2);
    result = cli({QStringLiteral("import"), m_dir.filePath(QStringLiteral("missing.ris"))});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.errText().contains(QStringLiteral("missing.ris: no such file"))) << str(result.errText());
    result = cli({QStringLiteral("duplicates"), QStringLiteral("undo-merge"), QStringLiteral("zero")});
    EXPECT_EQ(result.exitCode, 2);
    result = cli({QStringLiteral("duplicates"), QStringLiteral("undo-merge"), QStringLiteral("42")});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.errText().contains(QStringLiteral("no merge 42"))) << str(result.errText());
}

} // namespace
} // namespace mgreview::testing
