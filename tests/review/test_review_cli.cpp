// The review workflow through the real mgreview-cli: profiles, flags with refusals, the
// independence filter following reviewers, conflicts and resolutions, agreement, undo and
// CSV exports that read back.
#include "clifixture.h"
#include "csvreader.h"

#include "review/reviewoutput.h"

#include <QFile>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class ReviewCliTest : public CliProcessTest
{
protected:
    void SetUp() override
    {
        for (const auto &[name, role] : { std::pair { "Bea", "reviewer" }, std::pair { "Carl", "reviewer" },
                 std::pair { "Dan", "reviewer" }, std::pair { "Ann", "clinician" }, std::pair { "Stu", "student" } }) {
            const CliResult r = cli({ QStringLiteral("profile"), QStringLiteral("add"), QString::fromUtf8(name),
                QStringLiteral("--role"), QString::fromUtf8(role) });
            ASSERT_EQ(r.exitCode, 0) << str(r.errText());
            ASSERT_EQ(
                r.outText(), QStringLiteral("added %1 '%2'\n").arg(QString::fromUtf8(role), QString::fromUtf8(name)));
        }
    }
    CliResult flag(const QString &id, const QStringList &judgement, const QString &reviewer)
    {
        return cli(QStringList { QStringLiteral("flag"), id } + judgement
            + QStringList { QStringLiteral("--reviewer"), reviewer });
    }
    QStringList listIds(const QString &filter)
    {
        QStringList ids = idsOf(listJson({ QStringLiteral("--filter"), filter }));
        ids.sort();
        return ids;
    }
    /// The change number that flag / resolve print first ("change N: ...").
    static QString changeOf(const CliResult &r) { return r.outText().section(u':', 0, 0).section(u' ', 1, 1); }
};

const QStringList kIndustryTrials
    = { QStringLiteral("barna2021_rct"), QStringLiteral("dahle1995_rct"), QStringLiteral("nygaard2008_rct") };

} // namespace

