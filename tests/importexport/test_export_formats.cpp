// The export writers on single records: RIS tags and line ends, BibTeX escaping, capitals and
// keys, CSV rows read back by an independent RFC 4180 reader, JSON as QJsonDocument writes it.
#include "corehelpers.h"
#include "csvreader.h"

#include "format/studyoutput.h"
#include "importexport/bibtexescape.h"
#include "importexport/bibtexexport.h"
#include "importexport/csvexport.h"
#include "importexport/exportfields.h"
#include "importexport/exportformat.h"
#include "importexport/jsonexport.h"
#include "importexport/risexport.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

QStringList risLines(const QByteArray &record)
{
    return QString::fromUtf8(record).split(QStringLiteral("\r\n"));
}

QStringList risValues(const QByteArray &record, const QString &tag)
{
    QStringList values;
    for (const QString &line : risLines(record)) {
        if (line.startsWith(tag + QStringLiteral("  - ")))
            values.append(line.mid(6));
    }
    return values;
}

TEST(ExportFormat, NamesRoundTrip)
{
    for (const ExportFormat f : {ExportFormat::Ris, ExportFormat::Bibtex, ExportFormat::Csv, ExportFormat::Json,
                                 ExportFormat::Studies})
        EXPECT_EQ(exportFormatFromString(toString(f)), f);
    EXPECT_EQ(exportFormatFromString(QStringLiteral("bib")), ExportFormat::Bibtex);
    EXPECT_FALSE(exportFormatFromString(QStringLiteral("xml")));
    EXPECT_TRUE(writesFolder(ExportFormat::Studies));
    EXPECT_EQ(fileSuffix(ExportFormat::Bibtex), QStringLiteral("bib"));
}

TEST(ExportFields, SplitsSurnameAndInitialsButKeepsGroupNames)
{
    EXPECT_EQ(splitAuthor(QStringLiteral("Garrison SR")).surname, QStringLiteral("Garrison"));
    EXPECT_EQ(splitAuthor(QStringLiteral("Garrison SR")).dottedInitials(), QStringLiteral("S. R."));
    EXPECT_EQ(splitAuthor(QStringLiteral("St. Louis I")).surname, QStringLiteral("St. Louis"));
    EXPECT_EQ(splitAuthor(QStringLiteral("Dugré N")).surname, QStringLiteral("Dugré"));
    const AuthorName group = splitAuthor(QStringLiteral("Dialysate Magnesium (Dial-Mag) Investigators"));
    EXPECT_FALSE(group.isPerson());
    EXPECT_EQ(group.surname, QStringLiteral("Dialysate Magnesium (Dial-Mag) Investigators"));
}

