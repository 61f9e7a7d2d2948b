// Text extraction and search by page, the background indexer, quote verification on
// generated PDFs and linking a folder of PDFs by DOI and title.
#include "pdffixture.h"

#include "pdf/attachmentstore.h"
#include "pdf/pdfindexer.h"
#include "pdf/pdfindexing.h"
#include "pdf/pdflinker.h"
#include "pdf/pdftextstore.h"
#include "pdf/quotecheck.h"

#include <QSignalSpy>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

const QString kRoffe = QStringLiteral("roffe2002_rct");
const QString kDahle = QStringLiteral("dahle1995_rct");

class PdfTextTest : public PdfLibraryTest
{
protected:
    Attachment attach(const QString &studyId, const QString &path, const QString &label = {})
    {
        QString error;
        const auto result = AttachmentStore(database()).attach(studyId, path, label, AttachmentStorage::Stored, &error);
        EXPECT_TRUE(result) << str(error);
        return result ? result->attachment : Attachment();
    }
    /// Roffe's conclusion on page 2, broken over lines with words hyphenated at line ends.
    QString roffePdf()
    {
        TestPdf pdf;
        pdf.pages = {{QStringLiteral("Randomised, cross-over, placebo controlled trial"), QStringLiteral("Methods: thirty-eight patients.")},
                     {QStringLiteral("Discussion"),
                      QStringLiteral("The results suggest that magne-"),
                      QStringLiteral("sium may be effective in treatment of noc-"),
                      QStringLiteral("turnal leg cramps. Further evaluation is"),
                      QStringLiteral("recommended. Quinine remains an alternative.")}};
        return makePdf(QStringLiteral("roffe.pdf"), pdf);
    }
};

} // namespace

TEST_F(PdfTextTest, IndexedTextIsSearchableByPage)
{
    const Attachment a = attach(kRoffe, roffePdf());
    QString error;
    const auto todo = attachmentsToIndex(database(), &error);
    ASSERT_TRUE(todo) << str(error);
    ASSERT_EQ(todo->size(), 1);
    const PdfIndexOutcome outcome = indexPdfText(database(), todo->constFirst());
    ASSERT_TRUE(outcome.indexed) << str(outcome.message);
    EXPECT_EQ(outcome.pages, 2);

    PdfTextStore texts(database());
    EXPECT_EQ(texts.status(a.sha256, &error), QStringLiteral("indexed"));
    const auto pages = texts.pages(a.sha256, &error);
    ASSERT_TRUE(pages);
    ASSERT_EQ(pages->size(), 2);
    EXPECT_TRUE(pages->at(1).contains(QStringLiteral("Quinine")));

    const auto hits = texts.search(QStringLiteral("quinine alternat"), &error);
    ASSERT_TRUE(hits) << str(error);
    ASSERT_EQ(hits->size(), 1);
    EXPECT_EQ(hits->at(0).studyId, kRoffe);
    EXPECT_EQ(hits->at(0).page, 2);
    EXPECT_EQ(hits->at(0).fileName, QStringLiteral("roffe.pdf"));
    EXPECT_TRUE(hits->at(0).snippet.contains(QStringLiteral("Quinine"))) << str(hits->at(0).snippet);
    // Words on different pages are not a page hit.
    EXPECT_TRUE(texts.search(QStringLiteral("quinine thirty"), &error)->isEmpty());
    const auto keys = texts.matchingStudyKeys(QStringLiteral("Quinine"), &error);
    ASSERT_TRUE(keys);
    EXPECT_EQ(keys->size(), 1);
    EXPECT_FALSE(texts.search(QStringLiteral(" ,; "), &error));

    // Detaching the last use removes the text from the search.
    ASSERT_TRUE(AttachmentStore(database()).detach(kRoffe, a.sha256, &error)) << str(error);
    EXPECT_TRUE(texts.search(QStringLiteral("quinine"), &error)->isEmpty());
}

TEST_F(PdfTextTest, BackgroundIndexerReportsProgressAndFailures)
{
    attach(kRoffe, roffePdf());
    attach(kDahle, makePdf(QStringLiteral("dahle.pdf"), {QStringLiteral("Pregnancy leg cramps")}));
    // A stored file damaged after attaching: indexing records why instead of crashing.
    const Attachment broken = attach(QStringLiteral("frusso1999_rct"), makePdf(QStringLiteral("frusso.pdf"), {QStringLiteral("x")}));
    ASSERT_TRUE(writeFileBytes(broken.filePath, "garbage"));

    PdfIndexer indexer(database());
    QSignalSpy progress(&indexer, &PdfIndexer::progress);
    QSignalSpy finished(&indexer, &PdfIndexer::finished);
    indexer.startPending();
    EXPECT_TRUE(indexer.isRunning() || finished.size() == 1);
    ASSERT_TRUE(finished.size() == 1 || finished.wait(60000));
    EXPECT_EQ(progress.size(), 3);
    EXPECT_EQ(progress.last().at(0).toInt(), 3);
    EXPECT_EQ(finished.first().at(0).toInt(), 2); // indexed
    EXPECT_EQ(finished.first().at(1).toInt(), 1); // failed
    EXPECT_FALSE(finished.first().at(2).toBool());

    QString error;
    const auto list = AttachmentStore(database()).attachments(QStringLiteral("frusso1999_rct"), &error);
    ASSERT_TRUE(list && list->size() == 1);
    EXPECT_EQ(list->at(0).textStatus, QStringLiteral("failed"));
    EXPECT_TRUE(list->at(0).textMessage.contains(QStringLiteral("not a PDF"))) << str(list->at(0).textMessage);
    // Nothing left to do.
    EXPECT_TRUE(attachmentsToIndex(database(), &error)->isEmpty());
}

