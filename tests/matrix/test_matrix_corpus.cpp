// The evidence matrix on the seeded corpus: cell membership, counts, totals, the filter and
// text matches, the strongest design and the bottom line.

#include "matrixfixture.h"

#include "matrix/evidencematrix.h"
#include "matrix/matrixtext.h"
#include "model/vocabulary.h"

#include <QBitArray>
#include <QMap>

#include <gtest/gtest.h>

namespace mgreview::testing {
namespace {

struct ExpectedCell {
    QString population;
    QString crampType;
    QStringList ids;                 ///< Sorted.
    QMap<QString, int> directions;   ///< Non-zero only; "not_coded" for an empty direction.
    QString strongestDesign;
    int industryLinked = 0;
};

// The expected matrix, written out by hand from studies/*.toml: for every study, its
// [population] codes × [cramp_types] codes, with its [outcome] direction (empty = not coded),
// [design] code and [independence] value. Checked against the fact sheet
// (/work/shared/corpus/factsheet.json) by reading each entry's "population" and
// "cramp_type" text: every population/cramp-type pair below is named there for that study
// (e.g. garrison2020_cochrane: "older adults … pregnant women, liver cirrhosis" and
// "nocturnal/rest … pregnancy … disease-state (liver cirrhosis)"; bilbey1996: a soldier with
// exertional spasms and an 81-year-old with diuretic-associated cramps, both
// hypomagnesaemic). A study with several populations and cramp types falls in every pair,
// so some cells (older adults × pregnancy, athletes × disease-state) exist only through
// that cross product; the fact sheet has no direction field, so directions come from the
// study files alone. Seven studies have no direction coded: garrison2011, garrison2012,
// nct00963638, sohrabvand2006, cohenhagai2018, bilbey1996, varghese2020.
// Cells not listed are empty (evidence gaps), e.g. every cell of people with ALS/MND and
// children, and older adults × DOMS.
const QVector<ExpectedCell> &expectedCells()
{
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    static const QVector<ExpectedCell> cells{
        {s("older_adults"), s("nocturnal_idiopathic"),
         {s("frusso1999_rct"), s("garrison2011_infusion_rct"), s("garrison2012_cochrane"), s("garrison2020_cochrane"),
          s("nct00963638_unpublished"), s("roffe2002_rct"), s("roguinmaor2017_rct")},
         {{s("no_benefit"), 3}, {s("benefit"), 1}, {s("not_coded"), 3}}, s("cochrane_review"), 0},
        {s("older_adults"), s("pregnancy"), {s("garrison2012_cochrane"), s("garrison2020_cochrane")},
         {{s("no_benefit"), 1}, {s("not_coded"), 1}}, s("cochrane_review"), 0},
        {s("older_adults"), s("exercise_associated"), {s("bilbey1996_case_reports")}, {{s("not_coded"), 1}},
         s("case_reports"), 0},
        {s("older_adults"), s("disease_state"), {s("bilbey1996_case_reports"), s("garrison2020_cochrane")},
         {{s("no_benefit"), 1}, {s("not_coded"), 1}}, s("cochrane_review"), 0},
        {s("older_adults"), s("mg_deficiency"), {s("bilbey1996_case_reports")}, {{s("not_coded"), 1}},
         s("case_reports"), 0},
        {s("general_adults"), s("nocturnal_idiopathic"), {s("barna2021_rct"), s("sebo2014_sr")},
         {{s("no_benefit"), 1}, {s("benefit"), 1}}, s("cochrane_review"), 1},
        {s("general_adults"), s("pregnancy"), {s("sebo2014_sr")}, {{s("no_benefit"), 1}}, s("cochrane_review"), 0},
        {s("pregnant_women"), s("nocturnal_idiopathic"),
         {s("garrison2012_cochrane"), s("garrison2020_cochrane"), s("sebo2014_sr")},
         {{s("no_benefit"), 2}, {s("not_coded"), 1}}, s("cochrane_review"), 0},
        {s("pregnant_women"), s("pregnancy"),
         {s("araujo2020_plosone"), s("dahle1995_rct"), s("garrison2012_cochrane"), s("garrison2020_cochrane"),
          s("nygaard2008_rct"), s("sebo2014_sr"), s("sohrabvand2006_rct"), s("supakatisant2015_rct")},
         {{s("no_benefit"), 4}, {s("benefit"), 2}, {s("not_coded"), 2}}, s("cochrane_review"), 2},
        {s("pregnant_women"), s("disease_state"), {s("garrison2020_cochrane")}, {{s("no_benefit"), 1}},
         s("cochrane_review"), 0},
        {s("hemodialysis"), s("disease_state"), {s("varghese2020_dialysate_review")}, {{s("not_coded"), 1}},
         s("narrative_review"), 0},
        {s("cirrhosis"), s("nocturnal_idiopathic"), {s("garrison2020_cochrane")}, {{s("no_benefit"), 1}},
         s("cochrane_review"), 0},
        {s("cirrhosis"), s("pregnancy"), {s("garrison2020_cochrane")}, {{s("no_benefit"), 1}}, s("cochrane_review"), 0},
        {s("cirrhosis"), s("disease_state"), {s("cohenhagai2018_rct"), s("garrison2020_cochrane")},
         {{s("no_benefit"), 1}, {s("not_coded"), 1}}, s("cochrane_review"), 0},
        {s("athletes"), s("exercise_associated"),
         {s("bilbey1996_case_reports"), s("miller2010_sportshealth"), s("miller2022_jat")},
         {{s("not_about_intervention"), 2}, {s("not_coded"), 1}}, s("case_reports"), 0},
        {s("athletes"), s("disease_state"), {s("bilbey1996_case_reports")}, {{s("not_coded"), 1}}, s("case_reports"), 0},
        {s("athletes"), s("doms"), {s("tarsitano2024_sr")}, {{s("benefit"), 1}}, s("systematic_review"), 0},
        {s("athletes"), s("mg_deficiency"), {s("bilbey1996_case_reports")}, {{s("not_coded"), 1}}, s("case_reports"), 0},
    };
    return cells;
}

// Row and column totals (distinct studies), in vocabulary order.
const QVector<int> kRowTotals{8, 2, 8, 1, 2, 4, 0, 0};   // older … children
const QVector<int> kColumnTotals{9, 8, 3, 4, 1, 1};     // nocturnal … Mg deficiency

class MatrixCorpusTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_corpus = loadSeededCorpus();
        ASSERT_TRUE(m_corpus);
    }
    EvidenceMatrix compute(IndependenceFilter filter = IndependenceFilter::All,
                           const std::optional<QBitArray> &text = std::nullopt) const
    {
        StudyFilter f;
        f.independence = filter;
        return EvidenceMatrix::compute(m_corpus->summaries, f, text, v(), m_corpus->certainties());
    }
    static const Vocabularies &v() { return Vocabularies::builtin(); }
    const MatrixCell &cellOf(const EvidenceMatrix &m, const QString &population, const QString &crampType) const
    {
        return m.cell(v().population.indexOf(population), v().crampType.indexOf(crampType));
    }

