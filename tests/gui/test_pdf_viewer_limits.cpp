// The viewer and hostile PDFs (issue 6 §6): a page kilometres long is drawn in part with a
// note instead of allocating gigabytes; a page that keeps Poppler busy is given up by the
// renderer's watchdog, and the same document goes on in a fresh worker.
#include "pdfpageview.h"
#include "pdfrenderer.h"
#include "pdfviewer.h"

#include "support/viewerpdfs.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

constexpr int kTimeout = 20'000;

/// One page with a MediaBox 600 points wide and 10^7 points (3.5 km) tall, text at its top.
QByteArray giantPagePdf()
{
    const QByteArray content = "BT /F1 24 Tf 36 9999940 Td (Giant page top) Tj ET";
    const QList<QByteArray> objects {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 10000000] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    QByteArray out = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(out.size());
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 6\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

class PdfViewerLimitsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_viewer = std::make_unique<PdfViewer>();
        m_viewer->resize(900, 700);
        m_viewer->show();
    }
    void openAndWait(const QString &path)
    {
        QSignalSpy opened(m_viewer.get(), &PdfViewer::documentOpened);
        m_viewer->openFile(path);
        ASSERT_TRUE(QTest::qWaitFor([&] { return !opened.isEmpty(); }, kTimeout)) << m_viewer->errorMessage().toStdString();
        ASSERT_TRUE(QTest::qWaitFor([&] { return m_viewer->isSettled(); }, kTimeout));
    }
    QTemporaryDir m_dir;
    std::unique_ptr<PdfViewer> m_viewer;
};

} // namespace

TEST_F(PdfViewerLimitsTest, AGiantPageIsDrawnInPartWithANote)
{
    const QString path = m_dir.filePath(QStringLiteral("giant.pdf"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(giantPagePdf());
    file.close();
    QSignalSpy rendered(m_viewer->renderer(), &PdfRenderer::rendered);
    openAndWait(path);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        for (const QList<QVariant> &args : std::as_const(rendered))
            if (!args.at(0).value<PdfRenderedPage>().thumbnail && !args.at(0).value<PdfRenderedPage>().failed)
                return true;
        return false;
    }, kTimeout));
    qint64 largest = 0;
    for (const QList<QVariant> &args : std::as_const(rendered)) {
        const PdfRenderedPage page = args.at(0).value<PdfRenderedPage>();
        EXPECT_FALSE(page.failed) << page.note.toStdString();
        largest = std::max(largest, qint64(page.image.width()) * page.image.height());
    }
    EXPECT_GT(largest, 0);
    EXPECT_LE(largest, 32'000'000);
    const QString note = m_viewer->pageView()->pageNote(0);
    EXPECT_TRUE(note.startsWith(QStringLiteral("giant.pdf: page 1 is"))) << note.toStdString();
    EXPECT_TRUE(note.contains(QStringLiteral("only its top part is drawn"))) << note.toStdString();
}

TEST_F(PdfViewerLimitsTest, AStuckWorkerIsReplacedAndTheDocumentStaysOpen)
{
    SamplePaperOptions options;
    options.pages = 4;
    options.insertions.insert(3, QStringLiteral("A zygomorphic marker."));
    const QString path = m_dir.filePath(QStringLiteral("paper.pdf"));
    ASSERT_TRUE(writeSamplePaper(path, options));
    m_viewer->renderer()->setRenderTimeLimit(0);
    openAndWait(path);
    QSignalSpy reopened(m_viewer.get(), &PdfViewer::documentOpened);
    m_viewer->renderer()->worker()->postStallForTest(6'500); // Busy as inside a page Poppler never finishes.
    // The watchdog notices (time limit + 5 s) and leaves the worker behind, on its own.
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_viewer->renderer()->abandonedWorkers() == 1; }, 10'000));
    EXPECT_TRUE(reopened.isEmpty()) << "the view was not reset";
    EXPECT_EQ(m_viewer->pageCount(), 4);
    // The fresh worker has the same document: find runs there.
    QSignalSpy finished(m_viewer.get(), &PdfViewer::findFinished);
    m_viewer->find(QStringLiteral("zygomorphic"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, kTimeout));
    EXPECT_EQ(m_viewer->hitCount(), 1);
    QTest::qWait(2'000); // Let the stalled thread end before the process does.
}
