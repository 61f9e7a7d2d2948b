// Conflicts: reviewers whose standing judgements differ (value or link) and no resolution.
// A resolution (consensus or third reviewer) becomes the effective value.
#include "reviewfixture.h"

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class ConflictTest : public ReviewTest
{
protected:
    QStringList conflictIds()
    {
        QString error;
        const std::optional<QVector<Conflict>> list = service().conflicts(&error);
        EXPECT_TRUE(list) << str(error);
        QStringList ids;
        for (const Conflict &c : list.value_or(QVector<Conflict>()))
            ids.append(c.studyId);
        return ids;
    }
    std::optional<ChangeResult> resolve(const QString &study, const QString &resolver, const char *value,
        const char *link, const char *method, QString *error)
    {
        return service().recordResolution(study, resolver,
            { QString::fromUtf8(value), QString::fromUtf8(link), QStringLiteral("discussed the COI statement"),
                QString::fromUtf8(method) },
            error);
    }
};

} // namespace

TEST_P(ConflictTest, DisagreementOnValueOrLinkIsAConflict)
{
    const QString nygaard = QStringLiteral("nygaard2008_rct");
    const QString sebo = QStringLiteral("sebo2014_sr");
    const QString roffe = QStringLiteral("roffe2002_rct");
    flag(nygaard, QStringLiteral("Bea"), judgement("industry-linked", "product-supplied"));
    flag(nygaard, QStringLiteral("Carl"), judgement("industry-linked", "author-paid")); // link differs
    flag(sebo, QStringLiteral("Bea"), judgement("unclear"));
    flag(sebo, QStringLiteral("Carl"), judgement("unclear")); // agree
    flag(roffe, QStringLiteral("Bea"), judgement("independent")); // one reviewer only
    EXPECT_EQ(conflictIds(), QStringList { nygaard });

    QString error;
    const std::optional<QVector<Conflict>> list = service().conflicts(&error);
    ASSERT_EQ(list->size(), 1);
    ASSERT_EQ(list->first().judgements.size(), 2);
    EXPECT_EQ(list->first().judgements.at(0).reviewer, QStringLiteral("Bea"));
    EXPECT_EQ(list->first().judgements.at(1).content.link, QStringLiteral("author-paid"));

    // Only the link is disputed: industry-linked either way, the link awaits resolution.
    StudySummary r = row(nygaard);
    EXPECT_EQ(r.independence, QStringLiteral("industry-linked"));
    EXPECT_EQ(r.independenceLink, QString());
    EXPECT_EQ(r.independenceSource, QStringLiteral("reviewer"));
    EXPECT_EQ(r.independenceReason,
        QStringLiteral("reviewers agree on industry-linked but disagree on the link: Bea says product-supplied, "
                       "Carl says author-paid \u2014 awaiting resolution"));
    // A disputed value counts as unclear, with both positions as the reason.
    flag(roffe, QStringLiteral("Carl"), judgement("industry-linked", "funded"));
    EXPECT_EQ(conflictIds(), (QStringList { nygaard, roffe }));
    r = row(roffe);
    EXPECT_EQ(r.independence, QStringLiteral("unclear"));
    EXPECT_EQ(r.independenceLink, QString());
    EXPECT_EQ(r.independenceReason,
        QStringLiteral("reviewers disagree: Bea says independent, Carl says "
                       "industry-linked (funded) \u2014 awaiting resolution"));
    // Agreement shows as the agreed value.
    EXPECT_EQ(row(sebo).independenceSource, QStringLiteral("reviewer"));
    EXPECT_TRUE(row(sebo).independenceReason.startsWith(QStringLiteral("Bea and Carl agree.")))
        << str(row(sebo).independenceReason);
    EXPECT_EQ(service().outcome(sebo, &error)->state, ReviewOutcome::State::Agreed);

    // Carl changes his mind: no conflict any more.
    flag(nygaard, QStringLiteral("Carl"), judgement("industry-linked", "product-supplied"));
    EXPECT_EQ(conflictIds(), QStringList { roffe });
    EXPECT_EQ(row(nygaard).independence, QStringLiteral("industry-linked"));
}

