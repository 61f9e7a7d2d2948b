// Round trips through every export format: the seeded corpus (studies/) and synthetic edge
// cases are exported, imported into a fresh library with our own readers, and compared field by
// field with the originals — exactly the fields roundtriptable.h (the table of
// docs/formats/export.md#round-trips) says the format carries. Fields a format does not carry
// must come back empty or as the reader's own note, never as something invented.
#include "corehelpers.h"
#include "importtesthelpers.h"
#include "roundtriptable.h"

#include "importexport/importplan.h"
#include "importexport/recordfields.h"
#include "importexport/studyexport.h"
#include "store/studystore.h"

#include <QDir>
#include <QHash>
#include <QTemporaryDir>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

const ExportFormat kFormats[] = {ExportFormat::Ris, ExportFormat::Bibtex, ExportFormat::Csv, ExportFormat::Json,
                                 ExportFormat::Studies};

QVector<Study> loadAll(const Database &db)
{
    QString error;
    const std::optional<QVector<Study>> all = StudyStore(db).loadAll(&error);
    EXPECT_TRUE(all) << str(error);
    return all.value_or(QVector<Study>());
}

/// Exports everything in `db` to `path` (a file, or a folder for studies/).
void exportTo(const Database &db, ExportFormat format, const QString &path)
{
    const ExportResult result = exportStudiesToPath(db, format, {}, path);
    ASSERT_TRUE(result.ok) << str(result.error);
}

/// Imports `path` into `db` with our reader for `format`; every record must be new.
void importFrom(const Database &db, ExportFormat format, const QString &path)
{
    const std::optional<ImportFormat> importFormat = importFormatFromString(toString(format));
    ASSERT_TRUE(importFormat);
    QString error;
    const std::optional<ImportPlan> plan = planImport(db, {path}, importFormat, &error);
    ASSERT_TRUE(plan) << str(error);
    QStringList issues;
    for (const ImportIssue &i : plan->issues)
        issues.append(i.toString());
    EXPECT_TRUE(issues.isEmpty()) << str(issues.join(u'\n'));
    EXPECT_EQ(plan->duplicateCount, 0);
    const ImportOutcome outcome = applyImport(db, *plan);
    ASSERT_TRUE(outcome.ok) << str(outcome.error);
}

/// True when a table value holds no text, only the separators between its parts.
bool onlySeparators(const QString &value)
{
    return std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c == QChar(0x1f) || c == u'|'; });
}

QString fileName(ExportFormat format)
{
    return format == ExportFormat::Studies ? QStringLiteral("studies-out")
                                           : QStringLiteral("export.") + fileSuffix(format);
}

class RoundTripTest : public ::testing::TestWithParam<ExportFormat>
{
protected:
    /// Exports `library`, imports the file into a fresh library and compares with `originals`.
    void roundTrip(const QVector<Study> &originals)
    {
        const ExportFormat format = GetParam();
        const QString path = m_dir.filePath(fileName(format));
        ASSERT_NO_FATAL_FAILURE(exportTo(*m_source.database(), format, path));
        ASSERT_NO_FATAL_FAILURE(importFrom(m_target.open(), format, path));
        QHash<QString, Study> back;
        for (const Study &s : loadAll(*m_target.database()))
            back.insert(s.id, s);
        ASSERT_EQ(back.size(), originals.size()) << "every study comes back, under its own id";
        const TextFix fix = textFixFor(format);
        const TextFix same = textFixFor(ExportFormat::Json); // the identity
        const unsigned bit = bitFor(format);
        for (const Study &original : originals) {
            ASSERT_TRUE(back.contains(original.id)) << str(original.id);
            const Study &read = back.value(original.id);
            for (const RoundTripField &field : roundTripTable()) {
                const QString expected = field.value(original, fix);
                const QString actual = field.value(read, same);
                if (field.carriedBy & bit) {
                    EXPECT_EQ(str(actual), str(expected)) << str(original.id) << ": " << field.name << " via "
                                                          << str(toString(format));
                } else if (actual != expected && !onlySeparators(actual)) {
                    // Not carried: the reader may add its own note ("Imported from …", a type
                    // from RIS TY, the citation text it composes), never a value of the study.
                    const QString name = QString::fromLatin1(field.name);
                    const bool readersOwn = name.startsWith(u"open access") || name.startsWith(u"publication types")
                                            || name.startsWith(u"citation text");
                    EXPECT_TRUE(readersOwn) << str(original.id) << ": " << field.name << " not carried by "
                                            << str(toString(format)) << " yet came back as " << str(actual);
                }
            }
        }
    }

