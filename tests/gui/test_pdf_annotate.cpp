// "Annotate…" on a selection in the PDF viewer (issue 7 §1): the same form as the pane's
// "Highlight…" (tag from the vocabulary or custom, Markdown note with preview), prefilled with
// the words and the page; the annotation exists only after Save, and it is undoable.
#include "test_review_support.h"

#include "annotationcontroller.h"
#include "annotationui.h"
#include "highlightdialog.h"
#include "notesmodel.h"
#include "notesview.h"
#include "panepdfsection.h"
#include "pdfpageview.h"
#include "pdfstudyui.h"
#include "pdfui.h"
#include "pdfviewer.h"

#include "annotations/annotationservice.h"
#include "support/viewerpdfs.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QPainter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QUndoGroup>
#include <QUndoStack>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

const QString kStudy = QStringLiteral("garrison2020_cochrane");
const QString kConclusion = QStringLiteral(
    "It is unlikely that magnesium supplementation provides clinically meaningful cramp prophylaxis to older "
    "adults experiencing skeletal muscle cramps.");

/// The library as another program sees it: a second connection.
QVector<Annotation> storedAnnotations(OpenWindow &open, bool includeDeleted = false)
{
    LibraryLocation location;
    location.sqlitePath = open.library.path();
    QString error;
    const std::unique_ptr<Database> db = Database::open(location, &error);
    EXPECT_TRUE(db) << str(error);
    AnnotationFilter filter;
    filter.includeDeleted = includeDeleted;
    const std::optional<QVector<Annotation>> list = db ? AnnotationService(*db).list(filter, &error) : std::nullopt;
    return list.value_or(QVector<Annotation>());
}

bool indexed(const PanePdfSection *section)
{
    const auto &a = section->state().attachments;
    return !a.isEmpty() && std::all_of(a.cbegin(), a.cend(), [](const Attachment &x) { return x.textStatus == u"indexed"; });
}

