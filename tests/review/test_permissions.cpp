// People and roles: permissions live in core, so every client gets the same refusals.
#include "reviewfixture.h"

#include "review/permissions.h"

using namespace mgreview;
using namespace mgreview::testing;

TEST(Permissions, TableOfRoles)
{
    const Profile clinician { QStringLiteral("Ann"), Role::Clinician };
    const Profile student { QStringLiteral("Stu"), Role::Student };
    const Profile reviewer { QStringLiteral("Bea"), Role::Reviewer };
    struct Row {
        Action action;
        bool clinician, student, reviewer;
    };
    const Row rows[] = {
        { Action::RecordJudgement, false, false, true },
        { Action::ResolveConflict, false, false, true },
        { Action::ViewOthersJudgements, true, true, true },
        { Action::Annotate, false, true, true },
        { Action::ReadAnnotations, true, true, true },
        { Action::ExportReviewData, true, true, true },
        { Action::EditStudies, false, false, true },
    };
    for (const Row &row : rows) {
        EXPECT_EQ(may(clinician, row.action), row.clinician) << str(describe(row.action));
        EXPECT_EQ(may(student, row.action), row.student) << str(describe(row.action));
        EXPECT_EQ(may(reviewer, row.action), row.reviewer) << str(describe(row.action));
    }
    EXPECT_EQ(refusal(clinician, Action::RecordJudgement),
        QStringLiteral("clinician 'Ann' may not record funding judgements"));
    EXPECT_EQ(refusal(student, Action::ResolveConflict),
        QStringLiteral("student 'Stu' may not resolve conflicts between reviewers"));
}

TEST(Permissions, RoleWords)
{
    for (const QString &word : roleNames())
        EXPECT_EQ(toString(roleFromString(word).value()), word);
    EXPECT_FALSE(roleFromString(QStringLiteral("Reviewer")));
    EXPECT_FALSE(roleFromString(QString()));
}

using PermissionTest = ReviewTest;

TEST_P(PermissionTest, OnlyReviewersRecordJudgements)
{
    QString error;
    EXPECT_FALSE(service().recordJudgement(
        QStringLiteral("sebo2014_sr"), QStringLiteral("Ann"), judgement("independent"), &error));
    EXPECT_EQ(error, QStringLiteral("clinician 'Ann' may not record funding judgements"));
    EXPECT_FALSE(service().recordJudgement(
        QStringLiteral("sebo2014_sr"), QStringLiteral("Stu"), judgement("independent"), &error));
    EXPECT_EQ(error, QStringLiteral("student 'Stu' may not record funding judgements"));
    // Names are looked up without regard to case; the stored name is the profile's own.
    EXPECT_FALSE(service().recordJudgement(
        QStringLiteral("sebo2014_sr"), QStringLiteral("ann"), judgement("independent"), &error));
    EXPECT_EQ(error, QStringLiteral("clinician 'Ann' may not record funding judgements"));
    EXPECT_FALSE(service().recordJudgement(
        QStringLiteral("sebo2014_sr"), QStringLiteral("Zed"), judgement("independent"), &error));
    EXPECT_EQ(error, QStringLiteral("no profile named 'Zed'"));
    // Refusals leave no trace beyond the profiles added by the fixture.
    EXPECT_EQ(count(QStringLiteral("review_judgements")), 0);
    EXPECT_EQ(
        column(QStringLiteral("SELECT DISTINCT action FROM audit_log")), QStringList { QStringLiteral("profile") });

    const std::optional<ChangeResult> ok = service().recordJudgement(
        QStringLiteral("sebo2014_sr"), QStringLiteral("bea"), judgement("independent"), &error);
    ASSERT_TRUE(ok) << str(error);
    EXPECT_EQ(column(QStringLiteral("SELECT reviewer FROM review_judgements")), QStringList { QStringLiteral("Bea") });
}

