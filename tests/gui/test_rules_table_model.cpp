// The Rules view's model: every rule with target, value, priority, hits; sortable.
#include "rulestablemodel.h"

#include "model/vocabulary.h"
#include "rules/ruleloader.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::gui;

namespace {

RuleSet sampleRules()
{
    const QByteArray toml = R"([[rule]]
id = "b.design"
description = "Randomised"
target = "design"
value = "rct"
priority = 40
reason = "{match}"
when = { field = "title", word = "randomised" }

[[rule]]
id = "a.linked"
target = "independence"
value = "industry-linked"
link = "funded"
priority = 90
reason = "{match}"
when = { field = "funding", contains = "manufacturer" }

[[rule]]
id = "c.off"
target = "population"
value = "athletes"
enabled = false
reason = "{match}"
when = { field = "title", contains = "athletes" }
)";
    const RuleLoadResult loaded = parseRules(toml, QStringLiteral("sample.toml"), Vocabularies::builtin());
    EXPECT_TRUE(loaded.errors.isEmpty()) << loaded.errors.join(u'\n').toStdString();
    return loaded.rules;
}

QString cell(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

TEST(RulesTableModel, ListsEveryRuleWithItsTargetValueAndPriority)
{
    RulesTableModel model(Vocabularies::builtin());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRules(sampleRules().rules);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.columnCount(), int(RulesTableModel::ColumnCount));
    EXPECT_EQ(cell(model, 0, RulesTableModel::Id), QStringLiteral("b.design"));
    EXPECT_EQ(cell(model, 0, RulesTableModel::Target), QStringLiteral("Design"));
    EXPECT_EQ(cell(model, 0, RulesTableModel::Value), Vocabularies::builtin().design.label(QStringLiteral("rct")));
    EXPECT_EQ(cell(model, 0, RulesTableModel::Priority), QStringLiteral("40"));
    EXPECT_EQ(cell(model, 0, RulesTableModel::Description), QStringLiteral("Randomised"));
    // The link is part of what an independence rule suggests.
    EXPECT_EQ(cell(model, 1, RulesTableModel::Value),
        Vocabularies::builtin().independence.label(QStringLiteral("industry-linked")) + QStringLiteral(" — ")
            + Vocabularies::builtin().industryLink.label(QStringLiteral("funded")));
    EXPECT_EQ(cell(model, 2, RulesTableModel::Enabled), QStringLiteral("off"));
    EXPECT_EQ(cell(model, 0, RulesTableModel::Enabled), QStringLiteral("yes"));
    EXPECT_TRUE(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("sample.toml, line 1")));
    EXPECT_EQ(model.rowOf(QStringLiteral("a.linked")), 1);
    EXPECT_EQ(model.rowOf(QStringLiteral("nope")), -1);
}

TEST(RulesTableModel, ShowsHitsOnceKnownAndNoneForSwitchedOffRules)
{
    RulesTableModel model(Vocabularies::builtin());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRules(sampleRules().rules);
    EXPECT_FALSE(model.hitCountsKnown());
    EXPECT_EQ(cell(model, 0, RulesTableModel::Hits), QStringLiteral("–"));
    model.setHitCounts({ { QStringLiteral("b.design"), 7 }, { QStringLiteral("c.off"), 3 } });
    EXPECT_EQ(cell(model, 0, RulesTableModel::Hits), QStringLiteral("7"));
    EXPECT_EQ(cell(model, 1, RulesTableModel::Hits), QStringLiteral("0"));
    // Switched off: not evaluated, so no count (not a stale one).
    EXPECT_EQ(cell(model, 2, RulesTableModel::Hits), QStringLiteral("–"));
    // New rules keep the counts by id.
    model.setRules(sampleRules().rules);
    EXPECT_EQ(cell(model, 0, RulesTableModel::Hits), QStringLiteral("7"));
}

TEST(RulesTableModel, SortsNumbersAsNumbers)
{
    RulesTableModel model(Vocabularies::builtin());
    model.setRules(sampleRules().rules);
    model.setHitCounts({ { QStringLiteral("b.design"), 12 }, { QStringLiteral("a.linked"), 9 } });
    QSortFilterProxyModel sorted;
    sorted.setSourceModel(&model);
    sorted.setSortRole(RulesTableModel::SortRole);
    QAbstractItemModelTester tester(&sorted, QAbstractItemModelTester::FailureReportingMode::Fatal);
    sorted.sort(RulesTableModel::Hits, Qt::DescendingOrder);
    // 12 before 9 (a text sort would put "9" first); the switched-off rule last.
    EXPECT_EQ(cell(sorted, 0, RulesTableModel::Id), QStringLiteral("b.design"));
    EXPECT_EQ(cell(sorted, 1, RulesTableModel::Id), QStringLiteral("a.linked"));
    EXPECT_EQ(cell(sorted, 2, RulesTableModel::Id), QStringLiteral("c.off"));
    sorted.sort(RulesTableModel::Priority, Qt::DescendingOrder);
    EXPECT_EQ(cell(sorted, 0, RulesTableModel::Id), QStringLiteral("a.linked"));
    sorted.sort(RulesTableModel::Id, Qt::AscendingOrder);
    EXPECT_EQ(cell(sorted, 0, RulesTableModel::Id), QStringLiteral("a.linked"));
    EXPECT_EQ(cell(sorted, 2, RulesTableModel::Id), QStringLiteral("c.off"));
}
