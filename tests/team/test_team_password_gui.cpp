// The password of a team library stays out of the settings files and the log, and when the
// system keychain is unavailable (no session bus, as here) the window asks for it again,
// saying why. A binary of its own: it points the settings and the session bus elsewhere.
#include "corehelpers.h"

#include "mainwindow.h"
#include "reviewui.h"
#include "teamkeychain.h"

#include "review/reviewservice.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMutex>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

const QString kPasswordGroup = QStringLiteral("mgreview_password_users");
const QString kPassword = QStringLiteral("s3cret-Tr0mbone-42");

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    if (g_previous)
        g_previous(type, context, message);
}

class TeamPasswordWindow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(Backend::Postgres);
        ASSERT_TRUE(m_config.isValid());
        // No keychain: a session bus that is not there fails at once (nothing autolaunched).
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/mgreview-test-bus");
        // Settings go to a folder of this test, which it then reads whole.
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
        QCoreApplication::setOrganizationName(QStringLiteral("MgReviewTest"));
        QCoreApplication::setApplicationName(QStringLiteral("mgreview-password-test"));

        m_library.useBackend(Backend::Postgres);
        Database &owner = m_library.open();
        QString error;
        ASSERT_TRUE(ReviewService(owner).addProfile({QStringLiteral("Pat"), Role::Clinician}, &error)) << str(error);
        m_user = m_library.postgres()->name() + QStringLiteral("_pwgui");
        const QString schema = m_library.postgres()->name();
        ASSERT_TRUE(runAdminSql({QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                                                "'%1') THEN CREATE ROLE %1 NOLOGIN; END IF; END $$")
                                     .arg(kPasswordGroup),
                                 QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE %3")
                                     .arg(m_user, kPassword, kPasswordGroup),
                                 QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(schema, m_user),
                                 QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO %2").arg(schema, m_user)},
                                &error))
            << str(error);
        g_previous = qInstallMessageHandler(captureLog);
        gui::installTeamPasswordProvider(true);
    }
    void TearDown() override
    {
        qInstallMessageHandler(g_previous);
        Database::setPasswordProvider({});
        m_library.close();
        QString error;
        if (!m_user.isEmpty()) {
            EXPECT_TRUE(runAdminSql({QStringLiteral("DROP OWNED BY %1").arg(m_user),
                                     QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_user)},
                                    &error))
                << str(error);
        }
    }

    LibraryLocation location() const
    {
        LibraryLocation location;
        location.kind = LibraryLocation::Kind::Postgres;
        location.url = m_library.postgres()->url(m_user);
        return location;
    }

    /// Every file under the settings folder that holds `text`.
    QStringList filesContaining(const QString &text) const
    {
        QStringList out;
        QDirIterator it(m_config.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text.toUtf8()))
                out.append(file.fileName());
        }
        return out;
    }

    QTemporaryDir m_config;
    TempLibrary m_library;
    QString m_user;
};

} // namespace

TEST_F(TeamPasswordWindow, AskedAgainWithoutAKeychainAndNeverWrittenDown)
{
    // Answers the password dialog when it comes (it runs in a nested event loop).
    QString shownMessage;
    bool rememberOffered = true;
    int asked = 0;
    QTimer answer;
    answer.setInterval(50);
    QObject::connect(&answer, &QTimer::timeout, [&] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<QDialog *>(widget);
            if (!dialog || dialog->objectName() != u"teamPasswordDialog" || !dialog->isVisible())
                continue;
            ++asked;
            shownMessage = dialog->findChild<QLabel *>(QStringLiteral("teamPasswordMessage"))->text();
            rememberOffered = dialog->findChild<QCheckBox *>()->isEnabled();
            dialog->findChild<QLineEdit *>(QStringLiteral("teamPasswordField"))->setText(kPassword);
            dialog->accept();
        }
    });
    answer.start();

    {
        gui::WindowOptions options;
        options.persistLayout = true; // as the real window: layout and choices go to the settings
        options.errorDialogs = false;
        gui::MainWindow window(options);
        window.show();
        window.review()->requestProfile(QStringLiteral("Pat"), std::nullopt);
        window.openLibrary(location(), {});
        ASSERT_TRUE(QTest::qWaitFor([&] { return window.isLibraryLoaded(); }, 30000))
            << "the library did not open with the password typed in";
        EXPECT_EQ(asked, 1);
        EXPECT_TRUE(shownMessage.contains(QStringLiteral("keychain is not available"))) << str(shownMessage);
        EXPECT_TRUE(shownMessage.contains(QStringLiteral("enter it again"))) << str(shownMessage);
        EXPECT_FALSE(rememberOffered) << "a keychain that is not there cannot remember";
        ASSERT_TRUE(QTest::qWaitFor([&] { return window.isSettled(); }, 10000));
        window.close(); // writes the layout to the settings
    }
    answer.stop();
    QSettings().sync();

    // Something was written (else the scan below would prove nothing) — but never the password.
    QStringList written;
    QDirIterator it(m_config.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        written.append(it.next());
    EXPECT_FALSE(written.isEmpty()) << "no settings file was written";
    EXPECT_TRUE(filesContaining(kPassword).isEmpty()) << str(filesContaining(kPassword).join(u", "));
    QMutexLocker lock(&g_logMutex);
    EXPECT_FALSE(g_log.isEmpty()) << "nothing was logged (the keychain failure should be)";
    for (const QString &line : std::as_const(g_log))
        EXPECT_FALSE(line.contains(kPassword)) << str(line);
    EXPECT_TRUE(std::any_of(g_log.cbegin(), g_log.cend(),
                            [](const QString &line) { return line.contains(QStringLiteral("keychain")); }));
}
