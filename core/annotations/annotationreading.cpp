#include "annotations/annotationservice.h"

#include "store/studystore.h"

// AnnotationService: listing, history, and anchoring annotations against the current text
// of their conclusions and PDF pages. Reading needs no permission.

namespace mgreview {

namespace {

QString studyLabel(const Study &study)
{
    const QString author = study.firstAuthor();
    if (author.isEmpty())
        return study.id;
    return study.citation.year > 0 ? QStringLiteral("%1 %2").arg(author).arg(study.citation.year) : author;
}

} // namespace

std::optional<QVector<Annotation>> AnnotationService::list(const AnnotationFilter &filter, QString *error) const
{
    AnnotationFilter f = filter;
    if (!f.tag.isEmpty())
        f.tag = m_tags.normalize(f.tag);
    QVector<Annotation> out;
    if (!AnnotationStore(m_database.connection()).list(f, &out, error))
        return std::nullopt;
    return out;
}

std::optional<Annotation> AnnotationService::annotation(const QString &id, QString *error) const
{
    std::optional<Annotation> out;
    if (!AnnotationStore(m_database.connection()).annotation(id, &out, nullptr, error))
        return std::nullopt;
    if (!out)
        *error = QStringLiteral("no annotation with id '%1'").arg(id);
    return out;
}

std::optional<QVector<AnnotationEvent>> AnnotationService::history(const QString &id, QString *error) const
{
    QVector<AnnotationEvent> out;
    if (!AnnotationStore(m_database.connection()).history(id, &out, error))
        return std::nullopt;
    return out;
}

std::optional<QVector<ResolvedAnnotation>> AnnotationService::resolve(
    const QVector<Annotation> &annotations, QString *error) const
{
    StudyStore studies(m_database);
    QHash<QString, std::optional<Study>> cache;
    QVector<ResolvedAnnotation> out;
    out.reserve(annotations.size());
    for (const Annotation &a : annotations) {
        auto it = cache.find(a.studyId);
        if (it == cache.end()) {
            std::optional<Study> study = studies.load(a.studyId, error);
            if (!study && !error->isEmpty())
                return std::nullopt;
            it = cache.insert(a.studyId, study);
        }
        ResolvedAnnotation r;
        r.annotation = a;
        const std::optional<Study> &study = *it;
        r.studyMissing = !study;
        r.studyLabel = study ? studyLabel(*study) : a.studyId;
        r.studyTitle = study ? (study->citation.title.isEmpty() ? study->citation.text : study->citation.title)
                             : QString();
        if (a.target.kind == AnnotationTarget::Kind::PdfPage) {
            const std::optional<QString> text = m_pageText ? m_pageText(a.target.pdfSha256, a.target.page) : std::nullopt;
            if (text) {
                r.anchor = AnnotationAnchor::anchor(a.quote, a.position, *text);
                if (r.anchor.isAnchored())
                    r.currentText = text->mid(r.anchor.start, r.anchor.end - r.anchor.start);
            } else {
                r.anchor = { AnchorStatus::Unchecked };
            }
            out.append(r);
            continue;
        }
        r.anchor = { AnchorStatus::Orphaned };
        if (study) {
            const QVector<Conclusion> &conclusions = study->conclusions;
            const int n = a.target.conclusion;
            if (n >= 1 && n <= conclusions.size()) {
                r.anchor = AnnotationAnchor::anchor(a.quote, a.position, conclusions.at(n - 1).text);
                if (r.anchor.isAnchored())
                    r.conclusion = n;
            }
            // Conclusions reordered or replaced: look for the exact words in the others.
            for (int other = 1; !r.anchor.isAnchored() && other <= conclusions.size(); ++other) {
                if (other == n)
                    continue;
                const AnchorResult found = AnnotationAnchor::anchorExactly(a.quote, a.position, conclusions.at(other - 1).text);
                if (found.isAnchored()) {
                    r.anchor = { AnchorStatus::Moved, found.start, found.end };
                    r.conclusion = other;
                }
            }
            if (r.anchor.isAnchored())
                r.currentText = conclusions.at(r.conclusion - 1).text.mid(r.anchor.start, r.anchor.end - r.anchor.start);
        }
        out.append(r);
    }
    return out;
}

std::optional<QVector<ResolvedAnnotation>> AnnotationService::resolved(const AnnotationFilter &filter, QString *error) const
{
    const std::optional<QVector<Annotation>> annotations = list(filter, error);
    if (!annotations)
        return std::nullopt;
    return resolve(*annotations, error);
}

} // namespace mgreview
