// Passwords of team libraries: asked from the provider (the GUI's keychain) only when the
// server wants one, and never shown in a message.
#include "corehelpers.h"

#include "store/studystore.h"

#include <QThread>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

// The test server asks members of this role for a password (scripts/pg-cluster.sh).
const QString kPasswordGroup = QStringLiteral("mgreview_password_users");
const QString kPassword = QStringLiteral("c0rrect-h0rse");

class PasswordTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(Backend::Postgres);
        m_library.useBackend(Backend::Postgres);
        m_library.open();
        m_user = m_library.postgres()->name() + QStringLiteral("_pw");
        QString error;
        ASSERT_TRUE(runAdminSql({QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                                                "'%1') THEN CREATE ROLE %1 NOLOGIN; END IF; END $$")
                                     .arg(kPasswordGroup),
                                 QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE %3")
                                     .arg(m_user, kPassword, kPasswordGroup),
                                 QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(m_library.postgres()->name(), m_user),
                                 QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO %2")
                                     .arg(m_library.postgres()->name(), m_user)},
                                &error))
            << str(error);
    }
    void TearDown() override
    {
        Database::setPasswordProvider({});
        m_library.close();
        QString error;
        if (!m_user.isEmpty())
            EXPECT_TRUE(runAdminSql({QStringLiteral("DROP OWNED BY %1").arg(m_user),
                                     QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_user)},
                                    &error))
                << str(error);
    }
    LibraryLocation location() const
    {
        LibraryLocation location;
        location.kind = LibraryLocation::Kind::Postgres;
        location.url = m_library.postgres()->url(m_user);
        return location;
    }

    TempLibrary m_library;
    QString m_user;
};

} // namespace

TEST_F(PasswordTest, ProviderIsAskedWhenTheServerWantsAPassword)
{
    QString error;
    // No provider: the server's refusal, without any password in it.
    EXPECT_FALSE(Database::open(location(), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("password"))) << str(error);

    QStringList askedFor;
    Database::setPasswordProvider([&](const LibraryLocation &asked) {
        askedFor.append(asked.displayName());
        return kPassword;
    });
    std::unique_ptr<Database> db = Database::open(location(), &error);
    ASSERT_TRUE(db) << str(error);
    EXPECT_EQ(askedFor, QStringList{location().displayName()});
    EXPECT_EQ(StudyStore(*db).count(&error), 0) << str(error);
    // Connections of other threads reuse it without asking again.
    error.clear();
    int workerCount = -1;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        workerCount = StudyStore(*db).count(&error);
        db->releaseThreadConnection();
    }));
    worker->start();
    ASSERT_TRUE(worker->wait(QDeadlineTimer(30000)));
    EXPECT_EQ(workerCount, 0) << str(error);
    EXPECT_EQ(askedFor.size(), 1);
}

TEST_F(PasswordTest, AWrongPasswordFailsWithoutShowingIt)
{
    Database::setPasswordProvider([](const LibraryLocation &) { return QStringLiteral("wr0ng-guess"); });
    QString error;
    EXPECT_FALSE(Database::open(location(), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("password authentication failed"))) << str(error);
    EXPECT_FALSE(error.contains(QStringLiteral("wr0ng-guess"))) << str(error);
    EXPECT_TRUE(error.startsWith(location().displayName())) << str(error);
}

TEST_F(PasswordTest, APasswordInTheAddressIsUsedAndNeverShown)
{
    LibraryLocation withPassword = location();
    withPassword.url.setPassword(kPassword);
    QString error;
    std::unique_ptr<Database> db = Database::open(withPassword, &error);
    ASSERT_TRUE(db) << str(error);
    EXPECT_FALSE(db->location().displayName().contains(kPassword));
}
