// Issue 3 (classification rules) in the window: the Rules view with hit counts, the rule
// filter, matched text highlighted in the pane, and a watched user rules file that reloads
// live, shows its errors and keeps the last good rules.
#include "guitestsupport.h"

#include "conclusionpane.h"
#include "rulescontroller.h"
#include "ruleserrorbar.h"
#include "rulestablemodel.h"
#include "rulesui.h"
#include "rulesview.h"

#include "io/studyfile.h"
#include "model/vocabulary.h"
#include "models/studytablemodel.h"
#include "rules/ruleengine.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

constexpr int kTimeoutMs = 60'000;

/// Waits until the rules are loaded, the library classified and the hit counts read.
void waitForClassification(MainWindow &window)
{
    RulesController *rules = window.rules()->controller();
    ASSERT_TRUE(
        waitUntil([&] { return rules->hasRules() && rules->hitCountsKnown() && window.isSettled(); }, kTimeoutMs))
        << "the library was never classified";
}

/// Studies each rule matches, computed from the engine over the seeded studies/ files.
QHash<QString, int> expectedHits(const RuleSet &rules)
{
    QStringList errors;
    const QVector<LoadedStudy> loaded = readStudyFolder(projectStudiesFolder(), Vocabularies::builtin(), &errors);
    EXPECT_TRUE(errors.isEmpty()) << errors.join(u'\n').toStdString();
    const RuleEngine engine(rules);
    QHash<QString, int> hits;
    for (const LoadedStudy &item : loaded) {
        QSet<QString> matched;
        for (const Suggestion &s : engine.classify(item.study))
            matched.insert(s.ruleId);
        for (const QString &id : std::as_const(matched))
            ++hits[id];
    }
    return hits;
}

/// The Rules view's cell for a rule, as displayed.
QString rulesCell(MainWindow &window, const QString &ruleId, int column)
{
    const QAbstractItemModel *model = window.rules()->view()->table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(RulesTableModel::RuleIdRole).toString() == ruleId)
            return model->index(row, column).data().toString();
    }
    return {};
}

/// Every cell of the study table, keyed by study id.
QMap<QString, QStringList> tableSnapshot(const MainWindow &window)
{
    QMap<QString, QStringList> cells;
    const StudyTableModel *model = window.tableModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList values;
        for (int column = 0; column < StudyTableModel::ColumnCount; ++column)
            values.append(model->index(row, column).data().toString());
        cells.insert(model->index(row, 0).data(StudyTableModel::StudyIdRole).toString(), values);
    }
    return cells;
}

QString tableCell(const MainWindow &window, const QString &id, int column)
{
    const StudyTableModel *model = window.tableModel();
    const int row = model->rowOfId(id);
    return row < 0 ? QString() : model->index(row, column).data().toString();
}

/// Replaces the file the way many editors save: a new file renamed over the old one.
void saveByReplacing(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(content);
    ASSERT_TRUE(file.commit());
}

const QByteArray kGarrisonRule = R"toml([[rule]]
id = "user.infusion_inconclusive"
description = "Test rule: the infusion trial's conclusion counts as inconclusive"
target = "direction"
value = "inconclusive"
priority = 60
reason = "Infusion trial: \"{match}\" ({field})"
when = { field = "title", contains = "magnesium infusion on rest cramps" }
)toml";

} // namespace

TEST(RulesWindow, RulesViewListsTheDefaultRulesWithTheirHitCounts)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    waitForClassification(window);
    window.showRulesView();
    EXPECT_TRUE(window.rules()->dock()->isVisible());

    const RuleSet &rules = defaultRules();
    const QTableView *table = window.rules()->view()->table();
    ASSERT_EQ(table->model()->rowCount(), rules.rules.size());
    const QHash<QString, int> expected = expectedHits(rules);
    ASSERT_GT(expected.value(QStringLiteral("design.rct")), 0) << "the corpus has randomised trials";
    EXPECT_EQ(rulesCell(window, QStringLiteral("design.rct"), RulesTableModel::Hits),
        QString::number(expected.value(QStringLiteral("design.rct"))));
    // Every rule's count agrees with the engine, including those that matched nothing.
    for (const Rule &rule : rules.rules) {
        EXPECT_EQ(rulesCell(window, rule.id, RulesTableModel::Hits), QString::number(expected.value(rule.id)))
            << rule.id.toStdString();
    }
    const QString value = rulesCell(window, QStringLiteral("independence.product_supplied"), RulesTableModel::Value);
    EXPECT_TRUE(value.startsWith(QStringLiteral("Industry-linked — "))) << value.toStdString();
    EXPECT_TRUE(value.contains(QStringLiteral("supplied by a manufacturer"))) << value.toStdString();
}

