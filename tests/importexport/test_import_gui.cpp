// File ▸ Import bibliography… in a real window (offscreen, issue 8): the dry run's preview
// (counts, records, errors with file:line), Import writing in one transaction, Cancel during
// the write leaving the library exactly as it was, and bibliography files dropped on the
// window. With MGREVIEW_IMPORT_SCREENSHOT=FILE the preview test also saves the window with
// the preview.
#include "importguisupport.h"

#include "importrecordsmodel.h"
#include "librarysession.h"
#include "rulescontroller.h"
#include "rulesui.h"
#include "screenshot.h"
#include "studytableview.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSemaphore>
#include <QStringListModel>
#include <QTemporaryDir>

#include <algorithm>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

int countStatus(const gui::ImportRecordsModel *model, RecordStatus status)
{
    int n = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        n += model->index(row, 0).data(gui::ImportRecordsModel::StatusRole).toInt() == int(status);
    return n;
}

TEST(ImportGui, PreviewShowsCountsRecordsAndErrorsWithoutWriting)
{
    auto open = openSeededWindow();
    ASSERT_TRUE(open);
    gui::MainWindow &window = *open->window;
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const RisFixture fixture = makeRisFixture(window);
    QTemporaryDir scratch;
    const QString path = scratch.filePath(QStringLiteral("search-export.ris"));
    ASSERT_TRUE(writeText(path, fixture.text));
    const LibraryState before = libraryState(*open);
    ASSERT_FALSE(before.ids.isEmpty());

    QAction *action = window.findChild<QAction *>(QStringLiteral("importBibliography"));
    ASSERT_TRUE(action);
    EXPECT_TRUE(action->isEnabled());
    gui::ImportDialog *dialog = previewFiles(window, { path });
    ASSERT_TRUE(dialog);
    EXPECT_TRUE(dialog->isVisible());

    const QString summary = dialog->summaryText();
    EXPECT_TRUE(summary.contains(QStringLiteral("%1 new").arg(fixture.newRecords))) << str(summary);
    EXPECT_TRUE(summary.contains(QStringLiteral("%1 duplicate (skipped)").arg(fixture.duplicates))) << str(summary);
    EXPECT_TRUE(summary.contains(QStringLiteral("%1 probable duplicate").arg(fixture.probables))) << str(summary);
    EXPECT_TRUE(summary.contains(QStringLiteral("1 error"))) << str(summary);

    const gui::ImportRecordsModel *records = dialog->recordsModel();
    ASSERT_EQ(records->rowCount(), fixture.newRecords + fixture.duplicates + fixture.probables);
    EXPECT_EQ(countStatus(records, RecordStatus::New), fixture.newRecords);
    EXPECT_EQ(countStatus(records, RecordStatus::Duplicate), fixture.duplicates);
    EXPECT_EQ(countStatus(records, RecordStatus::ProbableDuplicate), fixture.probables);
    // Rows in file order, each with where it starts and what it matches.
    EXPECT_EQ(records->index(0, gui::ImportRecordsModel::WhereColumn).data().toString(),
        QStringLiteral("search-export.ris:1"));
    bool sawDuplicate = false, sawProbable = false;
    for (int row = 0; row < records->rowCount(); ++row) {
        const QString match = records->index(row, gui::ImportRecordsModel::MatchColumn).data().toString();
        const int status = records->index(row, 0).data(gui::ImportRecordsModel::StatusRole).toInt();
        if (status == int(RecordStatus::Duplicate)) {
            sawDuplicate = true;
            EXPECT_TRUE(match.startsWith(fixture.duplicateOf)) << str(match);
            EXPECT_TRUE(records->index(row, gui::ImportRecordsModel::IdColumn).data().toString().isEmpty());
        } else if (status == int(RecordStatus::ProbableDuplicate)) {
            sawProbable = true;
            EXPECT_TRUE(match.startsWith(fixture.probableOf)) << str(match);
        }
    }
    EXPECT_TRUE(sawDuplicate && sawProbable);

    // The junk line, named by file and line.
    const QStringList errors = dialog->errorsModel()->stringList();
    ASSERT_EQ(errors.size(), 1);
    EXPECT_TRUE(errors.first().startsWith(QStringLiteral("%1:%2: ").arg(path).arg(fixture.errorLine)))
        << str(errors.first());
    EXPECT_TRUE(dialog->importButton()->isEnabled());

    if (const QString shot = qEnvironmentVariable("MGREVIEW_IMPORT_SCREENSHOT"); !shot.isEmpty()) {
        QString error;
        EXPECT_TRUE(gui::saveWidgetPng(dialog, shot, &error)) << str(error);
    }

    // A dry run writes nothing; closing the preview neither.
    dialog->findChild<QPushButton *>(QStringLiteral("importCancelButton"))->click();
    ASSERT_TRUE(waitUntil([&] { return window.importer()->dialog() == nullptr; }));
    EXPECT_EQ(libraryState(*open), before);
}

