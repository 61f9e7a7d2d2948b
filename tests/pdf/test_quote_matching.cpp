// Quote normalisation and matching on plain strings.
#include "corehelpers.h"
#include "pdf/doifinder.h"
#include "pdf/quotenormalizer.h"
#include "pdf/quoteverifier.h"

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

QString norm(const QString &text)
{
    return NormalizedText::from(text).text;
}

QuoteMatch findIn(const QString &quote, const QVector<QString> &pages)
{
    return QuoteVerifier::find(quote, QuoteSearchText(pages));
}

} // namespace

TEST(QuoteNormalizer, LigaturesQuotesDashesSpacingAndCase)
{
    EXPECT_EQ(norm(QStringLiteral("signiﬁcant ﬂuid eﬀect, oﬃce, baﬄe")), QStringLiteral("significant fluid effect office baffle"));
    EXPECT_EQ(norm(QStringLiteral("the “placebo” group’s")), norm(QStringLiteral("the \"placebo\" group's")));
    EXPECT_EQ(norm(QStringLiteral("pregnancy–associated cramps — but")), norm(QStringLiteral("pregnancy-associated cramps - but")));
    EXPECT_EQ(norm(QStringLiteral("  Magnesium\t\n  CRAMPS  ")), QStringLiteral("magnesium cramps"));
    EXPECT_EQ(norm(QStringLiteral("Caf\u00e9 na\u0131ve")), QStringLiteral("cafe na\u0131ve"));
}

TEST(QuoteNormalizer, HyphenationAtLineEndsJoinsWords)
{
    EXPECT_EQ(norm(QStringLiteral("magne-\nsium")), QStringLiteral("magnesium"));
    EXPECT_EQ(norm(QStringLiteral("magne-\r\n  sium")), QStringLiteral("magnesium"));
    EXPECT_EQ(norm(QStringLiteral("magne\u00adsium")), QStringLiteral("magnesium"));
    EXPECT_EQ(norm(QStringLiteral("double-\nblind")), norm(QStringLiteral("double-blind")));
    // A spaced dash separates words; it does not join them.
    EXPECT_EQ(norm(QStringLiteral("cramps - but")), QStringLiteral("cramps but"));
}

TEST(QuoteNormalizer, MapsBackToTheOriginal)
{
    const QString original = QStringLiteral("Xx  ﬁnal word");
    const NormalizedText n = NormalizedText::from(original);
    ASSERT_EQ(n.text, QStringLiteral("xx final word"));
    ASSERT_EQ(n.source.size(), n.text.size());
    EXPECT_EQ(n.source.at(3), 4); // 'f' of the ligature
    EXPECT_EQ(n.source.at(4), 4); // 'i' of the same ligature
    EXPECT_EQ(original.at(n.source.at(9)), u'w');
}

TEST(QuoteVerifier, VerifiedDespiteLineBreaksHyphensAndLigatures)
{
    const QVector<QString> pages = {
        QStringLiteral("Title page\nnothing here"),
        QStringLiteral("Results were mixed.\nIn conclusion, magne-\nsium supplementa-\ntion provides no signiﬁcant\n"
                       "beneﬁt for “nocturnal” leg cramps.\nOther text."),
    };
    const QuoteMatch m = findIn(
        QStringLiteral("In conclusion, magnesium supplementation provides no significant benefit for \"nocturnal\" leg cramps."),
        pages);
    EXPECT_EQ(m.status, QuoteStatus::Verified);
    EXPECT_EQ(m.page, 2);
    EXPECT_EQ(m.position, pages.at(1).indexOf(QStringLiteral("In conclusion")));
    EXPECT_DOUBLE_EQ(m.similarity, 1.0);
    EXPECT_EQ(pages.at(1).mid(m.position, m.length).right(6), QStringLiteral("cramps"));
}

TEST(QuoteVerifier, QuoteAcrossAPageBreak)
{
    const QuoteMatch m = findIn(QStringLiteral("magnesium did not reduce cramp frequency"),
                                {QStringLiteral("intro\nmagnesium did not re-"), QStringLiteral("duce cramp frequency.")});
    EXPECT_EQ(m.status, QuoteStatus::Verified);
    EXPECT_EQ(m.page, 1);
}

TEST(QuoteVerifier, PartialWithSimilarityAndClosestPassage)
{
    const QString text = QStringLiteral(
        "Background words here. It is unlikely that magnesium supplementation provides clinically meaningful cramp "
        "prophylaxis to older adults with skeletal muscle cramps. Trailing words.");
    // Two words differ out of twenty.
    const QuoteMatch m = findIn(QStringLiteral("It is unlikely that magnesium supplementation provides clinically meaningful "
                                               "cramp prophylaxis to older adults experiencing skeletal muscle cramps."),
                                {text});
    EXPECT_EQ(m.status, QuoteStatus::Partial);
    EXPECT_GE(m.similarity, QuoteVerifier::kPartialThreshold);
    EXPECT_LT(m.similarity, 1.0);
    EXPECT_EQ(m.page, 1);
    EXPECT_TRUE(m.passage.contains(QStringLiteral("prophylaxis to older adults with skeletal"))) << str(m.passage);
}

TEST(QuoteVerifier, NotFoundWhenTheTextSaysSomethingElse)
{
    const QuoteMatch m = findIn(QStringLiteral("Magnesium is an effective treatment for exercise-associated muscle cramps in athletes."),
                                {QStringLiteral("We studied dialysis patients. Quinine reduced cramps. Vitamin E did not.")});
    EXPECT_EQ(m.status, QuoteStatus::NotFound);
    EXPECT_LT(m.similarity, QuoteVerifier::kPartialThreshold);
}

TEST(QuoteVerifier, EmptyInputIsNotFound)
{
    EXPECT_EQ(findIn(QString(), {QStringLiteral("text")}).status, QuoteStatus::NotFound);
    EXPECT_EQ(findIn(QStringLiteral("quote"), {}).status, QuoteStatus::NotFound);
    EXPECT_EQ(findIn(QStringLiteral("quote"), {QString()}).status, QuoteStatus::NotFound);
}

TEST(DoiFinder, FindsAndTrimsDois)
{
    EXPECT_EQ(findDois(QStringLiteral("see https://doi.org/10.1002/14651858.CD009402.pub3.")),
              QStringList{QStringLiteral("10.1002/14651858.cd009402.pub3")});
    EXPECT_EQ(findDois(QStringLiteral("(doi:10.1016/S0140-6736(05)67399-7), and 10.7717/peerj-cs.213;")),
              (QStringList{QStringLiteral("10.1016/s0140-6736(05)67399-7"), QStringLiteral("10.7717/peerj-cs.213")}));
    EXPECT_TRUE(findDois(QStringLiteral("version 10.12/abc and 10.123/x")).isEmpty());
}
