// The main window on the seeded library: table, search, filter, sorting, pane, layout.
#include "guitestsupport.h"

#include "conclusionpane.h"
#include "independencecombo.h"
#include "searchcontroller.h"
#include "searchfield.h"
#include "studytableview.h"

#include "models/studytablemodel.h"

#include <QFile>
#include <QHeaderView>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

const QString kGarrisonConclusion = QStringLiteral(
    "It is unlikely that magnesium supplementation provides clinically meaningful cramp prophylaxis to older "
    "adults experiencing skeletal muscle cramps.");

/// The pane text between a heading (or label) and the next one.
QString between(const QString &text, const QString &from, const QString &to)
{
    const qsizetype start = text.indexOf(from);
    if (start < 0)
        return {};
    const qsizetype end = text.indexOf(to, start + from.size());
    return text.mid(start, end < 0 ? -1 : end - start);
}

void typeQuery(MainWindow &window, const QString &text)
{
    QTest::keyClicks(window.searchField(), text);
}

} // namespace

TEST(MainWindow, OpensTheSeededLibraryWithAllStudies)
{
    auto open = openSeededWindow();
    EXPECT_EQ(open->window->tableModel()->rowCount(), 20);
    EXPECT_TRUE(open->window->statusBar()->currentMessage().contains(QStringLiteral("20 studies added")))
        << open->window->statusBar()->currentMessage().toStdString();
}

TEST(MainWindow, PaneShowsGarrison2020ConclusionAndUnverifiedPmid)
{
    auto open = openSeededWindow();
    const QString pane = selectAndReadPane(*open->window, QStringLiteral("garrison2020_cochrane"));
    EXPECT_TRUE(pane.contains(kGarrisonConclusion)) << pane.toStdString();
    // The conclusion's source is shown with it.
    EXPECT_TRUE(between(pane, kGarrisonConclusion, QStringLiteral("What secondary sources claim"))
                    .contains(QStringLiteral("Source:")));
    // Its PMID is not verified: the pane says so where the PMID would be.
    const QString pmid = between(pane, QStringLiteral("PMID"), QStringLiteral("PMCID"));
    EXPECT_TRUE(pmid.contains(QStringLiteral("not verified"))) << pmid.toStdString();
    // What secondary sources claim, under its own heading.
    EXPECT_TRUE(pane.contains(QStringLiteral("What secondary sources claim")));
    EXPECT_TRUE(pane.contains(QStringLiteral("at any dose or administration route used")));
    // The DOI is a link to doi.org.
    EXPECT_TRUE(
        open->window->pane()->toHtml().contains(QStringLiteral("https://doi.org/10.1002/14651858.CD009402.pub3")));
}

TEST(MainWindow, PaneMarksAnUnverifiedConclusion)
{
    auto open = openSeededWindow();
    const QString pane = selectAndReadPane(*open->window, QStringLiteral("garrison2011_infusion_rct"));
    const QString conclusions = between(
        pane, QStringLiteral("Authors' conclusions (verbatim)"), QStringLiteral("What secondary sources claim"));
    ASSERT_FALSE(conclusions.isEmpty()) << pane.toStdString();
    EXPECT_TRUE(conclusions.contains(QStringLiteral("not verified"))) << conclusions.toStdString();
}

TEST(MainWindow, SearchAsYouTypeFiltersTheTable)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    QSignalSpy applied(&window, &MainWindow::searchApplied);
    typeQuery(window, QStringLiteral("Nyg"));
    ASSERT_TRUE(waitUntil([&] { return window.tableModel()->rowCount() < 20; }));
    // Extending the query narrows the previous result.
    typeQuery(window, QStringLiteral("aard"));
    ASSERT_TRUE(waitUntil([&] { return !applied.isEmpty() && applied.last().at(0).toString() == u"Nygaard"; }));
    EXPECT_EQ(visibleIds(window), QStringList { QStringLiteral("nygaard2008_rct") });
    EXPECT_EQ(window.independenceCombo()->itemText(0), QStringLiteral("All studies (1)"));

    // Escape clears the search and every study comes back.
    window.searchField()->setFocus();
    QTest::keyClick(window.searchField(), Qt::Key_Escape);
    ASSERT_TRUE(waitUntil([&] { return window.tableModel()->rowCount() == 20; }));
}

TEST(MainWindow, SearchFindsWordsOfConclusions)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    typeQuery(window, QStringLiteral("clinically meaningful cramp prophylaxis"));
    ASSERT_TRUE(waitUntil([&] { return window.tableModel()->rowCount() < 20; }));
    const QStringList ids = visibleIds(window);
    EXPECT_TRUE(ids.contains(QStringLiteral("garrison2020_cochrane"))) << ids.join(u' ').toStdString();
    EXPECT_FALSE(ids.contains(QStringLiteral("nygaard2008_rct")));
}

