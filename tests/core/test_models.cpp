// The study table and the conclusion pane models, under QAbstractItemModelTester.
#include "corehelpers.h"

#include "library/libraryloader.h"
#include "model/vocabulary.h"
#include "models/studydetailmodel.h"
#include "models/studytablemodel.h"
#include "store/studystore.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

class TableModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_db = &m_library.open();
        QStringList errors;
        ASSERT_EQ(seedProjectStudies(*m_db, &errors), 20) << str(errors.join(u'\n'));
        QString error;
        ASSERT_TRUE(readLibrary(*m_db, &m_rows, &m_index, &error)) << str(error);
        m_model.setStudies(m_rows);
    }

    QStringList visibleIds() const
    {
        QStringList ids;
        for (int row = 0; row < m_model.rowCount(); ++row)
            ids.append(m_model.index(row, 0).data(StudyTableModel::StudyIdRole).toString());
        return ids;
    }

    TempLibrary m_library;
    Database *m_db = nullptr;
    QVector<StudySummary> m_rows;
    StudySearchIndex m_index;
    StudyTableModel m_model { Vocabularies::builtin() };
    QAbstractItemModelTester m_tester { &m_model, kFatal };
};

} // namespace

TEST_F(TableModelTest, ShowsEveryStudy)
{
    EXPECT_EQ(m_model.rowCount(), 20);
    EXPECT_EQ(m_model.columnCount(), int(StudyTableModel::ColumnCount));
    for (int column = 0; column < m_model.columnCount(); ++column)
        EXPECT_FALSE(m_model.headerData(column, Qt::Horizontal).toString().isEmpty()) << column;
    const int row = m_model.rowOfId(QStringLiteral("garrison2020_cochrane"));
    ASSERT_GE(row, 0);
    EXPECT_EQ(m_model.studyAt(row).id, QStringLiteral("garrison2020_cochrane"));
    EXPECT_EQ(m_model.index(row, StudyTableModel::FirstAuthor).data().toString(), QStringLiteral("Garrison"));
    EXPECT_EQ(m_model.index(row, StudyTableModel::Year).data().toString(), QStringLiteral("2020"));
    EXPECT_EQ(m_model.index(row, StudyTableModel::Title).data().toString(),
        QStringLiteral("Magnesium for skeletal muscle cramps"));
    EXPECT_EQ(m_model.index(row, StudyTableModel::Design).data().toString(), QStringLiteral("Cochrane/SR+MA"));
    EXPECT_EQ(m_model.index(row, StudyTableModel::Independence).data(StudyTableModel::IndependenceRole).toString(),
        QStringLiteral("unclear"));
    EXPECT_TRUE(m_model.index(row, StudyTableModel::Independence)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("declarations not retrieved")));
    EXPECT_EQ(m_model.rowOfId(QStringLiteral("nope")), -1);
}

TEST_F(TableModelTest, IndependenceFilterAndCounts)
{
    const StudyTableModel::IndependenceCounts all = m_model.independenceCounts();
    EXPECT_EQ(all.all, 20);
    EXPECT_EQ(all.independent + all.industryLinked + all.unclear, all.all);
    EXPECT_EQ(all.industryLinked, 3);

    StudyFilter filter;
    filter.independence = IndependenceFilter::Independent;
    m_model.setFilter(filter);
    EXPECT_EQ(m_model.rowCount(), all.independent);
    for (const char *id : { "dahle1995_rct", "nygaard2008_rct", "barna2021_rct" })
        EXPECT_EQ(m_model.rowOfId(QString::fromLatin1(id)), -1) << id;
    for (int row = 0; row < m_model.rowCount(); ++row)
        EXPECT_EQ(
            m_model.index(row, 0).data(StudyTableModel::IndependenceRole).toString(), QStringLiteral("independent"));
    // Counts describe every state, whichever one is selected.
    const StudyTableModel::IndependenceCounts counts = m_model.independenceCounts();
    EXPECT_EQ(counts.all, 20);
    EXPECT_EQ(counts.independent, all.independent);

    filter.independence = IndependenceFilter::IndustryLinked;
    m_model.setFilter(filter);
    QStringList linked = visibleIds();
    linked.sort();
    EXPECT_EQ(linked,
        QStringList(
            { QStringLiteral("barna2021_rct"), QStringLiteral("dahle1995_rct"), QStringLiteral("nygaard2008_rct") }));

    filter.independence = IndependenceFilter::Unclear;
    m_model.setFilter(filter);
    EXPECT_EQ(m_model.rowCount(), all.unclear);

    filter.independence = IndependenceFilter::All;
    m_model.setFilter(filter);
    EXPECT_EQ(m_model.rowCount(), 20);
}

