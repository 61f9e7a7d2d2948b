// `mgreview --screenshot`: in-process runner and the real executable.
#include "guitestsupport.h"

#include "screenshot.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

struct RunResult {
    int exitCode = -1;
    QString message;
};

RunResult runScreenshot(MainWindow &window, const QString &path, const QString &select)
{
    ScreenshotRunner runner(&window, path, select);
    QSignalSpy finished(&runner, &ScreenshotRunner::finished);
    runner.start();
    EXPECT_TRUE(waitUntil([&] { return !finished.isEmpty(); })) << "the screenshot runner never finished";
    if (finished.isEmpty())
        return {};
    return { finished.at(0).at(0).toInt(), finished.at(0).at(1).toString() };
}

struct ProcessResult {
    int exitCode = -1;
    QString out, err;
};

ProcessResult runExecutable(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(MGREVIEW_GUI_EXECUTABLE), arguments);
    EXPECT_TRUE(process.waitForFinished(120'000)) << "mgreview did not finish";
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit) << "mgreview crashed";
    return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

QProcessEnvironment environmentWithoutDisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return environment;
}

} // namespace

TEST(Screenshot, RunnerWritesANonBlankPngOfTheSelectedStudy)
{
    auto open = openSeededWindow();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shot.png"));
    const RunResult result = runScreenshot(*open->window, path, QStringLiteral("garrison2020_cochrane"));
    ASSERT_EQ(result.exitCode, 0) << result.message.toStdString();
    EXPECT_EQ(open->window->shownStudyId(), QStringLiteral("garrison2020_cochrane"));
    const QImage image(path);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), ScreenshotRunner::kDefaultSize);
    EXPECT_GT(distinctColours(image), 50);
}

TEST(Screenshot, UnknownIdFails)
{
    auto open = openSeededWindow();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shot.png"));
    const RunResult result = runScreenshot(*open->window, path, QStringLiteral("nobody1999_rct"));
    EXPECT_NE(result.exitCode, 0);
    EXPECT_TRUE(result.message.contains(QStringLiteral("nobody1999_rct"))) << result.message.toStdString();
    EXPECT_FALSE(QFile::exists(path));
}

TEST(Screenshot, UnwritablePathFails)
{
    auto open = openSeededWindow();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no/such/folder/shot.png"));
    const RunResult result = runScreenshot(*open->window, path, QStringLiteral("garrison2020_cochrane"));
    EXPECT_NE(result.exitCode, 0);
    EXPECT_TRUE(result.message.contains(path)) << result.message.toStdString();
}

TEST(Screenshot, ExecutableWritesThePngWithoutADisplay)
{
    TempLibrary library;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shot.png"));
    // No display and no platform: --screenshot must pick offscreen by itself.
    const ProcessResult result = runExecutable(
        { QStringLiteral("--library"), library.path(), QStringLiteral("--studies"), projectStudiesFolder(),
            QStringLiteral("--screenshot"), path, QStringLiteral("--select"), QStringLiteral("garrison2020_cochrane") },
        environmentWithoutDisplay());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QImage image(path);
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(distinctColours(image), 50);
}

TEST(Screenshot, ExecutableRejectsAnUnknownId)
{
    TempLibrary library;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shot.png"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const ProcessResult result = runExecutable(
        { QStringLiteral("--library"), library.path(), QStringLiteral("--studies"), projectStudiesFolder(),
            QStringLiteral("--screenshot"), path, QStringLiteral("--select"), QStringLiteral("nobody1999_rct") },
        environment);
    EXPECT_NE(result.exitCode, 0);
    EXPECT_TRUE(result.err.contains(QStringLiteral("nobody1999_rct"))) << result.err.toStdString();
    EXPECT_FALSE(QFile::exists(path));
}

TEST(Screenshot, ExecutableWithoutDisplayExplainsInsteadOfCrashing)
{
    TempLibrary library;
    const ProcessResult result
        = runExecutable({ QStringLiteral("--library"), library.path() }, environmentWithoutDisplay());
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("QT_QPA_PLATFORM=offscreen"))) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("--screenshot"))) << result.err.toStdString();
}

TEST(Screenshot, ExecutableRejectsBadOptions)
{
    const ProcessResult result
        = runExecutable({ QStringLiteral("--no-such-option") }, QProcessEnvironment::systemEnvironment());
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("no-such-option"))) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("Usage:")));
}

TEST(Screenshot, MissingRulesFileIsAnError)
{
    QTemporaryDir dir;
    const ProcessResult result
        = runExecutable({ QStringLiteral("--library"), dir.filePath(QStringLiteral("l.sqlite")),
                            QStringLiteral("--rules"), dir.filePath(QStringLiteral("nope.toml")),
                            QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("s.png")) },
            environmentWithoutDisplay());
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("nope.toml: no such rules file"))) << result.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("s.png"))));
}