TEST(RulesWindow, SelectingARuleListsTheStudiesItMatched)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    waitForClassification(window);
    window.showRulesView();
    const QString ruleId = QStringLiteral("independence.product_supplied");

    // Click the rule's row, as a user would.
    QTableView *table = window.rules()->view()->table();
    QModelIndex cell;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data(RulesTableModel::RuleIdRole).toString() == ruleId)
            cell = table->model()->index(row, RulesTableModel::Description);
    }
    ASSERT_TRUE(cell.isValid());
    table->scrollTo(cell);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());

    ASSERT_TRUE(waitUntil([&] { return window.rules()->filterRuleId() == ruleId; }, kTimeoutMs));
    EXPECT_EQ(visibleIds(window), QStringList { QStringLiteral("nygaard2008_rct") });
    auto *chip = window.findChild<QToolButton *>(QStringLiteral("ruleFilterChip"));
    ASSERT_NE(chip, nullptr);
    // The toolbar lays out its widgets on the next event loop turn.
    EXPECT_TRUE(waitUntil([&] { return chip->isVisible(); }, 5'000));
    EXPECT_TRUE(chip->text().contains(ruleId)) << chip->text().toStdString();

    // The chip removes the filter.
    QTest::mouseClick(chip, Qt::LeftButton);
    EXPECT_TRUE(window.rules()->filterRuleId().isEmpty());
    EXPECT_EQ(window.tableModel()->rowCount(), 20);
    EXPECT_TRUE(waitUntil([&] { return !chip->isVisible(); }, 5'000));
    EXPECT_TRUE(window.rules()->view()->selectedRuleId().isEmpty());
}

TEST(RulesWindow, RuleChosenBeforeTheLibraryOpensAppliesAfterClassifying)
{
    // mgreview --rule ID: the rule is chosen before the rules and the library are loaded.
    TempLibrary library;
    WindowOptions options;
    options.persistLayout = false;
    options.errorDialogs = false;
    MainWindow window(options);
    window.show();
    const QString ruleId = QStringLiteral("independence.product_supplied");
    window.selectRule(ruleId);
    LibraryLocation location;
    location.sqlitePath = library.path();
    OpenOptions openOptions;
    openOptions.studiesFolder = projectStudiesFolder();
    window.openLibrary(location, openOptions);
    ASSERT_TRUE(waitUntil([&] { return window.isLibraryLoaded() && window.isSettled(); }, kTimeoutMs));
    EXPECT_EQ(window.rules()->filterRuleId(), ruleId);
    EXPECT_EQ(window.rules()->view()->selectedRuleId(), ruleId);
    EXPECT_EQ(visibleIds(window), QStringList { QStringLiteral("nygaard2008_rct") });
}

TEST(RulesWindow, RuleFilterAndSearchCombine)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    waitForClassification(window);
    const auto idSet = [&] {
        const QStringList ids = visibleIds(window);
        return QSet<QString>(ids.cbegin(), ids.cend());
    };
    // What the search alone finds.
    window.setSearchText(QStringLiteral("magnesium cramps pregnancy"));
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const QSet<QString> searched = idSet();
    ASSERT_FALSE(searched.isEmpty());
    window.setSearchText(QString());
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));

    // What the rule alone matched.
    window.selectRule(QStringLiteral("design.rct"));
    ASSERT_TRUE(waitUntil([&] { return window.rules()->filterRuleId() == u"design.rct" && window.isSettled(); }));
    const QSet<QString> trials = idSet();
    EXPECT_EQ(trials.size(), expectedHits(defaultRules()).value(QStringLiteral("design.rct")));

    // Both: the studies that pass the search AND the rule.
    window.setSearchText(QStringLiteral("magnesium cramps pregnancy"));
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const QSet<QString> both = idSet();
    EXPECT_EQ(both, searched & trials);
    EXPECT_LT(both.size(), trials.size()) << "the search must narrow the rule's studies for this test to mean much";
    // Clearing the search gives the rule's studies back.
    window.setSearchText(QString());
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    EXPECT_EQ(idSet(), trials);
}

