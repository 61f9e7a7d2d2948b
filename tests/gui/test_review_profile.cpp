// Profiles (first start, --profile, unknown names), review exports and the screenshot of
// the Assess funding form.
#include "test_review_support.h"

#include "commandline.h"
#include "profiledialog.h"
#include "reviewcontroller.h"
#include "screenshot.h"
#include "settings.h"

#include "review/reviewoutput.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

QString profileStatus(const MainWindow &window)
{
    return window.statusBar()->findChild<QLabel *>(QStringLiteral("profileStatus"))->text();
}

/// A window that reads and writes the (test-mode) settings, like the real app.
std::unique_ptr<MainWindow> openRemembering(const TempLibrary &library)
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    LibraryLocation location;
    location.sqlitePath = library.path();
    OpenOptions options;
    options.studiesFolder = projectStudiesFolder();
    window->openLibrary(location, options);
    EXPECT_TRUE(waitUntil([&] { return window->isLibraryLoaded(); }));
    return window;
}

} // namespace

TEST(ReviewProfile, FirstStartAsksWhoYouAreAndRemembersIt)
{
    QStandardPaths::setTestModeEnabled(true); // Never the user's real settings.
    QSettings().clear();
    TempLibrary library;
    {
        auto window = openRemembering(library);
        ASSERT_TRUE(waitUntil([&] { return window->review()->profileDialog() != nullptr; }))
            << "no profile dialog at first start";
        ProfileDialog *dialog = window->review()->profileDialog();
        EXPECT_EQ(profileStatus(*window), QStringLiteral("Not signed in (read only)"));
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        EXPECT_FALSE(ok->isEnabled()); // No name yet.
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Ann"));
        QTest::mouseClick(
            dialog->findChild<QRadioButton *>(QStringLiteral("role-reviewer")), Qt::LeftButton, {}, QPoint(6, 6));
        ASSERT_TRUE(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        ASSERT_TRUE(waitUntil([&] {
            return window->review()->profileDialog() == nullptr && window->review()->profiles()->current().has_value();
        }));
        EXPECT_EQ(profileStatus(*window), QStringLiteral("Signed in as Ann (reviewer)"));
        EXPECT_EQ(Settings().currentProfile(), QStringLiteral("Ann"));
        window->close();
    }
    {
        // Next start: no question, the same person, with the role the library holds.
        auto window = openRemembering(library);
        ASSERT_TRUE(
            waitUntil([&] { return window->review()->profiles()->current().has_value() && window->isSettled(); }));
        EXPECT_EQ(window->review()->profileDialog(), nullptr);
        EXPECT_EQ(profileStatus(*window), QStringLiteral("Signed in as Ann (reviewer)"));
        window->close();
    }
    auto db = openDirect(library);
    QString error;
    const std::optional<Profile> stored = ReviewService(*db).profile(QStringLiteral("ann"), &error);
    ASSERT_TRUE(stored) << str(error);
    EXPECT_EQ(stored->role, Role::Reviewer);
    QSettings().clear();
    QStandardPaths::setTestModeEnabled(false);
}

TEST(ReviewProfile, AddingAnExistingNameIsRefusedInTheDialog)
{
    const QVector<Profile> existing { { QStringLiteral("Ann"), Role::Reviewer } };
    ProfileDialog add(ProfileDialog::Purpose::Add, existing);
    auto *ok = add.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTest::keyClicks(add.nameEdit(), QStringLiteral("ann"));
    EXPECT_FALSE(ok->isEnabled());
    EXPECT_TRUE(add.findChild<QLabel *>(QStringLiteral("profileProblem"))->text().contains(QStringLiteral("already")));
    add.nameEdit()->setText(QStringLiteral("Ann, Bea"));
    EXPECT_FALSE(ok->isEnabled()); // Core's rule: no commas.
    // At first start the same name means "that's me".
    ProfileDialog first(ProfileDialog::Purpose::FirstStart, existing);
    QTest::keyClicks(first.nameEdit(), QStringLiteral("ann"));
    EXPECT_TRUE(first.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    EXPECT_EQ(first.profile().role, Role::Reviewer);
}

TEST(ReviewProfile, AnUnknownProfileWithoutRoleStaysReadOnlyAndSaysSo)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    window.review()->requestProfile(QStringLiteral("Zed"), std::nullopt);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    EXPECT_FALSE(window.review()->profiles()->current().has_value());
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("no profile named")))
        << str(window.statusBar()->currentMessage());
    EXPECT_EQ(profileStatus(window), QStringLiteral("Not signed in (read only)"));
}