TEST(ImportGui, ImportWritesTheRecordsAndTheTableShowsThem)
{
    auto open = openSeededWindow();
    ASSERT_TRUE(open);
    gui::MainWindow &window = *open->window;
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const RisFixture fixture = makeRisFixture(window);
    QTemporaryDir scratch;
    const QString path = scratch.filePath(QStringLiteral("refs.ris"));
    ASSERT_TRUE(writeText(path, fixture.text));
    const QStringList tableBefore = allTableIds(window);
    const LibraryState before = libraryState(*open);
    ASSERT_TRUE(window.rules()->controller()->hitCountsKnown());
    const int rctHitsBefore = window.rules()->controller()->hitCounts().value(QStringLiteral("design.rct"));

    gui::ImportDialog *dialog = previewFiles(window, { path });
    ASSERT_TRUE(dialog);
    QStringList expectedNew;
    for (const PlannedRecord &p : window.importer()->plan()->records) {
        if (p.status != RecordStatus::Duplicate)
            expectedNew.append(p.record.study.id);
    }
    ASSERT_EQ(expectedNew.size(), fixture.newRecords + fixture.probables);

    QSignalSpy finished(window.importer(), &gui::ImportUi::importFinished);
    dialog->importButton()->click();
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }));
    ASSERT_TRUE(finished.first().at(0).toBool()) << str(finished.first().at(2).toString());
    EXPECT_TRUE(waitUntil([&] { return window.importer()->dialog() == nullptr; })) << "the preview closes";

    // The library and the table both hold exactly the old studies plus the imported ones.
    QStringList expected = tableBefore + expectedNew;
    expected.sort();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    EXPECT_EQ(allTableIds(window), expected);
    const LibraryState after = libraryState(*open);
    EXPECT_EQ(after.ids, expected);
    EXPECT_EQ(after.batches, before.batches + 1);
    EXPECT_EQ(after.candidates, before.candidates + fixture.probables);
    // The rules in force ran on the new records: the abstract says "were randomised".
    const auto rows = window.tableModel()->allStudies();
    const auto lighthouse = std::find_if(rows.cbegin(), rows.cend(),
        [](const StudySummary &s) { return s.title.contains(QStringLiteral("lighthouse keepers")); });
    ASSERT_NE(lighthouse, rows.cend());
    EXPECT_EQ(lighthouse->design, QStringLiteral("rct")) << "the rules did not classify the imported record";
    // The Rules view counts it.
    EXPECT_GT(window.rules()->controller()->hitCounts().value(QStringLiteral("design.rct")), rctHitsBefore);
    // The new study can be found and shown like any other.
    window.setSearchText(QStringLiteral("lighthouse keepers"));
    ASSERT_TRUE(waitUntil([&] { return window.isSearchSettled(); }));
    ASSERT_EQ(visibleIds(window).size(), 1);
    EXPECT_TRUE(selectAndReadPane(window, visibleIds(window).first()).contains(QStringLiteral("Zymotic night cramps")));
}

TEST(ImportGui, CancelDuringTheWriteLeavesTheLibraryExactlyAsItWas)
{
    auto open = openSeededWindow();
    ASSERT_TRUE(open);
    gui::MainWindow &window = *open->window;
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const RisFixture fixture = makeRisFixture(window);
    QTemporaryDir scratch;
    const QString path = scratch.filePath(QStringLiteral("refs.ris"));
    ASSERT_TRUE(writeText(path, fixture.text));
    const LibraryState before = libraryState(*open);
    const QStringList tableBefore = allTableIds(window);

    gui::ImportDialog *dialog = previewFiles(window, { path });
    ASSERT_TRUE(dialog);
    // The write is held inside its transaction, after the rows went in, until the cancel is in.
    QSemaphore entered, gate;
    window.importer()->setWriteStepHook([&] {
        entered.release();
        gate.acquire();
    });
    QSignalSpy finished(window.importer(), &gui::ImportUi::importFinished);
    dialog->importButton()->click();
    ASSERT_TRUE(waitUntil([&] { return entered.available() > 0; })) << "the write never reached its progress step";
    EXPECT_TRUE(dialog->isBusy());
    EXPECT_FALSE(dialog->importButton()->isEnabled());
    dialog->cancelButton()->click();
    gate.release();
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }));
    EXPECT_FALSE(finished.first().at(0).toBool());
    EXPECT_TRUE(finished.first().at(1).toBool()) << str(finished.first().at(2).toString());

    EXPECT_EQ(libraryState(*open), before);
    EXPECT_EQ(allTableIds(window), tableBefore);
    // The preview stays, says what happened, and may be imported again.
    ASSERT_EQ(window.importer()->dialog(), dialog);
    EXPECT_FALSE(dialog->isBusy());
    EXPECT_TRUE(dialog->importButton()->isEnabled());
    EXPECT_TRUE(dialog->findChild<QLabel *>(QStringLiteral("importMessage"))->text().contains(QStringLiteral("cancelled")));
    window.importer()->setWriteStepHook({});
    dialog->reject();
}

