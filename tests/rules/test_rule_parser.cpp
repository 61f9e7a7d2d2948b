// The rules loader: valid files load; every kind of mistake is reported at its line and column.
#include "model/vocabulary.h"
#include "rules/ruleloader.h"

#include <QTemporaryDir>
#include <QFile>

#include <gtest/gtest.h>

using namespace mgreview;

namespace {

RuleLoadResult parse(const char *text)
{
    return parseRules(QByteArray(text), QStringLiteral("rules.toml"), Vocabularies::builtin());
}

std::string firstError(const RuleLoadResult &result)
{
    return result.errors.isEmpty() ? std::string("<no error>") : result.errors.constFirst().toStdString();
}

const char *kValid = R"TOML(
[[rule]]
id = "independence.sponsor"
description = "Sponsored"
target = "independence"
value = "industry-linked"
link = "funded"
priority = 70
reason = "Sponsor named: {match}"
when = { any = [
  { field = "funding", contains = "sponsored by" },
  { field = "funding", regex = "funded by [A-Z]\\w+ (Inc|Ltd)" },
] }

[[rule]]
id = "design.rct"
target = "design"
value = "rct"
reason = "Randomised"
[rule.when]
all = [ { field = "title", word = "randomized" }, { not = { field = "title", equals = "protocol" } } ]
)TOML";

} // namespace

TEST(RuleParser, ValidFileLoadsEveryRuleWithItsParts)
{
    const RuleLoadResult result = parse(kValid);
    ASSERT_TRUE(result.errors.isEmpty()) << firstError(result);
    ASSERT_EQ(result.rules.rules.size(), 2);
    const Rule &sponsor = result.rules.rules.at(0);
    EXPECT_EQ(sponsor.id, u"independence.sponsor");
    EXPECT_EQ(sponsor.target, RuleTarget::Independence);
    EXPECT_EQ(sponsor.value, u"industry-linked");
    EXPECT_EQ(sponsor.link, u"funded");
    EXPECT_EQ(sponsor.priority, 70);
    EXPECT_EQ(sponsor.line, 2);
    EXPECT_EQ(sponsor.when.kind, RuleCondition::Kind::Any);
    ASSERT_EQ(sponsor.when.children.size(), 2);
    EXPECT_EQ(sponsor.when.children.at(1).test, RuleCondition::Test::Regex);
    EXPECT_TRUE(sponsor.when.children.at(1).regex.isValid());
    const Rule &rct = result.rules.rules.at(1);
    EXPECT_EQ(rct.priority, 50) << "default priority";
    EXPECT_EQ(rct.when.kind, RuleCondition::Kind::All);
    EXPECT_EQ(rct.when.testCount(), 2);
    EXPECT_FALSE(result.rules.hash.isEmpty());
}

TEST(RuleParser, DefaultRulesLoad)
{
    const RuleSet &rules = defaultRules();
    EXPECT_GE(rules.rules.size(), 30);
    QStringList targets;
    for (const Rule &rule : rules.rules)
        targets.append(ruleTargetName(rule.target));
    for (const QString &target : ruleTargetNames())
        EXPECT_TRUE(targets.contains(target)) << target.toStdString();
}

TEST(RuleParser, SyntaxErrorHasLineAndColumn)
{
    const RuleLoadResult result = parse("[[rule]]\nid = \"x\"\ntarget = = \"design\"\n");
    ASSERT_EQ(result.errors.size(), 1);
    EXPECT_TRUE(result.errors.first().startsWith(u"rules.toml:3:")) << firstError(result);
    EXPECT_TRUE(result.rules.rules.isEmpty());
}

TEST(RuleParser, UnknownFieldIsReportedAtTheFieldValue)
{
    const RuleLoadResult result = parse("[[rule]]\nid = \"x\"\ntarget = \"design\"\nvalue = \"rct\"\nreason = \"r\"\n"
                                        "when = { field = \"titel\", contains = \"x\" }\n");
    ASSERT_EQ(result.errors.size(), 1) << firstError(result);
    EXPECT_TRUE(result.errors.first().startsWith(u"rules.toml:6:18: unknown field 'titel'")) << firstError(result);
}

TEST(RuleParser, UnknownKeyIsReported)
{
    const RuleLoadResult result = parse("[[rule]]\nid = \"x\"\ntarget = \"design\"\nvalue = \"rct\"\nreason = \"r\"\n"
                                        "priorty = 3\nwhen = { field = \"title\", contains = \"x\" }\n");
    ASSERT_FALSE(result.errors.isEmpty());
    EXPECT_EQ(result.errors.first(), u"rules.toml:6:1: unknown key 'priorty'") << firstError(result);
}

TEST(RuleParser, UnknownTargetValueIsReportedAtTheValue)
{
    const RuleLoadResult result = parse("[[rule]]\nid = \"x\"\ntarget = \"design\"\nvalue = \"rtc\"\nreason = \"r\"\n"
                                        "when = { field = \"title\", contains = \"x\" }\n");
    ASSERT_EQ(result.errors.size(), 1);
    EXPECT_TRUE(result.errors.first().startsWith(u"rules.toml:4:9: unknown design value 'rtc'")) << firstError(result);
}

