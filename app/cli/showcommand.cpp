#include "commands.h"
#include "commandsupport.h"

#include "format/studyoutput.h"
#include "model/vocabulary.h"
#include "store/studystore.h"
#include "rules/suggestionstore.h"
#include "rules/effectivestudy.h"
#include "review/reviewservice.h"

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
    // Reviewers' decision first (docs/review.md): the study as shown carries it as its independence.
    const std::optional<ReviewOutcome> review = ReviewService(context.database).outcome(context.arguments.id, &error);
    if (!review)
        return report(context, error);
    const std::optional<Independence> reviewer =
        review->decides() ? std::optional<Independence>(review->independence) : std::nullopt;
    const Study seen = withRuleSuggestions(*study, {}, nullptr, reviewer);
    switch (context.arguments.format) {
    case OutputFormat::Table:
        context.out << studyToText(seen, Vocabularies::builtin(), *suggestions);
        break;
    case OutputFormat::Json:
        context.out << QString::fromUtf8(
            QJsonDocument(studyToClassifiedJson(*study, *suggestions, reviewer)).toJson(QJsonDocument::Indented));
        break;
    case OutputFormat::Csv:
        context.out << studiesToCsv({summarize(seen)});
        break;
    }
    return ExitSuccess;
}

} // namespace mgreview::cli
