#include "annotations/annotationservice.h"

#include "annotations/annotationsearch.h"
#include "review/permissions.h"
#include "review/reviewservice.h"
#include "store/database.h"
#include "store/studystore.h"

#include <QSet>
#include <QTimeZone>
#include <QUuid>

namespace mgreview {

namespace {

namespace EventAction {
const QString Create = QStringLiteral("create");
const QString Edit = QStringLiteral("edit");
const QString Retag = QStringLiteral("retag");
const QString Delete = QStringLiteral("delete");
const QString Undo = QStringLiteral("undo");
const QString Import = QStringLiteral("import");
} // namespace EventAction

QDateTime now()
{
    // Milliseconds only: what is stored is what is read back.
    const QDateTime t = QDateTime::currentDateTimeUtc();
    return QDateTime::fromMSecsSinceEpoch(t.toMSecsSinceEpoch(), QTimeZone::utc());
}

bool beginWrite(Transaction &transaction, QString *error)
{
    if (transaction.isActive())
        return true;
    *error = QStringLiteral("cannot write to the library: %1").arg(transaction.beginError());
    return false;
}

QString studyLabel(const Study &study)
{
    const QString author = study.firstAuthor();
    if (author.isEmpty())
        return study.id;
    return study.citation.year > 0 ? QStringLiteral("%1 %2").arg(author).arg(study.citation.year) : author;
}

} // namespace

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

std::optional<AnnotationResult> AnnotationService::change(const QString &id, const QString &actorName,
    const QString &action, const std::function<bool(Annotation &, QString *)> &apply, QString *error)
{
    const std::optional<Profile> person = actor(actorName, error);
    if (!person)
        return std::nullopt;
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!beginWrite(transaction, error))
        return std::nullopt;
    std::optional<Annotation> current;
    if (!AnnotationStore(db).annotation(id, &current, nullptr, error))
        return std::nullopt;
    if (!current) {
        *error = QStringLiteral("no annotation with id '%1'").arg(id);
        return std::nullopt;
    }
    if (current->author.compare(person->name, Qt::CaseInsensitive) != 0) {
        *error = QStringLiteral("%1 '%2' may not change an annotation by '%3'")
                     .arg(toString(person->role), person->name, current->author);
        return std::nullopt;
    }
    Annotation after = *current;
    if (!apply(after, error))
        return std::nullopt;
    const std::optional<qint64> event = writeEvent(db, action, person->name, current, after, std::nullopt, error);
    if (!event || !transaction.commit(error))
        return std::nullopt;
    return AnnotationResult { *event, after };
}

std::optional<AnnotationResult> AnnotationService::edit(const QString &id, const QString &actorName,
    const std::optional<QString> &tag, const std::optional<QString> &note, QString *error)
{
    QString newTag;
    if (tag) {
        newTag = checkedTag(*tag, error);
        if (newTag.isEmpty())
            return std::nullopt;
    }
    // Retag when only the tag changes: the history then says what happened in one word.
    QString action = EventAction::Edit;
    return change(
        id, actorName, action,
        [&](Annotation &a, QString *err) {
            if (a.deleted) {
                *err = QStringLiteral("annotation '%1' is deleted; undo the delete first").arg(a.id);
                return false;
            }
            const bool tagChanges = tag && newTag != a.tag;
            const bool noteChanges = note && *note != a.note;
            if (!tagChanges && !noteChanges) {
                *err = QStringLiteral("nothing to change: annotation '%1' already has this tag and note").arg(a.id);
                return false;
            }
            action = tagChanges && !noteChanges ? EventAction::Retag : EventAction::Edit;
            if (tagChanges)
                a.tag = newTag;
            if (noteChanges)
                a.note = *note;
            a.modified = now();
            return true;
        },
        error);
}

std::optional<AnnotationResult> AnnotationService::remove(const QString &id, const QString &actorName, QString *error)
{
    return change(
        id, actorName, EventAction::Delete,
        [](Annotation &a, QString *err) {
            if (a.deleted) {
                *err = QStringLiteral("annotation '%1' is already deleted").arg(a.id);
                return false;
            }
            a.deleted = true;
            a.modified = now();
            return true;
        },
        error);
}

