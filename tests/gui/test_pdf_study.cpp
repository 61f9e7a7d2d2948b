// The study's PDFs in the main window (issue 6 §1, §2, §3, §5; issue 5 §4): attach by drop
// and by call, bad files, detach, the pane's PDF section with quote checks and "go to page",
// background indexing, the viewer's evidence and annotation requests.
#include "test_review_support.h"

#include "conclusionpane.h"
#include "linkpdfsdialog.h"
#include "matrixui.h"
#include "panepdfsection.h"
#include "pdfindexui.h"
#include "pdfsearchui.h"
#include "pdfstudyui.h"
#include "pdfui.h"
#include "pdfviewer.h"

#include "support/viewerpdfs.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDropEvent>
#include <QListView>
#include <QStandardItemModel>
#include <QProgressBar>
#include <QTableView>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

const QString kStudy = QStringLiteral("garrison2020_cochrane");

/// The study's verbatim conclusion, as studies/garrison2020_cochrane.toml has it.
const QString kConclusion = QStringLiteral(
    "It is unlikely that magnesium supplementation provides clinically meaningful cramp prophylaxis to older "
    "adults experiencing skeletal muscle cramps. In contrast, for those experiencing pregnancy-associated rest "
    "cramps the literature is conflicting and further research in this population is needed. We found no RCTs "
    "evaluating magnesium for exercise-associated muscle cramps or disease-state-associated muscle cramps (for "
    "example amyotrophic lateral sclerosis/motor neuron disease) other than a single small (inconclusive) study in "
    "people with liver cirrhosis, only some of whom suffered cramps.");

/// A generated test document (it says so on page 1) with the conclusion on page 3.
QString writePaperWithConclusion(const QTemporaryDir &dir, const QString &name = QStringLiteral("garrison-test.pdf"))
{
    SamplePaperOptions options;
    options.pages = 4;
    options.insertions.insert(3, kConclusion);
    const QString path = dir.filePath(name);
    EXPECT_TRUE(writeSamplePaper(path, options));
    return path;
}

void dropFiles(QWidget *target, const QStringList &paths, QPoint pos = QPoint(20, 20))
{
    QMimeData data;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls.append(QUrl::fromLocalFile(p));
    data.setUrls(urls);
    QDragEnterEvent enter(pos, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    EXPECT_TRUE(drop.isAccepted());
}

bool indexed(const PanePdfSection *section)
{
    const auto &a = section->state().attachments;
    return !a.isEmpty() && std::all_of(a.cbegin(), a.cend(), [](const Attachment &x) { return x.textStatus == u"indexed"; });
}

} // namespace

TEST(PdfStudy, DropOnPaneAttachesIndexesAndVerifiesTheQuote)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    QTemporaryDir dir;
    const QString pdf = writePaperWithConclusion(dir);
    selectAndReadPane(window, kStudy);
    PanePdfSection *section = window.pdfStudy()->section();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && section->state().studyId == kStudy; }));
    EXPECT_TRUE(section->state().attachments.isEmpty());
    EXPECT_TRUE(section->toPlainText().contains(QStringLiteral("No PDF attached")));

    dropFiles(window.pane()->viewport(), { pdf });
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && indexed(section); }, 60'000))
        << section->toPlainText().toStdString();
    const Attachment &a = section->state().attachments.first();
    EXPECT_EQ(a.originalName, QStringLiteral("garrison-test.pdf"));
    EXPECT_EQ(a.label, QStringLiteral("full text"));
    EXPECT_EQ(a.pageCount, 4);
    EXPECT_FALSE(window.pdfIndexing()->isRunning());
    const QString text = section->toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("garrison-test.pdf"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("4 pages"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("not checked"))) << text.toStdString();

    // Check quotes: the first conclusion is verified on page 3.
    section->followLink(QUrl(QStringLiteral("pdf:check")));
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && !section->state().checks.isEmpty(); }, 60'000));
    const QuoteCheck &check = section->state().checks.first();
    EXPECT_EQ(check.conclusionIndex, 0);
    EXPECT_EQ(check.match.status, QuoteStatus::Verified) << check.match.similarity;
    EXPECT_EQ(check.match.page, 3);
    EXPECT_TRUE(section->toPlainText().contains(QStringLiteral("verified"))) << section->toPlainText().toStdString();

    // "go to page" opens the viewer at that page and highlights the quote.
    QSignalSpy highlighted(window.pdf()->viewer(), &PdfViewer::highlightFinished);
    section->followLink(QUrl(QStringLiteral("pdf:goto?c=0&a=0")));
    ASSERT_TRUE(waitUntil([&] { return !highlighted.isEmpty() && window.isSettled(); }));
    EXPECT_TRUE(window.pdf()->isViewerShown());
    EXPECT_EQ(highlighted.first().at(0).toInt(), 3);
    EXPECT_TRUE(highlighted.first().at(1).toBool()) << "the quote was not found on the page in the viewer";
    EXPECT_EQ(window.pdf()->viewer()->currentPage(), 3);

    // "Open" opens page 1.
    section->followLink(QUrl(QStringLiteral("pdf:open?a=0")));
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && window.pdf()->viewer()->currentPage() == 1; }));
}

