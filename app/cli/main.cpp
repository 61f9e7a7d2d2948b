// mgreview-cli: the command line on the same core as the app (see cliapp.h).
#include "cliapp.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
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
