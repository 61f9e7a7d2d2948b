// mgreview-cli rules check and classify: exit statuses, located errors, explanations, and
// that classification never overwrites curated values.
#include "clifixture.h"

#include <QFile>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

QString writeRules(const QTemporaryDir &dir, const QByteArray &text)
{
    const QString path = dir.filePath(QStringLiteral("rules.toml"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return path;
}

const QByteArray kBrokenRules = "[[rule]]\nid = \"x\"\ntarget = \"design\"\nvalue = \"rtc\"\nreason = \"r\"\n"
                                "when = { field = \"titel\", contains = \"x\" }\n";

TEST_F(CliProcessTest, RulesCheckAcceptsAValidFile)
{
    const CliResult result = m_runner.run({QStringLiteral("rules"), QStringLiteral("check"),
                                           QStringLiteral(MGREVIEW_SOURCE_DIR "/resources/rules/default.toml")});
    ASSERT_TRUE(result.finished);
    EXPECT_EQ(result.exitCode, 0) << str(result.errText());
    EXPECT_TRUE(result.outText().contains(QStringLiteral(": valid, "))) << str(result.outText());
}

TEST_F(CliProcessTest, RulesCheckReportsEachErrorWithLineAndColumn)
{
    const QString path = writeRules(m_scratch, kBrokenRules);
    const CliResult result = m_runner.run({QStringLiteral("rules"), QStringLiteral("check"), path});
    ASSERT_TRUE(result.finished);
    EXPECT_EQ(result.exitCode, 1);
    const QStringList lines = result.errText().split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3) << str(result.errText());
    EXPECT_TRUE(lines.at(0).startsWith(path + QStringLiteral(":4:9: unknown design value 'rtc'")));
    EXPECT_TRUE(lines.at(1).startsWith(path + QStringLiteral(":6:18: unknown field 'titel'")));
    EXPECT_EQ(lines.at(2), QStringLiteral("mgreview-cli: %1: 2 error(s)").arg(path));
}

TEST_F(CliProcessTest, RulesCheckUsageAndMissingFile)
{
    expectUsageError(m_runner.run({QStringLiteral("rules")}), QStringLiteral("'rules' needs a subcommand"));
    expectUsageError(m_runner.run({QStringLiteral("rules"), QStringLiteral("check")}),
                     QStringLiteral("'rules check' needs the rules file"));
    const CliResult missing = m_runner.run({QStringLiteral("rules"), QStringLiteral("check"), QStringLiteral("/nonexistent.toml")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.errText().startsWith(QStringLiteral("/nonexistent.toml: cannot read"))) << str(missing.errText());
}

TEST_F(CliProcessTest, ClassifyExplainNamesRuleFieldAndMatchedText)
{
    const CliResult result = cli({QStringLiteral("classify"), QStringLiteral("--explain")});
    ASSERT_TRUE(result.finished);
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    EXPECT_TRUE(result.errText().startsWith(QStringLiteral("classified 20 studies with "))) << str(result.errText());
    const QString out = result.outText();
    const qsizetype nygaard = out.indexOf(QStringLiteral("nygaard2008_rct\n"));
    ASSERT_GE(nygaard, 0);
    const QString block = out.mid(nygaard, out.indexOf(QStringLiteral("\nroffe2002_rct")) - nygaard);
    EXPECT_TRUE(block.contains(QStringLiteral("independence industry-linked/product-supplied [curated]"))) << str(block);
    EXPECT_TRUE(block.contains(QStringLiteral(
        "* independence = industry-linked/product-supplied  rule independence.product_supplied  funding_notes[0] ")))
        << str(block);
    EXPECT_TRUE(block.contains(QStringLiteral("\"both provided by the manufacturer\""))) << str(block);
    EXPECT_TRUE(block.contains(QStringLiteral("- independence = industry-linked/author-paid  rule independence.author_paid  coi[0]")))
        << "the losing suggestion stays visible: " << str(block);
}

TEST_F(CliProcessTest, ClassifyJsonNamesSourcesAndKeepsCuratedValues)
{
    const CliResult result = cli({QStringLiteral("classify"), QStringLiteral("--format"), QStringLiteral("json"),
                                  QStringLiteral("--explain")});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    QString error;
    const std::optional<QJsonArray> array = jsonArray(result, &error);
    ASSERT_TRUE(array) << str(error);
    ASSERT_EQ(array->size(), 20);
    for (const QJsonValue &value : *array) {
        const QJsonObject o = value.toObject();
        const QJsonObject by = o[u"classified_by"].toObject();
        if (o[u"id"].toString() == u"garrison2011_infusion_rct") {
            // No verified conclusion: direction neither curated nor suggested.
            EXPECT_EQ(by[u"direction"].toString(), QStringLiteral("none"));
            EXPECT_EQ(o[u"direction"].toString(), QString());
        }
        if (o[u"id"].toString() == u"barna2021_rct") {
            EXPECT_EQ(by[u"independence"].toString(), QStringLiteral("curated"));
            EXPECT_EQ(o[u"independence"].toObject()[u"value"].toString(), QStringLiteral("industry-linked"));
            bool sawRule = false;
            for (const QJsonValue &s : o[u"suggestions"].toArray()) {
                const QJsonObject suggestion = s.toObject();
                if (suggestion[u"rule"].toString() == u"independence.industry_funder") {
                    sawRule = true;
                    EXPECT_EQ(suggestion[u"field"].toString(), QStringLiteral("funder_types"));
                    EXPECT_EQ(suggestion[u"matched_text"].toString(), QStringLiteral("supplement_industry"));
                    EXPECT_TRUE(suggestion[u"winning"].toBool());
                }
            }
            EXPECT_TRUE(sawRule);
        }
    }
}

TEST_F(CliProcessTest, UserRulesCanOverrideButNeverOverwriteCuratedValues)
{
    // A user rule that calls everything "independent" with the highest priority.
    const QString path = writeRules(m_scratch,
                                    "[[rule]]\nid = \"user.everything_independent\"\ntarget = \"independence\"\n"
                                    "value = \"independent\"\npriority = 1000\nreason = \"test\"\n"
                                    "when = { field = \"title\", regex = \".\" }\n");
    const CliResult result = cli({QStringLiteral("classify"), QStringLiteral("--rules"), path});
    ASSERT_EQ(result.exitCode, 0) << str(result.errText());
    // Curated industry-linked studies stay industry-linked, for the filter too.
    const QStringList independent = idsOf(listJson({QStringLiteral("--filter"), QStringLiteral("independent")}));
    EXPECT_FALSE(independent.contains(QStringLiteral("dahle1995_rct")));
    EXPECT_FALSE(independent.contains(QStringLiteral("nygaard2008_rct")));
    EXPECT_FALSE(independent.contains(QStringLiteral("barna2021_rct")));
    const QJsonObject dahle = showJson(QStringLiteral("dahle1995_rct"));
    EXPECT_EQ(dahle[u"independence"].toObject()[u"source"].toString(), QStringLiteral("curated"));
    EXPECT_EQ(dahle[u"classified_by"].toObject()[u"independence"].toString(), QStringLiteral("curated"));
}

TEST_F(CliProcessTest, ClassifyWithBrokenUserRulesChangesNothing)
{
    ASSERT_EQ(cli({QStringLiteral("classify")}).exitCode, 0);
    const QString before = cli({QStringLiteral("classify"), QStringLiteral("--format"), QStringLiteral("json")}).outText();
    const QString path = writeRules(m_scratch, kBrokenRules);
    const CliResult result = cli({QStringLiteral("classify"), QStringLiteral("--rules"), path});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.errText().contains(path + QStringLiteral(":6:18: unknown field 'titel'"))) << str(result.errText());
    EXPECT_TRUE(result.errText().contains(QStringLiteral("nothing was classified")));
    EXPECT_EQ(cli({QStringLiteral("classify"), QStringLiteral("--format"), QStringLiteral("json")}).outText(), before);
}

TEST_F(CliProcessTest, ClassifyRefusesCsv)
{
    expectUsageError(cli({QStringLiteral("classify"), QStringLiteral("--format"), QStringLiteral("csv")}),
                     QStringLiteral("'classify' writes table or json"));
}

} // namespace
