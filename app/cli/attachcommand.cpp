// attach, detach, attachments: a study's PDFs (docs/pdfs.md).
#include "commands.h"
#include "commandsupport.h"
#include "usage.h"

#include "pdf/attachmentstore.h"
#include "store/studystore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mgreview::cli {

namespace {

QJsonObject attachmentJson(const Attachment &a)
{
    return QJsonObject{
        {QStringLiteral("study"), a.studyId},
        {QStringLiteral("sha256"), a.sha256},
        {QStringLiteral("label"), a.label},
        {QStringLiteral("storage"), toString(a.storage)},
        {QStringLiteral("path"), a.filePath},
        {QStringLiteral("file_name"), a.originalName},
        {QStringLiteral("size"), a.size},
        {QStringLiteral("pages"), a.pageCount},
        {QStringLiteral("text"), a.textStatus},
        {QStringLiteral("text_message"), a.textMessage},
        {QStringLiteral("attached_at"), a.attachedAt},
    };
}

} // namespace

int runAttach(const CommandContext &context)
{
    const Arguments &a = context.arguments;
    AttachmentStore store(context.database);
    QString error;
    const std::optional<AttachmentStore::AttachResult> result =
        store.attach(a.id, a.file, a.label, a.linkInPlace ? AttachmentStorage::Linked : AttachmentStorage::Stored, &error);
    if (!result)
        return report(context, error);
    if (!result->warning.isEmpty())
        context.err << kProgramName << QStringLiteral(": warning: ") << result->warning << u'\n';
    const Attachment &attachment = result->attachment;
    if (result->alreadyAttached) {
        context.out << QStringLiteral("%1 already has this PDF (%2, '%3'): nothing changed\n")
                           .arg(a.id, attachment.sha256.left(12), attachment.label);
        return ExitSuccess;
    }
    context.out << QStringLiteral("attached %1 to %2 as '%3' (%4, sha256 %5%6)\n")
                       .arg(attachment.originalName, a.id, attachment.label, toString(attachment.storage),
                            attachment.sha256,
                            result->reusedStoredFile ? QStringLiteral(", already stored for another study")
                                                     : QString());
    return ExitSuccess;
}

int runDetach(const CommandContext &context)
{
    AttachmentStore store(context.database);
    QString error;
    const std::optional<Attachment> detached = store.detach(context.arguments.id, context.arguments.label, &error);
    if (!detached)
        return report(context, error);
    context.out << QStringLiteral("detached %1 ('%2', sha256 %3) from %4\n")
                       .arg(detached->originalName, detached->label, detached->sha256, detached->studyId);
    return ExitSuccess;
}

int runAttachments(const CommandContext &context)
{
    const Arguments &a = context.arguments;
    if (!StudyStore(context.database).contains(a.id))
        return report(context, QStringLiteral("no study with id '%1'").arg(a.id));
    AttachmentStore store(context.database);
    QString error;
    const std::optional<QVector<Attachment>> list = store.attachments(a.id, &error);
    if (!list)
        return report(context, error);
    if (a.format == OutputFormat::Json) {
        QJsonArray array;
        for (const Attachment &attachment : *list)
            array.append(attachmentJson(attachment));
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitSuccess;
    }
    if (list->isEmpty()) {
        context.out << QStringLiteral("%1 has no PDFs attached\n").arg(a.id);
        return ExitSuccess;
    }
    context.out << QStringLiteral("SHA256        LABEL           STORAGE  PAGES  TEXT            FILE\n");
    for (const Attachment &attachment : *list) {
        context.out << attachment.sha256.left(12).leftJustified(14) << attachment.label.leftJustified(16)
                    << toString(attachment.storage).leftJustified(9)
                    << QString::number(attachment.pageCount).leftJustified(7)
                    << attachment.textStatus.leftJustified(16) << attachment.filePath << u'\n';
        if (!attachment.textMessage.isEmpty())
            context.out << QStringLiteral("              note: ") << attachment.textMessage << u'\n';
    }
    return ExitSuccess;
}

} // namespace mgreview::cli
