#include "commands.h"
#include "commandsupport.h"

#include "format/studyoutput.h"
#include "model/vocabulary.h"
#include "store/studystore.h"
#include "rules/suggestionstore.h"

#include <QJsonDocument>

namespace mgreview::cli {

int runShow(const CommandContext &context)
{
    QString error;
    const std::optional<Study> study = StudyStore(context.database).load(context.arguments.id, &error);
    if (!study) {
        if (!error.isEmpty())
            return report(context, error);
        return report(context, QStringLiteral("no study with id '%1'").arg(context.arguments.id));
    }
    const std::optional<QVector<Suggestion>> suggestions =
        SuggestionStore(context.database).forStudy(context.arguments.id, &error);
    if (!suggestions)
        return report(context, error);
    switch (context.arguments.format) {
    case OutputFormat::Table:
        context.out << studyToText(*study, Vocabularies::builtin(), *suggestions);
        break;
    case OutputFormat::Json:
        context.out << QString::fromUtf8(
            QJsonDocument(studyToClassifiedJson(*study, *suggestions)).toJson(QJsonDocument::Indented));
        break;
    case OutputFormat::Csv:
        context.out << studiesToCsv({summarize(*study)});
        break;
    }
    return ExitSuccess;
}

} // namespace mgreview::cli
