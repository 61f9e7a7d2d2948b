// PubMed XML (efetch).
#include "importtesthelpers.h"

namespace mgreview::testing {
namespace {

const QByteArray kXml = R"(<?xml version="1.0" ?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "x.dtd">
<PubmedArticleSet>
<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
    <PMID Version="1">30000003</PMID>
    <DateCompleted><Year>2018</Year><Month>01</Month><Day>02</Day></DateCompleted>
    <Article PubModel="Print">
      <Journal><JournalIssue CitedMedium="Internet"><Volume>12</Volume><Issue>3</Issue>
        <PubDate><Year>2016</Year><Month>Mar</Month></PubDate></JournalIssue>
        <Title>Journal of Cramps</Title></Journal>
      <ArticleTitle>Magnesium and <i>cramps</i>.</ArticleTitle>
      <Pagination><MedlinePgn>100-9</MedlinePgn></Pagination>
      <ELocationID EIdType="doi" ValidYN="Y">10.1000/xml.1</ELocationID>
      <Abstract><AbstractText Label="BACKGROUND">Cramps hurt.</AbstractText>
        <AbstractText Label="RESULTS">No effect.</AbstractText></Abstract>
      <AuthorList><Author><LastName>Smith</LastName><ForeName>John A</ForeName><Initials>JA</Initials></Author>
        <Author><CollectiveName>Cramp Trialists</CollectiveName></Author></AuthorList>
      <GrantList><Grant><GrantID>R01</GrantID><Agency>NIA NIH HHS</Agency><Country>United States</Country></Grant></GrantList>
      <PublicationTypeList><PublicationType UI="D016449">Randomized Controlled Trial</PublicationType></PublicationTypeList>
    </Article>
    <CoiStatement>The authors declare no conflicts.</CoiStatement>
  </MedlineCitation>
  <PubmedData><ArticleIdList><ArticleId IdType="pubmed">30000003</ArticleId><ArticleId IdType="pmc">PMC123</ArticleId></ArticleIdList></PubmedData>
</PubmedArticle>
</PubmedArticleSet>
)";

TEST(PubmedXmlReader, Article)
{
    const ReadResult r = readText(kXml, ImportFormat::PubmedXml, QStringLiteral("p.xml"));
    ASSERT_EQ(r.records.size(), 1) << issuesText(r);
    EXPECT_TRUE(r.issues.isEmpty()) << issuesText(r);
    const Study &s = r.records.at(0).study;
    EXPECT_EQ(s.ids.pmid, QStringLiteral("30000003"));
    EXPECT_EQ(s.ids.pmcid, QStringLiteral("PMC123"));
    EXPECT_EQ(s.ids.doi, QStringLiteral("10.1000/xml.1"));
    EXPECT_EQ(s.citation.title, QStringLiteral("Magnesium and cramps"));
    EXPECT_EQ(s.citation.year, 2016) << "the publication date, not DateCompleted";
    EXPECT_EQ(s.citation.authors, (QStringList{QStringLiteral("Smith JA"), QStringLiteral("Cramp Trialists")}));
    EXPECT_EQ(s.abstract, QStringLiteral("BACKGROUND: Cramps hurt. RESULTS: No effect."));
    EXPECT_EQ(s.funding.coiStatement, QStringLiteral("The authors declare no conflicts."));
    ASSERT_EQ(s.funding.funders.size(), 1);
    EXPECT_TRUE(s.funding.funders.at(0).type.isEmpty());
    EXPECT_EQ(s.publicationTypes, QStringList{QStringLiteral("Randomized Controlled Trial")});
}

TEST(PubmedXmlReader, BrokenXmlKeepsEarlierRecordsAndSaysWhere)
{
    QByteArray broken = kXml;
    broken.replace("</PubmedArticleSet>", "<PubmedArticle><MedlineCitation><PMID>9</PMID></Broken>");
    const ReadResult r = readText(broken, ImportFormat::PubmedXml, QStringLiteral("b.xml"));
    EXPECT_EQ(r.records.size(), 1);
    bool xmlError = false;
    for (const ImportIssue &i : r.issues)
        xmlError = xmlError || (i.reason.startsWith(QStringLiteral("XML error")) && i.line > 20);
    EXPECT_TRUE(xmlError) << issuesText(r);
}

} // namespace
} // namespace mgreview::testing