TEST(ImportGui, DroppingARisFileOnTheWindowOpensThePreviewAndPdfsAreNotImported)
{
    auto open = openSeededWindow();
    ASSERT_TRUE(open);
    gui::MainWindow &window = *open->window;
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const RisFixture fixture = makeRisFixture(window);
    QTemporaryDir scratch;
    const QString ris = scratch.filePath(QStringLiteral("dropped.ris"));
    ASSERT_TRUE(writeText(ris, fixture.text));
    const QString pdf = scratch.filePath(QStringLiteral("paper.pdf"));
    ASSERT_TRUE(writeText(pdf, QStringLiteral("%PDF-1.4 not really")));

    // A PDF dropped where no study is: nothing to import.
    QSignalSpy previews(window.importer(), &gui::ImportUi::previewFinished);
    dropFiles(&window, { pdf });
    QCoreApplication::processEvents();
    EXPECT_EQ(window.importer()->dialog(), nullptr);

    // On the study table (the PDF handler passes it on): the preview of that file.
    dropFiles(window.tableView()->viewport(), { ris });
    ASSERT_TRUE(waitUntil([&] { return previews.count() == 1; }));
    EXPECT_TRUE(previews.first().at(0).toBool()) << str(previews.first().at(2).toString());
    gui::ImportDialog *dialog = window.importer()->dialog();
    ASSERT_TRUE(dialog);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->recordsModel()->rowCount(), fixture.newRecords + fixture.duplicates + fixture.probables);
    EXPECT_TRUE(dialog->summaryText().contains(QStringLiteral("%1 new").arg(fixture.newRecords)));
    dialog->reject();
    ASSERT_TRUE(waitUntil([&] { return window.importer()->dialog() == nullptr; }));
}

TEST(ImportGui, ABrokenFileShowsItsErrorsAndTheAppKeepsRunning)
{
    auto open = openSeededWindow();
    ASSERT_TRUE(open);
    gui::MainWindow &window = *open->window;
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    QTemporaryDir scratch;
    // Line 3 opens a brace that is never closed; the entry after it is still read.
    const QString bib = scratch.filePath(QStringLiteral("broken.bib"));
    ASSERT_TRUE(writeText(bib, QStringLiteral("@article{broken1,\n  author = {Quillfeather, Anna},\n"
                                              "  title = {Unclosed {brace in a title},\n  year = 2019\n}\n\n"
                                              "@article{fine2,\n  author = {Marrowby, Cedric},\n"
                                              "  title = {Calf cramps and tide tables, a second invented record},\n"
                                              "  year = {2018}\n}\n")));
    const QString missing = scratch.filePath(QStringLiteral("not-there.ris"));
    const LibraryState before = libraryState(*open);

    gui::ImportDialog *dialog = previewFiles(window, { bib, missing });
    ASSERT_TRUE(dialog);
    const QStringList errors = dialog->errorsModel()->stringList();
    ASSERT_GE(errors.size(), 2) << str(errors.join(u'\n'));
    const bool bibError = std::any_of(errors.cbegin(), errors.cend(), [&](const QString &e) {
        return e.startsWith(bib + u':') && e.section(u':', 1, 1).toInt() > 0;
    });
    EXPECT_TRUE(bibError) << str(errors.join(u'\n'));
    const bool missingError = std::any_of(errors.cbegin(), errors.cend(), [&](const QString &e) { return e.startsWith(missing); });
    EXPECT_TRUE(missingError) << str(errors.join(u'\n'));
    EXPECT_TRUE(dialog->summaryText().contains(QStringLiteral("%1 errors").arg(errors.size()))) << str(dialog->summaryText());
    dialog->reject();
    ASSERT_TRUE(waitUntil([&] { return window.importer()->dialog() == nullptr; }));
    EXPECT_EQ(libraryState(*open), before);

    // Still running and usable: search works, another preview opens.
    window.setSearchText(QStringLiteral("magnesium"));
    ASSERT_TRUE(waitUntil([&] { return window.isSearchSettled(); }));
    EXPECT_FALSE(visibleIds(window).isEmpty());
    EXPECT_TRUE(window.importer()->preview({ bib }));
    ASSERT_TRUE(waitUntil([&] { return window.importer()->plan() != nullptr; }));
    window.importer()->dialog()->reject();
}

} // namespace
