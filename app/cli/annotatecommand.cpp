#include "commands.h"
#include "commandsupport.h"

#include "annotations/annotationservice.h"

namespace mgreview::cli {

QString withAnnotatorHint(const QString &error, const QString &name)
{
    if (!error.startsWith(QStringLiteral("no profile named")))
        return error;
    return error + QStringLiteral(" (add one with: mgreview-cli profile add '%1' --role student)").arg(name);
}

int runAnnotate(const CommandContext &context)
{
    const Arguments &a = context.arguments;
    AnnotationService service(context.database);
    QString error;
    const std::optional<AnnotationResult> result
        = service.createFromQuote(a.id, a.quote, a.conclusion, a.tag, a.note.value_or(QString()), a.author, &error);
    if (!result)
        return report(context, withAnnotatorHint(error, a.author));
    const Annotation &made = result->annotation;
    // The change number undoes it (annotations undo CHANGE); the id names it for edit and delete.
    context.out << QStringLiteral("change %1: annotation %2 on %3 %4, %5 [%6]\n")
                       .arg(result->eventId)
                       .arg(made.id, made.studyId, made.target.describe(),
                           QStringLiteral("characters %1-%2").arg(made.position.start).arg(made.position.end),
                           service.tags().label(made.tag));
    return ExitSuccess;
}

} // namespace mgreview::cli
