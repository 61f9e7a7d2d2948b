// Readers survive damaged input: deterministic random mutations of small valid files
// (inserted specials, deletions, random bytes) must never crash, hang or lose the file
// name in their messages.
#include "importtesthelpers.h"

#include <random>

namespace mgreview::testing {
namespace {

const QVector<QPair<ImportFormat, QByteArray>> &seeds()
{
    static const QVector<QPair<ImportFormat, QByteArray>> all{
        {ImportFormat::Ris, "1.\r\nTY  - JOUR\r\nTI  - A title\r\nAU  - Smith, J\r\nKW  - a\r\nb\r\nPY  - 2001\r\n"
                            "DO  - 10.1000/x\r\nAB  - text\r\nER  - \r\n\r\nTY  - JOUR\r\nTI  - B\r\nER  - \r\n"},
        {ImportFormat::Bibtex, "@string{j = \"J\"}\n@article{k, author = {M{\\\"u}ller, K. and Doe, J}, title = "
                               "{T {\\'e}}, journal = j # {x}, year = 2001, crossref = {c}}\n@proceedings{c, title = "
                               "{P}, year = 2000}\n"},
        {ImportFormat::Medline, "PMID- 1\nTI  - A title\n      continued\nFAU - Smith, John\nCOIS- none\nGR  - "
                                "1/X/NIH/US\nAID - 10.1/x [doi]\n\nPMID- 2\nTI  - B\n"},
        {ImportFormat::Csv, "title,abstract,authors,doi\n\"A, \"\"q\"\"\",\"x\ny\",\"Smith J; Doe J\",10.1/x\nB,,,\n"},
        {ImportFormat::PubmedXml, "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>"
                                  "<ArticleTitle>T</ArticleTitle><AuthorList><Author><LastName>S</LastName>"
                                  "</Author></AuthorList></Article></MedlineCitation></PubmedArticle>"
                                  "</PubmedArticleSet>"},
    };
    return all;
}

TEST(ImportFuzz, MutatedInputNeverCrashes)
{
    static const QByteArray specials[] = {"{", "}", "\"", "\\", "@", "\n", "\r", QByteArray(1, '\0'), "\xff", "\xc3",
                                          "ER  -", "TY  -", "#", ",", "=", "\t", "PMID- ", "      ", "<", ">", "&"};
    std::mt19937 random(20261202);
    int runs = 0;
    for (const auto &[format, seed] : seeds()) {
        for (int i = 0; i < 400; ++i) {
            QByteArray data = seed;
            const int edits = 1 + int(random() % 12);
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = qsizetype(random() % (data.size() + 1));
                switch (random() % 3) {
                case 0: data.insert(at, specials[random() % std::size(specials)]); break;
                case 1: data.remove(at, qsizetype(1 + random() % 8)); break;
                default: data.insert(at, char(random() % 256)); break;
                }
            }
            const ReadResult r = readImportBytes(data, QStringLiteral("fuzz"), format);
            for (const ImportIssue &issue : r.issues) {
                ASSERT_EQ(issue.file, QStringLiteral("fuzz"));
                ASSERT_GE(issue.line, 0);
            }
            ++runs;
        }
    }
    EXPECT_EQ(runs, 2000);
}

} // namespace
} // namespace mgreview::testing