TEST_F(PdfTextTest, IndexerCanReadEachPdfInAChildProcess)
{
    const Attachment good = attach(kRoffe, roffePdf());
    const Attachment broken = attach(kDahle, makePdf(QStringLiteral("dahle.pdf"), {QStringLiteral("x")}));
    ASSERT_TRUE(writeFileBytes(broken.filePath, readFileBytes(roffePdf()).left(60)));
    PdfIndexer indexer(database());
    PdfExtractionOptions options;
    options.helperProgram = QStringLiteral(MGREVIEW_CLI_PATH);
    options.timeoutSeconds = 60;
    indexer.setExtractionOptions(options);
    QSignalSpy outcomes(&indexer, &PdfIndexer::fileIndexed);
    QSignalSpy finished(&indexer, &PdfIndexer::finished);
    indexer.startPending();
    ASSERT_TRUE(finished.size() == 1 || finished.wait(120000));
    EXPECT_EQ(finished.first().at(0).toInt(), 1);
    EXPECT_EQ(finished.first().at(1).toInt(), 1);
    QString error;
    const auto pages = PdfTextStore(database()).pages(good.sha256, &error);
    ASSERT_TRUE(pages && pages->size() == 2);
    EXPECT_TRUE(pages->at(1).contains(QStringLiteral("Quinine")));
    const auto dahle = AttachmentStore(database()).attachments(kDahle, &error);
    ASSERT_TRUE(dahle && dahle->size() == 1);
    EXPECT_EQ(dahle->at(0).textStatus, QStringLiteral("failed"));
    EXPECT_TRUE(dahle->at(0).textMessage.contains(broken.filePath)) << str(dahle->at(0).textMessage);
}

TEST_F(PdfTextTest, CancelledIndexerStoresNothingHalfDone)
{
    const QStringList ids{kRoffe, kDahle, QStringLiteral("frusso1999_rct"), QStringLiteral("nygaard2008_rct")};
    for (int i = 0; i < 4; ++i) {
        TestPdf pdf;
        for (int p = 0; p < 20; ++p)
            pdf.pages.append({QStringLiteral("Document %1 page %2 text about magnesium").arg(i).arg(p)});
        attach(ids.at(i), makePdf(QStringLiteral("many%1.pdf").arg(i), pdf));
    }
    PdfIndexer indexer(database());
    QSignalSpy finished(&indexer, &PdfIndexer::finished);
    indexer.startPending();
    indexer.cancel();
    ASSERT_TRUE(finished.size() == 1 || finished.wait(60000));
    EXPECT_TRUE(finished.first().at(2).toBool());
    QString error;
    const auto all = AttachmentStore(database()).all(&error);
    for (const Attachment &a : *all) {
        const auto pages = PdfTextStore(database()).pages(a.sha256, &error);
        // Either whole or not at all.
        EXPECT_TRUE(pages->isEmpty() || pages->size() == 20) << pages->size();
        EXPECT_EQ(pages->isEmpty(), a.textStatus == u"pending");
    }
}

TEST_F(PdfTextTest, QuotesVerifiedPartialAndNotFound)
{
    attach(kRoffe, roffePdf());
    // Dahle's conclusion with two words changed: partial.
    attach(kDahle, makePdf(QStringLiteral("dahle.pdf"),
                           wrapLines(QStringLiteral("Abstract. Oral magnesium supplementation seems to be a useful therapeutic "
                                                    "tool in the treatment of pregnancy-induced leg cramps. Twenty women."),
                                     50)));
    attach(QStringLiteral("garrison2020_cochrane"), makePdf(QStringLiteral("garrison.pdf"),
                                                            {QStringLiteral("An unrelated document about vitamin D and sleep.")}));
    QuoteCheckService service(database());
    QString error;

    const auto roffe = service.verify(study(kRoffe), &error);
    ASSERT_TRUE(roffe) << str(error);
    ASSERT_EQ(roffe->size(), 1);
    EXPECT_EQ(roffe->at(0).match.status, QuoteStatus::Verified);
    EXPECT_EQ(roffe->at(0).match.page, 2);
    EXPECT_GE(roffe->at(0).match.position, 0);

    const auto dahle = service.verify(study(kDahle), &error);
    ASSERT_TRUE(dahle) << str(error);
    ASSERT_EQ(dahle->size(), 1);
    EXPECT_EQ(dahle->at(0).match.status, QuoteStatus::Partial);
    EXPECT_GE(dahle->at(0).match.similarity, 0.8);
    EXPECT_TRUE(dahle->at(0).match.passage.contains(QStringLiteral("useful therapeutic"))) << str(dahle->at(0).match.passage);

    const auto garrison = service.verify(study(QStringLiteral("garrison2020_cochrane")), &error);
    ASSERT_TRUE(garrison) << str(error);
    ASSERT_EQ(garrison->size(), 1);
    EXPECT_EQ(garrison->at(0).match.status, QuoteStatus::NotFound);

    // Stored with their time, for the conclusion pane.
    const auto stored = service.stored(kDahle, &error);
    ASSERT_TRUE(stored) << str(error);
    ASSERT_EQ(stored->size(), 1);
    EXPECT_EQ(stored->at(0).match.status, QuoteStatus::Partial);
    EXPECT_EQ(stored->at(0).pdfFileName, QStringLiteral("dahle.pdf"));
    EXPECT_FALSE(stored->at(0).checkedAt.isEmpty());
    EXPECT_NEAR(stored->at(0).match.similarity, dahle->at(0).match.similarity, 1e-9);
}