TEST(RisExport, WritesEveryTagWithCrlfAndEndsWithEr)
{
    const Study s = fullStudy();
    const QByteArray ris = risRecord(s);
    EXPECT_TRUE(ris.startsWith("TY  - JOUR\r\n"));
    EXPECT_TRUE(ris.endsWith("ER  - \r\n\r\n"));
    // Every line ends in CRLF: no bare LF or CR anywhere.
    EXPECT_EQ(ris.count('\n'), ris.count("\r\n"));
    EXPECT_EQ(ris.count('\r'), ris.count("\r\n"));
    EXPECT_EQ(risValues(ris, QStringLiteral("ID")), QStringList{s.id});
    EXPECT_EQ(risValues(ris, QStringLiteral("AU")),
              (QStringList{QStringLiteral("Doe, J."), QStringLiteral("Roe, R."), QStringLiteral("Dugré, N.")}));
    EXPECT_EQ(risValues(ris, QStringLiteral("TI")), QStringList{s.citation.title});
    EXPECT_EQ(risValues(ris, QStringLiteral("T2")), QStringList{QStringLiteral("J Test")});
    EXPECT_EQ(risValues(ris, QStringLiteral("JO")), QStringList{QStringLiteral("J Test")});
    EXPECT_EQ(risValues(ris, QStringLiteral("PY")), QStringList{QStringLiteral("2001")});
    EXPECT_EQ(risValues(ris, QStringLiteral("VL")), QStringList{QStringLiteral("1")});
    EXPECT_EQ(risValues(ris, QStringLiteral("IS")), QStringList{QStringLiteral("2")});
    EXPECT_EQ(risValues(ris, QStringLiteral("SP")), QStringList{QStringLiteral("3")});
    EXPECT_EQ(risValues(ris, QStringLiteral("EP")), QStringList{QStringLiteral("4")});
    EXPECT_EQ(risValues(ris, QStringLiteral("DO")), QStringList{QStringLiteral("10.1000/xyz.123")});
    EXPECT_EQ(risValues(ris, QStringLiteral("AN")), QStringList{QStringLiteral("12345678")});
    EXPECT_EQ(risValues(ris, QStringLiteral("C2")), QStringList{QStringLiteral("PMC1234567")});
    // The abstract's line break becomes a space: RIS values are one line.
    EXPECT_EQ(risValues(ris, QStringLiteral("AB")),
              QStringList{QStringLiteral("BACKGROUND: Cramps are common. CONCLUSIONS: Magnesium helped.")});
    EXPECT_EQ(risValues(ris, QStringLiteral("KW")), s.keywords);
    const QStringList notes = risValues(ris, QStringLiteral("N1"));
    EXPECT_TRUE(notes.contains(QStringLiteral("Funding statement: Funded by the Ministry.")));
    EXPECT_TRUE(notes.contains(QStringLiteral("Conflicts of interest: None declared.")));
    EXPECT_TRUE(notes.contains(QStringLiteral(
        "Funding independence: industry-linked (product-supplied); source: curated; reason: manufacturer supplied "
        "product and placebo")));
    EXPECT_TRUE(notes.contains(QStringLiteral("Registration: NCT00000001")));
    EXPECT_TRUE(notes.contains(QStringLiteral("Conclusion (abstract, PubMed abstract): ") + s.conclusions[0].text));
    EXPECT_TRUE(notes.contains(QStringLiteral("Not verified: funding: declarations not retrieved")));
}

TEST(RisExport, GroupAuthorsEndWithACommaSoReadersKeepThemWhole)
{
    Study s = fullStudy();
    s.citation.authors = {QStringLiteral("Cochrane Neuromuscular Group"), QStringLiteral("Doe J"),
                          QStringLiteral("Rosenbaum")};
    EXPECT_EQ(risValues(risRecord(s), QStringLiteral("AU")),
              (QStringList{QStringLiteral("Cochrane Neuromuscular Group,"), QStringLiteral("Doe, J."),
                           QStringLiteral("Rosenbaum")}));
}

TEST(RisExport, LeavesOutEmptyAndUnverifiedFields)
{
    Study s = fullStudy();
    s.citation.pages = QStringLiteral("pages unknown: the factsheet says so");
    s.notVerified.insert(QStringLiteral("pages"), QStringLiteral("not in any retrieved copy"));
    s.ids.doi.clear();
    s.design = QStringLiteral("secondary");
    const QByteArray ris = risRecord(s);
    EXPECT_TRUE(ris.startsWith("TY  - ELEC\r\n"));
    EXPECT_TRUE(risValues(ris, QStringLiteral("SP")).isEmpty());
    EXPECT_TRUE(risValues(ris, QStringLiteral("DO")).isEmpty());
    EXPECT_FALSE(ris.contains("DO  -"));
    s.design = QStringLiteral("rct");
    s.citation.journal.clear();
    EXPECT_TRUE(risRecord(s).startsWith("TY  - GEN\r\n"));
}

TEST(BibtexEscape, EscapesLatexSpecialCharacters)
{
    EXPECT_EQ(bibtexEscape(QStringLiteral("{a}%b&c$d#e_f")), QStringLiteral("\\{a\\}\\%b\\&c\\$d\\#e\\_f"));
    EXPECT_EQ(bibtexEscape(QStringLiteral("a\\b~c^d")),
              QStringLiteral("a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}d"));
    EXPECT_EQ(bibtexEscape(QStringLiteral("x < y > z")), QStringLiteral("x \\textless{} y \\textgreater{} z"));
}