TEST_F(ReviewCliTest, ProfileList)
{
    const CliResult r = cli(
        { QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json") });
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    QString error;
    const std::optional<QJsonArray> array = jsonArray(r, &error);
    ASSERT_TRUE(array) << str(error);
    ASSERT_EQ(array->size(), 5);
    EXPECT_EQ(array->at(0).toObject().value(u"name").toString(), QStringLiteral("Ann"));
    EXPECT_EQ(array->at(0).toObject().value(u"role").toString(), QStringLiteral("clinician"));
    const CliResult table = cli({ QStringLiteral("profile"), QStringLiteral("list") });
    EXPECT_TRUE(table.outText().contains(QStringLiteral("Carl  reviewer\n"))) << str(table.outText());
    const CliResult duplicate = cli({ QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("carl"),
        QStringLiteral("--role"), QStringLiteral("student") });
    EXPECT_EQ(duplicate.exitCode, 1);
    EXPECT_TRUE(duplicate.errText().contains(QStringLiteral("a profile named 'Carl' already exists")));
}

TEST_F(ReviewCliTest, FlagRefusesEveryoneButReviewers)
{
    const QStringList judgement = { QStringLiteral("--as"), QStringLiteral("independent"), QStringLiteral("--reason"),
        QStringLiteral("academic") };
    CliResult r = flag(QStringLiteral("sebo2014_sr"), judgement, QStringLiteral("Ann"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.out.isEmpty());
    EXPECT_TRUE(r.errText().contains(QStringLiteral("mgreview-cli: clinician 'Ann' may not record funding judgements")))
        << str(r.errText());
    r = flag(QStringLiteral("sebo2014_sr"), judgement, QStringLiteral("Stu"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(QStringLiteral("student 'Stu' may not record funding judgements")));
    r = flag(QStringLiteral("sebo2014_sr"), judgement, QStringLiteral("Zed"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(QStringLiteral("no profile named 'Zed' (add one with: mgreview-cli profile add")))
        << str(r.errText());
    r = flag(QStringLiteral("no_such_study"), judgement, QStringLiteral("Bea"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(QStringLiteral("no study with id 'no_such_study'")));
    // Usage mistakes are exit 2 and name what is missing.
    r = cli({ QStringLiteral("flag"), QStringLiteral("sebo2014_sr"), QStringLiteral("--as"),
        QStringLiteral("industry-linked"), QStringLiteral("--reason"), QStringLiteral("x"),
        QStringLiteral("--reviewer"), QStringLiteral("Bea") });
    expectUsageError(r, QStringLiteral("'flag' '--as industry-linked' needs --link"));
    r = cli({ QStringLiteral("flag"), QStringLiteral("sebo2014_sr"), QStringLiteral("--as"),
        QStringLiteral("independent"), QStringLiteral("--reviewer"), QStringLiteral("Bea") });
    expectUsageError(r, QStringLiteral("'flag' needs --reason TEXT"));
    r = cli({ QStringLiteral("flag"), QStringLiteral("sebo2014_sr"), QStringLiteral("--as"),
        QStringLiteral("independent"), QStringLiteral("--reason"), QStringLiteral("x") });
    expectUsageError(r, QStringLiteral("'flag' needs --reviewer NAME"));
    r = cli({ QStringLiteral("flag"), QStringLiteral("sebo2014_sr"), QStringLiteral("--as"),
        QStringLiteral("independent"), QStringLiteral("--reason"), QStringLiteral("x"), QStringLiteral("--page"),
        QStringLiteral("0"), QStringLiteral("--reviewer"), QStringLiteral("Bea") });
    expectUsageError(r, QStringLiteral("invalid page '0'"));
    // Nothing was recorded.
    const CliResult exported = cli(
        { QStringLiteral("review"), QStringLiteral("export"), QStringLiteral("--what"), QStringLiteral("judgements") });
    EXPECT_EQ(exported.outText(), judgementCsvColumns().join(u',') + QStringLiteral("\r\n"));
}

TEST_F(ReviewCliTest, TheFilterFollowsReviewers)
{
    // The seeded industry-linked trials never pass "independent only".
    EXPECT_EQ(listIds(QStringLiteral("industry-linked")), kIndustryTrials);
    for (const QString &id : kIndustryTrials)
        EXPECT_FALSE(listIds(QStringLiteral("independent")).contains(id)) << str(id);

    // A curated-unclear study flagged industry-linked leaves "unclear" and joins "industry-linked".
    const QString study = QStringLiteral("supakatisant2015_rct");
    ASSERT_TRUE(listIds(QStringLiteral("unclear")).contains(study));
    CliResult r = flag(study,
        { QStringLiteral("--as"), QStringLiteral("industry-linked"), QStringLiteral("--link"),
            QStringLiteral("product-supplied"), QStringLiteral("--reason"),
            QStringLiteral("magnesium bisglycinate chelate manufactured by Albion"), QStringLiteral("--evidence"),
            QStringLiteral("Grant for Development of New Faculty Staff, Chulalongkorn University.") },
        QStringLiteral("Bea"));
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    EXPECT_TRUE(r.outText().startsWith(QStringLiteral("change ")));
    EXPECT_TRUE(
        r.outText().endsWith(QStringLiteral(": Bea judged supakatisant2015_rct industry-linked (product-supplied)\n")))
        << str(r.outText());
    EXPECT_TRUE(r.err.isEmpty()) << "a verbatim quote needs no warning: " << str(r.errText());
    EXPECT_FALSE(listIds(QStringLiteral("unclear")).contains(study));
    EXPECT_EQ(listIds(QStringLiteral("industry-linked")), (kIndustryTrials + QStringList { study }));

    // list/show JSON carry the reviewer as the source, with the reason and the evidence.
    const QJsonObject shown = showJson(study);
    const QJsonObject independence = shown.value(u"independence").toObject();
    EXPECT_EQ(independence.value(u"value").toString(), QStringLiteral("industry-linked"));
    EXPECT_EQ(independence.value(u"link").toString(), QStringLiteral("product-supplied"));
    EXPECT_EQ(independence.value(u"source").toString(), QStringLiteral("reviewer"));
    EXPECT_TRUE(independence.value(u"reason").toString().contains(QStringLiteral("Evidence (funding statement)")))
        << str(independence.value(u"reason").toString());
    EXPECT_EQ(shown.value(u"classified_by").toObject().value(u"independence").toString(), QStringLiteral("reviewer"));
    const CliResult text = cli({ QStringLiteral("show"), study });
    EXPECT_TRUE(text.outText().contains(QStringLiteral("Source: reviewer"))) << str(text.outText());

    // Undo by change number puts the curated value back.
    r = cli({ QStringLiteral("review"), QStringLiteral("undo"), changeOf(r), QStringLiteral("--reviewer"),
        QStringLiteral("Bea") });
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    EXPECT_TRUE(listIds(QStringLiteral("unclear")).contains(study));
    EXPECT_EQ(showJson(study).value(u"independence").toObject().value(u"source").toString(), QStringLiteral("curated"));
    // The redo takes the undo's number.
    r = cli({ QStringLiteral("review"), QStringLiteral("redo"), changeOf(r), QStringLiteral("--reviewer"),
        QStringLiteral("Bea") });
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    EXPECT_TRUE(listIds(QStringLiteral("industry-linked")).contains(study));
}

TEST_F(ReviewCliTest, ConflictResolutionAgreementAndExports)
{
    const QString study = QStringLiteral("cohenhagai2018_rct");
    const QStringList independent = { QStringLiteral("--as"), QStringLiteral("independent"), QStringLiteral("--reason"),
        QStringLiteral("investigator-initiated") };
    const QStringList unclear = { QStringLiteral("--as"), QStringLiteral("unclear"), QStringLiteral("--reason"),
        QStringLiteral("Funding not reported"), QStringLiteral("--evidence"), QStringLiteral("as he said") };
    ASSERT_EQ(flag(study, independent, QStringLiteral("Bea")).exitCode, 0);
    // Blinded: Carl cannot see Bea's judgement before recording his own.
    CliResult r = cli({ QStringLiteral("review"), QStringLiteral("show"), study, QStringLiteral("--reviewer"),
        QStringLiteral("Carl") });
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    EXPECT_FALSE(r.outText().contains(QStringLiteral("Bea"))) << str(r.outText());
    EXPECT_TRUE(r.outText().contains(QStringLiteral("1 other reviewer(s) judged this study")));

    r = flag(study, unclear, QStringLiteral("Carl"));
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    EXPECT_TRUE(r.errText().contains(QStringLiteral("warning: the evidence is not a verbatim quote")))
        << str(r.errText());
    EXPECT_TRUE(r.errText().contains(QStringLiteral("disagree"))) << str(r.errText());
    EXPECT_FALSE(listIds(QStringLiteral("independent")).contains(study));

    r = cli(
        { QStringLiteral("review"), QStringLiteral("conflicts"), QStringLiteral("--format"), QStringLiteral("json") });
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    QString error;
    std::optional<QJsonArray> conflicts = jsonArray(r, &error);
    ASSERT_TRUE(conflicts) << str(error);
    ASSERT_EQ(conflicts->size(), 1);
    EXPECT_EQ(conflicts->at(0).toObject().value(u"id").toString(), study);
    EXPECT_EQ(conflicts->at(0).toObject().value(u"judgements").toArray().size(), 2);

    r = cli({ QStringLiteral("review"), QStringLiteral("resolve"), study, QStringLiteral("--as"),
        QStringLiteral("unclear"), QStringLiteral("--reason"),
        QStringLiteral("no funding statement, \"investigator-initiated\" only"), QStringLiteral("--method"),
        QStringLiteral("consensus"), QStringLiteral("--reviewer"), QStringLiteral("Ann") });
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(QStringLiteral("clinician 'Ann' may not resolve conflicts"))) << str(r.errText());
    r = cli({ QStringLiteral("review"), QStringLiteral("resolve"), study, QStringLiteral("--as"),
        QStringLiteral("unclear"), QStringLiteral("--reason"),
        QStringLiteral("no funding statement, \"investigator-initiated\" only"), QStringLiteral("--method"),
        QStringLiteral("consensus"), QStringLiteral("--reviewer"), QStringLiteral("Bea") });
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    r = cli({ QStringLiteral("review"), QStringLiteral("conflicts") });
    EXPECT_EQ(r.outText(), QStringLiteral("0 studies in conflict\n"));
    EXPECT_TRUE(listIds(QStringLiteral("unclear")).contains(study));

    // Agreement: one shared study, disagreeing.
    r = cli({ QStringLiteral("agreement"), QStringLiteral("--reviewers"), QStringLiteral("Bea,Carl"),
        QStringLiteral("--format"), QStringLiteral("json") });
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    const std::optional<QJsonArray> agreement = jsonArray(r, &error);
    ASSERT_TRUE(agreement && agreement->size() == 1) << str(error);
    const QJsonObject pair = agreement->at(0).toObject();
    EXPECT_EQ(pair.value(u"studies").toInt(), 1);
    EXPECT_EQ(pair.value(u"agreed").toInt(), 0);
    EXPECT_EQ(pair.value(u"percent_agreement").toDouble(), 0.0);
    EXPECT_TRUE(pair.value(u"kappa").isDouble());
    r = cli({ QStringLiteral("agreement") });
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    EXPECT_TRUE(r.outText().contains(QStringLiteral("Bea and Carl: 1 studies judged by both"))) << str(r.outText());
    EXPECT_TRUE(r.outText().contains(QStringLiteral("Cohen's kappa"))) << str(r.outText());

    // Exports: RFC 4180 files that read back with every field intact.
    const QString file = m_scratch.filePath(QStringLiteral("judgements.csv"));
    r = cli({ QStringLiteral("review"), QStringLiteral("export"), QStringLiteral("--what"),
        QStringLiteral("judgements"), QStringLiteral("-o"), file });
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    EXPECT_TRUE(r.out.isEmpty());
    std::optional<QVector<QStringList>> rows = readCsv(QString::fromUtf8(readFileBytes(file)), &error);
    ASSERT_TRUE(rows) << str(error);
    ASSERT_EQ(rows->size(), 3);
    EXPECT_EQ(rows->at(0), judgementCsvColumns());
    EXPECT_EQ(rows->at(2).at(4), QStringLiteral("Carl"));
    EXPECT_EQ(rows->at(2).at(8), QStringLiteral("as he said"));
    EXPECT_EQ(rows->at(2).at(9), QStringLiteral("not_found"));

    const QString resolutions = m_scratch.filePath(QStringLiteral("resolutions.csv"));
    ASSERT_EQ(cli({ QStringLiteral("review"), QStringLiteral("export"), QStringLiteral("--what"),
                      QStringLiteral("resolutions"), QStringLiteral("--output"), resolutions })
                  .exitCode,
        0);
    rows = readCsv(QString::fromUtf8(readFileBytes(resolutions)), &error);
    ASSERT_TRUE(rows) << str(error);
    ASSERT_EQ(rows->size(), 2);
    EXPECT_EQ(rows->at(1).at(7), QStringLiteral("consensus"));
    EXPECT_EQ(rows->at(1).at(8), QStringLiteral("no funding statement, \"investigator-initiated\" only"));

    r = cli({ QStringLiteral("review"), QStringLiteral("export"), QStringLiteral("--what"), QStringLiteral("audit") });
    rows = readCsv(r.outText(), &error);
    ASSERT_TRUE(rows) << str(error);
    EXPECT_EQ(rows->at(0), auditCsvColumns());
    QStringList actions;
    for (qsizetype i = 1; i < rows->size(); ++i)
        actions.append(rows->at(i).at(3));
    EXPECT_EQ(actions,
        (QStringList { QStringLiteral("profile"), QStringLiteral("profile"), QStringLiteral("profile"),
            QStringLiteral("profile"), QStringLiteral("profile"), QStringLiteral("judgement"),
            QStringLiteral("judgement"), QStringLiteral("resolution") }));
    // The before/after JSON survives the round trip.
    EXPECT_TRUE(rows->last().at(6).contains(QStringLiteral("\"method\":\"consensus\""))) << str(rows->last().at(6));
}

TEST_F(ReviewCliTest, ReviewUsageErrors)
{
    expectUsageError(cli({ QStringLiteral("review") }), QStringLiteral("'review' needs a subcommand"));
    expectUsageError(cli({ QStringLiteral("review"), QStringLiteral("export") }),
        QStringLiteral("'review export' needs --what judgements|resolutions|audit"));
    expectUsageError(cli({ QStringLiteral("review"), QStringLiteral("resolve"), QStringLiteral("x"),
                         QStringLiteral("--as"), QStringLiteral("unclear"), QStringLiteral("--reason"),
                         QStringLiteral("r"), QStringLiteral("--reviewer"), QStringLiteral("Bea") }),
        QStringLiteral("'review resolve' needs --method consensus|third-reviewer"));
    expectUsageError(cli({ QStringLiteral("review"), QStringLiteral("conflicts"), QStringLiteral("--reviewer"),
                         QStringLiteral("Bea") }),
        QStringLiteral("option '--reviewer' does not apply to 'review conflicts'"));
    expectUsageError(cli({ QStringLiteral("review"), QStringLiteral("undo"), QStringLiteral("abc"),
                         QStringLiteral("--reviewer"), QStringLiteral("Bea") }),
        QStringLiteral("'review undo' needs the number of a change"));
    expectUsageError(cli({ QStringLiteral("agreement"), QStringLiteral("--reviewers"), QStringLiteral("Bea") }),
        QStringLiteral("'--reviewers' takes two names"));
    expectUsageError(cli({ QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Eve") }),
        QStringLiteral("'profile add' needs --role"));
    expectUsageError(cli({ QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Eve"),
                         QStringLiteral("--role"), QStringLiteral("boss") }),
        QStringLiteral("invalid role 'boss'"));
}
