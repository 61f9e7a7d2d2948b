// EvidenceMatrixModel: structure, roles, totals, and recomputation on filter and text
// changes, all under QAbstractItemModelTester (fatal).

#include "matrixfixture.h"

#include "matrix/evidencematrixmodel.h"
#include "model/vocabulary.h"
#include "models/studytablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace mgreview::testing {
namespace {

class MatrixModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_corpus = loadSeededCorpus();
        ASSERT_TRUE(m_corpus);
        m_model = std::make_unique<EvidenceMatrixModel>(Vocabularies::builtin());
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_model->setStudies(m_corpus->summaries, m_corpus->certainties());
    }
    QModelIndex cell(const char *population, const char *crampType) const
    {
        return m_model->indexOf(QString::fromLatin1(population), QString::fromLatin1(crampType));
    }

    std::unique_ptr<SeededCorpus> m_corpus;
    std::unique_ptr<EvidenceMatrixModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

TEST_F(MatrixModelTest, RowsArePopulationsAndColumnsCrampTypesPlusTotals)
{
    EXPECT_EQ(m_model->rowCount(), 9);
    EXPECT_EQ(m_model->columnCount(), 7);
    EXPECT_EQ(m_model->headerData(0, Qt::Vertical).toString(), QStringLiteral("Older adults"));
    EXPECT_EQ(m_model->headerData(0, Qt::Vertical, Qt::ToolTipRole).toString(),
              QStringLiteral("Older adults (idiopathic/rest cramps)"));
    EXPECT_EQ(m_model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Pregnancy"));
    EXPECT_EQ(m_model->headerData(6, Qt::Horizontal).toString(), QStringLiteral("All cramp types"));
    EXPECT_EQ(m_model->headerData(8, Qt::Vertical).toString(), QStringLiteral("All populations"));
    EXPECT_TRUE(m_model->headerData(8, Qt::Vertical, EvidenceMatrixModel::IsTotalRole).toBool());

    m_model->setShowTotals(false);
    EXPECT_EQ(m_model->rowCount(), 8);
    EXPECT_EQ(m_model->columnCount(), 6);
    m_model->setShowTotals(true);
    EXPECT_EQ(m_model->rowCount(), 9);
}

TEST_F(MatrixModelTest, CellRolesCarryCountsDesignIdsAndBottomLine)
{
    const QModelIndex index = cell("pregnant_women", "pregnancy");
    ASSERT_TRUE(index.isValid());
    EXPECT_EQ(index.data().toInt(), 8);
    EXPECT_EQ(index.data(EvidenceMatrixModel::CountRole).toInt(), 8);
    const QVariantMap directions = index.data(EvidenceMatrixModel::DirectionCountsRole).toMap();
    EXPECT_EQ(directions.value(QStringLiteral("no_benefit")).toInt(), 4);
    EXPECT_EQ(directions.value(QStringLiteral("benefit")).toInt(), 2);
    EXPECT_EQ(directions.value(QStringLiteral("not_coded")).toInt(), 2);
    EXPECT_FALSE(directions.contains(QStringLiteral("conflicting")));
    EXPECT_EQ(index.data(EvidenceMatrixModel::StrongestDesignRole).toString(), QStringLiteral("cochrane_review"));
    EXPECT_EQ(index.data(EvidenceMatrixModel::LeadStudyIdRole).toString(), QStringLiteral("garrison2020_cochrane"));
    QStringList ids = index.data(EvidenceMatrixModel::StudyIdsRole).toStringList();
    ids.sort();
    EXPECT_EQ(ids.size(), 8);
    EXPECT_EQ(ids.first(), QStringLiteral("araujo2020_plosone"));
    EXPECT_EQ(index.data(EvidenceMatrixModel::IndependenceCountsRole).toMap().value(QStringLiteral("industry-linked")).toInt(), 2);
    EXPECT_EQ(index.data(EvidenceMatrixModel::DesignCountsRole).toMap().value(QStringLiteral("rct")).toInt(), 5);
    EXPECT_TRUE(index.data(EvidenceMatrixModel::BottomLineRole).toString().startsWith(QStringLiteral("No benefit (strongest study: Garrison 2020")));
    EXPECT_EQ(index.data(Qt::ToolTipRole), index.data(EvidenceMatrixModel::BottomLineRole));
    EXPECT_EQ(index.data(EvidenceMatrixModel::SymbolSplitRole).toString(), QStringLiteral("4− 2+ 2○"));
    EXPECT_EQ(index.data(EvidenceMatrixModel::PopulationIdRole).toString(), QStringLiteral("pregnant_women"));
    EXPECT_EQ(index.data(EvidenceMatrixModel::CrampTypeIdRole).toString(), QStringLiteral("pregnancy"));
    EXPECT_FALSE(index.data(EvidenceMatrixModel::IsGapRole).toBool());
    EXPECT_EQ(index.data(EvidenceMatrixModel::StudyIndicesRole).value<QList<int>>().size(), 8);

    const QModelIndex gap = cell("children", "doms");
    EXPECT_EQ(gap.data().toInt(), 0);
    EXPECT_TRUE(gap.data(EvidenceMatrixModel::IsGapRole).toBool());
    EXPECT_EQ(gap.data(Qt::ToolTipRole).toString(), QStringLiteral("No studies: evidence gap."));
    EXPECT_TRUE(gap.data(EvidenceMatrixModel::StrongestDesignRole).toString().isEmpty());
}

TEST_F(MatrixModelTest, TotalsAreDistinctStudies)
{
    const QModelIndex rowTotal = m_model->index(0, 6);
    EXPECT_TRUE(rowTotal.data(EvidenceMatrixModel::IsTotalRole).toBool());
    EXPECT_EQ(rowTotal.data().toInt(), 8); // older adults
    EXPECT_EQ(m_model->index(8, 0).data().toInt(), 9); // nocturnal / rest
    EXPECT_EQ(m_model->index(8, 6).data().toInt(), 20);
    EXPECT_TRUE(m_model->index(8, 6).data(EvidenceMatrixModel::PopulationIdRole).toString().isEmpty());
}

TEST_F(MatrixModelTest, FilterChangeRecomputesWithoutReset)
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    StudyFilter filter;
    filter.independence = IndependenceFilter::IndustryLinked;
    m_model->setFilter(filter);
    EXPECT_EQ(reset.count(), 0);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).toModelIndex(), m_model->index(0, 0));
    EXPECT_EQ(changed.at(0).at(1).toModelIndex(), m_model->index(8, 6));
    EXPECT_EQ(cell("pregnant_women", "pregnancy").data().toInt(), 2);
    EXPECT_EQ(m_model->index(8, 6).data().toInt(), 3);
    EXPECT_EQ(cell("older_adults", "nocturnal_idiopathic").data().toInt(), 0);

    filter.independence = IndependenceFilter::All;
    m_model->setFilter(filter);
    EXPECT_EQ(cell("older_adults", "nocturnal_idiopathic").data().toInt(), 7);
}

