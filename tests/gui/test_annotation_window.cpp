// Annotations in the window (issue 7): select words in the conclusion pane, Highlight…,
// the highlight drawn in the pane and listed in the Notes view, searchable at once; undo and
// redo through the app-wide stack; edit, retag and delete; clinicians read only.
#include "test_review_support.h"

#include "annotationcontroller.h"
#include "annotationpane.h"
#include "annotationui.h"
#include "conclusionpane.h"
#include "highlightdialog.h"
#include "notesmodel.h"
#include "notesview.h"

#include "annotations/annotationservice.h"
#include "store/studystore.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QTemporaryDir>
#include <QTableView>
#include <QTextBlock>
#include <QTextBrowser>
#include <QUndoGroup>
#include <QUndoStack>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

const QString kCochrane = QStringLiteral("garrison2020_cochrane");
const QString kQuote = QStringLiteral("the literature is conflicting");

/// Selects words in the pane as a reader dragging over them would.
void selectInPane(MainWindow &window, const QString &words)
{
    QTextCursor found = window.pane()->document()->find(words);
    ASSERT_FALSE(found.isNull()) << str(words);
    window.pane()->setTextCursor(found);
}

/// The library as another program sees it: a second connection.
QVector<Annotation> storedAnnotations(OpenWindow &open, bool includeDeleted = false)
{
    LibraryLocation location;
    location.sqlitePath = open.library.path();
    QString error;
    const std::unique_ptr<Database> db = Database::open(location, &error);
    EXPECT_TRUE(db) << str(error);
    if (!db)
        return {};
    AnnotationFilter filter;
    filter.includeDeleted = includeDeleted;
    const std::optional<QVector<Annotation>> list = AnnotationService(*db).list(filter, &error);
    EXPECT_TRUE(list) << str(error);
    return list.value_or(QVector<Annotation>());
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool settledWith(MainWindow &window, int annotations)
{
    int live = 0;
    for (const ResolvedAnnotation &r : window.annotations()->controller()->annotations())
        live += r.annotation.deleted ? 0 : 1;
    return window.isSettled() && live == annotations;
}

/// Selects, presses Ctrl+Shift+H, chooses a tag, types a note and saves; returns the new id.
QString highlight(MainWindow &window, const QString &words, const QString &tagLabel, const QString &note)
{
    selectInPane(window, words);
    AnnotationUi *ui = window.annotations();
    EXPECT_TRUE(ui->highlightAction()->isEnabled()) << str(ui->highlightAction()->toolTip());
    window.activateWindow();
    EXPECT_TRUE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(window.pane(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_TRUE(waitUntil([&] { return ui->dialog() && ui->dialog()->isVisible(); })) << "no Highlight form";
    HighlightDialog *form = ui->dialog();
    if (!form)
        return {};
    form->tagCombo()->setCurrentIndex(form->tagCombo()->findText(tagLabel));
    EXPECT_GE(form->tagCombo()->currentIndex(), 0) << str(tagLabel);
    form->noteEdit()->setFocus();
    QTest::keyClicks(form->noteEdit(), note);
    QPushButton *save = form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    const int before = int(ui->controller()->annotations().size());
    QTest::mouseClick(save, Qt::LeftButton);
    EXPECT_TRUE(waitUntil([&] { return !ui->dialog() && settledWith(window, before + 1); })) << "the highlight was not saved";
    for (const ResolvedAnnotation &r : ui->controller()->annotations()) {
        if (r.annotation.quote.exact == words && !r.annotation.deleted)
            return r.annotation.id;
    }
    return {};
}

/// The background of the pane's character at the start of `words`.
QColor backgroundAt(MainWindow &window, const QString &words)
{
    QTextCursor found = window.pane()->document()->find(words);
    if (found.isNull())
        return {};
    QTextCursor at(window.pane()->document());
    at.setPosition(found.selectionStart() + 1);
    return at.charFormat().background().color();
}

} // namespace

TEST(AnnotationWindow, StudentHighlightsASelectionThenUndoesAndRedoesIt)
{
    auto open = openSignedIn(QStringLiteral("Stu"), Role::Student);
    MainWindow &window = *open->window;
    selectAndReadPane(window, kCochrane);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));

    // The selection maps to exact offsets of the verbatim conclusion.
    selectInPane(window, kQuote);
    const std::optional<AnnotationPane::Span> span = window.annotations()->paneOverlay()->selectedSpan();
    ASSERT_TRUE(span);
    EXPECT_EQ(span->conclusion, 1);
    EXPECT_EQ(span->text, kQuote);

    const QString id = highlight(window, kQuote, QStringLiteral("Overstated"), QStringLiteral("Only *two* zymurgy trials"));
    ASSERT_FALSE(id.isEmpty());

    // Saved at once, as the library holds it.
    const QVector<Annotation> stored = storedAnnotations(*open);
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored.first().quote.exact, kQuote);
    EXPECT_EQ(stored.first().tag, QStringLiteral("overstated"));
    EXPECT_EQ(stored.first().note, QStringLiteral("Only *two* zymurgy trials"));
    EXPECT_EQ(stored.first().author, QStringLiteral("Stu"));

    // Drawn in the pane (coloured and underlined, the note as tooltip) and listed in Notes.
    AnnotationPane *overlay = window.annotations()->paneOverlay();
    EXPECT_EQ(overlay->drawnIds(), QStringList { id });
    EXPECT_EQ(backgroundAt(window, kQuote), AnnotationPane::colour(QStringLiteral("overstated")));
    QTextCursor inside(window.pane()->document());
    inside.setPosition(window.pane()->document()->find(kQuote).selectionStart() + 2);
    EXPECT_TRUE(inside.charFormat().fontUnderline());
    EXPECT_TRUE(inside.charFormat().toolTip().contains(QStringLiteral("Overstated")));
    EXPECT_TRUE(inside.charFormat().toolTip().contains(QStringLiteral("zymurgy")));
    NotesModel *notes = window.annotations()->notesModel();
    ASSERT_EQ(notes->rowCount(), 1);
    EXPECT_EQ(notes->index(0, NotesModel::TagColumn).data().toString(), QStringLiteral("Overstated"));
    EXPECT_EQ(notes->index(0, NotesModel::StatusColumn).data().toString(), QStringLiteral("Anchored"));

    // Search finds the study by a word of the note, at once.
    window.setSearchText(QStringLiteral("zymurgy"));
    ASSERT_TRUE(waitUntil([&] { return window.isSearchSettled(); }));
    EXPECT_EQ(visibleIds(window), QStringList { kCochrane });
    window.setSearchText(QString());
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));

    // Ctrl+Z: gone from the pane, the list and the library's live annotations (kept in history).
    QUndoStack *stack = window.review()->undoGroup()->activeStack();
    ASSERT_NE(stack, nullptr);
    EXPECT_EQ(stack->count(), 1);
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(window.tableView(), Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return settledWith(window, 0); })) << "undo did not take the highlight away";
    EXPECT_TRUE(storedAnnotations(*open).isEmpty());
    EXPECT_EQ(storedAnnotations(*open, true).size(), 1);
    ASSERT_TRUE(waitUntil([&] { return overlay->drawnIds().isEmpty(); }));
    EXPECT_EQ(notes->rowCount(), 0);

    // Ctrl+Shift+Z: back, the same annotation.
    QTest::keyClick(window.tableView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(waitUntil([&] { return settledWith(window, 1); })) << "redo did not bring the highlight back";
    ASSERT_TRUE(waitUntil([&] { return overlay->drawnIds() == QStringList { id }; }));
    EXPECT_EQ(storedAnnotations(*open).size(), 1);
    EXPECT_EQ(storedAnnotations(*open).first().id, id);
}