    std::unique_ptr<SeededCorpus> m_corpus;
};

TEST_F(MatrixCorpusTest, EveryCellHoldsExactlyTheExpectedStudies)
{
    const EvidenceMatrix m = compute();
    ASSERT_EQ(m.rowCount(), 8);
    ASSERT_EQ(m.columnCount(), 6);
    int nonEmpty = 0;
    for (int r = 0; r < m.rowCount(); ++r) {
        for (int c = 0; c < m.columnCount(); ++c) {
            const QString population = v().population.terms().at(r).id;
            const QString crampType = v().crampType.terms().at(c).id;
            const MatrixCell &cell = m.cell(r, c);
            const auto expected = std::find_if(expectedCells().cbegin(), expectedCells().cend(), [&](const ExpectedCell &e) {
                return e.population == population && e.crampType == crampType;
            });
            SCOPED_TRACE(str(population + QStringLiteral(" × ") + crampType));
            if (expected == expectedCells().cend()) {
                EXPECT_TRUE(cell.isGap()) << str(cellIds(cell, m_corpus->summaries).join(u','));
                EXPECT_EQ(cell.strongestDesign, -1);
                continue;
            }
            ++nonEmpty;
            EXPECT_EQ(cellIds(cell, m_corpus->summaries), expected->ids);
            EXPECT_EQ(cell.count(), expected->ids.size());
            EXPECT_EQ(directionCounts(cell), expected->directions);
            EXPECT_EQ(matrixtext::designId(v(), cell.strongestDesign), expected->strongestDesign);
            EXPECT_EQ(cell.independenceCounts[MatrixIndustryLinked], expected->industryLinked);
        }
    }
    EXPECT_EQ(nonEmpty, expectedCells().size());
}

