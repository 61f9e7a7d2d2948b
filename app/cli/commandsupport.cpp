#include "commandsupport.h"

#include "format/studyoutput.h"
#include "model/vocabulary.h"
#include "store/studystore.h"
#include "rules/effectivestudy.h"
#include "rules/suggestionstore.h"
#include "review/reviewoutcome.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include "usage.h"

#include <QHash>

namespace mgreview::cli {

QJsonObject studyToClassifiedJson(const Study &study, const QVector<Suggestion> &suggestions,
                                  const std::optional<Independence> &reviewer)
{
    ClassificationSources sources;
    QJsonObject o = studyToOutputJson(withRuleSuggestions(study, suggestions, &sources, reviewer));
    o.insert(QStringLiteral("classified_by"), sources.toJson());
    return o;
}

int report(const CommandContext &context, const QString &message, int status)
{
    context.err << kProgramName << QStringLiteral(": ") << message << u'\n';
    return status;
}

int printStudies(const CommandContext &context, const QVector<StudySummary> &studies)
{
    switch (context.arguments.format) {
    case OutputFormat::Table:
        context.out << studiesToTable(studies, Vocabularies::builtin(), context.lineWidth);
        return ExitSuccess;
    case OutputFormat::Csv:
        context.out << studiesToCsv(studies);
        return ExitSuccess;
    case OutputFormat::Json: break;
    }

    // JSON carries whole records. One pass over the library is cheaper than one query per
    // study; the rows decide which studies are printed and in which order.
    QString error;
    const std::optional<QVector<Study>> all = StudyStore(context.database).loadAll(&error);
    if (!all)
        return report(context, error);
    QHash<QString, const Study *> byId;
    byId.reserve(all->size());
    for (const Study &study : *all)
        byId.insert(study.id, &study);
    // Attributes nobody coded are shown as the rules suggest, with "classified_by" saying so.
    const std::optional<QHash<QString, QVector<Suggestion>>> suggestions =
        SuggestionStore(context.database).winningByStudy(&error);
    if (!suggestions)
        return report(context, error);
    // Reviewers' decisions outrank curated values and rules, as in the rows.
    const std::optional<QHash<QString, Independence>> reviewed = reviewerIndependenceByStudy(context.database, &error);
    if (!reviewed)
        return report(context, error);
    QJsonArray array;
    for (const StudySummary &row : studies) {
        if (const Study *study = byId.value(row.id)) {
            const auto review = reviewed->constFind(row.id);
            array.append(studyToClassifiedJson(*study, suggestions->value(row.id),
                                               review == reviewed->cend() ? std::nullopt
                                                                          : std::optional<Independence>(*review)));
        }
    }
    context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    return ExitSuccess;
}

PdfExtractionOptions childProcessExtraction(const Arguments &arguments)
{
    PdfExtractionOptions options;
    options.helperProgram = QCoreApplication::applicationFilePath();
    options.timeoutSeconds = arguments.timeoutSeconds;
    return options;
}

} // namespace mgreview::cli
