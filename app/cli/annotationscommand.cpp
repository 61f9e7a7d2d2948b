#include "commands.h"
#include "commandsupport.h"

#include "annotations/annotationexport.h"
#include "annotations/annotationjsonld.h"
#include "annotations/annotationservice.h"
#include "format/studyoutput.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace mgreview::cli {

QString withAnnotatorHint(const QString &error, const QString &name); // annotatecommand.cpp

namespace {

AnnotationFilter filterOf(const Arguments &a)
{
    AnnotationFilter filter;
    filter.author = a.author;
    filter.tag = a.tag;
    filter.studyId = a.study;
    return filter;
}

/// "Annotations by Stu on garrison2012_cochrane", "All annotations".
QString titleOf(const Arguments &a)
{
    QString title = a.author.isEmpty() ? QStringLiteral("Annotations") : QStringLiteral("Annotations by %1").arg(a.author);
    if (!a.study.isEmpty())
        title += QStringLiteral(" on %1").arg(a.study);
    if (!a.tag.isEmpty())
        title += QStringLiteral(" tagged “%1”").arg(AnnotationTags::builtin().label(AnnotationTags::builtin().normalize(a.tag)));
    return title;
}

QString oneLine(const QString &text)
{
    return text.simplified();
}

QString table(const QVector<ResolvedAnnotation> &list, const AnnotationTags &tags, int width)
{
    QString out;
    for (const ResolvedAnnotation &r : list) {
        const Annotation &a = r.annotation;
        out += QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(a.id, a.studyId, a.target.describe(), tags.label(a.tag), a.author, toString(r.anchor.status));
        out += QStringLiteral("    “%1”\n").arg(truncateText(oneLine(a.quote.exact), width - 6));
        if (!a.note.trimmed().isEmpty())
            out += QStringLiteral("    note: %1\n").arg(truncateText(oneLine(a.note), width - 10));
    }
    out += list.size() == 1 ? QStringLiteral("1 annotation\n") : QStringLiteral("%1 annotations\n").arg(list.size());
    return out;
}

QByteArray json(const QVector<ResolvedAnnotation> &list, const AnnotationTags &tags)
{
    QJsonArray array;
    for (const ResolvedAnnotation &r : list) {
        QJsonObject o = annotationToJson(r.annotation);
        o.insert(QStringLiteral("tag_label"), tags.label(r.annotation.tag));
        o.insert(QStringLiteral("status"), toString(r.anchor.status));
        o.insert(QStringLiteral("current_start"), r.anchor.isAnchored() ? QJsonValue(r.anchor.start) : QJsonValue());
        o.insert(QStringLiteral("current_end"), r.anchor.isAnchored() ? QJsonValue(r.anchor.end) : QJsonValue());
        if (r.annotation.target.kind == AnnotationTarget::Kind::Conclusion)
            o.insert(QStringLiteral("current_conclusion"), r.conclusion > 0 ? QJsonValue(r.conclusion) : QJsonValue());
        array.append(o);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

int list(const CommandContext &context, AnnotationService &service)
{
    const Arguments &a = context.arguments;
    QString error;
    const std::optional<QVector<ResolvedAnnotation>> resolved = service.resolved(filterOf(a), &error);
    if (!resolved)
        return report(context, error);
    if (a.annotationFormat == u"json")
        context.out << QString::fromUtf8(json(*resolved, service.tags()));
    else if (a.annotationFormat == u"csv")
        context.out << annotationsToCsv(*resolved, service.tags());
    else
        context.out << table(*resolved, service.tags(), context.lineWidth);
    return ExitSuccess;
}

int exportAnnotations(const CommandContext &context, AnnotationService &service)
{
    const Arguments &a = context.arguments;
    QString error;
    const std::optional<QVector<ResolvedAnnotation>> resolved = service.resolved(filterOf(a), &error);
    if (!resolved)
        return report(context, error);
    QByteArray content;
    switch (*annotationFormatFromString(a.annotationFormat)) {
    case AnnotationFormat::Markdown:
        content = annotationsToMarkdown(*resolved, titleOf(a), service.tags()).toUtf8();
        break;
    case AnnotationFormat::Csv:
        content = annotationsToCsv(*resolved, service.tags()).toUtf8();
        break;
    case AnnotationFormat::JsonLd: {
        QVector<Annotation> plain;
        for (const ResolvedAnnotation &r : *resolved)
            plain.append(r.annotation);
        content = AnnotationJsonLd::collectionText(plain, titleOf(a));
        break;
    }
    }
    if (a.outputFile.isEmpty() || a.outputFile == u"-") {
        context.out << QString::fromUtf8(content);
        return ExitSuccess;
    }
    if (!writeAnnotationFile(a.outputFile, content, &error))
        return report(context, error);
    context.err << QStringLiteral("%1 annotation%2 written to %3\n")
                       .arg(resolved->size())
                       .arg(resolved->size() == 1 ? QString() : QStringLiteral("s"), a.outputFile);
    return ExitSuccess;
}

int importAnnotations(const CommandContext &context, AnnotationService &service)
{
    const Arguments &a = context.arguments;
    QFile file(a.inputFile);
    if (!file.open(QIODevice::ReadOnly))
        return report(context, QStringLiteral("cannot read %1: %2").arg(a.inputFile, file.errorString()));
    QString error;
    const std::optional<QVector<Annotation>> annotations = AnnotationJsonLd::parse(file.readAll(), &error);
    if (!annotations)
        return report(context, QStringLiteral("%1: %2").arg(a.inputFile, error));
    const std::optional<AnnotationImportReport> result = service.importAnnotations(*annotations, a.author, &error);
    if (!result)
        return report(context, QStringLiteral("%1: nothing imported: %2").arg(a.inputFile, withAnnotatorHint(error, a.author)));
    for (const QString &warning : result->warnings)
        report(context, QStringLiteral("warning: ") + warning);
    context.out << QStringLiteral("%1: %2 added, %3 updated, %4 unchanged\n")
                       .arg(a.inputFile)
                       .arg(result->added)
                       .arg(result->updated)
                       .arg(result->unchanged);
    return ExitSuccess;
}

int printChange(const CommandContext &context, const std::optional<AnnotationResult> &result, const QString &error,
    const QString &what)
{
    if (!result)
        return report(context, withAnnotatorHint(error, context.arguments.author));
    context.out << QStringLiteral("change %1: %2 annotation %3%4\n")
                       .arg(result->eventId)
                       .arg(what, result->annotation.id,
                           result->annotation.deleted ? QStringLiteral(" (now deleted)") : QString());
    return ExitSuccess;
}

int history(const CommandContext &context, AnnotationService &service)
{
    QString error;
    const std::optional<QVector<AnnotationEvent>> events = service.history(context.arguments.id, &error);
    if (!events)
        return report(context, error);
    for (const AnnotationEvent &e : *events) {
        context.out << QStringLiteral("%1  %2  %3  %4  %5%6\n")
                           .arg(e.id)
                           .arg(annotationTime(e.at), e.actor, e.action, e.annotationId,
                               e.undoes ? QStringLiteral("  (undoes %1)").arg(*e.undoes) : QString());
    }
    return ExitSuccess;
}

} // namespace

int runAnnotations(const CommandContext &context)
{
    const Arguments &a = context.arguments;
    AnnotationService service(context.database);
    QString error;
    if (a.subcommand == u"list")
        return list(context, service);
    if (a.subcommand == u"export")
        return exportAnnotations(context, service);
    if (a.subcommand == u"import")
        return importAnnotations(context, service);
    if (a.subcommand == u"history")
        return history(context, service);
    if (a.subcommand == u"edit") {
        const std::optional<QString> tag = a.tag.isEmpty() ? std::nullopt : std::optional<QString>(a.tag);
        return printChange(context, service.edit(a.id, a.author, tag, a.note, &error), error, QStringLiteral("edited"));
    }
    if (a.subcommand == u"delete")
        return printChange(context, service.remove(a.id, a.author, &error), error, QStringLiteral("deleted"));
    if (a.subcommand == u"undo")
        return printChange(context, service.undo(a.change, a.author, &error), error, QStringLiteral("undid a change of"));
    return printChange(context, service.redo(a.change, a.author, &error), error, QStringLiteral("redid a change of"));
}

} // namespace mgreview::cli
