#pragma once

#include "arguments.h"

#include <QString>
#include <QStringList>

namespace mgreview::cli {

// Argument rules of annotate and annotations (docs/annotations.md), kept apart from the
// general parser in arguments.cpp. Both return a usage error, or an empty string.

/// True for --quote, --tag, --note, --author, --conclusion and --study.
bool isAnnotationOption(const QString &name);
/// Stores the value of an annotation option in `result`.
QString annotationOption(const QString &name, const QString &value, Arguments &result);
/// Takes the subcommand and positional arguments, and checks which options go together.
/// `given` names the options on the command line.
QString annotationCommand(Arguments &result, QStringList &positional, const QStringList &given);

} // namespace mgreview::cli
