#include "commands.h"
#include "commandsupport.h"

#include "review/reviewservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mgreview::cli {

int runProfile(const CommandContext &context)
{
    const Arguments &a = context.arguments;
    ReviewService service(context.database);
    QString error;
    if (a.subcommand == u"add") {
        const Profile profile { a.name, roleFromString(a.role).value_or(Role::Clinician) };
        if (!service.addProfile(profile, &error))
            return report(context, error);
        context.out << QStringLiteral("added %1 '%2'\n").arg(toString(profile.role), profile.name);
        return ExitSuccess;
    }

    const std::optional<QVector<Profile>> profiles = service.profiles(&error);
    if (!profiles)
        return report(context, error);
    if (a.format == OutputFormat::Json) {
        QJsonArray array;
        for (const Profile &p : *profiles)
            array.append(
                QJsonObject { { QStringLiteral("name"), p.name }, { QStringLiteral("role"), toString(p.role) } });
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitSuccess;
    }
    qsizetype width = 4;
    for (const Profile &p : *profiles)
        width = std::max(width, p.name.size());
    context.out << QStringLiteral("NAME").leftJustified(width + 2) << QStringLiteral("ROLE\n");
    for (const Profile &p : *profiles)
        context.out << p.name.leftJustified(width + 2) << toString(p.role) << u'\n';
    context.out << (profiles->size() == 1 ? QStringLiteral("1 profile\n")
                                          : QStringLiteral("%1 profiles\n").arg(profiles->size()));
    return ExitSuccess;
}

} // namespace mgreview::cli
