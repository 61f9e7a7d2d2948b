#include "annotations/annotation.h"

#include <QRegularExpression>

namespace mgreview {

namespace {

QString kindWord(AnnotationTarget::Kind kind)
{
    return kind == AnnotationTarget::Kind::PdfPage ? QStringLiteral("pdf") : QStringLiteral("conclusion");
}

} // namespace

QString AnnotationTarget::describe() const
{
    if (kind == Kind::PdfPage)
        return QStringLiteral("PDF %1… p. %2").arg(pdfSha256.left(8)).arg(page);
    return QStringLiteral("conclusion %1").arg(conclusion);
}

QString validateAnnotation(const Annotation &a)
{
    if (a.id.trimmed().isEmpty())
        return QStringLiteral("an annotation needs an id");
    if (a.studyId.trimmed().isEmpty())
        return QStringLiteral("annotation %1 names no study").arg(a.id);
    if (a.target.kind == AnnotationTarget::Kind::Conclusion && a.target.conclusion < 1)
        return QStringLiteral("annotation %1: conclusion numbers start at 1 (got %2)").arg(a.id).arg(a.target.conclusion);
    if (a.target.kind == AnnotationTarget::Kind::PdfPage) {
        static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}$"));
        if (!sha.match(a.target.pdfSha256).hasMatch())
            return QStringLiteral("annotation %1: the PDF must be named by its SHA-256 (64 lower-case hex digits)")
                .arg(a.id);
        if (a.target.page < 1)
            return QStringLiteral("annotation %1: page numbers start at 1 (got %2)").arg(a.id).arg(a.target.page);
    }
    if (a.quote.exact.trimmed().isEmpty())
        return QStringLiteral("annotation %1 quotes no text").arg(a.id);
    if (a.position.start < 0 || a.position.end - a.position.start != a.quote.exact.size())
        return QStringLiteral("annotation %1: the position %2-%3 does not fit the quote's %4 characters")
            .arg(a.id)
            .arg(a.position.start)
            .arg(a.position.end)
            .arg(a.quote.exact.size());
    if (a.tag.trimmed().isEmpty())
        return QStringLiteral("annotation %1 has no tag").arg(a.id);
    if (a.author.trimmed().isEmpty())
        return QStringLiteral("annotation %1 has no author").arg(a.id);
    if (!a.created.isValid() || !a.modified.isValid())
        return QStringLiteral("annotation %1 has no valid times").arg(a.id);
    return {};
}

QString annotationTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseAnnotationTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time.toUTC();
}

QJsonObject annotationToJson(const Annotation &a)
{
    QJsonObject target { { QStringLiteral("kind"), kindWord(a.target.kind) } };
    if (a.target.kind == AnnotationTarget::Kind::PdfPage) {
        target.insert(QStringLiteral("pdf_sha256"), a.target.pdfSha256);
        target.insert(QStringLiteral("page"), a.target.page);
    } else {
        target.insert(QStringLiteral("conclusion"), a.target.conclusion);
    }
    return {
        { QStringLiteral("id"), a.id },
        { QStringLiteral("study_id"), a.studyId },
        { QStringLiteral("target"), target },
        { QStringLiteral("exact"), a.quote.exact },
        { QStringLiteral("prefix"), a.quote.prefix },
        { QStringLiteral("suffix"), a.quote.suffix },
        { QStringLiteral("start"), a.position.start },
        { QStringLiteral("end"), a.position.end },
        { QStringLiteral("tag"), a.tag },
        { QStringLiteral("note"), a.note },
        { QStringLiteral("author"), a.author },
        { QStringLiteral("created"), annotationTime(a.created) },
        { QStringLiteral("modified"), annotationTime(a.modified) },
        { QStringLiteral("deleted"), a.deleted },
    };
}

std::optional<Annotation> annotationFromJson(const QJsonObject &o, QString *error)
{
    Annotation a;
    a.id = o.value(QStringLiteral("id")).toString();
    a.studyId = o.value(QStringLiteral("study_id")).toString();
    const QJsonObject target = o.value(QStringLiteral("target")).toObject();
    if (target.value(QStringLiteral("kind")).toString() == u"pdf") {
        a.target = AnnotationTarget::onPdfPage(target.value(QStringLiteral("pdf_sha256")).toString(),
            target.value(QStringLiteral("page")).toInt());
    } else {
        a.target = AnnotationTarget::onConclusion(target.value(QStringLiteral("conclusion")).toInt());
    }
    a.quote = { o.value(QStringLiteral("exact")).toString(), o.value(QStringLiteral("prefix")).toString(),
        o.value(QStringLiteral("suffix")).toString() };
    a.position = { o.value(QStringLiteral("start")).toInt(), o.value(QStringLiteral("end")).toInt() };
    a.tag = o.value(QStringLiteral("tag")).toString();
    a.note = o.value(QStringLiteral("note")).toString();
    a.author = o.value(QStringLiteral("author")).toString();
    a.created = parseAnnotationTime(o.value(QStringLiteral("created")).toString());
    a.modified = parseAnnotationTime(o.value(QStringLiteral("modified")).toString());
    a.deleted = o.value(QStringLiteral("deleted")).toBool();
    if (const QString invalid = validateAnnotation(a); !invalid.isEmpty()) {
        *error = QStringLiteral("damaged annotation state: %1").arg(invalid);
        return std::nullopt;
    }
    return a;
}

} // namespace mgreview
