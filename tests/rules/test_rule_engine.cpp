// The rule engine: each test kind, composition, precedence, human decisions over rules, determinism.
#include "model/vocabulary.h"
#include "rules/ruleengine.h"

#include <gtest/gtest.h>

using namespace mgreview;

namespace {

RuleSet rulesFrom(const char *text)
{
    RuleLoadResult result = parseRules(QByteArray(text), QStringLiteral("t.toml"), Vocabularies::builtin());
    EXPECT_TRUE(result.errors.isEmpty()) << (result.errors.isEmpty() ? "" : result.errors.first().toStdString());
    return result.rules;
}

Study study(const QString &title, const QString &conclusion = {}, const QString &funding = {})
{
    Study s;
    s.id = QStringLiteral("s1");
    s.citation.title = title;
    if (!conclusion.isEmpty())
        s.conclusions.append({conclusion, QStringLiteral("abstract"), {}, {}});
    s.funding.statement = funding;
    return s;
}

bool holds(const char *conditionToml, const Study &s, RuleMatch *match = nullptr)
{
    const QByteArray text = QByteArray("[[rule]]\nid = \"t\"\ntarget = \"design\"\nvalue = \"rct\"\nreason = \"r\"\nwhen = ") +
                            conditionToml + '\n';
    const RuleSet rules = rulesFrom(text.constData());
    if (rules.rules.isEmpty())
        return false;
    return RuleEngine::evaluate(rules.rules.first().when, s, match);
}

} // namespace

TEST(RuleEngine, ContainsIsCaseInsensitiveByDefaultAndReportsTheSpan)
{
    RuleMatch match;
    ASSERT_TRUE(holds(R"({ field = "title", contains = "randomised" })", study(QStringLiteral("A RANDOMISED trial")), &match));
    EXPECT_EQ(match.field, RuleField::Title);
    EXPECT_EQ(match.start, 2);
    EXPECT_EQ(match.length, 10);
    EXPECT_EQ(match.text, u"RANDOMISED") << "the span shows the record's own text";
    EXPECT_FALSE(holds(R"({ field = "title", contains = "randomised", case_sensitive = true })",
                       study(QStringLiteral("A RANDOMISED trial"))));
}

TEST(RuleEngine, WordNeedsWordBoundaries)
{
    EXPECT_TRUE(holds(R"({ field = "title", word = "RCT" })", study(QStringLiteral("An RCT of magnesium"))));
    EXPECT_FALSE(holds(R"({ field = "title", word = "RCT" })", study(QStringLiteral("Four RCTs of magnesium"))));
    EXPECT_TRUE(holds(R"({ field = "title", word = "RCT" })", study(QStringLiteral("RCTs, and one RCT"))));
}

TEST(RuleEngine, RegexAndEquals)
{
    RuleMatch match;
    ASSERT_TRUE(holds(R"({ field = "conclusions", regex = "not\\s+effective" })",
                      study(QStringLiteral("t"), QStringLiteral("Magnesium was not   effective.")), &match));
    EXPECT_EQ(match.field, RuleField::Conclusions);
    EXPECT_EQ(match.text, u"not   effective");
    EXPECT_TRUE(holds(R"({ field = "funding", equals = "none" })", study(QStringLiteral("t"), {}, QStringLiteral(" None "))));
    EXPECT_FALSE(holds(R"({ field = "funding", equals = "none" })", study(QStringLiteral("t"), {}, QStringLiteral("none given"))));
}