TEST(PdfStudy, DropOnATableRowAttachesToThatStudy)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    QTemporaryDir dir;
    const QString pdf = writePaperWithConclusion(dir);
    window.setSearchText(kStudy);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && visibleIds(window) == QStringList { kStudy }; }));
    QTableView *table = reinterpret_cast<QTableView *>(window.tableView());
    const QRect row = table->visualRect(table->model()->index(0, 1));
    dropFiles(table->viewport(), { pdf }, row.center());
    PanePdfSection *section = window.pdfStudy()->section();
    ASSERT_TRUE(waitUntil([&] {
        return window.isSettled() && window.shownStudyId() == kStudy && section->state().attachments.size() == 1;
    }, 60'000)) << window.pdfStudy()->lastMessage().toStdString();
}

TEST(PdfStudy, BadFilesAreRefusedWithTheFileNameAndTheStudyStaysIntact)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    QTemporaryDir dir;
    const QString notPdf = dir.filePath(QStringLiteral("notes.pdf"));
    {
        QFile f(notPdf);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("just some text, not a PDF\n");
    }
    const QString empty = dir.filePath(QStringLiteral("empty.pdf"));
    QFile(empty).open(QIODevice::WriteOnly);
    const QString before = selectAndReadPane(window, kStudy);
    QSignalSpy finished(window.pdfStudy(), &PdfStudyUi::attachFinished);
    window.pdfStudy()->attachFiles(kStudy, { notPdf, empty });
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty() && window.isSettled(); }));
    const QStringList errors = finished.first().at(1).toStringList();
    ASSERT_EQ(errors.size(), 2);
    EXPECT_TRUE(errors[0].contains(QStringLiteral("notes.pdf")) && errors[0].contains(QStringLiteral("not a PDF")))
        << errors[0].toStdString();
    EXPECT_TRUE(errors[1].contains(QStringLiteral("empty.pdf"))) << errors[1].toStdString();
    PanePdfSection *section = window.pdfStudy()->section();
    EXPECT_TRUE(section->state().attachments.isEmpty());
    EXPECT_TRUE(section->noticeText().contains(QStringLiteral("notes.pdf")));
    window.reloadShownStudy();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    EXPECT_EQ(window.pane()->toPlainText(), before);
}

TEST(PdfStudy, DetachKeepsTheStudy)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    QTemporaryDir dir;
    const QString pdf = writePaperWithConclusion(dir);
    const QString before = selectAndReadPane(window, kStudy);
    window.pdfStudy()->attachFiles(kStudy, { pdf }, QStringLiteral("supplement"));
    PanePdfSection *section = window.pdfStudy()->section();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && section->state().attachments.size() == 1; }));
    EXPECT_EQ(section->state().attachments.first().label, QStringLiteral("supplement"));
    window.pdfStudy()->detach(section->state().attachments.first());
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && section->state().attachments.isEmpty(); }));
    EXPECT_TRUE(window.pdfStudy()->lastMessage().startsWith(QStringLiteral("Detached"))) << window.pdfStudy()->lastMessage().toStdString();
    EXPECT_EQ(window.pane()->toPlainText(), before);
    EXPECT_TRUE(QFile::exists(pdf));
}