TEST(BibtexEscape, TurnsAccentedLettersIntoCommands)
{
    EXPECT_EQ(bibtexEscape(QStringLiteral("Dugré")), QStringLiteral("Dugr{\\'e}"));
    EXPECT_EQ(bibtexEscape(QStringLiteral("Araújo")), QStringLiteral("Ara{\\'u}jo"));
    EXPECT_EQ(bibtexEscape(QStringLiteral("Müller")), QStringLiteral("M{\\\"u}ller"));
    EXPECT_EQ(bibtexEscape(QStringLiteral("façade")), QStringLiteral("fa{\\c{c}}ade"));
    EXPECT_EQ(bibtexEscape(QStringLiteral("naïve")), QStringLiteral("na{\\\"\\i}ve"));
    EXPECT_EQ(bibtexEscape(QStringLiteral("Dvořák")), QStringLiteral("Dvo{\\v{r}}{\\'a}k"));
    EXPECT_EQ(bibtexEscape(QStringLiteral("Ærø Straße Łódź")), QStringLiteral("{\\AE}r{\\o} Stra{\\ss}e {\\L}{\\'o}d{\\'z}"));
    // Decomposed input (e + combining acute) gives the same as composed.
    EXPECT_EQ(bibtexEscape(QStringLiteral("Dugre\u0301")), QStringLiteral("Dugr{\\'e}"));
}

TEST(BibtexEscape, SpellsTypographyAndKeepsWhatLatexCannotSpell)
{
    EXPECT_EQ(bibtexEscape(QStringLiteral("10\u201320")), QStringLiteral("10--20"));
    EXPECT_EQ(bibtexEscape(QStringLiteral("a\u2014b")), QStringLiteral("a---b"));
    EXPECT_EQ(bibtexEscape(QStringLiteral("\u201Ctrial\u201D")), QStringLiteral("``trial''"));
    EXPECT_EQ(bibtexEscape(QStringLiteral("age \u2265 65, 300 \u00B5g \u00B1 2")),
              QStringLiteral("age {$\\geq$} 65, 300 {\\textmu}g {$\\pm$} 2"));
    // Reads back exactly: single curly quotes are not ' and `, two hyphens are not a dash.
    EXPECT_EQ(bibtexEscape(QStringLiteral("Crohn\u2019s \u2018x\u2019 a--b ''c''")),
              QStringLiteral("Crohn{\\textquoteright}s {\\textquoteleft}x{\\textquoteright} a-{}-b '{}'c'{}'"));
    EXPECT_EQ(bibtexEscape(QStringLiteral("镁")), QStringLiteral("镁"));
    EXPECT_EQ(bibtexEscape(QStringLiteral("\U0001F600")), QStringLiteral("\U0001F600"));
}

TEST(BibtexEscape, ProtectsCapitalsInTitles)
{
    EXPECT_EQ(bibtexTitle(QStringLiteral("Magnesium for skeletal muscle cramps")),
              QStringLiteral("Magnesium for skeletal muscle cramps"));
    EXPECT_EQ(bibtexTitle(QStringLiteral("Magnesium for ALS in Norway: a RCT")),
              QStringLiteral("Magnesium for {ALS} in {Norway}: a {RCT}"));
    EXPECT_EQ(bibtexTitle(QStringLiteral("MRI of cramps")), QStringLiteral("{MRI} of cramps"));
    EXPECT_EQ(bibtexTitle(QStringLiteral("Cramps in Ærø & 50% of Dugré's patients (ALS).")),
              QStringLiteral("Cramps in {{\\AE}r{\\o}} \\& 50\\% of {Dugr{\\'e}'s} patients ({ALS})."));
}