TEST(ReviewProfile, CommandLineProfileAndReviewOptions)
{
    QString error;
    std::optional<GuiOptions> options
        = parseGuiArguments({ QStringLiteral("mgreview"), QStringLiteral("--profile"), QStringLiteral("Ann:reviewer"),
                                QStringLiteral("--assess"), QStringLiteral("roffe2002_rct"),
                                QStringLiteral("--show-conflicts"), QStringLiteral("--show-agreement") },
            &error);
    ASSERT_TRUE(options) << str(error);
    EXPECT_EQ(options->profile, QStringLiteral("Ann"));
    EXPECT_EQ(options->profileRole, Role::Reviewer);
    EXPECT_EQ(options->assess, QStringLiteral("roffe2002_rct"));
    EXPECT_TRUE(options->showConflicts);
    EXPECT_TRUE(options->showAgreement);

    options
        = parseGuiArguments({ QStringLiteral("mgreview"), QStringLiteral("--profile"), QStringLiteral("Bea") }, &error);
    ASSERT_TRUE(options) << str(error);
    EXPECT_EQ(options->profile, QStringLiteral("Bea"));
    EXPECT_FALSE(options->profileRole);

    EXPECT_FALSE(parseGuiArguments(
        { QStringLiteral("mgreview"), QStringLiteral("--profile"), QStringLiteral("Ann:boss") }, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("clinician, student or reviewer"))) << str(error);
    EXPECT_FALSE(parseGuiArguments(
        { QStringLiteral("mgreview"), QStringLiteral("--profile"), QStringLiteral(":reviewer") }, &error));
}

TEST(ReviewProfile, ExportsJudgementsAndTheAuditLogAsCsv)
{
    auto open = openSignedIn(QStringLiteral("Bea"), Role::Reviewer);
    MainWindow &window = *open->window;
    fillAndSave(window, openAssessForm(window, QStringLiteral("roffe2002_rct")), QStringLiteral("unclear"), QString(),
        QStringLiteral("Not reported, \"quoted\", and, commas."));
    QTemporaryDir dir;
    const auto exportTo = [&](ReviewExportKind kind, const QString &name) {
        const QString path = dir.filePath(name);
        bool done = false;
        QString failure = QStringLiteral("never answered");
        window.review()->controller()->exportCsv(kind, path, [&](const QString &error) {
            failure = error;
            done = true;
        });
        EXPECT_TRUE(waitUntil([&] { return done; }));
        EXPECT_TRUE(failure.isEmpty()) << str(failure);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        return QString::fromUtf8(file.readAll());
    };
    const QString judgements = exportTo(ReviewExportKind::Judgements, QStringLiteral("judgements.csv"));
    EXPECT_TRUE(judgements.startsWith(judgementCsvColumns().join(u',') + QStringLiteral("\r\n"))) << str(judgements);
    EXPECT_TRUE(judgements.contains(QStringLiteral("roffe2002_rct,Bea,unclear")));
    // RFC 4180 quoting of the reason.
    EXPECT_TRUE(judgements.contains(QStringLiteral("\"Not reported, \"\"quoted\"\", and, commas.\"")));
    const QString audit = exportTo(ReviewExportKind::AuditLog, QStringLiteral("audit.csv"));
    EXPECT_TRUE(audit.startsWith(auditCsvColumns().join(u',')));
    EXPECT_TRUE(audit.contains(QStringLiteral(",Bea,judgement,roffe2002_rct,"))) << str(audit);
    const QString resolutions = exportTo(ReviewExportKind::Resolutions, QStringLiteral("resolutions.csv"));
    EXPECT_EQ(resolutions, resolutionCsvColumns().join(u',') + QStringLiteral("\r\n"));
}

