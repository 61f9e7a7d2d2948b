// Effective independence = reviewers' decision, else the curated value, else a rule's
// suggestion; always with its source and reason. The table rows (StudyStore::summaries),
// the output views (withRuleSuggestions) and the filter all follow it.
#include "reviewfixture.h"

#include "library/studyfilter.h"
#include "model/vocabulary.h"
#include "rules/classifier.h"
#include "rules/effectivestudy.h"
#include "rules/suggestionstore.h"

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class PrecedenceTest : public ReviewTest
{
protected:
    /// A rule that calls every study independent, at the highest priority.
    void classifyEverythingIndependent()
    {
        const RuleLoadResult rules = parseRules(
            "[[rule]]\nid = \"all.independent\"\ntarget = \"independence\"\nvalue = \"independent\"\n"
            "priority = 1000\nreason = \"every study (test rule)\"\nwhen = { field = \"title\", regex = \".\" }\n",
            QStringLiteral("test.toml"), Vocabularies::builtin());
        ASSERT_TRUE(rules.errors.isEmpty()) << str(rules.errors.join(u'\n'));
        const ClassifyReport report = classifyLibrary(db(), RuleEngine(rules.rules));
        ASSERT_TRUE(report.error.isEmpty()) << str(report.error);
    }
    /// An imported record that nobody coded.
    void addUncodedStudy()
    {
        Study s;
        s.id = QStringLiteral("imported_1");
        s.citation.title = QStringLiteral("Magnesium for night cramps");
        QString error;
        ASSERT_TRUE(StudyStore(db()).insert(s, &error)) << str(error);
    }
    QStringList idsWith(IndependenceFilter independence)
    {
        QString error;
        const std::optional<QVector<StudySummary>> rows = StudyStore(db()).summaries(&error);
        EXPECT_TRUE(rows) << str(error);
        StudyFilter filter;
        filter.independence = independence;
        QStringList ids;
        for (const StudySummary &s : rows.value_or(QVector<StudySummary>())) {
            if (filter.accepts(s))
                ids.append(s.id);
        }
        ids.sort();
        return ids;
    }
    const QStringList industryTrials
        = { QStringLiteral("barna2021_rct"), QStringLiteral("dahle1995_rct"), QStringLiteral("nygaard2008_rct") };
};

} // namespace

TEST_P(PrecedenceTest, ReviewerBeforeCuratedBeforeRule)
{
    addUncodedStudy();
    EXPECT_EQ(row(QStringLiteral("imported_1")).independenceSource, QStringLiteral("none"));
    classifyEverythingIndependent();

    // Rule: only where nobody decided.
    StudySummary r = row(QStringLiteral("imported_1"));
    EXPECT_EQ(r.independence, QStringLiteral("independent"));
    EXPECT_EQ(r.independenceSource, QStringLiteral("rule"));
    EXPECT_EQ(r.independenceReason, QStringLiteral("every study (test rule)"));
    // Curated beats the rule.
    r = row(QStringLiteral("dahle1995_rct"));
    EXPECT_EQ(r.independence, QStringLiteral("industry-linked"));
    EXPECT_EQ(r.independenceSource, QStringLiteral("curated"));
    // A reviewer beats both.
    flag(QStringLiteral("dahle1995_rct"), QStringLiteral("Bea"),
        judgement("industry-linked", "company-run", "tablets and placebo prepared by ACO Lakemedel"));
    flag(QStringLiteral("imported_1"), QStringLiteral("Bea"), judgement("unclear", "", "no statement"));
    r = row(QStringLiteral("dahle1995_rct"));
    EXPECT_EQ(r.independence, QStringLiteral("industry-linked"));
    EXPECT_EQ(r.independenceLink, QStringLiteral("company-run"));
    EXPECT_EQ(r.independenceSource, QStringLiteral("reviewer"));
    EXPECT_TRUE(r.independenceReason.startsWith(QStringLiteral("Bea, ")));
    EXPECT_TRUE(r.independenceReason.endsWith(QStringLiteral("tablets and placebo prepared by ACO Lakemedel")));
    r = row(QStringLiteral("imported_1"));
    EXPECT_EQ(r.independence, QStringLiteral("unclear"));
    EXPECT_EQ(r.independenceSource, QStringLiteral("reviewer"));

    // The record itself is never changed by a judgement.
    QString error;
    EXPECT_EQ(
        StudyStore(db()).load(QStringLiteral("dahle1995_rct"), &error)->independence.link, QStringLiteral("funded"));
}

