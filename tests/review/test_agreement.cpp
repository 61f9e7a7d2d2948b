// Percent agreement and Cohen's kappa with a 95 % CI, checked against worked examples.
#include "reviewfixture.h"

#include "review/agreement.h"

using namespace mgreview;
using namespace mgreview::testing;

// Worked example 1: Fleiss JL, Statistical Methods for Rates and Proportions (2nd ed. 1981,
// Table 13.1; 3rd ed. with Levin & Paik 2003, Table 18.1): two psychiatrists assign 100
// patients to psychotic / neurotic / organic. Cell counts (rows: rater A, columns: rater B):
//
//                 psychotic  neurotic  organic | total
//     psychotic       75         1        4    |   80
//     neurotic         5         4        1    |   10
//     organic          0         0       10    |   10
//     total           80         5       15    |  100
//
// By hand: p_o = (75 + 4 + 10) / 100 = 0.89
//          p_e = 0.80·0.80 + 0.10·0.05 + 0.10·0.15 = 0.64 + 0.005 + 0.015 = 0.66
//          κ   = (0.89 − 0.66) / (1 − 0.66) = 0.23 / 0.34 = 0.676471   (the book: 0.68)
// Standard error (Fleiss, Cohen & Everitt 1969), with 1 − κ = 0.323529:
//   Σ p_ii (1 − (p_i. + p_.i)(1 − κ))² = 0.75·0.482353² + 0.04·0.951471² + 0.10·0.919118²
//                                       = 0.174498 + 0.036212 + 0.084478 = 0.295188
//   (1 − κ)² Σ_{i≠j} p_ij (p_.i + p_j.)² = 0.104671 · (0.01·0.9² + 0.04·0.9² + 0.05·0.85² + 0.01·0.15²)
//                                       = 0.104671 · 0.076850 = 0.008044
//   (κ − p_e (1 − κ))² = (0.676471 − 0.213529)² = 0.214315
//   Var = (0.295188 + 0.008044 − 0.214315) / (100 · 0.34²) = 0.088917 / 11.56 = 0.0076918
//   SE = 0.087703; 95 % CI = 0.676471 ± 1.959964 · 0.087703 = 0.5046 to 0.8484
// Checked independently with tests/review/kappa_check.py (closed formula and a numerical
// delta-method variance agree: SE 0.0877030, CI 0.504576 to 0.848365). We are sure of the
// table and of κ; the book's own printed SE is not relied on here.
TEST(CohensKappa, FleissPsychiatricDiagnoses)
{
    const KappaEstimate e = cohensKappa({ { 75, 1, 4 }, { 5, 4, 1 }, { 0, 0, 10 } });
    EXPECT_EQ(e.n, 100);
    EXPECT_EQ(e.agreed, 89);
    EXPECT_NEAR(e.observed, 0.89, 1e-12);
    EXPECT_NEAR(e.expected, 0.66, 1e-12);
    ASSERT_TRUE(e.kappa && e.standardError && e.ciLow && e.ciHigh);
    EXPECT_NEAR(*e.kappa, 0.23 / 0.34, 1e-12);
    EXPECT_NEAR(*e.standardError, 0.0877030, 5e-7);
    EXPECT_NEAR(*e.ciLow, 0.504576, 5e-6);
    EXPECT_NEAR(*e.ciHigh, 0.848365, 5e-6);
}

// Worked example 2, with a published standard error and CI: the SAS/STAT PROC FREQ
// "Simple Kappa Coefficient" printout for the table below (reproduced in statsmodels'
// tests, statsmodels/stats/tests/test_inter_rater.py, table10): Kappa 0.4842, ASE 0.1380,
// 95 % confidence limits 0.2137 and 0.7547. SAS's ASE is the Fleiss–Cohen–Everitt SE.
TEST(CohensKappa, SasProcFreqExample)
{
    const KappaEstimate e = cohensKappa({ { 0, 4, 1 }, { 0, 8, 0 }, { 0, 1, 5 } });
    EXPECT_EQ(e.n, 19);
    EXPECT_EQ(e.agreed, 13);
    ASSERT_TRUE(e.kappa && e.standardError && e.ciLow && e.ciHigh);
    EXPECT_NEAR(*e.kappa, 0.4842, 5e-5);
    EXPECT_NEAR(*e.standardError, 0.1380, 5e-5);
    EXPECT_NEAR(*e.ciLow, 0.2137, 5e-5);
    EXPECT_NEAR(*e.ciHigh, 0.7547, 5e-5);
}

