#include "commands.h"
#include "commandsupport.h"

#include "importexport/duplicatereview.h"
#include "store/studystore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mgreview::cli {

namespace {

QString titleOf(const StudyStore &store, const QString &id)
{
    QString error;
    const std::optional<Study> s = store.load(id, &error);
    if (!s)
        return QStringLiteral("(not in the library)");
    return s->citation.title.isEmpty() ? s->citation.text : s->citation.title;
}

int listCandidates(const CommandContext &context)
{
    QString error;
    const DuplicateReview review(context.database);
    const std::optional<QVector<DuplicateCandidate>> list = review.candidates(QString(), &error);
    if (!list)
        return report(context, error);
    const StudyStore store(context.database);
    if (context.arguments.format == OutputFormat::Json) {
        QJsonArray array;
        for (const DuplicateCandidate &c : *list)
            array.append(QJsonObject{{QStringLiteral("candidate"), c.id},
                                     {QStringLiteral("batch"), c.batchId},
                                     {QStringLiteral("study"), c.studyId},
                                     {QStringLiteral("other"), c.otherId},
                                     {QStringLiteral("reason"), c.reason},
                                     {QStringLiteral("status"), c.status},
                                     {QStringLiteral("study_title"), titleOf(store, c.studyId)},
                                     {QStringLiteral("other_title"), titleOf(store, c.otherId)}});
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitSuccess;
    }
    if (list->isEmpty()) {
        context.err << QStringLiteral("no probable duplicates\n");
        return ExitSuccess;
    }
    for (const DuplicateCandidate &c : *list) {
        context.out << QStringLiteral("#%1 [%2] %3 ~ %4: %5\n").arg(c.id).arg(c.status, c.studyId, c.otherId, c.reason)
                    << QStringLiteral("    %1: %2\n").arg(c.studyId, titleOf(store, c.studyId))
                    << QStringLiteral("    %1: %2\n").arg(c.otherId, titleOf(store, c.otherId));
    }
    return ExitSuccess;
}

int listMerges(const CommandContext &context)
{
    QString error;
    const std::optional<QVector<StudyMerge>> merges = DuplicateReview(context.database).merges(&error);
    if (!merges)
        return report(context, error);
    if (context.arguments.format == OutputFormat::Json) {
        QJsonArray array;
        for (const StudyMerge &m : *merges)
            array.append(QJsonObject{{QStringLiteral("merge"), m.id},
                                     {QStringLiteral("kept"), m.keptId},
                                     {QStringLiteral("merged"), m.mergedId},
                                     {QStringLiteral("merged_at"), m.mergedAt},
                                     {QStringLiteral("undone_at"), m.undoneAt}});
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitSuccess;
    }
    for (const StudyMerge &m : *merges)
        context.out << QStringLiteral("%1  %2 <- %3  %4%5\n")
                           .arg(m.id)
                           .arg(m.keptId, m.mergedId, m.mergedAt,
                                m.undoneAt.isEmpty() ? QString() : QStringLiteral("  (undone %1)").arg(m.undoneAt));
    return ExitSuccess;
}

} // namespace

int runDuplicates(const CommandContext &context)
{
    const Arguments &args = context.arguments;
    DuplicateReview review(context.database);
    QString error;
    if (args.subcommand == u"list")
        return listCandidates(context);
    if (args.subcommand == u"merges")
        return listMerges(context);
    if (args.subcommand == u"merge") {
        const std::optional<qint64> merge = review.merge(args.studyIds.at(0), args.studyIds.at(1), &error);
        if (!merge)
            return report(context, error);
        context.out << *merge << u'\n';
        context.err << QStringLiteral("merged %1 into %2 (undo: duplicates undo-merge %3)\n")
                           .arg(args.studyIds.at(1), args.studyIds.at(0))
                           .arg(*merge);
        return ExitSuccess;
    }
    if (args.subcommand == u"keep") {
        if (!review.keepBoth(args.studyIds.at(0), args.studyIds.at(1), &error))
            return report(context, error);
        context.err << QStringLiteral("kept both %1 and %2\n").arg(args.studyIds.at(0), args.studyIds.at(1));
        return ExitSuccess;
    }
    if (!review.undoMerge(args.change, &error))
        return report(context, error);
    context.err << QStringLiteral("merge %1 undone\n").arg(args.change);
    return ExitSuccess;
}

} // namespace mgreview::cli
