// "Go to page" from a verified quote highlights the whole quote (issue 7, PDF viewer): the
// quote is found in the page's text layer across line breaks, words hyphenated at a line
// end, and on to the next page; every word of it is highlighted, not only the first ones.
#include "pdfpageview.h"
#include "pdfquotespan.h"
#include "pdfrenderer.h"
#include "pdftextselection.h"
#include "pdfviewer.h"

#include <QPainter>
#include <QPdfWriter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace mgreview::gui;

namespace {

constexpr int kTimeout = 20'000;

/// A test document whose lines break where a typesetter would: each page is drawn line by
/// line exactly as given (a line ending in '-' is a word hyphenated at the line end). The
/// text is invented for the test.
bool writeLinedPdf(const QString &path, const QVector<QStringList> &pages)
{
    QPdfWriter writer(path);
    writer.setResolution(72);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    QFont font(QStringLiteral("Serif"));
    font.setPointSizeF(11);
    painter.setFont(font);
    for (qsizetype p = 0; p < pages.size(); ++p) {
        if (p > 0)
            writer.newPage();
        double y = 80;
        for (const QString &line : pages[p]) {
            painter.drawText(QPointF(64, y), line);
            y += 18;
        }
    }
    return painter.end();
}

const QVector<QStringList> kPages = {
    { QStringLiteral("Test document made by the MgReview tests; not a study."),
        QStringLiteral("Background first. It is unlikely that magnesium supple-"),
        QStringLiteral("mentation provides clinically meaningful cramp prophy-"),
        QStringLiteral("laxis to older adults experiencing skeletal muscle"),
        QStringLiteral("cramps. Other words follow on this line.") },
    { QStringLiteral("A second page of filler text in the test."), QStringLiteral("Near the end of the page:"),
        QStringLiteral("for pregnancy-associated rest cramps the lit-") },
    { QStringLiteral("erature is conflicting and further research is needed."),
        QStringLiteral("The last line of the test document.") },
};

const QString kQuoteOnePage = QStringLiteral(
    "It is unlikely that magnesium supplementation provides clinically meaningful cramp prophylaxis to older "
    "adults experiencing skeletal muscle cramps.");
const QString kQuoteAcrossPages = QStringLiteral(
    "for pregnancy-associated rest cramps the literature is conflicting and further research is needed.");

/// The boxes of the text layer's words from the word `first` to the word `last` (exact
/// words; the first occurrence of `first`, then the first `last` after it).
QVector<QRectF> wordBoxes(const QVector<PdfWord> &words, const QString &first, const QString &last)
{
    for (int i = 0; i < words.size(); ++i) {
        if (words[i].text != first)
            continue;
        for (int j = i; j < words.size(); ++j) {
            if (words[j].text == last)
                return pdfselection::boxes(words, i, j);
        }
    }
    return {};
}

class PdfQuoteHighlightTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("hyphenated.pdf"));
        ASSERT_TRUE(writeLinedPdf(m_path, kPages));
        m_viewer.resize(900, 700);
        m_viewer.show();
        QSignalSpy opened(&m_viewer, &PdfViewer::documentOpened);
        m_viewer.openFile(m_path);
        ASSERT_TRUE(QTest::qWaitFor([&] { return !opened.isEmpty() && m_viewer.isSettled(); }, kTimeout))
            << m_viewer.errorMessage().toStdString();
    }

    /// The text layer of a 0-based page, read through the viewer's worker.
    QVector<PdfWord> words(int page)
    {
        PdfPageView *view = m_viewer.pageView();
        if (!view->hasWords(page))
            m_viewer.renderer()->requestText(page);
        EXPECT_TRUE(QTest::qWaitFor([&] { return view->hasWords(page); }, kTimeout));
        return view->words(page);
    }

    /// highlight(page, quote) as "go to page" calls it; the page it reported.
    int highlight(int page, const QString &quote)
    {
        QSignalSpy finished(&m_viewer, &PdfViewer::highlightFinished);
        m_viewer.highlight(page, quote);
        EXPECT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty() && m_viewer.isSettled(); }, kTimeout));
        if (finished.isEmpty() || !finished.first().at(1).toBool())
            return -1;
        return finished.first().at(0).toInt();
    }

    QTemporaryDir m_dir;
    QString m_path;
    PdfViewer m_viewer;
};

} // namespace

