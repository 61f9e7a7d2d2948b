#pragma once

#include "arguments.h"

#include <QString>
#include <QStringList>

namespace mgreview::cli {

// Argument rules of import and duplicates (docs/formats/import.md), apart from arguments.cpp.

/// Returned by importOption for options it does not handle.
inline const QString kNotAnImportOption = QStringLiteral("\x01");

/// Stores --format (input format), --dry-run, --no-rules and --report of import, and --format
/// of duplicates. Returns a usage error, "" when stored, or kNotAnImportOption.
QString importOption(const QString &name, const QString &value, Arguments &result);
/// Takes the files of import and the subcommand of duplicates. Returns a usage error or "".
QString importCommand(Arguments &result, QStringList &positional);

} // namespace mgreview::cli
