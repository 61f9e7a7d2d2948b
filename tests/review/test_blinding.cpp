// Dual independent review: a reviewer sees other reviewers' judgements on a study only
// after recording their own there, or after choosing to look (which is logged).
#include "reviewfixture.h"

using namespace mgreview;
using namespace mgreview::testing;

namespace {

QStringList reviewersOf(const VisibleJudgements &visible)
{
    QStringList out;
    for (const Judgement &j : visible.judgements)
        out.append(j.reviewer);
    return out;
}

class BlindingTest : public ReviewTest
{
protected:
    VisibleJudgements visible(const QString &viewer)
    {
        QString error;
        const std::optional<VisibleJudgements> v = service().visibleJudgements(study, viewer, &error);
        EXPECT_TRUE(v) << str(error);
        return v.value_or(VisibleJudgements());
    }
    const QString study = QStringLiteral("cohenhagai2018_rct");
};

} // namespace

TEST_P(BlindingTest, OthersAreHiddenUntilTheViewerHasJudged)
{
    flag(study, QStringLiteral("Bea"), judgement("unclear", "", "funding not reported"));

    VisibleJudgements carl = visible(QStringLiteral("Carl"));
    EXPECT_TRUE(carl.blinded);
    EXPECT_EQ(carl.hidden, 1);
    EXPECT_TRUE(carl.judgements.isEmpty());

    // Bea sees her own; nobody else has judged.
    const VisibleJudgements bea = visible(QStringLiteral("Bea"));
    EXPECT_FALSE(bea.blinded);
    EXPECT_EQ(reviewersOf(bea), QStringList { QStringLiteral("Bea") });

    flag(study, QStringLiteral("Carl"), judgement("independent", "", "investigator-initiated"));
    carl = visible(QStringLiteral("Carl"));
    EXPECT_FALSE(carl.blinded);
    EXPECT_EQ(carl.hidden, 0);
    EXPECT_EQ(reviewersOf(carl), (QStringList { QStringLiteral("Carl"), QStringLiteral("Bea") })); // own first

    // Dan, a third reviewer, still sees neither.
    const VisibleJudgements dan = visible(QStringLiteral("Dan"));
    EXPECT_TRUE(dan.blinded);
    EXPECT_EQ(dan.hidden, 2);
    EXPECT_TRUE(dan.judgements.isEmpty());
    // Unblinding does not depend on other studies.
    flag(QStringLiteral("sebo2014_sr"), QStringLiteral("Dan"), judgement("unclear"));
    EXPECT_TRUE(visible(QStringLiteral("Dan")).blinded);
}

TEST_P(BlindingTest, ChoosingToLookIsLogged)
{
    flag(study, QStringLiteral("Bea"), judgement("unclear"));
    QString error;
    const std::optional<qint64> reveal = service().revealOthers(study, QStringLiteral("Carl"), &error);
    ASSERT_TRUE(reveal) << str(error);
    const VisibleJudgements carl = visible(QStringLiteral("Carl"));
    EXPECT_FALSE(carl.blinded);
    EXPECT_EQ(reviewersOf(carl), QStringList { QStringLiteral("Bea") });
    EXPECT_EQ(column(QStringLiteral("SELECT actor || ' ' || action || ' ' || study_id FROM audit_log WHERE id = %1")
                         .arg(*reveal)),
        QStringList { QStringLiteral("Carl reveal ") + study });
    // Revealing one study reveals nothing else.
    flag(QStringLiteral("sebo2014_sr"), QStringLiteral("Bea"), judgement("unclear"));
    EXPECT_TRUE(service().visibleJudgements(QStringLiteral("sebo2014_sr"), QStringLiteral("Carl"), &error)->blinded);
    EXPECT_FALSE(service().revealOthers(QStringLiteral("no_such_study"), QStringLiteral("Carl"), &error));
}

TEST_P(BlindingTest, AWithdrawnJudgementStillCountsAsHavingLooked)
{
    flag(study, QStringLiteral("Bea"), judgement("unclear"));
    const qint64 change = flag(study, QStringLiteral("Carl"), judgement("independent"));
    QString error;
    ASSERT_TRUE(service().undo(change, QStringLiteral("Carl"), &error)) << str(error);
    const VisibleJudgements carl = visible(QStringLiteral("Carl"));
    EXPECT_FALSE(carl.blinded);
    EXPECT_EQ(reviewersOf(carl), QStringList { QStringLiteral("Bea") }); // Carl's own is withdrawn
}

TEST_P(BlindingTest, ClinicianAndStudentAreNotBlinded)
{
    flag(study, QStringLiteral("Bea"), judgement("unclear"));
    flag(study, QStringLiteral("Carl"), judgement("independent"));
    for (const QString &viewer : { QStringLiteral("Ann"), QStringLiteral("Stu") }) {
        const VisibleJudgements v = visible(viewer);
        EXPECT_FALSE(v.blinded) << str(viewer);
        EXPECT_EQ(v.hidden, 0);
        EXPECT_EQ(reviewersOf(v), (QStringList { QStringLiteral("Bea"), QStringLiteral("Carl") }));
    }
    QString error;
    EXPECT_FALSE(service().visibleJudgements(study, QStringLiteral("Zed"), &error));
    EXPECT_EQ(error, QStringLiteral("no profile named 'Zed'"));
}

INSTANTIATE_TEST_SUITE_P(Backends, BlindingTest, kAllBackends, backendName);
