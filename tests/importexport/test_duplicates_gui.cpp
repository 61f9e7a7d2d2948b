// Study ▸ Review duplicates… in a real window (offscreen, issue 8): the probable duplicates an
// import listed, side by side with the fields that differ; Merge (and its undo, from the
// dialog and from Edit ▸ Undo) and Keep both, which the library remembers. With
// MGREVIEW_DUPLICATES_SCREENSHOT=FILE the first test saves the dialog.
#include "importguisupport.h"

#include "duplicatecomparemodel.h"
#include "duplicatepairsmodel.h"
#include "duplicatesdialog.h"
#include "duplicateui.h"
#include "reviewui.h"
#include "screenshot.h"

#include "conclusionpane.h"
#include "store/studystore.h"

#include <QAction>
#include <QComboBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QUndoGroup>
#include <QUndoStack>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

/// Imports the fixture (one probable duplicate) and opens the review with its pair loaded.
struct Imported {
    RisFixture fixture;
    QString importedId; ///< The probable duplicate as imported.
    gui::DuplicatesDialog *dialog = nullptr;
};

Imported importAndOpenReview(gui::MainWindow &window, const QString &folder)
{
    Imported out;
    out.fixture = makeRisFixture(window);
    const QString path = folder + QStringLiteral("/refs.ris");
    EXPECT_TRUE(writeText(path, out.fixture.text));
    gui::ImportDialog *preview = previewFiles(window, { path });
    EXPECT_TRUE(preview);
    if (!preview)
        return out;
    for (const PlannedRecord &p : window.importer()->plan()->records) {
        if (p.status == RecordStatus::ProbableDuplicate)
            out.importedId = p.record.study.id;
    }
    QSignalSpy finished(window.importer(), &gui::ImportUi::importFinished);
    preview->importButton()->click();
    EXPECT_TRUE(waitUntil([&] { return finished.count() == 1; }));
    EXPECT_TRUE(waitUntil([&] { return window.isSettled(); }));

    QSignalSpy loaded(window.duplicates(), &gui::DuplicateUi::pairsChanged);
    QAction *action = window.findChild<QAction *>(QStringLiteral("reviewDuplicates"));
    EXPECT_TRUE(action && action->isEnabled());
    if (action)
        action->trigger();
    EXPECT_TRUE(waitUntil([&] { return loaded.count() >= 1 && !window.duplicates()->isBusy(); }));
    out.dialog = window.duplicates()->dialog();
    return out;
}

/// A study as the library holds it, read through its own connection.
std::optional<Study> loadStudy(OpenWindow &open, const QString &id)
{
    std::unique_ptr<Database> db = openDirect(open.library);
    QString error;
    return db ? StudyStore(*db).load(id, &error) : std::nullopt;
}

bool tableHas(const gui::MainWindow &window, const QString &id)
{
    return allTableIds(window).contains(id);
}

TEST(DuplicatesGui, PairSideBySideMergeAndUndoFromTheDialog)
{
    auto open = openSeededWindow();
    ASSERT_TRUE(open);
    gui::MainWindow &window = *open->window;
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    QTemporaryDir scratch;
    const Imported imported = importAndOpenReview(window, scratch.path());
    gui::DuplicatesDialog *dialog = imported.dialog;
    ASSERT_TRUE(dialog);
    ASSERT_FALSE(imported.importedId.isEmpty());

    // The pair, the earlier (seeded) record left, the imported one right; the journal differs.
    ASSERT_EQ(dialog->pairsModel()->rowCount(), imported.fixture.probables);
    const gui::DuplicatePair &pair = dialog->pairsModel()->pairs().first();
    EXPECT_EQ(pair.candidate.otherId, imported.fixture.probableOf);
    EXPECT_EQ(pair.candidate.studyId, imported.importedId);
    const gui::DuplicateCompareModel *compare = dialog->compareModel();
    EXPECT_EQ(compare->headerData(gui::DuplicateCompareModel::LeftColumn, Qt::Horizontal).toString(),
        imported.fixture.probableOf);
    EXPECT_TRUE(compare->differingFields().contains(QStringLiteral("Journal"))) << str(compare->differingFields().join(u','));
    EXPECT_TRUE(compare->conflictingFields().contains(QStringLiteral("Journal")));
    EXPECT_FALSE(compare->differingFields().contains(QStringLiteral("Title")));
    // A field only the seeded record has (its DOI) differs, but a merge only fills it in.
    EXPECT_TRUE(compare->differingFields().contains(QStringLiteral("DOI")));
    EXPECT_FALSE(compare->conflictingFields().contains(QStringLiteral("DOI")));
    EXPECT_EQ(dialog->keepId(), imported.fixture.probableOf) << "the earlier record is kept by default";
    if (const QString shot = qEnvironmentVariable("MGREVIEW_DUPLICATES_SCREENSHOT"); !shot.isEmpty()) {
        QString error;
        EXPECT_TRUE(gui::saveWidgetPng(dialog, shot, &error)) << str(error);
    }
    const LibraryState beforeMerge = libraryState(*open);
    const std::optional<Study> keptBefore = loadStudy(*open, imported.fixture.probableOf);
    const std::optional<Study> importedBefore = loadStudy(*open, imported.importedId);
    ASSERT_TRUE(keptBefore && importedBefore);
    EXPECT_FALSE(dialog->undoButton()->isEnabled());

    // Merge: the imported record goes into the earlier one and leaves the table and the list.
    QSignalSpy changed(window.duplicates(), &gui::DuplicateUi::changeFinished);
    dialog->mergeButton()->click();
    ASSERT_TRUE(waitUntil([&] { return changed.count() == 1 && !window.duplicates()->isBusy(); }));
    ASSERT_TRUE(changed.first().at(0).toBool()) << str(changed.first().at(1).toString());
    EXPECT_EQ(dialog->pairsModel()->rowCount(), 0);
    EXPECT_FALSE(tableHas(window, imported.importedId));
    EXPECT_TRUE(tableHas(window, imported.fixture.probableOf));
    const LibraryState merged = libraryState(*open);
    EXPECT_FALSE(merged.ids.contains(imported.importedId));
    EXPECT_EQ(merged.merges, beforeMerge.merges + 1);
    // The kept record now carries what only the other had (its journal, as a merge note).
    EXPECT_TRUE(selectAndReadPane(window, imported.fixture.probableOf)
                    .contains(QStringLiteral("A Journal The Seeded Record Does Not Name")));

    // Undo merge: both records back exactly, the pair listed again.
    ASSERT_TRUE(dialog->undoButton()->isEnabled());
    dialog->undoButton()->click();
    ASSERT_TRUE(waitUntil([&] { return changed.count() == 2 && !window.duplicates()->isBusy(); }));
    ASSERT_TRUE(changed.at(1).at(0).toBool()) << str(changed.at(1).at(1).toString());
    EXPECT_EQ(dialog->pairsModel()->rowCount(), 1);
    EXPECT_TRUE(tableHas(window, imported.importedId));
    const LibraryState undone = libraryState(*open);
    EXPECT_EQ(undone.ids, beforeMerge.ids);
    EXPECT_FALSE(dialog->undoButton()->isEnabled());
    EXPECT_EQ(loadStudy(*open, imported.fixture.probableOf), keptBefore);
    EXPECT_EQ(loadStudy(*open, imported.importedId), importedBefore);
    // The pane shows the record as it was again.
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    EXPECT_EQ(window.shownStudyId(), imported.fixture.probableOf);
    EXPECT_FALSE(window.pane()->toPlainText().contains(QStringLiteral("A Journal The Seeded Record Does Not Name")));
}