    /// After one trip a file format is a fixed point: import -> export gives the same bytes.
    void exportIsStable()
    {
        const ExportFormat format = GetParam();
        if (format == ExportFormat::Studies)
            return; // a folder; the studies/ round trip above compares every field already
        const QString second = m_dir.filePath(QStringLiteral("second-") + fileName(format));
        ASSERT_NO_FATAL_FAILURE(exportTo(*m_target.database(), format, second));
        TempLibrary third;
        ASSERT_NO_FATAL_FAILURE(importFrom(third.open(), format, second));
        const QString thirdPath = m_dir.filePath(QStringLiteral("third-") + fileName(format));
        ASSERT_NO_FATAL_FAILURE(exportTo(*third.database(), format, thirdPath));
        EXPECT_EQ(readFileBytes(thirdPath), readFileBytes(second));
    }

    TempLibrary m_source, m_target;
    QTemporaryDir m_dir;
};

TEST_P(RoundTripTest, SeededCorpusComesBackFieldByField)
{
    QStringList errors;
    ASSERT_GT(seedProjectStudies(m_source.open(), &errors), 0) << str(errors.join(u'\n'));
    const QVector<Study> originals = loadAll(*m_source.database());
    ASSERT_EQ(originals.size(), 20);
    roundTrip(originals);
    exportIsStable();
}

// Edge cases: Unicode of every kind, quotes and LaTeX look-alikes, group authors, 300 authors,
// a record with almost nothing, conclusions that look like our own labels.
QVector<Study> edgeCaseStudies()
{
    QVector<Study> out;
    out.append(fullStudy(QStringLiteral("edge_full")));

    Study u;
    u.id = QStringLiteral("edge_unicode");
    u.citation.title = QStringLiteral("Magnésium «et» crampes: 镁 — “test” ‘quote’ Crohn’s 10–20 µg ≥ 5 ± 1 μ α/β κ χ "
                                      "😀 ''two'' ``back`` a--b ~tilde^ {braces} 100% & $5 #1 snake_case <x> æøåßłđþ");
    u.citation.authors = {QStringLiteral("Dugré N"), QStringLiteral("Ærø Ł"), QStringLiteral("Müller-Lüdenscheidt KH"),
                          QStringLiteral("van der Berg A"), QStringLiteral("Roguin Maor N"), QStringLiteral("O'Brien P"),
                          QStringLiteral("王 X"), QStringLiteral("Cochrane Neuromuscular Group"),
                          QStringLiteral("Dialysate Magnesium (Dial-Mag) Investigators"),
                          QStringLiteral("Centre for Reviews and Dissemination"), QStringLiteral("Nobody Particular")};
    u.citation.journal = QStringLiteral("Revue Médicale Suisse");
    u.citation.year = 2019;
    u.citation.volume = QStringLiteral("15");
    u.citation.issue = QStringLiteral("S2");
    u.citation.pages = QStringLiteral("123-9");
    u.ids = {QStringLiteral("10.1000/abc_(1)-2"), QStringLiteral("31923242"), QStringLiteral("PMC7000001"),
             QStringLiteral("NCT01234567; ISRCTN03989660")};
    u.abstract = QStringLiteral("Résumé: “quoted” and ‘single’ — Ünïcödé; 镁 😀; “Conclusion (abstract): not a label”.");
    u.keywords = {QStringLiteral("Magnésium"), QStringLiteral("Muscle Cramp/drug therapy"), QStringLiteral("镁")};
    u.conclusions.append({QStringLiteral("Le magnésium n’a pas réduit les crampes (p = 0,527); “no effect” — 镁 ≥ 1."),
                          QStringLiteral("abstract"), QStringLiteral("Résumé, p. 3"), {}});
    u.funding.statement = QStringLiteral("Financé par l’Assistance Publique; Ministère (France).");
    u.funding.coiStatement = QStringLiteral("Aucun conflit d’intérêts: “none”.");
    u.funding.funders = {{QStringLiteral("National Institutes of Health (NIH)"), {}, {}},
                         {QStringLiteral("Société Française"), QStringLiteral("nonprofit"), {}}};
    u.independence = {QStringLiteral("independent"), {}, QStringLiteral("Publicly funded; “no industry”."),
                      ClassificationSource::Curated};
    u.notVerified.insert(QStringLiteral("open_access"), QStringLiteral("licence not seen: “unknown”"));
    out.append(u);

    Study many;
    many.id = QStringLiteral("edge_long_authors");
    for (int i = 0; i < 300; ++i)
        many.citation.authors.append(QStringLiteral("Auth%1%2 %3")
                                         .arg(QChar(u'a' + i / 26))
                                         .arg(QChar(u'a' + i % 26))
                                         .arg(QStringLiteral("JK").left(1 + i % 2)));
    many.citation.title = QStringLiteral("A trial with three hundred authors");
    many.citation.journal = QStringLiteral("J Big Sci");
    many.citation.year = 2021;
    many.independence = {QStringLiteral("industry-linked"), QStringLiteral("product-supplied"),
                         QStringLiteral("tablets supplied by the maker"), ClassificationSource::Curated};
    out.append(many);

    Study minimal;
    minimal.id = QStringLiteral("edge_minimal");
    minimal.citation.title = QStringLiteral("Only a title");
    out.append(minimal);

    Study labels;
    labels.id = QStringLiteral("edge_conclusions");
    labels.citation.title = QStringLiteral("Conclusions that look like labels");
    labels.citation.authors = {QStringLiteral("Smith J")};
    labels.conclusions.append({QStringLiteral("Funding statement: this is a conclusion; PMID: 999 (not ours)."),
                               QStringLiteral("abstract"), QStringLiteral("p. 2, para 3"), {}});
    labels.conclusions.append({QStringLiteral("Conclusion (abstract): nested; Not verified: x: y): z"),
                               QStringLiteral("full_text"), {}, {}});
    labels.conclusions.append({QStringLiteral("  Exact—spacing, “quotes”, 'ascii' and \"double\"."),
                               QStringLiteral("key_points"), QStringLiteral("Key Points"), {}});
    // One per line in CSV, one line in RIS and BibTeX: the line break comes back as a space.
    labels.conclusions.append({QStringLiteral("Two lines,\nas the abstract broke them."), QStringLiteral("abstract"),
                               {}, {}});
    labels.notVerified.insert(QStringLiteral("pmid"), QStringLiteral("PMID: 123 seen on a secondary page only"));
    out.append(labels);
    return out;
}