TEST(ReviewProfile, ScreenshotShowsTheOpenAssessForm)
{
    auto open = openSignedIn(QStringLiteral("Ann"), Role::Reviewer);
    MainWindow &window = *open->window;
    AssessDialog *form = openAssessForm(window, QStringLiteral("nygaard2008_rct"));
    ASSERT_NE(form, nullptr);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("form.png"));
    QString error;
    ASSERT_TRUE(saveWidgetPng(&window, path, &error)) << str(error);
    const QImage withForm(path);
    const QImage windowOnly = window.grab().toImage().convertToFormat(withForm.format());
    ASSERT_EQ(withForm.size(), windowOnly.size());
    // Where the form is, the picture shows the form, not the window behind it.
    const QRect area
        = QRect(form->geometry().topLeft() - window.geometry().topLeft(), form->size()).intersected(withForm.rect());
    ASSERT_FALSE(area.isEmpty());
    EXPECT_NE(withForm.copy(area), windowOnly.copy(area));
    EXPECT_EQ(withForm.copy(area.adjusted(1, 1, -1, -1)).convertToFormat(QImage::Format_RGB32),
        form->grab()
            .toImage()
            .copy(QRect(QPoint(1, 1), area.adjusted(1, 1, -1, -1).size()))
            .convertToFormat(QImage::Format_RGB32));
    form->close();
}

TEST(ReviewProfile, TheProfileMenuSwitchesAndAdds)
{
    auto open = openSignedIn(QStringLiteral("Bea"), Role::Reviewer);
    MainWindow &window = *open->window;
    signIn(window, QStringLiteral("Carl"), Role::Reviewer); // Now the library knows both.
    QMenu *switchMenu = window.review()->profileMenu()->findChild<QMenu *>(QStringLiteral("switchProfileMenu"));
    ASSERT_NE(switchMenu, nullptr);
    Q_EMIT switchMenu->aboutToShow();
    QStringList entries;
    QAction *bea = nullptr;
    for (QAction *action : switchMenu->actions()) {
        entries.append(action->text());
        if (action->text() == u"Bea (reviewer)")
            bea = action;
    }
    EXPECT_EQ(entries, (QStringList { QStringLiteral("Bea (reviewer)"), QStringLiteral("Carl (reviewer)") }));
    ASSERT_NE(bea, nullptr);
    EXPECT_FALSE(bea->isChecked());
    bea->trigger();
    ASSERT_TRUE(
        waitUntil([&] { return window.review()->profiles()->current()->name == u"Bea" && window.isSettled(); }));
    EXPECT_EQ(profileStatus(window), QStringLiteral("Signed in as Bea (reviewer)"));

    // Profile ▸ Add profile… asks for a new person and refuses a name already taken.
    QAction *add = window.review()->profileMenu()->findChild<QAction *>(QStringLiteral("addProfile"));
    ASSERT_NE(add, nullptr);
    add->trigger();
    ProfileDialog *dialog = window.review()->profileDialog();
    ASSERT_NE(dialog, nullptr);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("carl"));
    EXPECT_FALSE(ok->isEnabled());
    dialog->nameEdit()->setText(QStringLiteral("Cleo"));
    ASSERT_TRUE(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return window.review()->profileDialog() == nullptr && window.isSettled(); }));
    EXPECT_EQ(profileStatus(window), QStringLiteral("Signed in as Cleo (clinician)"));
    EXPECT_FALSE(window.review()->assessAction()->isEnabled());
}

TEST(ReviewProfile, TheExecutableSignsInAndScreenshotsTheForm)
{
    TempLibrary library;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("form.png"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(MGREVIEW_GUI_EXECUTABLE),
        { QStringLiteral("--library"), library.path(), QStringLiteral("--studies"), projectStudiesFolder(),
            QStringLiteral("--profile"), QStringLiteral("Ann:reviewer"), QStringLiteral("--select"),
            QStringLiteral("nygaard2008_rct"), QStringLiteral("--assess"), QStringLiteral("nygaard2008_rct"),
            QStringLiteral("--show-conflicts"), QStringLiteral("--screenshot"), path });
    ASSERT_TRUE(process.waitForFinished(120'000)) << "mgreview did not finish";
    ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    const QImage image(path);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), ScreenshotRunner::kDefaultSize);
    EXPECT_GT(distinctColours(image), 50);
    // The profile was added to the library with its role.
    auto db = openDirect(library);
    QString error;
    const std::optional<Profile> ann = ReviewService(*db).profile(QStringLiteral("Ann"), &error);
    ASSERT_TRUE(ann) << str(error);
    EXPECT_EQ(ann->role, Role::Reviewer);
}
