// Merging probable duplicates keeps every source's fields; undo restores both records.
#include "importtesthelpers.h"

#include "importexport/duplicatereview.h"
#include "importexport/importplan.h"
#include "store/studystore.h"
#include "support/templibrary.h"

namespace mgreview::testing {
namespace {

Study recordA()
{
    Study s;
    s.id = QStringLiteral("roffe2002_aaaaaa");
    s.citation.title = QStringLiteral("Magnesium for leg cramps");
    s.citation.authors = {QStringLiteral("Roffe C")};
    s.citation.year = 2002;
    s.citation.journal = QStringLiteral("Med Sci Monit");
    s.ids.doi = QStringLiteral("10.1000/a");
    s.keywords = {QStringLiteral("magnesium")};
    s.sources = {QStringLiteral("Imported from a.ris")};
    return s;
}

Study recordB()
{
    Study s;
    s.id = QStringLiteral("roffe2003_bbbbbb");
    s.citation.title = QStringLiteral("Magnesium for leg cramps");
    s.citation.authors = {QStringLiteral("Roffe C"), QStringLiteral("Sills S")};
    s.citation.year = 2003;
    s.citation.journal = QStringLiteral("Medical Science Monitor");
    s.ids.pmid = QStringLiteral("12345");
    s.abstract = QStringLiteral("An abstract only B has.");
    s.keywords = {QStringLiteral("magnesium"), QStringLiteral("cramps")};
    s.funding.coiStatement = QStringLiteral("None declared.");
    s.funding.funders = {{QStringLiteral("NIA NIH HHS"), QString(), QStringLiteral("PubMed GR line")}};
    s.sources = {QStringLiteral("Imported from b.nbib")};
    return s;
}

TEST(MergeStudies, KeepsEveryFieldOfBothSources)
{
    const Study m = mergeStudies(recordA(), recordB());
    EXPECT_EQ(m.id, recordA().id);
    EXPECT_EQ(m.ids.doi, QStringLiteral("10.1000/a"));
    EXPECT_EQ(m.ids.pmid, QStringLiteral("12345"));
    EXPECT_EQ(m.abstract, QStringLiteral("An abstract only B has."));
    EXPECT_EQ(m.citation.year, 2002);
    EXPECT_EQ(m.citation.journal, QStringLiteral("Med Sci Monit"));
    EXPECT_EQ(m.keywords, (QStringList{QStringLiteral("magnesium"), QStringLiteral("cramps")}));
    EXPECT_EQ(m.funding.coiStatement, QStringLiteral("None declared."));
    EXPECT_EQ(m.funding.funders.size(), 1);
    EXPECT_EQ(m.sources.size(), 2);
    // Values both have and that differ: the other's is kept, named.
    auto fact = [&](const QString &label) {
        for (const ExtraFact &f : m.extraFacts) {
            if (f.label == label)
                return f.text;
        }
        return QString();
    };
    EXPECT_EQ(fact(QStringLiteral("Merged from roffe2003_bbbbbb: journal")), QStringLiteral("Medical Science Monitor"));
    EXPECT_EQ(fact(QStringLiteral("Merged from roffe2003_bbbbbb: year")), QStringLiteral("2003"));
    EXPECT_EQ(fact(QStringLiteral("Merged from roffe2003_bbbbbb: authors")), QStringLiteral("Roffe C; Sills S"));
}

class MergeTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_db = &m_library.open();
        // B arrives by import as a probable duplicate of A.
        QString error;
        ASSERT_TRUE(StudyStore(*m_db).insert(recordA(), &error)) << u8(error);
        ImportPlan plan;
        plan.files = {QStringLiteral("b.nbib")};
        plan.records.append({{recordB(), QStringLiteral("b.nbib"), 1}, RecordStatus::ProbableDuplicate, recordA().id,
                             QStringLiteral("same title, first author and year (±1)"), false});
        plan.probableCount = 1;
        const ImportOutcome done = applyImport(*m_db, plan);
        ASSERT_TRUE(done.ok) << u8(done.error);
    }

    TempLibrary m_library;
    Database *m_db = nullptr;
};

TEST_F(MergeTest, MergeThenUndoRestoresBothRecordsExactly)
{
    QString error;
    DuplicateReview review(*m_db);
    StudyStore store(*m_db);
    const Study a = *store.load(recordA().id, &error);
    const Study b = *store.load(recordB().id, &error);

    const std::optional<qint64> merge = review.merge(a.id, b.id, &error);
    ASSERT_TRUE(merge) << u8(error);
    EXPECT_FALSE(store.contains(b.id));
    const Study merged = *store.load(a.id, &error);
    EXPECT_EQ(merged.ids.pmid, QStringLiteral("12345"));
    const auto candidates = review.candidates(QString(), &error);
    ASSERT_TRUE(candidates);
    ASSERT_EQ(candidates->size(), 1);
    EXPECT_EQ(candidates->at(0).status, QStringLiteral("merged"));
    const std::optional<QVector<qint64>> hits = store.search(QStringLiteral("abstract only"), &error);
    ASSERT_TRUE(hits);
    EXPECT_EQ(hits->size(), 1) << "the merged record is searchable by what B brought";

    ASSERT_TRUE(review.undoMerge(*merge, &error)) << u8(error);
    EXPECT_EQ(*store.load(a.id, &error), a);
    EXPECT_EQ(*store.load(b.id, &error), b);
    EXPECT_EQ(review.candidates(QStringLiteral("open"), &error)->size(), 1);
    EXPECT_FALSE(review.undoMerge(*merge, &error)) << "an undo is done once";
    EXPECT_TRUE(error.contains(QStringLiteral("already undone"))) << u8(error);
}

TEST_F(MergeTest, KeepBothClosesTheCandidate)
{
    QString error;
    DuplicateReview review(*m_db);
    ASSERT_TRUE(review.keepBoth(recordB().id, recordA().id, &error)) << u8(error);
    EXPECT_EQ(review.candidates(QStringLiteral("kept"), &error)->size(), 1);
    EXPECT_TRUE(StudyStore(*m_db).contains(recordB().id));
    EXPECT_FALSE(review.keepBoth(recordB().id, recordA().id, &error)) << "nothing open any more";
}

TEST_F(MergeTest, MergeRefusesUnknownOrSameStudies)
{
    QString error;
    DuplicateReview review(*m_db);
    EXPECT_FALSE(review.merge(recordA().id, QStringLiteral("nope"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("nope"))) << u8(error);
    EXPECT_FALSE(review.merge(recordA().id, recordA().id, &error));
    EXPECT_TRUE(StudyStore(*m_db).contains(recordB().id));
}

} // namespace
} // namespace mgreview::testing
