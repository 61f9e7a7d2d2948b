// Opening PDFs safely: generated files, their damaged variants, encrypted files.
#include "pdftestsupport.h"

#include "corehelpers.h"
#include "pdf/pdfdocument.h"
#include "pdf/pdftextextractor.h"
#include "support/templibrary.h"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class PdfOpenTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_good = m_dir.filePath(QStringLiteral("good.pdf"));
        TestPdf pdf;
        pdf.pages = {{QStringLiteral("Magnesium and leg cramps"), QStringLiteral("First page text.")},
                     {QStringLiteral("Second page: conclusions.")},
                     {QStringLiteral("Third page.")}};
        ASSERT_TRUE(writeTestPdf(m_good, pdf));
        m_bytes = readFileBytes(m_good);
        ASSERT_GT(m_bytes.size(), 500);
    }
    QString variant(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        EXPECT_TRUE(writeFileBytes(path, bytes));
        return path;
    }
    /// Opens, and when that works reads every page and renders page 1: nothing may crash.
    PdfOpenResult openAndRead(const QString &path, const QString &password = {})
    {
        PdfOpenResult result;
        const std::unique_ptr<PdfDocument> document = PdfDocument::open(path, password, &result);
        EXPECT_EQ(document != nullptr, result.ok()) << str(result.message);
        if (document) {
            EXPECT_GT(document->pageCount(), 0);
            const QVector<PdfPageText> pages = document->allText();
            EXPECT_EQ(pages.size(), document->pageCount());
            QString note;
            document->renderPage(0, 20, &note);
        } else {
            EXPECT_TRUE(result.message.startsWith(path)) << "the message names the file: " << str(result.message);
        }
        return result;
    }

    QTemporaryDir m_dir;
    QString m_good;
    QByteArray m_bytes;
};

} // namespace

TEST_F(PdfOpenTest, GeneratedPdfOpensWithTextPerPage)
{
    PdfOpenResult result;
    const std::unique_ptr<PdfDocument> document = PdfDocument::open(m_good, {}, &result);
    ASSERT_TRUE(document) << str(result.message);
    EXPECT_TRUE(result.ok());
    EXPECT_FALSE(result.encrypted);
    ASSERT_EQ(document->pageCount(), 3);
    EXPECT_TRUE(document->pageText(0).text.contains(QStringLiteral("Magnesium and leg cramps")));
    EXPECT_TRUE(document->pageText(1).text.contains(QStringLiteral("conclusions")));
    EXPECT_FALSE(document->pageText(1).text.contains(QStringLiteral("Magnesium")));
    EXPECT_TRUE(document->pageText(2).note.isEmpty());
    const QImage page = document->renderPage(0, 30);
    EXPECT_FALSE(page.isNull());
    EXPECT_NEAR(page.width(), 248, 2); // A4 at 30 dpi
}

TEST_F(PdfOpenTest, TwoThreadsReadEveryPageInOrder)
{
    TestPdf pdf;
    // Long enough for two threads (extractPdfText reads short papers on one: less CPU).
    constexpr int kPages = 70;
    for (int p = 1; p <= kPages; ++p)
        pdf.pages.append({QStringLiteral("This is page number %1 of the long document").arg(p)});
    const QString path = m_dir.filePath(QStringLiteral("long.pdf"));
    ASSERT_TRUE(writeTestPdf(path, pdf));
    const PdfTextExtraction extraction = extractPdfText(path, {}, 2);
    ASSERT_TRUE(extraction.opened.ok()) << str(extraction.opened.message);
    ASSERT_EQ(extraction.pages.size(), kPages);
    for (int p = 1; p <= kPages; ++p)
        EXPECT_TRUE(extraction.pages.at(p - 1).text.contains(QStringLiteral("page number %1 of").arg(p))) << p;
    std::atomic_bool cancel{true};
    const PdfTextExtraction cancelled = extractPdfText(path, {}, 2, &cancel);
    EXPECT_TRUE(cancelled.cancelled);
    EXPECT_TRUE(cancelled.pages.isEmpty());
}

TEST_F(PdfOpenTest, ZeroBytesIsEmpty)
{
    const PdfOpenResult result = openAndRead(variant(QStringLiteral("zero.pdf"), {}));
    EXPECT_EQ(result.status, PdfOpenStatus::Empty);
    EXPECT_TRUE(result.message.contains(QStringLiteral("empty (0 bytes)"))) << str(result.message);
}

TEST_F(PdfOpenTest, TextFileIsNotAPdf)
{
    const PdfOpenResult result = openAndRead(variant(QStringLiteral("notes.pdf"), "These are my notes, not a PDF.\n"));
    EXPECT_EQ(result.status, PdfOpenStatus::NotPdf);
    EXPECT_TRUE(result.message.contains(QStringLiteral("not a PDF"))) << str(result.message);
}

TEST_F(PdfOpenTest, MissingFileIsNotFound)
{
    const PdfOpenResult result = openAndRead(m_dir.filePath(QStringLiteral("missing.pdf")));
    EXPECT_EQ(result.status, PdfOpenStatus::NotFound);
    EXPECT_TRUE(result.message.contains(QStringLiteral("no such file")));
}

