// The PDF tab in the main window: File ▸ Open PDF, the tab, Ctrl+F inside the viewer, and the
// `mgreview --screenshot … --open-pdf` path.
#include "guitestsupport.h"

#include "pdfpageview.h"
#include "pdfui.h"
#include "pdfviewer.h"
#include "screenshot.h"

#include "support/viewerpdfs.h"

#include <QAction>
#include <QImage>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

TEST(PdfWindow, OpenPdfShowsTheTabAndCtrlFFindsInThePdf)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("paper.pdf"));
    ASSERT_TRUE(writeSamplePaper(path));
    ASSERT_NE(window.findChild<QAction *>(QStringLiteral("openPdf")), nullptr);

    QSignalSpy opened(window.pdf()->viewer(), &PdfViewer::documentOpened);
    window.pdf()->openPdf(path, 2);
    ASSERT_TRUE(waitUntil([&] { return !opened.isEmpty() && window.isSettled(); }));
    EXPECT_TRUE(window.pdf()->isViewerShown());
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
    ASSERT_NE(tabs, nullptr);
    EXPECT_EQ(tabs->tabText(tabs->currentIndex()), QStringLiteral("PDF: paper.pdf"));
    EXPECT_EQ(window.pdf()->viewer()->currentPage(), 2);

    // In the viewer, Ctrl+F is "find in this PDF", not the window's study search.
    window.activateWindow();
    window.pdf()->viewer()->pageView()->setFocus();
    QTest::keyClick(window.pdf()->viewer()->pageView(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(window.pdf()->viewer()->findField()->hasFocus());
}

TEST(PdfWindow, ScreenshotShowsThePdfAtThePageWithTheHits)
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("paper.pdf"));
    ASSERT_TRUE(writeSamplePaper(pdf));
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    QProcess process;
    process.start(QStringLiteral(MGREVIEW_GUI_EXECUTABLE),
        { QStringLiteral("--library"), dir.filePath(QStringLiteral("lib.sqlite")), QStringLiteral("--studies"),
            projectStudiesFolder(), QStringLiteral("--screenshot"), shot, QStringLiteral("--open-pdf"), pdf,
            QStringLiteral("--page"), QStringLiteral("3"), QStringLiteral("--find"), QStringLiteral("magnesium") });
    ASSERT_TRUE(process.waitForFinished(120'000));
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    const QImage image(shot);
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(distinctColours(image), 50);
    // The hit colours (yellow, orange) are on the page.
    bool hitColour = false;
    for (int y = 0; y < image.height() && !hitColour; y += 2)
        for (int x = 0; x < image.width() && !hitColour; x += 2) {
            const QColor c = image.pixelColor(x, y);
            hitColour = c.red() > 240 && c.green() > 180 && c.green() < 235 && c.blue() < 140;
        }
    EXPECT_TRUE(hitColour) << "no find highlight in the screenshot";
}