TEST(DuplicatesGui, KeepBothIsRememberedAndMergeUndoesThroughEditUndo)
{
    auto open = openSeededWindow();
    ASSERT_TRUE(open);
    gui::MainWindow &window = *open->window;
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    signIn(window, QStringLiteral("Rev"), Role::Reviewer);
    QTemporaryDir scratch;
    const Imported imported = importAndOpenReview(window, scratch.path());
    gui::DuplicatesDialog *dialog = imported.dialog;
    ASSERT_TRUE(dialog);
    ASSERT_EQ(dialog->pairsModel()->rowCount(), 1);

    // Merge keeping the imported record this time; Edit ▸ Undo takes it back.
    QSignalSpy changed(window.duplicates(), &gui::DuplicateUi::changeFinished);
    dialog->setKeepId(imported.importedId);
    dialog->mergeButton()->click();
    ASSERT_TRUE(waitUntil([&] { return changed.count() == 1 && !window.duplicates()->isBusy(); }));
    ASSERT_TRUE(changed.first().at(0).toBool()) << str(changed.first().at(1).toString());
    EXPECT_FALSE(tableHas(window, imported.fixture.probableOf));
    QUndoStack *stack = window.review()->undoGroup()->activeStack();
    ASSERT_NE(stack, nullptr);
    EXPECT_TRUE(stack->undoText().contains(imported.fixture.probableOf)) << str(stack->undoText());
    window.review()->undoAction()->trigger();
    ASSERT_TRUE(waitUntil([&] { return changed.count() == 2 && !window.duplicates()->isBusy(); }));
    EXPECT_TRUE(tableHas(window, imported.fixture.probableOf));
    EXPECT_EQ(dialog->pairsModel()->rowCount(), 1);
    // Redo merges again; undo once more to go on with the pair.
    window.review()->redoAction()->trigger();
    ASSERT_TRUE(waitUntil([&] { return changed.count() == 3 && !window.duplicates()->isBusy(); }));
    EXPECT_FALSE(tableHas(window, imported.fixture.probableOf));
    window.review()->undoAction()->trigger();
    ASSERT_TRUE(waitUntil([&] { return changed.count() == 4 && !window.duplicates()->isBusy(); }));
    ASSERT_TRUE(tableHas(window, imported.fixture.probableOf));

    // Keep both: both stay, the pair leaves the list, and reopening the review does not bring it back.
    const LibraryState beforeKeep = libraryState(*open);
    dialog->keepBothButton()->click();
    ASSERT_TRUE(waitUntil([&] { return changed.count() == 5 && !window.duplicates()->isBusy(); }));
    ASSERT_TRUE(changed.at(4).at(0).toBool()) << str(changed.at(4).at(1).toString());
    EXPECT_EQ(dialog->pairsModel()->rowCount(), 0);
    EXPECT_EQ(libraryState(*open).ids, beforeKeep.ids);
    dialog->close();
    ASSERT_TRUE(waitUntil([&] { return window.duplicates()->dialog() == nullptr; }));
    QSignalSpy loaded(window.duplicates(), &gui::DuplicateUi::pairsChanged);
    window.duplicates()->openDialog();
    ASSERT_TRUE(waitUntil([&] { return loaded.count() >= 1 && !window.duplicates()->isBusy(); }));
    EXPECT_EQ(window.duplicates()->dialog()->pairsModel()->rowCount(), 0);
    window.duplicates()->dialog()->close();
}

} // namespace