TEST_F(MatrixCorpusTest, TotalsCountDistinctStudies)
{
    const EvidenceMatrix m = compute();
    for (int r = 0; r < m.rowCount(); ++r)
        EXPECT_EQ(m.rowTotal(r).count(), kRowTotals.at(r)) << str(v().population.terms().at(r).id);
    for (int c = 0; c < m.columnCount(); ++c)
        EXPECT_EQ(m.columnTotal(c).count(), kColumnTotals.at(c)) << str(v().crampType.terms().at(c).id);
    // garrison2020 sits in 9 cells but counts once in the grand total.
    EXPECT_EQ(m.total().count(), 20);
    EXPECT_EQ(m.consideredCount(), 20);
    EXPECT_EQ(m.unplacedCount(), 0);
    // Benefit: barna, dahle, roffe, supakatisant, tarsitano; no benefit: araujo, frusso,
    // garrison2020, nygaard, roguinmaor, sebo; not about Mg: the two Miller reviews.
    EXPECT_EQ(directionCounts(m.total()), (QMap<QString, int>{{QStringLiteral("benefit"), 5},
                                                               {QStringLiteral("no_benefit"), 6},
                                                               {QStringLiteral("not_about_intervention"), 2},
                                                               {QStringLiteral("not_coded"), 7}}));
    EXPECT_EQ(m.total().independenceCounts[MatrixIndependent], 1);
    EXPECT_EQ(m.total().independenceCounts[MatrixIndustryLinked], 3);
    EXPECT_EQ(m.total().independenceCounts[MatrixUnclear], 16);
}

TEST_F(MatrixCorpusTest, IndependenceFilterKeepsOnlyMatchingStudies)
{
    const EvidenceMatrix linked = compute(IndependenceFilter::IndustryLinked);
    EXPECT_EQ(linked.total().count(), 3);
    EXPECT_EQ(cellIds(cellOf(linked, QStringLiteral("pregnant_women"), QStringLiteral("pregnancy")), m_corpus->summaries),
              (QStringList{QStringLiteral("dahle1995_rct"), QStringLiteral("nygaard2008_rct")}));
    EXPECT_EQ(cellIds(cellOf(linked, QStringLiteral("general_adults"), QStringLiteral("nocturnal_idiopathic")),
                      m_corpus->summaries),
              QStringList{QStringLiteral("barna2021_rct")});
    EXPECT_TRUE(cellOf(linked, QStringLiteral("older_adults"), QStringLiteral("nocturnal_idiopathic")).isGap());
    EXPECT_EQ(linked.independenceFilter(), IndependenceFilter::IndustryLinked);

    const EvidenceMatrix independent = compute(IndependenceFilter::Independent);
    EXPECT_EQ(independent.total().count(), 1);
    EXPECT_EQ(cellIds(cellOf(independent, QStringLiteral("hemodialysis"), QStringLiteral("disease_state")),
                      m_corpus->summaries),
              QStringList{QStringLiteral("varghese2020_dialysate_review")});
    EXPECT_EQ(independent.rowTotal(v().population.indexOf(QStringLiteral("pregnant_women"))).count(), 0);

    const EvidenceMatrix unclear = compute(IndependenceFilter::Unclear);
    EXPECT_EQ(unclear.total().count(), 16);
    const MatrixCell &pregnancy = cellOf(unclear, QStringLiteral("pregnant_women"), QStringLiteral("pregnancy"));
    EXPECT_EQ(pregnancy.count(), 6);
    EXPECT_FALSE(cellIds(pregnancy, m_corpus->summaries).contains(QStringLiteral("dahle1995_rct")));
    // The three filters partition the studies.
    EXPECT_EQ(linked.total().count() + independent.total().count() + unclear.total().count(), compute().total().count());
}