TEST(RulesWindow, PaneHighlightsTheTextARuleMatched)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    waitForClassification(window);
    selectAndReadPane(window, QStringLiteral("nygaard2008_rct"));
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const QString text = window.pane()->toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("What the rules suggest"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("rule independence.product_supplied"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Matched in what is known about funding:"))) << text.toStdString();
    // The curated value is shown as curated.
    EXPECT_TRUE(text.contains(QStringLiteral("curated (studies/ file)")));

    // In the explanation the matched words carry the highlight (a background, bold and
    // underlined) in the rendered document; the words before them do not.
    const QString matched = QStringLiteral("both provided by the manufacturer");
    const QTextCursor explanation
        = window.pane()->document()->find(QStringLiteral("Matched in what is known about funding:"));
    ASSERT_FALSE(explanation.isNull());
    QTextCursor found = window.pane()->document()->find(matched, explanation);
    ASSERT_FALSE(found.isNull()) << text.toStdString();
    QTextCursor inside(window.pane()->document());
    inside.setPosition(found.selectionStart() + 1);
    const QTextCharFormat format = inside.charFormat();
    EXPECT_NE(format.background().style(), Qt::NoBrush);
    EXPECT_GE(format.fontWeight(), QFont::Bold);
    EXPECT_TRUE(format.fontUnderline());
    QTextCursor before(window.pane()->document());
    before.setPosition(found.selectionStart() - 2);
    EXPECT_EQ(before.charFormat().background().style(), Qt::NoBrush);
}

TEST(RulesWindow, BrokenRulesFileIsShownAndKeepsTheLastGoodRulesAndFixingItReloads)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    waitForClassification(window);
    const QString garrison = QStringLiteral("garrison2011_infusion_rct");
    ASSERT_EQ(tableCell(window, garrison, StudyTableModel::Direction), QStringLiteral("not coded"));
    const QMap<QString, QStringList> before = tableSnapshot(window);
    const int rulesBefore = int(window.rules()->controller()->rules().rules.size());

    // A user file with an unknown field: its error is shown where the reader looks, with its position.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("my-rules.toml"));
    QByteArray broken = kGarrisonRule;
    broken.replace("field = \"title\"", "field = \"titel\"");
    saveByReplacing(path, broken);
    const QStringList expectedErrors = parseRules(broken, path, Vocabularies::builtin()).errors;
    ASSERT_FALSE(expectedErrors.isEmpty());
    ASSERT_TRUE(expectedErrors.constFirst().startsWith(path + QStringLiteral(":8:")))
        << expectedErrors.constFirst().toStdString();
    window.setRulesFile(path);
    RulesErrorBar *bar = window.rules()->warningBar();
    ASSERT_TRUE(waitUntil([&] { return bar->isVisible(); }, kTimeoutMs)) << "no error shown";
    EXPECT_TRUE(bar->text().contains(expectedErrors.constFirst())) << bar->text().toStdString();
    EXPECT_TRUE(bar->text().contains(QStringLiteral("titel")));
    EXPECT_TRUE(window.rules()->view()->errorBar()->text().contains(expectedErrors.constFirst()));
    EXPECT_EQ(window.rules()->controller()->errors(), expectedErrors);

    // The last good rules stay in force, and the classification with them.
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    EXPECT_EQ(window.rules()->controller()->rules().rules.size(), rulesBefore);
    EXPECT_EQ(tableSnapshot(window), before);

    // Fixing the file reloads it (the watcher sees the save) and classifies again.
    saveByReplacing(path, kGarrisonRule);
    ASSERT_TRUE(waitUntil(
        [&] { return tableCell(window, garrison, StudyTableModel::Direction) == u"Inconclusive"; }, kTimeoutMs))
        << "the fixed rules file was not applied; direction is "
        << tableCell(window, garrison, StudyTableModel::Direction).toStdString();
    EXPECT_FALSE(bar->isVisible());
    EXPECT_TRUE(window.rules()->controller()->errors().isEmpty());
    EXPECT_EQ(window.rules()->controller()->rules().rules.size(), rulesBefore + 1);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    EXPECT_EQ(
        rulesCell(window, QStringLiteral("user.infusion_inconclusive"), RulesTableModel::Hits), QStringLiteral("1"));
    // Nothing else changed.
    QMap<QString, QStringList> after = tableSnapshot(window);
    after[garrison][StudyTableModel::Direction] = QStringLiteral("not coded");
    EXPECT_EQ(after, before);

    // The pane explains the new value with the user rule and its match.
    const QString pane = selectAndReadPane(window, garrison);
    EXPECT_TRUE(pane.contains(QStringLiteral("rule user.infusion_inconclusive"))) << pane.toStdString();

    // Breaking it again, in place this time, keeps the user rule that was good.
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[[rule]]\nid = \"x\"\ntarget = \"design\"\nvalue = \"rtc\"\n");
    }
    ASSERT_TRUE(waitUntil([&] { return bar->isVisible(); }, kTimeoutMs));
    EXPECT_TRUE(bar->text().contains(QStringLiteral("rtc"))) << bar->text().toStdString();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    EXPECT_EQ(tableCell(window, garrison, StudyTableModel::Direction), QStringLiteral("Inconclusive"));
}

