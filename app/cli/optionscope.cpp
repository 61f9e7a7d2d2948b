#include "optionscope.h"

namespace mgreview::cli {

QString optionsOutsideScope(const QString &command, const QStringList &given, const QStringList &allowed)
{
    static const QStringList global = { QStringLiteral("library"), QStringLiteral("studies"), QStringLiteral("no-seed") };
    for (const QString &option : given) {
        if (!allowed.contains(option) && !global.contains(option))
            return QStringLiteral("option '--%1' does not apply to '%2'").arg(option, command);
    }
    return {};
}

} // namespace mgreview::cli
