// mgreview-cli end to end, its output: the real executable run through QProcess against a
// temporary library seeded from studies/. JSON keys and verbatim text, CSV that parses back,
// tables, the independence filter, full-text search and its order.
#include "clifixture.h"
#include "csvreader.h"

#include <QRegularExpression>

#include <algorithm>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

TEST_F(CliProcessTest, ListJsonPrintsEveryStudyWithTheRequiredKeys)
{
    const CliResult result = cli({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_TRUE(result.finished);
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    EXPECT_TRUE(result.err.isEmpty()) << "the project's studies must seed without messages: " << str(result.errText());
    QString error;
    const std::optional<QJsonArray> array = jsonArray(result, &error);
    ASSERT_TRUE(array) << str(error);
    ASSERT_EQ(array->size(), 20);

    QStringList ids = idsOf(*array);
    ids.sort();
    EXPECT_EQ(ids, projectStudyIds());

    const QStringList strings{QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("doi"),
                              QStringLiteral("pmid"), QStringLiteral("design"), QStringLiteral("direction")};
    const QStringList arrays{QStringLiteral("authors"), QStringLiteral("populations"), QStringLiteral("cramp_types"),
                             QStringLiteral("conclusions")};
    const QStringList independenceValues{QStringLiteral("independent"), QStringLiteral("industry-linked"),
                                         QStringLiteral("unclear")};
    for (const QJsonValue &value : *array) {
        const QJsonObject study = value.toObject();
        const std::string id = str(study.value(u"id").toString());
        for (const QString &key : strings)
            EXPECT_TRUE(study.value(key).isString()) << id << ": " << str(key);
        for (const QString &key : arrays)
            EXPECT_TRUE(study.value(key).isArray()) << id << ": " << str(key);
        EXPECT_TRUE(study.value(u"year").isDouble()) << id;
        EXPECT_FALSE(study.value(u"id").toString().isEmpty());
        // An unknown title stays empty, and then says why.
        EXPECT_TRUE(!study.value(u"title").toString().isEmpty()
                    || study.value(u"not_verified").toObject().contains(QStringLiteral("title")))
            << id;
        const QJsonObject independence = study.value(u"independence").toObject();
        EXPECT_TRUE(independenceValues.contains(independence.value(u"value").toString())) << id;
        EXPECT_TRUE(independence.value(u"source").isString() && !independence.value(u"source").toString().isEmpty()) << id;
        EXPECT_TRUE(independence.value(u"reason").isString()) << id;
        for (const QJsonValue &c : study.value(u"conclusions").toArray()) {
            EXPECT_TRUE(c.toObject().value(u"text").isString()) << id;
            EXPECT_TRUE(c.toObject().value(u"source").isString()) << id;
        }
        EXPECT_TRUE(study.value(u"not_verified").isObject()) << id;
    }
}

TEST_F(CliProcessTest, ShowJsonHasTheVerbatimConclusionAndMarksThePmidNotVerified)
{
    const QJsonObject study = showJson(QStringLiteral("garrison2020_cochrane"));
    EXPECT_EQ(study.value(u"id").toString(), QStringLiteral("garrison2020_cochrane"));
    EXPECT_EQ(study.value(u"doi").toString(), QStringLiteral("10.1002/14651858.CD009402.pub3"));
    const QJsonArray conclusions = study.value(u"conclusions").toArray();
    ASSERT_EQ(conclusions.size(), 1);
    EXPECT_EQ(conclusions.at(0).toObject().value(u"text").toString(), kGarrisonConclusion);
    EXPECT_EQ(conclusions.at(0).toObject().value(u"source").toString(), QStringLiteral("secondary_page"));
    ASSERT_TRUE(study.value(u"pmid").isString());
    EXPECT_EQ(study.value(u"pmid").toString(), QString());
    EXPECT_TRUE(study.value(u"not_verified").toObject().contains(QStringLiteral("pmid")));
    const QJsonObject independence = study.value(u"independence").toObject();
    EXPECT_EQ(independence.value(u"value").toString(), QStringLiteral("unclear"));
    EXPECT_EQ(independence.value(u"source").toString(), QStringLiteral("curated"));
    EXPECT_FALSE(independence.value(u"reason").toString().isEmpty());
}

TEST_F(CliProcessTest, ShowTableIsAReadableRecordWithNotVerifiedMarks)
{
    const CliResult result = cli({QStringLiteral("show"), QStringLiteral("garrison2020_cochrane")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    const QString text = result.outText();
    EXPECT_TRUE(text.startsWith(QStringLiteral("garrison2020_cochrane\n")));
    EXPECT_TRUE(text.contains(kGarrisonConclusion)) << "the conclusion must appear unbroken";
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("\n  PMID +not verified")))) << str(text);
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("\n  DOI +10\\.1002/14651858\\.CD009402\\.pub3"))));
    EXPECT_TRUE(text.contains(QStringLiteral("Source: Secondary page")));
    for (const char *heading : {"Citation", "Study", "Authors' conclusions (verbatim)", "What secondary sources claim",
                                "Funding and conflicts of interest", "Funding independence"})
        EXPECT_TRUE(text.contains(u'\n' + QString::fromUtf8(heading) + u'\n')) << heading;
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("\n  Design +Cochrane"))));
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("\n  Sample size +735"))));
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("\n  Independence +Unclear"))));
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("\n +Source: curated \\(studies/ file\\)\n +Reason: unverified"))));
}

