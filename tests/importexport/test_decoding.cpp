// Text decoding and the helpers every reader shares.
#include "importtesthelpers.h"

#include "importexport/latextounicode.h"
#include "importexport/recordfields.h"
#include "importexport/textdecoding.h"

#include <QStringEncoder>

namespace mgreview::testing {
namespace {

TEST(ImportDecoding, Utf8WithBomLosesTheBom)
{
    const DecodedText d = decodeImportText(QByteArray("\xEF\xBB\xBFTY  - JOUR\n"), QStringLiteral("f"), nullptr);
    EXPECT_EQ(d.text, QStringLiteral("TY  - JOUR\n"));
    EXPECT_EQ(d.encoding, QStringLiteral("UTF-8"));
}

TEST(ImportDecoding, Utf16WithAndWithoutBom)
{
    const QString text = QStringLiteral("@article{k, title = {Müller}}\n");
    for (const auto encoding : {QStringConverter::Utf16LE, QStringConverter::Utf16BE}) {
        QStringEncoder encoder(encoding);
        const QByteArray bare = encoder(text);
        QStringEncoder withBom(encoding, QStringConverter::Flag::WriteBom);
        const QByteArray bom = withBom(text);
        EXPECT_EQ(decodeImportText(bare, QStringLiteral("f"), nullptr).text, text);
        EXPECT_EQ(decodeImportText(bom, QStringLiteral("f"), nullptr).text, text);
    }
}

TEST(ImportDecoding, InvalidUtf8LinesAreReportedAndReadAsWindows1252)
{
    QVector<ImportIssue> issues;
    const QByteArray bytes("TY  - JOUR\nTI  - Caf\xE9 au lait\nER  - \n");
    const DecodedText d = decodeImportText(bytes, QStringLiteral("bad.ris"), &issues);
    EXPECT_TRUE(d.text.contains(QStringLiteral("Café au lait"))) << u8(d.text);
    ASSERT_EQ(issues.size(), 1);
    EXPECT_EQ(issues.at(0).line, 2);
    EXPECT_TRUE(issues.at(0).reason.contains(QStringLiteral("invalid UTF-8"))) << u8(issues.at(0).reason);
    EXPECT_EQ(issues.at(0).toString().left(10), QStringLiteral("bad.ris:2:"));
}

TEST(ImportDecoding, Latin1FallbackForWholeFiles)
{
    const DecodedText d = decodeImportText(QByteArray("M\xFCller \x93quoted\x94"), QStringLiteral("f"), nullptr, true);
    EXPECT_EQ(d.text, QStringLiteral("Müller “quoted”"));
    EXPECT_EQ(d.encoding, QStringLiteral("Windows-1252"));
}

TEST(ImportDecoding, LinesSplitAtEveryKindOfLineEnd)
{
    const QString text = QStringLiteral("a\nb\r\nc\rd");
    const QVector<QStringView> lines = splitLines(text);
    ASSERT_EQ(lines.size(), 4);
    EXPECT_EQ(lines.at(2).toString(), QStringLiteral("c"));
    EXPECT_EQ(lines.at(3).toString(), QStringLiteral("d"));
}

TEST(ImportFields, AuthorNamesBecomeSurnameAndInitials)
{
    EXPECT_EQ(normaliseAuthorName(u"Smith, John A."), QStringLiteral("Smith JA"));
    EXPECT_EQ(normaliseAuthorName(u"Smith, J.A."), QStringLiteral("Smith JA"));
    EXPECT_EQ(normaliseAuthorName(u"Garrison SR"), QStringLiteral("Garrison SR"));
    EXPECT_EQ(normaliseAuthorName(u"John A. Smith"), QStringLiteral("Smith JA"));
    EXPECT_EQ(normaliseAuthorName(u"Ludwig van Beethoven"), QStringLiteral("van Beethoven L"));
    EXPECT_EQ(normaliseAuthorName(u"Pinto-Gouveia, Jose"), QStringLiteral("Pinto-Gouveia J"));
    EXPECT_EQ(normaliseAuthorName(u"{World Health Organization}"), QStringLiteral("World Health Organization"));
}

TEST(ImportFields, DoisYearsAndKeys)
{
    EXPECT_EQ(cleanDoi(u"http://dx.doi.org/10.1002/cpp.2398"), QStringLiteral("10.1002/cpp.2398"));
    EXPECT_EQ(cleanDoi(u"doi: 10.1000/xyz123."), QStringLiteral("10.1000/xyz123"));
    EXPECT_TRUE(cleanDoi(u"not a doi").isEmpty());
    EXPECT_EQ(yearFromText(u"2001/09/01/"), 2001);
    EXPECT_EQ(yearFromText(u"10 15"), 0);
    EXPECT_EQ(yearFromText(u"Spring 1999-2000"), 1999);
    EXPECT_EQ(asciiKey(u"Müller-Lüdenscheidt, Ø."), QStringLiteral("mullerludenscheidto"));
    EXPECT_EQ(asciiKey(u"Łukasz Æbelø"), QStringLiteral("lukaszaebelo"));
}

TEST(ImportFields, GeneratedIdsAreStableAndReadable)
{
    Study study;
    study.citation.authors = {QStringLiteral("Müller K")};
    study.citation.year = 2019;
    study.citation.title = QStringLiteral("Magnesium for cramps");
    const QString id = generatedStudyId(study);
    EXPECT_TRUE(id.startsWith(QStringLiteral("muller2019_"))) << u8(id);
    EXPECT_EQ(id.size(), QStringLiteral("muller2019_").size() + 6);
    EXPECT_EQ(generatedStudyId(study), id);
    study.citation.title = QStringLiteral("Another title");
    EXPECT_NE(generatedStudyId(study), id);
}

TEST(ImportLatex, AccentsCommandsAndBraces)
{
    EXPECT_EQ(latexToUnicode(u"M{\\\"u}ller"), QStringLiteral("Müller"));
    EXPECT_EQ(latexToUnicode(u"Garc\\'{\\i}a"), QStringLiteral("García"));
    EXPECT_EQ(latexToUnicode(u"\\c{C}a\\u{g}lar"), QStringLiteral("Çağlar"));
    EXPECT_EQ(latexToUnicode(u"Dvo\\v{r}\\'ak"), QStringLiteral("Dvořák"));
    EXPECT_EQ(latexToUnicode(u"Stra\\ss{}e and {\\O}stergaard"), QStringLiteral("Straße and Østergaard"));
    EXPECT_EQ(latexToUnicode(u"Effects of {Mg} \\& \\emph{cramps}: 10--20~mg --- really 50\\%"),
              QStringLiteral("Effects of Mg & cramps: 10–20\u00A0mg — really 50%")); // a tie is a no-break space
    EXPECT_EQ(latexToUnicode(u"\\`a \\^e \\~n \\=o \\.z \\H{o} \\r{a} \\k{e}"), QStringLiteral("à ê ñ ō ż ő å ę"));
}

} // namespace
} // namespace mgreview::testing