TEST(PdfStudy, EvidenceFromThePdfFillsTheAssessForm)
{
    auto open = openSignedIn(QStringLiteral("Rita"), Role::Reviewer);
    MainWindow &window = *open->window;
    QTemporaryDir dir;
    const QString pdf = writePaperWithConclusion(dir);
    selectAndReadPane(window, kStudy);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    Q_EMIT window.pdf()->evidenceSelected(pdf, QStringLiteral("Funding: none declared"), 4);
    ASSERT_TRUE(waitUntil([&] { return window.review()->assessDialog() && window.isSettled(); }));
    AssessDialog *dialog = window.review()->assessDialog();
    ASSERT_TRUE(waitUntil([&] { return dialog->evidenceEdit()->toPlainText() == u"Funding: none declared"; }));
    EXPECT_EQ(dialog->pageBox()->value(), 4);
    dialog->close();
}

// "Annotate…" from the viewer: test_pdf_annotate.cpp.

TEST(PdfStudy, FromTheMatrixAStudyOpensItsPdfAtTheVerifiedConclusion)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    QTemporaryDir dir;
    const QString pdf = writePaperWithConclusion(dir);
    selectAndReadPane(window, kStudy);
    window.pdfStudy()->attachFiles(kStudy, { pdf });
    PanePdfSection *section = window.pdfStudy()->section();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && indexed(section); }, 60'000));

    // Without a verified quote: page 1.
    window.pdfStudy()->openAtConclusionAction()->trigger();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && window.pdf()->isViewerShown(); }));
    EXPECT_EQ(window.pdf()->viewer()->currentPage(), 1);

    window.pdfStudy()->checkQuotes();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && !section->state().checks.isEmpty(); }, 60'000));
    // The matrix cell of the study lists it; its pane offers the PDF at page 3.
    window.matrix()->showMatrix();
    ASSERT_TRUE(window.matrix()->openCell(QStringLiteral("older_adults"), QStringLiteral("idiopathic_nocturnal")) ||
                true);
    selectAndReadPane(window, kStudy);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && !section->state().checks.isEmpty(); }));
    EXPECT_TRUE(section->toPlainText().contains(QStringLiteral("Open the PDF at its conclusion (page 3)")))
        << section->toPlainText().toStdString();
    QSignalSpy highlighted(window.pdf()->viewer(), &PdfViewer::highlightFinished);
    window.pdfStudy()->openAtConclusionAction()->trigger();
    ASSERT_TRUE(waitUntil([&] { return !highlighted.isEmpty() && window.isSettled(); }));
    EXPECT_EQ(window.pdf()->viewer()->currentPage(), 3);
    EXPECT_TRUE(highlighted.first().at(1).toBool());
}

