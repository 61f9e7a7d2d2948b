// Undo and redo append inverse changes; nothing is erased. This is what the app's undo
// stack wraps: keep the change id, undo() it, redo() the undo.
#include "reviewfixture.h"

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class UndoTest : public ReviewTest
{
protected:
    const QString study = QStringLiteral("supakatisant2015_rct"); // curated: unclear
    const QString bea = QStringLiteral("Bea");
};

} // namespace

TEST_P(UndoTest, UndoAndRedoOfAFlag)
{
    ASSERT_EQ(row(study).independence, QStringLiteral("unclear"));
    ASSERT_EQ(row(study).independenceSource, QStringLiteral("curated"));

    const qint64 change = flag(study, bea, judgement("industry-linked", "product-supplied", "Albion product"));
    EXPECT_EQ(row(study).independence, QStringLiteral("industry-linked"));
    EXPECT_EQ(row(study).independenceSource, QStringLiteral("reviewer"));

    QString error;
    const std::optional<ChangeResult> undone = service().undo(change, bea, &error);
    ASSERT_TRUE(undone) << str(error);
    EXPECT_GT(undone->changeId, change);
    // Back to the curated value: the first flag is withdrawn by a new row.
    EXPECT_EQ(row(study).independence, QStringLiteral("unclear"));
    EXPECT_EQ(row(study).independenceSource, QStringLiteral("curated"));
    EXPECT_EQ(service().outcome(study, &error)->state, ReviewOutcome::State::None);

    const std::optional<ChangeResult> redone = service().redo(undone->changeId, bea, &error);
    ASSERT_TRUE(redone) << str(error);
    EXPECT_EQ(row(study).independence, QStringLiteral("industry-linked"));
    EXPECT_EQ(row(study).independenceLink, QStringLiteral("product-supplied"));
    EXPECT_TRUE(row(study).independenceReason.contains(QStringLiteral("Albion product")));

    // Undo the redo, and again: the stack can go back and forth.
    const std::optional<ChangeResult> again = service().undo(redone->changeId, bea, &error);
    ASSERT_TRUE(again) << str(error);
    EXPECT_EQ(row(study).independenceSource, QStringLiteral("curated"));

    // Four rows, four audit entries: flag, undo, redo, undo.
    EXPECT_EQ(column(QStringLiteral("SELECT value FROM review_judgements ORDER BY id")),
        (QStringList { QStringLiteral("industry-linked"), QStringLiteral("withdrawn"),
            QStringLiteral("industry-linked"), QStringLiteral("withdrawn") }));
    EXPECT_EQ(column(QStringLiteral("SELECT action || ':' || coalesce(CAST(undoes AS TEXT), '') FROM audit_log WHERE study_id = '")
                  + study + QStringLiteral("' ORDER BY id")),
        (QStringList { QStringLiteral("judgement:"), QStringLiteral("undo:%1").arg(change),
            QStringLiteral("undo:%1").arg(undone->changeId), QStringLiteral("undo:%1").arg(redone->changeId) }));
}

TEST_P(UndoTest, UndoRestoresThePreviousJudgement)
{
    flag(study, bea, judgement("unclear", "", "statement says academic grant"));
    const qint64 second = flag(study, bea, judgement("independent", "", "academic grant only"));
    QString error;
    ASSERT_TRUE(service().undo(second, bea, &error)) << str(error);
    EXPECT_EQ(row(study).independence, QStringLiteral("unclear"));
    EXPECT_EQ(row(study).independenceSource, QStringLiteral("reviewer"));
    EXPECT_TRUE(row(study).independenceReason.contains(QStringLiteral("statement says academic grant")))
        << str(row(study).independenceReason);
}

TEST_P(UndoTest, AnOldChangeCannotBeUndoneOverANewerOne)
{
    const qint64 first = flag(study, bea, judgement("unclear"));
    const qint64 second = flag(study, bea, judgement("independent"));
    QString error;
    EXPECT_FALSE(service().undo(first, bea, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("changed since (change %1)").arg(second))) << str(error);
    // The undo of an undo is the redo; a second undo of the same change is refused.
    const std::optional<ChangeResult> undone = service().undo(second, bea, &error);
    ASSERT_TRUE(undone) << str(error);
    EXPECT_FALSE(service().undo(second, bea, &error));
    EXPECT_FALSE(service().redo(second, bea, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("is not an undo"))) << str(error);
    EXPECT_FALSE(service().undo(99999, bea, &error));
    EXPECT_EQ(error, QStringLiteral("there is no change 99999"));
}

TEST_P(UndoTest, UndoOfAResolutionBringsTheConflictBack)
{
    flag(study, bea, judgement("independent"));
    flag(study, QStringLiteral("Carl"), judgement("industry-linked", "product-supplied"));
    QString error;
    const std::optional<ChangeResult> resolved = service().recordResolution(study, QStringLiteral("Dan"),
        { QStringLiteral("industry-linked"), QStringLiteral("product-supplied"), QStringLiteral("trade press"),
            QStringLiteral("third-reviewer") },
        &error);
    ASSERT_TRUE(resolved) << str(error);
    EXPECT_TRUE(service().conflicts(&error)->isEmpty());
    // Any reviewer may undo a resolution; the audit entry names who did.
    const std::optional<ChangeResult> undone = service().undo(resolved->changeId, bea, &error);
    ASSERT_TRUE(undone) << str(error);
    ASSERT_EQ(service().conflicts(&error)->size(), 1);
    EXPECT_EQ(row(study).independence, QStringLiteral("unclear"));
    EXPECT_EQ(
        column(QStringLiteral("SELECT actor FROM audit_log WHERE id = %1").arg(undone->changeId)), QStringList { bea });
    ASSERT_TRUE(service().redo(undone->changeId, bea, &error)) << str(error);
    EXPECT_EQ(row(study).independence, QStringLiteral("industry-linked"));
    EXPECT_EQ(column(QStringLiteral("SELECT resolver FROM review_resolutions ORDER BY id DESC LIMIT 1")),
        QStringList { QStringLiteral("Dan") });
}

TEST_P(UndoTest, RevealsAndProfilesAreNotUndoable)
{
    QString error;
    const std::optional<qint64> reveal = service().revealOthers(study, bea, &error);
    ASSERT_TRUE(reveal) << str(error);
    EXPECT_FALSE(service().undo(*reveal, bea, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("(reveal) cannot be undone"))) << str(error);
}

TEST_P(UndoTest, WithdrawingIsAChangeToo)
{
    QString error;
    EXPECT_FALSE(service().withdrawJudgement(study, bea, QStringLiteral("mistake"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("no judgement"))) << str(error);
    flag(study, bea, judgement("independent"));
    const std::optional<ChangeResult> withdrawn
        = service().withdrawJudgement(study, bea, QStringLiteral("wrong study"), &error);
    ASSERT_TRUE(withdrawn) << str(error);
    EXPECT_EQ(row(study).independenceSource, QStringLiteral("curated"));
    ASSERT_TRUE(service().undo(withdrawn->changeId, bea, &error)) << str(error);
    EXPECT_EQ(row(study).independence, QStringLiteral("independent"));
}

INSTANTIATE_TEST_SUITE_P(Backends, UndoTest, kAllBackends, backendName);