TEST_F(TableModelTest, PopulationAndCrampTypeFilters)
{
    StudyFilter filter;
    filter.population = QStringLiteral("pregnant_women");
    m_model.setFilter(filter);
    EXPECT_GT(m_model.rowCount(), 0);
    EXPECT_LT(m_model.rowCount(), 20);
    EXPECT_GE(m_model.rowOfId(QStringLiteral("nygaard2008_rct")), 0);
    for (int row = 0; row < m_model.rowCount(); ++row)
        EXPECT_TRUE(m_model.studyAt(row).populations.contains(filter.population));
    const StudyTableModel::IndependenceCounts counts = m_model.independenceCounts();
    EXPECT_EQ(counts.all, m_model.rowCount());
    EXPECT_EQ(counts.independent + counts.industryLinked + counts.unclear, counts.all);

    filter.crampType = QStringLiteral("exercise_associated");
    m_model.setFilter(filter);
    for (int row = 0; row < m_model.rowCount(); ++row)
        EXPECT_TRUE(m_model.studyAt(row).crampTypes.contains(filter.crampType));
    filter = {};
    filter.population = QStringLiteral("no_such_population");
    m_model.setFilter(filter);
    EXPECT_EQ(m_model.rowCount(), 0);
    EXPECT_EQ(m_model.independenceCounts().all, 0);
}

TEST_F(TableModelTest, TextMatches)
{
    const QBitArray matches = m_index.match(QStringLiteral("pregnancy"));
    ASSERT_GT(matches.count(true), 0);
    m_model.setTextMatches(matches);
    EXPECT_EQ(m_model.rowCount(), matches.count(true));
    const StudyTableModel::IndependenceCounts counts = m_model.independenceCounts();
    EXPECT_EQ(counts.all, matches.count(true));
    EXPECT_EQ(counts.independent + counts.industryLinked + counts.unclear, counts.all);

    // Together with the independence filter.
    StudyFilter filter;
    filter.independence = IndependenceFilter::IndustryLinked;
    m_model.setFilter(filter);
    EXPECT_EQ(m_model.rowCount(), counts.industryLinked);

    // A result computed for another study list is ignored.
    m_model.setTextMatches(QBitArray(5, true));
    EXPECT_EQ(m_model.rowCount(), counts.industryLinked);

    m_model.setTextMatches(QBitArray(20, false));
    EXPECT_EQ(m_model.rowCount(), 0);
    m_model.setFilter({});
    m_model.setTextMatches(std::nullopt);
    EXPECT_EQ(m_model.rowCount(), 20);
}

TEST_F(TableModelTest, SortsEveryColumnBothWays)
{
    for (int column = 0; column < StudyTableModel::ColumnCount; ++column) {
        for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
            m_model.sort(column, order);
            ASSERT_EQ(m_model.rowCount(), 20);
            for (int row = 1; row < m_model.rowCount(); ++row) {
                const int before = m_model.index(row - 1, column).data(StudyTableModel::SortKeyRole).toInt();
                const int after = m_model.index(row, column).data(StudyTableModel::SortKeyRole).toInt();
                if (order == Qt::AscendingOrder)
                    EXPECT_LE(before, after) << "column " << column << " row " << row;
                else
                    EXPECT_GE(before, after) << "column " << column << " row " << row;
            }
        }
    }
}