TEST_P(PermissionTest, OnlyReviewersResolveAndUndo)
{
    const qint64 change = flag(QStringLiteral("sebo2014_sr"), QStringLiteral("Bea"), judgement("independent"));
    flag(QStringLiteral("sebo2014_sr"), QStringLiteral("Carl"), judgement("unclear"));
    QString error;
    const ResolutionContent resolution { QStringLiteral("unclear"), {}, QStringLiteral("declarations not retrieved"),
        QStringLiteral("consensus") };
    EXPECT_FALSE(service().recordResolution(QStringLiteral("sebo2014_sr"), QStringLiteral("Ann"), resolution, &error));
    EXPECT_EQ(error, QStringLiteral("clinician 'Ann' may not resolve conflicts between reviewers"));
    EXPECT_FALSE(service().recordResolution(QStringLiteral("sebo2014_sr"), QStringLiteral("Stu"), resolution, &error));
    EXPECT_EQ(error, QStringLiteral("student 'Stu' may not resolve conflicts between reviewers"));
    EXPECT_FALSE(service().undo(change, QStringLiteral("Ann"), &error));
    EXPECT_EQ(error, QStringLiteral("clinician 'Ann' may not record funding judgements"));
    // A reviewer undoes only their own judgements.
    EXPECT_FALSE(service().undo(change, QStringLiteral("Carl"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("Carl may not undo Bea's judgement"))) << str(error);
    EXPECT_TRUE(service().recordResolution(QStringLiteral("sebo2014_sr"), QStringLiteral("Bea"), resolution, &error))
        << str(error);
}

TEST_P(PermissionTest, ProfilesAreUniqueAndNamed)
{
    QString error;
    EXPECT_FALSE(service().addProfile({ QStringLiteral("BEA"), Role::Clinician }, &error));
    EXPECT_EQ(error, QStringLiteral("a profile named 'Bea' already exists (reviewer)"));
    EXPECT_FALSE(service().addProfile({ QString(), Role::Reviewer }, &error));
    EXPECT_FALSE(service().addProfile({ QStringLiteral(" Eve"), Role::Reviewer }, &error));
    EXPECT_FALSE(service().addProfile({ QStringLiteral("Eve,Fay"), Role::Reviewer }, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("comma"))) << str(error);
    const std::optional<QVector<Profile>> all = service().profiles(&error);
    ASSERT_TRUE(all) << str(error);
    QStringList names;
    for (const Profile &p : *all)
        names.append(p.name + u':' + toString(p.role));
    EXPECT_EQ(names,
        (QStringList { QStringLiteral("Ann:clinician"), QStringLiteral("Bea:reviewer"), QStringLiteral("Carl:reviewer"),
            QStringLiteral("Dan:reviewer"), QStringLiteral("Stu:student") }));
    EXPECT_EQ(service().profile(QStringLiteral("dan"), &error)->name, QStringLiteral("Dan"));
}

TEST_P(PermissionTest, JudgementWordsAreChecked)
{
    QString error;
    const QString study = QStringLiteral("sebo2014_sr");
    const QString bea = QStringLiteral("Bea");
    EXPECT_FALSE(service().recordJudgement(study, bea, judgement("industry-linked"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("needs the link"))) << str(error);
    EXPECT_FALSE(service().recordJudgement(study, bea, judgement("independent", "funded"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("applies only to an industry-linked"))) << str(error);
    EXPECT_FALSE(service().recordJudgement(study, bea, judgement("industry-linked", "sponsored"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("invalid link 'sponsored'"))) << str(error);
    EXPECT_FALSE(service().recordJudgement(study, bea, judgement("maybe"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("invalid judgement 'maybe'"))) << str(error);
    EXPECT_FALSE(service().recordJudgement(study, bea, judgement("unclear", "", "   "), &error));
    EXPECT_EQ(error, QStringLiteral("a judgement needs a reason"));
    EXPECT_FALSE(service().recordJudgement(QStringLiteral("no_such_study"), bea, judgement("unclear"), &error));
    EXPECT_EQ(error, QStringLiteral("no study with id 'no_such_study'"));
    EXPECT_EQ(count(QStringLiteral("review_judgements")), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, PermissionTest, kAllBackends, backendName);