TEST_P(PrecedenceTest, OutputViewsFollowTheSameOrder)
{
    classifyEverythingIndependent();
    QString error;
    const Study study = *StudyStore(db()).load(QStringLiteral("nygaard2008_rct"), &error);
    const QVector<Suggestion> suggestions = *SuggestionStore(db()).forStudy(study.id, &error);
    ASSERT_FALSE(suggestions.isEmpty());

    EffectiveClassification e = effectiveClassification(study, suggestions, RuleTarget::Independence);
    EXPECT_EQ(e.source, ClassificationSource::Curated);
    EXPECT_EQ(e.values, QStringList { QStringLiteral("industry-linked") });

    flag(study.id, QStringLiteral("Bea"), judgement("industry-linked", "author-paid", "compensated by Nycomed"));
    const std::optional<ReviewOutcome> outcome = service().outcome(study.id, &error);
    ASSERT_TRUE(outcome && outcome->decides()) << str(error);
    e = effectiveClassification(study, suggestions, RuleTarget::Independence, outcome->independence);
    EXPECT_EQ(e.source, ClassificationSource::Reviewer);
    EXPECT_EQ(e.link, QStringLiteral("author-paid"));
    // Other targets are not the reviewers' business.
    EXPECT_EQ(effectiveClassification(study, suggestions, RuleTarget::Design, outcome->independence).source,
        ClassificationSource::Curated);

    ClassificationSources sources;
    const Study seen = withRuleSuggestions(study, suggestions, &sources, outcome->independence);
    EXPECT_EQ(sources.independence, QStringLiteral("reviewer"));
    EXPECT_EQ(seen.independence.value, QStringLiteral("industry-linked"));
    EXPECT_EQ(seen.independence.link, QStringLiteral("author-paid"));
    EXPECT_EQ(seen.independence.source, ClassificationSource::Reviewer);
    EXPECT_EQ(withRuleSuggestions(study, suggestions, &sources).independence.link, QStringLiteral("product-supplied"));
    EXPECT_EQ(sources.independence, QStringLiteral("curated"));

    const std::optional<QHash<QString, Independence>> reviewed = reviewerIndependenceByStudy(db(), &error);
    ASSERT_TRUE(reviewed) << str(error);
    EXPECT_EQ(reviewed->keys(), QStringList { study.id });
}

TEST_P(PrecedenceTest, SeededIndustryLinkedTrialsAreExcludedByIndependentOnly)
{
    // The curated values: the three industry-linked trials, one independent review.
    EXPECT_EQ(idsWith(IndependenceFilter::IndustryLinked), industryTrials);
    EXPECT_EQ(
        idsWith(IndependenceFilter::Independent), QStringList { QStringLiteral("varghese2020_dialysate_review") });
    // A rule calling everything independent changes nothing for coded studies.
    classifyEverythingIndependent();
    for (const QString &id : industryTrials)
        EXPECT_FALSE(idsWith(IndependenceFilter::Independent).contains(id)) << str(id);
    EXPECT_EQ(idsWith(IndependenceFilter::IndustryLinked), industryTrials);
    EXPECT_EQ(idsWith(IndependenceFilter::All).size(), 20);
}

TEST_P(PrecedenceTest, AFlagMovesAStudyBetweenFilters)
{
    const QString study = QStringLiteral("supakatisant2015_rct"); // curated: unclear
    ASSERT_TRUE(idsWith(IndependenceFilter::Unclear).contains(study));
    flag(study, QStringLiteral("Bea"), judgement("independent", "", "university grant; no manufacturer role stated"));
    EXPECT_TRUE(idsWith(IndependenceFilter::Independent).contains(study));
    EXPECT_FALSE(idsWith(IndependenceFilter::Unclear).contains(study));

    // A second reviewer disagrees: disputed studies are not shown as independent.
    flag(study, QStringLiteral("Carl"), judgement("industry-linked", "product-supplied", "Albion's chelate"));
    EXPECT_FALSE(idsWith(IndependenceFilter::Independent).contains(study));
    EXPECT_TRUE(idsWith(IndependenceFilter::Unclear).contains(study));

    QString error;
    ASSERT_TRUE(service().recordResolution(study, QStringLiteral("Dan"),
        { QStringLiteral("industry-linked"), QStringLiteral("product-supplied"),
            QStringLiteral("trade press names the product"), QStringLiteral("third-reviewer") },
        &error))
        << str(error);
    EXPECT_EQ(idsWith(IndependenceFilter::IndustryLinked),
        (QStringList { QStringLiteral("barna2021_rct"), QStringLiteral("dahle1995_rct"),
            QStringLiteral("nygaard2008_rct"), study }));
    EXPECT_FALSE(idsWith(IndependenceFilter::Independent).contains(study));
}

INSTANTIATE_TEST_SUITE_P(Backends, PrecedenceTest, kAllBackends, backendName);
