#include "annotations/annotationservice.h"

#include "annotations/annotationserviceinternal.h"
#include "review/permissions.h"

// AnnotationService: edit, retag, delete and undo (redo is an undo of an undo). Each is one
// transaction through writeEvent (annotationservice.cpp).

namespace mgreview {

using namespace annotationservice;

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

} // namespace mgreview
