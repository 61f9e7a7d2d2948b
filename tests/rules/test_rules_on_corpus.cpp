// What the default rules must suggest for each of the 20 seeded studies, and that those
// suggestions agree with the curated values wherever both exist.
#include "io/studyfile.h"
#include "model/vocabulary.h"
#include "rules/ruleengine.h"
#include "support/templibrary.h"

#include <QSet>

#include <gtest/gtest.h>

using namespace mgreview;

namespace {

struct Expected {
    const char *id;
    const char *independence;
    const char *link;
    const char *design;
    const char *direction; ///< "" = no rule fires (no verified conclusion to read).
    std::initializer_list<const char *> populations;
    std::initializer_list<const char *> crampTypes;
};

// Checked by hand against the studies/ files. Every winning value here also agrees with the
// curated value where the study has one (see CuratedAndRulesAgree); there is no known
// disagreement. Studies without a verified conclusion get no direction from the rules.
const Expected kExpected[] = {
    {"araujo2020_plosone", "unclear", "", "rct", "", {"pregnant_women"}, {"pregnancy"}},
    {"barna2021_rct", "industry-linked", "funded", "rct", "benefit", {"general_adults"}, {"nocturnal_idiopathic"}},
    {"bilbey1996_case_reports", "unclear", "", "case_reports", "", {"athletes", "older_adults"}, {"disease_state", "exercise_associated", "mg_deficiency"}},
    {"cohenhagai2018_rct", "unclear", "", "rct", "", {"cirrhosis"}, {"disease_state"}},
    {"dahle1995_rct", "industry-linked", "funded", "rct", "benefit", {"pregnant_women"}, {"pregnancy"}},
    {"frusso1999_rct", "unclear", "", "rct_crossover", "no_benefit", {"older_adults"}, {"nocturnal_idiopathic"}},
    {"garrison2011_infusion_rct", "unclear", "", "rct", "", {"older_adults"}, {"nocturnal_idiopathic"}},
    {"garrison2012_cochrane", "unclear", "", "cochrane_review", "", {"older_adults", "pregnant_women"}, {"nocturnal_idiopathic", "pregnancy"}},
    {"garrison2020_cochrane", "unclear", "", "cochrane_review", "no_benefit", {"cirrhosis", "older_adults", "pregnant_women"}, {"disease_state", "nocturnal_idiopathic", "pregnancy"}},
    {"miller2010_sportshealth", "unclear", "", "narrative_review", "not_about_intervention", {"athletes"}, {"exercise_associated"}},
    {"miller2022_jat", "unclear", "", "narrative_review", "not_about_intervention", {"athletes"}, {"exercise_associated"}},
    {"nct00963638_unpublished", "unclear", "", "rct", "", {"older_adults"}, {"nocturnal_idiopathic"}},
    {"nygaard2008_rct", "industry-linked", "product-supplied", "rct", "no_benefit", {"pregnant_women"}, {"pregnancy"}},
    {"roffe2002_rct", "unclear", "", "rct_crossover", "benefit", {"older_adults"}, {"nocturnal_idiopathic"}},
    {"roguinmaor2017_rct", "unclear", "", "rct", "no_benefit", {"older_adults"}, {"nocturnal_idiopathic"}},
    {"sebo2014_sr", "unclear", "", "cochrane_review", "no_benefit", {"general_adults", "pregnant_women"}, {"nocturnal_idiopathic", "pregnancy"}},
    {"sohrabvand2006_rct", "unclear", "", "rct", "", {"pregnant_women"}, {"pregnancy"}},
    {"supakatisant2015_rct", "unclear", "", "rct", "benefit", {"pregnant_women"}, {"pregnancy"}},
    {"tarsitano2024_sr", "unclear", "", "systematic_review", "benefit", {"athletes"}, {"doms"}},
    {"varghese2020_dialysate_review", "independent", "", "narrative_review", "", {"hemodialysis"}, {"disease_state"}},
};

QSet<QString> toSet(std::initializer_list<const char *> list)
{
    QSet<QString> out;
    for (const char *item : list)
        out.insert(QString::fromLatin1(item));
    return out;
}

QSet<QString> winners(const QVector<Suggestion> &suggestions, RuleTarget target)
{
    QSet<QString> out;
    for (const Suggestion &s : suggestions)
        if (s.target == target && s.winning)
            out.insert(s.value);
    return out;
}

QString winningLink(const QVector<Suggestion> &suggestions)
{
    for (const Suggestion &s : suggestions)
        if (s.target == RuleTarget::Independence && s.winning)
            return s.link;
    return {};
}

QVector<Study> seededStudies()
{
    QStringList errors;
    const QVector<LoadedStudy> loaded =
        readStudyFolder(mgreview::testing::projectStudiesFolder(), Vocabularies::builtin(), &errors);
    EXPECT_TRUE(errors.isEmpty()) << errors.join(u'\n').toStdString();
    QVector<Study> out;
    for (const LoadedStudy &item : loaded)
        out.append(item.study);
    return out;
}

QSet<QString> single(const char *value)
{
    return *value ? QSet<QString>{QString::fromLatin1(value)} : QSet<QString>{};
}

} // namespace