TEST_F(MatrixCorpusTest, PopulationAndCrampFiltersDoNotCollapseTheGrid)
{
    // They are the matrix's own axes (the GUI sets them when a cell is selected).
    StudyFilter filter;
    filter.population = QStringLiteral("athletes");
    filter.crampType = QStringLiteral("doms");
    const EvidenceMatrix m = EvidenceMatrix::compute(m_corpus->summaries, filter, std::nullopt, v());
    EXPECT_EQ(m.total().count(), 20);
    EXPECT_EQ(cellOf(m, QStringLiteral("pregnant_women"), QStringLiteral("pregnancy")).count(), 8);
}

TEST_F(MatrixCorpusTest, TextMatchesNarrowEveryCell)
{
    QBitArray bits(m_corpus->summaries.size());
    bits.setBit(m_corpus->indexOf(QStringLiteral("garrison2020_cochrane")));
    bits.setBit(m_corpus->indexOf(QStringLiteral("nygaard2008_rct")));
    const EvidenceMatrix m = compute(IndependenceFilter::All, bits);
    EXPECT_TRUE(m.isTextFiltered());
    EXPECT_EQ(m.total().count(), 2);
    EXPECT_EQ(cellIds(cellOf(m, QStringLiteral("pregnant_women"), QStringLiteral("pregnancy")), m_corpus->summaries),
              (QStringList{QStringLiteral("garrison2020_cochrane"), QStringLiteral("nygaard2008_rct")}));
    EXPECT_EQ(cellOf(m, QStringLiteral("cirrhosis"), QStringLiteral("disease_state")).count(), 1);
    EXPECT_TRUE(cellOf(m, QStringLiteral("athletes"), QStringLiteral("exercise_associated")).isGap());

    // Text and independence filters combine.
    const EvidenceMatrix both = compute(IndependenceFilter::IndustryLinked, bits);
    EXPECT_EQ(cellIds(both.total(), m_corpus->summaries), QStringList{QStringLiteral("nygaard2008_rct")});

    // No bit set: an empty grid, all gaps.
    const EvidenceMatrix none = compute(IndependenceFilter::All, QBitArray(m_corpus->summaries.size()));
    EXPECT_EQ(none.total().count(), 0);
    EXPECT_EQ(none.consideredCount(), 0);
}

TEST_F(MatrixCorpusTest, LeadStudyPrefersACodedDirectionAndTheNewerStudy)
{
    const EvidenceMatrix m = compute();
    // Two Cochrane reviews: garrison2012 (no direction coded) and garrison2020 (no benefit).
    const MatrixCell &cell = cellOf(m, QStringLiteral("older_adults"), QStringLiteral("nocturnal_idiopathic"));
    EXPECT_EQ(m_corpus->summaries.at(cell.leadStudy).id, QStringLiteral("garrison2020_cochrane"));
    // sebo2014 is coded cochrane_review; barna2021 is an RCT.
    const MatrixCell &adults = cellOf(m, QStringLiteral("general_adults"), QStringLiteral("nocturnal_idiopathic"));
    EXPECT_EQ(m_corpus->summaries.at(adults.leadStudy).id, QStringLiteral("sebo2014_sr"));
}

TEST_F(MatrixCorpusTest, BottomLineStartsWithTheStrongestStudysConclusion)
{
    const EvidenceMatrix m = compute();
    const auto line = [&](const char *population, const char *crampType) {
        return matrixtext::bottomLine(cellOf(m, QString::fromLatin1(population), QString::fromLatin1(crampType)),
                                      m_corpus->summaries, v());
    };
    EXPECT_EQ(line("pregnant_women", "pregnancy"),
              QStringLiteral("No benefit (strongest study: Garrison 2020, Cochrane/SR+MA). 8 studies — "
                             "3 Cochrane/SR+MA, 5 RCT: 4 no benefit, 2 benefit, 2 not coded "
                             "(funding: 2 industry-linked, 6 unclear)."));
    EXPECT_EQ(line("athletes", "exercise_associated"),
              QStringLiteral("Direction not coded (strongest study: Bilbey 1996, Case reports). 3 studies — "
                             "1 Case reports, 2 Narrative review: 2 not about the intervention, 1 not coded "
                             "(funding: 3 unclear)."));
    EXPECT_EQ(line("athletes", "doms"),
              QStringLiteral("Benefit (strongest study: Tarsitano 2024, Systematic review). 1 study — "
                             "1 Systematic review: 1 benefit (funding: 1 unclear)."));
    EXPECT_EQ(line("children", "doms"), QStringLiteral("No studies: evidence gap."));
    EXPECT_EQ(matrixtext::csvCell(cellOf(m, QStringLiteral("general_adults"), QStringLiteral("nocturnal_idiopathic")), v()),
              QStringLiteral("2 (1 no benefit; 1 benefit)"));
    EXPECT_EQ(matrixtext::symbolSplit(cellOf(m, QStringLiteral("older_adults"), QStringLiteral("nocturnal_idiopathic")), v()),
              QStringLiteral("3− 1+ 3○"));
}

