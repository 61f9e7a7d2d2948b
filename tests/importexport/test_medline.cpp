// PubMed MEDLINE (.nbib): continuation lines, authors, DOI, COIS and GR.
#include "importtesthelpers.h"

namespace mgreview::testing {
namespace {

const QByteArray kNbib =
    "PMID- 30000001\n"
    "OWN - NLM\n"
    "TI  - Oral magnesium for nocturnal leg cramps in older adults: a randomized,\n"
    "      placebo-controlled trial.\n"
    "DP  - 2017 Jul\n"
    "VI  - 177\n"
    "IP  - 7\n"
    "PG  - 1014-1016\n"
    "AB  - Background: Nocturnal leg cramps are common. Methods: We randomized\n"
    "      participants to magnesium oxide or placebo.\n"
    "FAU - Roguin Maor, Nirit\n"
    "AU  - Roguin Maor N\n"
    "AD  - Department of Family Medicine, Somewhere.\n"
    "      Second address line.\n"
    "FAU - Alperin, Mordechai\n"
    "AU  - Alperin M\n"
    "LA  - eng\n"
    "GR  - R01 AG012345/AG/NIA NIH HHS/United States\n"
    "GR  - 076053/Wellcome Trust/United Kingdom\n"
    "GR  - R01 AG099999/AG/NIA NIH HHS/United States\n"
    "PT  - Journal Article\n"
    "PT  - Randomized Controlled Trial\n"
    "TA  - JAMA Intern Med\n"
    "JT  - JAMA internal medicine\n"
    "MH  - Aged\n"
    "MH  - Magnesium Oxide/*therapeutic use\n"
    "OT  - leg cramps\n"
    "COIS- Dr Alperin reported receiving consulting fees from a supplement\n"
    "      manufacturer. No other disclosures were reported.\n"
    "AID - 10.1001/jamainternmed.2017.1019 [doi]\n"
    "AID - 2626563 [pii]\n"
    "SO  - JAMA Intern Med. 2017 Jul 1;177(7):1014-1016.\n"
    "\n"
    "PMID- 30000002\n"
    "TI  - A second record without authors.\n"
    "LID - 10.1000/second [doi]\n"
    "DP  - 2019\n";

TEST(MedlineReader, FullRecordWithCoiAndGrants)
{
    const ReadResult r = readText(kNbib, ImportFormat::Medline, QStringLiteral("pubmed.nbib"));
    ASSERT_EQ(r.records.size(), 2) << issuesText(r);
    EXPECT_TRUE(r.issues.isEmpty()) << issuesText(r);
    const Study &s = r.records.at(0).study;
    EXPECT_EQ(s.ids.pmid, QStringLiteral("30000001"));
    EXPECT_EQ(s.citation.title, QStringLiteral("Oral magnesium for nocturnal leg cramps in older adults: a randomized, "
                                               "placebo-controlled trial"));
    EXPECT_EQ(s.citation.authors, (QStringList{QStringLiteral("Roguin Maor N"), QStringLiteral("Alperin M")}));
    EXPECT_EQ(s.citation.journal, QStringLiteral("JAMA internal medicine"));
    EXPECT_EQ(s.citation.year, 2017);
    EXPECT_EQ(s.citation.pages, QStringLiteral("1014-1016"));
    EXPECT_EQ(s.ids.doi, QStringLiteral("10.1001/jamainternmed.2017.1019"));
    EXPECT_EQ(s.abstract, QStringLiteral("Background: Nocturnal leg cramps are common. Methods: We randomized "
                                         "participants to magnesium oxide or placebo."));
    EXPECT_EQ(s.publicationTypes, (QStringList{QStringLiteral("Journal Article"), QStringLiteral("Randomized Controlled Trial")}));
    EXPECT_TRUE(s.keywords.contains(QStringLiteral("Magnesium Oxide")));
    EXPECT_TRUE(s.keywords.contains(QStringLiteral("leg cramps")));
    // COIS is kept verbatim (continuation joined) as the conflict-of-interest statement.
    EXPECT_EQ(s.funding.coiStatement, QStringLiteral("Dr Alperin reported receiving consulting fees from a supplement "
                                                     "manufacturer. No other disclosures were reported."));
    // GR: one funder per agency, type never invented.
    ASSERT_EQ(s.funding.funders.size(), 2);
    EXPECT_EQ(s.funding.funders.at(0).name, QStringLiteral("NIA NIH HHS"));
    EXPECT_EQ(s.funding.funders.at(1).name, QStringLiteral("Wellcome Trust"));
    for (const Funder &f : s.funding.funders) {
        EXPECT_TRUE(f.type.isEmpty()) << u8(f.type);
        EXPECT_EQ(f.source, QStringLiteral("PubMed GR line"));
    }
    EXPECT_TRUE(s.funding.statement.isEmpty()) << "GR lines are not the paper's funding statement";
    EXPECT_TRUE(s.funding.notes.contains(QStringLiteral("076053/Wellcome Trust/United Kingdom")));

    const Study &second = r.records.at(1).study;
    EXPECT_EQ(second.ids.doi, QStringLiteral("10.1000/second"));
    EXPECT_EQ(second.citation.year, 2019);
    EXPECT_EQ(r.records.at(1).line, 34);
}

TEST(MedlineReader, CrlfAndJunkLines)
{
    QByteArray text = "PMID- 1\nTI  - One\nthis is not a field\nPMID- 2\nTI  - Two\n";
    text.replace("\n", "\r\n");
    const ReadResult r = readText(text, ImportFormat::Medline);
    ASSERT_EQ(r.records.size(), 2) << issuesText(r);
    EXPECT_TRUE(hasIssue(r, 3, QStringLiteral("not a MEDLINE field line"))) << issuesText(r);
}

TEST(MedlineReader, AuWhenNoFau)
{
    const ReadResult r = readText("PMID- 5\nTI  - T\nAU  - Smith JA\nAU  - Doe J\nCN  - Cramp Study Group\n",
                                  ImportFormat::Medline);
    ASSERT_EQ(r.records.size(), 1);
    EXPECT_EQ(r.records.at(0).study.citation.authors,
              (QStringList{QStringLiteral("Smith JA"), QStringLiteral("Doe J"), QStringLiteral("Cramp Study Group")}));
}

} // namespace
} // namespace mgreview::testing
