#pragma once

#include "arguments.h"

#include <QString>
#include <QStringList>

namespace mgreview::cli {

// Argument rules of the review commands (profile, flag, agreement, review), kept apart from
// the general parser in arguments.cpp. Both return a usage error, or an empty string.

/// Stores the value of a review option (--role, --reviewer, --as, --link, --reason,
/// --evidence, --page, --method, --what, --output/-o, --reviewers) in `result`.
QString reviewOption(const QString &name, const QString &value, Arguments &result);
/// Takes the subcommand and positional arguments of profile, flag, agreement and review, and
/// checks which options go together. `given` names the options on the command line.
QString reviewCommand(Arguments &result, QStringList &positional, const QStringList &given);

} // namespace mgreview::cli
