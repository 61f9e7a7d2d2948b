// mgreview-bench-pdf: time from "open this PDF" to its first page on screen (issue 6 §7,
// product.md §5: ≤ 150 ms for a typical paper).
//
//   mgreview-bench-pdf [--iterations=N] [FILE…]    times a generated 12-page paper, the CC-BY
//                                                  papers of ../shared/testdata when present,
//                                                  and any FILEs given
//   mgreview-bench-pdf --write-sample FILE          writes the generated paper (for screenshots)
//
// Two figures per file, each the median (and slowest) of N cold opens (a new viewer each time,
// so nothing is cached but the operating system's file cache):
//   worker: PdfRenderer::open() until the worker delivers page 1 rendered at 96 dpi;
//   viewer: PdfViewer::openFile() until page 1 is painted in the widget (fit width, 900 px).
#include "pdfpageview.h"
#include "pdfrenderer.h"
#include "pdfviewer.h"

#include "support/templibrary.h"
#include "support/viewerpdfs.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

struct Timing {
    double median = 0;
    double slowest = 0;
    int pages = 0;
    QString error;
};

Timing summarize(QVector<double> ms)
{
    Timing timing;
    if (ms.isEmpty())
        return timing;
    std::sort(ms.begin(), ms.end());
    timing.median = ms[ms.size() / 2];
    timing.slowest = ms.constLast();
    return timing;
}

Timing timeWorker(const QString &path, int iterations)
{
    QVector<double> samples;
    int pages = 0;
    for (int i = 0; i < iterations; ++i) {
        PdfRenderer renderer;
        QSignalSpy rendered(&renderer, &PdfRenderer::rendered);
        QSignalSpy failed(&renderer, &PdfRenderer::openFailed);
        QElapsedTimer clock;
        clock.start();
        QObject::connect(&renderer, &PdfRenderer::opened, &renderer, [&](const PdfDocumentInfo &info) {
            pages = int(info.pageSizes.size());
            // 96 dpi: points × 96/72 pixels.
            renderer.requestView({ { 0, int(info.pageSizes.constFirst().width() * 96.0 / 72.0 + 0.5) } });
        });
        renderer.open(path);
        if (!QTest::qWaitFor([&] { return !rendered.isEmpty() || !failed.isEmpty(); }, 60'000) || !failed.isEmpty()) {
            Timing timing;
            timing.error = failed.isEmpty() ? QStringLiteral("timed out") : failed.constFirst().at(1).toString();
            return timing;
        }
        samples.append(clock.nsecsElapsed() / 1e6);
    }
    Timing timing = summarize(samples);
    timing.pages = pages;
    return timing;
}

Timing timeViewer(const QString &path, int iterations)
{
    QVector<double> samples;
    for (int i = 0; i < iterations; ++i) {
        PdfViewer viewer;
        viewer.resize(900, 800);
        viewer.show();
        QSignalSpy shown(viewer.pageView(), &PdfPageView::pageShown);
        QSignalSpy failed(&viewer, &PdfViewer::openFailed);
        QElapsedTimer clock;
        clock.start();
        viewer.openFile(path);
        if (!QTest::qWaitFor([&] { return !shown.isEmpty() || !failed.isEmpty(); }, 60'000) || !failed.isEmpty())
            return { 0, 0, 0, QStringLiteral("viewer did not show page 1") };
        viewer.pageView()->viewport()->repaint(); // The paint that puts it on screen.
        samples.append(clock.nsecsElapsed() / 1e6);
    }
    return summarize(samples);
}

void print(const QString &text)
{
    std::fputs(qUtf8Printable(text), stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStringList arguments = QCoreApplication::arguments().mid(1);
    int iterations = 15;
    QStringList files;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--write-sample" && i + 1 < arguments.size()) {
            SamplePaperOptions options;
            options.insertions.insert(
                3, QStringLiteral("Serum magnesium rose by a similar amount in both groups, so adherence was good."));
            if (!writeSamplePaper(arguments.at(i + 1), options)) {
                std::fprintf(stderr, "mgreview-bench-pdf: cannot write %s\n", qUtf8Printable(arguments.at(i + 1)));
                return 1;
            }
            print(QStringLiteral("wrote %1\n").arg(arguments.at(i + 1)));
            return 0;
        }
        if (argument.startsWith(u"--iterations="))
            iterations = std::max(1, argument.mid(13).toInt());
        else
            files.append(argument);
    }

    QTemporaryDir dir;
    const QString generated = dir.filePath(QStringLiteral("generated-12-pages.pdf"));
    writeSamplePaper(generated);
    QStringList all { generated };
    if (const QString shared = sharedFolder(); !shared.isEmpty()) {
        const QString papers = QDir(shared).filePath(QStringLiteral("testdata/jabref/jablib/src/test/resources/"));
        for (const char *relative : { "pdfs/PdfContentImporter/Keim2024.pdf",
                 "org/jabref/logic/importer/fileformat/pdf/2024_SPLC_Becker.pdf", "pdfs/PdfContentImporter/Bogner2019.pdf",
                 "pdfs/PdfContentImporter/Fritzsch2022.pdf", "pdfs/PdfContentImporter/Ralph2020.pdf",
                 "pdfs/PdfContentImporter/Bogner2023.pdf" }) {
            const QString path = papers + QString::fromUtf8(relative);
            if (QFileInfo::exists(path))
                all.append(path);
        }
    }
    all.append(files);

    print(QStringLiteral("first page on screen, %1 cold opens each (median / slowest, ms)\n").arg(iterations));
    print(QStringLiteral("%1 %2 %3 %4\n")
              .arg(QStringLiteral("file"), -34)
              .arg(QStringLiteral("pages"), 6)
              .arg(QStringLiteral("worker: open+render 96 dpi"), 28)
              .arg(QStringLiteral("viewer: openFile→painted"), 26));
    for (const QString &path : all) {
        const Timing worker = timeWorker(path, iterations);
        const Timing viewer = timeViewer(path, iterations);
        const QString name = QFileInfo(path).fileName();
        if (!worker.error.isEmpty() || !viewer.error.isEmpty()) {
            print(QStringLiteral("%1 error: %2\n").arg(name, -34).arg(worker.error + viewer.error));
            continue;
        }
        print(QStringLiteral("%1 %2 %3 %4\n")
                  .arg(name, -34)
                  .arg(worker.pages, 6)
                  .arg(QStringLiteral("%1 / %2").arg(worker.median, 0, 'f', 1).arg(worker.slowest, 0, 'f', 1), 28)
                  .arg(QStringLiteral("%1 / %2").arg(viewer.median, 0, 'f', 1).arg(viewer.slowest, 0, 'f', 1), 26));
    }
    return 0;
}