TEST_F(PdfTextTest, LinkFolderByDoiAndTitleNeverLinkingWhenAmbiguous)
{
    const QString folder = m_files.filePath(QStringLiteral("inbox"));
    TestPdf metadata;
    metadata.pages = {{QStringLiteral("A review with its DOI in the XMP metadata only")}};
    metadata.xmp = xmpWithDoi(QStringLiteral("10.1002/14651858.CD009402.pub3"));
    makePdf(QStringLiteral("a-metadata.pdf"), metadata, folder);
    makePdf(QStringLiteral("b-text.pdf"), {QStringLiteral("Nutrition Journal"), QStringLiteral("https://doi.org/10.1186/S12937-021-00747-9.")}, folder);
    makePdf(QStringLiteral("c-title.pdf"),
            {QStringLiteral("Oral magnesium supplementation for leg cramps in pregnancy—"), QStringLiteral("An observational controlled trial")},
            folder);
    makePdf(QStringLiteral("d-same-title.pdf"), {QStringLiteral("Magnesium for skeletal muscle cramps")}, folder);
    makePdf(QStringLiteral("e-two-dois.pdf"), {QStringLiteral("doi:10.1093/fampra/cmt065 and doi:10.1001/jamainternmed.2016.9261")}, folder);
    makePdf(QStringLiteral("f-unknown.pdf"), {QStringLiteral("doi:10.5555/12345678 about something else")}, folder);
    ASSERT_TRUE(writeFileBytes(QDir(folder).filePath(QStringLiteral("g-broken.pdf")), "not a pdf"));

    PdfLinker linker(database());
    QString error;
    std::optional<QVector<PdfLinkResult>> results = linker.scan(folder, &error);
    ASSERT_TRUE(results) << str(error);
    ASSERT_EQ(results->size(), 7);
    auto at = [&](int i) { return results->at(i); };
    EXPECT_EQ(at(0).outcome, PdfLinkResult::Outcome::Matched);
    EXPECT_EQ(at(0).studyId, QStringLiteral("garrison2020_cochrane"));
    EXPECT_EQ(at(0).how, QStringLiteral("DOI in metadata"));
    EXPECT_EQ(at(1).outcome, PdfLinkResult::Outcome::Matched);
    EXPECT_EQ(at(1).studyId, QStringLiteral("barna2021_rct"));
    EXPECT_EQ(at(1).how, QStringLiteral("DOI on page 1"));
    EXPECT_EQ(at(2).outcome, PdfLinkResult::Outcome::Matched);
    EXPECT_EQ(at(2).studyId, QStringLiteral("araujo2020_plosone"));
    EXPECT_EQ(at(2).how, QStringLiteral("title"));
    EXPECT_EQ(at(3).outcome, PdfLinkResult::Outcome::Ambiguous);
    EXPECT_EQ(at(3).candidates, (QStringList{QStringLiteral("garrison2012_cochrane"), QStringLiteral("garrison2020_cochrane")}));
    EXPECT_EQ(at(4).outcome, PdfLinkResult::Outcome::Ambiguous);
    EXPECT_EQ(at(4).candidates.size(), 2);
    EXPECT_EQ(at(5).outcome, PdfLinkResult::Outcome::Unmatched);
    EXPECT_EQ(at(6).outcome, PdfLinkResult::Outcome::Unreadable);
    EXPECT_TRUE(at(6).message.contains(QStringLiteral("g-broken.pdf")));

    // Scanning wrote nothing; applying links the matched three only.
    EXPECT_TRUE(AttachmentStore(database()).all(&error)->isEmpty());
    linker.apply(*results, AttachmentStorage::Stored);
    const auto all = AttachmentStore(database()).all(&error);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 3);
    QStringList linked;
    for (const Attachment &a : *all)
        linked.append(a.studyId);
    EXPECT_EQ(linked, (QStringList{QStringLiteral("araujo2020_plosone"), QStringLiteral("barna2021_rct"),
                                   QStringLiteral("garrison2020_cochrane")}));
}