TEST(RuleEngine, CompositionAllAnyNot)
{
    const Study s = study(QStringLiteral("A randomised crossover trial"));
    EXPECT_TRUE(holds(R"({ all = [ { field = "title", contains = "randomised" }, { field = "title", contains = "crossover" } ] })", s));
    EXPECT_FALSE(holds(R"({ all = [ { field = "title", contains = "randomised" }, { field = "title", contains = "parallel" } ] })", s));
    EXPECT_TRUE(holds(R"({ any = [ { field = "title", contains = "cohort" }, { field = "title", contains = "crossover" } ] })", s));
    EXPECT_FALSE(holds(R"({ any = [ { field = "title", contains = "cohort" }, { field = "abstract", contains = "crossover" } ] })", s));
    EXPECT_TRUE(holds(R"({ not = { field = "title", contains = "cohort" } })", s));
    EXPECT_FALSE(holds(R"({ not = { field = "title", contains = "crossover" } })", s));
    RuleMatch match;
    ASSERT_TRUE(holds(R"({ all = [ { not = { field = "title", contains = "cohort" } }, { field = "title", word = "trial" } ] })", s, &match));
    EXPECT_EQ(match.text, u"trial") << "a negation has no span; the positive test's span is shown";
}

TEST(RuleEngine, MultiValuedFieldsReportWhichValueMatched)
{
    Study s = study(QStringLiteral("t"));
    s.conclusions.append({QStringLiteral("First says nothing."), QStringLiteral("abstract"), {}, {}});
    s.conclusions.append({QStringLiteral("Second: no benefit."), QStringLiteral("full_text"), {}, {}});
    RuleMatch match;
    ASSERT_TRUE(holds(R"({ field = "conclusions", contains = "no benefit" })", s, &match));
    EXPECT_EQ(match.textIndex, 1);
    EXPECT_EQ(match.start, 8);
}

TEST(RuleEngine, PriorityThenSpecificityThenIdDecides)
{
    const RuleSet rules = rulesFrom(R"(
[[rule]]
id = "b.low"
target = "direction"
value = "benefit"
priority = 10
reason = "low"
when = { field = "conclusions", contains = "effective" }

[[rule]]
id = "a.high"
target = "direction"
value = "no_benefit"
priority = 60
reason = "high: {match}"
when = { field = "conclusions", contains = "not effective" }

[[rule]]
id = "c.specific"
target = "direction"
value = "inconclusive"
priority = 10
reason = "specific"
when = { all = [ { field = "conclusions", contains = "effective" }, { field = "title", contains = "trial" } ] }
)");
    const RuleEngine engine(rules);
    const QVector<Suggestion> out = engine.classify(study(QStringLiteral("A trial"), QStringLiteral("Magnesium was not effective.")));
    ASSERT_EQ(out.size(), 3);
    EXPECT_EQ(out.at(0).ruleId, u"a.high");
    EXPECT_TRUE(out.at(0).winning);
    EXPECT_EQ(out.at(0).reason, u"high: not effective");
    EXPECT_EQ(out.at(1).ruleId, u"c.specific") << "same priority: more tests win";
    EXPECT_FALSE(out.at(1).winning) << "losing suggestions stay visible";
    EXPECT_EQ(out.at(2).ruleId, u"b.low");
    EXPECT_FALSE(out.at(2).winning);
}

TEST(RuleEngine, SetTargetsKeepOneWinnerPerValue)
{
    const RuleSet rules = rulesFrom(R"(
[[rule]]
id = "p1"
target = "population"
value = "pregnant_women"
reason = "r"
when = { field = "title", contains = "pregnan" }

[[rule]]
id = "p2"
target = "population"
value = "older_adults"
reason = "r"
when = { field = "title", contains = "elderly" }

[[rule]]
id = "p3"
target = "population"
value = "pregnant_women"
priority = 10
reason = "r"
when = { field = "title", contains = "women" }
)");
    const QVector<Suggestion> out = RuleEngine(rules).classify(study(QStringLiteral("Pregnant women and the elderly")));
    ASSERT_EQ(out.size(), 3);
    int winners = 0;
    for (const Suggestion &s : out)
        winners += s.winning ? 1 : 0;
    EXPECT_EQ(winners, 2);
    const EffectiveClassification e = effectiveClassification(study(QStringLiteral("x")), out, RuleTarget::Population);
    EXPECT_EQ(e.source, ClassificationSource::Rule);
    EXPECT_EQ(QSet<QString>(e.values.begin(), e.values.end()),
              (QSet<QString>{QStringLiteral("pregnant_women"), QStringLiteral("older_adults")}));
}

