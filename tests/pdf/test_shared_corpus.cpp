// Every PDF of ../shared/testdata: opened, text extracted, page 1 rendered, indexed — each
// in a child process (mgreview-cli pdf-check), so a crash inside Poppler fails this test
// instead of killing the suite; each outcome as the MANIFEST predicts.
#include "pdffixture.h"

#include "pdf/attachmentstore.h"
#include "pdf/pdfindexing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

struct Check {
    bool finished = false;
    int exitCode = -1;
    QJsonObject report;
    QString err;
};

Check pdfCheck(const QString &path, const QString &password)
{
    QProcess process;
    QStringList arguments{QStringLiteral("pdf-check"), path, QStringLiteral("--format"), QStringLiteral("json"),
                          QStringLiteral("--timeout"), QStringLiteral("30")};
    if (!password.isEmpty())
        arguments << QStringLiteral("--password") << password;
    process.start(QStringLiteral(MGREVIEW_CLI_PATH), arguments);
    Check check;
    // Generous: fuzzed files can make Poppler work hard, but never forever.
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return check;
    }
    check.finished = process.exitStatus() == QProcess::NormalExit;
    check.exitCode = process.exitCode();
    check.report = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    check.err = QString::fromUtf8(process.readAllStandardError());
    return check;
}

} // namespace

class SharedCorpusTest : public PdfLibraryTest
{
};

TEST_F(SharedCorpusTest, EveryPdfOpensIndexesAndRendersAsTheManifestPredicts)
{
    QString error;
    const QVector<SharedPdf> pdfs = sharedPdfs(&error);
    ASSERT_TRUE(error.isEmpty()) << str(error);
    if (pdfs.isEmpty())
        GTEST_SKIP() << "../shared/testdata is absent";
    EXPECT_GE(pdfs.size(), 60) << "the MANIFEST lists 64 PDFs";
    AttachmentStore attachments(database());
    int opened = 0;
    int refused = 0;
    QStringList timedOut;
    for (const SharedPdf &pdf : pdfs) {
        SCOPED_TRACE(str(pdf.relativePath));
        ASSERT_TRUE(QFileInfo::exists(pdf.path));
        Check check = pdfCheck(pdf.path, {});
        ASSERT_TRUE(check.finished) << "crashed or hung: " << str(check.err.left(500));
        QString status = check.report.value(QStringLiteral("status")).toString();
        if (status == u"needs-password") {
            // Only files that the MANIFEST gives a password for may ask for one.
            ASSERT_FALSE(pdf.password.isEmpty()) << "asks for a password the MANIFEST does not list";
            EXPECT_EQ(check.exitCode, 1);
            check = pdfCheck(pdf.path, pdf.password);
            ASSERT_TRUE(check.finished) << "crashed or hung with the password";
            status = check.report.value(QStringLiteral("status")).toString();
        }
        if (check.report.value(QStringLiteral("timed_out")).toBool()) {
            // Poppler itself needs minutes for some hostile files (pdftotext too): the check
            // gives up cleanly, having opened it with the page count the MANIFEST gives.
            EXPECT_EQ(check.exitCode, 1);
            EXPECT_TRUE(pdf.pages);
            EXPECT_EQ(check.report.value(QStringLiteral("pages")).toInt(), pdf.pages.value_or(-1));
            EXPECT_TRUE(check.err.contains(QStringLiteral("gave up after 30 s"))) << str(check.err);
            timedOut.append(pdf.relativePath);
            continue; // not indexed in this process: it would hold the test for minutes
        }
        if (pdf.pages) {
            // pdfinfo read it: we must open it, with its page count, and render page 1 or
            // say which page could not be read.
            ASSERT_EQ(status, QStringLiteral("ok")) << str(check.report.value(QStringLiteral("message")).toString());
            EXPECT_EQ(check.exitCode, 0);
            EXPECT_EQ(check.report.value(QStringLiteral("pages")).toInt(), *pdf.pages);
            const bool rendered = check.report.value(QStringLiteral("page1_rendered")).toBool();
            const QString notes = QString::fromUtf8(QJsonDocument(check.report.value(QStringLiteral("notes")).toArray()).toJson());
            EXPECT_TRUE(rendered || notes.contains(QStringLiteral("page 1 could not be"))) << str(notes);
            if (pdf.behaviour.contains(QStringLiteral("Encrypted: yes"))) {
                EXPECT_TRUE(check.report.value(QStringLiteral("encrypted")).toBool());
            }
            ++opened;
        } else {
            // pdfinfo failed: a clear refusal naming the file, never a crash.
            EXPECT_EQ(check.exitCode, 1);
            EXPECT_TRUE(status == u"corrupt" || status == u"not-pdf" || status == u"empty") << str(status);
            EXPECT_TRUE(check.err.contains(pdf.path)) << str(check.err);
            if (pdf.description.contains(QStringLiteral("ZERO-BYTE"))) {
                EXPECT_EQ(status, QStringLiteral("empty"));
            }
            if (pdf.description.contains(QStringLiteral("NOT A PDF"))) {
                EXPECT_EQ(status, QStringLiteral("not-pdf"));
            }
            ++refused;
            continue;
        }
        // It survived in a child process: index it in this one too (attach, extract, store).
        const auto attached = attachments.attach(QStringLiteral("roffe2002_rct"), pdf.path, pdf.relativePath,
                                                 AttachmentStorage::Linked, &error);
        ASSERT_TRUE(attached) << str(error);
        if (attached->alreadyAttached)
            continue; // identical bytes already indexed
        const PdfIndexOutcome outcome = indexPdfText(database(), attached->attachment, pdf.password);
        EXPECT_TRUE(outcome.indexed) << str(outcome.message);
        EXPECT_EQ(outcome.pages, *pdf.pages);
    }
    EXPECT_GT(opened, 40);
    EXPECT_GE(refused, 5);
    // Known today: bomb_giant.pdf (JBIG2 data as page content). Any other is a regression.
    EXPECT_LE(timedOut.size(), 1) << str(timedOut.join(QStringLiteral(", ")));
}
