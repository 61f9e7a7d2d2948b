#include "annotations/annotationservice.h"

#include "annotations/annotationsearch.h"
#include "annotations/annotationserviceinternal.h"
#include "review/permissions.h"
#include "review/reviewservice.h"
#include "store/studystore.h"

#include <QUuid>

// AnnotationService: who may annotate, the one write path (writeEvent) and creating
// annotations. Changing them is in annotationchanges.cpp, importing in annotationimport.cpp,
// reading and anchoring in annotationreading.cpp.

namespace mgreview {

using namespace annotationservice;

AnnotationService::AnnotationService(const Database &database, const AnnotationTags &tags)
    : m_database(database), m_tags(tags)
{
}

std::optional<Profile> AnnotationService::actor(const QString &name, QString *error) const
{
    if (name.trimmed().isEmpty()) {
        *error = QStringLiteral("an annotation needs an author (a profile name)");
        return std::nullopt;
    }
    std::optional<Profile> person = ReviewService(m_database).profile(name, error);
    if (person && !may(*person, Action::Annotate)) {
        *error = refusal(*person, Action::Annotate);
        return std::nullopt;
    }
    return person;
}

QString AnnotationService::checkedTag(const QString &text, QString *error) const
{
    if (const QString invalid = AnnotationTags::validate(text); !invalid.isEmpty()) {
        *error = invalid;
        return {};
    }
    return m_tags.normalize(text);
}

std::optional<qint64> AnnotationService::writeEvent(QSqlDatabase &db, const QString &action, const QString &actor,
    const std::optional<Annotation> &before, const Annotation &after, std::optional<qint64> undoes,
    QString *error) const
{
    AnnotationStore store(db);
    AnnotationEvent event;
    event.annotationId = after.id;
    event.studyId = after.studyId;
    event.action = action;
    event.actor = actor;
    event.at = now();
    event.before = before;
    event.after = after;
    event.undoes = undoes;
    const std::optional<qint64> id = store.appendEvent(event, error);
    if (!id || !store.writeCurrent(after, *id, error))
        return std::nullopt;
    if (!reindexStudyWithAnnotations(m_database, db, after.studyId, error))
        return std::nullopt;
    if (before && before->studyId != after.studyId
        && !reindexStudyWithAnnotations(m_database, db, before->studyId, error))
        return std::nullopt;
    return id;
}

std::optional<AnnotationResult> AnnotationService::create(Annotation draft, QString *error)
{
    const std::optional<Profile> person = actor(draft.author, error);
    if (!person)
        return std::nullopt;
    draft.author = person->name; // As the profile spells it.
    draft.tag = checkedTag(draft.tag, error);
    if (draft.tag.isEmpty())
        return std::nullopt;
    draft.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    draft.created = draft.modified = now();
    draft.deleted = false;
    if (const QString invalid = validateAnnotation(draft); !invalid.isEmpty()) {
        *error = invalid;
        return std::nullopt;
    }
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!beginWrite(transaction, error))
        return std::nullopt;
    const std::optional<qint64> event
        = writeEvent(db, EventAction::Create, draft.author, std::nullopt, draft, std::nullopt, error);
    if (!event || !transaction.commit(error))
        return std::nullopt;
    return AnnotationResult { *event, draft };
}

