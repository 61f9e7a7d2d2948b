// The import plan (dry run), duplicates, the transactional apply (rollback on failure and
// on cancel) and the rules on imported records.
#include "importtesthelpers.h"

#include "importexport/duplicatereview.h"
#include "importexport/importplan.h"
#include "rules/ruleengine.h"
#include "rules/ruleloader.h"
#include "rules/suggestionstore.h"
#include "store/studystore.h"
#include "support/templibrary.h"

#include <QSqlQuery>
#include <QVariant>

namespace mgreview::testing {
namespace {

class ImportPlanTest : public ::testing::Test
{
protected:
    void SetUp() override { m_db = &m_library.open(); }

    ImportPlan plan(const QVector<QPair<QByteArray, ImportFormat>> &files)
    {
        QVector<ReadResult> results;
        QStringList names;
        for (int i = 0; i < files.size(); ++i) {
            names.append(QStringLiteral("f%1").arg(i));
            results.append(readImportBytes(files.at(i).first, names.last(), files.at(i).second));
        }
        QString error;
        const std::optional<ImportPlan> p = planImport(*m_db, results, names, &error);
        EXPECT_TRUE(p) << u8(error);
        return p.value_or(ImportPlan());
    }

    int count(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        EXPECT_TRUE(q.exec(sql) && q.next()) << u8(sql);
        return q.value(0).toInt();
    }

    /// Everything a user could see of the library, to compare before and after.
    QString snapshot()
    {
        QString out;
        for (const QString &table : {QStringLiteral("studies"), QStringLiteral("study_text"),
                                     QStringLiteral("import_batches"), QStringLiteral("duplicate_candidates"),
                                     QStringLiteral("rule_suggestions")})
            out += table + u'=' + QString::number(count(QStringLiteral("SELECT count(*) FROM ") + table)) + u' ';
        QSqlQuery q(m_db->connection());
        q.exec(QStringLiteral("SELECT id, record FROM studies ORDER BY pk"));
        while (q.next())
            out += q.value(0).toString() + q.value(1).toString();
        return out;
    }

