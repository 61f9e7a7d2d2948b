#include "reviewarguments.h"

#include "review/judgement.h"
#include "optionscope.h"
#include "review/profile.h"

namespace mgreview::cli {

namespace {

/// --as and --link of flag and review resolve: valid words that fit together.
QString checkJudgementWords(const Arguments &a)
{
    if (a.judgement.isEmpty())
        return QStringLiteral("needs --as independent|industry-linked|unclear");
    if (!ReviewWords::values().contains(a.judgement))
        return QStringLiteral("invalid value '%1' for --as (expected independent, industry-linked or unclear)")
            .arg(a.judgement);
    if (!a.link.isEmpty() && !ReviewWords::links().contains(a.link))
        return QStringLiteral("invalid link '%1' (expected funded, product-supplied, author-paid or company-run)")
            .arg(a.link);
    if (a.judgement == QLatin1String(ReviewWords::IndustryLinked) && a.link.isEmpty())
        return QStringLiteral("'--as industry-linked' needs --link funded|product-supplied|author-paid|company-run");
    if (a.judgement != QLatin1String(ReviewWords::IndustryLinked) && !a.link.isEmpty())
        return QStringLiteral("'--link' applies only to '--as industry-linked'");
    if (a.reason.trimmed().isEmpty())
        return QStringLiteral("needs --reason TEXT");
    return {};
}

} // namespace

QString reviewOption(const QString &name, const QString &value, Arguments &result)
{
    if (name == u"role") {
        result.role = value;
        return roleFromString(value) ? QString()
                                     : QStringLiteral("invalid role '%1' (expected clinician, student or "
                                                      "reviewer)")
                                           .arg(value);
    }
    if (name == u"page") {
        bool ok = false;
        const int page = value.toInt(&ok);
        if (!ok || page < 1)
            return QStringLiteral("invalid page '%1' (expected a page number from 1)").arg(value);
        result.page = page;
    } else if (name == u"reviewers") {
        result.reviewers = value.split(u',');
        for (QString &reviewer : result.reviewers)
            reviewer = reviewer.trimmed();
        if (result.reviewers.size() != 2 || result.reviewers.contains(QString()))
            return QStringLiteral("'--reviewers' takes two names separated by a comma (got '%1')").arg(value);
    } else if (name == u"reviewer") {
        result.reviewer = value;
    } else if (name == u"as") {
        result.judgement = value;
    } else if (name == u"link") {
        result.link = value;
    } else if (name == u"reason") {
        result.reason = value;
    } else if (name == u"evidence") {
        result.evidence = value;
    } else if (name == u"method") {
        result.method = value;
    } else if (name == u"what") {
        result.what = value;
    } else if (name == u"output") {
        result.outputFile = value;
    }
    return {};
}

QString reviewCommand(Arguments &a, QStringList &positional, const QStringList &given)
{
    const auto takeSubcommand = [&](const QStringList &known) {
        a.subcommand = positional.isEmpty() ? QString() : positional.takeFirst();
        return known.contains(a.subcommand);
    };
    const auto onlyOptions = [&](const QString &command, const QStringList &allowed) {
        return optionsOutsideScope(command, given, allowed);
    };
    const auto takeId = [&](const QString &command) -> QString {
        if (positional.isEmpty())
            return QStringLiteral("'%1' needs a study ID").arg(command);
        a.id = positional.takeFirst();
        return {};
    };
    const QString needsReviewer = QStringLiteral("needs --reviewer NAME");
    const bool noCsv = a.format != OutputFormat::Csv;
    switch (a.command) {
    case Command::Profile:
        if (!takeSubcommand({ QStringLiteral("add"), QStringLiteral("list") }))
            return QStringLiteral("'profile' needs a subcommand: profile add NAME --role ROLE, or profile list");
        if (!noCsv)
            return QStringLiteral("'profile' writes table or json, not csv");
        if (a.subcommand == u"list")
            return onlyOptions(QStringLiteral("profile list"), { QStringLiteral("format") });
        if (positional.isEmpty())
            return QStringLiteral("'profile add' needs a NAME");
        a.name = positional.takeFirst();
        if (a.role.isEmpty())
            return QStringLiteral("'profile add' needs --role clinician|student|reviewer");
        return onlyOptions(QStringLiteral("profile add"), { QStringLiteral("role"), QStringLiteral("format") });
    case Command::Flag: {
        if (const QString error = takeId(QStringLiteral("flag")); !error.isEmpty())
            return error;
        if (const QString error = checkJudgementWords(a); !error.isEmpty())
            return QStringLiteral("'flag' ") + error;
        if (a.reviewer.isEmpty())
            return QStringLiteral("'flag' ") + needsReviewer;
        return {};
    }
    case Command::Agreement:
        return noCsv ? QString() : QStringLiteral("'agreement' writes table or json, not csv");
    case Command::Review:
        break;
    default:
        return {};
    }

    if (!takeSubcommand({ QStringLiteral("conflicts"), QStringLiteral("resolve"), QStringLiteral("export"),
            QStringLiteral("show"), QStringLiteral("reveal"), QStringLiteral("undo"), QStringLiteral("redo") }))
        return QStringLiteral("'review' needs a subcommand: conflicts, resolve, export, show, reveal, undo or redo");
    const QString command = QStringLiteral("review ") + a.subcommand;
    if (a.subcommand == u"conflicts") {
        if (!noCsv)
            return QStringLiteral("'review conflicts' writes table or json, not csv");
        return onlyOptions(command, { QStringLiteral("format") });
    }
    if (a.subcommand == u"export") {
        static const QStringList what
            = { QStringLiteral("judgements"), QStringLiteral("resolutions"), QStringLiteral("audit") };
        if (!what.contains(a.what))
            return QStringLiteral("'review export' needs --what judgements|resolutions|audit");
        return onlyOptions(command, { QStringLiteral("what"), QStringLiteral("output") });
    }
    if (a.subcommand == u"undo" || a.subcommand == u"redo") {
        bool ok = false;
        a.change = positional.isEmpty() ? 0 : positional.takeFirst().toLongLong(&ok);
        if (!ok || a.change < 1)
            return QStringLiteral("'%1' needs the number of a change (as printed by flag and review resolve)")
                .arg(command);
        if (a.reviewer.isEmpty())
            return QStringLiteral("'%1' ").arg(command) + needsReviewer;
        return onlyOptions(command, { QStringLiteral("reviewer") });
    }
    if (const QString error = takeId(command); !error.isEmpty())
        return error;
    if (a.reviewer.isEmpty())
        return QStringLiteral("'%1' ").arg(command) + needsReviewer;
    if (a.subcommand == u"resolve") {
        if (const QString error = checkJudgementWords(a); !error.isEmpty())
            return QStringLiteral("'review resolve' ") + error;
        if (!ReviewWords::methods().contains(a.method))
            return QStringLiteral("'review resolve' needs --method consensus|third-reviewer");
        return onlyOptions(command,
            { QStringLiteral("reviewer"), QStringLiteral("as"), QStringLiteral("link"), QStringLiteral("reason"),
                QStringLiteral("method") });
    }
    if (a.subcommand == u"show") {
        if (!noCsv)
            return QStringLiteral("'review show' writes table or json, not csv");
        return onlyOptions(command, { QStringLiteral("reviewer"), QStringLiteral("format") });
    }
    return onlyOptions(command, { QStringLiteral("reviewer") }); // reveal
}

} // namespace mgreview::cli