TEST(RuleEngine, CuratedValuesOutrankRules)
{
    Study s = study(QStringLiteral("A randomised trial"), QStringLiteral("not effective"));
    s.design = QStringLiteral("rct_crossover");
    s.independence = {QStringLiteral("independent"), {}, QStringLiteral("public grant"), ClassificationSource::Curated};
    const QVector<Suggestion> suggestions = RuleEngine(defaultRules()).classify(s);
    const EffectiveClassification design = effectiveClassification(s, suggestions, RuleTarget::Design);
    EXPECT_EQ(design.source, ClassificationSource::Curated);
    EXPECT_EQ(design.values, QStringList{QStringLiteral("rct_crossover")});
    const EffectiveClassification independence = effectiveClassification(s, suggestions, RuleTarget::Independence);
    EXPECT_EQ(independence.source, ClassificationSource::Curated);
    EXPECT_EQ(independence.reason, u"public grant");
    // With no curated direction, the rule decides.
    const EffectiveClassification direction = effectiveClassification(s, suggestions, RuleTarget::Direction);
    EXPECT_EQ(direction.source, ClassificationSource::Rule);
    EXPECT_EQ(direction.values, QStringList{QStringLiteral("no_benefit")});
    ASSERT_FALSE(direction.decidingSuggestions.isEmpty());
    EXPECT_EQ(direction.decidingSuggestions.first().ruleId, u"direction.no_benefit");
}

TEST(RuleEngine, ReRunningGivesIdenticalResults)
{
    QVector<Study> studies;
    for (int i = 0; i < 2000; ++i)
        studies.append(study(QStringLiteral("Randomised trial %1 in pregnant women").arg(i),
                             i % 2 ? QStringLiteral("Magnesium was not effective.") : QStringLiteral("It may reduce cramps."),
                             i % 3 ? QString() : QStringLiteral("Funded by the Canadian Institutes of Health Research")));
    const RuleEngine engine(defaultRules());
    const auto first = engine.classifyAll(studies);
    const auto second = engine.classifyAll(studies);
    ASSERT_EQ(first.size(), studies.size());
    for (int i = 0; i < studies.size(); ++i) {
        ASSERT_EQ(first.at(i).size(), second.at(i).size());
        for (int j = 0; j < first.at(i).size(); ++j) {
            EXPECT_EQ(first.at(i).at(j).ruleId, second.at(i).at(j).ruleId);
            EXPECT_EQ(first.at(i).at(j).winning, second.at(i).at(j).winning);
        }
        // And the parallel run equals the one-study path.
        const QVector<Suggestion> single = engine.classify(studies.at(i));
        ASSERT_EQ(single.size(), first.at(i).size());
        for (int j = 0; j < single.size(); ++j)
            EXPECT_EQ(single.at(j).ruleId, first.at(i).at(j).ruleId);
    }
}

TEST(RuleEngine, CancelStopsEarly)
{
    QVector<Study> studies(20000, study(QStringLiteral("Randomised trial")));
    std::atomic_bool cancel{true};
    const auto out = RuleEngine(defaultRules()).classifyAll(studies, &cancel);
    int classified = 0;
    for (const auto &list : out)
        classified += list.isEmpty() ? 0 : 1;
    EXPECT_EQ(classified, 0);
}

TEST(RuleEngine, PatternsThatMatchEmptyTextStillSeeEmptyFields)
{
    // Empty fields are skipped for speed only when the test cannot hold for them.
    EXPECT_TRUE(holds(R"({ field = "funding", regex = "^$" })", study(QStringLiteral("t"))));
    EXPECT_FALSE(holds(R"({ field = "funding", regex = "^$" })", study(QStringLiteral("t"), {}, QStringLiteral("x"))));
    EXPECT_FALSE(holds(R"({ field = "funding", regex = "\\S" })", study(QStringLiteral("t"))));
}