    TempLibrary m_library;
    Database *m_db = nullptr;
};

const QByteArray kTwo =
    "TY  - JOUR\nTI  - Magnesium for nocturnal leg cramps: a randomised trial\nAU  - Roffe, C\nPY  - 2002\n"
    "DO  - 10.1000/roffe\nER  - \n"
    "TY  - JOUR\nTI  - Magnesium in pregnancy cramps\nAU  - Dahle, LO\nPY  - 1995\nAN  - 7654321\nDB  - PubMed\nER  - \n";

TEST_F(ImportPlanTest, NewRecordsGetGeneratedIdsAndNothingIsWrittenByTheDryRun)
{
    const QString before = snapshot();
    const ImportPlan p = plan({{kTwo, ImportFormat::Ris}});
    ASSERT_EQ(p.records.size(), 2);
    EXPECT_EQ(p.newCount, 2);
    EXPECT_EQ(p.records.at(0).status, RecordStatus::New);
    EXPECT_TRUE(p.records.at(0).record.study.id.startsWith(QStringLiteral("roffe2002_")))
        << u8(p.records.at(0).record.study.id);
    EXPECT_EQ(snapshot(), before);
}

TEST_F(ImportPlanTest, ExactDuplicatesByDoiAndPmidAgainstTheLibraryAndWithinTheFile)
{
    const ImportPlan first = plan({{kTwo, ImportFormat::Ris}});
    const ImportOutcome done = applyImport(*m_db, first);
    ASSERT_TRUE(done.ok) << u8(done.error);
    EXPECT_EQ(done.inserted, 2);

    const QByteArray again =
        "TY  - JOUR\nTI  - Different title, same DOI\nDO  - https://doi.org/10.1000/ROFFE\nER  - \n"
        "TY  - JOUR\nTI  - Same PMID\nN1  - PMID: 7654321\nER  - \n"
        "TY  - JOUR\nTI  - Brand new record about cramps\nAU  - New, A\nDO  - 10.1000/new\nER  - \n"
        "TY  - JOUR\nTI  - Brand new copy inside the file\nDO  - 10.1000/new\nER  - \n";
    const ImportPlan p = plan({{again, ImportFormat::Ris}});
    ASSERT_EQ(p.records.size(), 4);
    EXPECT_EQ(p.records.at(0).status, RecordStatus::Duplicate);
    EXPECT_EQ(p.records.at(0).matchId, first.records.at(0).record.study.id);
    EXPECT_TRUE(p.records.at(0).matchReason.contains(QStringLiteral("DOI")));
    EXPECT_EQ(p.records.at(1).status, RecordStatus::Duplicate);
    EXPECT_TRUE(p.records.at(1).matchReason.contains(QStringLiteral("PMID")));
    EXPECT_EQ(p.records.at(2).status, RecordStatus::New);
    EXPECT_EQ(p.records.at(3).status, RecordStatus::Duplicate);
    EXPECT_TRUE(p.records.at(3).matchInImport);
    EXPECT_EQ(p.records.at(3).matchId, p.records.at(2).record.study.id);
    EXPECT_EQ(p.duplicateCount, 3);
    EXPECT_EQ(p.newCount, 1);
}

TEST_F(ImportPlanTest, ProbableDuplicatesGoToTheReviewList)
{
    ASSERT_TRUE(applyImport(*m_db, plan({{kTwo, ImportFormat::Ris}})).ok);
    // Same title (other punctuation and case), same first author, year off by one, no ids.
    const QByteArray near =
        "TY  - JOUR\nTI  - MAGNESIUM FOR NOCTURNAL LEG CRAMPS - A RANDOMISED TRIAL.\nAU  - Roffe, Christine\n"
        "PY  - 2003\nER  - \n"
        "TY  - JOUR\nTI  - Magnesium for nocturnal leg cramps: a randomised trial\nAU  - Roffe, C\nPY  - 2004\nER  - \n";
    const ImportPlan p = plan({{near, ImportFormat::Ris}});
    ASSERT_EQ(p.records.size(), 2);
    EXPECT_EQ(p.records.at(0).status, RecordStatus::ProbableDuplicate);
    EXPECT_TRUE(p.records.at(1).status == RecordStatus::ProbableDuplicate && p.records.at(1).matchInImport)
        << "2004 is too far from 2002, but within one year of the 2003 record of this import";
    const ImportOutcome done = applyImport(*m_db, p);
    ASSERT_TRUE(done.ok) << u8(done.error);
    EXPECT_EQ(done.inserted, 2) << "probable duplicates are imported";
    EXPECT_EQ(done.candidates, 2);
    QString error;
    const auto list = DuplicateReview(*m_db).candidates(QStringLiteral("open"), &error);
    ASSERT_TRUE(list) << u8(error);
    ASSERT_EQ(list->size(), 2);
    EXPECT_EQ(list->at(0).studyId, p.records.at(0).record.study.id);
    EXPECT_EQ(list->at(0).batchId, done.batchId);
}

TEST_F(ImportPlanTest, ImportedStudiesAreSearchableAndClassifiedByTheRules)
{
    const QByteArray text =
        "PMID- 40000001\nTI  - Magnesium citrate for leg cramps: a randomized, double-blind, placebo-controlled trial\n"
        "AB  - We randomised 100 older adults with nocturnal leg cramps to magnesium or placebo.\n"
        "FAU - Tester, Tina\nDP  - 2020\nPT  - Randomized Controlled Trial\n"
        "COIS- The trial was funded by a supplement manufacturer that supplied the capsules.\n";
    const ImportPlan p = plan({{text, ImportFormat::Medline}});
    const RuleEngine engine(defaultRules());
    const ImportOutcome done = applyImport(*m_db, p, {}, &engine);
    ASSERT_TRUE(done.ok) << u8(done.error);
    EXPECT_TRUE(done.classification.error.isEmpty()) << u8(done.classification.error);
    EXPECT_EQ(done.classification.studies, 1);
    QString error;
    const std::optional<QVector<qint64>> hits = StudyStore(*m_db).search(QStringLiteral("citrate tester"), &error);
    ASSERT_TRUE(hits) << u8(error);
    EXPECT_EQ(hits->size(), 1);
    const auto suggestions = SuggestionStore(*m_db).forStudy(p.records.at(0).record.study.id, &error);
    ASSERT_TRUE(suggestions) << u8(error);
    EXPECT_FALSE(suggestions->isEmpty()) << "the rules suggest a design for an RCT";
    const std::optional<Study> stored = StudyStore(*m_db).load(p.records.at(0).record.study.id, &error);
    ASSERT_TRUE(stored);
    EXPECT_TRUE(stored->design.isEmpty()) << "imported records carry no human coding";
}

TEST_F(ImportPlanTest, CancelLeavesTheLibraryExactlyAsItWas)
{
    ASSERT_TRUE(applyImport(*m_db, plan({{kTwo, ImportFormat::Ris}})).ok);
    QByteArray many;
    for (int i = 0; i < 700; ++i)
        many += "TY  - JOUR\nTI  - Record number " + QByteArray::number(i) + " about magnesium\nAU  - Writer, W\nPY  - 2010\n"
                "DO  - 10.7777/" + QByteArray::number(i) + "\nER  - \n";
    const ImportPlan p = plan({{many, ImportFormat::Ris}});
    ASSERT_EQ(p.newCount, 700);
    const QString before = snapshot();
    QVector<int> calls;
    const ImportOutcome cancelled = applyImport(*m_db, p, [&](int done, int total) {
        EXPECT_EQ(total, 700);
        calls.append(done);
        return done < 512;
    });
    EXPECT_FALSE(cancelled.ok);
    EXPECT_TRUE(cancelled.cancelled) << u8(cancelled.error);
    EXPECT_EQ(calls, (QVector<int>{256, 512}));
    EXPECT_EQ(snapshot(), before);
}

TEST_F(ImportPlanTest, FailureInTheMiddleRollsEverythingBack)
{
    ASSERT_TRUE(applyImport(*m_db, plan({{kTwo, ImportFormat::Ris}})).ok);
    ImportPlan p = plan({{"TY  - JOUR\nTI  - Fresh one\nER  - \nTY  - JOUR\nTI  - Fresh two\nER  - \n", ImportFormat::Ris}});
    ASSERT_EQ(p.newCount, 2);
    // A study id taken in the meantime (another window imported it): the insert must fail whole.
    QString error;
    Study intruder;
    intruder.id = p.records.at(1).record.study.id;
    intruder.citation.title = QStringLiteral("Someone else");
    ASSERT_TRUE(StudyStore(*m_db).insert(intruder, &error)) << u8(error);
    const QString before = snapshot();
    const ImportOutcome failed = applyImport(*m_db, p);
    EXPECT_FALSE(failed.ok);
    EXPECT_FALSE(failed.cancelled);
    EXPECT_TRUE(failed.error.contains(intruder.id)) << u8(failed.error);
    EXPECT_EQ(snapshot(), before);
}

TEST_F(ImportPlanTest, ReadErrorsAreCollectedWithFileAndLine)
{
    const ImportPlan p = plan({{"TY  - JOUR\nTI  - Fine\nER  - \njunk\n", ImportFormat::Ris},
                               {QByteArray(), ImportFormat::Bibtex}});
    EXPECT_EQ(p.newCount, 1);
    ASSERT_EQ(p.issues.size(), 2);
    EXPECT_EQ(p.issues.at(0).toString(), QStringLiteral("f0:4: line outside a record was ignored: 'junk'"));
    EXPECT_EQ(p.issues.at(1).toString(), QStringLiteral("f1: the file is empty"));
}

TEST_F(ImportPlanTest, StudiesFilesKeepTheirIdsAndCodingAndAreDuplicatesOnceKnown)
{
    const QString folder = projectStudiesFolder();
    const ReadResult one = readImportFile(folder + QStringLiteral("/garrison2012_cochrane.toml"));
    ASSERT_EQ(one.records.size(), 1) << issuesText(one);
    EXPECT_EQ(one.format, ImportFormat::Studies);
    EXPECT_EQ(one.records.at(0).study.id, QStringLiteral("garrison2012_cochrane"));
    EXPECT_FALSE(one.records.at(0).study.design.isEmpty()) << "curated coding comes along";

    QString error;
    std::optional<ImportPlan> p = planImport(*m_db, {folder}, ImportFormat::Studies, &error);
    ASSERT_TRUE(p) << u8(error);
    EXPECT_EQ(p->newCount, 20) << "the project's 20 studies";
    EXPECT_TRUE(p->issues.isEmpty());
    ASSERT_TRUE(applyImport(*m_db, *p).ok);
    p = planImport(*m_db, {folder}, std::nullopt, &error);
    ASSERT_TRUE(p) << u8(error);
    EXPECT_EQ(p->duplicateCount, 20);
    EXPECT_EQ(p->records.at(0).matchReason, QStringLiteral("same study id"));
}

} // namespace
} // namespace mgreview::testing
