// `mgreview-cli export` end to end: each format to a file and to standard output, the funding
// filter, search and ids, the studies/ folder, and usage and write errors with their exit
// statuses (a failed export leaves no file).
#include "clifixture.h"
#include "csvreader.h"

#include "importexport/csvexport.h"
#include "io/studyfile.h"
#include "model/vocabulary.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class CliExportTest : public CliProcessTest
{
protected:
    QString path(const QString &name) const { return m_scratch.filePath(name); }

    /// The ids of a RIS file's records ("ID  - …" lines).
    static QSet<QString> risIds(const QByteArray &ris)
    {
        QSet<QString> ids;
        for (const QString &line : QString::fromUtf8(ris).split(QStringLiteral("\r\n")))
            if (line.startsWith(QStringLiteral("ID  - ")))
                ids.insert(line.mid(6));
        return ids;
    }
    /// Ids of the studies `list --filter FILTER --format json` prints.
    QSet<QString> listedIds(const QString &filter) const
    {
        const QStringList ids = idsOf(listJson({QStringLiteral("--filter"), filter}));
        return QSet<QString>(ids.cbegin(), ids.cend());
    }
};

TEST_F(CliExportTest, RisFileWithIndependentFilterHoldsOnlyIndependentStudies)
{
    const QString file = path(QStringLiteral("independent.ris"));
    const CliResult result = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ris"),
                                  QStringLiteral("--filter"), QStringLiteral("independent"), QStringLiteral("-o"), file});
    ASSERT_TRUE(result.finished);
    EXPECT_EQ(result.exitCode, 0) << str(result.errText());
    EXPECT_TRUE(result.out.isEmpty());
    EXPECT_TRUE(result.errText().startsWith(QStringLiteral("Exported "))) << str(result.errText());
    const QByteArray ris = readFileBytes(file);
    const QSet<QString> ids = risIds(ris);
    EXPECT_FALSE(ids.isEmpty());
    EXPECT_EQ(ids, listedIds(QStringLiteral("independent")));
    EXPECT_FALSE(ids.contains(QStringLiteral("dahle1995_rct")));
    EXPECT_FALSE(ids.contains(QStringLiteral("nygaard2008_rct")));
    EXPECT_FALSE(ids.contains(QStringLiteral("barna2021_rct")));
}

TEST_F(CliExportTest, CsvToStandardOutputParsesAndFollowsSearchAndIds)
{
    CliResult result = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                            QStringLiteral("--search"), QStringLiteral("magnesium cramps")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    QString error;
    std::optional<QVector<QStringList>> rows = readCsv(result.outText(), &error);
    ASSERT_TRUE(rows) << str(error);
    EXPECT_EQ(rows->first(), exportCsvColumns());
    const CliResult search = cli({QStringLiteral("search"), QStringLiteral("magnesium"), QStringLiteral("cramps"),
                                  QStringLiteral("--format"), QStringLiteral("json")});
    const std::optional<QJsonArray> found = jsonArray(search, &error);
    ASSERT_TRUE(found) << str(error);
    QStringList csvIds;
    for (const QStringList &row : rows->mid(1))
        csvIds.append(row.first());
    EXPECT_EQ(csvIds, idsOf(*found));

    result = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--bom"),
                  QStringLiteral("--ids"), QStringLiteral("garrison2020_cochrane,miller2010_sportshealth")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    EXPECT_TRUE(result.out.startsWith("\xEF\xBB\xBFid,"));
    rows = readCsv(QString::fromUtf8(result.out.mid(3)), &error);
    ASSERT_TRUE(rows) << str(error);
    EXPECT_EQ(rows->size(), 3);
}

TEST_F(CliExportTest, BibtexAndJsonFiles)
{
    const QString bib = path(QStringLiteral("out.bib"));
    CliResult result = cli({QStringLiteral("export"), QStringLiteral("--format=bibtex"), QStringLiteral("-o"), bib});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    EXPECT_TRUE(QString::fromUtf8(readFileBytes(bib)).contains(QStringLiteral("doi = {10.1002/14651858.CD009402.pub3}")));

    // JSON is what `list --format json` prints, for the same filter.
    result = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--filter"),
                  QStringLiteral("industry-linked")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    const CliResult list = cli({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json"),
                                QStringLiteral("--filter"), QStringLiteral("industry-linked")});
    EXPECT_EQ(result.out, list.out);
}

