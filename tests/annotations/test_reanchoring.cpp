// Re-anchoring after the conclusion text is edited in the library: moved, fuzzy, and an
// annotation whose words are gone becomes orphaned, never dropped.
#include "annotationfixture.h"

using namespace mgreview;
using namespace mgreview::testing;

TEST_F(AnnotationTest, EditedConclusionMovesFuzzesAndOrphans)
{
    const QString original = conclusionText(kCochrane, 1);
    const AnnotationResult older = annotate(kCochrane, QStringLiteral("to older adults experiencing skeletal muscle cramps"),
        QStringLiteral("population mismatch"));
    const AnnotationResult rcts = annotate(kCochrane, QStringLiteral("We found no RCTs evaluating magnesium"),
        QStringLiteral("key finding"));
    const AnnotationResult cirrhosis = annotate(kCochrane,
        QStringLiteral("a single small (inconclusive) study in people with liver cirrhosis"), QStringLiteral("small sample"));
    EXPECT_EQ(resolvedOne(older.annotation.id).anchor.status, AnchorStatus::Exact);

    // An editor corrects the text: a sentence added in front, one word added, one clause rewritten.
    QString edited = QStringLiteral("Authors' conclusions: ") + original;
    edited.replace(QStringLiteral("evaluating magnesium"), QStringLiteral("evaluating oral magnesium"));
    edited.replace(QStringLiteral("other than a single small (inconclusive) study in people with liver cirrhosis"),
        QStringLiteral("apart from one trial in hepatology patients"));
    editConclusion(kCochrane, 1, edited);

    const ResolvedAnnotation moved = resolvedOne(older.annotation.id);
    EXPECT_EQ(moved.anchor.status, AnchorStatus::Moved);
    EXPECT_EQ(moved.currentText, QStringLiteral("to older adults experiencing skeletal muscle cramps"));
    EXPECT_EQ(moved.anchor.start, older.annotation.position.start + 22);
    EXPECT_EQ(moved.conclusion, 1);

    const ResolvedAnnotation fuzzy = resolvedOne(rcts.annotation.id);
    EXPECT_EQ(fuzzy.anchor.status, AnchorStatus::Fuzzy);
    EXPECT_EQ(fuzzy.currentText, QStringLiteral("We found no RCTs evaluating oral magnesium"));

    const ResolvedAnnotation orphan = resolvedOne(cirrhosis.annotation.id);
    EXPECT_EQ(orphan.anchor.status, AnchorStatus::Orphaned);
    EXPECT_FALSE(orphan.anchor.isAnchored());
    EXPECT_EQ(orphan.conclusion, 0);
    // Orphaned is a status, not a loss: the quote and note are all still there, and listed.
    EXPECT_EQ(orphan.annotation.quote.exact,
        QStringLiteral("a single small (inconclusive) study in people with liver cirrhosis"));
    QString error;
    EXPECT_EQ(service().list({}, &error)->size(), 3);

    // Restoring the text anchors it again.
    editConclusion(kCochrane, 1, original);
    EXPECT_EQ(resolvedOne(cirrhosis.annotation.id).anchor.status, AnchorStatus::Exact);
}

TEST_F(AnnotationTest, WordsMovedToAnotherConclusionAreFound)
{
    const QString study = QStringLiteral("roffe2002_rct");
    const AnnotationResult made = annotate(study, QStringLiteral("magnesium may be effective"), QStringLiteral("overstated"));
    QString error;
    std::optional<Study> s = StudyStore(db()).load(study, &error);
    ASSERT_TRUE(s) << str(error);
    // A new first conclusion pushes the annotated one to second place.
    Conclusion added;
    added.text = QStringLiteral("A different statement.");
    added.source = QStringLiteral("abstract");
    s->conclusions.prepend(added);
    ASSERT_TRUE(StudyStore(db()).update(*s, &error)) << str(error);

    const ResolvedAnnotation r = resolvedOne(made.annotation.id);
    EXPECT_EQ(r.anchor.status, AnchorStatus::Moved);
    EXPECT_EQ(r.conclusion, 2);
    EXPECT_EQ(r.currentText, QStringLiteral("magnesium may be effective"));
}

