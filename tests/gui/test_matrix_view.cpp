// The evidence matrix in the main window, on the seeded library: counts, the funding filter,
// the search, opening a cell with Enter and with a click, the "Cell: …" chip, the details line.
#include "guitestsupport.h"

#include "independencecombo.h"
#include "matrixcelldelegate.h"
#include "matrixlegend.h"
#include "matrixpage.h"
#include "matrixui.h"
#include "matrixview.h"
#include "searchfield.h"
#include "studytableview.h"

#include "matrix/evidencematrix.h"
#include "matrix/evidencematrixmodel.h"
#include "model/vocabulary.h"
#include "models/studytablemodel.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

std::string str(const QString &text)
{
    return text.toStdString();
}

const Vocabularies &vocabularies()
{
    return Vocabularies::builtin();
}

/// The seeded window once the rules have classified it (the summaries the matrix gets then).
std::unique_ptr<OpenWindow> openSettledWindow()
{
    auto open = openSeededWindow();
    EXPECT_TRUE(waitUntil([&] { return open->window->isSettled(); })) << "the window never settled";
    return open;
}

/// What core computes from the very studies the table holds: the expectation for the view.
EvidenceMatrix expectedMatrix(const MainWindow &window, IndependenceFilter independence)
{
    StudyFilter filter;
    filter.independence = independence;
    return EvidenceMatrix::compute(window.tableModel()->allStudies(), filter, std::nullopt, vocabularies());
}

QStringList idsOf(const MatrixCell &cell, const QVector<StudySummary> &studies)
{
    QStringList ids;
    for (const int i : cell.studies)
        ids.append(studies.at(i).id);
    ids.sort();
    return ids;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

const MatrixCell &cellOf(const EvidenceMatrix &matrix, const char *population, const char *crampType)
{
    return matrix.cell(vocabularies().population.indexOf(QString::fromLatin1(population)),
        vocabularies().crampType.indexOf(QString::fromLatin1(crampType)));
}

QModelIndex indexOf(MatrixUi *matrix, const char *population, const char *crampType)
{
    return matrix->model()->indexOf(QString::fromLatin1(population), QString::fromLatin1(crampType));
}

int shownCount(MatrixUi *matrix, int row, int column)
{
    // Through the view's own model: what the grid paints.
    return matrix->view()->model()->index(row, column).data(EvidenceMatrixModel::CountRole).toInt();
}

/// Every cell and total of the view against core's computation.
void expectViewShows(MatrixUi *matrix, const EvidenceMatrix &expected)
{
    const int rows = expected.rowCount();
    const int columns = expected.columnCount();
    ASSERT_EQ(matrix->view()->model()->rowCount(), rows + 1);
    ASSERT_EQ(matrix->view()->model()->columnCount(), columns + 1);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c)
            EXPECT_EQ(shownCount(matrix, r, c), expected.cell(r, c).count()) << "cell " << r << "," << c;
        EXPECT_EQ(shownCount(matrix, r, columns), expected.rowTotal(r).count()) << "row total " << r;
    }
    for (int c = 0; c < columns; ++c)
        EXPECT_EQ(shownCount(matrix, rows, c), expected.columnTotal(c).count()) << "column total " << c;
    EXPECT_EQ(shownCount(matrix, rows, columns), expected.total().count());
}

} // namespace

TEST(MatrixView, ShowsTheCountsOfTheSeededCorpus)
{
    auto open = openSettledWindow();
    MatrixUi *matrix = open->window->matrix();
    matrix->showMatrix();
    EXPECT_TRUE(matrix->isMatrixShown());
    EXPECT_TRUE(matrix->view()->isVisible());

    const EvidenceMatrix expected = expectedMatrix(*open->window, IndependenceFilter::All);
    expectViewShows(matrix, expected);
    // Cells of the hand-checked table in tests/matrix (studies/*.toml against the fact sheet).
    EXPECT_EQ(shownCount(matrix, indexOf(matrix, "pregnant_women", "pregnancy").row(),
                  indexOf(matrix, "pregnant_women", "pregnancy").column()),
        8);
    EXPECT_EQ(indexOf(matrix, "older_adults", "nocturnal_idiopathic").data(EvidenceMatrixModel::CountRole).toInt(), 7);
    EXPECT_EQ(indexOf(matrix, "hemodialysis", "disease_state").data(EvidenceMatrixModel::CountRole).toInt(), 1);
    EXPECT_TRUE(indexOf(matrix, "older_adults", "doms").data(EvidenceMatrixModel::IsGapRole).toBool());
    EXPECT_EQ(expected.total().count(), 20);
    EXPECT_TRUE(matrix->page()->summary().startsWith(QStringLiteral("20 studies in the grid")))
        << str(matrix->page()->summary());
    // The page's own funding list counts the grid's studies per class.
    EXPECT_EQ(matrix->page()->filterCombo()->itemText(0), QStringLiteral("All studies (20)"));
    EXPECT_EQ(matrix->page()->filterCombo()->itemText(1),
        QStringLiteral("Independent only (%1)").arg(expected.total().independenceCounts[MatrixIndependent]));
    // The legend names every direction and the gap.
    const QString legend = matrix->page()->legend()->text();
    for (const char *word : { "benefit", "no benefit", "conflicting", "inconclusive", "not coded", "evidence gap" })
        EXPECT_TRUE(legend.contains(QString::fromLatin1(word))) << word;

    // The grid is painted, not blank.
    const QImage grab = matrix->view()->grab().toImage();
    EXPECT_GT(distinctColours(grab), 30);
}

