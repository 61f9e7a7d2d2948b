// Bounds on hostile PDFs in this process and through the child-process reader (issue 6 §6):
// render plans that cap pixels, the bounded extraction (time limit, first pages only,
// metadata through the child), and Poppler's messages in our log with the file's name.
#include "pdffixture.h"

#include "pdf/doifinder.h"
#include "pdf/pdfdocument.h"
#include "pdf/pdfextraction.h"
#include "pdf/pdfrenderplan.h"

#include <QLoggingCategory>
#include <QMutex>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

double pixelsOf(const QSizeF &points, const PdfRenderPlan &plan)
{
    if (!plan.slice.isNull())
        return double(plan.slice.width()) * plan.slice.height();
    return std::ceil(points.width() * plan.dpi / 72.0) * std::ceil(points.height() * plan.dpi / 72.0);
}

PdfExtractionOptions childProcess(int timeoutSeconds)
{
    PdfExtractionOptions options;
    options.helperProgram = QStringLiteral(MGREVIEW_CLI_PATH);
    options.timeoutSeconds = timeoutSeconds;
    return options;
}

} // namespace

TEST(PdfRenderPlan, OrdinaryPagesRenderWholeAtTheDpiAskedFor)
{
    const PdfRenderPlan plan = planPageRender(QSizeF(595, 842), 96.0, 1);
    EXPECT_DOUBLE_EQ(plan.dpi, 96.0);
    EXPECT_TRUE(plan.slice.isNull());
    EXPECT_TRUE(plan.note.isEmpty());
    EXPECT_LE(planPageRender(QSizeF(595, 842), 1e9, 1).dpi, kMaxRenderDpi);
    EXPECT_DOUBLE_EQ(planPageRender(QSizeF(-1, 0), 96.0, 1).dpi, 96.0); // nothing to scale: Poppler's default
}

TEST(PdfRenderPlan, HugePagesAreCappedInPixels)
{
    // A poster 3.5 km square: the whole page, at a lower resolution.
    const QSizeF square(1e7, 1e7);
    const PdfRenderPlan whole = planPageRender(square, 96.0, 1);
    EXPECT_LE(pixelsOf(square, whole), double(kMaxRenderPixels));
    EXPECT_LT(whole.dpi, 96.0);
    // A strip 3.5 km long: its top part only, at the resolution asked for, with a note.
    const QSizeF strip(600, 1e7);
    const PdfRenderPlan top = planPageRender(strip, 96.0, 3);
    ASSERT_FALSE(top.slice.isNull());
    EXPECT_DOUBLE_EQ(top.dpi, 96.0);
    EXPECT_LE(pixelsOf(strip, top), double(kMaxRenderPixels));
    EXPECT_EQ(top.slice.width(), 800);
    EXPECT_TRUE(top.note.contains(QStringLiteral("page 3 is"))) << str(top.note);
    EXPECT_TRUE(top.note.contains(QStringLiteral("km"))) << str(top.note);
}

class PdfLimitsTest : public PdfLibraryTest
{
};

TEST_F(PdfLimitsTest, AGiantMediaBoxRendersABoundedImageAndItsTextIsRead)
{
    const QString path = QDir(m_files.path()).filePath(QStringLiteral("giant.pdf"));
    ASSERT_TRUE(writeGiantPagePdf(path, 600, 1e7, QStringLiteral("Giant page top")));
    PdfOpenResult opened;
    const std::unique_ptr<PdfDocument> document = PdfDocument::open(path, {}, &opened);
    ASSERT_TRUE(document) << str(opened.message);
    QString note;
    const QImage image = document->renderPage(0, 96.0, &note);
    ASSERT_FALSE(image.isNull()) << str(note);
    EXPECT_LE(qint64(image.width()) * image.height(), kMaxRenderPixels);
    EXPECT_TRUE(note.contains(QStringLiteral("only its top part is drawn"))) << str(note);
    // The top part is where the text is: it is drawn (not all white).
    bool inked = false;
    for (int y = 0; y < std::min(image.height(), 200) && !inked; ++y)
        for (int x = 0; x < image.width() && !inked; ++x)
            inked = qGray(image.pixel(x, y)) < 128;
    EXPECT_TRUE(inked);
    EXPECT_TRUE(document->pageText(0).text.contains(QStringLiteral("Giant page top")));
}

