#pragma once

#include <QString>
#include <QStringView>

namespace mgreview::cli {

/// The program name used in every message.
inline constexpr QStringView kProgramName = u"mgreview-cli";

/// The full help (--help), naming the default library path.
QString helpText(const QString &defaultLibraryPath);
/// The short reminder printed after a usage error.
QString shortUsage();

} // namespace mgreview::cli
