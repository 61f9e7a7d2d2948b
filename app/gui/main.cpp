// mgreview: parses the command line and wires the main window; features live in mgreview_gui.
#include "commandline.h"
#include "mainwindow.h"
#include "pdfui.h"
#include "matrixui.h"
#include "independencecombo.h"
#include "annotationui.h"
#include "reviewui.h"
#include "screenshot.h"
#include "teamkeychain.h"

#include "store/librarylocation.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

using namespace mgreview;
using namespace mgreview::gui;

namespace {
void print(FILE *stream, const QString &text)
{
    std::fputs(qUtf8Printable(text), stream);
    std::fflush(stream);
}
} // namespace

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QString error;
    const std::optional<GuiOptions> options = parseGuiArguments(arguments, &error);
    if (!options) {
        print(stderr, QStringLiteral("mgreview: %1\n\n%2").arg(error, guiUsage()));
        return 2;
    }
    if (options->help) {
        print(stdout, guiUsage());
        return 0;
    }
    if (options->version) {
        print(stdout, QStringLiteral("mgreview " MGREVIEW_VERSION "\n"));
        return 0;
    }
    if (!options->studies.isEmpty() && !QDir(options->studies).exists()) {
        print(stderr, QStringLiteral("mgreview: %1: no such studies folder\n").arg(options->studies));
        return 2;
    }
    // A rules file with errors only warns (the app shows them and keeps the default rules);
    // a missing one is a typo worth stopping for.
    if (!options->rules.isEmpty() && !QFileInfo(options->rules).isFile()) {
        print(stderr, QStringLiteral("mgreview: %1: no such rules file\n").arg(options->rules));
        return 2;
    }

    // Decide before QApplication exists: without a display Qt would abort.
    const bool screenshot = !options->screenshot.isEmpty();
    switch (planDisplay(qEnvironmentVariable("QT_QPA_PLATFORM"), qEnvironmentVariable("DISPLAY"),
        qEnvironmentVariable("WAYLAND_DISPLAY"), screenshot)) {
    case DisplayPlan::NoDisplay:
        print(stderr, noDisplayMessage());
        return 2;
    case DisplayPlan::Offscreen:
        qputenv("QT_QPA_PLATFORM", "offscreen");
        break;
    case DisplayPlan::Default:
        break;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("MgReview"));
    QApplication::setOrganizationName(QStringLiteral("MgReview"));
    QApplication::setApplicationVersion(QStringLiteral(MGREVIEW_VERSION));

    // Team libraries: the password from the system keychain, else asked (never for a screenshot).
    installTeamPasswordProvider(!screenshot);

    WindowOptions windowOptions;
    // A screenshot is reproducible: no saved layout in, nothing saved out, no dialogs.
    windowOptions.persistLayout = !screenshot;
    windowOptions.errorDialogs = !screenshot;
    MainWindow window(windowOptions);
    if (options->filter)
        window.setIndependenceFilter(*options->filter);
    if (!options->search.isEmpty())
        window.setSearchText(options->search);
    if (!options->rules.isEmpty())
        window.setRulesFile(options->rules);
    if (options->showRules)
        window.showRulesView();
    if (!options->rule.isEmpty())
        window.selectRule(options->rule);
    window.setPaneSection(options->paneSection);
    if (options->view == u"matrix")
        window.matrix()->showMatrix();
    else if (options->view == u"studies")
        window.matrix()->showStudies();
    if (!options->cellPopulation.isEmpty())
        window.matrix()->openCell(options->cellPopulation, options->cellCrampType, options->view != u"matrix");
    if (!options->profile.isEmpty())
        window.review()->requestProfile(options->profile, options->profileRole);
    if (!options->assess.isEmpty())
        window.review()->openAssessForm(options->assess);
    if (options->showConflicts)
        window.review()->showConflicts();
    if (options->showNotes)
        window.annotations()->showNotes();
    if (options->showAgreement)
        window.review()->showAgreement();
    if (!options->openPdf.isEmpty())
        window.pdf()->openPdf(options->openPdf, options->pdfPage, options->pdfFind);
    if (options->openFilter) {
        // Once the counts are known; the list stays open for a screenshot.
        QObject::connect(&window, &MainWindow::libraryLoaded, window.independenceCombo(),
            [combo = window.independenceCombo()] { combo->showPopup(); });
    }

    const LibraryLocation location
        = options->library.isEmpty() ? LibraryLocation::defaultLocation() : LibraryLocation::parse(options->library);
    OpenOptions openOptions;
    openOptions.studiesFolder = options->studies;

    if (screenshot) {
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.show();
        ScreenshotRunner runner(&window, options->screenshot, options->select);
        QObject::connect(&runner, &ScreenshotRunner::finished, &app, [](int code, const QString &message) {
            print(code == 0 ? stdout : stderr, QStringLiteral("mgreview: %1\n").arg(message));
            QCoreApplication::exit(code);
        });
        window.openLibrary(location, openOptions);
        runner.start();
        return app.exec();
    }

    window.show();
    window.openLibrary(location, openOptions);
    if (!options->select.isEmpty())
        window.selectStudy(options->select);
    return app.exec();
}