TEST(CohensKappa, EdgeCases)
{
    // Nothing rated by both.
    KappaEstimate e = cohensKappa({ { 0, 0 }, { 0, 0 } });
    EXPECT_EQ(e.n, 0);
    EXPECT_FALSE(e.kappa);
    EXPECT_EQ(cohensKappa({ { 1, 2 }, { 3 } }).n, 0); // not square
    // Both raters used one category throughout: agreement is complete, kappa undefined.
    e = cohensKappa({ { 7, 0 }, { 0, 0 } });
    EXPECT_EQ(e.observed, 1.0);
    EXPECT_FALSE(e.kappa);
    // Perfect agreement over two categories: κ = 1 with no spread; the CI stays within [-1, 1].
    e = cohensKappa({ { 3, 0, 0 }, { 0, 2, 0 }, { 0, 0, 0 } });
    ASSERT_TRUE(e.kappa);
    EXPECT_NEAR(*e.kappa, 1.0, 1e-12);
    EXPECT_NEAR(*e.standardError, 0.0, 1e-7);
    EXPECT_LE(*e.ciHigh, 1.0);
    // Complete disagreement on a balanced table: κ = -1.
    e = cohensKappa({ { 0, 5 }, { 5, 0 } });
    EXPECT_NEAR(*e.kappa, -1.0, 1e-12);
    EXPECT_GE(*e.ciLow, -1.0);
}

TEST(PairAgreement, CountsStudiesBothReviewersJudged)
{
    // The Fleiss table as 100 studies, plus studies only one reviewer judged.
    const QStringList values
        = { QStringLiteral("independent"), QStringLiteral("industry-linked"), QStringLiteral("unclear") };
    const int counts[3][3] = { { 75, 1, 4 }, { 5, 4, 1 }, { 0, 0, 10 } };
    ReviewerRatings ratings;
    int n = 0;
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            for (int c = 0; c < counts[i][j]; ++c) {
                const QString study = QStringLiteral("s%1").arg(n++);
                ratings[study].insert(QStringLiteral("A"), values[i]);
                ratings[study].insert(QStringLiteral("B"), values[j]);
            }
        }
    }
    ratings[QStringLiteral("only_a")].insert(QStringLiteral("A"), values[0]);
    ratings[QStringLiteral("only_c")].insert(QStringLiteral("C"), values[0]);
    ratings[QStringLiteral("a_and_c")].insert(QStringLiteral("A"), values[2]);
    ratings[QStringLiteral("a_and_c")].insert(QStringLiteral("C"), values[2]);

    const PairAgreement ab = agreementBetween(QStringLiteral("A"), QStringLiteral("B"), ratings);
    EXPECT_EQ(ab.estimate.n, 100);
    EXPECT_EQ(ab.table, (QVector<QVector<int>> { { 75, 1, 4 }, { 5, 4, 1 }, { 0, 0, 10 } }));
    EXPECT_NEAR(*ab.estimate.kappa, 0.676471, 1e-6);
    EXPECT_EQ(ab.studies.size(), 100);
    // B vs A is the transposed table with the same kappa.
    const PairAgreement ba = agreementBetween(QStringLiteral("B"), QStringLiteral("A"), ratings);
    EXPECT_EQ(ba.table[0][1], 5);
    EXPECT_NEAR(*ba.estimate.kappa, *ab.estimate.kappa, 1e-12);

    const QVector<PairAgreement> pairs = agreementOfAllPairs(ratings);
    ASSERT_EQ(pairs.size(), 2); // A–B and A–C; B and C share no study
    EXPECT_EQ(pairs[0].first + pairs[0].second, QStringLiteral("AB"));
    EXPECT_EQ(pairs[1].first + pairs[1].second, QStringLiteral("AC"));
    EXPECT_EQ(pairs[1].studies, QStringList { QStringLiteral("a_and_c") });
}

