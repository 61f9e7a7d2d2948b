#include "commands.h"
#include "commandsupport.h"

#include "review/reviewservice.h"

namespace mgreview::cli {

namespace {

/// Points at the command that fixes an unknown name.
QString withProfileHint(const QString &error, const QString &name)
{
    if (!error.startsWith(QStringLiteral("no profile named")))
        return error;
    return error + QStringLiteral(" (add one with: mgreview-cli profile add '%1' --role reviewer)").arg(name);
}

} // namespace

int runFlag(const CommandContext &context)
{
    const Arguments &a = context.arguments;
    ReviewService service(context.database);
    const JudgementContent content { a.judgement, a.link, a.reason, a.evidence, {}, a.page };
    QString error;
    const std::optional<ChangeResult> change = service.recordJudgement(a.id, a.reviewer, content, &error);
    if (!change)
        return report(context, withProfileHint(error, a.reviewer));
    for (const QString &warning : change->warnings)
        report(context, QStringLiteral("warning: ") + warning);
    // The change number is the data: scripts pass it to 'review undo'.
    context.out << QStringLiteral("change %1: %2 judged %3 %4\n")
                       .arg(change->changeId)
                       .arg(a.reviewer, a.id, describeJudgement(a.judgement, a.link));
    const std::optional<ReviewOutcome> outcome = service.outcome(a.id, &error);
    if (outcome && outcome->state == ReviewOutcome::State::Disagreement)
        report(context,
            QStringLiteral("note: the reviewers of %1 disagree; it counts as unclear until resolved "
                           "(see: mgreview-cli review conflicts)")
                .arg(a.id));
    return ExitSuccess;
}

} // namespace mgreview::cli