TEST_F(TableModelTest, YearAndDesignOrder)
{
    m_model.sort(StudyTableModel::Year, Qt::AscendingOrder);
    for (int row = 1; row < m_model.rowCount(); ++row)
        EXPECT_LE(m_model.studyAt(row - 1).year, m_model.studyAt(row).year) << row;
    EXPECT_EQ(m_model.studyAt(0).year, 1995);

    m_model.sort(StudyTableModel::Design, Qt::AscendingOrder);
    EXPECT_EQ(m_model.studyAt(0).design, QStringLiteral("cochrane_review"));
    EXPECT_EQ(m_model.studyAt(1).design, QStringLiteral("cochrane_review"));
    // Evidence order, not alphabetical: no design ranks below a weaker one.
    const Vocabulary &designs = Vocabularies::builtin().design;
    for (int row = 1; row < m_model.rowCount(); ++row)
        EXPECT_LE(designs.term(m_model.studyAt(row - 1).design)->rank, designs.term(m_model.studyAt(row).design)->rank);

    m_model.sort(StudyTableModel::Design, Qt::DescendingOrder);
    EXPECT_EQ(m_model.studyAt(m_model.rowCount() - 1).design, QStringLiteral("cochrane_review"));

    m_model.sort(StudyTableModel::FirstAuthor, Qt::AscendingOrder);
    for (int row = 1; row < m_model.rowCount(); ++row)
        EXPECT_LE(
            m_model.studyAt(row - 1).firstAuthor.compare(m_model.studyAt(row).firstAuthor, Qt::CaseInsensitive), 0);
}

TEST_F(TableModelTest, SortKeepsPersistentIndexesOnTheirStudies)
{
    const QPersistentModelIndex garrison(
        m_model.index(m_model.rowOfId(QStringLiteral("garrison2020_cochrane")), StudyTableModel::Title));
    const QPersistentModelIndex barna(m_model.index(m_model.rowOfId(QStringLiteral("barna2021_rct")), 0));
    for (int column = 0; column < StudyTableModel::ColumnCount; ++column) {
        m_model.sort(column, Qt::DescendingOrder);
        ASSERT_TRUE(garrison.isValid());
        EXPECT_EQ(garrison.data(StudyTableModel::StudyIdRole).toString(), QStringLiteral("garrison2020_cochrane"));
        EXPECT_EQ(garrison.column(), int(StudyTableModel::Title));
        EXPECT_EQ(barna.data(StudyTableModel::StudyIdRole).toString(), QStringLiteral("barna2021_rct"));
    }
    // Sorting while filtered keeps the filter.
    StudyFilter filter;
    filter.independence = IndependenceFilter::IndustryLinked;
    m_model.setFilter(filter);
    m_model.sort(StudyTableModel::Year, Qt::AscendingOrder);
    EXPECT_EQ(m_model.rowCount(), 3);
    EXPECT_EQ(m_model.studyAt(0).id, QStringLiteral("dahle1995_rct"));
    EXPECT_EQ(m_model.studyAt(2).id, QStringLiteral("barna2021_rct"));
}

TEST_F(TableModelTest, ReplacingAndEmptyingTheStudies)
{
    m_model.setTextMatches(m_index.match(QStringLiteral("magnesium")));
    m_model.setStudies({});
    EXPECT_EQ(m_model.rowCount(), 0);
    EXPECT_EQ(m_model.independenceCounts().all, 0);
    m_model.sort(StudyTableModel::Year, Qt::DescendingOrder);
    m_model.setStudies(m_rows);
    EXPECT_EQ(m_model.rowCount(), 20);
    // The sort chosen before is kept for the new studies.
    for (int row = 1; row < m_model.rowCount(); ++row)
        EXPECT_GE(m_model.studyAt(row - 1).year, m_model.studyAt(row).year);
}

// ---- the conclusion pane ---------------------------------------------------

namespace {

class DetailModelTest : public ::testing::Test
{
protected:
    Study study(const QString &id)
    {
        QString error;
        std::optional<Study> s = projectStudy(id, &error);
        EXPECT_TRUE(s) << str(error);
        return s.value_or(Study());
    }
    QModelIndex section(const QString &id) const
    {
        const int row = m_model.sectionRow(id);
        return row < 0 ? QModelIndex() : m_model.index(row, 0);
    }
    // The entry of a section whose label is `label`, in the given column.
    QModelIndex entry(const QString &sectionId, const QString &label, int column = StudyDetailModel::ValueColumn) const
    {
        const QModelIndex parent = section(sectionId);
        for (int row = 0; row < m_model.rowCount(parent); ++row) {
            if (m_model.index(row, StudyDetailModel::LabelColumn, parent).data().toString() == label)
                return m_model.index(row, column, parent);
        }
        return {};
    }