/// Attaches a generated paper with the conclusion on page 3 and opens it there in the viewer.
PdfPageView *openPaperAtPage3(MainWindow &window, const QTemporaryDir &dir,
    const QString &name = QStringLiteral("garrison-test.pdf"), AttachmentStorage storage = AttachmentStorage::Stored)
{
    SamplePaperOptions options;
    options.pages = 4;
    options.insertions.insert(3, kConclusion);
    const QString pdf = dir.filePath(name);
    EXPECT_TRUE(writeSamplePaper(pdf, options));
    selectAndReadPane(window, kStudy);
    window.pdfStudy()->attachFiles(kStudy, { pdf }, QStringLiteral("full text"), storage);
    PanePdfSection *section = window.pdfStudy()->section();
    EXPECT_TRUE(waitUntil([&] { return window.isSettled() && indexed(section); }, 60'000));
    if (section->state().attachments.isEmpty())
        return nullptr;
    window.pdfStudy()->openPdfAt(section->state().attachments.first().filePath, 3, QString());
    PdfPageView *view = window.pdf()->viewer()->pageView();
    EXPECT_TRUE(waitUntil([&] { return window.isSettled() && view->hasWords(2); }, 60'000));
    return view;
}

/// Selects the words `from` … `to` of page 3 (0-based page 2) in the viewer.
bool selectWords(PdfPageView *view, const QString &from, const QString &to)
{
    const QVector<PdfWord> words = view->words(2);
    int first = -1;
    for (int i = 0; i < words.size(); ++i) {
        if (first < 0 && words[i].text == from)
            first = i;
        if (first >= 0 && words[i].text.startsWith(to)) {
            view->selectWords(2, first, i);
            return true;
        }
    }
    return false;
}

/// Triggers "Annotate…" and waits for the form.
HighlightDialog *annotateSelection(MainWindow &window, PdfPageView *view)
{
    EXPECT_TRUE(view->annotateAction()->isEnabled());
    view->annotateAction()->trigger();
    AnnotationUi *ui = window.annotations();
    EXPECT_TRUE(waitUntil([&] { return ui->dialog() && ui->dialog()->isVisible(); })) << "no annotation form";
    return ui->dialog();
}

QPushButton *button(HighlightDialog *form, QDialogButtonBox::StandardButton which)
{
    return form->findChild<QDialogButtonBox *>()->button(which);
}

} // namespace

TEST(PdfAnnotate, TheViewersAnnotateOpensTheFormAndSavesOnlyOnSaveUndoably)
{
    auto open = openSignedIn(QStringLiteral("Sam"), Role::Student);
    MainWindow &window = *open->window;
    QTemporaryDir dir;
    PdfPageView *view = openPaperAtPage3(window, dir);
    ASSERT_NE(view, nullptr);
    ASSERT_TRUE(selectWords(view, QStringLiteral("unlikely"), QStringLiteral("supplementation")))
        << "the conclusion is not in page 3's text layer";

    // Cancel: the form closes and nothing is stored.
    HighlightDialog *form = annotateSelection(window, view);
    ASSERT_NE(form, nullptr);
    QTest::mouseClick(button(form, QDialogButtonBox::Cancel), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return !window.annotations()->dialog() && window.isSettled(); }));
    EXPECT_TRUE(storedAnnotations(*open, true).isEmpty());
    QUndoStack *stack = window.review()->undoGroup()->activeStack();
    ASSERT_NE(stack, nullptr);
    EXPECT_EQ(stack->count(), 0);

    // Annotate again: the form shows the words and the page, a tag is chosen, a note typed.
    form = annotateSelection(window, view);
    ASSERT_NE(form, nullptr);
    const QString quoteLabel = form->findChild<QLabel *>()->text();
    EXPECT_TRUE(quoteLabel.contains(QStringLiteral("Page 3"))) << str(quoteLabel);
    EXPECT_TRUE(quoteLabel.contains(QStringLiteral("unlikely that magnesium"))) << str(quoteLabel);
    form->tagCombo()->setCurrentIndex(form->tagCombo()->findText(QStringLiteral("Population mismatch")));
    ASSERT_GE(form->tagCombo()->currentIndex(), 0);
    form->noteEdit()->setFocus();
    QTest::keyClicks(form->noteEdit(), QStringLiteral("Older adults **only**"));
    EXPECT_TRUE(form->preview()->toHtml().contains(QStringLiteral("only"))); // Rendered preview.
    EXPECT_FALSE(form->preview()->toPlainText().contains(u'*'));
    QTest::mouseClick(button(form, QDialogButtonBox::Save), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return !window.annotations()->dialog() && window.isSettled(); }));

    QVector<Annotation> stored = storedAnnotations(*open);
    ASSERT_EQ(stored.size(), 1);
    const Annotation a = stored.first();
    EXPECT_EQ(a.studyId, kStudy);
    EXPECT_EQ(a.target.kind, AnnotationTarget::Kind::PdfPage);
    EXPECT_EQ(a.target.page, 3);
    EXPECT_EQ(a.target.pdfSha256, window.pdfStudy()->section()->state().attachments.first().sha256);
    EXPECT_EQ(a.tag, QStringLiteral("population_mismatch"));
    EXPECT_EQ(a.note, QStringLiteral("Older adults **only**"));
    EXPECT_EQ(a.author, QStringLiteral("Sam"));
    EXPECT_TRUE(a.quote.exact.startsWith(QStringLiteral("unlikely that magnesium"))) << str(a.quote.exact);
    EXPECT_TRUE(a.quote.exact.endsWith(QStringLiteral("supplementation"))) << str(a.quote.exact);
    EXPECT_EQ(window.pdfStudy()->lastMessage(), QStringLiteral("Annotation saved on page 3 of the PDF."));

    // On the app's undo stack: undo takes it away, redo brings the same annotation back.
    ASSERT_EQ(stack->count(), 1);
    stack->undo();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && storedAnnotations(*open).isEmpty(); }))
        << "undo did not remove the annotation";
    EXPECT_EQ(storedAnnotations(*open, true).size(), 1); // Kept in the history, marked deleted.
    stack->redo();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && storedAnnotations(*open).size() == 1; }))
        << "redo did not restore the annotation";
    EXPECT_EQ(storedAnnotations(*open).first().id, a.id);
    EXPECT_EQ(storedAnnotations(*open).first().note, a.note);
}