std::optional<AnnotationResult> AnnotationService::undo(qint64 eventId, const QString &actorName, QString *error)
{
    const std::optional<Profile> person = actor(actorName, error);
    if (!person)
        return std::nullopt;
    QSqlDatabase db = m_database.connection();
    AnnotationStore store(db);
    Transaction transaction(db);
    if (!beginWrite(transaction, error))
        return std::nullopt;
    std::optional<AnnotationEvent> event;
    if (!store.event(eventId, &event, error))
        return std::nullopt;
    if (!event) {
        *error = QStringLiteral("no annotation change %1").arg(eventId);
        return std::nullopt;
    }
    std::optional<Annotation> current;
    qint64 lastEvent = 0;
    if (!store.annotation(event->annotationId, &current, &lastEvent, error))
        return std::nullopt;
    if (!current) {
        *error = QStringLiteral("annotation '%1' of change %2 is not in the library").arg(event->annotationId).arg(eventId);
        return std::nullopt;
    }
    if (current->author.compare(person->name, Qt::CaseInsensitive) != 0) {
        *error = QStringLiteral("%1 '%2' may not undo a change of an annotation by '%3'")
                     .arg(toString(person->role), person->name, current->author);
        return std::nullopt;
    }
    // The state must be the one the event left (an undo stack undoes the latest step first;
    // undoing an undo's neighbour may restore that state without being the last event).
    if (lastEvent != eventId && *current != event->after) {
        *error = QStringLiteral("annotation '%1' changed after change %2 (latest: %3); undo the later change first")
                     .arg(event->annotationId)
                     .arg(eventId)
                     .arg(lastEvent);
        return std::nullopt;
    }
    // The state before the event; undoing a creation marks the annotation deleted.
    Annotation restored = event->before.value_or(event->after);
    if (!event->before)
        restored.deleted = true;
    const std::optional<qint64> undoEvent
        = writeEvent(db, EventAction::Undo, person->name, current, restored, eventId, error);
    if (!undoEvent || !transaction.commit(error))
        return std::nullopt;
    return AnnotationResult { *undoEvent, restored };
}

std::optional<AnnotationImportReport> AnnotationService::importAnnotations(
    const QVector<Annotation> &annotations, const QString &actorName, QString *error)
{
    QHash<QString, Profile> people; // By lower-case name: each actor is checked once.
    const auto checkedActor = [&](const QString &name) -> std::optional<Profile> {
        const QString key = name.toLower();
        if (const auto it = people.constFind(key); it != people.cend())
            return *it;
        std::optional<Profile> person = actor(name, error);
        if (person)
            people.insert(key, *person);
        return person;
    };
    AnnotationImportReport report;
    QSqlDatabase db = m_database.connection();
    AnnotationStore store(db);
    StudyStore studies(m_database);
    Transaction transaction(db);
    if (!beginWrite(transaction, error))
        return std::nullopt;
    QSet<QString> missingStudies;
    for (const Annotation &a : annotations) {
        if (const QString invalid = validateAnnotation(a); !invalid.isEmpty()) {
            *error = invalid;
            return std::nullopt;
        }
        const std::optional<Profile> person = checkedActor(actorName.isEmpty() ? a.author : actorName);
        if (!person) {
            if (actorName.isEmpty())
                *error += QStringLiteral(" (annotation %1; import as someone who may annotate, or add the profile)")
                              .arg(a.id);
            return std::nullopt;
        }
        std::optional<Annotation> current;
        if (!store.annotation(a.id, &current, nullptr, error))
            return std::nullopt;
        if (current && *current == a) {
            ++report.unchanged;
            continue;
        }
        if (!writeEvent(db, EventAction::Import, person->name, current, a, std::nullopt, error))
            return std::nullopt;
        ++(current ? report.updated : report.added);
        if (!missingStudies.contains(a.studyId) && !studies.contains(a.studyId)) {
            missingStudies.insert(a.studyId);
            report.warnings.append(
                QStringLiteral("study '%1' is not in this library; its annotations are kept and listed as orphaned")
                    .arg(a.studyId));
        }
    }
    if (!transaction.commit(error))
        return std::nullopt;
    return report;
}

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