TEST(AnnotationWindow, EditRetagAndDeleteAreUndoable)
{
    auto open = openSignedIn(QStringLiteral("Stu"), Role::Student);
    MainWindow &window = *open->window;
    selectAndReadPane(window, kCochrane);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const QString id = highlight(window, kQuote, QStringLiteral("Needs check"), QStringLiteral("first"));
    ASSERT_FALSE(id.isEmpty());
    AnnotationUi *ui = window.annotations();

    // Retag and change the note in the form.
    ui->editAnnotation(id);
    ASSERT_TRUE(waitUntil([&] { return ui->dialog() && ui->dialog()->isVisible(); }));
    EXPECT_EQ(ui->dialog()->noteEdit()->toPlainText(), QStringLiteral("first"));
    EXPECT_EQ(ui->dialog()->tagCombo()->currentText(), QStringLiteral("Needs check"));
    ui->dialog()->tagCombo()->setEditText(QStringLiteral("for journal club")); // A custom tag.
    ui->dialog()->noteEdit()->setPlainText(QStringLiteral("second"));
    Q_EMIT ui->dialog()->saveRequested();
    ASSERT_TRUE(waitUntil([&] { return !ui->dialog() && window.isSettled(); }));
    EXPECT_EQ(storedAnnotations(*open).first().tag, QStringLiteral("for journal club"));
    EXPECT_EQ(storedAnnotations(*open).first().note, QStringLiteral("second"));
    EXPECT_EQ(backgroundAt(window, kQuote), AnnotationPane::colour(QStringLiteral("for journal club")));

    ui->deleteAnnotation(id);
    ASSERT_TRUE(waitUntil([&] { return settledWith(window, 0); }));
    EXPECT_TRUE(storedAnnotations(*open).isEmpty());

    QAction *undo = window.review()->undoAction();
    undo->trigger(); // The delete.
    ASSERT_TRUE(waitUntil([&] { return settledWith(window, 1); }));
    undo->trigger(); // The edit.
    ASSERT_TRUE(waitUntil([&] {
        const QVector<Annotation> now = storedAnnotations(*open);
        return window.isSettled() && now.size() == 1 && now.first().note == QStringLiteral("first");
    }));
    EXPECT_EQ(storedAnnotations(*open).first().tag, QStringLiteral("needs_check"));
    window.review()->redoAction()->trigger();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && storedAnnotations(*open).first().note == QStringLiteral("second"); }));
}