TEST(RulesOnCorpus, DefaultRulesSuggestTheExpectedValues)
{
    const QVector<Study> studies = seededStudies();
    ASSERT_EQ(studies.size(), int(std::size(kExpected)));
    const RuleEngine engine(defaultRules());
    for (const Expected &e : kExpected) {
        const auto it = std::find_if(studies.cbegin(), studies.cend(), [&](const Study &s) { return s.id == QLatin1StringView(e.id); });
        ASSERT_NE(it, studies.cend()) << e.id;
        const QVector<Suggestion> suggestions = engine.classify(*it);
        SCOPED_TRACE(e.id);
        EXPECT_EQ(winners(suggestions, RuleTarget::Independence), single(e.independence));
        EXPECT_EQ(winningLink(suggestions), QString::fromLatin1(e.link));
        EXPECT_EQ(winners(suggestions, RuleTarget::Design), single(e.design));
        EXPECT_EQ(winners(suggestions, RuleTarget::Direction), single(e.direction));
        EXPECT_EQ(winners(suggestions, RuleTarget::Population), toSet(e.populations));
        EXPECT_EQ(winners(suggestions, RuleTarget::CrampType), toSet(e.crampTypes));
    }
}

TEST(RulesOnCorpus, CuratedAndRulesAgree)
{
    const RuleEngine engine(defaultRules());
    int compared = 0;
    for (const Study &s : seededStudies()) {
        SCOPED_TRACE(s.id.toStdString());
        const QVector<Suggestion> suggestions = engine.classify(s);
        const auto check = [&](RuleTarget target, const QSet<QString> &curated) {
            const QSet<QString> suggested = winners(suggestions, target);
            if (curated.isEmpty() || suggested.isEmpty())
                return;
            ++compared;
            EXPECT_EQ(suggested, curated) << ruleTargetName(target).toStdString();
        };
        check(RuleTarget::Independence, s.independence.value.isEmpty() ? QSet<QString>{} : QSet<QString>{s.independence.value});
        check(RuleTarget::Design, s.design.isEmpty() ? QSet<QString>{} : QSet<QString>{s.design});
        check(RuleTarget::Direction, s.direction.isEmpty() ? QSet<QString>{} : QSet<QString>{s.direction});
        check(RuleTarget::Population, QSet<QString>(s.populations.cbegin(), s.populations.cend()));
        check(RuleTarget::CrampType, QSet<QString>(s.crampTypes.cbegin(), s.crampTypes.cend()));
        // The industry link type agrees too.
        if (s.independence.value == u"industry-linked") {
            EXPECT_EQ(winningLink(suggestions), s.independence.link);
        }
    }
    EXPECT_GE(compared, 90) << "most attributes are both curated and suggested";
}

TEST(RulesOnCorpus, EveryExplanationQuotesTheRecord)
{
    const RuleEngine engine(defaultRules());
    for (const Study &s : seededStudies()) {
        for (const Suggestion &g : engine.classify(s)) {
            SCOPED_TRACE(QString(s.id + u' ' + g.ruleId).toStdString());
            EXPECT_FALSE(g.reason.isEmpty());
            if (g.match.start < 0)
                continue;
            const QStringList texts = ruleFieldTexts(s, g.match.field);
            ASSERT_LT(g.match.textIndex, texts.size());
            EXPECT_EQ(texts.at(g.match.textIndex).mid(g.match.start, g.match.length), g.match.text);
        }
    }
}
