// BibTeX: macros, crossref, LaTeX, encodings, broken entries.
#include "importtesthelpers.h"

#include <QStringEncoder>

namespace mgreview::testing {
namespace {

ReadResult bib(const QByteArray &bytes)
{
    return readText(bytes, ImportFormat::Bibtex, QStringLiteral("refs.bib"));
}

TEST(BibtexReader, ArticleWithLatexMacrosAndConcatenation)
{
    const QByteArray text =
        "% a comment line\n"
        "@string{cdsr = \"Cochrane Database of \"}\n"
        "@STRING(sr = {Systematic Reviews})\n"
        "@preamble{\"\\newcommand{\\noop}[1]{}\"}\n"
        "@Article{garrison2020,\n"
        "  author = {Garrison, Scott R. and Korownyk, Christina S. and M{\\\"u}ller, K. and {Cochrane Group}},\n"
        "  title = {Magnesium for {Skeletal} Muscle Cramps},\n"
        "  journal = cdsr # sr,\n"
        "  year = 2020, month = sep,\n"
        "  volume = \"9\", number = {9}, pages = {CD009402--CD009410},\n"
        "  doi = {https://doi.org/10.1002/14651858.CD009402.pub3},\n"
        "  pmid = {32956536},\n"
        "  keywords = {magnesium; cramps},\n"
        "  abstract = {Cramps are common \\& painful.},\n"
        "}\n";
    const ReadResult r = bib(text);
    ASSERT_EQ(r.records.size(), 1) << issuesText(r);
    EXPECT_TRUE(r.issues.isEmpty()) << issuesText(r);
    const Study &s = r.records.at(0).study;
    EXPECT_EQ(s.citation.title, QStringLiteral("Magnesium for Skeletal Muscle Cramps"));
    EXPECT_EQ(s.citation.authors, (QStringList{QStringLiteral("Garrison SR"), QStringLiteral("Korownyk CS"),
                                               QStringLiteral("Müller K"), QStringLiteral("Cochrane Group")}));
    EXPECT_EQ(s.citation.journal, QStringLiteral("Cochrane Database of Systematic Reviews"));
    EXPECT_EQ(s.citation.year, 2020);
    EXPECT_EQ(s.citation.issue, QStringLiteral("9"));
    EXPECT_EQ(s.citation.pages, QStringLiteral("CD009402-CD009410"));
    EXPECT_EQ(s.ids.doi, QStringLiteral("10.1002/14651858.CD009402.pub3"));
    EXPECT_EQ(s.ids.pmid, QStringLiteral("32956536"));
    EXPECT_EQ(s.keywords, (QStringList{QStringLiteral("magnesium"), QStringLiteral("cramps")}));
    EXPECT_EQ(s.abstract, QStringLiteral("Cramps are common & painful."));
    EXPECT_EQ(r.records.at(0).line, 5);
}

TEST(BibtexReader, CrossrefInheritsMissingFields)
{
    const QByteArray text =
        "@InProceedings{paper, author = {Doe, Jane}, title = {A talk}, crossref = {conf}, pages = {1--2}}\n"
        "@Proceedings{conf, title = {Proceedings of the Cramp Conference}, year = {2011}, publisher = {P}}\n";
    const ReadResult r = bib(text);
    ASSERT_EQ(r.records.size(), 2) << issuesText(r);
    const Study &paper = r.records.at(0).study;
    EXPECT_EQ(paper.citation.title, QStringLiteral("A talk"));
    EXPECT_EQ(paper.citation.year, 2011);
    EXPECT_EQ(paper.citation.journal, QStringLiteral("Proceedings of the Cramp Conference"));
}

TEST(BibtexReader, UnknownCrossrefAndMacroAreReported)
{
    const ReadResult r = bib("@article{a, title = {T}, journal = nomacro, crossref = {missing}}\n");
    ASSERT_EQ(r.records.size(), 1);
    EXPECT_TRUE(hasIssue(r, 1, QStringLiteral("undefined @string macro 'nomacro'"))) << issuesText(r);
    EXPECT_TRUE(hasIssue(r, 1, QStringLiteral("crossref 'missing'"))) << issuesText(r);
}

TEST(BibtexReader, Utf16AndLatin1Files)
{
    const QString text = QStringLiteral("@article{k, author = {Ørsted, Hans}, title = {Über Krämpfe}, year = 1820}\n");
    for (const auto encoding : {QStringConverter::Utf16LE, QStringConverter::Utf16BE}) {
        for (const bool bom : {false, true}) {
            QStringEncoder encoder(encoding, bom ? QStringConverter::Flag::WriteBom : QStringConverter::Flag::Default);
            const ReadResult r = bib(encoder(text));
            ASSERT_EQ(r.records.size(), 1) << issuesText(r);
            EXPECT_EQ(r.records.at(0).study.citation.title, QStringLiteral("Über Krämpfe"));
            EXPECT_EQ(r.records.at(0).study.citation.authors.at(0), QStringLiteral("Ørsted H"));
        }
    }
    QStringEncoder latin1(QStringConverter::Latin1);
    const ReadResult r = bib(latin1(text));
    ASSERT_EQ(r.records.size(), 1) << issuesText(r);
    EXPECT_TRUE(r.issues.isEmpty()) << issuesText(r);
    EXPECT_EQ(r.records.at(0).study.citation.title, QStringLiteral("Über Krämpfe"));
}

TEST(BibtexReader, BrokenEntriesAreSkippedAndReadingGoesOn)
{
    const QByteArray text =
        "@article{open, title = {Never closed\n"
        "@article{good1, title = {Good one}}\n"
        "@article{noequals, title {x}}\n"
        "@article{good2, title = \"Good two\"}\n"
        "@misc{empty, note = {only a note}}\n"
        "@Comment this is an unbraced comment\n"
        "@article{unclosed, title = {Last}\n";
    const ReadResult r = bib(text);
    ASSERT_EQ(r.records.size(), 2) << issuesText(r);
    EXPECT_EQ(r.records.at(0).study.citation.title, QStringLiteral("Good one"));
    EXPECT_EQ(r.records.at(1).study.citation.title, QStringLiteral("Good two"));
    EXPECT_TRUE(hasIssue(r, 1, QStringLiteral("unbalanced braces"))) << issuesText(r);
    EXPECT_TRUE(hasIssue(r, 3, QStringLiteral("field = value"))) << issuesText(r);
    EXPECT_TRUE(hasIssue(r, 5, QStringLiteral("no title, author"))) << issuesText(r);
    EXPECT_TRUE(hasIssue(r, 7, QStringLiteral("not closed"))) << issuesText(r);
}

TEST(BibtexReader, DuplicateFieldsKeepTheFirst)
{
    const ReadResult r = bib("@article{d,\n title = {One},\n title = {Two}\n}\n");
    ASSERT_EQ(r.records.size(), 1);
    EXPECT_EQ(r.records.at(0).study.citation.title, QStringLiteral("One"));
    EXPECT_TRUE(hasIssue(r, 3, QStringLiteral("second 'title'"))) << issuesText(r);
}

TEST(BibtexReader, EmptyFile)
{
    EXPECT_FALSE(bib(QByteArray()).issues.isEmpty());
    const ReadResult comments = bib("% nothing but comments\n");
    EXPECT_TRUE(comments.records.isEmpty());
    EXPECT_FALSE(comments.issues.isEmpty());
}

} // namespace
} // namespace mgreview::testing