TEST_F(MatrixModelTest, TextMatchesNarrowAndStaleOnesAreIgnored)
{
    QBitArray bits(m_corpus->summaries.size());
    bits.setBit(m_corpus->indexOf(QStringLiteral("tarsitano2024_sr")));
    m_model->setTextMatches(bits);
    EXPECT_EQ(m_model->index(8, 6).data().toInt(), 1);
    EXPECT_EQ(cell("athletes", "doms").data().toInt(), 1);
    EXPECT_TRUE(m_model->matrix().isTextFiltered());

    m_model->setTextMatches(QBitArray(3)); // an old search of another study list
    EXPECT_EQ(m_model->index(8, 6).data().toInt(), 1);

    m_model->setTextMatches(std::nullopt);
    EXPECT_EQ(m_model->index(8, 6).data().toInt(), 20);
}

TEST_F(MatrixModelTest, CellFilterListsTheCellsStudiesInTheStudyTable)
{
    StudyFilter filter;
    filter.independence = IndependenceFilter::Unclear;
    m_model->setFilter(filter);
    const QModelIndex index = cell("pregnant_women", "pregnancy");
    const StudyFilter cellFilter = m_model->cellFilter(index);
    EXPECT_EQ(cellFilter.population, QStringLiteral("pregnant_women"));
    EXPECT_EQ(cellFilter.crampType, QStringLiteral("pregnancy"));
    EXPECT_EQ(cellFilter.independence, IndependenceFilter::Unclear);

    // The same inputs drive the study table: it lists exactly the cell's studies.
    StudyTableModel table(Vocabularies::builtin());
    table.setStudies(m_corpus->summaries);
    table.setFilter(cellFilter);
    QStringList listed;
    for (int row = 0; row < table.rowCount(); ++row)
        listed.append(table.index(row, 0).data(StudyTableModel::StudyIdRole).toString());
    listed.sort();
    QStringList inCell = index.data(EvidenceMatrixModel::StudyIdsRole).toStringList();
    inCell.sort();
    EXPECT_EQ(listed, inCell);
    EXPECT_EQ(listed.size(), 6);

    // A totals cell leaves its open axis empty.
    const StudyFilter rowFilter = m_model->cellFilter(m_model->index(2, 6));
    EXPECT_EQ(rowFilter.population, QStringLiteral("pregnant_women"));
    EXPECT_TRUE(rowFilter.crampType.isEmpty());
}

TEST_F(MatrixModelTest, NewStudiesResetAndAnEmptyLibraryShowsOnlyGaps)
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setStudies({});
    EXPECT_EQ(reset.count(), 1);
    EXPECT_EQ(m_model->rowCount(), 9);
    for (int r = 0; r < m_model->rowCount(); ++r) {
        for (int c = 0; c < m_model->columnCount(); ++c)
            EXPECT_EQ(m_model->index(r, c).data().toInt(), 0);
    }
    EXPECT_TRUE(m_model->index(0, 0).data(EvidenceMatrixModel::IsGapRole).toBool());
}

} // namespace
} // namespace mgreview::testing
