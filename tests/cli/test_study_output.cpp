// core/format/studyoutput: CSV quoting, JSON with the effective independence, the table
// and the single-study record.
#include "csvreader.h"

#include "corehelpers.h"
#include "format/studyoutput.h"
#include "model/vocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

StudySummary row(const QString &id, const QString &title)
{
    StudySummary s;
    s.id = id;
    s.firstAuthor = QStringLiteral("Doe");
    s.year = 2001;
    s.title = title;
    s.design = QStringLiteral("rct");
    s.populations = {QStringLiteral("older_adults"), QStringLiteral("pregnant_women")};
    s.crampTypes = {QStringLiteral("nocturnal_idiopathic")};
    s.direction = QStringLiteral("benefit");
    s.independence = QStringLiteral("unclear");
    s.independenceSource = QStringLiteral("none");
    return s;
}

TEST(StudyOutput, FormatWords)
{
    for (const OutputFormat f : {OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv})
        EXPECT_EQ(outputFormatFromString(toString(f)), f);
    EXPECT_EQ(toString(OutputFormat::Csv), QStringLiteral("csv"));
    EXPECT_FALSE(outputFormatFromString(QStringLiteral("xml")));
    EXPECT_FALSE(outputFormatFromString(QStringLiteral("JSON")));
}

TEST(StudyOutput, CsvFieldQuotesOnlyWhatNeedsIt)
{
    EXPECT_EQ(csvField(QStringLiteral("plain text")), QStringLiteral("plain text"));
    EXPECT_EQ(csvField(QString()), QString());
    EXPECT_EQ(csvField(QStringLiteral("a, b")), QStringLiteral("\"a, b\""));
    EXPECT_EQ(csvField(QStringLiteral("say \"no\"")), QStringLiteral("\"say \"\"no\"\"\""));
    EXPECT_EQ(csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    EXPECT_EQ(csvField(QStringLiteral("cr\rhere")), QStringLiteral("\"cr\rhere\""));
    EXPECT_EQ(csvField(QStringLiteral("Araújo – “quoted”")), QStringLiteral("Araújo – “quoted”"));
}

TEST(StudyOutput, CsvRoundTripsAwkwardFields)
{
    const QVector<StudySummary> rows{
        row(QStringLiteral("a"), QStringLiteral("Commas, \"quotes\" and\nnew lines\r\nand CRLF")),
        row(QStringLiteral("b"), QStringLiteral("Plain")),
        row(QStringLiteral("c"), QStringLiteral(",\"")),
    };
    const QString csv = studiesToCsv(rows);
    EXPECT_TRUE(csv.endsWith(QStringLiteral("\r\n")));
    QString error;
    const auto records = readCsv(csv, &error);
    ASSERT_TRUE(records) << str(error) << "\n" << str(csv);
    ASSERT_EQ(records->size(), 4);
    EXPECT_EQ(records->at(0), studyCsvColumns());
    for (int i = 0; i < rows.size(); ++i) {
        const QStringList &fields = records->at(i + 1);
        ASSERT_EQ(fields.size(), 12);
        EXPECT_EQ(fields.at(0), rows.at(i).id);
        EXPECT_EQ(fields.at(1), QStringLiteral("Doe"));
        EXPECT_EQ(fields.at(2), QStringLiteral("2001"));
        EXPECT_EQ(fields.at(3), rows.at(i).title);
        EXPECT_EQ(fields.at(5), QStringLiteral("older_adults;pregnant_women"));
        EXPECT_EQ(fields.at(9), QStringLiteral("none"));
    }
}

TEST(StudyOutput, CsvOfNothingIsTheHeader)
{
    EXPECT_EQ(studiesToCsv({}), studyCsvColumns().join(u',') + QStringLiteral("\r\n"));
}

TEST(StudyOutput, SummarizeProjectsLikeTheStore)
{
    Study s = fullStudy();
    StudySummary r = summarize(s);
    EXPECT_EQ(r.id, s.id);
    EXPECT_EQ(r.firstAuthor, QStringLiteral("Doe"));
    EXPECT_EQ(r.title, s.citation.title);
    EXPECT_EQ(r.independence, QStringLiteral("industry-linked"));
    EXPECT_EQ(r.independenceSource, QStringLiteral("curated"));
    s.citation.title.clear();
    s.independence = {};
    r = summarize(s);
    EXPECT_EQ(r.title, s.citation.text);
    EXPECT_EQ(r.independence, QStringLiteral("unclear"));
    EXPECT_EQ(r.independenceSource, QStringLiteral("none"));
    EXPECT_EQ(r.independenceReason, QStringLiteral("not classified yet"));
}

TEST(StudyOutput, JsonCarriesTheEffectiveIndependence)
{
    Study s = fullStudy();
    QJsonObject o = studyToOutputJson(s);
    EXPECT_EQ(o[u"independence"][u"value"].toString(), QStringLiteral("industry-linked"));
    EXPECT_EQ(o[u"independence"][u"source"].toString(), QStringLiteral("curated"));

    s.independence = {};
    s.ids.pmid.clear();
    s.notVerified.insert(QStringLiteral("pmid"), QStringLiteral("unverified"));
    o = studyToOutputJson(s);
    EXPECT_EQ(o[u"independence"][u"value"].toString(), QStringLiteral("unclear"));
    EXPECT_EQ(o[u"independence"][u"source"].toString(), QStringLiteral("none"));
    EXPECT_EQ(o[u"independence"][u"reason"].toString(), QStringLiteral("not classified yet"));
    EXPECT_EQ(o[u"pmid"].toString(), QString());
    EXPECT_EQ(o[u"not_verified"][u"pmid"].toString(), QStringLiteral("unverified"));
    EXPECT_EQ(o[u"conclusions"][0][u"text"].toString(), s.conclusions.at(0).text);

    const QJsonDocument array = QJsonDocument::fromJson(studiesToJsonText({s, fullStudy(QStringLiteral("second"))}));
    ASSERT_TRUE(array.isArray());
    EXPECT_EQ(array.array().size(), 2);
    EXPECT_EQ(array.array().at(1)[u"id"].toString(), QStringLiteral("second"));
    EXPECT_TRUE(studyToJsonText(s).endsWith('\n'));
    EXPECT_EQ(QJsonDocument::fromJson(studiesToJsonText({})).array().size(), 0);
}

TEST(StudyOutput, TruncateTextEndsInAnEllipsis)
{
    EXPECT_EQ(truncateText(QStringLiteral("short"), 10), QStringLiteral("short"));
    EXPECT_EQ(truncateText(QStringLiteral("exactly10!"), 10), QStringLiteral("exactly10!"));
    const QString cut = truncateText(QStringLiteral("a rather long title indeed"), 10);
    EXPECT_LE(cut.size(), 10);
    EXPECT_TRUE(cut.endsWith(QChar(0x2026)));
    EXPECT_TRUE(QStringLiteral("a rather long title indeed").startsWith(cut.chopped(1)));
    EXPECT_EQ(truncateText(QStringLiteral("two\nlines"), 20), QStringLiteral("two lines"));
}

TEST(StudyOutput, TableAlignsColumnsAndKeepsLinesShort)
{
    const QVector<StudySummary> rows{
        row(QStringLiteral("short_id"), QStringLiteral("Short")),
        row(QStringLiteral("a_much_longer_study_id_here"), QString(200, u'x')),
    };
    const QString table = studiesToTable(rows, Vocabularies::builtin(), 120);
    const QStringList lines = table.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 4);
    const qsizetype titleColumn = lines.at(0).indexOf(QStringLiteral("TITLE"));
    EXPECT_EQ(lines.at(1).indexOf(QStringLiteral("Short")), titleColumn);
    EXPECT_EQ(lines.at(2).indexOf(u'x'), titleColumn);
    EXPECT_EQ(lines.at(2).size(), 120);
    EXPECT_TRUE(lines.at(2).endsWith(QChar(0x2026)));
    EXPECT_TRUE(lines.at(1).contains(QStringLiteral("RCT"))) << "design shows its short label";
    EXPECT_EQ(lines.at(3), QStringLiteral("2 studies"));
    EXPECT_EQ(studiesToTable({}, Vocabularies::builtin()), QStringLiteral("No studies.\n"));
}

