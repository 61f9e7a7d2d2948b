#include "commands.h"
#include "commandsupport.h"

#include "review/reviewoutput.h"
#include "review/reviewservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace mgreview::cli {

namespace {

QString withProfileHint(const QString &error, const QString &name)
{
    if (!error.startsWith(QStringLiteral("no profile named")))
        return error;
    return error + QStringLiteral(" (add one with: mgreview-cli profile add '%1' --role reviewer)").arg(name);
}

/// "  Bea  industry-linked (funded)  2025-01-02  reason [evidence]"
QString judgementLine(const Judgement &j)
{
    QString line = QStringLiteral("  %1  %2  %3  %4")
                       .arg(j.reviewer, describeJudgement(j.content.value, j.content.link),
                           j.recordedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")), j.content.reason);
    if (!j.content.evidence.isEmpty()) {
        line
            += QStringLiteral("\n      evidence (%1%2): \"%3\"")
                   .arg(j.content.evidenceSource,
                       j.content.page ? QStringLiteral(", p. %1").arg(*j.content.page) : QString(), j.content.evidence);
    }
    return line + u'\n';
}

int conflicts(const CommandContext &context, ReviewService &service)
{
    QString error;
    const std::optional<QVector<Conflict>> list = service.conflicts(&error);
    if (!list)
        return report(context, error);
    if (context.arguments.format == OutputFormat::Json) {
        QJsonArray array;
        for (const Conflict &c : *list) {
            QJsonArray judgements;
            for (const Judgement &j : c.judgements)
                judgements.append(judgementToJson(j));
            array.append(
                QJsonObject { { QStringLiteral("id"), c.studyId }, { QStringLiteral("judgements"), judgements } });
        }
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitSuccess;
    }
    for (const Conflict &c : *list) {
        context.out << c.studyId << u'\n';
        for (const Judgement &j : c.judgements)
            context.out << judgementLine(j);
    }
    context.out << (list->size() == 1 ? QStringLiteral("1 study in conflict\n")
                                      : QStringLiteral("%1 studies in conflict\n").arg(list->size()));
    return ExitSuccess;
}

int resolve(const CommandContext &context, ReviewService &service)
{
    const Arguments &a = context.arguments;
    QString error;
    const std::optional<ChangeResult> change
        = service.recordResolution(a.id, a.reviewer, { a.judgement, a.link, a.reason, a.method }, &error);
    if (!change)
        return report(context, withProfileHint(error, a.reviewer));
    context.out << QStringLiteral("change %1: %2 resolved %3 as %4 (%5)\n")
                       .arg(change->changeId)
                       .arg(a.reviewer, a.id, describeJudgement(a.judgement, a.link), a.method);
    return ExitSuccess;
}

int exportCsv(const CommandContext &context, ReviewService &service)
{
    const Arguments &a = context.arguments;
    QString error, csv;
    qsizetype rows = 0;
    if (a.what == u"judgements") {
        const auto list = service.judgementHistory(&error);
        if (!list)
            return report(context, error);
        csv = judgementsToCsv(*list);
        rows = list->size();
    } else if (a.what == u"resolutions") {
        const auto list = service.resolutionHistory(&error);
        if (!list)
            return report(context, error);
        csv = resolutionsToCsv(*list);
        rows = list->size();
    } else {
        const auto list = service.auditLog(&error);
        if (!list)
            return report(context, error);
        csv = auditToCsv(*list);
        rows = list->size();
    }
    if (a.outputFile.isEmpty() || a.outputFile == u"-") {
        context.out << csv;
        return ExitSuccess;
    }
    // Written whole or not at all: a half-written export must never pass for a complete one.
    QSaveFile file(a.outputFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv.toUtf8()) < 0 || !file.commit())
        return report(context, QStringLiteral("cannot write %1: %2").arg(a.outputFile, file.errorString()));
    report(context, QStringLiteral("wrote %1 %2 rows to %3").arg(rows).arg(a.what, a.outputFile), ExitSuccess);
    return ExitSuccess;
}

int show(const CommandContext &context, ReviewService &service)
{
    const Arguments &a = context.arguments;
    QString error;
    const std::optional<VisibleJudgements> visible = service.visibleJudgements(a.id, a.reviewer, &error);
    if (!visible)
        return report(context, withProfileHint(error, a.reviewer));
    // While blinded, the combined outcome would give the others' judgements away.
    std::optional<ReviewOutcome> outcome;
    if (!visible->blinded) {
        outcome = service.outcome(a.id, &error);
        if (!outcome)
            return report(context, error);
    }
    if (a.format == OutputFormat::Json) {
        QJsonArray judgements;
        for (const Judgement &j : visible->judgements)
            judgements.append(judgementToJson(j));
        QJsonObject o { { QStringLiteral("id"), a.id }, { QStringLiteral("viewer"), a.reviewer },
            { QStringLiteral("blinded"), visible->blinded }, { QStringLiteral("hidden"), visible->hidden },
            { QStringLiteral("judgements"), judgements } };
        if (outcome) {
            o.insert(QStringLiteral("outcome"),
                QJsonObject { { QStringLiteral("state"), toString(outcome->state) },
                    { QStringLiteral("value"), outcome->independence.value },
                    { QStringLiteral("link"), outcome->independence.link },
                    { QStringLiteral("reason"), outcome->independence.reason } });
            if (outcome->resolution)
                o.insert(QStringLiteral("resolution"), resolutionToJson(*outcome->resolution));
        }
        context.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
        return ExitSuccess;
    }
    context.out << a.id << u'\n';
    for (const Judgement &j : visible->judgements)
        context.out << judgementLine(j);
    if (visible->judgements.isEmpty() && visible->hidden == 0)
        context.out << QStringLiteral("  no judgements yet\n");
    if (visible->hidden > 0)
        context.out << QStringLiteral("  %1 other reviewer(s) judged this study: record your own judgement first, or "
                                      "look now with 'review reveal' (logged)\n")
                           .arg(visible->hidden);
    if (outcome && outcome->decides())
        context.out << QStringLiteral("  outcome (%1): %2 \u2014 %3\n")
                           .arg(toString(outcome->state),
                               describeJudgement(outcome->independence.value, outcome->independence.link),
                               outcome->independence.reason);
    return ExitSuccess;
}

int reveal(const CommandContext &context, ReviewService &service)
{
    const Arguments &a = context.arguments;
    QString error;
    const std::optional<qint64> change = service.revealOthers(a.id, a.reviewer, &error);
    if (!change)
        return report(context, withProfileHint(error, a.reviewer));
    context.out << QStringLiteral("change %1: %2 chose to see the other reviewers' judgements on %3 (logged)\n")
                       .arg(*change)
                       .arg(a.reviewer, a.id);
    return show(context, service);
}

int undoOrRedo(const CommandContext &context, ReviewService &service)
{
    const Arguments &a = context.arguments;
    const bool redo = a.subcommand == u"redo";
    QString error;
    const std::optional<ChangeResult> change
        = redo ? service.redo(a.change, a.reviewer, &error) : service.undo(a.change, a.reviewer, &error);
    if (!change)
        return report(context, withProfileHint(error, a.reviewer));
    context.out << QStringLiteral("change %1: %2 %3 %4\n")
                       .arg(change->changeId)
                       .arg(a.reviewer, redo ? QStringLiteral("redid what undo") : QStringLiteral("undid change"))
                       .arg(a.change);
    return ExitSuccess;
}

} // namespace

int runReview(const CommandContext &context)
{
    ReviewService service(context.database);
    const QString &sub = context.arguments.subcommand;
    if (sub == u"conflicts")
        return conflicts(context, service);
    if (sub == u"resolve")
        return resolve(context, service);
    if (sub == u"export")
        return exportCsv(context, service);
    if (sub == u"show")
        return show(context, service);
    if (sub == u"reveal")
        return reveal(context, service);
    return undoOrRedo(context, service);
}

} // namespace mgreview::cli
