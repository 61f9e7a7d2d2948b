#pragma once

#include "annotations/annotation.h"
#include "annotations/annotationanchor.h"
#include "annotations/annotationstore.h"
#include "annotations/annotationtags.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <functional>
#include <optional>

namespace mgreview {

class Database;
struct Profile;

/// What an annotation change did: the event to undo it by, and the annotation as it is now.
struct AnnotationResult {
    qint64 eventId = 0;
    Annotation annotation;
};

/// An annotation with where its words are in the current text.
struct ResolvedAnnotation {
    Annotation annotation;
    AnchorResult anchor;
    /// Conclusion targets: the conclusion the words are in now (another one than recorded
    /// when the conclusions were reordered); 0 when orphaned.
    int conclusion = 0;
    QString currentText; ///< The anchored span as the text reads now (differs from the quote when fuzzy).
    QString studyLabel;  ///< "Garrison 2012" (first author and year), or the id when the study is missing.
    QString studyTitle;
    bool studyMissing = false;
};

/// What an import did.
struct AnnotationImportReport {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    QStringList warnings; ///< E.g. annotations on studies this library does not hold (kept).
};

/// Annotations on verbatim conclusions and PDF pages: the one way to change them.
///
/// Permissions come from core (review/permissions.h): students and reviewers annotate,
/// clinicians only read; a person changes only their own annotations. Every action is one
/// transaction that appends an event to the history (annotation_events, with the state
/// before and after), writes the current state (annotations) and re-indexes the study for
/// full-text search; nothing is ever erased (a delete is an event that marks the annotation
/// deleted). Undo appends a compensating event, so undo is as durable as the change;
/// redo is the undo of an undo.
class AnnotationService
{
public:
    explicit AnnotationService(const Database &database, const AnnotationTags &tags = AnnotationTags::builtin());

    /// Text of PDF pages for anchoring and for making selectors (the PDF feature provides it);
    /// without it PDF-page annotations are stored as given and listed as "unchecked".
    using PageText = std::function<std::optional<QString>(const QString &pdfSha256, int page)>;
    void setPageText(PageText pageText) { m_pageText = std::move(pageText); }

    // --- Changes ---------------------------------------------------------------------------
    /// Highlights [start, end) of conclusion `conclusion` (from 1) of a study.
    std::optional<AnnotationResult> createOnConclusion(const QString &studyId, int conclusion, int start, int end,
        const QString &tag, const QString &note, const QString &author, QString *error);
    /// Highlights the first place `quote` occurs in the study's conclusions (in conclusion
    /// `conclusion` only, when given). Refuses a quote found in no conclusion, or in several
    /// places, with a message saying so.
    std::optional<AnnotationResult> createFromQuote(const QString &studyId, const QString &quote,
        std::optional<int> conclusion, const QString &tag, const QString &note, const QString &author, QString *error);
    /// Highlights [start, end) of a PDF page whose text is `pageText`.
    std::optional<AnnotationResult> createOnPdfPage(const QString &studyId, const QString &pdfSha256, int page,
        const QString &pageText, int start, int end, const QString &tag, const QString &note, const QString &author,
        QString *error);
    /// Changes tag and/or note (nullopt: unchanged). A change of the tag alone is a "retag".
    std::optional<AnnotationResult> edit(const QString &id, const QString &actor, const std::optional<QString> &tag,
        const std::optional<QString> &note, QString *error);
    /// Marks an annotation deleted (it stays in the library and its history).
    std::optional<AnnotationResult> remove(const QString &id, const QString &actor, QString *error);
    /// Appends the inverse of event `eventId`, restoring the state before it. Refused when the
    /// annotation changed since (undo the later change first). Returns the undo's event.
    std::optional<AnnotationResult> undo(qint64 eventId, const QString &actor, QString *error);
    /// Undoes an undo (`undoEventId` as undo() returned it).
    std::optional<AnnotationResult> redo(qint64 undoEventId, const QString &actor, QString *error)
    {
        return undo(undoEventId, actor, error);
    }
    /// Adds annotations read from a file (annotationjsonld.h), all in one transaction. An id
    /// already in the library is updated when different, skipped when equal. `actor` (a
    /// profile who may annotate) imports; empty: each annotation's author must be one.
    std::optional<AnnotationImportReport> importAnnotations(
        const QVector<Annotation> &annotations, const QString &actor, QString *error);

    // --- Reading (everyone may read) -------------------------------------------------------
    std::optional<QVector<Annotation>> list(const AnnotationFilter &filter, QString *error) const;
    /// One annotation (deleted ones too); nullopt with "no annotation …" when unknown.
    std::optional<Annotation> annotation(const QString &id, QString *error) const;
    /// Its history, oldest first (every annotation's when `id` is empty).
    std::optional<QVector<AnnotationEvent>> history(const QString &id, QString *error) const;
    /// Anchors annotations against the current text of their studies (and PDF pages).
    std::optional<QVector<ResolvedAnnotation>> resolve(const QVector<Annotation> &annotations, QString *error) const;
    /// list() then resolve().
    std::optional<QVector<ResolvedAnnotation>> resolved(const AnnotationFilter &filter, QString *error) const;

    const AnnotationTags &tags() const { return m_tags; }

private:
    std::optional<Profile> actor(const QString &name, QString *error) const;
    std::optional<AnnotationResult> create(Annotation draft, QString *error);
    std::optional<AnnotationResult> change(const QString &id, const QString &actor, const QString &action,
        const std::function<bool(Annotation &, QString *)> &apply, QString *error);
    /// Appends the event, writes the state and re-indexes the study: inside a transaction.
    std::optional<qint64> writeEvent(QSqlDatabase &db, const QString &action, const QString &actor,
        const std::optional<Annotation> &before, const Annotation &after, std::optional<qint64> undoes,
        QString *error) const;
    QString checkedTag(const QString &text, QString *error) const;

    const Database &m_database;
    const AnnotationTags &m_tags;
    PageText m_pageText;
};

} // namespace mgreview