TEST(RulesWindow, RulesMenuUsesStopsAndReclassifies)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    waitForClassification(window);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rules.toml"));
    saveByReplacing(path, kGarrisonRule);
    const QString garrison = QStringLiteral("garrison2011_infusion_rct");

    // Rules ▸ Use rules file…: a file dialog that does not block the window.
    auto *use = window.findChild<QAction *>(QStringLiteral("useRulesFile"));
    ASSERT_NE(use, nullptr);
    use->trigger();
    QFileDialog *dialog = nullptr;
    ASSERT_TRUE(waitUntil(
        [&] {
            dialog = window.findChild<QFileDialog *>(QStringLiteral("rulesFileDialog"));
            return dialog && dialog->isVisible();
        },
        10'000));
    EXPECT_FALSE(dialog->isModal() && dialog->windowModality() == Qt::ApplicationModal);
    dialog->selectFile(path);
    QMetaObject::invokeMethod(dialog, "accept"); // As the Open button does (accept() is protected).
    ASSERT_TRUE(waitUntil(
        [&] { return tableCell(window, garrison, StudyTableModel::Direction) == u"Inconclusive"; }, kTimeoutMs));
    EXPECT_EQ(window.rules()->controller()->userFile(), QFileInfo(path).absoluteFilePath());

    // Rules ▸ Reclassify now runs the rules again, though nothing changed.
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    QSignalSpy started(window.rules()->controller(), &RulesController::classificationStarted);
    QSignalSpy finished(window.rules()->controller(), &RulesController::classificationFinished);
    auto *again = window.findChild<QAction *>(QStringLiteral("reclassifyNow"));
    ASSERT_NE(again, nullptr);
    again->trigger();
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, kTimeoutMs));
    EXPECT_EQ(started.size(), 1);
    EXPECT_TRUE(finished.at(0).at(0).toString().contains(QStringLiteral("20 studies")))
        << finished.at(0).at(0).toString().toStdString();

    // Rules ▸ Stop using rules file: back to the defaults, and classified again with them.
    auto *stop = window.findChild<QAction *>(QStringLiteral("stopUsingRulesFile"));
    ASSERT_NE(stop, nullptr);
    stop->trigger();
    ASSERT_TRUE(
        waitUntil([&] { return tableCell(window, garrison, StudyTableModel::Direction) == u"not coded"; }, kTimeoutMs));
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    EXPECT_TRUE(window.rules()->controller()->userFile().isEmpty());
    EXPECT_EQ(window.rules()->controller()->rules().rules.size(), defaultRules().rules.size());
}
