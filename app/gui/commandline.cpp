#include "commandline.h"

#include "model/vocabulary.h"

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
    const QCommandLineOption library(QStringLiteral("library"), tr("The library file, or a postgresql:// URL."), QStringLiteral("PATH"));
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
    const QCommandLineOption view(QStringLiteral("view"), tr("Show this view."), QStringLiteral("VIEW"));
    const QCommandLineOption cell(
        QStringLiteral("cell"), tr("List this matrix cell's studies."), QStringLiteral("POPULATION:CRAMP_TYPE"));
    parser.addOptions({ help, version, library, studies, screenshot, select, search, filter, rules, showRules, rule,
        paneSection, view, cell });
    const QCommandLineOption profile(
        QStringLiteral("profile"), tr("Sign in as this profile."), QStringLiteral("NAME[:ROLE]"));
    const QCommandLineOption assess(
        QStringLiteral("assess"), tr("Open the Assess funding form."), QStringLiteral("ID"));
    const QCommandLineOption showConflicts(QStringLiteral("show-conflicts"), tr("Show the Conflicts list."));
    const QCommandLineOption showNotes(QStringLiteral("show-notes"), tr("Show the Notes view (annotations)."));
    const QCommandLineOption showAgreement(QStringLiteral("show-agreement"), tr("Show the Agreement view."));
    const QCommandLineOption openFilter(QStringLiteral("open-filter"), tr("Open the funding filter's list."));
    parser.addOptions({ profile, assess, showConflicts, showAgreement, openFilter });
    parser.addOption(showNotes);
    const QCommandLineOption openPdf(QStringLiteral("open-pdf"), tr("Show this PDF."), QStringLiteral("FILE"));
    const QCommandLineOption pdfPage(QStringLiteral("page"), tr("Go to this page of the PDF."), QStringLiteral("N"));
    const QCommandLineOption pdfFind(QStringLiteral("find"), tr("Find this text in the PDF."), QStringLiteral("TEXT"));
    parser.addOptions({ openPdf, pdfPage, pdfFind });
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
    options.view = parser.value(view);
    if (!options.view.isEmpty() && options.view != u"studies" && options.view != u"matrix") {
        *error = tr("--view must be studies or matrix (not “%1”)").arg(options.view);
        return std::nullopt;
    }
    if (parser.isSet(cell)) {
        const QStringList parts = parser.value(cell).split(u':');
        const Vocabularies &vocabularies = Vocabularies::builtin();
        if (parts.size() != 2 || vocabularies.population.indexOf(parts.at(0)) < 0
            || vocabularies.crampType.indexOf(parts.at(1)) < 0) {
            QStringList populations, crampTypes;
            for (const VocabularyTerm &term : vocabularies.population.terms())
                populations.append(term.id);
            for (const VocabularyTerm &term : vocabularies.crampType.terms())
                crampTypes.append(term.id);
            *error = tr("--cell must be POPULATION:CRAMP_TYPE (not “%1”); populations: %2; cramp types: %3")
                         .arg(parser.value(cell), populations.join(QStringLiteral(", ")),
                             crampTypes.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        options.cellPopulation = parts.at(0);
        options.cellCrampType = parts.at(1);
    }
    if (parser.isSet(profile)) {
        // NAME[:ROLE]: what follows the last colon is the role.
        const QString value = parser.value(profile);
        const qsizetype colon = value.lastIndexOf(u':');
        options.profile = value;
        if (colon >= 0) {
            options.profileRole = roleFromString(value.mid(colon + 1));
            if (!options.profileRole) {
                *error = tr("--profile NAME:ROLE: the role must be clinician, student or reviewer (not “%1”)")
                             .arg(value.mid(colon + 1));
                return std::nullopt;
            }
            options.profile = value.left(colon);
        }
        if (const QString problem = validateProfileName(options.profile); !problem.isEmpty()) {
            *error = tr("--profile: %1").arg(problem);
            return std::nullopt;
        }
    }
    options.assess = parser.value(assess);
    options.showConflicts = parser.isSet(showConflicts);
    options.showNotes = parser.isSet(showNotes);
    options.showAgreement = parser.isSet(showAgreement);
    options.openFilter = parser.isSet(openFilter);
    options.openPdf = parser.value(openPdf);
    options.pdfFind = parser.value(pdfFind);
    if ((parser.isSet(pdfPage) || parser.isSet(pdfFind)) && options.openPdf.isEmpty()) {
        *error = tr("--page and --find need --open-pdf FILE");
        return std::nullopt;
    }
    if (parser.isSet(pdfPage)) {
        bool ok = false;
        options.pdfPage = parser.value(pdfPage).toInt(&ok);
        if (!ok || options.pdfPage < 1) {
            *error = tr("--page must be a page number from 1 (not “%1”)").arg(parser.value(pdfPage));
            return std::nullopt;
        }
    }
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
              "  --library URL      A team library on PostgreSQL: postgresql://USER@HOST:PORT/DATABASE\n"
              "                     [?sslmode=verify-full]; the password comes from the system keychain.\n"
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
              "                     review, study, effects, sources.\n"
              "  --view VIEW        Show the studies table or the evidence matrix: studies, matrix.\n"
              "  --cell POP:CRAMP   List the studies of one evidence-matrix cell in the table, e.g.\n"
              "                     pregnant_women:pregnancy (with --view matrix the cell is shown selected).\n"
              "  --profile NAME[:ROLE]  Sign in as this profile for this run (ROLE: clinician, student or\n"
              "                     reviewer; it is added to the library when missing), e.g. Ann:reviewer.\n"
              "  --assess ID        Open the Assess funding form for a study (reviewers).\n"
              "  --show-conflicts   Show the Conflicts list (studies where reviewers disagree).\n"
              "  --show-notes       Show the Notes view: every annotation, by study, author and tag.\n"
              "  --show-agreement   Show the Agreement view (Cohen's kappa).\n"
              "  --open-filter      Open the funding filter's list with its counts (for screenshots).\n"
              "  --open-pdf FILE    Show this PDF in the PDF tab (--page N goes to a page, --find TEXT\n"
              "                     finds and highlights a text in it).\n"
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
