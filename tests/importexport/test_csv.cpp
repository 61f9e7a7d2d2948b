// CSV / TSV exports: delimiters, quoting, header mappings.
#include "importtesthelpers.h"

namespace mgreview::testing {
namespace {

TEST(CsvReader, ZoteroExportWithBomAndQuotes)
{
    const QByteArray text =
        "\xEF\xBB\xBF\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"DOI\","
        "\"Abstract Note\",\"Manual Tags\"\n"
        "\"K1\",\"journalArticle\",\"2012\",\"Garrison, Scott R.; Allan, G. Michael\",\"Magnesium for \"\"cramps\"\"\","
        "\"Cochrane Database Syst Rev\",\"10.1002/14651858.CD009402.pub2\",\"Line one,\nline two\",\"magnesium; cramps\"\n"
        "\"K2\",\"journalArticle\",\"2019\",\"Doe, Jane\",\"Second\",\"J\",\"\",\"\",\"\"\n";
    const ReadResult r = readText(text, ImportFormat::Csv, QStringLiteral("zotero.csv"));
    ASSERT_EQ(r.records.size(), 2) << issuesText(r);
    EXPECT_TRUE(r.issues.isEmpty()) << issuesText(r);
    const Study &s = r.records.at(0).study;
    EXPECT_EQ(s.citation.title, QStringLiteral("Magnesium for \"cramps\""));
    EXPECT_EQ(s.citation.authors, (QStringList{QStringLiteral("Garrison SR"), QStringLiteral("Allan GM")}));
    EXPECT_EQ(s.citation.year, 2012);
    EXPECT_EQ(s.citation.journal, QStringLiteral("Cochrane Database Syst Rev"));
    EXPECT_EQ(s.ids.doi, QStringLiteral("10.1002/14651858.CD009402.pub2"));
    EXPECT_EQ(s.abstract, QStringLiteral("Line one,\nline two"));
    EXPECT_EQ(s.keywords, (QStringList{QStringLiteral("magnesium"), QStringLiteral("cramps")}));
    EXPECT_EQ(s.publicationTypes, QStringList{QStringLiteral("journalArticle")});
    EXPECT_EQ(r.records.at(1).line, 4) << "the quoted line break counts";
}

TEST(CsvReader, ScopusAndEmbaseColumns)
{
    const QByteArray scopus =
        "Authors,Author full names,Title,Year,Source title,Volume,Issue,Page start,Page end,DOI,Abstract,"
        "Funding Details,Funding Text 1,PubMed ID,Document Type\n"
        "\"Smith J., Doe J.A.\",\"Smith, John (1); Doe, Jane A. (2)\",Cramps,2020,J Med,5,2,10,12,10.1/x,Abs,"
        "\"NIH, R01\",\"This work was funded by NIH.\",31234567,Article\n";
    const ReadResult r = readText(scopus, ImportFormat::Csv, QStringLiteral("scopus.csv"));
    ASSERT_EQ(r.records.size(), 1) << issuesText(r);
    const Study &s = r.records.at(0).study;
    EXPECT_EQ(s.citation.authors, (QStringList{QStringLiteral("Smith J"), QStringLiteral("Doe JA")}));
    EXPECT_EQ(s.citation.pages, QStringLiteral("10-12"));
    EXPECT_EQ(s.ids.pmid, QStringLiteral("31234567"));
    EXPECT_EQ(s.funding.statement, QStringLiteral("This work was funded by NIH."));
    EXPECT_TRUE(s.funding.notes.contains(QStringLiteral("NIH, R01")));
    EXPECT_TRUE(s.funding.funders.isEmpty()) << "funders are never guessed from free text";
}

TEST(CsvReader, SemicolonAndTabDelimiters)
{
    const ReadResult semi = readText("title;abstract;doi\nA title;An abstract;10.1/a\n", ImportFormat::Csv);
    ASSERT_EQ(semi.records.size(), 1) << issuesText(semi);
    EXPECT_EQ(semi.records.at(0).study.abstract, QStringLiteral("An abstract"));
    const ReadResult tab = readText("ID\tAuthor\tYear\tTitle\r\n1\tSmith J\t2001\tT one\r\n2\tDoe J\t2002\tT two\r\n",
                                    ImportFormat::Csv);
    ASSERT_EQ(tab.records.size(), 2) << issuesText(tab);
    EXPECT_EQ(tab.records.at(1).study.citation.year, 2002);
}

TEST(CsvReader, ProblemsAreReportedPerRow)
{
    const QByteArray text = "title,abstract\nOne,First\n,\nTwo,Second,extra\n\"Unclosed,quote\n";
    const ReadResult r = readText(text, ImportFormat::Csv, QStringLiteral("p.csv"));
    EXPECT_TRUE(hasIssue(r, 3, QStringLiteral("no title"))) << issuesText(r);
    EXPECT_TRUE(hasIssue(r, 4, QStringLiteral("3 fields, the header 2"))) << issuesText(r);
    EXPECT_TRUE(hasIssue(r, 5, QStringLiteral("never closed"))) << issuesText(r);
    EXPECT_GE(r.records.size(), 2);
}

TEST(CsvReader, UnknownHeaderReadsNothing)
{
    const ReadResult r = readText("a,b,c\n1,2,3\n", ImportFormat::Csv);
    EXPECT_TRUE(r.records.isEmpty());
    EXPECT_TRUE(hasIssue(r, 1, QStringLiteral("no title, abstract, DOI or PMID column"))) << issuesText(r);
}

} // namespace
} // namespace mgreview::testing
