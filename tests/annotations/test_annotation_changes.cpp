// Create, edit, retag and delete, each with undo and redo; the history only grows.
#include "annotationfixture.h"

using namespace mgreview;
using namespace mgreview::testing;

namespace {

const QString kQuote = QStringLiteral("unlikely that magnesium supplementation provides clinically meaningful cramp prophylaxis");

} // namespace

TEST_F(AnnotationTest, CreateStoresSelectorsTagNoteAuthorAndTimes)
{
    const AnnotationResult r = annotate(kCochrane, kQuote, QStringLiteral("Key finding"), QStringLiteral("stu"),
        QStringLiteral("The **main** answer."));
    ASSERT_GT(r.eventId, 0);
    const std::optional<Annotation> a = current(r.annotation.id);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->studyId, kCochrane);
    EXPECT_EQ(a->target, AnnotationTarget::onConclusion(1));
    EXPECT_EQ(a->quote.exact, kQuote);
    EXPECT_EQ(a->quote.prefix, QStringLiteral("It is "));
    EXPECT_TRUE(a->quote.suffix.startsWith(QStringLiteral(" to older adults")));
    EXPECT_EQ(a->position.start, 6);
    EXPECT_EQ(a->position.end, 6 + kQuote.size());
    EXPECT_EQ(a->tag, QStringLiteral("key_finding")); // The label typed becomes the vocabulary id.
    EXPECT_EQ(a->note, QStringLiteral("The **main** answer."));
    EXPECT_EQ(a->author, QStringLiteral("Stu")); // As the profile spells it.
    EXPECT_TRUE(a->created.isValid());
    EXPECT_EQ(a->created, a->modified);
    EXPECT_FALSE(a->deleted);
    EXPECT_EQ(*a, r.annotation);
}

TEST_F(AnnotationTest, CustomTagsAreKeptAsTyped)
{
    const AnnotationResult r = annotate(kCochrane, kQuote, QStringLiteral("  for   journal club "));
    EXPECT_EQ(current(r.annotation.id)->tag, QStringLiteral("for journal club"));
    EXPECT_EQ(service().tags().label(QStringLiteral("for journal club")), QStringLiteral("for journal club"));
    EXPECT_TRUE(service().tags().isCustom(QStringLiteral("for journal club")));
}