TEST(MatrixCodesTest, UnknownCodesAreLeftOutAndCountedAsUnplaced)
{
    const Vocabularies &v = Vocabularies::builtin();
    StudySummary known;
    known.id = QStringLiteral("a");
    known.populations = {QStringLiteral("athletes"), QStringLiteral("athletes"), QStringLiteral("martians")};
    known.crampTypes = {QStringLiteral("doms")};
    known.direction = QStringLiteral("sideways"); // not in the vocabulary: not coded
    known.design = QStringLiteral("rct");
    StudySummary unplaced;
    unplaced.id = QStringLiteral("b");
    unplaced.populations = {QStringLiteral("martians")};
    unplaced.crampTypes = {QStringLiteral("doms")};
    StudySummary noCramp;
    noCramp.id = QStringLiteral("c");
    noCramp.populations = {QStringLiteral("children")};
    const EvidenceMatrix m = EvidenceMatrix::compute({known, unplaced, noCramp}, {}, std::nullopt, v);
    const MatrixCell &cell = m.cell(v.population.indexOf(QStringLiteral("athletes")), v.crampType.indexOf(QStringLiteral("doms")));
    EXPECT_EQ(cell.count(), 1); // listed twice, counted once
    EXPECT_EQ(directionCounts(cell), (QMap<QString, int>{{QStringLiteral("not_coded"), 1}}));
    EXPECT_EQ(m.consideredCount(), 3);
    EXPECT_EQ(m.total().count(), 1);
    EXPECT_EQ(m.unplacedCount(), 2);
    EXPECT_EQ(m.rowTotal(v.population.indexOf(QStringLiteral("children"))).count(), 0);
}

TEST(MatrixCodesTest, GradedCertaintyOfTheLeadStudyIsNamed)
{
    const Vocabularies &v = Vocabularies::builtin();
    StudySummary review;
    review.id = QStringLiteral("review");
    review.firstAuthor = QStringLiteral("Doe J");
    review.year = 2021;
    review.populations = {QStringLiteral("older_adults")};
    review.crampTypes = {QStringLiteral("nocturnal_idiopathic")};
    review.direction = QStringLiteral("no_benefit");
    review.design = QStringLiteral("cochrane_review");
    StudySummary trial = review;
    trial.id = QStringLiteral("trial");
    trial.design = QStringLiteral("rct");
    trial.direction = QStringLiteral("benefit");
    trial.independence = QStringLiteral("industry-linked");
    const EvidenceMatrix m = EvidenceMatrix::compute({trial, review}, {}, std::nullopt, v,
                                                     {QStringLiteral("not_graded"), QStringLiteral("moderate")});
    const MatrixCell &cell = m.cell(0, 0);
    EXPECT_EQ(cell.leadStudy, 1);
    EXPECT_EQ(matrixtext::bottomLine(cell, {trial, review}, v),
              QStringLiteral("No benefit, moderate certainty (strongest study: Doe J 2021, Cochrane/SR+MA). 2 studies — "
                             "1 Cochrane/SR+MA, 1 RCT: 1 no benefit, 1 benefit (funding: 1 industry-linked, 1 unclear)."));
    // "not graded" is no grade: without a certainty on the lead, none is named.
    const EvidenceMatrix ungraded = EvidenceMatrix::compute({trial}, {}, std::nullopt, v, {QStringLiteral("not_graded")});
    EXPECT_FALSE(matrixtext::bottomLine(ungraded.cell(0, 0), {trial}, v).contains(QStringLiteral("certainty")));
}

} // namespace
} // namespace mgreview::testing
