#include "commands.h"
#include "commandsupport.h"
#include "usage.h"

#include "importexport/importplan.h"
#include "model/vocabulary.h"
#include "rules/ruleloader.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mgreview::cli {

namespace {

QJsonObject issueToJson(const ImportIssue &issue)
{
    return {{QStringLiteral("file"), issue.file},
            {QStringLiteral("line"), issue.line},
            {QStringLiteral("reason"), issue.reason},
            {QStringLiteral("message"), issue.toString()}};
}

QString location(const ImportedRecord &r)
{
    return QStringLiteral("%1:%2").arg(r.file).arg(r.line);
}

void printTable(QTextStream &out, const ImportPlan &plan)
{
    out << QStringLiteral("%1  %2  %3  %4\n").arg(QStringLiteral("STATUS"), -18).arg(QStringLiteral("WHERE"), -28)
               .arg(QStringLiteral("ID"), -28).arg(QStringLiteral("MATCH / REASON"));
    for (const PlannedRecord &p : plan.records) {
        QString match;
        if (!p.matchId.isEmpty())
            match = p.matchId + QStringLiteral(" (") + p.matchReason +
                    (p.matchInImport ? QStringLiteral(", in this import)") : QStringLiteral(")"));
        const QString id = p.status == RecordStatus::Duplicate ? QStringLiteral("-") : p.record.study.id;
        out << QStringLiteral("%1  %2  %3  %4").arg(toString(p.status), -18).arg(location(p.record), -28)
                   .arg(id, -28).arg(match).trimmed()
            << u'\n';
    }
    for (const ImportIssue &issue : plan.issues)
        out << QStringLiteral("%1  %2\n").arg(QStringLiteral("error"), -18).arg(issue.toString());
}

} // namespace

int runImport(const CommandContext &context)
{
    const Arguments &args = context.arguments;
    std::optional<ImportFormat> format;
    if (!args.importFormat.isEmpty())
        format = importFormatFromString(args.importFormat);
    QElapsedTimer timer;
    timer.start();
    QString error;
    const std::optional<ImportPlan> plan = planImport(context.database, args.files, format, &error);
    if (!plan)
        return report(context, error);

    ImportOutcome outcome;
    if (!args.dryRun) {
        const RuleEngine engine(defaultRules());
        outcome = applyImport(context.database, *plan, {}, args.runRules ? &engine : nullptr);
        if (!outcome.ok)
            return report(context, QStringLiteral("import failed, nothing was imported: %1").arg(outcome.error));
    }
    const qint64 totalMs = timer.elapsed();

    if (args.report == OutputFormat::Json) {
        QJsonArray records;
        for (const PlannedRecord &p : plan->records) {
            QJsonObject o{{QStringLiteral("status"), toString(p.status)},
                          {QStringLiteral("file"), p.record.file},
                          {QStringLiteral("line"), p.record.line},
                          {QStringLiteral("title"), p.record.study.citation.title}};
            if (p.status != RecordStatus::Duplicate)
                o.insert(QStringLiteral("id"), p.record.study.id);
            if (!p.matchId.isEmpty()) {
                o.insert(QStringLiteral("match"), p.matchId);
                o.insert(QStringLiteral("reason"), p.matchReason);
                o.insert(QStringLiteral("match_in_import"), p.matchInImport);
            }
            records.append(o);
        }
        QJsonArray issues;
        for (const ImportIssue &issue : plan->issues)
            issues.append(issueToJson(issue));
        QJsonObject summary{{QStringLiteral("new"), plan->newCount},
                            {QStringLiteral("duplicate"), plan->duplicateCount},
                            {QStringLiteral("probable_duplicate"), plan->probableCount},
                            {QStringLiteral("errors"), int(plan->issues.size())}};
        QJsonObject root{{QStringLiteral("dry_run"), args.dryRun},
                         {QStringLiteral("files"), QJsonArray::fromStringList(plan->files)},
                         {QStringLiteral("summary"), summary},
                         {QStringLiteral("records"), records},
                         {QStringLiteral("errors"), issues}};
        if (!args.dryRun) {
            root.insert(QStringLiteral("batch"), outcome.batchId);
            root.insert(QStringLiteral("imported"), outcome.inserted);
            root.insert(QStringLiteral("classified"), outcome.classification.studies);
        }
        context.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    } else {
        printTable(context.out, *plan);
    }

    // Messages (and timings, for the benchmark) go to standard error.
    for (const ImportIssue &issue : plan->issues)
        context.err << issue.toString() << u'\n';
    context.err << QStringLiteral("%1 new, %2 duplicate, %3 probable duplicate, %4 errors")
                       .arg(plan->newCount)
                       .arg(plan->duplicateCount)
                       .arg(plan->probableCount)
                       .arg(plan->issues.size());
    if (args.dryRun) {
        context.err << QStringLiteral(" (dry run: nothing was imported)\n");
    } else {
        context.err << QStringLiteral("; imported %1 studies as batch %2").arg(outcome.inserted).arg(outcome.batchId);
        if (outcome.candidates > 0)
            context.err << QStringLiteral(", %1 probable duplicates to review ('duplicates list')").arg(outcome.candidates);
        context.err << u'\n';
        if (!outcome.classification.error.isEmpty())
            context.err << kProgramName << QStringLiteral(": warning: the rules did not run: ")
                        << outcome.classification.error << u'\n';
    }
    context.err << QStringLiteral("time: read %1 ms, duplicates %2 ms, insert+index %3 ms, rules %4 ms, total %5 ms\n")
                       .arg(plan->readMs)
                       .arg(plan->planMs)
                       .arg(outcome.insertMs)
                       .arg(outcome.classification.classifyMs + outcome.classification.storeMs)
                       .arg(totalMs);
    const bool nothingRead = plan->records.isEmpty() && !plan->issues.isEmpty();
    if (nothingRead)
        return ExitFailure;
    return plan->issues.isEmpty() ? ExitSuccess : ExitPartial;
}

} // namespace mgreview::cli
