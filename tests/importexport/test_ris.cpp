// RIS dialects and broken RIS files (fixtures written here).
#include "importtesthelpers.h"

namespace mgreview::testing {
namespace {

ReadResult ris(const QByteArray &bytes)
{
    return readText(bytes, ImportFormat::Ris, QStringLiteral("refs.ris"));
}

const QByteArray kZotero =
    "TY  - JOUR\n"
    "TI  - Magnesium for skeletal muscle cramps\n"
    "AU  - Garrison, Scott R.\n"
    "AU  - Korownyk, Christina S.\n"
    "T2  - Cochrane Database of Systematic Reviews\n"
    "DA  - 2020/09/21/\n"
    "PY  - 2020\n"
    "VL  - 9\n"
    "SP  - CD009402\n"
    "DO  - 10.1002/14651858.CD009402.pub3\n"
    "AB  - Background: skeletal muscle cramps are common.\n"
    "KW  - Magnesium\n"
    "KW  - Muscle Cramp\n"
    "ER  - \n"
    "\n";

TEST(RisReader, ZoteroRecord)
{
    const ReadResult r = ris(kZotero);
    ASSERT_EQ(r.records.size(), 1) << issuesText(r);
    EXPECT_TRUE(r.issues.isEmpty()) << issuesText(r);
    const Study &s = r.records.at(0).study;
    EXPECT_EQ(s.citation.title, QStringLiteral("Magnesium for skeletal muscle cramps"));
    EXPECT_EQ(s.citation.authors, (QStringList{QStringLiteral("Garrison SR"), QStringLiteral("Korownyk CS")}));
    EXPECT_EQ(s.citation.journal, QStringLiteral("Cochrane Database of Systematic Reviews"));
    EXPECT_EQ(s.citation.year, 2020);
    EXPECT_EQ(s.citation.volume, QStringLiteral("9"));
    EXPECT_EQ(s.citation.pages, QStringLiteral("CD009402"));
    EXPECT_EQ(s.ids.doi, QStringLiteral("10.1002/14651858.CD009402.pub3"));
    EXPECT_EQ(s.abstract, QStringLiteral("Background: skeletal muscle cramps are common."));
    EXPECT_EQ(s.keywords, (QStringList{QStringLiteral("Magnesium"), QStringLiteral("Muscle Cramp")}));
    EXPECT_EQ(s.publicationTypes, QStringList{QStringLiteral("Journal Article")});
    EXPECT_TRUE(s.id.isEmpty()) << "ids are given by the import plan";
    EXPECT_TRUE(s.design.isEmpty());
    EXPECT_TRUE(s.direction.isEmpty());
    EXPECT_FALSE(s.citation.text.isEmpty());
    EXPECT_EQ(r.records.at(0).line, 1);
}

TEST(RisReader, LineEndsAndBomDoNotMatter)
{
    QByteArray crlf = kZotero;
    crlf.replace("\n", "\r\n");
    QByteArray cr = kZotero;
    cr.replace("\n", "\r");
    const QByteArray bom = "\xEF\xBB\xBF" + kZotero;
    const Study reference = ris(kZotero).records.at(0).study;
    for (const QByteArray &variant : {crlf, cr, bom}) {
        const ReadResult r = ris(variant);
        ASSERT_EQ(r.records.size(), 1) << issuesText(r);
        EXPECT_TRUE(r.issues.isEmpty()) << issuesText(r);
        EXPECT_EQ(r.records.at(0).study, reference);
    }
}

TEST(RisReader, OvidNumberLinesAndTrailers)
{
    const QByteArray ovid =
        "1.\n"
        "TY  - JOUR\n"
        "T1  - First trial\n"
        "A1  - Roffe, C\n"
        "Y1  - 2002//\n"
        "N2  - Abstract in N2.\n"
        "JF  - Journal A\n"
        "DO  - http://dx.doi.org/10.1000/first\n"
        "ER  -\n"
        "NL  - J A\n"
        "\n"
        "Link to the Ovid Full Text or citation: http://example.org/x\n"
        "\n"
        "2.\n"
        "TY  - JOUR\n"
        "T1  - Second trial\n"
        "ER  -\n";
    const ReadResult r = ris(ovid);
    ASSERT_EQ(r.records.size(), 2) << issuesText(r);
    EXPECT_TRUE(r.issues.isEmpty()) << issuesText(r);
    EXPECT_EQ(r.records.at(0).study.abstract, QStringLiteral("Abstract in N2."));
    EXPECT_EQ(r.records.at(0).study.ids.doi, QStringLiteral("10.1000/first"));
    EXPECT_EQ(r.records.at(0).study.citation.year, 2002);
    EXPECT_EQ(r.records.at(1).line, 15);
}

TEST(RisReader, RayyanUntaggedContinuationLines)
{
    const QByteArray rayyan =
        "TY  - JOUR\n"
        "KW  - Magnesium\n"
        "Muscle Cramp\n"
        "Pregnancy\n"
        "AB  - First line of the abstract\n"
        "continues here.\n"
        "AD  - Some address\n"
        "Another address line\n"
        "TI  - Title\n"
        "ER  -\n";
    const ReadResult r = ris(rayyan);
    ASSERT_EQ(r.records.size(), 1) << issuesText(r);
    EXPECT_TRUE(r.issues.isEmpty()) << issuesText(r);
    const Study &s = r.records.at(0).study;
    EXPECT_EQ(s.keywords, (QStringList{QStringLiteral("Magnesium"), QStringLiteral("Muscle Cramp"), QStringLiteral("Pregnancy")}));
    EXPECT_EQ(s.abstract, QStringLiteral("First line of the abstract continues here."));
    EXPECT_EQ(s.citation.title, QStringLiteral("Title"));
}

TEST(RisReader, PubmedIdsFromEndNoteAndZotero)
{
    const QByteArray endnote =
        "TY  - JOUR\nTI  - A\nAN  - 12345678\nDB  - PubMed\nER  - \n"
        "TY  - JOUR\nTI  - B\nN1  - PMID: 23456789\nER  - \n"
        "TY  - JOUR\nTI  - C\nAN  - WOS:000123\nER  - \n";
    const ReadResult r = ris(endnote);
    ASSERT_EQ(r.records.size(), 3) << issuesText(r);
    EXPECT_EQ(r.records.at(0).study.ids.pmid, QStringLiteral("12345678"));
    EXPECT_EQ(r.records.at(1).study.ids.pmid, QStringLiteral("23456789"));
    EXPECT_TRUE(r.records.at(2).study.ids.pmid.isEmpty());
}

TEST(RisReader, EmptyFileIsAnError)
{
    const ReadResult r = ris(QByteArray());
    EXPECT_TRUE(r.records.isEmpty());
    ASSERT_EQ(r.issues.size(), 1);
    EXPECT_TRUE(r.issues.at(0).reason.contains(QStringLiteral("empty")));
    const ReadResult blank = ris("\n\n   \n");
    EXPECT_TRUE(blank.records.isEmpty());
    EXPECT_FALSE(blank.issues.isEmpty());
}

TEST(RisReader, MissingErIsReportedAndTheRecordKept)
{
    const QByteArray text =
        "TY  - JOUR\nTI  - No end\nAU  - Smith, J\n"
        "TY  - JOUR\nTI  - Next\nER  - \n"
        "TY  - JOUR\nTI  - Last without end\n";
    const ReadResult r = ris(text);
    ASSERT_EQ(r.records.size(), 3) << issuesText(r);
    EXPECT_TRUE(hasIssue(r, 1, QStringLiteral("no ER line before the next TY (line 4)"))) << issuesText(r);
    EXPECT_TRUE(hasIssue(r, 7, QStringLiteral("before the end of the file"))) << issuesText(r);
}

TEST(RisReader, JunkLinesAreReportedWithTheirLine)
{
    const QByteArray text =
        "Exported from somewhere on Monday\n"
        "TY  - JOUR\nTI  - Good record\nER  - \n"
        "this is junk\nand more junk\n"
        "\n"
        "TY  - JOUR\nTI  - Second good\nER  - \n"
        "ER  - \n";
    const ReadResult r = ris(text);
    ASSERT_EQ(r.records.size(), 2) << issuesText(r);
    EXPECT_TRUE(hasIssue(r, 1, QStringLiteral("outside a record"))) << issuesText(r);
    EXPECT_TRUE(hasIssue(r, 5, QStringLiteral("2 lines outside a record"))) << issuesText(r);
    EXPECT_TRUE(hasIssue(r, 11, QStringLiteral("ER line outside a record"))) << issuesText(r);
}

TEST(RisReader, DuplicateTagsKeepTheFirstValue)
{
    const ReadResult r = ris("TY  - JOUR\nTI  - First title\nTI  - Second title\nPY  - 99\nPY  - 2001\nER  - \n");
    ASSERT_EQ(r.records.size(), 1);
    EXPECT_EQ(r.records.at(0).study.citation.title, QStringLiteral("First title"));
    EXPECT_EQ(r.records.at(0).study.citation.year, 2001);
    EXPECT_TRUE(hasIssue(r, 3, QStringLiteral("second TI"))) << issuesText(r);
}

TEST(RisReader, VeryLongAuthorListsAreKeptWhole)
{
    QByteArray text = "TY  - JOUR\nTI  - Consortium paper\n";
    for (int i = 0; i < 3000; ++i)
        text += "AU  - Author" + QByteArray::number(i) + ", A\n";
    text += "ER  - \n";
    const ReadResult r = ris(text);
    ASSERT_EQ(r.records.size(), 1) << issuesText(r);
    EXPECT_EQ(r.records.at(0).study.citation.authors.size(), 3000);
    EXPECT_EQ(r.records.at(0).study.citation.authors.last(), QStringLiteral("Author2999 A"));
    EXPECT_TRUE(r.records.at(0).study.citation.text.contains(QStringLiteral("et al")));
}

TEST(RisReader, InvalidUtf8IsReportedAndTheRecordRead)
{
    const ReadResult r = ris("TY  - JOUR\nTI  - Caf\xE9\xFF title\nER  - \nTY  - JOUR\nTI  - Fine\nER  - \n");
    ASSERT_EQ(r.records.size(), 2) << issuesText(r);
    EXPECT_TRUE(hasIssue(r, 2, QStringLiteral("invalid UTF-8"))) << issuesText(r);
    EXPECT_TRUE(r.records.at(0).study.citation.title.startsWith(QStringLiteral("Café"))) << u8(r.records.at(0).study.citation.title);
}

TEST(RisReader, RecordsWithNothingToIdentifyThemAreSkipped)
{
    const ReadResult r = ris("TY  - GEN\nN1  - Reference Type: Generic\nER  - \nTY  - GEN\nER  - \n");
    EXPECT_TRUE(r.records.isEmpty());
    EXPECT_TRUE(hasIssue(r, 1, QStringLiteral("no title, authors, abstract"))) << issuesText(r);
}

TEST(RisReader, BigFilesAreReadInParallelWithTheSameResult)
{
    // Over 4 MB: the reader splits the text at ER lines and numbers lines across the parts.
    QByteArray text;
    int n = 0;
    while (text.size() < 6 * 1024 * 1024) {
        text += "TY  - JOUR\nTI  - Record " + QByteArray::number(n) + "\nAB  - " + QByteArray(200, 'x') +
                "\nDO  - 10.5555/r" + QByteArray::number(n) + "\nER  - \n\n";
        ++n;
    }
    text += "junk at the end\n";
    const ReadResult r = ris(text);
    ASSERT_EQ(r.records.size(), n) << issuesText(r);
    for (int i = 0; i < n; i += 997) {
        EXPECT_EQ(r.records.at(i).study.citation.title, QStringLiteral("Record %1").arg(i));
        EXPECT_EQ(r.records.at(i).line, 1 + 6 * i);
    }
    ASSERT_EQ(r.issues.size(), 1);
    EXPECT_EQ(r.issues.at(0).line, 1 + 6 * n);
}

} // namespace
} // namespace mgreview::testing