TEST(BibtexExport, KeysAreTheIdsUniqueAndStable)
{
    BibtexKeys keys;
    EXPECT_EQ(keys.keyFor(QStringLiteral("garrison2020_cochrane")), QStringLiteral("garrison2020_cochrane"));
    EXPECT_EQ(keys.keyFor(QStringLiteral("smith 2001")), QStringLiteral("smith_2001"));
    EXPECT_EQ(keys.keyFor(QStringLiteral("smith_2001")), QStringLiteral("smith_2001a"));
    EXPECT_EQ(keys.keyFor(QStringLiteral("smith{2001")), QStringLiteral("smith_2001b"));
    EXPECT_EQ(keys.keyFor(QString()), QStringLiteral("study"));
    BibtexKeys again;
    EXPECT_EQ(again.keyFor(QStringLiteral("smith 2001")), QStringLiteral("smith_2001"));
}

TEST(BibtexExport, WritesAnArticleWithEscapedFieldsAndRawIdentifiers)
{
    Study s = fullStudy();
    s.ids.doi = QStringLiteral("10.1000/a_b.c");
    const QString entry = QString::fromUtf8(bibtexEntry(s, QStringLiteral("key1")));
    EXPECT_TRUE(entry.startsWith(QStringLiteral("@article{key1,\n"))) << str(entry);
    EXPECT_TRUE(entry.endsWith(QStringLiteral("\n}\n\n")));
    EXPECT_TRUE(entry.contains(QStringLiteral("  author = {Doe, J. and Roe, R. and Dugr{\\'e}, N.},\n")));
    EXPECT_TRUE(entry.contains(QStringLiteral("  title = {A \"quoted\" title\\textbackslash{}with a backslash},\n")))
        << str(entry);
    EXPECT_TRUE(entry.contains(QStringLiteral("  journal = {J Test},\n")));
    EXPECT_TRUE(entry.contains(QStringLiteral("  year = {2001},\n")));
    EXPECT_TRUE(entry.contains(QStringLiteral("  number = {2},\n")));
    EXPECT_TRUE(entry.contains(QStringLiteral("  pages = {3--4},\n")));
    // Identifiers stay as they are: styles print them through \url.
    EXPECT_TRUE(entry.contains(QStringLiteral("  doi = {10.1000/a_b.c},\n")));
    EXPECT_TRUE(entry.contains(QStringLiteral("  pmid = {12345678},\n")));
    EXPECT_TRUE(entry.contains(QStringLiteral("  keywords = {Magnesium, Muscle Cramp/drug therapy},\n")));
    EXPECT_TRUE(entry.contains(QStringLiteral("  note = {Funding statement: Funded by the Ministry.\n")));
    EXPECT_TRUE(entry.contains(QStringLiteral("Not verified: odd key-with.dots: unverified}")));
    // Braces balance, so the entry parses.
    int depth = 0;
    for (qsizetype i = 0; i < entry.size(); ++i) {
        if (entry.at(i) == u'\\') {
            ++i;
            continue;
        }
        depth += entry.at(i) == u'{' ? 1 : entry.at(i) == u'}' ? -1 : 0;
        ASSERT_GE(depth, 0);
    }
    EXPECT_EQ(depth, 0);
}

TEST(BibtexExport, GroupAuthorsAreBracedAndWebPagesAreMisc)
{
    Study s = fullStudy();
    s.design = QStringLiteral("secondary");
    s.citation.authors = {QStringLiteral("Cochrane Collaboration"), QStringLiteral("Doe J")};
    const QString entry = QString::fromUtf8(bibtexEntry(s, QStringLiteral("k")));
    EXPECT_TRUE(entry.startsWith(QStringLiteral("@misc{k,")));
    EXPECT_TRUE(entry.contains(QStringLiteral("author = {{Cochrane Collaboration} and Doe, J.}")));
    EXPECT_TRUE(entry.contains(QStringLiteral("howpublished = {J Test}")));
}