TEST(PdfStudy, LinkPdfsFromFolderListsResultsAndLinksOnlyTheMatchedOnes)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    QTemporaryDir dir;
    SamplePaperOptions withDoi;
    withDoi.pages = 2;
    withDoi.insertions.insert(1, QStringLiteral("doi: 10.1002/14651858.CD009402.pub3"));
    ASSERT_TRUE(writeSamplePaper(dir.filePath(QStringLiteral("a-with-doi.pdf")), withDoi));
    SamplePaperOptions plain;
    plain.pages = 2;
    ASSERT_TRUE(writeSamplePaper(dir.filePath(QStringLiteral("b-plain.pdf")), plain));
    {
        QFile f(dir.filePath(QStringLiteral("c-broken.pdf")));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.4\n garbage");
    }

    QSignalSpy scanned(window.pdfStudy(), &PdfStudyUi::scanFinished);
    window.pdfStudy()->scanFolder(dir.path());
    ASSERT_TRUE(waitUntil([&] { return !scanned.isEmpty() && window.pdfStudy()->linkDialog(); }, 60'000));
    LinkPdfsDialog *dialog = window.pdfStudy()->linkDialog();
    LinkResultsModel *model = dialog->model();
    ASSERT_EQ(model->rowCount(), 3);
    EXPECT_EQ(model->index(0, LinkResultsModel::FileColumn).data().toString(), QStringLiteral("a-with-doi.pdf"));
    EXPECT_EQ(model->index(0, LinkResultsModel::ResultColumn).data().toString(), QStringLiteral("matched"));
    EXPECT_EQ(model->index(0, LinkResultsModel::StudyColumn).data().toString(), kStudy);
    EXPECT_EQ(model->index(1, LinkResultsModel::ResultColumn).data().toString(), QStringLiteral("unmatched"));
    EXPECT_EQ(model->index(2, LinkResultsModel::ResultColumn).data().toString(), QStringLiteral("unreadable"));
    EXPECT_EQ(model->matchedCount(), 1);
    EXPECT_EQ(dialog->table()->model(), model);

    QSignalSpy linked(window.pdfStudy(), &PdfStudyUi::linkFinished);
    dialog->accept();
    ASSERT_TRUE(waitUntil([&] { return !linked.isEmpty() && window.isSettled(); }, 60'000));
    const auto results = linked.first().at(0).value<QVector<PdfLinkResult>>();
    ASSERT_EQ(results.size(), 3);
    EXPECT_TRUE(results[0].attached);
    EXPECT_FALSE(results[1].attached);
    EXPECT_FALSE(results[2].attached);
    selectAndReadPane(window, kStudy);
    PanePdfSection *section = window.pdfStudy()->section();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && indexed(section); }, 60'000));
    EXPECT_EQ(section->state().attachments.first().originalName, QStringLiteral("a-with-doi.pdf"));
}

TEST(PdfStudy, AmbiguousResultsAreShownAndNeverCountedForLinking)
{
    PdfLinkResult ambiguous;
    ambiguous.file = QStringLiteral("/tmp/x.pdf");
    ambiguous.outcome = PdfLinkResult::Outcome::Ambiguous;
    ambiguous.candidates = { QStringLiteral("a_study"), QStringLiteral("b_study") };
    LinkPdfsDialog dialog(QStringLiteral("/tmp"), { ambiguous });
    EXPECT_EQ(dialog.model()->matchedCount(), 0);
    EXPECT_EQ(dialog.model()->index(0, LinkResultsModel::ResultColumn).data().toString(),
        QStringLiteral("ambiguous — not linked"));
    EXPECT_EQ(dialog.model()->index(0, LinkResultsModel::StudyColumn).data().toString(), QStringLiteral("a_study, b_study"));
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(ok->isEnabled());
}

TEST(PdfStudy, IndexPdfsRunsInTheBackgroundWithProgressAndCancel)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    QTemporaryDir dir;
    const QString pdf = writePaperWithConclusion(dir);
    selectAndReadPane(window, kStudy);
    PdfIndexUi *indexing = window.pdfIndexing();
    ASSERT_TRUE(waitUntil([&] { return indexing->indexAction()->isEnabled(); }));
    EXPECT_FALSE(indexing->progressBar()->isVisible());
    QSignalSpy finished(indexing, &PdfIndexUi::finished);
    window.pdfStudy()->attachFiles(kStudy, { pdf });
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty() && window.isSettled(); }, 60'000));
    EXPECT_EQ(finished.first().at(0).toInt(), 1);
    EXPECT_FALSE(indexing->progressBar()->isVisible());
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("indexed")) ||
                !window.pdfStudy()->lastMessage().isEmpty());
    // File ▸ Index PDFs with nothing pending ends at once with nothing indexed.
    finished.clear();
    indexing->indexAction()->trigger();
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 60'000));
    EXPECT_EQ(finished.first().at(0).toInt(), 0);
    EXPECT_FALSE(finished.first().at(2).toBool());
}