std::optional<AnnotationResult> AnnotationService::createOnConclusion(const QString &studyId, int conclusion, int start,
    int end, const QString &tag, const QString &note, const QString &author, QString *error)
{
    const std::optional<Study> study = StudyStore(m_database).load(studyId, error);
    if (!study) {
        if (error->isEmpty())
            *error = QStringLiteral("no study with id '%1'").arg(studyId);
        return std::nullopt;
    }
    if (conclusion < 1 || conclusion > study->conclusions.size()) {
        *error = study->conclusions.isEmpty()
            ? QStringLiteral("study '%1' has no conclusions to annotate").arg(studyId)
            : QStringLiteral("study '%1' has conclusions 1 to %2, not %3")
                  .arg(studyId)
                  .arg(study->conclusions.size())
                  .arg(conclusion);
        return std::nullopt;
    }
    const QString &text = study->conclusions.at(conclusion - 1).text;
    if (start < 0 || end > text.size() || end <= start) {
        *error = QStringLiteral("the span %1-%2 is not inside conclusion %3 of '%4' (%5 characters)")
                     .arg(start)
                     .arg(end)
                     .arg(conclusion)
                     .arg(studyId)
                     .arg(text.size());
        return std::nullopt;
    }
    Annotation draft;
    draft.studyId = studyId;
    draft.target = AnnotationTarget::onConclusion(conclusion);
    AnnotationAnchor::makeSelectors(text, start, end, &draft.quote, &draft.position);
    if (draft.quote.exact.trimmed().isEmpty()) {
        *error = QStringLiteral("select some words to annotate, not only spaces");
        return std::nullopt;
    }
    draft.tag = tag;
    draft.note = note;
    draft.author = author;
    return create(draft, error);
}

std::optional<AnnotationResult> AnnotationService::createFromQuote(const QString &studyId, const QString &quote,
    std::optional<int> conclusion, const QString &tag, const QString &note, const QString &author, QString *error)
{
    if (quote.trimmed().isEmpty()) {
        *error = QStringLiteral("the quote is empty");
        return std::nullopt;
    }
    const std::optional<Study> study = StudyStore(m_database).load(studyId, error);
    if (!study) {
        if (error->isEmpty())
            *error = QStringLiteral("no study with id '%1'").arg(studyId);
        return std::nullopt;
    }
    if (conclusion && (*conclusion < 1 || *conclusion > study->conclusions.size())) {
        *error = QStringLiteral("study '%1' has conclusions 1 to %2, not %3")
                     .arg(studyId)
                     .arg(study->conclusions.size())
                     .arg(*conclusion);
        return std::nullopt;
    }
    struct Place {
        int conclusion;
        int start;
    };
    QVector<Place> places;
    for (int n = 1; n <= study->conclusions.size(); ++n) {
        if (conclusion && n != *conclusion)
            continue;
        const QString &text = study->conclusions.at(n - 1).text;
        for (qsizetype at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1))
            places.append({ n, int(at) });
    }
    if (places.isEmpty()) {
        *error = conclusion ? QStringLiteral("the quote is not in conclusion %1 of '%2' (it must be verbatim)")
                                  .arg(*conclusion)
                                  .arg(studyId)
                            : QStringLiteral("the quote is not in any conclusion of '%1' (it must be verbatim)")
                                  .arg(studyId);
        return std::nullopt;
    }
    if (places.size() > 1) {
        QStringList where;
        for (const Place &p : std::as_const(places))
            where.append(QStringLiteral("conclusion %1 at %2").arg(p.conclusion).arg(p.start));
        *error = QStringLiteral("the quote occurs %1 times in '%2' (%3): quote more words%4")
                     .arg(places.size())
                     .arg(studyId, where.join(QStringLiteral(", ")),
                         conclusion ? QString() : QStringLiteral(" or give --conclusion N"));
        return std::nullopt;
    }
    const Place &p = places.constFirst();
    return createOnConclusion(studyId, p.conclusion, p.start, p.start + int(quote.size()), tag, note, author, error);
}

std::optional<AnnotationResult> AnnotationService::createOnPdfPage(const QString &studyId, const QString &pdfSha256,
    int page, const QString &pageText, int start, int end, const QString &tag, const QString &note,
    const QString &author, QString *error)
{
    if (start < 0 || end > pageText.size() || end <= start) {
        *error = QStringLiteral("the span %1-%2 is not inside page %3 (%4 characters)")
                     .arg(start)
                     .arg(end)
                     .arg(page)
                     .arg(pageText.size());
        return std::nullopt;
    }
    Annotation draft;
    draft.studyId = studyId;
    draft.target = AnnotationTarget::onPdfPage(pdfSha256.toLower(), page);
    AnnotationAnchor::makeSelectors(pageText, start, end, &draft.quote, &draft.position);
    draft.tag = tag;
    draft.note = note;
    draft.author = author;
    return create(draft, error);
}

} // namespace mgreview
