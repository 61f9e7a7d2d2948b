#include "reviewcontroller.h"

#include "librarysession.h"
#include "profilecontroller.h"

#include "review/reviewoutput.h"
#include "rules/suggestionstore.h"
#include "store/studystore.h"

#include <QSaveFile>

namespace mgreview::gui {

namespace {

struct ChangeResultRows {
    ChangeOutcome outcome;
    std::optional<QVector<StudySummary>> rows;
};

/// After a successful change: the rows the table shows, read again (reviewers decide the
/// independence column and the filter counts).
ChangeResultRows withRows(const Database &database, ChangeOutcome outcome)
{
    ChangeResultRows out { std::move(outcome), std::nullopt };
    if (!out.outcome.ok())
        return out;
    QString error;
    out.rows = StudyStore(database).summaries(&error);
    if (!out.rows)
        qWarning("reading the table rows after a review change: %s", qUtf8Printable(error));
    return out;
}

ChangeOutcome outcomeOf(const QString &studyId, const std::optional<ChangeResult> &result, const QString &error)
{
    ChangeOutcome out;
    out.studyId = studyId;
    if (result) {
        out.changeId = result->changeId;
        out.warnings = result->warnings;
    } else {
        out.error = error.isEmpty() ? QObject::tr("the change could not be saved") : error;
    }
    return out;
}

/// Runs one review change on the I/O thread: `change(service, &error)` returns the change's
/// result, or nothing with `error` set; a throwing store counts as a failed change.
template<typename Change>
ChangeResultRows applyChange(const Database &database, const QString &studyId, Change change)
{
    QString error;
    std::optional<ChangeResult> result;
    try {
        ReviewService service(database);
        result = change(service, &error);
    } catch (const std::exception &e) {
        error = QString::fromUtf8(e.what());
    }
    return withRows(database, outcomeOf(studyId, result, error));
}

AssessmentData readAssessment(const Database &database, const QString &studyId, const QString &viewer)
{
    AssessmentData data;
    try {
        data.study = StudyStore(database).load(studyId, &data.error);
        if (!data.study) {
            if (data.error.isEmpty())
                data.error = QObject::tr("no study with id “%1”").arg(studyId);
            return data;
        }
        QString suggestionError;
        if (std::optional<QVector<Suggestion>> suggestions
            = SuggestionStore(database).forStudy(studyId, &suggestionError))
            data.suggestions = std::move(*suggestions);
        if (std::optional<VisibleJudgements> visible
            = ReviewService(database).visibleJudgements(studyId, viewer, &data.error))
            data.visible = std::move(*visible);
        else
            data.study.reset();
    } catch (const std::exception &e) {
        data.study.reset();
        data.error = QString::fromUtf8(e.what());
    }
    return data;
}

} // namespace

ReviewController::ReviewController(LibrarySession *session, ProfileController *profiles, QObject *parent)
    : QObject(parent), m_session(session), m_profiles(profiles)
{
}

bool ReviewController::isReady() const
{
    return m_session->isOpen();
}

QString ReviewController::viewer() const
{
    return m_profiles->current() ? m_profiles->current()->name : QString();
}

template<typename Function, typename Done> void ReviewController::runTask(Function function, Done done)
{
    using Result = std::invoke_result_t<Function, const Database &>;
    if (!m_session->isOpen()) {
        qWarning("review: the library is not open");
        return; // The window offers nothing that gets here before the library is open.
    }
    ++m_pending;
    m_session->run(std::move(function)).then(this, [this, done = std::move(done)](const Result &result) {
        --m_pending;
        done(result);
    });
}

void ReviewController::loadStudyReview(const QString &studyId, std::function<void(const StudyReviewInfo &)> done)
{
    runTask(
        [studyId, viewer = viewer()](const Database &database) {
            StudyReviewInfo info;
            QString error;
            try {
                const ReviewService service(database);
                std::optional<ReviewOutcome> outcome = service.outcome(studyId, &error);
                if (!outcome) {
                    qWarning("reading the review of %s: %s", qUtf8Printable(studyId), qUtf8Printable(error));
                    return info;
                }
                info.outcome = std::move(*outcome);
                info.viewer = viewer;
                if (viewer.isEmpty()) {
                    // Nobody signed in reads like a clinician: every standing judgement.
                    info.visible = info.outcome.judgements;
                } else {
                    std::optional<VisibleJudgements> visible = service.visibleJudgements(studyId, viewer, &error);
                    if (!visible) {
                        qWarning("reading the review of %s: %s", qUtf8Printable(studyId), qUtf8Printable(error));
                        return info;
                    }
                    info.visible = std::move(visible->judgements);
                    info.hidden = visible->hidden;
                    info.blinded = visible->blinded;
                }
                info.loaded = true;
            } catch (const std::exception &e) {
                qWarning("reading the review of %s: %s", qUtf8Printable(studyId), e.what());
            }
            return info;
        },
        std::move(done));
}

void ReviewController::loadAssessment(const QString &studyId, std::function<void(const AssessmentData &)> done)
{
    runTask(
        [studyId, viewer = viewer()](const Database &database) { return readAssessment(database, studyId, viewer); },
        std::move(done));
}

void ReviewController::revealOthers(const QString &studyId, std::function<void(const AssessmentData &)> done)
{
    runTask(
        [studyId, viewer = viewer()](const Database &database) {
            QString error;
            if (!ReviewService(database).revealOthers(studyId, viewer, &error)) {
                AssessmentData failed;
                failed.error = error;
                return failed;
            }
            return readAssessment(database, studyId, viewer);
        },
        std::move(done));
}

void ReviewController::recordJudgement(
    const QString &studyId, const JudgementContent &content, std::function<void(const ChangeOutcome &)> done)
{
    runTask(
        [studyId, content, reviewer = viewer()](const Database &database) {
            return applyChange(database, studyId, [&](ReviewService &service, QString *error) {
                return service.recordJudgement(studyId, reviewer, content, error);
            });
        },
        [this, done = std::move(done)](const ChangeResultRows &result) {
            finishChange(result.outcome, result.rows);
            done(result.outcome);
        });
}

void ReviewController::recordResolution(
    const QString &studyId, const ResolutionContent &content, std::function<void(const ChangeOutcome &)> done)
{
    runTask(
        [studyId, content, resolver = viewer()](const Database &database) {
            return applyChange(database, studyId, [&](ReviewService &service, QString *error) {
                return service.recordResolution(studyId, resolver, content, error);
            });
        },
        [this, done = std::move(done)](const ChangeResultRows &result) {
            finishChange(result.outcome, result.rows);
            done(result.outcome);
        });
}

void ReviewController::undoOrRedo(const std::shared_ptr<UndoableChange> &change, bool redo)
{
    runTask(
        [change, redo](const Database &database) {
            return applyChange(database, change->studyId, [&](ReviewService &service, QString *error) {
                // As docs/review.md says: undo the change, keep the undo's id; redo undoes that
                // undo, and its id is what the next undo undoes.
                std::optional<ChangeResult> result;
                if (redo) {
                    result = service.redo(change->undoChange, change->actor, error);
                    if (result)
                        change->change = result->changeId;
                } else {
                    result = service.undo(change->change, change->actor, error);
                    if (result)
                        change->undoChange = result->changeId;
                }
                return result;
            });
        },
        [this, actor = change->actor](const ChangeResultRows &result) {
            finishChange(result.outcome, result.rows);
            if (!result.outcome.ok())
                Q_EMIT undoFailed(actor, result.outcome.error);
        });
}

void ReviewController::finishChange(const ChangeOutcome &outcome, const std::optional<QVector<StudySummary>> &rows)
{
    if (!outcome.ok())
        return;
    if (rows)
        Q_EMIT rowsChanged(*rows);
    Q_EMIT reviewChanged(outcome.studyId);
}

void ReviewController::loadConflicts(
    std::function<void(const QVector<Conflict> &, const QSet<QString> &, const QString &)> done)
{
    struct Result {
        QVector<Conflict> conflicts;
        QSet<QString> blinded;
        QString error;
    };
    runTask(
        [viewer = viewer()](const Database &database) {
            Result out;
            const ReviewService service(database);
            std::optional<QVector<Conflict>> conflicts = service.conflicts(&out.error);
            if (!conflicts)
                return out;
            out.conflicts = std::move(*conflicts);
            for (const Conflict &c : std::as_const(out.conflicts)) {
                if (viewer.isEmpty())
                    break; // Nobody signed in reads like a clinician: never blinded.
                std::optional<VisibleJudgements> visible = service.visibleJudgements(c.studyId, viewer, &out.error);
                if (!visible)
                    return Result { {}, {}, out.error };
                if (visible->blinded)
                    out.blinded.insert(c.studyId);
            }
            return out;
        },
        [done = std::move(done)](const Result &result) { done(result.conflicts, result.blinded, result.error); });
}

void ReviewController::loadAgreement(std::function<void(const QVector<PairAgreement> &, const QString &)> done)
{
    struct Result {
        QVector<PairAgreement> pairs;
        QString error;
    };
    runTask(
        [](const Database &database) {
            Result out;
            if (std::optional<QVector<PairAgreement>> pairs = ReviewService(database).agreement({}, &out.error))
                out.pairs = std::move(*pairs);
            return out;
        },
        [done = std::move(done)](const Result &result) { done(result.pairs, result.error); });
}

void ReviewController::exportCsv(ReviewExportKind kind, const QString &path, std::function<void(const QString &)> done)
{
    runTask(
        [kind, path](const Database &database) {
            QString error;
            const ReviewService service(database);
            QString csv;
            switch (kind) {
            case ReviewExportKind::Judgements:
                if (std::optional<QVector<Judgement>> rows = service.judgementHistory(&error))
                    csv = judgementsToCsv(*rows);
                break;
            case ReviewExportKind::Resolutions:
                if (std::optional<QVector<Resolution>> rows = service.resolutionHistory(&error))
                    csv = resolutionsToCsv(*rows);
                break;
            case ReviewExportKind::AuditLog:
                if (std::optional<QVector<AuditEntry>> rows = service.auditLog(&error))
                    csv = auditToCsv(*rows);
                break;
            }
            if (!error.isEmpty())
                return error;
            // All or nothing: a half-written export must not look like a finished one.
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return QObject::tr("%1: %2").arg(path, file.errorString());
            file.write(csv.toUtf8());
            if (!file.commit())
                return QObject::tr("%1: %2").arg(path, file.errorString());
            return QString();
        },
        std::move(done));
}

} // namespace mgreview::gui