TEST(CsvExport, RowsParseBackWithAStrictReader)
{
    const Study s = fullStudy();
    const QByteArray bytes = exportCsvHeader(false) + exportCsvRow(s);
    QString error;
    const std::optional<QVector<QStringList>> rows = readCsv(QString::fromUtf8(bytes), &error);
    ASSERT_TRUE(rows) << str(error);
    ASSERT_EQ(rows->size(), 2);
    EXPECT_EQ(rows->at(0), exportCsvColumns());
    const QStringList &row = rows->at(1);
    ASSERT_EQ(row.size(), exportCsvColumns().size());
    const auto column = [&](const char *name) { return row.at(exportCsvColumns().indexOf(QLatin1StringView(name))); };
    EXPECT_EQ(column("id"), s.id);
    EXPECT_EQ(column("authors"), QStringLiteral("Doe J; Roe R; Dugré N"));
    EXPECT_EQ(column("year"), QStringLiteral("2001"));
    EXPECT_EQ(column("title"), s.citation.title);
    EXPECT_EQ(column("doi"), s.ids.doi);
    EXPECT_EQ(column("populations"), QStringLiteral("older_adults;pregnant_women"));
    EXPECT_EQ(column("independence"), QStringLiteral("industry-linked"));
    EXPECT_EQ(column("independence_source"), QStringLiteral("curated"));
    EXPECT_EQ(column("funding"), s.funding.statement);
    EXPECT_EQ(column("coi"), s.funding.coiStatement);
    EXPECT_EQ(column("conclusions"), s.conclusions[0].text + u'\n' + s.conclusions[1].text);
    // The columns our CSV import needs to read the study back.
    EXPECT_EQ(column("coded_by"), QStringLiteral("design=none; populations=none; cramp_types=none; direction=none"));
    EXPECT_EQ(column("independence_reason"), s.independence.reason);
    EXPECT_EQ(column("pages"), QStringLiteral("3-4"));
    EXPECT_EQ(column("pmcid"), s.ids.pmcid);
    EXPECT_EQ(column("registration"), s.ids.registration);
    EXPECT_EQ(column("abstract"), s.abstract);
    EXPECT_EQ(column("keywords"), QStringLiteral("Magnesium; Muscle Cramp/drug therapy"));
    EXPECT_EQ(column("not_verified"), QStringLiteral("funding: declarations not retrieved\nodd key-with.dots: unverified"));
    ClassificationSources sources;
    sources.design = QStringLiteral("curated");
    sources.direction = QStringLiteral("rule");
    EXPECT_TRUE(exportCsvRow(s, sources).contains("design=curated; populations=none; cramp_types=none; direction=rule"));
}

TEST(CsvExport, ByteOrderMarkOnlyWhenAsked)
{
    EXPECT_TRUE(exportCsvHeader(true).startsWith("\xEF\xBB\xBFid,authors,"));
    EXPECT_TRUE(exportCsvHeader(false).startsWith("id,authors,"));
    EXPECT_TRUE(exportCsvHeader(false).endsWith("not_verified\r\n"));
}

TEST(JsonExport, StreamedArrayEqualsQtsOwnArray)
{
    const Study a = fullStudy(QStringLiteral("a"));
    const Study b = fullStudy(QStringLiteral("b"));
    ClassificationSources sources;
    sources.independence = QStringLiteral("curated");
    QJsonArray array;
    QByteArray streamed = jsonExportHeader();
    qint64 written = 0;
    for (const Study &s : {a, b}) {
        QJsonObject o = studyToOutputJson(s);
        o.insert(QStringLiteral("classified_by"), sources.toJson());
        array.append(o);
        if (written++ > 0)
            streamed += jsonExportSeparator();
        streamed += jsonExportObject(s, sources);
    }
    streamed += jsonExportFooter(written);
    EXPECT_EQ(streamed, QJsonDocument(array).toJson(QJsonDocument::Indented));
    EXPECT_EQ(jsonExportHeader() + jsonExportFooter(0), QJsonDocument(QJsonArray()).toJson(QJsonDocument::Indented));
}

} // namespace
