#include "annotationarguments.h"

#include "annotations/annotationtags.h"
#include "optionscope.h"

namespace mgreview::cli {

bool isAnnotationOption(const QString &name)
{
    static const QStringList names = { QStringLiteral("quote"), QStringLiteral("tag"), QStringLiteral("note"),
        QStringLiteral("author"), QStringLiteral("conclusion"), QStringLiteral("study") };
    return names.contains(name);
}

QString annotationOption(const QString &name, const QString &value, Arguments &result)
{
    if (name == u"conclusion") {
        bool ok = false;
        const int number = value.toInt(&ok);
        if (!ok || number < 1)
            return QStringLiteral("invalid conclusion '%1' (expected a conclusion number from 1)").arg(value);
        result.conclusion = number;
    } else if (name == u"quote") {
        result.quote = value;
    } else if (name == u"tag") {
        if (const QString invalid = AnnotationTags::validate(value); !invalid.isEmpty())
            return QStringLiteral("invalid tag '%1': %2").arg(value, invalid);
        result.tag = value;
    } else if (name == u"note") {
        result.note = value;
    } else if (name == u"author") {
        result.author = value;
    } else if (name == u"study") {
        result.study = value;
    }
    return {};
}

QString annotationCommand(Arguments &a, QStringList &positional, const QStringList &given)
{
    const auto onlyOptions = [&](const QString &command, const QStringList &allowed) {
        return optionsOutsideScope(command, given, allowed);
    };
    const QString needsAuthor = QStringLiteral(" needs --author NAME (a student or reviewer profile)");

    if (a.command == Command::Annotate) {
        if (positional.isEmpty())
            return QStringLiteral("'annotate' needs a study ID");
        a.id = positional.takeFirst();
        if (a.quote.isEmpty())
            return QStringLiteral("'annotate' needs --quote TEXT (verbatim words of a conclusion)");
        if (a.tag.isEmpty())
            return QStringLiteral("'annotate' needs --tag TAG");
        if (a.author.isEmpty())
            return QStringLiteral("'annotate'") + needsAuthor;
        return {};
    }

    static const QStringList subcommands = { QStringLiteral("list"), QStringLiteral("export"),
        QStringLiteral("import"), QStringLiteral("edit"), QStringLiteral("delete"), QStringLiteral("undo"),
        QStringLiteral("redo"), QStringLiteral("history") };
    a.subcommand = positional.isEmpty() ? QString() : positional.takeFirst();
    if (!subcommands.contains(a.subcommand))
        return QStringLiteral(
            "'annotations' needs a subcommand: list, export, import, edit, delete, undo, redo or history");
    const QString command = QStringLiteral("annotations ") + a.subcommand;
    if (a.subcommand == u"list") {
        if (a.annotationFormat.isEmpty())
            a.annotationFormat = QStringLiteral("table");
        if (!QStringList { QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv") }.contains(
                a.annotationFormat))
            return QStringLiteral("invalid format '%1' for 'annotations list' (expected table, json or csv)")
                .arg(a.annotationFormat);
        return onlyOptions(command,
            { QStringLiteral("author"), QStringLiteral("tag"), QStringLiteral("study"), QStringLiteral("format") });
    }
    if (a.subcommand == u"export") {
        if (!QStringList { QStringLiteral("markdown"), QStringLiteral("csv"), QStringLiteral("jsonld") }.contains(
                a.annotationFormat))
            return a.annotationFormat.isEmpty()
                ? QStringLiteral("'annotations export' needs --format markdown|csv|jsonld")
                : QStringLiteral("invalid format '%1' for 'annotations export' (expected markdown, csv or jsonld)")
                      .arg(a.annotationFormat);
        return onlyOptions(command,
            { QStringLiteral("author"), QStringLiteral("tag"), QStringLiteral("study"), QStringLiteral("format"),
                QStringLiteral("output") });
    }
    if (a.subcommand == u"import") {
        if (positional.isEmpty())
            return QStringLiteral("'annotations import' needs the JSON-LD FILE to import");
        a.inputFile = positional.takeFirst();
        return onlyOptions(command, { QStringLiteral("author") });
    }
    if (a.subcommand == u"history") {
        if (!positional.isEmpty())
            a.id = positional.takeFirst();
        return onlyOptions(command, {});
    }
    if (a.subcommand == u"undo" || a.subcommand == u"redo") {
        bool ok = false;
        a.change = positional.isEmpty() ? 0 : positional.takeFirst().toLongLong(&ok);
        if (!ok || a.change < 1)
            return QStringLiteral("'%1' needs the number of a change (as printed by annotate and annotations "
                                  "edit|delete|undo)")
                .arg(command);
        if (a.author.isEmpty())
            return QStringLiteral("'%1'").arg(command) + needsAuthor;
        return onlyOptions(command, { QStringLiteral("author") });
    }
    // edit, delete
    if (positional.isEmpty())
        return QStringLiteral("'%1' needs an annotation ID (see: mgreview-cli annotations list)").arg(command);
    a.id = positional.takeFirst();
    if (a.author.isEmpty())
        return QStringLiteral("'%1'").arg(command) + needsAuthor;
    if (a.subcommand == u"edit") {
        if (a.tag.isEmpty() && !a.note)
            return QStringLiteral("'annotations edit' needs --tag TAG and/or --note TEXT");
        return onlyOptions(command, { QStringLiteral("author"), QStringLiteral("tag"), QStringLiteral("note") });
    }
    return onlyOptions(command, { QStringLiteral("author") });
}

} // namespace mgreview::cli
