#pragma once

#include <QString>
#include <QStringList>

namespace mgreview::cli {

// Subcommands (review export, annotations list, …) accept only some of their command's options.
// One check for all of them, so every parser words the refusal the same way.

/// An error naming the first option in `given` that is neither in `allowed` nor one of the
/// global options (--library, --studies, --no-seed); empty when every option applies.
/// `command` is how the user typed it, e.g. "annotations export".
QString optionsOutsideScope(const QString &command, const QStringList &given, const QStringList &allowed);

} // namespace mgreview::cli
