#include "annotationcontroller.h"

#include "librarysession.h"

#include "annotations/annotationjsonld.h"
#include "annotations/annotationsearch.h"
#include "library/libraryloader.h"

#include <QFile>

#include <algorithm>

namespace mgreview::gui {

namespace {

/// What a change task hands back: its outcome, and (when it changed something) the changed
/// annotation anchored as the list shows it and its study's new search text, read in the
/// same task. Only when those cannot be read is everything read again (`annotations`).
struct ChangeTask {
    AnnotationOutcome outcome;
    std::optional<ResolvedAnnotation> changed;
    std::optional<IndexedStudyText> studyText;
    QString studyId;
    std::optional<QVector<ResolvedAnnotation>> annotations;
    QVector<StudySummary> rows;
    std::shared_ptr<const StudySearchIndex> index;
};

/// Reads what changed with `annotation` (on the I/O thread): false when it cannot.
bool readChange(const Database &database, const Annotation &annotation, ChangeTask *task)
{
    QString error;
    const std::optional<QVector<ResolvedAnnotation>> resolved = AnnotationService(database).resolve({ annotation }, &error);
    QSqlDatabase db = database.connection();
    if (!resolved || resolved->size() != 1 || !studySearchText(db, annotation.studyId, &task->studyText, &error)) {
        qWarning("reading an annotation change: %s", qUtf8Printable(error));
        return false;
    }
    task->changed = resolved->constFirst();
    task->studyId = annotation.studyId;
    return true;
}

std::optional<QVector<ResolvedAnnotation>> readAll(const Database &database)
{
    QString error;
    std::optional<QVector<ResolvedAnnotation>> all = AnnotationService(database).resolved({}, &error);
    if (!all)
        qWarning("reading annotations: %s", qUtf8Printable(error));
    return all;
}

std::shared_ptr<const StudySearchIndex> readIndex(const Database &database, QVector<StudySummary> *rows)
{
    auto index = std::make_shared<StudySearchIndex>();
    QString error;
    if (!readLibrary(database, rows, index.get(), &error)) {
        qWarning("rebuilding the search index after an annotation change: %s", qUtf8Printable(error));
        return nullptr;
    }
    return index;
}

} // namespace

void mergeAnnotation(QVector<ResolvedAnnotation> &list, const ResolvedAnnotation &changed)
{
    list.removeIf([&](const ResolvedAnnotation &r) { return r.annotation.id == changed.annotation.id; });
    if (changed.annotation.deleted)
        return; // The list holds live annotations only.
    const auto at = std::upper_bound(list.begin(), list.end(), changed,
        [](const ResolvedAnnotation &a, const ResolvedAnnotation &b) { return listedBefore(a.annotation, b.annotation); });
    list.insert(at, changed);
}

AnnotationController::AnnotationController(LibrarySession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
}

template<typename Function, typename Done> void AnnotationController::runTask(Function function, Done done)
{
    using Result = std::invoke_result_t<Function, const Database &>;
    if (!m_session->isOpen())
        return;
    ++m_pending;
    m_session->run(std::move(function)).then(this, [this, done = std::move(done)](const Result &result) {
        --m_pending;
        done(result);
    });
}

void AnnotationController::reload()
{
    const quint64 generation = ++m_generation;
    runTask([](const Database &database) { return readAll(database); },
        [this, generation](const std::optional<QVector<ResolvedAnnotation>> &all) {
            if (generation != m_generation || !all)
                return;
            m_annotations = *all;
            Q_EMIT annotationsChanged();
        });
}

QVector<ResolvedAnnotation> AnnotationController::forStudy(const QString &studyId) const
{
    QVector<ResolvedAnnotation> out;
    for (const ResolvedAnnotation &r : m_annotations) {
        if (r.annotation.studyId == studyId)
            out.append(r);
    }
    return out;
}

const ResolvedAnnotation *AnnotationController::find(const QString &id) const
{
    for (const ResolvedAnnotation &r : m_annotations) {
        if (r.annotation.id == id)
            return &r;
    }
    return nullptr;
}

void AnnotationController::change(std::function<std::optional<AnnotationResult>(AnnotationService &, QString *)> action,
    std::function<void(const AnnotationOutcome &)> done)
{
    runTask(
        [action = std::move(action)](const Database &database) {
            ChangeTask task;
            try {
                AnnotationService service(database);
                task.outcome.result = action(service, &task.outcome.error);
            } catch (const std::exception &e) {
                task.outcome.error = QString::fromUtf8(e.what());
            }
            if (task.outcome.ok() && !readChange(database, task.outcome.result->annotation, &task)) {
                task.annotations = readAll(database);
                task.index = readIndex(database, &task.rows);
            } else if (!task.outcome.ok() && task.outcome.error.isEmpty()) {
                task.outcome.error = tr("the change could not be saved");
            }
            return task;
        },
        [this, done = std::move(done)](const ChangeTask &task) {
            // Changes come back in the order they ran on the I/O thread, so each one's
            // update applies on top of the previous ones; a reload asked for later read the
            // library after this change and replaces the list anyway.
            if (task.changed) {
                mergeAnnotation(m_annotations, *task.changed);
                Q_EMIT annotationsChanged();
                if (task.studyText)
                    Q_EMIT studySearchTextChanged(task.studyId, task.studyText->text);
            } else if (task.annotations) {
                m_annotations = *task.annotations;
                Q_EMIT annotationsChanged();
            }
            if (task.index)
                Q_EMIT searchIndexChanged(task.rows, task.index);
            if (done)
                done(task.outcome);
        });
}

void AnnotationController::create(const QString &studyId, int conclusion, int start, int end, const QString &tag,
    const QString &note, const QString &author, std::function<void(const AnnotationOutcome &)> done)
{
    change(
        [=](AnnotationService &service, QString *error) {
            return service.createOnConclusion(studyId, conclusion, start, end, tag, note, author, error);
        },
        std::move(done));
}

void AnnotationController::createOnPdfPage(const QString &studyId, const QString &pdfSha256, int page,
    const QString &pageText, int start, int end, const QString &tag, const QString &note, const QString &author,
    std::function<void(const AnnotationOutcome &)> done)
{
    change(
        [=](AnnotationService &service, QString *error) {
            return service.createOnPdfPage(studyId, pdfSha256, page, pageText, start, end, tag, note, author, error);
        },
        std::move(done));
}

void AnnotationController::edit(const QString &id, const QString &author, const std::optional<QString> &tag,
    const std::optional<QString> &note, std::function<void(const AnnotationOutcome &)> done)
{
    change([=](AnnotationService &service, QString *error) { return service.edit(id, author, tag, note, error); },
        std::move(done));
}

void AnnotationController::remove(
    const QString &id, const QString &author, std::function<void(const AnnotationOutcome &)> done)
{
    change([=](AnnotationService &service, QString *error) { return service.remove(id, author, error); },
        std::move(done));
}

void AnnotationController::undoOrRedo(const std::shared_ptr<AnnotationUndoable> &undoable, bool redo)
{
    change(
        [undoable, redo](AnnotationService &service, QString *error) {
            // Runs on the I/O thread, after every earlier step: the ids are current.
            std::optional<AnnotationResult> result = redo ? service.redo(undoable->undoEvent, undoable->actor, error)
                                                          : service.undo(undoable->event, undoable->actor, error);
            if (result) {
                if (redo)
                    undoable->event = result->eventId;
                else
                    undoable->undoEvent = result->eventId;
            }
            return result;
        },
        [this, actor = undoable->actor](const AnnotationOutcome &outcome) {
            if (!outcome.ok())
                Q_EMIT undoFailed(actor, outcome.error);
        });
}

void AnnotationController::exportFile(AnnotationFormat format, const AnnotationFilter &filter, const QString &title,
    const QString &path, std::function<void(int written, const QString &error)> done)
{
    struct Written {
        int count = 0;
        QString error;
    };
    runTask(
        [=](const Database &database) {
            Written out;
            const AnnotationService service(database);
            const std::optional<QVector<ResolvedAnnotation>> list = service.resolved(filter, &out.error);
            if (!list)
                return out;
            QByteArray content;
            if (format == AnnotationFormat::Markdown) {
                content = annotationsToMarkdown(*list, title).toUtf8();
            } else if (format == AnnotationFormat::Csv) {
                content = annotationsToCsv(*list).toUtf8();
            } else {
                QVector<Annotation> plain;
                for (const ResolvedAnnotation &r : *list)
                    plain.append(r.annotation);
                content = AnnotationJsonLd::collectionText(plain, title);
            }
            if (writeAnnotationFile(path, content, &out.error))
                out.count = int(list->size());
            return out;
        },
        [done = std::move(done)](const Written &out) { done(out.count, out.error); });
}

void AnnotationController::importFile(const QString &path, const QString &actor,
    std::function<void(const AnnotationImportReport &report, const QString &error)> done)
{
    struct Imported {
        AnnotationImportReport report;
        QString error;
        std::optional<QVector<ResolvedAnnotation>> annotations;
        QVector<StudySummary> rows;
        std::shared_ptr<const StudySearchIndex> index;
    };
    const quint64 generation = ++m_generation;
    runTask(
        [=](const Database &database) {
            Imported out;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                out.error = tr("cannot read %1: %2").arg(path, file.errorString());
                return out;
            }
            const std::optional<QVector<Annotation>> parsed = AnnotationJsonLd::parse(file.readAll(), &out.error);
            if (!parsed) {
                out.error = QStringLiteral("%1: %2").arg(path, out.error);
                return out;
            }
            const std::optional<AnnotationImportReport> report
                = AnnotationService(database).importAnnotations(*parsed, actor, &out.error);
            if (!report)
                return out;
            out.report = *report;
            out.annotations = readAll(database);
            out.index = readIndex(database, &out.rows);
            return out;
        },
        [this, generation, done = std::move(done)](const Imported &out) {
            if (out.annotations && generation == m_generation) {
                m_annotations = *out.annotations;
                Q_EMIT annotationsChanged();
            }
            if (out.index)
                Q_EMIT searchIndexChanged(out.rows, out.index);
            done(out.report, out.error);
        });
}

} // namespace mgreview::gui
