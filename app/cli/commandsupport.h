#pragma once

#include "commands.h"

#include "library/studysummary.h"

#include <QVector>

namespace mgreview::cli {

/// Prints "mgreview-cli: message" on standard error; returns `status`.
int report(const CommandContext &context, const QString &message, int status = ExitFailure);
/// Prints study rows in the requested format (JSON reads the full records).
int printStudies(const CommandContext &context, const QVector<StudySummary> &studies);

} // namespace mgreview::cli