TEST_P(RoundTripTest, EdgeCasesComeBackFieldByField)
{
    Database &db = m_source.open();
    QString error;
    for (const Study &s : edgeCaseStudies())
        ASSERT_TRUE(StudyStore(db).insert(s, &error)) << str(error);
    roundTrip(loadAll(db));
    exportIsStable();
}

INSTANTIATE_TEST_SUITE_P(EveryFormat, RoundTripTest, ::testing::ValuesIn(kFormats),
                         [](const ::testing::TestParamInfo<ExportFormat> &param) {
                             return toString(param.param).toStdString();
                         });

// JSON that is not our export is refused clearly, naming the line.
TEST(OwnJsonImport, RefusesOtherJsonWithClearErrors)
{
    const ReadResult invalid = readText("[\n  {\"id\": \"a\",\n  oops\n]", ImportFormat::Json, QStringLiteral("x.json"));
    EXPECT_TRUE(invalid.records.isEmpty());
    ASSERT_EQ(invalid.issues.size(), 1);
    EXPECT_EQ(invalid.issues.first().line, 3) << issuesText(invalid);
    EXPECT_TRUE(invalid.issues.first().reason.startsWith(QStringLiteral("not valid JSON")));

    const ReadResult object = readText("{\"title\": \"x\"}", ImportFormat::Json);
    ASSERT_EQ(object.issues.size(), 1);
    EXPECT_TRUE(object.issues.first().reason.contains(QStringLiteral("only MgReview's own JSON export")));

    const ReadResult foreign = readText("[\n{\"id\": \"ok_1\", \"classified_by\": {}, \"title\": \"T\"},\n"
                                        "{\"title\": \"Zotero item\"}\n]",
                                        ImportFormat::Json);
    ASSERT_EQ(foreign.records.size(), 1) << issuesText(foreign);
    EXPECT_EQ(foreign.records.first().study.id, QStringLiteral("ok_1"));
    ASSERT_TRUE(hasIssue(foreign, 3, QStringLiteral("element 2 is not a study of our export"))) << issuesText(foreign);
}

// Exports show effective coding; only what was curated comes back as the record's.
TEST(OwnExportImport, OnlyCuratedCodingComesBack)
{
    const ReadResult json = readText(R"([{"id": "s1", "title": "T", "design": "rct", "direction": "benefit",
        "populations": ["older_adults"], "independence": {"value": "independent", "link": "", "source": "reviewer",
        "reason": "agreed"}, "classified_by": {"design": "rule", "direction": "curated", "populations": "none",
        "cramp_types": "none", "independence": "reviewer"}}])",
                                     ImportFormat::Json);
    ASSERT_EQ(json.records.size(), 1) << issuesText(json);
    const Study &j = json.records.first().study;
    EXPECT_TRUE(j.design.isEmpty()) << "a rule's design is recomputed, not stored";
    EXPECT_EQ(j.direction, QStringLiteral("benefit"));
    EXPECT_TRUE(j.independence.value.isEmpty());
    ASSERT_EQ(j.extraFacts.size(), 1);
    EXPECT_EQ(j.extraFacts.first().label, QStringLiteral("Reviewer judgement (export)"));
    EXPECT_EQ(j.extraFacts.first().text, QStringLiteral("independent; reason: agreed"));

    const ReadResult csv = readText("id,title,design,direction,independence,independence_source,conclusions,coded_by\n"
                                    "s2,T,rct,benefit,unclear,rule,,design=curated; direction=rule\n",
                                    ImportFormat::Csv);
    ASSERT_EQ(csv.records.size(), 1) << issuesText(csv);
    const Study &c = csv.records.first().study;
    EXPECT_EQ(c.id, QStringLiteral("s2"));
    EXPECT_EQ(c.design, QStringLiteral("rct"));
    EXPECT_TRUE(c.direction.isEmpty());
    EXPECT_TRUE(c.independence.value.isEmpty());
}

