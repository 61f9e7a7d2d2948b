// Anchoring: the quote and position selectors find the annotated words again after the
// text changed (exact → moved → fuzzy), and say "orphaned" when they cannot.
#include "annotationfixture.h"

#include "annotations/annotationanchor.h"

using namespace mgreview;
using namespace mgreview::testing;

namespace {

struct Selectors {
    TextQuoteSelector quote;
    TextPositionSelector position;
};

Selectors select(const QString &text, const QString &words, int occurrence = 0)
{
    qsizetype at = -1;
    for (int i = 0; i <= occurrence; ++i)
        at = text.indexOf(words, at + 1);
    EXPECT_GE(at, 0) << str(words);
    Selectors s;
    AnnotationAnchor::makeSelectors(text, int(at), int(at + words.size()), &s.quote, &s.position);
    return s;
}

const QString kText = QStringLiteral("Magnesium did not reduce cramps in older adults. In pregnancy, magnesium "
                                     "reduced cramps in one trial but not in another.");

} // namespace

TEST(Anchor, SelectorsKeepContextOnBothSides)
{
    const Selectors s = select(kText, QStringLiteral("older adults"));
    EXPECT_EQ(s.quote.exact, QStringLiteral("older adults"));
    EXPECT_TRUE(kText.left(s.position.start).endsWith(s.quote.prefix));
    EXPECT_EQ(s.quote.prefix.size(), AnnotationAnchor::kContextLength);
    EXPECT_TRUE(kText.mid(s.position.end).startsWith(s.quote.suffix));
    EXPECT_EQ(s.position.end - s.position.start, 12);
}

TEST(Anchor, UnchangedTextAnchorsExactly)
{
    const Selectors s = select(kText, QStringLiteral("older adults"));
    const AnchorResult r = AnnotationAnchor::anchor(s.quote, s.position, kText);
    EXPECT_EQ(r.status, AnchorStatus::Exact);
    EXPECT_EQ(r.start, s.position.start);
    EXPECT_EQ(r.end, s.position.end);
}

TEST(Anchor, InsertedTextBeforeMovesTheSpan)
{
    const Selectors s = select(kText, QStringLiteral("older adults"));
    const QString edited = QStringLiteral("In a Cochrane review, ") + kText;
    const AnchorResult r = AnnotationAnchor::anchor(s.quote, s.position, edited);
    EXPECT_EQ(r.status, AnchorStatus::Moved);
    EXPECT_EQ(edited.mid(r.start, r.end - r.start), QStringLiteral("older adults"));
    EXPECT_EQ(r.start, s.position.start + 22);
}

TEST(Anchor, PrefixAndSuffixPickTheRightOccurrence)
{
    // "reduced cramps" occurs once, "cramps" three times: annotate the third "cramps"
    // (after "magnesium reduced"), then shift the text so the position no longer holds it.
    const Selectors s = select(kText, QStringLiteral("cramps"), 1);
    ASSERT_TRUE(s.quote.prefix.endsWith(QStringLiteral("reduced ")));
    // After the edit the position points into the first sentence; context must win over position.
    const QString edited = QStringLiteral("Cramps: ") + kText;
    const AnchorResult r = AnnotationAnchor::anchor(s.quote, s.position, edited);
    EXPECT_EQ(r.status, AnchorStatus::Moved);
    EXPECT_TRUE(edited.left(r.start).endsWith(QStringLiteral("magnesium reduced "))) << str(edited.left(r.start));
}

TEST(Anchor, SmallEditInsideTheQuoteIsFuzzy)
{
    const QString words = QStringLiteral("reduced cramps in one trial but not in another");
    const Selectors s = select(kText, words);
    QString edited = kText;
    edited.replace(QStringLiteral("one trial"), QStringLiteral("one RCT")); // 5 of 47 characters differ
    const AnchorResult r = AnnotationAnchor::anchor(s.quote, s.position, edited);
    EXPECT_EQ(r.status, AnchorStatus::Fuzzy);
    EXPECT_EQ(edited.mid(r.start, r.end - r.start), QStringLiteral("reduced cramps in one RCT but not in another"));
}

TEST(Anchor, RewrittenTextOrphans)
{
    const Selectors s = select(kText, QStringLiteral("did not reduce cramps in older adults"));
    const QString rewritten = QStringLiteral("The review found no trials in children.");
    const AnchorResult r = AnnotationAnchor::anchor(s.quote, s.position, rewritten);
    EXPECT_EQ(r.status, AnchorStatus::Orphaned);
    EXPECT_FALSE(r.isAnchored());
    EXPECT_EQ(toString(r.status), QStringLiteral("orphaned"));
}

TEST(Anchor, ShortQuotesAreNeverMatchedApproximately)
{
    // Five letters with one changed would match almost anything: only exact matches count.
    const Selectors s = select(kText, QStringLiteral("older"));
    const AnchorResult r = AnnotationAnchor::anchor(s.quote, s.position, QStringLiteral("Elder adults only."));
    EXPECT_EQ(r.status, AnchorStatus::Orphaned);
}