TEST_F(AnnotationTest, DeletedStudyLeavesItsAnnotationsOrphaned)
{
    const QString study = QStringLiteral("roffe2002_rct");
    const AnnotationResult made = annotate(study, QStringLiteral("magnesium may be effective"), QStringLiteral("overstated"));
    QString error;
    ASSERT_TRUE(StudyStore(db()).remove(study, &error)) << str(error);
    const ResolvedAnnotation r = resolvedOne(made.annotation.id);
    EXPECT_TRUE(r.studyMissing);
    EXPECT_EQ(r.anchor.status, AnchorStatus::Orphaned);
    EXPECT_EQ(r.annotation, made.annotation);
}

// --- Roles, from core ---------------------------------------------------------------------

TEST_F(AnnotationTest, CliniciansReadButDoNotAnnotate)
{
    QString error;
    EXPECT_FALSE(service().createFromQuote(kCochrane, QStringLiteral("literature is conflicting"), std::nullopt,
        QStringLiteral("overstated"), {}, QStringLiteral("Ann"), &error));
    EXPECT_EQ(error, QStringLiteral("clinician 'Ann' may not annotate studies"));
    EXPECT_TRUE(column(QStringLiteral("SELECT id FROM annotation_events")).isEmpty());

    // A reviewer may; the clinician reads it (reading needs no permission) but cannot change it.
    const AnnotationResult made
        = annotate(kCochrane, QStringLiteral("literature is conflicting"), QStringLiteral("needs check"), QStringLiteral("Bea"));
    EXPECT_EQ(service().list({}, &error)->size(), 1);
    error.clear();
    EXPECT_FALSE(service().remove(made.annotation.id, QStringLiteral("Ann"), &error));
    EXPECT_EQ(error, QStringLiteral("clinician 'Ann' may not annotate studies"));
    error.clear();
    EXPECT_FALSE(service().undo(made.eventId, QStringLiteral("Ann"), &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST_F(AnnotationTest, PeopleChangeOnlyTheirOwnAnnotations)
{
    const AnnotationResult made
        = annotate(kCochrane, QStringLiteral("literature is conflicting"), QStringLiteral("needs check"), QStringLiteral("Stu"));
    QString error;
    EXPECT_FALSE(service().edit(made.annotation.id, QStringLiteral("Sue"), std::nullopt, QStringLiteral("mine now"), &error));
    EXPECT_EQ(error, QStringLiteral("student 'Sue' may not change an annotation by 'Stu'"));
    error.clear();
    EXPECT_FALSE(service().undo(made.eventId, QStringLiteral("Bea"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("by 'Stu'"))) << str(error);
    error.clear();
    EXPECT_FALSE(service().createFromQuote(kCochrane, QStringLiteral("literature is conflicting"), std::nullopt,
        QStringLiteral("overstated"), {}, QStringLiteral("Nobody"), &error));
    EXPECT_EQ(error, QStringLiteral("no profile named 'Nobody'"));
}

// --- PDF pages: the model holds them now; the viewer is wired later -----------------------

TEST_F(AnnotationTest, PdfPageAnnotationsAreStoredListedAndAnchoredWhenPageTextIsKnown)
{
    const QString sha = QStringLiteral("3fa9c1d2") + QString(56, u'0');
    const QString pageText = QStringLiteral("Results. Cramp frequency fell by 50% in both groups.\nDiscussion ...");
    QString error;
    const std::optional<AnnotationResult> made = service().createOnPdfPage(kCochrane, sha, 4, pageText, 9, 52,
        QStringLiteral("surrogate outcome"), QStringLiteral("Placebo fell as much."), QStringLiteral("Stu"), &error);
    ASSERT_TRUE(made) << str(error);
    EXPECT_EQ(made->annotation.target, AnnotationTarget::onPdfPage(sha, 4));
    EXPECT_EQ(made->annotation.quote.exact, QStringLiteral("Cramp frequency fell by 50% in both groups."));

    // No page text known (no PDF feature yet): listed as unchecked, never orphaned.
    EXPECT_EQ(resolvedOne(made->annotation.id).anchor.status, AnchorStatus::Unchecked);
    // With the page text: anchored.
    AnnotationService withPages(db());
    withPages.setPageText([&](const QString &hash, int page) -> std::optional<QString> {
        if (hash == sha && page == 4)
            return QStringLiteral("Page 4\n") + pageText;
        return std::nullopt;
    });
    const std::optional<QVector<ResolvedAnnotation>> r = withPages.resolved({}, &error);
    ASSERT_TRUE(r && r->size() == 1) << str(error);
    EXPECT_EQ(r->first().anchor.status, AnchorStatus::Moved);
    EXPECT_EQ(r->first().currentText, QStringLiteral("Cramp frequency fell by 50% in both groups."));
}