TEST(MatrixView, IndependentOnlyDropsTheIndustryLinkedStudies)
{
    auto open = openSettledWindow();
    MatrixUi *matrix = open->window->matrix();
    matrix->showMatrix();
    const EvidenceMatrix all = expectedMatrix(*open->window, IndependenceFilter::All);
    const EvidenceMatrix independent = expectedMatrix(*open->window, IndependenceFilter::Independent);

    // The toolbar's filter drives the matrix.
    open->window->independenceCombo()->setCurrentFilter(IndependenceFilter::Independent);
    expectViewShows(matrix, independent);
    const QModelIndex pregnancy = indexOf(matrix, "pregnant_women", "pregnancy");
    const QStringList allIds
        = idsOf(cellOf(all, "pregnant_women", "pregnancy"), open->window->tableModel()->allStudies());
    EXPECT_TRUE(allIds.contains(QStringLiteral("dahle1995_rct"))) << str(allIds.join(u' '));
    EXPECT_TRUE(allIds.contains(QStringLiteral("nygaard2008_rct")));
    const QStringList shownIds = pregnancy.data(EvidenceMatrixModel::StudyIdsRole).toStringList();
    EXPECT_FALSE(shownIds.contains(QStringLiteral("dahle1995_rct")));
    EXPECT_FALSE(shownIds.contains(QStringLiteral("nygaard2008_rct")));
    EXPECT_LT(shownIds.size(), allIds.size());
    // What the filter hides is said on the cell and under the grid.
    EXPECT_EQ(matrix->view()->cellDelegate()->hiddenByFilter(pregnancy), allIds.size() - shownIds.size());
    matrix->view()->setCurrentCell(pregnancy);
    EXPECT_TRUE(matrix->page()->details().contains(QStringLiteral("hides %1").arg(allIds.size() - shownIds.size())))
        << str(matrix->page()->details());
    EXPECT_TRUE(matrix->page()->details().contains(QStringLiteral("industry-linked")));
    // The page's list shows the same filter.
    EXPECT_EQ(
        IndependenceFilter(matrix->page()->filterCombo()->currentData().toInt()), IndependenceFilter::Independent);
    EXPECT_TRUE(matrix->page()->summary().contains(QStringLiteral("independent studies only")))
        << str(matrix->page()->summary());

    // The page's list drives the toolbar, the table and the matrix.
    QComboBox *pageCombo = matrix->page()->filterCombo();
    pageCombo->setCurrentIndex(pageCombo->findData(int(IndependenceFilter::IndustryLinked)));
    Q_EMIT pageCombo->activated(pageCombo->currentIndex());
    EXPECT_EQ(open->window->independenceCombo()->currentFilter(), IndependenceFilter::IndustryLinked);
    EXPECT_EQ(open->window->tableModel()->filter().independence, IndependenceFilter::IndustryLinked);
    expectViewShows(matrix, expectedMatrix(*open->window, IndependenceFilter::IndustryLinked));
    EXPECT_EQ(sorted(pregnancy.data(EvidenceMatrixModel::StudyIdsRole).toStringList()),
        sorted({ QStringLiteral("dahle1995_rct"), QStringLiteral("nygaard2008_rct") }));
}

