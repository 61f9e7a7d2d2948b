#pragma once

#include "annotations/annotationexport.h"
#include "annotations/annotationservice.h"
#include "library/studysummary.h"
#include "store/fulltextindex.h"

#include <QObject>
#include <QVector>

#include <functional>
#include <memory>

namespace mgreview {
class StudySearchIndex;
}

namespace mgreview::gui {

class LibrarySession;

/// An annotation change as the undo stack and the I/O thread share it (like UndoableChange
/// of the review): only tasks on the I/O thread read or write the ids, one after another.
struct AnnotationUndoable {
    QString actor;
    qint64 event = 0;     ///< The event to undo next (the original change, then each redo).
    qint64 undoEvent = 0; ///< The undo to redo next.
};

/// How an annotation change ended, back on the GUI thread.
struct AnnotationOutcome {
    std::optional<AnnotationResult> result;
    QString error;
    bool ok() const { return result.has_value(); }
};

/// Puts a changed annotation into a list ordered as AnnotationStore::list() orders it
/// (replacing the old state; a deleted one leaves the list): the list then equals one read
/// afresh.
void mergeAnnotation(QVector<ResolvedAnnotation> &list, const ResolvedAnnotation &changed);

/// Every annotation read and write the window makes, on the session's I/O thread, through
/// core's AnnotationService (permissions, history, one transaction per action). It keeps
/// the library's annotations, anchored against the current texts, for the pane and the Notes
/// view. After a change only that annotation is read again and merged into the list, and
/// its study's new search text is passed on (studySearchTextChanged) so that one row of the
/// search index is updated; an import reads everything again.
class AnnotationController : public QObject
{
    Q_OBJECT

public:
    explicit AnnotationController(LibrarySession *session, QObject *parent = nullptr);

    /// Reads every annotation again (after the library opened or a study changed).
    void reload();
    const QVector<ResolvedAnnotation> &annotations() const { return m_annotations; }
    /// The live annotations of one study.
    QVector<ResolvedAnnotation> forStudy(const QString &studyId) const;
    const ResolvedAnnotation *find(const QString &id) const;

    void create(const QString &studyId, int conclusion, int start, int end, const QString &tag, const QString &note,
        const QString &author, std::function<void(const AnnotationOutcome &)> done);
    /// Highlights [start, end) of a PDF page whose extracted text is `pageText` (issue 6: the
    /// viewer's "Annotate" on a selection).
    void createOnPdfPage(const QString &studyId, const QString &pdfSha256, int page, const QString &pageText, int start,
        int end, const QString &tag, const QString &note, const QString &author,
        std::function<void(const AnnotationOutcome &)> done);
    /// Changes tag and/or note (nullopt: unchanged).
    void edit(const QString &id, const QString &author, const std::optional<QString> &tag,
        const std::optional<QString> &note, std::function<void(const AnnotationOutcome &)> done);
    void remove(const QString &id, const QString &author, std::function<void(const AnnotationOutcome &)> done);
    /// Undoes (`redo` false) or redoes a change; failures are reported with undoFailed().
    void undoOrRedo(const std::shared_ptr<AnnotationUndoable> &change, bool redo);

    /// Writes the annotations passing `filter` to a file (annotationexport.h, annotationjsonld.h);
    /// `done` gets how many were written, or an error.
    void exportFile(AnnotationFormat format, const AnnotationFilter &filter, const QString &title, const QString &path,
        std::function<void(int written, const QString &error)> done);
    /// Imports a JSON-LD file as `actor`; `done` gets the report or an error.
    void importFile(const QString &path, const QString &actor,
        std::function<void(const AnnotationImportReport &report, const QString &error)> done);

    bool isBusy() const { return m_pending > 0; }

Q_SIGNALS:
    /// annotations() holds a new list.
    void annotationsChanged();
    /// Notes changed: the table rows and a search index with the notes, read together.
    void searchIndexChanged(const QVector<mgreview::StudySummary> &rows,
        const std::shared_ptr<const mgreview::StudySearchIndex> &index);
    /// A study's full-text search text changed (its notes or tags): the text as the library
    /// now indexes it.
    void studySearchTextChanged(const QString &studyId, const mgreview::SearchableText &text);
    void undoFailed(const QString &actor, const QString &error);

private:
    template<typename Function, typename Done> void runTask(Function function, Done done);
    void change(std::function<std::optional<AnnotationResult>(AnnotationService &, QString *)> action,
        std::function<void(const AnnotationOutcome &)> done);

    LibrarySession *m_session;
    QVector<ResolvedAnnotation> m_annotations;
    quint64 m_generation = 0;
    int m_pending = 0;
};

} // namespace mgreview::gui
