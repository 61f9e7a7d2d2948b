// The round trip end to end with the real mgreview-cli: export the seeded library in each
// format, import the file into a new library, and compare `list --format json` of both.
// JSON and studies/ carry everything: the lists are equal. RIS, BibTeX and CSV carry the
// fields of the table in docs/formats/export.md#round-trips: those are compared.
#include "clirunner.h"
#include "corehelpers.h"
#include "support/templibrary.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace mgreview::testing {
namespace {

class CliRoundTripTest : public ::testing::TestWithParam<const char *>
{
protected:
    CliResult cli(const QString &library, const QStringList &arguments, bool seed = false) const
    {
        QStringList all{QStringLiteral("--library"), library};
        all += seed ? QStringList{QStringLiteral("--studies"), projectStudiesFolder()}
                    : QStringList{QStringLiteral("--no-seed")};
        return m_runner.run(all + arguments);
    }
    QJsonArray list(const QString &library) const
    {
        const CliResult result = cli(library, {QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
        QString error;
        const std::optional<QJsonArray> array = jsonArray(result, &error);
        EXPECT_TRUE(array) << str(error) << str(result.errText());
        return array.value_or(QJsonArray());
    }

    CliRunner m_runner;
    QTemporaryDir m_dir;
};

QHash<QString, QJsonObject> byId(const QJsonArray &array)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &v : array)
        out.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
    return out;
}

QJsonArray conclusionTexts(const QJsonObject &study)
{
    QJsonArray out;
    for (const QJsonValue &c : study.value(QStringLiteral("conclusions")).toArray())
        out.append(c.toObject().value(QStringLiteral("text")));
    return out;
}

TEST_P(CliRoundTripTest, ExportThenImportIntoANewLibraryListsTheSameStudies)
{
    const QString format = QString::fromLatin1(GetParam());
    const QString source = m_dir.filePath(QStringLiteral("source.sqlite"));
    const QString target = m_dir.filePath(QStringLiteral("target.sqlite"));
    // Seeded and classified, as import classifies what it adds.
    const CliResult classify = cli(source, {QStringLiteral("classify")}, true);
    ASSERT_TRUE(classify.finished && classify.exitCode == 0) << str(classify.errText());
    const QString file = m_dir.filePath(format == u"studies" ? QStringLiteral("out") : QStringLiteral("out.") + format);
    const CliResult exported = cli(source, {QStringLiteral("export"), QStringLiteral("--format"), format,
                                            QStringLiteral("-o"), file});
    ASSERT_TRUE(exported.finished && exported.exitCode == 0) << str(exported.errText());
    const CliResult imported = cli(target, {QStringLiteral("import"), file, QStringLiteral("--format"), format});
    ASSERT_TRUE(imported.finished) << str(imported.errText());
    ASSERT_EQ(imported.exitCode, 0) << str(imported.outText()) << str(imported.errText());

    const QJsonArray before = list(source);
    const QJsonArray after = list(target);
    ASSERT_EQ(before.size(), 20);
    if (format == u"json" || format == u"studies") {
        EXPECT_EQ(after, before) << "every field, every study";
        return;
    }
    const QHash<QString, QJsonObject> back = byId(after);
    ASSERT_EQ(back.size(), before.size());
    const QStringList carried{QStringLiteral("title"), QStringLiteral("authors"), QStringLiteral("year"),
                              QStringLiteral("doi"), QStringLiteral("pmid"), QStringLiteral("not_verified")};
    for (const QJsonValue &v : before) {
        const QJsonObject original = v.toObject();
        const QString id = original.value(QStringLiteral("id")).toString();
        ASSERT_TRUE(back.contains(id)) << str(id) << " via " << str(format);
        const QJsonObject read = back.value(id);
        for (const QString &key : carried)
            EXPECT_EQ(read.value(key), original.value(key)) << str(id) << ": " << str(key) << " via " << str(format);
        EXPECT_EQ(conclusionTexts(read), conclusionTexts(original)) << str(id) << " via " << str(format);
        // A curated independence comes back as curated; rule values are the rules' again.
        const QJsonObject by = original.value(QStringLiteral("classified_by")).toObject();
        if (by.value(QStringLiteral("independence")).toString() == u"curated")
            EXPECT_EQ(read.value(QStringLiteral("independence")), original.value(QStringLiteral("independence")))
                << str(id) << " via " << str(format);
    }
}

// A filtered export brings back exactly the studies the filter shows.
TEST_P(CliRoundTripTest, FilteredExportImportsTheFilteredStudies)
{
    const QString format = QString::fromLatin1(GetParam());
    const QString source = m_dir.filePath(QStringLiteral("source.sqlite"));
    const QString target = m_dir.filePath(QStringLiteral("target.sqlite"));
    const QString file = m_dir.filePath(format == u"studies" ? QStringLiteral("out") : QStringLiteral("out.") + format);
    const QStringList filter{QStringLiteral("--filter"), QStringLiteral("industry-linked")};
    const CliResult exported = cli(source, QStringList{QStringLiteral("export"), QStringLiteral("--format"), format,
                                                       QStringLiteral("-o"), file} + filter, true);
    ASSERT_TRUE(exported.finished && exported.exitCode == 0) << str(exported.errText());
    const CliResult imported = cli(target, {QStringLiteral("import"), file, QStringLiteral("--format"), format});
    ASSERT_EQ(imported.exitCode, 0) << str(imported.errText());
    const CliResult shown = cli(source, QStringList{QStringLiteral("list"), QStringLiteral("--format"),
                                                    QStringLiteral("json")} + filter);
    QString error;
    const std::optional<QJsonArray> expected = jsonArray(shown, &error);
    ASSERT_TRUE(expected) << str(error);
    ASSERT_FALSE(expected->isEmpty());
    ASSERT_LT(expected->size(), 20) << "the filter must select a part of the corpus";
    QStringList ids = idsOf(list(target));
    ids.sort();
    QStringList wanted = idsOf(*expected);
    wanted.sort();
    EXPECT_EQ(ids, wanted);
}

INSTANTIATE_TEST_SUITE_P(EveryFormat, CliRoundTripTest,
                         ::testing::Values("ris", "bibtex", "csv", "json", "studies"),
                         [](const ::testing::TestParamInfo<const char *> &param) { return std::string(param.param); });

} // namespace
} // namespace mgreview::testing