TEST(MatrixView, EnterOnACellListsExactlyItsStudies)
{
    auto open = openSettledWindow();
    MatrixUi *matrix = open->window->matrix();
    MatrixView *view = matrix->view();
    matrix->showMatrix();
    view->setFocus();
    view->setCurrentCell(view->model()->index(0, 0));
    // Older adults × Nocturnal → down two rows, right one column.
    QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_Right);
    const QModelIndex pregnancy = indexOf(matrix, "pregnant_women", "pregnancy");
    ASSERT_EQ(view->currentIndex(), pregnancy);
    EXPECT_TRUE(matrix->page()->details().contains(pregnancy.data(EvidenceMatrixModel::BottomLineRole).toString()))
        << str(matrix->page()->details());

    QTest::keyClick(view, Qt::Key_Return);
    EXPECT_FALSE(matrix->isMatrixShown());
    const QStringList expected
        = idsOf(cellOf(expectedMatrix(*open->window, IndependenceFilter::All), "pregnant_women", "pregnancy"),
            open->window->tableModel()->allStudies());
    EXPECT_EQ(expected.size(), 8);
    EXPECT_EQ(sorted(visibleIds(*open->window)), expected);
    // The toolbar lays its widgets out (and shows them) on its next layout pass.
    EXPECT_TRUE(waitUntil([&] { return matrix->cellChip()->isVisible(); }, 2000));
    EXPECT_EQ(matrix->cellFilterLabel(), QStringLiteral("Pregnant women × Pregnancy"));
    EXPECT_TRUE(matrix->cellChip()->text().startsWith(QStringLiteral("Cell: Pregnant women × Pregnancy")));

    // A study of the cell opens its conclusion pane as usual.
    const QString pane = selectAndReadPane(*open->window, QStringLiteral("nygaard2008_rct"));
    EXPECT_TRUE(pane.contains(QStringLiteral("Nygaard"))) << str(pane.left(300));

    // The chip removes the cell filter.
    QTest::mouseClick(matrix->cellChip(), Qt::LeftButton);
    EXPECT_EQ(open->window->tableModel()->rowCount(), 20);
    EXPECT_TRUE(waitUntil([&] { return !matrix->cellChip()->isVisible(); }, 2000));
    EXPECT_TRUE(open->window->tableModel()->filter().population.isEmpty());
    EXPECT_TRUE(open->window->tableModel()->filter().crampType.isEmpty());
}

TEST(MatrixView, ClickOnACellListsExactlyItsStudiesUnderTheFundingFilter)
{
    auto open = openSettledWindow();
    MatrixUi *matrix = open->window->matrix();
    MatrixView *view = matrix->view();
    matrix->showMatrix();

    // All funding: liver cirrhosis × disease-state.
    const QModelIndex cirrhosis = indexOf(matrix, "cirrhosis", "disease_state");
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cirrhosis).center());
    EXPECT_FALSE(matrix->isMatrixShown());
    EXPECT_EQ(sorted(visibleIds(*open->window)),
        idsOf(cellOf(expectedMatrix(*open->window, IndependenceFilter::All), "cirrhosis", "disease_state"),
            open->window->tableModel()->allStudies()));
    EXPECT_EQ(matrix->cellFilterLabel(), QStringLiteral("Liver cirrhosis × Disease-state"));

    // Independent only, then a click on hemodialysis × disease-state: the one independent study.
    open->window->independenceCombo()->setCurrentFilter(IndependenceFilter::Independent);
    matrix->showMatrix();
    QTest::qWait(QApplication::doubleClickInterval() + 50); // Not a double click with the first.
    const QModelIndex dialysis = indexOf(matrix, "hemodialysis", "disease_state");
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(dialysis).center());
    const QStringList expected
        = idsOf(cellOf(expectedMatrix(*open->window, IndependenceFilter::Independent), "hemodialysis", "disease_state"),
            open->window->tableModel()->allStudies());
    EXPECT_EQ(expected, QStringList { QStringLiteral("varghese2020_dialysate_review") });
    EXPECT_EQ(visibleIds(*open->window), expected);

    // Changing the funding filter keeps the cell: all funding lists the whole cell again.
    open->window->independenceCombo()->setCurrentFilter(IndependenceFilter::All);
    EXPECT_EQ(sorted(visibleIds(*open->window)),
        idsOf(cellOf(expectedMatrix(*open->window, IndependenceFilter::All), "hemodialysis", "disease_state"),
            open->window->tableModel()->allStudies()));
    EXPECT_TRUE(matrix->hasCellFilter());
}

