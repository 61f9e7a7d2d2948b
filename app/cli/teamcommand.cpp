#include "commands.h"
#include "commandsupport.h"

#include "store/database.h"
#include "store/teamroles.h"

namespace mgreview::cli {

int runTeam(const CommandContext &context)
{
    const Arguments &a = context.arguments;
    QString error;
    if (a.subcommand == u"grant") {
        if (!grantTeamRole(context.database, a.user, a.role, &error))
            return report(context, error);
        context.out << QStringLiteral("%1 is now a team %2\n").arg(a.user, a.role.section(u'_', -1));
        return ExitSuccess;
    }
    QStringList log;
    if (!initTeamLibrary(context.database, &log, &error))
        return report(context, error);
    context.out << QStringLiteral("team library ready: %1 (schema version up to date)\n")
                       .arg(context.database.location().displayName());
    context.out << QStringLiteral("roles: %1\n").arg(teamRoleNames().join(QStringLiteral(", ")));
    context.out << QStringLiteral("give people a role with: mgreview-cli --library URL team grant USER ROLE\n");
    return ExitSuccess;
}

} // namespace mgreview::cli