TEST_F(CliProcessTest, ShowCsvIsOneRowWithHeader)
{
    const CliResult result = cli({QStringLiteral("show"), QStringLiteral("nygaard2008_rct"), QStringLiteral("--format=csv")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    QString error;
    const auto records = readCsv(result.outText(), &error);
    ASSERT_TRUE(records) << str(error);
    ASSERT_EQ(records->size(), 2);
    EXPECT_EQ(records->at(1).at(0), QStringLiteral("nygaard2008_rct"));
    EXPECT_EQ(records->at(1).at(8), QStringLiteral("industry-linked"));
}

TEST_F(CliProcessTest, IndependenceFilterSelectsByClassification)
{
    const QJsonArray independent = listJson({QStringLiteral("--filter"), QStringLiteral("independent")});
    ASSERT_FALSE(independent.isEmpty());
    const QStringList independentIds = idsOf(independent);
    for (const char *id : {"dahle1995_rct", "nygaard2008_rct", "barna2021_rct"})
        EXPECT_FALSE(independentIds.contains(QString::fromLatin1(id))) << id;
    for (const QJsonValue &v : independent)
        EXPECT_EQ(v[u"independence"][u"value"].toString(), QStringLiteral("independent"));

    const QJsonArray linked = listJson({QStringLiteral("--filter=industry-linked")});
    const QStringList linkedIds = idsOf(linked);
    for (const char *id : {"dahle1995_rct", "nygaard2008_rct", "barna2021_rct"})
        EXPECT_TRUE(linkedIds.contains(QString::fromLatin1(id))) << id;
    for (const QJsonValue &v : linked)
        EXPECT_EQ(v[u"independence"][u"value"].toString(), QStringLiteral("industry-linked"));

    const QJsonArray unclear = listJson({QStringLiteral("--filter"), QStringLiteral("unclear")});
    const QJsonArray all = listJson({QStringLiteral("--filter"), QStringLiteral("all")});
    EXPECT_EQ(all.size(), 20);
    EXPECT_EQ(independent.size() + linked.size() + unclear.size(), all.size());
}

TEST_F(CliProcessTest, CsvParsesBackWithAHeaderAndOneRowPerStudy)
{
    const CliResult result = cli({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    const QString text = result.outText();
    EXPECT_EQ(text.count(QStringLiteral("\r\n")), 21);
    QString error;
    const auto records = readCsv(text, &error);
    ASSERT_TRUE(records) << str(error);
    ASSERT_EQ(records->size(), 21);
    EXPECT_EQ(records->at(0).join(u','), QStringLiteral("id,first_author,year,title,design,populations,cramp_types,"
                                                       "direction,independence,independence_source,doi,pmid"));
    const QJsonArray json = listJson();
    ASSERT_EQ(json.size(), 20);
    for (qsizetype row = 1; row < records->size(); ++row) {
        const QStringList &fields = records->at(row);
        ASSERT_EQ(fields.size(), 12) << row;
        const QJsonObject study = json.at(row - 1).toObject();
        EXPECT_EQ(fields.at(0), study.value(u"id").toString()) << "same order as the JSON list";
        // The title column falls back to the citation as given when the title is not known.
        const QString title = study.value(u"title").toString();
        EXPECT_EQ(fields.at(3), title.isEmpty() ? study.value(u"citation").toObject().value(u"text").toString() : title);
        EXPECT_EQ(fields.at(8), study.value(u"independence").toObject().value(u"value").toString());
        EXPECT_EQ(fields.at(10), study.value(u"doi").toString());
        EXPECT_EQ(fields.at(11), study.value(u"pmid").toString());
    }
    // Titles with commas are the reason for quoting: barna2021_rct has one.
    EXPECT_TRUE(text.contains(QStringLiteral(",\"A randomized, double-blind")));
}

TEST_F(CliProcessTest, SearchFindsAnAuthor)
{
    const CliResult result = cli({QStringLiteral("search"), QStringLiteral("Nygaard"), QStringLiteral("--format"),
                                  QStringLiteral("json")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    QString error;
    const auto array = jsonArray(result, &error);
    ASSERT_TRUE(array) << str(error);
    EXPECT_TRUE(idsOf(*array).contains(QStringLiteral("nygaard2008_rct")));

    const CliResult table = cli({QStringLiteral("search"), QStringLiteral("Nygaard")});
    EXPECT_EQ(table.exitCode, 0);
    EXPECT_TRUE(table.outText().contains(QStringLiteral("\nnygaard2008_rct ")));
}

TEST_F(CliProcessTest, SearchResultsContainEveryTermAndKeepLibraryOrder)
{
    const CliResult result = cli({QStringLiteral("search"), QStringLiteral("magnesium pregnancy"),
                                  QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    QString error;
    const auto array = jsonArray(result, &error);
    ASSERT_TRUE(array) << str(error);
    const QStringList found = idsOf(*array);
    ASSERT_FALSE(found.isEmpty());

    // Search matches word beginnings in title, authors, conclusions and identifiers.
    const auto searchable = [](const QJsonObject &s) {
        QStringList parts{s.value(u"id").toString(), s.value(u"title").toString(), s.value(u"doi").toString(),
                          s.value(u"pmid").toString(), s.value(u"citation").toObject().value(u"journal").toString(),
                          s.value(u"abstract").toString()};
        for (const QJsonValue &v : s.value(u"authors").toArray())
            parts.append(v.toString());
        for (const QJsonValue &v : s.value(u"keywords").toArray())
            parts.append(v.toString());
        for (const QJsonValue &v : s.value(u"conclusions").toArray())
            parts.append(v.toObject().value(u"text").toString());
        return parts.join(u'\n');
    };
    const QRegularExpression magnesium(QStringLiteral("\\bmagnesium"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpression pregnancy(QStringLiteral("\\bpregnancy"), QRegularExpression::CaseInsensitiveOption);
    for (const QString &id : found) {
        const QString text = searchable(showJson(id));
        EXPECT_TRUE(text.contains(magnesium)) << str(id);
        EXPECT_TRUE(text.contains(pregnancy)) << str(id);
    }

    // Nothing that holds both terms is missing, and results come in library order.
    QStringList expected;
    for (const QJsonValue &v : listJson()) {
        const QString text = searchable(v.toObject());
        if (text.contains(magnesium) && text.contains(pregnancy))
            expected.append(v.toObject().value(u"id").toString());
    }
    EXPECT_EQ(found, expected);
}

TEST_F(CliProcessTest, SearchWithFilterAndWithoutWords)
{
    const CliResult linked = cli({QStringLiteral("search"), QStringLiteral("pregnancy"), QStringLiteral("--filter"),
                                  QStringLiteral("industry-linked"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(linked.exitCode, 0) << str(linked.errText());
    QString error;
    const auto array = jsonArray(linked, &error);
    ASSERT_TRUE(array) << str(error);
    EXPECT_EQ(idsOf(*array), (QStringList{QStringLiteral("dahle1995_rct"), QStringLiteral("nygaard2008_rct")}));

    const CliResult nothing = cli({QStringLiteral("search"), QStringLiteral("zzzyxq"), QStringLiteral("--format"),
                                   QStringLiteral("json")});
    EXPECT_EQ(nothing.exitCode, 0);
    EXPECT_EQ(jsonArray(nothing, &error).value_or(QJsonArray{QJsonValue(1)}), QJsonArray());

    const CliResult punctuation = cli({QStringLiteral("search"), QStringLiteral("...")});
    EXPECT_EQ(punctuation.exitCode, 2);
    EXPECT_TRUE(punctuation.out.isEmpty());
}

TEST_F(CliProcessTest, RunningTwiceNeverDuplicatesStudies)
{
    EXPECT_EQ(listJson().size(), 20);
    EXPECT_EQ(listJson().size(), 20);
    const CliResult table = cli({QStringLiteral("list")});
    EXPECT_EQ(table.exitCode, 0);
    EXPECT_TRUE(table.outText().endsWith(QStringLiteral("\n20 studies\n"))) << str(table.outText());
}

TEST_F(CliProcessTest, TableTruncatesTitlesAndAlignsColumns)
{
    const CliResult result = cli({QStringLiteral("list")});
    ASSERT_EQ(result.exitCode, 0);
    const QStringList lines = result.outText().split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 22); // header, 20 rows, count
    const qsizetype titleColumn = lines.at(0).indexOf(QStringLiteral("TITLE"));
    ASSERT_GT(titleColumn, 0);
    // Without a terminal, lines are laid out for 120 columns; titles keep at least 30.
    const qsizetype maxWidth = std::max<qsizetype>(120, titleColumn + 30);
    bool truncated = false;
    for (qsizetype i = 1; i <= 20; ++i) {
        EXPECT_LE(lines.at(i).size(), maxWidth) << str(lines.at(i));
        EXPECT_EQ(lines.at(i).at(titleColumn - 1), u' ') << str(lines.at(i));
        EXPECT_NE(lines.at(i).at(titleColumn), u' ') << str(lines.at(i));
        truncated = truncated || lines.at(i).endsWith(QChar(0x2026));
    }
    EXPECT_TRUE(truncated) << "some of the 20 titles are longer than the space left";
}

} // namespace