using AgreementServiceTest = ReviewTest;

TEST_P(AgreementServiceTest, UsesEachReviewersStandingJudgement)
{
    const QString bea = QStringLiteral("Bea"), carl = QStringLiteral("Carl");
    flag(QStringLiteral("dahle1995_rct"), bea, judgement("industry-linked", "funded"));
    flag(QStringLiteral("dahle1995_rct"), carl, judgement("industry-linked", "product-supplied")); // same value
    flag(QStringLiteral("nygaard2008_rct"), bea, judgement("industry-linked", "product-supplied"));
    flag(QStringLiteral("nygaard2008_rct"), carl, judgement("unclear"));
    flag(QStringLiteral("sebo2014_sr"), bea, judgement("unclear"));
    const qint64 carlsFirst = flag(QStringLiteral("sebo2014_sr"), carl, judgement("independent"));
    flag(QStringLiteral("roffe2002_rct"), bea, judgement("unclear"));
    flag(QStringLiteral("roffe2002_rct"), carl, judgement("unclear"));
    flag(QStringLiteral("barna2021_rct"), bea, judgement("industry-linked", "funded")); // Bea only
    QString error;
    ASSERT_TRUE(service().undo(carlsFirst, carl, &error)) << str(error); // Carl withdraws sebo
    flag(QStringLiteral("garrison2020_cochrane"), QStringLiteral("Dan"), judgement("unclear"));
    flag(QStringLiteral("garrison2020_cochrane"), bea, judgement("unclear"));

    std::optional<QVector<PairAgreement>> pairs
        = service().agreement({ QStringLiteral("bea"), QStringLiteral("CARL") }, &error);
    ASSERT_TRUE(pairs) << str(error);
    ASSERT_EQ(pairs->size(), 1);
    const PairAgreement &a = pairs->first();
    EXPECT_EQ(a.first, bea);
    EXPECT_EQ(a.second, carl);
    EXPECT_EQ(a.studies,
        (QStringList {
            QStringLiteral("dahle1995_rct"), QStringLiteral("nygaard2008_rct"), QStringLiteral("roffe2002_rct") }));
    // rows Bea, columns Carl: industry-linked/industry-linked, industry-linked/unclear, unclear/unclear
    EXPECT_EQ(a.table, (QVector<QVector<int>> { { 0, 0, 0 }, { 0, 1, 1 }, { 0, 0, 1 } }));
    EXPECT_EQ(a.estimate.agreed, 2);
    EXPECT_NEAR(a.estimate.observed, 2.0 / 3.0, 1e-12);
    // p_e = (2/3)(1/3) + (1/3)(2/3) = 4/9; κ = (2/3 − 4/9) / (5/9) = 0.4
    EXPECT_NEAR(*a.estimate.kappa, 0.4, 1e-12);

    pairs = service().agreement({}, &error);
    ASSERT_TRUE(pairs) << str(error);
    ASSERT_EQ(pairs->size(), 2); // Bea–Carl, Bea–Dan
    EXPECT_EQ(pairs->at(1).second, QStringLiteral("Dan"));
    EXPECT_EQ(pairs->at(1).estimate.n, 1);

    EXPECT_FALSE(service().agreement({ bea }, &error));
    EXPECT_FALSE(service().agreement({ bea, QStringLiteral("Zed") }, &error));
    EXPECT_EQ(error, QStringLiteral("no profile named 'Zed'"));
    EXPECT_FALSE(service().agreement({ bea, QStringLiteral("BEA") }, &error));
}

INSTANTIATE_TEST_SUITE_P(Backends, AgreementServiceTest, kAllBackends, backendName);