TEST(MatrixView, TotalsCellListsTheColumnsStudies)
{
    auto open = openSettledWindow();
    MatrixUi *matrix = open->window->matrix();
    const int totalRow = matrix->model()->rowCount() - 1;
    const int pregnancyColumn = vocabularies().crampType.indexOf(QStringLiteral("pregnancy"));
    matrix->openCell(matrix->model()->index(totalRow, pregnancyColumn));
    EXPECT_EQ(sorted(visibleIds(*open->window)),
        idsOf(expectedMatrix(*open->window, IndependenceFilter::All).columnTotal(pregnancyColumn),
            open->window->tableModel()->allStudies()));
    EXPECT_EQ(matrix->cellFilterLabel(), QStringLiteral("All populations × Pregnancy"));
    // The grand total is every study: no cell filter.
    matrix->openCell(matrix->model()->index(totalRow, matrix->model()->columnCount() - 1));
    EXPECT_FALSE(matrix->hasCellFilter());
    EXPECT_EQ(open->window->tableModel()->rowCount(), 20);
}

TEST(MatrixView, SearchNarrowsTheMatrixToo)
{
    auto open = openSettledWindow();
    MatrixUi *matrix = open->window->matrix();
    QTest::keyClicks(open->window->searchField(), QStringLiteral("nygaard"));
    ASSERT_TRUE(waitUntil([&] { return open->window->isSearchSettled(); }));
    EXPECT_EQ(open->window->tableModel()->rowCount(), 1);
    EXPECT_EQ(indexOf(matrix, "pregnant_women", "pregnancy").data(EvidenceMatrixModel::CountRole).toInt(), 1);
    EXPECT_EQ(matrix->model()->matrix().total().count(), 1);
    EXPECT_TRUE(matrix->page()->summary().contains(QStringLiteral("“nygaard”"))) << str(matrix->page()->summary());
    // Under a funding filter, what it hides follows the search too.
    open->window->independenceCombo()->setCurrentFilter(IndependenceFilter::Independent);
    const QModelIndex pregnancy = indexOf(matrix, "pregnant_women", "pregnancy");
    EXPECT_EQ(pregnancy.data(EvidenceMatrixModel::CountRole).toInt(), 0);
    EXPECT_EQ(matrix->view()->cellDelegate()->hiddenByFilter(pregnancy), 1);
    EXPECT_TRUE(matrix->page()->summary().startsWith(QStringLiteral("0 of 1 study in the grid")))
        << str(matrix->page()->summary());
    open->window->independenceCombo()->setCurrentFilter(IndependenceFilter::All);
    EXPECT_EQ(matrix->view()->cellDelegate()->hiddenByFilter(pregnancy), 0);
    // Clearing the search brings every study back.
    open->window->searchField()->clear();
    ASSERT_TRUE(waitUntil([&] { return open->window->isSearchSettled(); }));
    EXPECT_EQ(matrix->model()->matrix().total().count(), 20);
    open->window->independenceCombo()->setCurrentFilter(IndependenceFilter::Independent);
    EXPECT_EQ(matrix->view()->cellDelegate()->hiddenByFilter(pregnancy), 8);
}

TEST(MatrixView, ViewMenuSwitchesBetweenTableAndMatrix)
{
    auto open = openSettledWindow();
    MatrixUi *matrix = open->window->matrix();
    EXPECT_FALSE(matrix->isMatrixShown());
    const auto action
        = [&](const char *name) { return matrix->viewMenu()->findChild<QAction *>(QString::fromLatin1(name)); };
    ASSERT_NE(action("showMatrix"), nullptr);
    EXPECT_EQ(action("showMatrix")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_2));
    action("showMatrix")->trigger();
    EXPECT_TRUE(matrix->isMatrixShown());
    EXPECT_TRUE(action("showMatrix")->isChecked());
    action("showStudies")->trigger();
    EXPECT_FALSE(matrix->isMatrixShown());
    EXPECT_EQ(matrix->tabs()->currentWidget(), open->window->tableView());
}

TEST(MatrixView, NewStudyRowsKeepTheCurrentCellAndFollowTheNewValues)
{
    auto open = openSettledWindow();
    MatrixUi *matrix = open->window->matrix();
    matrix->showMatrix();
    const QModelIndex pregnancy = indexOf(matrix, "pregnant_women", "pregnancy");
    matrix->view()->setCurrentCell(pregnancy);
    // New rows, as after a reclassification or a reviewer's judgement: one study recoded.
    QVector<StudySummary> rows = open->window->tableModel()->allStudies();
    rows.detach();
    for (StudySummary &row : rows) {
        if (row.id == u"nygaard2008_rct")
            row.independence = QStringLiteral("independent");
    }
    open->window->tableModel()->setStudies(rows);
    EXPECT_EQ(matrix->view()->currentIndex(), pregnancy);
    open->window->independenceCombo()->setCurrentFilter(IndependenceFilter::Independent);
    EXPECT_EQ(pregnancy.data(EvidenceMatrixModel::StudyIdsRole).toStringList(),
        QStringList { QStringLiteral("nygaard2008_rct") });
}
