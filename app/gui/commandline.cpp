#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace mgreview::gui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}
} // namespace

std::optional<GuiOptions> parseGuiArguments(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    const QCommandLineOption library(QStringLiteral("library"), tr("The library file."), QStringLiteral("PATH"));
    const QCommandLineOption studies(
        QStringLiteral("studies"), tr("Seed from this studies/ folder."), QStringLiteral("DIR"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"), tr("Write the window to a PNG and exit."), QStringLiteral("FILE"));
    const QCommandLineOption select(QStringLiteral("select"), tr("Select this study."), QStringLiteral("ID"));
    const QCommandLineOption search(
        QStringLiteral("search"), tr("Start with this search text."), QStringLiteral("TEXT"));
    const QCommandLineOption filter(QStringLiteral("filter"), tr("Funding filter."), QStringLiteral("WORD"));
    const QCommandLineOption rules(QStringLiteral("rules"), tr("User rules file."), QStringLiteral("FILE"));
    const QCommandLineOption showRules(QStringLiteral("show-rules"), tr("Show the Rules view."));
    const QCommandLineOption rule(QStringLiteral("rule"), tr("Select this rule."), QStringLiteral("ID"));
    const QCommandLineOption paneSection(
        QStringLiteral("pane-section"), tr("Scroll the pane to this section."), QStringLiteral("ID"));
    parser.addOptions(
        { help, version, library, studies, screenshot, select, search, filter, rules, showRules, rule, paneSection });
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("unexpected argument “%1”").arg(parser.positionalArguments().constFirst());
        return std::nullopt;
    }
    GuiOptions options;
    options.help = parser.isSet(help);
    options.version = parser.isSet(version);
    options.library = parser.value(library);
    options.studies = parser.value(studies);
    options.screenshot = parser.value(screenshot);
    options.select = parser.value(select);
    options.search = parser.value(search);
    options.rules = parser.value(rules);
    options.showRules = parser.isSet(showRules) || parser.isSet(rule);
    options.rule = parser.value(rule);
    options.paneSection = parser.value(paneSection);
    if (parser.isSet(filter)) {
        options.filter = independenceFilterFromString(parser.value(filter));
        if (!options.filter) {
            *error = tr("--filter must be one of all, independent, industry-linked, unclear (not “%1”)")
                         .arg(parser.value(filter));
            return std::nullopt;
        }
    }
    return options;
}

QString guiUsage()
{
    return tr("Usage: mgreview [options]\n"
              "\n"
              "Browse the magnesium-for-muscle-cramps study library.\n"
              "\n"
              "Options:\n"
              "  --library PATH     The library (SQLite file). Default: library.sqlite in your data folder.\n"
              "  --studies DIR      Seed the library from this studies/ folder (default: the installed one).\n"
              "  --select ID        Select this study at start, e.g. garrison2020_cochrane.\n"
              "  --search TEXT      Start with this search text.\n"
              "  --filter WORD      Funding filter: all, independent, industry-linked or unclear.\n"
              "  --rules FILE       Use this rules file with the default rules, for this run only\n"
              "                     (it is watched: saving it reloads the rules; see docs/formats/rules.md).\n"
              "  --show-rules       Show the Rules view.\n"
              "  --rule ID          Select this rule in the Rules view: the table lists the studies it\n"
              "                     matched, e.g. independence.product_supplied.\n"
              "  --pane-section ID  Scroll the conclusion pane to a section: rules, funding, independence,\n"
              "                     study, effects, sources.\n"
              "  --screenshot FILE  Render the window offscreen to a PNG file and exit.\n"
              "  --version          Show the version.\n"
              "  -h, --help         Show this help.\n");
}

DisplayPlan planDisplay(const QString &platform, const QString &display, const QString &waylandDisplay, bool screenshot)
{
    // Only the windowing platforms need a display server; offscreen, minimal, vnc … do not.
    const bool needsDisplay = platform.isEmpty() || platform.startsWith(u"xcb") || platform.startsWith(u"wayland");
    if (!needsDisplay || !display.isEmpty() || !waylandDisplay.isEmpty())
        return DisplayPlan::Default;
    // A platform the user chose explicitly is theirs to keep, even for --screenshot.
    if (screenshot && platform.isEmpty())
        return DisplayPlan::Offscreen;
    return DisplayPlan::NoDisplay;
}

QString noDisplayMessage()
{
    return tr("mgreview: no display found ($DISPLAY and $WAYLAND_DISPLAY are not set).\n"
              "Run it in a desktop session, or without a screen:\n"
              "  QT_QPA_PLATFORM=offscreen mgreview            (runs with an invisible window)\n"
              "  mgreview --screenshot shot.png --select garrison2020_cochrane\n"
              "                                                (renders the window to a PNG and exits)\n"
              "The command line tool works without a display too: mgreview-cli list\n");
}

} // namespace mgreview::gui