    StudyDetailModel m_model { Vocabularies::builtin() };
    QAbstractItemModelTester m_tester { &m_model, kFatal };
};

} // namespace

TEST_F(DetailModelTest, EveryStudyPassesTheTester)
{
    QStringList errors;
    for (const Study &s : projectStudies(&errors)) {
        m_model.setStudy(s);
        EXPECT_TRUE(m_model.hasStudy());
        EXPECT_EQ(m_model.study()->id, s.id);
        for (const char *id : { "citation", "study", "conclusions", "funding", "independence", "sources" })
            EXPECT_GE(m_model.sectionRow(QString::fromLatin1(id)), 0) << str(s.id) << ' ' << id;
        EXPECT_EQ(m_model.rowCount(section(QStringLiteral("sources"))), s.sources.size()) << str(s.id);
    }
    EXPECT_EQ(errors.size(), 0);
    m_model.clear();
    EXPECT_FALSE(m_model.hasStudy());
    EXPECT_EQ(m_model.rowCount(), 0);
}

TEST_F(DetailModelTest, GarrisonConclusionAndLinks)
{
    const Study garrison = study(QStringLiteral("garrison2020_cochrane"));
    ASSERT_EQ(garrison.conclusions.size(), 1);
    m_model.setStudy(garrison);

    const QModelIndex conclusions = section(QStringLiteral("conclusions"));
    ASSERT_TRUE(conclusions.isValid());
    ASSERT_GE(m_model.rowCount(conclusions), 1);
    const QModelIndex first = m_model.index(0, StudyDetailModel::ValueColumn, conclusions);
    EXPECT_EQ(first.data().toString(), garrison.conclusions.constFirst().text);
    EXPECT_TRUE(first.data().toString().startsWith(QStringLiteral(
        "It is unlikely that magnesium supplementation provides clinically meaningful cramp prophylaxis")));
    EXPECT_EQ(first.data(StudyDetailModel::KindRole).toInt(), int(StudyDetailModel::Conclusion));
    EXPECT_TRUE(first.data(StudyDetailModel::SourceRole)
                    .toString()
                    .startsWith(Vocabularies::builtin().conclusionSource.label(QStringLiteral("secondary_page"))));
    EXPECT_FALSE(first.data(StudyDetailModel::NotVerifiedRole).toBool());
    EXPECT_EQ(first.data(StudyDetailModel::SectionIdRole).toString(), QStringLiteral("conclusions"));

    const QModelIndex pmid = entry(QStringLiteral("citation"), QStringLiteral("PMID"));
    ASSERT_TRUE(pmid.isValid());
    EXPECT_TRUE(pmid.data(StudyDetailModel::NotVerifiedRole).toBool());
    EXPECT_EQ(pmid.data(StudyDetailModel::NotVerifiedReasonRole).toString(), QStringLiteral("unverified"));
    EXPECT_EQ(pmid.data().toString(), QStringLiteral("not verified"));
    EXPECT_FALSE(pmid.data(StudyDetailModel::UrlRole).toUrl().isValid());

    const QModelIndex doi = entry(QStringLiteral("citation"), QStringLiteral("DOI"));
    ASSERT_TRUE(doi.isValid());
    EXPECT_EQ(doi.data().toString(), QStringLiteral("10.1002/14651858.CD009402.pub3"));
    EXPECT_EQ(doi.data(StudyDetailModel::UrlRole).toUrl(),
        QUrl(QStringLiteral("https://doi.org/10.1002/14651858.CD009402.pub3")));
    EXPECT_FALSE(doi.data(StudyDetailModel::NotVerifiedRole).toBool());
    EXPECT_EQ(doi.data(StudyDetailModel::KindRole).toInt(), int(StudyDetailModel::Link));

    const QModelIndex pmcid = entry(QStringLiteral("citation"), QStringLiteral("PMCID"));
    EXPECT_EQ(pmcid.data(StudyDetailModel::UrlRole).toUrl(),
        QUrl(QStringLiteral("https://pmc.ncbi.nlm.nih.gov/articles/PMC8094171/")));

    // Funding statements were not retrieved: shown as not verified, never blank.
    const QModelIndex funding = entry(QStringLiteral("funding"), QStringLiteral("Funding statement"));
    ASSERT_TRUE(funding.isValid());
    EXPECT_TRUE(funding.data(StudyDetailModel::NotVerifiedRole).toBool());
    EXPECT_EQ(funding.data().toString(), QStringLiteral("not verified"));

    // The research brief's and the consumer article's claims sit beside the conclusion.
    const QModelIndex claims = section(QStringLiteral("claims"));
    ASSERT_TRUE(claims.isValid());
    EXPECT_EQ(m_model.rowCount(claims), garrison.claims.size());

    const QModelIndex independence = entry(QStringLiteral("independence"), QStringLiteral("Independence"));
    ASSERT_TRUE(independence.isValid());
    EXPECT_EQ(independence.data(StudyDetailModel::NoteRole).toString(), garrison.independence.reason);
    EXPECT_EQ(independence.data(StudyDetailModel::SourceRole).toString(), QStringLiteral("curated (studies/ file)"));
}