TEST(StudyOutput, RecordShowsEveryConclusionVerbatimAndMarksUnverifiedFacts)
{
    Study s = fullStudy();
    s.ids.pmid.clear();
    s.notVerified.insert(QStringLiteral("pmid"), QStringLiteral("PubMed record not retrieved"));
    s.funding.statement.clear();
    const QString text = studyToText(s, Vocabularies::builtin());
    EXPECT_TRUE(text.startsWith(s.id + u'\n'));
    for (const Conclusion &c : s.conclusions)
        EXPECT_TRUE(text.contains(c.text)) << str(c.text);
    for (const Claim &c : s.claims)
        EXPECT_TRUE(text.contains(c.text)) << str(c.text);
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("\n  PMID +not verified \\(PubMed record not retrieved\\)\n"))))
        << str(text);
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("\n  DOI +10\\.1000/xyz\\.123"))));
    EXPECT_TRUE(text.contains(QStringLiteral("Source: Abstract — PubMed abstract")));
    EXPECT_TRUE(text.contains(QStringLiteral("Reason: manufacturer supplied product and placebo")));
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("\n  Funding statement +not verified \\(declarations not retrieved\\)\n"))))
        << str(text);
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("\n  Sample size +46\n"))));

    s.independence = {};
    const QString unclassified = studyToText(s, Vocabularies::builtin());
    EXPECT_TRUE(unclassified.contains(QRegularExpression(QStringLiteral("Independence +Unclear\n +Source: none\n +Reason: not classified yet"))))
        << str(unclassified);
}

} // namespace