TEST(RuleParser, UnknownTargetIsReported)
{
    const RuleLoadResult result = parse("[[rule]]\nid = \"x\"\ntarget = \"colour\"\nvalue = \"rct\"\nreason = \"r\"\n"
                                        "when = { field = \"title\", contains = \"x\" }\n");
    ASSERT_FALSE(result.errors.isEmpty());
    EXPECT_TRUE(result.errors.first().startsWith(u"rules.toml:3:10: unknown target 'colour'")) << firstError(result);
}

TEST(RuleParser, InvalidRegularExpressionPointsIntoThePattern)
{
    // The unbalanced parenthesis: column of the string (14) + 1 for the quote + offset.
    const RuleLoadResult result = parse("[[rule]]\nid = \"x\"\ntarget = \"design\"\nvalue = \"rct\"\nreason = \"r\"\n"
                                        "when = { field = \"title\", regex = \"ab(c\" }\n");
    ASSERT_EQ(result.errors.size(), 1);
    const QString &error = result.errors.first();
    EXPECT_TRUE(error.startsWith(u"rules.toml:6:")) << error.toStdString();
    EXPECT_TRUE(error.contains(u"invalid regular expression")) << error.toStdString();
    const int column = error.section(u':', 2, 2).toInt();
    EXPECT_GE(column, 36);
    EXPECT_LE(column, 40);
}

TEST(RuleParser, DuplicateIdNamesTheFirstDefinition)
{
    const RuleLoadResult result = parse(
        "[[rule]]\nid = \"x\"\ntarget = \"design\"\nvalue = \"rct\"\nreason = \"r\"\nwhen = { field = \"title\", contains = \"x\" }\n"
        "[[rule]]\nid = \"x\"\ntarget = \"design\"\nvalue = \"rct\"\nreason = \"r\"\nwhen = { field = \"title\", contains = \"y\" }\n");
    ASSERT_EQ(result.errors.size(), 1);
    EXPECT_EQ(result.errors.first(), u"rules.toml:8:6: duplicate rule id 'x' (first defined on line 1)");
}

TEST(RuleParser, LinkOnlyForIndustryLinked)
{
    const RuleLoadResult result = parse("[[rule]]\nid = \"x\"\ntarget = \"design\"\nvalue = \"rct\"\nlink = \"funded\"\n"
                                        "reason = \"r\"\nwhen = { field = \"title\", contains = \"x\" }\n");
    ASSERT_EQ(result.errors.size(), 1);
    EXPECT_TRUE(result.errors.first().startsWith(u"rules.toml:5:8: 'link' only applies")) << firstError(result);
}

TEST(RuleParser, TestNeedsExactlyOnePattern)
{
    const RuleLoadResult result = parse("[[rule]]\nid = \"x\"\ntarget = \"design\"\nvalue = \"rct\"\nreason = \"r\"\n"
                                        "when = { field = \"title\", contains = \"x\", word = \"y\" }\n");
    ASSERT_EQ(result.errors.size(), 1);
    EXPECT_TRUE(result.errors.first().startsWith(u"rules.toml:6:8: a test needs exactly one of")) << firstError(result);
}

TEST(RuleParser, MissingReasonAndConditionsAreErrors)
{
    const RuleLoadResult result = parse("[[rule]]\nid = \"x\"\ntarget = \"design\"\nvalue = \"rct\"\n");
    ASSERT_EQ(result.errors.size(), 2);
    EXPECT_TRUE(result.errors.at(0).contains(u"needs a 'reason'"));
    EXPECT_TRUE(result.errors.at(1).contains(u"needs 'when'"));
}

TEST(RuleParser, UserFileOverridesAndDisablesDefaultRules)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("user.toml"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("[[rule]]\nid = \"design.rct\"\nenabled = false\n\n"
               "[[rule]]\nid = \"design.cochrane\"\ntarget = \"design\"\nvalue = \"systematic_review\"\npriority = 99\n"
               "reason = \"mine\"\nwhen = { field = \"journal\", contains = \"Cochrane\" }\n\n"
               "[[rule]]\nid = \"user.extra\"\ntarget = \"direction\"\nvalue = \"benefit\"\nreason = \"r\"\n"
               "when = { field = \"conclusions\", contains = \"helps\" }\n");
    file.close();
    const RuleLoadResult combined = combineRules(defaultRules(), path, Vocabularies::builtin());
    ASSERT_TRUE(combined.errors.isEmpty()) << firstError(combined);
    EXPECT_EQ(combined.rules.rules.size(), defaultRules().rules.size() + 1);
    const auto find = [&](const char *id) {
        for (const Rule &r : combined.rules.rules)
            if (r.id == QLatin1StringView(id))
                return r;
        return Rule{};
    };
    EXPECT_FALSE(find("design.rct").enabled);
    EXPECT_EQ(find("design.cochrane").value, u"systematic_review");
    EXPECT_EQ(find("design.cochrane").priority, 99);
    EXPECT_EQ(find("user.extra").value, u"benefit");
    EXPECT_NE(combined.rules.hash, defaultRules().hash);
}

TEST(RuleParser, BrokenUserFileReportsAndReturnsNoRules)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("user.toml"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("[[rule]\n");
    file.close();
    const RuleLoadResult combined = combineRules(defaultRules(), path, Vocabularies::builtin());
    ASSERT_EQ(combined.errors.size(), 1);
    EXPECT_TRUE(combined.errors.first().startsWith(path + QStringLiteral(":1:"))) << firstError(combined);
    EXPECT_TRUE(combined.rules.rules.isEmpty());
}
