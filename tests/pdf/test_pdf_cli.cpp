// mgreview-cli: attach, attachments, detach, pdf-text, verify-quotes, link-pdfs, search.
#include "clifixture.h"
#include "pdftestsupport.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class PdfCliTest : public CliProcessTest
{
protected:
    QString roffePdf()
    {
        TestPdf pdf;
        pdf.pages = {{QStringLiteral("Roffe et al. Leg cramps trial")},
                     {QStringLiteral("The results suggest that magnesium may be ef-"),
                      QStringLiteral("fective in treatment of nocturnal leg cramps. Further"),
                      QStringLiteral("evaluation is recommended. Zymurgical words.")}};
        const QString path = m_scratch.filePath(QStringLiteral("roffe.pdf"));
        EXPECT_TRUE(writeTestPdf(path, pdf));
        return path;
    }
};

} // namespace

TEST_F(PdfCliTest, AttachListVerifyDetach)
{
    const QString pdf = roffePdf();
    CliResult r = cli({QStringLiteral("attach"), QStringLiteral("roffe2002_rct"), pdf, QStringLiteral("--label"), QStringLiteral("full text")});
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    EXPECT_TRUE(r.outText().startsWith(QStringLiteral("attached roffe.pdf to roffe2002_rct as 'full text' (stored"))) << str(r.outText());

    r = cli({QStringLiteral("attachments"), QStringLiteral("roffe2002_rct"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    QString error;
    const auto list = jsonArray(r, &error);
    ASSERT_TRUE(list) << str(error);
    ASSERT_EQ(list->size(), 1);
    const QJsonObject attachment = list->at(0).toObject();
    EXPECT_EQ(attachment.value(QStringLiteral("storage")).toString(), QStringLiteral("stored"));
    const QString sha = attachment.value(QStringLiteral("sha256")).toString();
    EXPECT_EQ(sha.size(), 64);
    EXPECT_TRUE(attachment.value(QStringLiteral("path")).toString().startsWith(m_library.path() + QStringLiteral(".attachments/")));

    r = cli({QStringLiteral("verify-quotes"), QStringLiteral("roffe2002_rct"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    const auto checks = jsonArray(r, &error);
    ASSERT_TRUE(checks) << str(error);
    ASSERT_EQ(checks->size(), 1);
    const QJsonObject check = checks->at(0).toObject();
    EXPECT_EQ(check.value(QStringLiteral("study")).toString(), QStringLiteral("roffe2002_rct"));
    EXPECT_EQ(check.value(QStringLiteral("pdf")).toString(), QStringLiteral("roffe.pdf"));
    EXPECT_EQ(check.value(QStringLiteral("status")).toString(), QStringLiteral("verified"));
    EXPECT_EQ(check.value(QStringLiteral("page")).toInt(), 2);
    EXPECT_DOUBLE_EQ(check.value(QStringLiteral("similarity")).toDouble(), 1.0);
    EXPECT_TRUE(check.value(QStringLiteral("quote")).toString().startsWith(QStringLiteral("The results suggest")));

    // The PDF's text is now searchable: by study, and by page.
    r = cli({QStringLiteral("search"), QStringLiteral("zymurgical"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    EXPECT_EQ(idsOf(*jsonArray(r, &error)), QStringList{QStringLiteral("roffe2002_rct")});
    r = cli({QStringLiteral("pdf-search"), QStringLiteral("zymurgical"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    const auto hits = jsonArray(r, &error);
    ASSERT_TRUE(hits && hits->size() == 1);
    EXPECT_EQ(hits->at(0).toObject().value(QStringLiteral("page")).toInt(), 2);

    r = cli({QStringLiteral("detach"), QStringLiteral("roffe2002_rct"), sha.left(12)});
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    EXPECT_TRUE(r.outText().startsWith(QStringLiteral("detached roffe.pdf"))) << str(r.outText());
    r = cli({QStringLiteral("attachments"), QStringLiteral("roffe2002_rct")});
    EXPECT_EQ(r.outText(), QStringLiteral("roffe2002_rct has no PDFs attached\n"));
    EXPECT_EQ(showJson(QStringLiteral("roffe2002_rct")).value(QStringLiteral("id")).toString(), QStringLiteral("roffe2002_rct"));
}

TEST_F(PdfCliTest, PdfTextPrintsPagesOrAClearError)
{
    CliResult r = m_runner.run({QStringLiteral("pdf-text"), roffePdf()});
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    EXPECT_TRUE(r.outText().startsWith(QStringLiteral("--- page 1 of 2 ---\nRo"))) << str(r.outText());
    EXPECT_TRUE(r.outText().contains(QStringLiteral("et al. Leg cramps trial\n")));
    EXPECT_TRUE(r.outText().contains(QStringLiteral("--- page 2 of 2 ---\nThe results suggest")));

    const QString empty = m_scratch.filePath(QStringLiteral("empty.pdf"));
    ASSERT_TRUE(writeFileBytes(empty, {}));
    r = m_runner.run({QStringLiteral("pdf-text"), empty});
    EXPECT_TRUE(r.finished);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.out.isEmpty());
    EXPECT_EQ(r.errText(), QStringLiteral("mgreview-cli: %1: the file is empty (0 bytes), not a PDF\n").arg(empty));

    const QString truncated = m_scratch.filePath(QStringLiteral("truncated.pdf"));
    ASSERT_TRUE(writeFileBytes(truncated, readFileBytes(roffePdf()).left(40)));
    r = m_runner.run({QStringLiteral("pdf-text"), truncated});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(truncated + QStringLiteral(": damaged or truncated PDF"))) << str(r.errText());
}

TEST_F(PdfCliTest, LinkPdfsDryRunReportsAndChangesNothing)
{
    const QString folder = m_scratch.filePath(QStringLiteral("inbox"));
    ASSERT_TRUE(QDir().mkpath(folder));
    ASSERT_TRUE(writeTestPdf(QDir(folder).filePath(QStringLiteral("sebo.pdf")), TestPdf{{{QStringLiteral("doi: 10.1093/fampra/cmt065")}}, {}, {}}));
    ASSERT_TRUE(writeTestPdf(QDir(folder).filePath(QStringLiteral("garrison.pdf")),
                             TestPdf{{{QStringLiteral("Magnesium for skeletal muscle cramps")}}, {}, {}}));
    CliResult r = cli({QStringLiteral("link-pdfs"), folder, QStringLiteral("--dry-run")});
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    EXPECT_TRUE(r.outText().contains(QStringLiteral("ambiguous  %1/garrison.pdf -> one of garrison2012_cochrane, garrison2020_cochrane (title): not linked").arg(folder))) << str(r.outText());
    EXPECT_TRUE(r.outText().contains(QStringLiteral("matched    %1/sebo.pdf -> sebo2014_sr (DOI on page 1 10.1093/fampra/cmt065)").arg(folder))) << str(r.outText());
    EXPECT_TRUE(r.errText().contains(QStringLiteral("1 matched (0 attached, dry run), 1 ambiguous, 0 unmatched, 0 unreadable"))) << str(r.errText());
    r = cli({QStringLiteral("attachments"), QStringLiteral("sebo2014_sr")});
    EXPECT_EQ(r.outText(), QStringLiteral("sebo2014_sr has no PDFs attached\n"));

    r = cli({QStringLiteral("link-pdfs"), folder, QStringLiteral("--link")});
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    r = cli({QStringLiteral("attachments"), QStringLiteral("sebo2014_sr"), QStringLiteral("--format"), QStringLiteral("json")});
    QString error;
    const auto list = jsonArray(r, &error);
    ASSERT_TRUE(list && list->size() == 1) << str(r.outText());
    EXPECT_EQ(list->at(0).toObject().value(QStringLiteral("storage")).toString(), QStringLiteral("linked"));
}

TEST_F(PdfCliTest, UsageErrors)
{
    expectUsageError(cli({QStringLiteral("attach"), QStringLiteral("roffe2002_rct")}), QStringLiteral("'attach' needs the PDF file"));
    expectUsageError(cli({QStringLiteral("detach"), QStringLiteral("roffe2002_rct")}), QStringLiteral("'detach' needs the PDF's SHA-256"));
    expectUsageError(cli({QStringLiteral("verify-quotes"), QStringLiteral("--format"), QStringLiteral("csv")}),
                     QStringLiteral("'verify-quotes' writes table or json"));
    expectUsageError(cli({QStringLiteral("pdf-text")}), QStringLiteral("'pdf-text' needs a PDF file"));
    expectUsageError(cli({QStringLiteral("list"), QStringLiteral("--label"), QStringLiteral("x")}),
                     QStringLiteral("option '--label' does not apply to 'list'"));
    // flag keeps its own --link VALUE.
    const CliResult r = cli({QStringLiteral("attach"), QStringLiteral("no_such_study"), roffePdf()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.errText().contains(QStringLiteral("no study with id 'no_such_study'"))) << str(r.errText());
}