TEST(PdfAnnotate, ANoteOnAPdfPageOpensThatPageFromTheNotesView)
{
    auto open = openSignedIn(QStringLiteral("Sam"), Role::Student);
    MainWindow &window = *open->window;
    QTemporaryDir dir;
    PdfPageView *view = openPaperAtPage3(window, dir);
    ASSERT_NE(view, nullptr);
    ASSERT_TRUE(selectWords(view, QStringLiteral("unlikely"), QStringLiteral("supplementation")));
    HighlightDialog *form = annotateSelection(window, view);
    ASSERT_NE(form, nullptr);
    QTest::mouseClick(button(form, QDialogButtonBox::Save), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return !window.annotations()->dialog() && window.isSettled(); }));
    ASSERT_EQ(storedAnnotations(*open).size(), 1);

    // Read elsewhere: page 1 of the PDF, another study in the pane.
    PdfViewer *viewer = window.pdf()->viewer();
    viewer->goToPage(1);
    ASSERT_TRUE(waitUntil([&] { return viewer->currentPage() == 1; }));
    selectAndReadPane(window, QStringLiteral("roffe2002_rct"));

    // The Notes view's row for the note: its study comes back and the PDF opens at page 3.
    NotesModel *notes = window.annotations()->notesModel();
    ASSERT_TRUE(waitUntil([&] { return notes->rowCount() == 1; }));
    auto *table = window.annotations()->notesView()->findChild<QTableView *>();
    ASSERT_NE(table, nullptr);
    Q_EMIT table->activated(table->model()->index(0, 0));
    EXPECT_TRUE(waitUntil([&] { return window.isSettled() && viewer->currentPage() == 3; }, 30'000))
        << "the viewer is on page " << viewer->currentPage();
    EXPECT_EQ(window.pdfStudy()->section()->state().studyId, kStudy);
}

TEST(PdfAnnotate, CliniciansAreRefusedWithoutAForm)
{
    auto open = openSignedIn(QStringLiteral("Dr Lee"), Role::Clinician);
    MainWindow &window = *open->window;
    QTemporaryDir dir;
    PdfPageView *view = openPaperAtPage3(window, dir);
    ASSERT_NE(view, nullptr);
    ASSERT_TRUE(selectWords(view, QStringLiteral("unlikely"), QStringLiteral("supplementation")));
    view->annotateAction()->trigger();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    QTest::qWait(100);
    EXPECT_EQ(window.annotations()->dialog(), nullptr);
    EXPECT_TRUE(window.pdfStudy()->lastMessage().contains(QStringLiteral("may not annotate")))
        << str(window.pdfStudy()->lastMessage());
    EXPECT_TRUE(storedAnnotations(*open, true).isEmpty());
}

/// Renders docs/screenshots/pdf-annotate.png when MGREVIEW_DOC_SCREENSHOTS names a folder:
/// the window with the PDF at the conclusion's page, words selected, and the form over it.
TEST(PdfAnnotate, DocumentationScreenshot)
{
    const QString out = qEnvironmentVariable("MGREVIEW_DOC_SCREENSHOTS");
    if (out.isEmpty())
        GTEST_SKIP() << "set MGREVIEW_DOC_SCREENSHOTS=docs/screenshots to render pdf-annotate.png";
    auto open = openSignedIn(QStringLiteral("Sam"), Role::Student);
    MainWindow &window = *open->window;
    window.resize(1280, 800);
    window.show();
    QTemporaryDir dir;
    // Linked in place, so the tab shows the file's name (a generated test document, named so).
    PdfPageView *view
        = openPaperAtPage3(window, dir, QStringLiteral("TEST-DOCUMENT-garrison2020.pdf"), AttachmentStorage::Linked);
    ASSERT_NE(view, nullptr);
    ASSERT_TRUE(selectWords(view, QStringLiteral("unlikely"), QStringLiteral("prophylaxis")));
    HighlightDialog *form = annotateSelection(window, view);
    ASSERT_NE(form, nullptr);
    form->resize(600, 330);
    form->tagCombo()->setCurrentIndex(form->tagCombo()->findText(QStringLiteral("Population mismatch")));
    form->noteEdit()->setPlainText(
        QStringLiteral("Trials in **older adults** only; does it hold for *pregnancy-associated* cramps?"));
    QTest::qWait(300);
    QImage shot = window.grab().toImage();
    const QImage dialog = form->grab().toImage();
    QPainter painter(&shot);
    // Bottom right, so the selected words in the page stay in sight.
    const QPoint at(shot.width() - dialog.width() - 24, shot.height() - dialog.height() - 40);
    painter.setPen(QColor(0x57, 0x60, 0x6a));
    painter.drawRect(QRect(at, dialog.size()).adjusted(-1, -1, 0, 0));
    painter.drawImage(at, dialog);
    painter.end();
    EXPECT_TRUE(shot.save(QDir(out).filePath(QStringLiteral("pdf-annotate.png"))));
    form->reject();
}