TEST_F(PdfOpenTest, TruncatedFilesNeverCrashAndSayWhatIsWrong)
{
    // Poppler repairs some truncations (it rebuilds the cross-reference table); the rest
    // must fail as corrupt, naming the file.
    int corrupt = 0;
    for (const double fraction : {0.02, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99}) {
        const qsizetype length = qsizetype(double(m_bytes.size()) * fraction);
        const PdfOpenResult result =
            openAndRead(variant(QStringLiteral("truncated-%1.pdf").arg(length), m_bytes.left(length)));
        EXPECT_TRUE(result.status == PdfOpenStatus::Ok || result.status == PdfOpenStatus::Corrupt)
            << fraction << ": " << str(toString(result.status));
        corrupt += result.status == PdfOpenStatus::Corrupt ? 1 : 0;
    }
    EXPECT_GT(corrupt, 0) << "a PDF cut to 2 % of its bytes cannot be whole";
}

TEST_F(PdfOpenTest, FlippedBytesNeverCrash)
{
    for (int seed = 1; seed <= 12; ++seed) {
        QByteArray bytes = m_bytes;
        // A deterministic spread of flipped bytes, denser with every seed.
        for (qsizetype i = seed * 7; i < bytes.size(); i += 997 / seed + 13)
            bytes[i] = char(bytes.at(i) ^ 0x5A);
        const PdfOpenResult result = openAndRead(variant(QStringLiteral("flipped-%1.pdf").arg(seed), bytes));
        EXPECT_NE(result.status, PdfOpenStatus::NotFound);
    }
}

TEST_F(PdfOpenTest, HeaderRemovedIsReportedOrRepaired)
{
    QByteArray bytes = m_bytes;
    bytes.replace(0, 8, "        ");
    const PdfOpenResult noHeader = openAndRead(variant(QStringLiteral("no-header.pdf"), bytes));
    EXPECT_TRUE(noHeader.status == PdfOpenStatus::Ok || noHeader.status == PdfOpenStatus::NotPdf
                || noHeader.status == PdfOpenStatus::Corrupt);
    // Header gone and body cut: nothing readable is left.
    const PdfOpenResult headless = openAndRead(variant(QStringLiteral("headless.pdf"), m_bytes.mid(9, 300)));
    EXPECT_TRUE(headless.status == PdfOpenStatus::NotPdf || headless.status == PdfOpenStatus::Corrupt)
        << str(headless.message);
}

namespace {

QString sharedPdf(const QString &relative)
{
    const QString shared = sharedFolder();
    if (shared.isEmpty())
        return {};
    const QString path = QDir(shared).filePath(QStringLiteral("testdata/") + relative);
    return QFileInfo::exists(path) ? path : QString();
}

} // namespace

TEST(PdfEncrypted, UserPasswordIsAskedForAndChecked)
{
    const QString path = sharedPdf(QStringLiteral("jabref/jablib/src/test/resources/pdfs/encrypted.pdf"));
    if (path.isEmpty())
        GTEST_SKIP() << "../shared/testdata is absent";
    PdfOpenResult result;
    EXPECT_FALSE(PdfDocument::open(path, {}, &result));
    EXPECT_EQ(result.status, PdfOpenStatus::NeedsPassword);
    EXPECT_TRUE(result.message.contains(QStringLiteral("password"))) << str(result.message);
    EXPECT_FALSE(PdfDocument::open(path, QStringLiteral("not it"), &result));
    EXPECT_EQ(result.status, PdfOpenStatus::WrongPassword);
    // User password 'world' and owner password 'hello' (MANIFEST) both open it.
    for (const QString &password : {QStringLiteral("world"), QStringLiteral("hello")}) {
        const std::unique_ptr<PdfDocument> document = PdfDocument::open(path, password, &result);
        ASSERT_TRUE(document) << str(result.message);
        EXPECT_TRUE(result.encrypted);
        EXPECT_EQ(document->pageCount(), 1);
    }
}

TEST(PdfEncrypted, NonAsciiPasswordsAreTriedAsLatin1Utf8AndSaslPrep)
{
    struct Case {
        const char *file;
        QString password;
    };
    const Case cases[] = {
        {"pdf.js/test/pdfs/issue6010_2.pdf", QStringLiteral("æøå")},
        {"pdf.js/test/pdfs/issue21579.pdf", QStringLiteral("pässwört")},
        {"pdf.js/test/pdfs/saslprep-r6.pdf", QStringLiteral("S\u00aaSL\u00adprep")},
        {"pdf.js/test/pdfs/issue3371.pdf", QStringLiteral("ELXRTQWS")},
    };
    int tried = 0;
    for (const Case &c : cases) {
        const QString path = sharedPdf(QString::fromLatin1(c.file));
        if (path.isEmpty())
            continue;
        ++tried;
        PdfOpenResult result;
        EXPECT_FALSE(PdfDocument::open(path, {}, &result)) << c.file;
        EXPECT_EQ(result.status, PdfOpenStatus::NeedsPassword) << c.file;
        EXPECT_TRUE(PdfDocument::open(path, c.password, &result)) << c.file << ": " << str(result.message);
    }
    if (tried == 0)
        GTEST_SKIP() << "../shared/testdata is absent";
}

TEST(PdfEncrypted, OwnerPasswordOnlyFilesOpenWithoutAPassword)
{
    const QString path = sharedPdf(QStringLiteral("pdf.js/test/pdfs/empty_protected.pdf"));
    if (path.isEmpty())
        GTEST_SKIP() << "../shared/testdata is absent";
    PdfOpenResult result;
    const std::unique_ptr<PdfDocument> document = PdfDocument::open(path, {}, &result);
    ASSERT_TRUE(document) << str(result.message);
    EXPECT_TRUE(result.encrypted);
}
