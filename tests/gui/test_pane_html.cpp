// The conclusion pane renders the detail model: escaped, linked, not-verified marked.
#include "conclusionpane.h"
#include "panehtml.h"

#include "model/vocabulary.h"
#include "models/studydetailmodel.h"

#include <QTextCursor>
#include <QTextDocument>

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

namespace {

/// The sample study with two rule suggestions: a winning one matched in the funding
/// statement and an outranked one matched in the title.
std::pair<Study, QVector<Suggestion>> studyWithSuggestions()
{
    Study s = sampleStudy();
    s.funding.statement = QStringLiteral("Tablets <both> provided by the manufacturer & co.");
    const QString span = QStringLiteral("provided by the manufacturer");
    Suggestion supplied;
    supplied.studyId = s.id;
    supplied.target = RuleTarget::Independence;
    supplied.value = QStringLiteral("industry-linked");
    supplied.link = QStringLiteral("product-supplied");
    supplied.ruleId = QStringLiteral("independence.product_supplied");
    supplied.match = { RuleField::Funding, 0, s.funding.statement.indexOf(span), span.size(), span };
    supplied.reason = QStringLiteral("Product supplied: \"%1\" (funding)").arg(span);
    supplied.winning = true;
    Suggestion design;
    design.studyId = s.id;
    design.target = RuleTarget::Design;
    design.value = QStringLiteral("case_reports");
    design.ruleId = QStringLiteral("design.case_reports");
    design.match = { RuleField::Title, 0, s.citation.title.indexOf(u"trial"), 5, QStringLiteral("trial") };
    design.reason = QStringLiteral("A case report");
    design.winning = false;
    return { s, { supplied, design } };
}

} // namespace

TEST(PaneHtml, HighlightsTheMatchedTextInItsContextEscaped)
{
    StudyDetailModel model(Vocabularies::builtin());
    const auto [study, suggestions] = studyWithSuggestions();
    model.setStudy(study, suggestions);
    const QString html = studyDetailHtml(model);
    // Context before and after, escaped; the match inside the highlight span.
    EXPECT_TRUE(html.contains(QStringLiteral("Matched in the funding statement: Tablets &lt;both&gt; <span "
                                             "class=\"rule-match\"")))
        << html.toStdString();
    EXPECT_TRUE(
        html.contains(QStringLiteral("text-decoration:underline;\">provided by the manufacturer</span> &amp; co.")))
        << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("What the rules suggest")));

    // In the rendered pane the match is visible without colour: bold and underlined.
    ConclusionPane pane(&model);
    // The funding section quotes the statement plainly; the highlight is in the explanation.
    QTextCursor plain = pane.document()->find(QStringLiteral("provided by the manufacturer"));
    ASSERT_FALSE(plain.isNull());
    QTextCursor plainInside(pane.document());
    plainInside.setPosition(plain.selectionStart() + 1);
    EXPECT_EQ(plainInside.charFormat().background().style(), Qt::NoBrush);
    const QTextCursor explanation = pane.document()->find(QStringLiteral("Matched in the funding statement:"));
    ASSERT_FALSE(explanation.isNull());
    QTextCursor found = pane.document()->find(QStringLiteral("provided by the manufacturer"), explanation);
    ASSERT_FALSE(found.isNull());
    QTextCursor inside(pane.document());
    inside.setPosition(found.selectionStart() + 1);
    EXPECT_NE(inside.charFormat().background().style(), Qt::NoBrush);
    EXPECT_GE(inside.charFormat().fontWeight(), QFont::Bold);
    EXPECT_TRUE(inside.charFormat().fontUnderline());
}

TEST(PaneHtml, OutrankedSuggestionsStepBackAndSaySo)
{
    StudyDetailModel model(Vocabularies::builtin());
    const auto [study, suggestions] = studyWithSuggestions();
    model.setStudy(study, suggestions);
    ConclusionPane pane(&model);
    const QString text = pane.toPlainText();
    const QString rules = text.mid(text.indexOf(QStringLiteral("What the rules suggest")));
    EXPECT_TRUE(rules.contains(QStringLiteral("rule design.case_reports (outranked)"))) << rules.toStdString();
    EXPECT_TRUE(rules.contains(QStringLiteral("rule independence.product_supplied"))) << rules.toStdString();
    // The winning value is bold, the outranked one is not.
    const auto weightOf = [&](const QString &words) {
        QTextCursor found = pane.document()->find(words);
        EXPECT_FALSE(found.isNull()) << words.toStdString();
        QTextCursor inside(pane.document());
        inside.setPosition(found.selectionStart() + 1);
        return inside.charFormat().fontWeight();
    };
    const QString caseReports = Vocabularies::builtin().design.label(QStringLiteral("case_reports"));
    EXPECT_LT(weightOf(caseReports), QFont::Bold);
    const QString linked = Vocabularies::builtin().independence.label(QStringLiteral("industry-linked"));
    // Find the rules section's occurrence (after the heading), not the curated one above.
    QTextCursor heading = pane.document()->find(QStringLiteral("What the rules suggest"));
    QTextCursor value = pane.document()->find(linked, heading);
    ASSERT_FALSE(value.isNull());
    QTextCursor inside(pane.document());
    inside.setPosition(value.selectionStart() + 1);
    EXPECT_GE(inside.charFormat().fontWeight(), QFont::Bold);
}

TEST(PaneHtml, SectionsCarryAnchorsToScrollTo)
{
    StudyDetailModel model(Vocabularies::builtin());
    const auto [study, suggestions] = studyWithSuggestions();
    model.setStudy(study, suggestions);
    EXPECT_TRUE(studyDetailHtml(model).contains(QStringLiteral("<a name=\"section-rules\"></a>")));
    ConclusionPane pane(&model);
    EXPECT_TRUE(pane.scrollToSection(QStringLiteral("rules")));
    EXPECT_FALSE(pane.scrollToSection(QStringLiteral("no-such-section")));
}
