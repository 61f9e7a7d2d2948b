// mgreview-cli: the command line on the same core as the app (see cliapp.h).
#include "cliapp.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace {

QtMessageHandler g_previousHandler = nullptr;

// Starting a QGuiApplication where XDG_RUNTIME_DIR is unset (containers, cron) prints a
// notice that says nothing about the command; scripts read standard error, so drop it.
void quietStartupHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(QStringLiteral("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    g_previousHandler(type, context, message);
}

} // namespace

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    // Figures need fonts, hence a QGuiApplication, on the offscreen platform: the command line
    // never opens a window and must run where there is no display. Everything else stays on
    // QCoreApplication.
    std::unique_ptr<QCoreApplication> app;
    if (mgreview::cli::needsGuiApplication(arguments)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        g_previousHandler = qInstallMessageHandler(quietStartupHandler);
        app = std::make_unique<QGuiApplication>(argc, argv);
        qInstallMessageHandler(g_previousHandler);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    // The same names as the app (app/gui/main.cpp), so both open the same default library.
    QCoreApplication::setApplicationName(QStringLiteral("MgReview"));
    QCoreApplication::setOrganizationName(QStringLiteral("MgReview"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const int status = mgreview::cli::run(QCoreApplication::arguments().mid(1), out, err);
    out.flush();
    err.flush();
    return status;
}
