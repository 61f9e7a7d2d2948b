// The window follows what the connected DATABASE role may do, not only the local profile:
// signed in as the reviewer profile "Bea" on each team login, the actions the database
// would refuse are disabled and say why, and the status bar names the role.
#include "corehelpers.h"

#include "mainwindow.h"
#include "pdfstudyui.h"
#include "profilecontroller.h"
#include "reviewui.h"
#include "rulescontroller.h"
#include "rulesui.h"
#include "studyeditui.h"
#include "teamui.h"

#include "review/reviewservice.h"
#include "store/teamroles.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

struct Expected {
    QString role;
    bool annotate, judge, resolve, edit;
    QString label;
};

class TeamRightsWindow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(Backend::Postgres);
        m_library.useBackend(Backend::Postgres);
        Database &owner = m_library.open();
        QStringList errors;
        ASSERT_EQ(seedProjectStudies(owner, &errors), 20) << str(errors.join(u'\n'));
        QString error;
        // Profiles are the owner's to add: every login signs in as the reviewer Bea.
        ASSERT_TRUE(ReviewService(owner).addProfile({QStringLiteral("Bea"), Role::Reviewer}, &error)) << str(error);
        QStringList log;
        ASSERT_TRUE(initTeamLibrary(owner, &log, &error)) << str(error);
        for (const QString &role : teamRoleNames()) {
            const QString user = m_library.postgres()->name() + u'_' + role;
            ASSERT_TRUE(runAdminSql({QStringLiteral("CREATE ROLE %1 LOGIN").arg(user)}, &error)) << str(error);
            m_users.append(user);
            ASSERT_TRUE(grantTeamRole(owner, user, role, &error)) << str(error);
        }
    }
    void TearDown() override
    {
        QString error;
        for (const QString &user : std::as_const(m_users))
            EXPECT_TRUE(runAdminSql({QStringLiteral("DROP ROLE IF EXISTS %1").arg(user)}, &error)) << str(error);
    }

    void check(const Expected &expected)
    {
        SCOPED_TRACE(expected.role.toStdString());
        gui::WindowOptions options;
        options.persistLayout = false;
        options.errorDialogs = false;
        gui::MainWindow window(options);
        window.show();
        window.review()->requestProfile(QStringLiteral("Bea"), std::nullopt);
        QSignalSpy roleKnown(window.team(), &gui::TeamUi::teamRoleKnown);
        QSignalSpy classified(window.rules()->controller(), &gui::RulesController::classificationFinished);
        LibraryLocation location;
        location.kind = LibraryLocation::Kind::Postgres;
        location.url = m_library.postgres()->url(m_library.postgres()->name() + u'_' + expected.role);
        window.openLibrary(location, {});
        ASSERT_TRUE(QTest::qWaitFor([&] { return window.isLibraryLoaded(); }, 30000));
        ASSERT_TRUE(QTest::qWaitFor([&] { return !roleKnown.isEmpty(); }, 10000));
        gui::ProfileController *profiles = window.review()->profiles();
        ASSERT_TRUE(QTest::qWaitFor([&] { return profiles->current().has_value(); }, 10000));
        EXPECT_EQ(window.team()->teamRole(), expected.role);
        EXPECT_TRUE(profiles->databaseRights().limited);

        EXPECT_EQ(profiles->may(Action::Annotate), expected.annotate);
        EXPECT_EQ(profiles->may(Action::RecordJudgement), expected.judge);
        EXPECT_EQ(profiles->may(Action::ResolveConflict), expected.resolve);
        EXPECT_EQ(profiles->may(Action::EditStudies), expected.edit);
        EXPECT_TRUE(profiles->may(Action::ReadAnnotations));
        if (!expected.judge) {
            EXPECT_EQ(profiles->refusal(Action::RecordJudgement),
                      QStringLiteral("the database role %1 may not record funding judgements").arg(expected.role));
        }

        // The actions themselves, with a study in the pane.
        window.selectStudy(QStringLiteral("garrison2020_cochrane"));
        ASSERT_TRUE(QTest::qWaitFor([&] { return window.shownStudyId() == u"garrison2020_cochrane"; }, 10000));
        ASSERT_TRUE(QTest::qWaitFor([&] { return window.isSettled(); }, 10000));
        EXPECT_EQ(window.review()->assessAction()->isEnabled(), expected.judge);
        EXPECT_EQ(window.studyEdit()->editAction()->isEnabled(), expected.edit);
        if (!expected.edit) {
            EXPECT_TRUE(window.studyEdit()->editAction()->toolTip().contains(expected.role))
                << str(window.studyEdit()->editAction()->toolTip());
        }
        // Attaching writes pdf_files and pdf_attachments: editors only (team init's grants).
        EXPECT_EQ(window.pdfStudy()->attachAction()->isEnabled(), expected.edit);
        if (!expected.edit) {
            EXPECT_TRUE(window.pdfStudy()->attachAction()->toolTip().contains(expected.role))
                << str(window.pdfStudy()->attachAction()->toolTip());
        }

        // Opening runs the rules; a login that may not store suggestions reads them, no error.
        ASSERT_TRUE(QTest::qWaitFor([&] { return !window.rules()->controller()->isClassifying(); }, 30000));
        for (const QList<QVariant> &finished : std::as_const(classified))
            EXPECT_FALSE(finished.at(0).toString().startsWith(QStringLiteral("Classification failed")))
                << str(finished.at(0).toString());

        auto *label = window.statusBar()->findChild<QLabel *>(QStringLiteral("teamRoleLabel"));
        ASSERT_TRUE(label);
        EXPECT_EQ(label->text(), expected.label);
    }

    TempLibrary m_library;
    QStringList m_users;
};

} // namespace

TEST_F(TeamRightsWindow, ActionsFollowTheDatabaseRole)
{
    check({QStringLiteral("clinician"), false, false, false, false, QStringLiteral("Team: clinician (read only)")});
    check({QStringLiteral("student"), true, false, false, false, QStringLiteral("Team: student")});
    check({QStringLiteral("reviewer"), true, true, true, false, QStringLiteral("Team: reviewer")});
    check({QStringLiteral("editor"), true, true, true, true, QStringLiteral("Team: editor")});
}

TEST(TeamRightsSqlite, AFileLibraryLimitsNothing)
{
    TempLibrary library;
    Database &db = library.open();
    QString error;
    const std::optional<DatabaseRights> rights = readDatabaseRights(db, &error);
    ASSERT_TRUE(rights) << str(error);
    EXPECT_FALSE(rights->limited);
    EXPECT_TRUE(rights->allows(Action::Annotate));
    EXPECT_TRUE(rights->allows(Action::EditStudies));
}
