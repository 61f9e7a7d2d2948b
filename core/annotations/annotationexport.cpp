#include "annotations/annotationexport.h"

#include "format/studyoutput.h"

#include <QSaveFile>

namespace mgreview {

std::optional<AnnotationFormat> annotationFormatFromString(const QString &text)
{
    const QString t = text.toLower();
    if (t == u"markdown" || t == u"md")
        return AnnotationFormat::Markdown;
    if (t == u"csv")
        return AnnotationFormat::Csv;
    if (t == u"jsonld" || t == u"json-ld")
        return AnnotationFormat::JsonLd;
    return std::nullopt;
}

namespace {

QString dateText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

/// A Markdown block quote of plain text: every line quoted, Markdown characters escaped so
/// the quote reads exactly as the source.
QString blockQuote(const QString &text)
{
    QString escaped;
    for (const QChar c : text) {
        if (QStringLiteral("\\`*_[]<>#|").contains(c))
            escaped += u'\\';
        escaped += c;
    }
    QStringList lines = escaped.split(u'\n');
    for (QString &line : lines)
        line.prepend(QStringLiteral("> "));
    return lines.join(u'\n');
}

QString placeHeading(const ResolvedAnnotation &r)
{
    const AnnotationTarget &t = r.annotation.target;
    if (t.kind == AnnotationTarget::Kind::PdfPage)
        return QStringLiteral("PDF %1…, page %2").arg(t.pdfSha256.left(12)).arg(t.page);
    return QStringLiteral("Conclusion %1").arg(t.conclusion);
}

QString statusLine(const ResolvedAnnotation &r)
{
    switch (r.anchor.status) {
    case AnchorStatus::Exact:
        return {};
    case AnchorStatus::Moved:
        if (r.annotation.target.kind == AnnotationTarget::Kind::Conclusion && r.conclusion != r.annotation.target.conclusion)
            return QStringLiteral("*Moved: these words are now in conclusion %1.*").arg(r.conclusion);
        return QStringLiteral("*Moved: the text around these words changed.*");
    case AnchorStatus::Fuzzy:
        return QStringLiteral("*Changed: the text now reads “%1”.*").arg(r.currentText);
    case AnchorStatus::Orphaned:
        return r.studyMissing
            ? QStringLiteral("**Orphaned:** the study is not in the library; the quote is kept as it was.")
            : QStringLiteral("**Orphaned:** the text no longer contains these words; the quote is kept as it was.");
    case AnchorStatus::Unchecked:
        return QStringLiteral("*Not checked against the PDF text.*");
    }
    return {};
}

} // namespace

QString annotationsToMarkdown(
    const QVector<ResolvedAnnotation> &annotations, const QString &title, const AnnotationTags &tags)
{
    QString md = QStringLiteral("# %1\n\n").arg(title);
    QStringList studyIds;
    for (const ResolvedAnnotation &r : annotations) {
        if (!studyIds.contains(r.annotation.studyId))
            studyIds.append(r.annotation.studyId);
    }
    md += annotations.size() == 1 ? QStringLiteral("1 annotation") : QStringLiteral("%1 annotations").arg(annotations.size());
    md += studyIds.size() == 1 ? QStringLiteral(" on 1 study") : QStringLiteral(" on %1 studies").arg(studyIds.size());
    md += QStringLiteral(". Quotes are verbatim from the studies' conclusions (or PDF pages).\n");
    if (annotations.isEmpty())
        return md;

    QString study, place;
    for (const ResolvedAnnotation &r : annotations) {
        const Annotation &a = r.annotation;
        if (a.studyId != study) {
            study = a.studyId;
            place.clear();
            md += QStringLiteral("\n## %1").arg(r.studyLabel);
            if (!r.studyTitle.isEmpty())
                md += QStringLiteral(": %1").arg(r.studyTitle);
            md += QStringLiteral("\n\nStudy `%1`\n").arg(a.studyId);
        }
        const QString heading = placeHeading(r);
        if (heading != place) {
            place = heading;
            md += QStringLiteral("\n### %1\n").arg(heading);
        }
        md += u'\n' + blockQuote(a.quote.exact) + QStringLiteral("\n\n");
        md += QStringLiteral("**%1** · %2 · %3").arg(tags.label(a.tag), a.author, dateText(a.created));
        if (a.modified != a.created)
            md += QStringLiteral(" (edited %1)").arg(dateText(a.modified));
        md += u'\n';
        if (const QString status = statusLine(r); !status.isEmpty())
            md += u'\n' + status + u'\n';
        if (!a.note.trimmed().isEmpty())
            md += u'\n' + a.note.trimmed() + u'\n';
    }
    return md;
}

QStringList annotationCsvColumns()
{
    return { QStringLiteral("id"), QStringLiteral("study_id"), QStringLiteral("study"), QStringLiteral("target"),
        QStringLiteral("conclusion"), QStringLiteral("pdf_sha256"), QStringLiteral("page"), QStringLiteral("tag"),
        QStringLiteral("tag_label"), QStringLiteral("exact"), QStringLiteral("prefix"), QStringLiteral("suffix"),
        QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("note"), QStringLiteral("author"),
        QStringLiteral("created"), QStringLiteral("modified"), QStringLiteral("status"),
        QStringLiteral("current_start"), QStringLiteral("current_end") };
}

QString annotationsToCsv(const QVector<ResolvedAnnotation> &annotations, const AnnotationTags &tags)
{
    const auto row = [](const QStringList &fields) -> QString {
        QStringList quoted;
        for (const QString &f : fields)
            quoted.append(csvField(f));
        return quoted.join(u',') + QStringLiteral("\r\n");
    };
    QString out = row(annotationCsvColumns());
    for (const ResolvedAnnotation &r : annotations) {
        const Annotation &a = r.annotation;
        const bool pdf = a.target.kind == AnnotationTarget::Kind::PdfPage;
        out += row({ a.id, a.studyId, r.studyLabel, pdf ? QStringLiteral("pdf") : QStringLiteral("conclusion"),
            pdf ? QString() : QString::number(a.target.conclusion), pdf ? a.target.pdfSha256 : QString(),
            pdf ? QString::number(a.target.page) : QString(), a.tag, tags.label(a.tag), a.quote.exact,
            a.quote.prefix, a.quote.suffix, QString::number(a.position.start), QString::number(a.position.end), a.note,
            a.author, annotationTime(a.created), annotationTime(a.modified), toString(r.anchor.status),
            r.anchor.isAnchored() ? QString::number(r.anchor.start) : QString(),
            r.anchor.isAnchored() ? QString::number(r.anchor.end) : QString() });
    }
    return out;
}

bool writeAnnotationFile(const QString &path, const QByteArray &content, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(content);
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace mgreview
