// The conclusion pane renders the detail model: escaped, linked, not-verified marked.
#include "conclusionpane.h"
#include "panehtml.h"

#include "model/vocabulary.h"
#include "models/studydetailmodel.h"

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::gui;

namespace {

Study sampleStudy()
{
    Study s;
    s.id = QStringLiteral("sample2020_rct");
    s.citation.title = QStringLiteral("<b>Magnesium</b> & cramps: a <script>alert(1)</script> trial");
    s.citation.authors = { QStringLiteral("Doe J"), QStringLiteral("Roe R") };
    s.citation.journal = QStringLiteral("J Test");
    s.citation.year = 2020;
    s.citation.text = QStringLiteral("Doe J, Roe R. Magnesium & cramps. J Test. 2020.");
    s.ids.doi = QStringLiteral("10.1000/x<y>");
    s.notVerified.insert(QStringLiteral("pmid"), QStringLiteral("PubMed record not found"));
    s.design = QStringLiteral("rct_parallel");
    s.conclusions.append({ QStringLiteral("Magnesium was no better than placebo (p < 0.05 & \"n\" = 3)."),
        QStringLiteral("abstract"), QStringLiteral("page 2"), QString() });
    s.claims.append({ QStringLiteral("consumer_article"), QStringLiteral("summary"),
        QStringLiteral("Magnesium cures cramps."), QStringLiteral("Overstated.") });
    s.independence.value = QStringLiteral("industry-linked");
    s.independence.link = QStringLiteral("funded");
    s.independence.reason = QStringLiteral("sponsored by a supplement maker");
    s.independence.source = ClassificationSource::Curated;
    s.sources = { QStringLiteral("https://example.org/a?b=1&c=2 (copy of the abstract)") };
    return s;
}

} // namespace

TEST(PaneHtml, EscapesEveryText)
{
    StudyDetailModel model(Vocabularies::builtin());
    model.setStudy(sampleStudy());
    const QString html = studyDetailHtml(model);
    EXPECT_FALSE(html.contains(QStringLiteral("<script>")));
    EXPECT_FALSE(html.contains(QStringLiteral("<b>Magnesium</b>")));
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;b&gt;Magnesium&lt;/b&gt; &amp; cramps")));
    EXPECT_TRUE(html.contains(QStringLiteral("p &lt; 0.05 &amp; &quot;n&quot; = 3")));
}

TEST(PaneHtml, ShowsTheVerbatimConclusionUnchanged)
{
    StudyDetailModel model(Vocabularies::builtin());
    model.setStudy(sampleStudy());
    ConclusionPane pane(&model);
    const QString text = pane.toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Magnesium was no better than placebo (p < 0.05 & \"n\" = 3).")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("page 2")));
}

TEST(PaneHtml, MarksNotVerifiedFactsInWords)
{
    StudyDetailModel model(Vocabularies::builtin());
    model.setStudy(sampleStudy());
    ConclusionPane pane(&model);
    const QString text = pane.toPlainText();
    const qsizetype pmid = text.indexOf(QStringLiteral("PMID"));
    ASSERT_GE(pmid, 0);
    const QString afterPmid = text.mid(pmid, 80);
    EXPECT_TRUE(afterPmid.contains(QStringLiteral("not verified"))) << afterPmid.toStdString();
    EXPECT_TRUE(afterPmid.contains(QStringLiteral("PubMed record not found"))) << afterPmid.toStdString();
}

TEST(PaneHtml, ClaimsAppearUnderTheirOwnHeadingWithTheirSource)
{
    StudyDetailModel model(Vocabularies::builtin());
    model.setStudy(sampleStudy());
    ConclusionPane pane(&model);
    const QString text = pane.toPlainText();
    const qsizetype heading = text.indexOf(QStringLiteral("What secondary sources claim"));
    const qsizetype claim = text.indexOf(QStringLiteral("Magnesium cures cramps."));
    ASSERT_GE(heading, 0);
    EXPECT_GT(claim, heading);
    EXPECT_TRUE(text.mid(heading, claim - heading).contains(QStringLiteral("Consumer article")));
    // The study's own words come first.
    EXPECT_LT(text.indexOf(QStringLiteral("Magnesium was no better")), heading);
}

TEST(PaneHtml, IndependenceShowsItsSourceAndReason)
{
    StudyDetailModel model(Vocabularies::builtin());
    model.setStudy(sampleStudy());
    ConclusionPane pane(&model);
    const QString text = pane.toPlainText();
    const QString independence = text.mid(text.indexOf(QStringLiteral("Funding independence")));
    EXPECT_TRUE(independence.contains(QStringLiteral("Industry-linked"))) << independence.toStdString();
    EXPECT_TRUE(independence.contains(QStringLiteral("sponsored by a supplement maker")));
    EXPECT_TRUE(independence.contains(QStringLiteral("curated")));
}

TEST(PaneHtml, LinksIdentifiersAndSources)
{
    StudyDetailModel model(Vocabularies::builtin());
    model.setStudy(sampleStudy());
    const QString html = studyDetailHtml(model);
    EXPECT_TRUE(html.contains(QStringLiteral("href=\"https://doi.org/10.1000/x%3Cy%3E\""))) << html.toStdString();
    // Only the address part of a source entry is linked; the remark stays text.
    EXPECT_TRUE(html.contains(QStringLiteral("href=\"https://example.org/a?b=1&amp;c=2\"")));
    EXPECT_TRUE(html.contains(QStringLiteral("(copy of the abstract)")));
}

TEST(ConclusionPaneWidget, RerendersWhenTheModelChanges)
{
    StudyDetailModel model(Vocabularies::builtin());
    ConclusionPane pane(&model);
    EXPECT_TRUE(pane.toPlainText().contains(QStringLiteral("Select a study")));
    model.setStudy(sampleStudy());
    EXPECT_TRUE(pane.toPlainText().contains(QStringLiteral("J Test")));
    model.clear();
    EXPECT_FALSE(pane.toPlainText().contains(QStringLiteral("J Test")));
}
