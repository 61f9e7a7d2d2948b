// Full-text search of annotations kept current one study at a time: after a create, edit,
// delete or undo, replacing the changed study's row of the in-memory index
// (StudySearchIndex::replaceRow with studySearchText) answers every query exactly as an index
// built afresh from the library does, and the search finds (or no longer finds) the note.
#include "annotationfixture.h"

#include "annotations/annotationsearch.h"
#include "library/libraryloader.h"
#include "library/studysearchindex.h"

using namespace mgreview;
using namespace mgreview::testing;

namespace {

const QString kQuote = QStringLiteral("unlikely that magnesium supplementation provides clinically meaningful cramp prophylaxis");

/// Queries whose answers must not differ between the two indexes: the notes' words, a tag
/// label, prefixes, words of the studies' own text, and combinations.
const QStringList kQueries = { QStringLiteral("quixotic"), QStringLiteral("quix"), QStringLiteral("zephyrous"),
    QStringLiteral("overstated"), QStringLiteral("key finding"), QStringLiteral("magnesium"),
    QStringLiteral("magnesium quixotic"), QStringLiteral("cramps older"), QStringLiteral("garrison"),
    QStringLiteral("needs check"), QStringLiteral("zzz-not-there") };

class AnnotationSearchUpdate : public AnnotationTest
{
protected:
    /// The table rows and an index read afresh from the library, as the window opens it.
    StudySearchIndex fullIndex(QVector<StudySummary> *rows = nullptr)
    {
        QVector<StudySummary> summaries;
        StudySearchIndex index;
        QString error;
        EXPECT_TRUE(readLibrary(db(), &summaries, &index, &error)) << str(error);
        if (rows)
            *rows = summaries;
        return index;
    }

    /// Replaces the row of `studyId` in `index` with the library's text for it now.
    void updateRow(StudySearchIndex &index, const QVector<StudySummary> &rows, const QString &studyId)
    {
        QSqlDatabase connection = db().connection();
        std::optional<IndexedStudyText> text;
        QString error;
        ASSERT_TRUE(studySearchText(connection, studyId, &text, &error)) << str(error);
        ASSERT_TRUE(text);
        const auto row = std::find_if(rows.cbegin(), rows.cend(), [&](const StudySummary &s) { return s.id == studyId; });
        ASSERT_NE(row, rows.cend());
        ASSERT_TRUE(index.replaceRow(row - rows.cbegin(), text->text));
    }

    /// The ids a query finds in an index.
    static QStringList found(const StudySearchIndex &index, const QVector<StudySummary> &rows, const QString &query)
    {
        const QBitArray bits = index.match(query);
        QStringList ids;
        for (qsizetype i = 0; i < bits.size(); ++i) {
            if (bits.testBit(i))
                ids.append(rows.at(i).id);
        }
        return ids;
    }

    /// The incrementally updated index answers every query as a fresh one does.
    void expectSameAnswers(const StudySearchIndex &updated, const QVector<StudySummary> &rows)
    {
        QVector<StudySummary> freshRows;
        const StudySearchIndex fresh = fullIndex(&freshRows);
        ASSERT_EQ(freshRows.size(), rows.size());
        for (const QString &query : kQueries)
            EXPECT_EQ(found(updated, rows, query), found(fresh, freshRows, query)) << str(query);
    }
};

} // namespace