TEST_F(DetailModelTest, UnverifiedConclusionIsMarked)
{
    const Study s = study(QStringLiteral("garrison2012_cochrane"));
    ASSERT_FALSE(s.isVerified(Field::Conclusions));
    m_model.setStudy(s);
    const QModelIndex conclusions = section(QStringLiteral("conclusions"));
    ASSERT_GE(m_model.rowCount(conclusions), 1);
    const QModelIndex last
        = m_model.index(m_model.rowCount(conclusions) - 1, StudyDetailModel::ValueColumn, conclusions);
    EXPECT_TRUE(last.data(StudyDetailModel::NotVerifiedRole).toBool());
    EXPECT_EQ(last.data(StudyDetailModel::KindRole).toInt(), int(StudyDetailModel::Warning));
    EXPECT_EQ(last.data(StudyDetailModel::NotVerifiedReasonRole).toString(),
        s.notVerified.value(QStringLiteral("conclusions")));
}

TEST_F(DetailModelTest, IndustryLinkedShowsTheLink)
{
    const Study s = study(QStringLiteral("barna2021_rct"));
    m_model.setStudy(s);
    const QModelIndex independence = entry(QStringLiteral("independence"), QStringLiteral("Independence"));
    ASSERT_TRUE(independence.isValid());
    EXPECT_TRUE(independence.data().toString().startsWith(
        Vocabularies::builtin().independence.label(QStringLiteral("industry-linked"))));
    EXPECT_FALSE(independence.data(StudyDetailModel::NoteRole).toString().isEmpty());
}

TEST_F(DetailModelTest, SwitchingStudiesAndAFullRecord)
{
    m_model.setStudy(fullStudy());
    const QModelIndex effects = section(QStringLiteral("effects"));
    ASSERT_TRUE(effects.isValid());
    ASSERT_EQ(m_model.rowCount(effects), 3);
    // The estimate with its interval and certainty (typographic minus signs for reading).
    const QString estimate = m_model.index(0, StudyDetailModel::ValueColumn, effects).data().toString();
    EXPECT_TRUE(estimate.startsWith(QStringLiteral("MD −9.59"))) << str(estimate);
    EXPECT_TRUE(estimate.contains(QStringLiteral("95% CI −23.14 to 3.97"))) << str(estimate);
    EXPECT_TRUE(estimate.contains(QStringLiteral("moderate certainty"), Qt::CaseInsensitive)) << str(estimate);
    const QModelIndex sources = section(QStringLiteral("sources"));
    EXPECT_EQ(m_model.index(1, StudyDetailModel::ValueColumn, sources).data(StudyDetailModel::UrlRole).toUrl(),
        QUrl(QStringLiteral("https://example.org/a")));
    m_model.setStudy(study(QStringLiteral("sebo2014_sr")));
    EXPECT_EQ(m_model.study()->id, QStringLiteral("sebo2014_sr"));
    EXPECT_EQ(m_model.sectionRow(QStringLiteral("effects")) >= 0, !m_model.study()->effects.isEmpty());
    m_model.clear();
    m_model.clear();
    EXPECT_EQ(m_model.rowCount(), 0);
}