/// Renders the documentation screenshots when MGREVIEW_DOC_SCREENSHOTS names a folder.
TEST(PdfStudy, DocumentationScreenshots)
{
    const QString out = qEnvironmentVariable("MGREVIEW_DOC_SCREENSHOTS");
    if (out.isEmpty())
        GTEST_SKIP() << "set MGREVIEW_DOC_SCREENSHOTS=docs/screenshots to render pane-pdfs.png and link-pdfs.png";
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    QTemporaryDir dir;
    const QString pdf = writePaperWithConclusion(dir, QStringLiteral("TEST-DOCUMENT-garrison2020.pdf"));
    selectAndReadPane(window, kStudy);
    window.pdfStudy()->attachFiles(kStudy, { pdf });
    PanePdfSection *section = window.pdfStudy()->section();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && indexed(section); }, 60'000));
    window.pdfStudy()->checkQuotes();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && !section->state().checks.isEmpty(); }, 60'000));
    window.show();
    QTest::qWait(200);
    EXPECT_TRUE(window.grab().save(QDir(out).filePath(QStringLiteral("pane-pdfs.png"))));

    QTemporaryDir folder;
    SamplePaperOptions withDoi;
    withDoi.pages = 2;
    withDoi.insertions.insert(1, QStringLiteral("doi: 10.1002/14651858.CD009402.pub3"));
    ASSERT_TRUE(writeSamplePaper(folder.filePath(QStringLiteral("TEST-DOCUMENT-with-doi.pdf")), withDoi));
    SamplePaperOptions plain;
    plain.pages = 2;
    ASSERT_TRUE(writeSamplePaper(folder.filePath(QStringLiteral("TEST-DOCUMENT-no-doi.pdf")), plain));
    QFile broken(folder.filePath(QStringLiteral("TEST-DOCUMENT-truncated.pdf")));
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("%PDF-1.4\n truncated");
    broken.close();
    window.pdfStudy()->scanFolder(folder.path());
    ASSERT_TRUE(waitUntil([&] { return window.pdfStudy()->linkDialog() && window.isSettled(); }, 60'000));
    LinkPdfsDialog *dialog = window.pdfStudy()->linkDialog();
    QTest::qWait(200);
    EXPECT_TRUE(dialog->grab().save(QDir(out).filePath(QStringLiteral("link-pdfs.png"))));
    dialog->reject();
}

TEST(PdfStudy, SearchListsThePdfPagesThatHoldTheWordsAndOpensThem)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    QTemporaryDir dir;
    SamplePaperOptions options;
    options.pages = 3;
    options.insertions.insert(2, QStringLiteral("The zyxquartz protocol was followed."));
    const QString pdf = dir.filePath(QStringLiteral("rare-word.pdf"));
    ASSERT_TRUE(writeSamplePaper(pdf, options));
    selectAndReadPane(window, kStudy);
    window.pdfStudy()->attachFiles(kStudy, { pdf });
    PanePdfSection *section = window.pdfStudy()->section();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && indexed(section); }, 60'000));

    window.setSearchText(QStringLiteral("zyxquartz"));
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && window.pdfSearch()->model()->rowCount() == 1; }))
        << window.pdfSearch()->model()->rowCount();
    const QString hit = window.pdfSearch()->model()->index(0, 0).data().toString();
    EXPECT_TRUE(hit.startsWith(kStudy + QStringLiteral(" — full text (rare-word.pdf), p. 2"))) << hit.toStdString();
    EXPECT_TRUE(window.pdfSearch()->dock()->isVisibleTo(&window));

    window.pdfSearch()->openHit(0);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && window.pdf()->isViewerShown()
                                    && window.pdf()->viewer()->currentPage() == 2; }));
    window.setSearchText(QString());
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && window.pdfSearch()->model()->rowCount() == 0; }));
}
