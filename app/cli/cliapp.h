#pragma once

#include <QStringList>
#include <QTextStream>

namespace mgreview::cli {

/// Runs the command line: parses `arguments` (without the program name), opens and seeds
/// the library, runs the command. Data goes to `out`, messages to `err`. Returns the exit
/// status (commands.h: ExitStatus). Needs a QCoreApplication.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

/// Whether the command draws figures (matrix --format svg|png|pdf): those need fonts, so
/// main() must create a QGuiApplication instead of a QCoreApplication.
bool needsGuiApplication(const QStringList &arguments);

/// The width to lay tables out for: $COLUMNS, else the terminal's, else 120.
int outputLineWidth();

} // namespace mgreview::cli