TEST(MainWindow, IndependenceFilterExcludesIndustryLinkedStudies)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    IndependenceCombo *combo = window.independenceCombo();
    EXPECT_EQ(
        combo->itemText(combo->findData(int(IndependenceFilter::Independent))), QStringLiteral("Independent only (1)"));
    EXPECT_EQ(combo->itemText(combo->findData(int(IndependenceFilter::IndustryLinked))),
        QStringLiteral("Industry-linked only (3)"));

    window.setIndependenceFilter(IndependenceFilter::Independent);
    const QStringList independent = visibleIds(window);
    EXPECT_FALSE(independent.isEmpty());
    for (const char *id : { "dahle1995_rct", "nygaard2008_rct", "barna2021_rct" })
        EXPECT_FALSE(independent.contains(QString::fromLatin1(id))) << id;

    window.setIndependenceFilter(IndependenceFilter::IndustryLinked);
    QStringList linked = visibleIds(window);
    linked.sort();
    EXPECT_EQ(linked,
        (QStringList {
            QStringLiteral("barna2021_rct"), QStringLiteral("dahle1995_rct"), QStringLiteral("nygaard2008_rct") }));

    window.setIndependenceFilter(IndependenceFilter::All);
    EXPECT_EQ(window.tableModel()->rowCount(), 20);
}

TEST(MainWindow, ClickingTheYearHeaderSortsByYear)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    QHeaderView *header = window.tableView()->horizontalHeader();
    const auto years = [&] {
        QVector<int> out;
        for (int row = 0; row < window.tableModel()->rowCount(); ++row)
            out.append(window.tableModel()->index(row, StudyTableModel::Year).data().toInt());
        return out;
    };
    const QPoint yearHeader(
        header->sectionViewportPosition(StudyTableModel::Year) + header->sectionSize(StudyTableModel::Year) / 2,
        header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, yearHeader);
    EXPECT_EQ(header->sortIndicatorSection(), StudyTableModel::Year);
    QVector<int> ascending = years();
    EXPECT_TRUE(std::is_sorted(ascending.cbegin(), ascending.cend()));
    EXPECT_NE(ascending.first(), ascending.last());

    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, yearHeader);
    const QVector<int> descending = years();
    EXPECT_TRUE(std::is_sorted(descending.crbegin(), descending.crend()));
    EXPECT_EQ(descending.first(), ascending.last());
}

TEST(MainWindow, SortingKeepsTheSelectedStudy)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    selectAndReadPane(window, QStringLiteral("barna2021_rct"));
    window.tableView()->sortByColumn(StudyTableModel::Year, Qt::DescendingOrder);
    const QModelIndex current = window.tableView()->currentIndex();
    EXPECT_EQ(current.data(StudyTableModel::StudyIdRole).toString(), QStringLiteral("barna2021_rct"));
}

TEST(MainWindow, KeyboardMovesThroughStudies)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    // Down in the search field goes to the results and selects the first row.
    window.searchField()->setFocus();
    QTest::keyClick(window.searchField(), Qt::Key_Down);
    const QString first = visibleIds(window).at(0);
    ASSERT_TRUE(waitUntil([&] { return window.shownStudyId() == first; }));

    QTest::keyClick(window.tableView(), Qt::Key_Down);
    const QString second = visibleIds(window).at(1);
    ASSERT_TRUE(waitUntil([&] { return window.shownStudyId() == second; }));
    EXPECT_NE(first, second);
}

TEST(MainWindow, UnknownStudyIsReported)
{
    auto open = openSeededWindow();
    QSignalSpy notFound(open->window.get(), &MainWindow::studyNotFound);
    open->window->selectStudy(QStringLiteral("no_such_study"));
    ASSERT_EQ(notFound.size(), 1);
    EXPECT_TRUE(notFound.at(0).at(1).toString().contains(QStringLiteral("no_such_study")));
}

TEST(MainWindow, UnreadableLibraryIsReportedAndTheWindowKeepsRunning)
{
    TempLibrary library;
    QFile garbage(library.path());
    ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(4096, 'x'));
    garbage.close();

    WindowOptions options;
    options.persistLayout = false;
    options.errorDialogs = false;
    MainWindow window(options);
    window.show();
    QSignalSpy failed(&window, &MainWindow::libraryFailed);
    LibraryLocation location;
    location.sqlitePath = library.path();
    window.openLibrary(location, {});
    ASSERT_TRUE(waitUntil([&] { return !failed.isEmpty(); }));
    EXPECT_FALSE(window.isLibraryLoaded());
    EXPECT_TRUE(window.pane()->toPlainText().contains(QStringLiteral("could not be opened")));
    EXPECT_TRUE(window.isVisible());
    // Typing still works (nothing to search, nothing crashes).
    QTest::keyClicks(window.searchField(), QStringLiteral("magnesium"));
    QTest::qWait(SearchController::kDebounceMs * 3);
    EXPECT_EQ(window.tableModel()->rowCount(), 0);
}

TEST(MainWindow, LayoutAndFilterPersist)
{
    // Test mode keeps the user's real settings untouched.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QByteArray splitter;
    {
        MainWindow window;
        window.show();
        window.setIndependenceFilter(IndependenceFilter::IndustryLinked);
        window.splitter()->setSizes({ 900, 500 });
        window.tableView()->sortByColumn(StudyTableModel::Year, Qt::DescendingOrder);
        splitter = window.splitter()->saveState();
        window.close();
    }
    MainWindow again;
    again.show();
    EXPECT_EQ(again.independenceCombo()->currentFilter(), IndependenceFilter::IndustryLinked);
    EXPECT_EQ(again.tableModel()->filter().independence, IndependenceFilter::IndustryLinked);
    EXPECT_EQ(again.splitter()->saveState(), splitter);
    EXPECT_EQ(again.tableView()->horizontalHeader()->sortIndicatorSection(), StudyTableModel::Year);
    EXPECT_EQ(again.tableView()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    QSettings().clear();
    QStandardPaths::setTestModeEnabled(false);
}