TEST_F(CliExportTest, StudiesFolderReadsBackAsTheProjectStudies)
{
    const QString folder = path(QStringLiteral("exported"));
    const CliResult result = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("studies"),
                                  QStringLiteral("-o"), folder});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    QStringList errors;
    const QVector<LoadedStudy> reread = readStudyFolder(folder, Vocabularies::builtin(), &errors);
    EXPECT_TRUE(errors.isEmpty()) << str(errors.join(u'\n'));
    const QVector<Study> originals = projectStudies(&errors);
    ASSERT_EQ(reread.size(), originals.size());
    for (qsizetype i = 0; i < originals.size(); ++i)
        EXPECT_TRUE(sameStudy(originals.at(i), reread.at(i).study));

    // Seeding a new library from the export gives the same list.
    TempLibrary other;
    const CliResult relisted = m_runner.run({QStringLiteral("--library"), other.path(), QStringLiteral("--studies"), folder,
                                             QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    EXPECT_EQ(relisted.out, cli({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")}).out);

    // A second export into the now full folder is refused, and the folder is left alone.
    const CliResult again = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("studies"),
                                 QStringLiteral("-o"), folder});
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.errText().contains(QStringLiteral("not empty"))) << str(again.errText());
    EXPECT_EQ(QDir(folder).entryList(QDir::Files).size(), originals.size());
}

TEST_F(CliExportTest, ReviewerDecisionOutranksTheCuratedValueInExports)
{
    // garrison2020_cochrane is curated "unclear"; a reviewer judges it independent.
    ASSERT_EQ(cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Ann"), QStringLiteral("--role"),
                   QStringLiteral("reviewer")})
                  .exitCode,
              0);
    const CliResult flag = cli({QStringLiteral("flag"), QStringLiteral("garrison2020_cochrane"), QStringLiteral("--as"),
                                QStringLiteral("independent"), QStringLiteral("--reason"),
                                QStringLiteral("test: public funding only"), QStringLiteral("--reviewer"), QStringLiteral("Ann")});
    ASSERT_EQ(flag.exitCode, 0) << str(flag.errText());

    const CliResult result = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                                  QStringLiteral("--filter"), QStringLiteral("independent")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    QString error;
    const std::optional<QVector<QStringList>> rows = readCsv(result.outText(), &error);
    ASSERT_TRUE(rows) << str(error);
    const qsizetype source = exportCsvColumns().indexOf(QStringLiteral("independence_source"));
    bool found = false;
    for (const QStringList &row : rows->mid(1)) {
        if (row.first() == u"garrison2020_cochrane") {
            found = true;
            EXPECT_EQ(row.at(source), QStringLiteral("reviewer"));
        }
    }
    EXPECT_TRUE(found) << "the reviewer's decision puts the study under 'independent'";

    // RIS notes say who decided and why.
    const CliResult ris = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ris"),
                               QStringLiteral("--ids"), QStringLiteral("garrison2020_cochrane")});
    ASSERT_EQ(ris.exitCode, 0) << str(ris.errText());
    const QRegularExpression note(QStringLiteral(
        "N1  - Funding independence: independent; source: reviewer; reason: Ann, [0-9-]+: test: public funding only\r\n"));
    EXPECT_TRUE(note.match(ris.outText()).hasMatch()) << str(ris.outText());
}

TEST_F(CliExportTest, UsageErrorsExitTwo)
{
    expectUsageError(cli({QStringLiteral("export")}), QStringLiteral("'export' needs --format"));
    expectUsageError(cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml")}),
                     QStringLiteral("invalid format 'xml' (expected ris, bibtex, csv, json or studies)"));
    expectUsageError(cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("studies")}),
                     QStringLiteral("'export --format studies' writes a folder"));
    expectUsageError(cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ris"), QStringLiteral("--bom")}),
                     QStringLiteral("option '--bom' applies to '--format csv' only"));
    expectUsageError(cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ris"), QStringLiteral("--filter"),
                          QStringLiteral("pharma")}),
                     QStringLiteral("invalid filter 'pharma'"));
    expectUsageError(cli({QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("x")}),
                     QStringLiteral("option '--search' does not apply to 'list'"));
}

TEST_F(CliExportTest, UnwritablePathsAndUnknownIdsExitOneAndLeaveNoFile)
{
    const QString missing = path(QStringLiteral("no/such/dir/out.ris"));
    CliResult result = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ris"), QStringLiteral("-o"), missing});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.errText().startsWith(QStringLiteral("mgreview-cli: ") + missing)) << str(result.errText());
    EXPECT_FALSE(QFileInfo::exists(missing));

    const QString file = path(QStringLiteral("keep.csv"));
    ASSERT_TRUE(writeFileBytes(file, "mine\n"));
    result = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--ids"),
                  QStringLiteral("garrison2020_cochrane,nope"), QStringLiteral("-o"), file});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.errText().contains(QStringLiteral("no study with id 'nope'"))) << str(result.errText());
    EXPECT_EQ(readFileBytes(file), QByteArray("mine\n"));
    EXPECT_EQ(QDir(m_scratch.path()).entryList(QDir::Files), QStringList{QStringLiteral("keep.csv")});

    result = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ris"), QStringLiteral("-o"), m_scratch.path()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.errText().contains(QStringLiteral("is a folder"))) << str(result.errText());
}

} // namespace