TEST_P(ConflictTest, AResolutionBecomesTheEffectiveValue)
{
    const QString study = QStringLiteral("supakatisant2015_rct");
    flag(study, QStringLiteral("Bea"), judgement("independent", "", "academic grant"));
    flag(study, QStringLiteral("Carl"), judgement("industry-linked", "product-supplied", "Albion chelate"));
    ASSERT_EQ(conflictIds(), QStringList { study });

    QString error;
    // A third-reviewer resolution must come from someone who did not judge the study.
    EXPECT_FALSE(resolve(study, QStringLiteral("Bea"), "independent", "", "third-reviewer", &error));
    EXPECT_TRUE(error.contains(QStringLiteral("cannot resolve it as a third reviewer"))) << str(error);
    EXPECT_FALSE(resolve(study, QStringLiteral("Dan"), "industry-linked", "", "third-reviewer", &error));
    EXPECT_TRUE(error.contains(QStringLiteral("needs the link"))) << str(error);
    EXPECT_FALSE(resolve(study, QStringLiteral("Dan"), "unclear", "", "vote", &error));
    EXPECT_TRUE(error.contains(QStringLiteral("invalid resolution method 'vote'"))) << str(error);

    const std::optional<ChangeResult> done
        = resolve(study, QStringLiteral("Dan"), "unclear", "", "third-reviewer", &error);
    ASSERT_TRUE(done) << str(error);
    EXPECT_TRUE(conflictIds().isEmpty());
    const StudySummary r = row(study);
    EXPECT_EQ(r.independence, QStringLiteral("unclear"));
    EXPECT_EQ(r.independenceSource, QStringLiteral("reviewer"));
    EXPECT_TRUE(r.independenceReason.startsWith(QStringLiteral("resolved by Dan (third reviewer), ")))
        << str(r.independenceReason);
    const std::optional<ReviewOutcome> outcome = service().outcome(study, &error);
    ASSERT_TRUE(outcome) << str(error);
    EXPECT_EQ(outcome->state, ReviewOutcome::State::Resolved);
    EXPECT_EQ(outcome->resolution->resolver, QStringLiteral("Dan"));
    EXPECT_EQ(outcome->resolution->content.method, QStringLiteral("third-reviewer"));

    // A later consensus replaces it (append-only: the earlier one stays in the history).
    ASSERT_TRUE(resolve(study, QStringLiteral("Bea"), "industry-linked", "product-supplied", "consensus", &error))
        << str(error);
    EXPECT_EQ(row(study).independence, QStringLiteral("industry-linked"));
    EXPECT_EQ(row(study).independenceLink, QStringLiteral("product-supplied"));
    EXPECT_EQ(service().resolutionHistory(&error)->size(), 2);
    // Later judgements do not reopen a resolved study.
    flag(study, QStringLiteral("Carl"), judgement("independent"));
    EXPECT_TRUE(conflictIds().isEmpty());
    EXPECT_EQ(row(study).independence, QStringLiteral("industry-linked"));
}

TEST_P(ConflictTest, NothingToResolveWithoutADisagreement)
{
    const QString study = QStringLiteral("sebo2014_sr");
    QString error;
    EXPECT_FALSE(resolve(study, QStringLiteral("Dan"), "unclear", "", "consensus", &error));
    EXPECT_TRUE(error.contains(QStringLiteral("fewer than two reviewers"))) << str(error);
    flag(study, QStringLiteral("Bea"), judgement("unclear"));
    flag(study, QStringLiteral("Carl"), judgement("unclear"));
    EXPECT_FALSE(resolve(study, QStringLiteral("Dan"), "independent", "", "consensus", &error));
    EXPECT_TRUE(error.contains(QStringLiteral("agree: there is nothing to resolve"))) << str(error);
    EXPECT_EQ(count(QStringLiteral("review_resolutions")), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConflictTest, kAllBackends, backendName);
