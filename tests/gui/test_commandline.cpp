// mgreview's command line and the display decision.
#include "commandline.h"

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::gui;

namespace {
QStringList args(std::initializer_list<const char *> list)
{
    QStringList out { QStringLiteral("mgreview") };
    for (const char *a : list)
        out.append(QString::fromUtf8(a));
    return out;
}
} // namespace

TEST(CommandLine, ParsesEveryOption)
{
    QString error;
    const auto options = parseGuiArguments(
        args({ "--library", "/tmp/l.sqlite", "--studies", "/s", "--screenshot", "shot.png", "--select",
            "garrison2020_cochrane", "--search", "night cramps", "--filter", "industry-linked" }),
        &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_EQ(options->library, QStringLiteral("/tmp/l.sqlite"));
    EXPECT_EQ(options->studies, QStringLiteral("/s"));
    EXPECT_EQ(options->screenshot, QStringLiteral("shot.png"));
    EXPECT_EQ(options->select, QStringLiteral("garrison2020_cochrane"));
    EXPECT_EQ(options->search, QStringLiteral("night cramps"));
    EXPECT_EQ(options->filter, IndependenceFilter::IndustryLinked);
}

TEST(CommandLine, NoOptionsMeansTheDefaults)
{
    QString error;
    const auto options = parseGuiArguments(args({}), &error);
    ASSERT_TRUE(options);
    EXPECT_TRUE(options->library.isEmpty());
    EXPECT_TRUE(options->screenshot.isEmpty());
    EXPECT_FALSE(options->filter.has_value());
    EXPECT_FALSE(options->help);
}

TEST(CommandLine, RejectsUnknownOptionsMissingValuesAndBadFilters)
{
    QString error;
    EXPECT_FALSE(parseGuiArguments(args({ "--bogus" }), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("bogus"))) << error.toStdString();
    EXPECT_FALSE(parseGuiArguments(args({ "--library" }), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("library"))) << error.toStdString();
    EXPECT_FALSE(parseGuiArguments(args({ "--filter", "sponsored" }), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("sponsored"))) << error.toStdString();
    EXPECT_FALSE(parseGuiArguments(args({ "stray" }), &error));
}

TEST(CommandLine, HelpNamesEveryOption)
{
    const QString usage = guiUsage();
    for (const char *option : { "--library", "--studies", "--screenshot", "--select", "--search", "--filter" })
        EXPECT_TRUE(usage.contains(QString::fromLatin1(option))) << option;
}

TEST(DisplayPlan, WithADisplayTheDefaultPlatformIsUsed)
{
    EXPECT_EQ(planDisplay({}, QStringLiteral(":0"), {}, false), DisplayPlan::Default);
    EXPECT_EQ(planDisplay({}, {}, QStringLiteral("wayland-0"), true), DisplayPlan::Default);
}

TEST(DisplayPlan, OffscreenPlatformNeedsNoDisplay)
{
    EXPECT_EQ(planDisplay(QStringLiteral("offscreen"), {}, {}, false), DisplayPlan::Default);
    EXPECT_EQ(planDisplay(QStringLiteral("minimal"), {}, {}, true), DisplayPlan::Default);
}

TEST(DisplayPlan, ScreenshotWithoutDisplayRendersOffscreen)
{
    EXPECT_EQ(planDisplay({}, {}, {}, true), DisplayPlan::Offscreen);
}

TEST(DisplayPlan, NoDisplayWithoutScreenshotIsExplained)
{
    EXPECT_EQ(planDisplay({}, {}, {}, false), DisplayPlan::NoDisplay);
    // An explicitly chosen windowing platform without its display cannot work either.
    EXPECT_EQ(planDisplay(QStringLiteral("xcb"), {}, {}, true), DisplayPlan::NoDisplay);
    const QString message = noDisplayMessage();
    EXPECT_TRUE(message.contains(QStringLiteral("QT_QPA_PLATFORM=offscreen")));
    EXPECT_TRUE(message.contains(QStringLiteral("--screenshot")));
}

TEST(CommandLine, ParsesTheRulesOptions)
{
    QString error;
    const auto options = parseGuiArguments(
        args({ "--rules", "mine.toml", "--rule", "design.rct", "--pane-section", "rules" }), &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_EQ(options->rules, QStringLiteral("mine.toml"));
    EXPECT_EQ(options->rule, QStringLiteral("design.rct"));
    EXPECT_TRUE(options->showRules) << "--rule shows the Rules view";
    EXPECT_EQ(options->paneSection, QStringLiteral("rules"));
    const auto shown = parseGuiArguments(args({ "--show-rules" }), &error);
    ASSERT_TRUE(shown);
    EXPECT_TRUE(shown->showRules);
    EXPECT_TRUE(shown->rule.isEmpty());
    EXPECT_FALSE(parseGuiArguments(args({ "--rules" }), &error)) << "--rules needs a file";
    EXPECT_TRUE(guiUsage().contains(QStringLiteral("--rules FILE")));
}

TEST(CommandLine, ParsesThePdfOptions)
{
    QString error;
    const auto options
        = parseGuiArguments(args({ "--open-pdf", "paper.pdf", "--page", "3", "--find", "magnesium" }), &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_EQ(options->openPdf, QStringLiteral("paper.pdf"));
    EXPECT_EQ(options->pdfPage, 3);
    EXPECT_EQ(options->pdfFind, QStringLiteral("magnesium"));
    EXPECT_FALSE(parseGuiArguments(args({ "--open-pdf", "paper.pdf", "--page", "zero" }), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("zero"))) << error.toStdString();
    EXPECT_FALSE(parseGuiArguments(args({ "--page", "2" }), &error)) << "--page needs --open-pdf";
    EXPECT_TRUE(guiUsage().contains(QStringLiteral("--open-pdf FILE")));
}