TEST_F(AnnotationTest, QuotesMustBeVerbatimAndUnambiguous)
{
    QString error;
    EXPECT_FALSE(service().createFromQuote(kCochrane, QStringLiteral("magnesium cures cramps"), std::nullopt,
        QStringLiteral("overstated"), {}, QStringLiteral("Stu"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("not in any conclusion"))) << str(error);
    error.clear();
    EXPECT_FALSE(service().createFromQuote(kCochrane, QStringLiteral("magnesium"), std::nullopt,
        QStringLiteral("overstated"), {}, QStringLiteral("Stu"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("occurs 2 times"))) << str(error);
    error.clear();
    EXPECT_FALSE(service().createOnConclusion(kCochrane, 7, 0, 4, QStringLiteral("overstated"), {},
        QStringLiteral("Stu"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("conclusions 1 to 1, not 7"))) << str(error);
    EXPECT_TRUE(column(QStringLiteral("SELECT id FROM annotations")).isEmpty());
}

TEST_F(AnnotationTest, EditRetagDeleteEachUndoAndRedo)
{
    const AnnotationResult made = annotate(kCochrane, kQuote, QStringLiteral("key finding"));
    const QString id = made.annotation.id;
    const QString stu = QStringLiteral("Stu");
    QString error;

    // Edit the note.
    const std::optional<AnnotationResult> edited
        = service().edit(id, stu, std::nullopt, QStringLiteral("Only for *older* adults."), &error);
    ASSERT_TRUE(edited) << str(error);
    EXPECT_EQ(current(id)->note, QStringLiteral("Only for *older* adults."));
    EXPECT_GE(current(id)->modified, current(id)->created);

    // Retag.
    const std::optional<AnnotationResult> retagged
        = service().edit(id, stu, QStringLiteral("overstated"), std::nullopt, &error);
    ASSERT_TRUE(retagged) << str(error);
    EXPECT_EQ(current(id)->tag, QStringLiteral("overstated"));

    // Undo the retag, then the edit: back to the original, exactly.
    const std::optional<AnnotationResult> undoRetag = service().undo(retagged->eventId, stu, &error);
    ASSERT_TRUE(undoRetag) << str(error);
    EXPECT_EQ(current(id)->tag, QStringLiteral("key_finding"));
    const std::optional<AnnotationResult> undoEdit = service().undo(edited->eventId, stu, &error);
    ASSERT_TRUE(undoEdit) << str(error);
    EXPECT_EQ(*current(id), made.annotation);

    // Redo both.
    ASSERT_TRUE(service().redo(undoEdit->eventId, stu, &error)) << str(error);
    const std::optional<AnnotationResult> redoRetag = service().redo(undoRetag->eventId, stu, &error);
    ASSERT_TRUE(redoRetag) << str(error);
    EXPECT_EQ(current(id)->tag, QStringLiteral("overstated"));
    EXPECT_EQ(current(id)->note, QStringLiteral("Only for *older* adults."));

    // Delete: gone from the list, still in the library; undo brings it back.
    const std::optional<AnnotationResult> deleted = service().remove(id, stu, &error);
    ASSERT_TRUE(deleted) << str(error);
    EXPECT_TRUE(service().list({}, &error)->isEmpty());
    EXPECT_TRUE(current(id)->deleted);
    AnnotationFilter all;
    all.includeDeleted = true;
    EXPECT_EQ(service().list(all, &error)->size(), 1);
    const std::optional<AnnotationResult> undoDelete = service().undo(deleted->eventId, stu, &error);
    ASSERT_TRUE(undoDelete) << str(error);
    EXPECT_FALSE(current(id)->deleted);
    EXPECT_EQ(service().list({}, &error)->size(), 1);
    ASSERT_TRUE(service().redo(undoDelete->eventId, stu, &error)) << str(error);
    EXPECT_TRUE(current(id)->deleted);

    // Every step is an event; the actions say what happened.
    EXPECT_EQ(column(QStringLiteral("SELECT action FROM annotation_events ORDER BY id")),
        (QStringList { QStringLiteral("create"), QStringLiteral("edit"), QStringLiteral("retag"),
            QStringLiteral("undo"), QStringLiteral("undo"), QStringLiteral("undo"), QStringLiteral("undo"),
            QStringLiteral("delete"), QStringLiteral("undo"), QStringLiteral("undo") }));
}

TEST_F(AnnotationTest, UndoOfCreateMarksDeletedAndRedoRestores)
{
    const AnnotationResult made = annotate(kCochrane, kQuote, QStringLiteral("overstated"));
    QString error;
    const std::optional<AnnotationResult> undone = service().undo(made.eventId, QStringLiteral("Stu"), &error);
    ASSERT_TRUE(undone) << str(error);
    EXPECT_TRUE(undone->annotation.deleted);
    EXPECT_TRUE(service().list({}, &error)->isEmpty());
    ASSERT_TRUE(service().redo(undone->eventId, QStringLiteral("Stu"), &error)) << str(error);
    EXPECT_EQ(*current(made.annotation.id), made.annotation);
}

TEST_F(AnnotationTest, UndoRefusesWhenTheAnnotationChangedSince)
{
    const AnnotationResult made = annotate(kCochrane, kQuote, QStringLiteral("overstated"));
    QString error;
    ASSERT_TRUE(service().edit(made.annotation.id, QStringLiteral("Stu"), std::nullopt, QStringLiteral("later"), &error));
    EXPECT_FALSE(service().undo(made.eventId, QStringLiteral("Stu"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("undo the later change first"))) << str(error);
    EXPECT_EQ(current(made.annotation.id)->note, QStringLiteral("later"));
}

TEST_F(AnnotationTest, NothingToChangeIsRefused)
{
    const AnnotationResult made = annotate(kCochrane, kQuote, QStringLiteral("overstated"));
    QString error;
    EXPECT_FALSE(service().edit(made.annotation.id, QStringLiteral("Stu"), QStringLiteral("Overstated"), std::nullopt, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("nothing to change"))) << str(error);
}

TEST_F(AnnotationTest, HistoryIsAppendOnly)
{
    const AnnotationResult made = annotate(kCochrane, kQuote, QStringLiteral("overstated"));
    QSqlQuery q(db().connection());
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE annotation_events SET actor = 'Eve'")));
    EXPECT_TRUE(q.lastError().text().contains(QStringLiteral("append-only"))) << str(q.lastError().text());
    EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM annotation_events")));
    EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM annotations")));
    EXPECT_EQ(column(QStringLiteral("SELECT actor FROM annotation_events")), QStringList { QStringLiteral("Stu") });
    EXPECT_EQ(column(QStringLiteral("SELECT id FROM annotations")), QStringList { made.annotation.id });

    // Each event holds the whole state before and after.
    QString error;
    const std::optional<QVector<AnnotationEvent>> history = service().history(made.annotation.id, &error);
    ASSERT_TRUE(history && history->size() == 1) << str(error);
    EXPECT_FALSE(history->first().before);
    EXPECT_EQ(history->first().after, made.annotation);
}

TEST_F(AnnotationTest, AnnotationsSurviveReopeningTheLibrary)
{
    const AnnotationResult kept = annotate(kCochrane, kQuote, QStringLiteral("key finding"), QStringLiteral("Stu"),
        QStringLiteral("note with ünïcode and “quotes”"));
    const AnnotationResult gone = annotate(kCochrane, QStringLiteral("literature is conflicting"),
        QStringLiteral("needs check"), QStringLiteral("Sue"));
    QString error;
    ASSERT_TRUE(service().remove(gone.annotation.id, QStringLiteral("Sue"), &error)) << str(error);

    m_library.close();
    m_library.open();
    const std::optional<QVector<Annotation>> list = service().list({}, &error);
    ASSERT_TRUE(list) << str(error);
    ASSERT_EQ(list->size(), 1);
    EXPECT_EQ(list->first(), kept.annotation);
    EXPECT_TRUE(current(gone.annotation.id)->deleted);
    // The undo of the delete still works after reopening: the history is in the library.
    const std::optional<QVector<AnnotationEvent>> history = service().history(gone.annotation.id, &error);
    ASSERT_TRUE(history);
    ASSERT_TRUE(service().undo(history->last().id, QStringLiteral("Sue"), &error)) << str(error);
    EXPECT_EQ(service().list({}, &error)->size(), 2);
}

TEST_F(AnnotationTest, ListFiltersByAuthorTagAndStudy)
{
    annotate(kCochrane, kQuote, QStringLiteral("key finding"), QStringLiteral("Stu"));
    annotate(kCochrane, QStringLiteral("literature is conflicting"), QStringLiteral("needs check"), QStringLiteral("Sue"));
    const QString other = QStringLiteral("roffe2002_rct");
    const QString otherText = conclusionText(other, 1);
    ASSERT_FALSE(otherText.isEmpty());
    annotate(other, otherText.left(30), QStringLiteral("small sample"), QStringLiteral("Bea"));

    QString error;
    AnnotationFilter f;
    EXPECT_EQ(service().list(f, &error)->size(), 3);
    f.author = QStringLiteral("sue");
    EXPECT_EQ(service().list(f, &error)->size(), 1);
    f = {};
    f.tag = QStringLiteral("Small sample");
    ASSERT_EQ(service().list(f, &error)->size(), 1);
    EXPECT_EQ(service().list(f, &error)->first().studyId, other);
    f = {};
    f.studyId = kCochrane;
    EXPECT_EQ(service().list(f, &error)->size(), 2);
}

TEST_F(AnnotationTest, NotesAreFoundByFullTextSearch)
{
    EXPECT_TRUE(searchIds(QStringLiteral("zymurgical")).isEmpty());
    const AnnotationResult made = annotate(kCochrane, kQuote, QStringLiteral("population mismatch"),
        QStringLiteral("Stu"), QStringLiteral("Compare with the zymurgical cohort"));
    EXPECT_EQ(searchIds(QStringLiteral("zymurgical")), QStringList { kCochrane });
    EXPECT_EQ(searchIds(QStringLiteral("zymurgical magnesium")), QStringList { kCochrane }); // note + conclusion words
    EXPECT_TRUE(searchIds(QStringLiteral("mismatch")).contains(kCochrane)); // the tag's label

    // The window's in-memory index is read from the same table.
    bool inIndex = false;
    QString error;
    ASSERT_TRUE(StudyStore(db()).forEachSearchText(
        [&](qint64, const SearchableText &t) { inIndex |= t.other.contains(QStringLiteral("zymurgical")); }, &error));
    EXPECT_TRUE(inIndex);

    // Editing the study keeps its notes searchable; deleting the annotation removes them.
    editConclusion(kCochrane, 1, conclusionText(kCochrane, 1) + QStringLiteral(" (edited)"));
    EXPECT_EQ(searchIds(QStringLiteral("zymurgical")), QStringList { kCochrane });
    ASSERT_TRUE(service().remove(made.annotation.id, QStringLiteral("Stu"), &error)) << str(error);
    EXPECT_TRUE(searchIds(QStringLiteral("zymurgical")).isEmpty());
}