TEST_F(PdfLimitsTest, ChildProcessGivesUpOnACpuBombAndNamesTheFile)
{
    const QString path = QDir(m_files.path()).filePath(QStringLiteral("bomb.pdf"));
    ASSERT_TRUE(writeTextBombPdf(path, 10'000'000'000));
    const PdfTextExtraction read = extractPdfTextBounded({path, {}}, childProcess(1));
    EXPECT_FALSE(read.opened.ok());
    EXPECT_TRUE(read.pages.isEmpty());
    EXPECT_TRUE(read.opened.message.startsWith(path + QStringLiteral(": gave up after 1 s"))) << str(read.opened.message);

    std::atomic_bool cancel{true};
    const PdfTextExtraction cancelled = extractPdfTextBounded({path, {}}, childProcess(60), &cancel);
    EXPECT_TRUE(cancelled.cancelled);
}

TEST_F(PdfLimitsTest, ChildProcessReadsTheFirstPagesAndTheMetadata)
{
    TestPdf pdf;
    pdf.title = QStringLiteral("Oral magnesium for leg cramps");
    pdf.xmp = xmpWithDoi(QStringLiteral("10.1093/fampra/cmt065"));
    pdf.pages = {{QStringLiteral("first page")}, {QStringLiteral("second page")}, {QStringLiteral("third page")}};
    const QString path = makePdf(QStringLiteral("meta.pdf"), pdf);
    PdfTextRequest request{path, {}};
    request.maxPages = 2;
    const PdfTextExtraction read = extractPdfTextBounded(request, childProcess(60));
    ASSERT_TRUE(read.opened.ok()) << str(read.opened.message);
    EXPECT_EQ(read.pageCount, 3);
    ASSERT_EQ(read.pages.size(), 2);
    EXPECT_TRUE(read.pages.at(1).text.contains(QStringLiteral("second page")));
    EXPECT_EQ(read.info.value(QStringLiteral("Title")), pdf.title);
    EXPECT_EQ(findPdfDois(read).metadata, QStringList{QStringLiteral("10.1093/fampra/cmt065")});

    // A document of many thousands of pages: only the first are read.
    const QString many = QDir(m_files.path()).filePath(QStringLiteral("many.pdf"));
    ASSERT_TRUE(writeManyPagesPdf(many, 20'000));
    const PdfTextExtraction first = extractPdfTextBounded(PdfTextRequest{many, {}, 2, 1}, childProcess(60));
    ASSERT_TRUE(first.opened.ok()) << str(first.opened.message);
    EXPECT_EQ(first.pageCount, 20'000);
    EXPECT_EQ(first.pages.size(), 2);
}

namespace {

QMutex g_logMutex;
QStringList g_log;

void keepLog(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (qstrcmp(context.category, "mgreview.pdf") == 0) {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
}

} // namespace

TEST_F(PdfLimitsTest, PopplerMessagesReachOurLogWithTheFileName)
{
    const QString path = makePdf(QStringLiteral("damaged.pdf"), QStringList{QStringLiteral("some text")});
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    ASSERT_TRUE(file.resize(file.size() * 2 / 5)); // truncated: no trailer, no cross-reference table
    file.close();

    QLoggingCategory::setFilterRules(QStringLiteral("mgreview.pdf.info=true"));
    const QtMessageHandler previous = qInstallMessageHandler(keepLog);
    PdfOpenResult opened;
    const std::unique_ptr<PdfDocument> document = PdfDocument::open(path, {}, &opened);
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QMutexLocker lock(&g_logMutex);
    const bool named = std::any_of(g_log.cbegin(), g_log.cend(), [&](const QString &line) {
        return line.startsWith(QStringLiteral("poppler: ") + path + u':');
    });
    EXPECT_TRUE(named) << str(g_log.join(u'\n'));
}