TEST_F(PdfQuoteHighlightTest, AHyphenatedLineBrokenQuoteIsHighlightedWordForWord)
{
    const QVector<PdfWord> page1 = words(0);
    const QVector<QRectF> expected = wordBoxes(page1, QStringLiteral("It"), QStringLiteral("cramps."));
    // From "It" on line 2 to "cramps." on line 5: 21 words of the layer, 4 lines.
    ASSERT_GE(expected.size(), 19) << "the test PDF's text layer is not as drawn";

    EXPECT_EQ(highlight(1, kQuoteOnePage), 1);
    const QVector<QRectF> shown = m_viewer.pageView()->highlights(0);
    EXPECT_EQ(shown, expected);
    // Every line of the quote is covered, the last one included.
    ASSERT_FALSE(shown.isEmpty());
    EXPECT_TRUE(pdfselection::sameLine(shown.constLast(), expected.constLast()));
    // Nothing outside the quote: "Background" and "Other" stay unmarked.
    for (const PdfWord &w : page1) {
        if (w.text == u"Background" || w.text == u"Other") {
            EXPECT_FALSE(shown.contains(w.box)) << w.text.toStdString();
        }
    }
}

TEST_F(PdfQuoteHighlightTest, AQuoteRunningOnToTheNextPageIsHighlightedOnBoth)
{
    const QVector<QRectF> onPage2 = wordBoxes(words(1), QStringLiteral("for"), QStringLiteral("lit-"));
    const QVector<QRectF> onPage3 = wordBoxes(words(2), QStringLiteral("erature"), QStringLiteral("needed."));
    ASSERT_FALSE(onPage2.isEmpty());
    ASSERT_FALSE(onPage3.isEmpty());

    EXPECT_EQ(highlight(2, kQuoteAcrossPages), 2);
    EXPECT_EQ(m_viewer.pageView()->highlights(1), onPage2);
    EXPECT_EQ(m_viewer.pageView()->highlights(2), onPage3);
    EXPECT_TRUE(m_viewer.pageView()->highlights(0).isEmpty());
}

TEST_F(PdfQuoteHighlightTest, TextNotOnThePageIsReportedNotFound)
{
    EXPECT_EQ(highlight(1, QStringLiteral("zinc lozenges shorten the common cold")), -1);
    EXPECT_TRUE(m_viewer.pageView()->highlights(0).isEmpty());
}

TEST(PdfQuoteSpan, MatchesWholeWordsAcrossLinesAndHyphens)
{
    // Two lines: "rest cramps the lit-" / "erature is conflicting".
    const auto word = [](const char *text, double x, double y, bool spaceAfter = true) {
        return PdfWord { QString::fromUtf8(text), QRectF(x, y, 30, 10), spaceAfter };
    };
    const QVector<PdfWord> words = { word("rest", 0, 0), word("cramps", 40, 0), word("the", 80, 0),
        word("lit-", 120, 0), word("erature", 0, 20), word("is", 40, 20), word("conflicting", 80, 20) };
    const QMap<int, QVector<QRectF>> found = quoteBoxes(QStringLiteral("the literature is"), { { 4, words } });
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found.firstKey(), 4);
    EXPECT_EQ(found.first(), (QVector<QRectF> { words[2].box, words[3].box, words[4].box, words[5].box }));
    // A quote must start and end on word boundaries: "ramps" is not "cramps".
    EXPECT_TRUE(quoteBoxes(QStringLiteral("ramps the"), { { 4, words } }).isEmpty());
    EXPECT_TRUE(quoteBoxes(QString(), { { 4, words } }).isEmpty());
}
