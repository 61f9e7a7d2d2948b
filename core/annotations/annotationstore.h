#pragma once

#include "annotations/annotation.h"

#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <optional>

namespace mgreview {

/// One entry of an annotation's history: who did what when, with the whole state before
/// (none for a creation) and after.
struct AnnotationEvent {
    qint64 id = 0;
    QString annotationId;
    QString studyId;
    QString action; ///< create, edit, retag, delete, undo, import
    QString actor;
    QDateTime at;
    std::optional<Annotation> before;
    Annotation after;
    std::optional<qint64> undoes; ///< For undo events: the event undone.
};

/// Which annotations to list. Empty fields match everything.
struct AnnotationFilter {
    QString author;  ///< Profile name, compared without case.
    QString tag;     ///< A stored tag (normalise what people type with AnnotationTags::normalize).
    QString studyId;
    bool includeDeleted = false;
};

/// Whether an annotation passes a filter, in memory (the same rule as AnnotationStore::list;
/// the window's Notes view filters with it).
bool annotationMatches(const Annotation &annotation, const AnnotationFilter &filter);

/// Whether `a` comes before `b` in AnnotationStore::list() (study, target, position, creation
/// time, id): for keeping an in-memory list in the order a fresh read gives.
bool listedBefore(const Annotation &a, const Annotation &b);

/// The annotation tables row by row. Checks no permissions and opens no transactions: use
/// AnnotationService, which writes an event and the current state together.
class AnnotationStore
{
public:
    explicit AnnotationStore(QSqlDatabase db);

    /// Appends an event; its id, or nullopt.
    std::optional<qint64> appendEvent(const AnnotationEvent &event, QString *error);
    /// Writes the current state of an annotation (insert or replace), pointing at its last event.
    bool writeCurrent(const Annotation &annotation, qint64 lastEvent, QString *error);

    /// The current state (deleted ones too), or nullopt in *out; `lastEvent` may be null.
    bool annotation(const QString &id, std::optional<Annotation> *out, qint64 *lastEvent, QString *error) const;
    bool list(const AnnotationFilter &filter, QVector<Annotation> *out, QString *error) const;
    bool event(qint64 id, std::optional<AnnotationEvent> *out, QString *error) const;
    /// Every event of one annotation (all annotations when `annotationId` is empty), oldest first.
    bool history(const QString &annotationId, QVector<AnnotationEvent> *out, QString *error) const;

private:
    QSqlDatabase m_db;
};

} // namespace mgreview