TEST_F(AnnotationSearchUpdate, CreateEditDeleteAndUndoKeepTheUpdatedIndexEqualToAFreshOne)
{
    QVector<StudySummary> rows;
    StudySearchIndex index = fullIndex(&rows);
    EXPECT_TRUE(found(index, rows, QStringLiteral("quixotic")).isEmpty());

    // Create: the note's word finds the study.
    const AnnotationResult created
        = annotate(kCochrane, kQuote, QStringLiteral("Overstated"), QStringLiteral("Stu"), QStringLiteral("A quixotic claim"));
    updateRow(index, rows, kCochrane);
    EXPECT_EQ(found(index, rows, QStringLiteral("quixotic")), QStringList { kCochrane });
    EXPECT_EQ(searchIds(QStringLiteral("quixotic")), QStringList { kCochrane }); // The library's FTS agrees.
    expectSameAnswers(index, rows);

    // Edit: the old word no longer finds it, the new one does.
    QString error;
    const std::optional<AnnotationResult> edited = service().edit(
        created.annotation.id, QStringLiteral("Stu"), QStringLiteral("Needs check"), QStringLiteral("zephyrous"), &error);
    ASSERT_TRUE(edited) << str(error);
    updateRow(index, rows, kCochrane);
    EXPECT_TRUE(found(index, rows, QStringLiteral("quixotic")).isEmpty());
    EXPECT_EQ(found(index, rows, QStringLiteral("zephyrous")), QStringList { kCochrane });
    expectSameAnswers(index, rows);

    // Delete: gone from search.
    const std::optional<AnnotationResult> removed = service().remove(created.annotation.id, QStringLiteral("Stu"), &error);
    ASSERT_TRUE(removed) << str(error);
    updateRow(index, rows, kCochrane);
    EXPECT_TRUE(found(index, rows, QStringLiteral("zephyrous")).isEmpty());
    EXPECT_TRUE(searchIds(QStringLiteral("zephyrous")).isEmpty());
    expectSameAnswers(index, rows);

    // Undo of the delete: found again.
    ASSERT_TRUE(service().undo(removed->eventId, QStringLiteral("Stu"), &error)) << str(error);
    updateRow(index, rows, kCochrane);
    EXPECT_EQ(found(index, rows, QStringLiteral("zephyrous")), QStringList { kCochrane });
    expectSameAnswers(index, rows);
}

TEST_F(AnnotationSearchUpdate, AWordSharedWithOtherStudiesKeepsThemWhenOneStudyLosesIt)
{
    // "magnesium" is in every study's own text: a study's note using it and then losing it
    // must not take the study (or any other) out of the word's rows.
    QVector<StudySummary> rows;
    StudySearchIndex index = fullIndex(&rows);
    const QStringList before = found(index, rows, QStringLiteral("magnesium"));
    ASSERT_GT(before.size(), 1);
    const AnnotationResult created
        = annotate(kCochrane, kQuote, QStringLiteral("Key finding"), QStringLiteral("Stu"), QStringLiteral("magnesium"));
    updateRow(index, rows, kCochrane);
    QString error;
    ASSERT_TRUE(service().remove(created.annotation.id, QStringLiteral("Stu"), &error)) << str(error);
    updateRow(index, rows, kCochrane);
    EXPECT_EQ(found(index, rows, QStringLiteral("magnesium")), before);
    expectSameAnswers(index, rows);
}

TEST(StudySearchIndexReplace, ReplacesOnlyTheGivenRow)
{
    StudySearchIndex index;
    index.append({ QStringLiteral("Alpha trial"), QStringLiteral("Smith"), QStringLiteral("no effect"), {} });
    index.append({ QStringLiteral("Beta trial"), QStringLiteral("Jones"), QStringLiteral("small effect"), {} });
    ASSERT_TRUE(index.replaceRow(1, { QStringLiteral("Gamma study"), QStringLiteral("Jones"), QString(), {} }));
    const QBitArray trial = index.match(QStringLiteral("trial"));
    EXPECT_TRUE(trial.testBit(0));
    EXPECT_FALSE(trial.testBit(1));
    EXPECT_EQ(index.match(QStringLiteral("gamma")).count(true), 1);
    EXPECT_TRUE(index.match(QStringLiteral("gamma")).testBit(1));
    EXPECT_EQ(index.match(QStringLiteral("effect")).count(true), 1);
    EXPECT_EQ(index.match(QStringLiteral("jones")).count(true), 1);
    EXPECT_FALSE(index.replaceRow(2, {}));
    EXPECT_FALSE(index.replaceRow(-1, {}));
}