// Readers on files from elsewhere: group authors whole, LaTeX quotes, and our own-export
// handling (ids, AN) only for our own exports.
TEST(ReadersForRoundTrips, GroupAuthorsAreNotSplitIntoSurnameAndInitials)
{
    for (const char *group : {"Cochrane Neuromuscular Group", "Dialysate Magnesium (Dial-Mag) Investigators",
                              "Centre for Reviews and Dissemination", "The SPRINT Research Group", "WHO Study 2"})
        EXPECT_EQ(normaliseAuthorName(QString::fromUtf8(group)), QString::fromUtf8(group));
    EXPECT_EQ(normaliseAuthorName(u"World Health Organization, Geneva,"), QStringLiteral("World Health Organization, Geneva"));
    EXPECT_EQ(normaliseAuthorName(u"John A. Smith"), QStringLiteral("Smith JA"));
    EXPECT_EQ(normaliseAuthorName(u"Garrison, Scott R."), QStringLiteral("Garrison SR"));
    EXPECT_EQ(normaliseAuthorName(u"Ludwig van Beethoven"), QStringLiteral("van Beethoven L"));

    const ReadResult r = readText("TY  - JOUR\nTI  - T\nAU  - Cochrane Neuromuscular Group\nAU  - Roffe, C.\nER  - \n",
                                  ImportFormat::Ris);
    ASSERT_EQ(r.records.size(), 1) << issuesText(r);
    EXPECT_EQ(r.records.first().study.citation.authors,
              (QStringList{QStringLiteral("Cochrane Neuromuscular Group"), QStringLiteral("Roffe C")}));
}

TEST(ReadersForRoundTrips, BibtexQuotesBecomeCurlyAndTiesNoBreakSpaces)
{
    const ReadResult r = readText("@article{k, title = {``Magnesium'' isn't `it'}, author = {Smith, J.},\n"
                                  "  abstract = {10~mg,   twice\n  daily}}",
                                  ImportFormat::Bibtex);
    ASSERT_EQ(r.records.size(), 1) << issuesText(r);
    EXPECT_EQ(r.records.first().study.citation.title, QStringLiteral("\u201CMagnesium\u201D isn't `it'"));
    EXPECT_EQ(r.records.first().study.abstract, QStringLiteral("10\u00A0mg, twice daily"));
}

TEST(ReadersForRoundTrips, OwnExportHandlingOnlyForOwnExports)
{
    // Not ours (no "Funding independence:" note): ID is an EndNote number, AN without DB no PMID.
    const ReadResult foreign = readText("TY  - JOUR\nID  - 12\nTI  - T\nAN  - 555\nC2  - PMC123\n"
                                        "N1  - Conclusion (abstract): looks like ours\nER  - \n",
                                        ImportFormat::Ris);
    ASSERT_EQ(foreign.records.size(), 1) << issuesText(foreign);
    const Study &f = foreign.records.first().study;
    EXPECT_TRUE(f.id.isEmpty());
    EXPECT_TRUE(f.ids.pmid.isEmpty());
    EXPECT_EQ(f.ids.pmcid, QStringLiteral("PMC123"));
    ASSERT_EQ(f.conclusions.size(), 1); // a labelled line is read wherever it comes from
    EXPECT_EQ(f.conclusions.first().text, QStringLiteral("looks like ours"));

    const ReadResult ours = readText("TY  - JOUR\nID  - smith2019\nTI  - T\nAN  - 555\n"
                                     "N1  - Funding independence: unclear; source: rule; reason: r\n"
                                     "N1  - Funding independence: independent; source: reviewer\nER  - \n",
                                     ImportFormat::Ris);
    ASSERT_EQ(ours.records.size(), 1) << issuesText(ours);
    const Study &o = ours.records.first().study;
    EXPECT_EQ(o.id, QStringLiteral("smith2019"));
    EXPECT_EQ(o.ids.pmid, QStringLiteral("555"));
    EXPECT_TRUE(o.independence.value.isEmpty()) << "a rule's or a reviewer's value is not the record's";
    ASSERT_EQ(o.extraFacts.size(), 1);
    EXPECT_EQ(o.extraFacts.first().text, QStringLiteral("Funding independence: independent; source: reviewer"));
}

} // namespace