TEST(AnnotationWindow, NotesViewFiltersAndOpensTheStudyAtTheSpan)
{
    auto open = openSignedIn(QStringLiteral("Stu"), Role::Student);
    MainWindow &window = *open->window;
    selectAndReadPane(window, kCochrane);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const QString cochraneNote = highlight(window, kQuote, QStringLiteral("Needs check"), QStringLiteral("which trials?"));
    selectAndReadPane(window, QStringLiteral("roffe2002_rct"));
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const QString roffeNote = highlight(window, QStringLiteral("magnesium may be effective"), QStringLiteral("Overstated"),
        QStringLiteral("small crossover"));
    ASSERT_FALSE(cochraneNote.isEmpty());
    ASSERT_FALSE(roffeNote.isEmpty());

    AnnotationUi *ui = window.annotations();
    ui->showNotes();
    EXPECT_TRUE(ui->notesDock()->isVisible());
    NotesView *notes = ui->notesView();
    EXPECT_EQ(notes->filterModel()->rowCount(), 2);
    notes->setTagFilter(QStringLiteral("overstated"));
    EXPECT_EQ(notes->filterModel()->rowCount(), 1);
    notes->setTagFilter(QString());
    notes->setStudyFilter(kCochrane);
    ASSERT_EQ(notes->filterModel()->rowCount(), 1);
    notes->setAuthorFilter(QStringLiteral("nobody"));
    EXPECT_EQ(notes->filterModel()->rowCount(), 1); // An unknown author is not a choice: all authors.

    // Clicking the row opens the Cochrane review and selects the span in the pane.
    QTableView *table = notes->table();
    const QRect cell = table->visualRect(table->model()->index(0, NotesModel::QuoteColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    ASSERT_TRUE(waitUntil([&] { return window.shownStudyId() == kCochrane && window.isSettled(); }));
    ASSERT_TRUE(waitUntil([&] { return window.pane()->textCursor().selectedText() == kQuote; }))
        << str(window.pane()->textCursor().selectedText());
}

TEST(AnnotationWindow, CliniciansReadHighlightsButCannotMakeThem)
{
    auto open = openSignedIn(QStringLiteral("Stu"), Role::Student);
    MainWindow &window = *open->window;
    selectAndReadPane(window, kCochrane);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const QString id = highlight(window, kQuote, QStringLiteral("Key finding"), QStringLiteral("note"));
    ASSERT_FALSE(id.isEmpty());

    signIn(window, QStringLiteral("Ann"), Role::Clinician);
    selectAndReadPane(window, kCochrane);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    ASSERT_TRUE(waitUntil([&] { return window.annotations()->paneOverlay()->drawnIds() == QStringList { id }; }));
    selectInPane(window, QStringLiteral("older adults"));
    QAction *action = window.annotations()->highlightAction();
    EXPECT_FALSE(action->isEnabled());
    EXPECT_EQ(action->toolTip(), QStringLiteral("clinician 'Ann' may not annotate studies"));
    window.annotations()->highlightSelection(); // Even when asked directly: refused, no form.
    EXPECT_EQ(window.annotations()->dialog(), nullptr);
}

TEST(NotesModel, PassesTheModelTesterFiltersAndShowsNotesAsTheyRead)
{
    const auto make = [](const char *id, const char *study, const char *author, const char *tag, const char *note,
                          AnchorStatus status) {
        ResolvedAnnotation r;
        r.annotation.id = QString::fromLatin1(id);
        r.annotation.studyId = QString::fromLatin1(study);
        r.annotation.author = QString::fromLatin1(author);
        r.annotation.tag = QString::fromLatin1(tag);
        r.annotation.note = QString::fromUtf8(note);
        r.annotation.quote.exact = QStringLiteral("some words");
        r.anchor.status = status;
        r.studyLabel = QString::fromLatin1(study);
        return r;
    };
    NotesModel model(AnnotationTags::builtin());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    NotesFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ResolvedAnnotation deleted = make("d", "s1", "Stu", "overstated", "", AnchorStatus::Exact);
    deleted.annotation.deleted = true;
    model.setAnnotations({ make("a", "s1", "Stu", "overstated", "A **bold** claim", AnchorStatus::Exact),
        make("b", "s2", "Sue", "key_finding", "", AnchorStatus::Orphaned),
        make("c", "s2", "stu", "my own tag", "- one\n- two", AnchorStatus::Fuzzy), deleted });
    ASSERT_EQ(model.rowCount(), 3); // Deleted annotations are not listed.
    EXPECT_EQ(model.index(0, NotesModel::NoteColumn).data().toString(), QStringLiteral("A bold claim"));
    EXPECT_EQ(model.index(0, NotesModel::NoteColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("A **bold** claim"));
    EXPECT_EQ(model.index(0, NotesModel::TagColumn).data().toString(), QStringLiteral("Overstated"));
    EXPECT_EQ(model.index(2, NotesModel::TagColumn).data().toString(), QStringLiteral("my own tag"));
    EXPECT_EQ(model.index(1, NotesModel::StatusColumn).data().toString(), QStringLiteral("Orphaned"));
    EXPECT_EQ(model.index(2, NotesModel::StatusColumn).data().toString(), QStringLiteral("Changed"));

    AnnotationFilter f;
    f.author = QStringLiteral("STU"); // Authors compare without case, as in core.
    filter.setFilter(f);
    EXPECT_EQ(filter.rowCount(), 2);
    f.tag = QStringLiteral("my own tag");
    filter.setFilter(f);
    ASSERT_EQ(filter.rowCount(), 1);
    EXPECT_EQ(filter.index(0, 0).data(NotesModel::IdRole).toString(), QStringLiteral("c"));
    filter.setFilter({ {}, {}, QStringLiteral("s2"), false });
    EXPECT_EQ(filter.rowCount(), 2);
}

TEST(AnnotationWindow, ExportsAHandoutAndImportsJsonLdOffTheGuiThread)
{
    auto open = openSignedIn(QStringLiteral("Stu"), Role::Student);
    MainWindow &window = *open->window;
    selectAndReadPane(window, kCochrane);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const QString id = highlight(window, kQuote, QStringLiteral("Needs check"), QStringLiteral("Which *trials*?"));
    ASSERT_FALSE(id.isEmpty());
    AnnotationController *controller = window.annotations()->controller();

    QTemporaryDir dir;
    const QString md = dir.filePath(QStringLiteral("stu.md")), jsonld = dir.filePath(QStringLiteral("all.jsonld"));
    int written = -1;
    QString failure;
    AnnotationFilter mine;
    mine.author = QStringLiteral("Stu");
    controller->exportFile(AnnotationFormat::Markdown, mine, QStringLiteral("Annotations by Stu"), md,
        [&](int n, const QString &error) { written = n; failure = error; });
    ASSERT_TRUE(waitUntil([&] { return written >= 0 || !failure.isEmpty(); }));
    EXPECT_EQ(written, 1) << str(failure);
    const QString handout = QString::fromUtf8(fileBytes(md));
    EXPECT_TRUE(handout.startsWith(QStringLiteral("# Annotations by Stu\n"))) << str(handout);
    EXPECT_TRUE(handout.contains(QStringLiteral("> the literature is conflicting\n\n**Needs check** · Stu")));
    EXPECT_TRUE(handout.contains(QStringLiteral("Which *trials*?")));

    written = -1;
    controller->exportFile(AnnotationFormat::JsonLd, {}, QStringLiteral("All"), jsonld,
        [&](int n, const QString &error) { written = n; failure = error; });
    ASSERT_TRUE(waitUntil([&] { return written >= 0 || !failure.isEmpty(); }));
    ASSERT_EQ(written, 1) << str(failure);

    // Importing the same file again changes nothing; a broken file is refused whole.
    std::optional<AnnotationImportReport> report;
    controller->importFile(jsonld, QStringLiteral("Stu"), [&](const AnnotationImportReport &r, const QString &error) {
        failure = error;
        report = r;
    });
    ASSERT_TRUE(waitUntil([&] { return report.has_value(); }));
    EXPECT_TRUE(failure.isEmpty()) << str(failure);
    EXPECT_EQ(report->unchanged, 1);
    {
        QFile broken(jsonld);
        ASSERT_TRUE(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("{ \"type\": \"Annotation\" }");
    }
    report.reset();
    controller->importFile(jsonld, QStringLiteral("Stu"), [&](const AnnotationImportReport &r, const QString &error) {
        failure = error;
        report = r;
    });
    ASSERT_TRUE(waitUntil([&] { return report.has_value(); }));
    EXPECT_TRUE(failure.contains(QStringLiteral("annotation 1"))) << str(failure);
    EXPECT_EQ(storedAnnotations(*open).size(), 1);
}

TEST(AnnotationWindow, AHighlightWhoseWordsAreGoneIsShownOrphanedNotDropped)
{
    auto open = openSignedIn(QStringLiteral("Stu"), Role::Student);
    MainWindow &window = *open->window;
    selectAndReadPane(window, kCochrane);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    const QString kept = highlight(window, QStringLiteral("older adults experiencing skeletal muscle cramps"),
        QStringLiteral("Key finding"), QStringLiteral("kept"));
    const QString lost = highlight(window, kQuote, QStringLiteral("Needs check"), QStringLiteral("lost words"));
    ASSERT_FALSE(kept.isEmpty());
    ASSERT_FALSE(lost.isEmpty());

    // The conclusion is corrected elsewhere (another program, through a second connection).
    {
        LibraryLocation location;
        location.sqlitePath = open->library.path();
        QString error;
        const std::unique_ptr<Database> db = Database::open(location, &error);
        ASSERT_TRUE(db) << str(error);
        std::optional<Study> study = StudyStore(*db).load(kCochrane, &error);
        ASSERT_TRUE(study) << str(error);
        study->conclusions[0].text.replace(QStringLiteral("the literature is conflicting and "), QString());
        ASSERT_TRUE(StudyStore(*db).update(*study, &error)) << str(error);
    }
    window.annotations()->controller()->reload();
    window.reloadShownStudy();
    AnnotationPane *overlay = window.annotations()->paneOverlay();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && overlay->orphanedIds() == QStringList { lost }; }));
    EXPECT_EQ(overlay->drawnIds(), QStringList { kept });
    // Listed at the end of the pane with its quote, and as Orphaned in the Notes view.
    EXPECT_TRUE(window.pane()->toPlainText().contains(QStringLiteral("Orphaned annotations")));
    EXPECT_TRUE(window.pane()->toPlainText().contains(QStringLiteral("“the literature is conflicting”")));
    NotesModel *notes = window.annotations()->notesModel();
    ASSERT_EQ(notes->rowCount(), 2);
    const int row = notes->rowOf(lost);
    ASSERT_GE(row, 0);
    EXPECT_EQ(notes->index(row, NotesModel::StatusColumn).data().toString(), QStringLiteral("Orphaned"));
}
