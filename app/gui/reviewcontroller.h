#pragma once

#include "library/studysummary.h"
#include "model/study.h"
#include "models/studydetailmodel.h"
#include "review/reviewservice.h"
#include "rules/rule.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

namespace mgreview::gui {

class LibrarySession;
class ProfileController;

/// What the Assess funding form needs about one study, read on the I/O thread.
struct AssessmentData {
    std::optional<Study> study;
    QVector<Suggestion> suggestions;
    VisibleJudgements visible; ///< For the signed-in reviewer (blinding applied by core).
    QString error;
};

/// How a review change ended, back on the GUI thread.
struct ChangeOutcome {
    QString studyId;
    qint64 changeId = 0;
    QStringList warnings; ///< E.g. an evidence quote not found in the statements.
    QString error; ///< Empty on success.
    bool ok() const { return error.isEmpty(); }
};

/// An undoable change as the undo stack and the I/O thread share it. Only tasks on the
/// I/O thread read or write the ids; they run one after another, so an undo always sees
/// the id the step before it left, however fast the person presses Ctrl+Z and Ctrl+Shift+Z.
struct UndoableChange {
    QString studyId;
    QString actor; ///< Who made the change: only they may undo a judgement (core checks).
    qint64 change = 0; ///< The change to undo next (the original, then each redo).
    qint64 undoChange = 0; ///< The undo to redo next.
};

/// Which review history a CSV export writes.
enum class ReviewExportKind { Judgements, Resolutions, AuditLog };

/// Every review read and write the window makes, on the session's I/O thread, through
/// core's ReviewService (which checks permissions and writes the audit log). After a change
/// the table rows are read again in the same task and published with rowsChanged().
class ReviewController : public QObject
{
    Q_OBJECT

public:
    ReviewController(LibrarySession *session, ProfileController *profiles, QObject *parent = nullptr);

    /// The reviewers' part of the pane for the signed-in person.
    void loadStudyReview(const QString &studyId, std::function<void(const StudyReviewInfo &)> done);
    void loadAssessment(const QString &studyId, std::function<void(const AssessmentData &)> done);
    /// The signed-in reviewer chooses to see the others' judgements (logged by core).
    void revealOthers(const QString &studyId, std::function<void(const AssessmentData &)> done);

    void recordJudgement(
        const QString &studyId, const JudgementContent &content, std::function<void(const ChangeOutcome &)> done);
    void recordResolution(
        const QString &studyId, const ResolutionContent &content, std::function<void(const ChangeOutcome &)> done);
    /// Undoes (`redo` false) or redoes a change; failures are reported with undoFailed().
    void undoOrRedo(const std::shared_ptr<UndoableChange> &change, bool redo);

    /// The conflicts, and those of them the signed-in reviewer is blinded to (they have not
    /// judged the study nor chosen to look: the list must not tell them what others said).
    void loadConflicts(
        std::function<void(const QVector<Conflict> &, const QSet<QString> &blinded, const QString &error)> done);
    void loadAgreement(std::function<void(const QVector<PairAgreement> &, const QString &error)> done);
    /// Writes a CSV file (RFC 4180, core/review/reviewoutput.h); `done` gets the error or "".
    void exportCsv(ReviewExportKind kind, const QString &path, std::function<void(const QString &error)> done);

    /// The library is open: reads and changes can run.
    bool isReady() const;
    /// True while a change or a read is on its way.
    bool isBusy() const { return m_pending > 0; }

Q_SIGNALS:
    /// Re-read table rows after a change (same studies, same order).
    void rowsChanged(const QVector<mgreview::StudySummary> &rows);
    /// A judgement or resolution of this study changed (refresh pane, conflicts, agreement).
    void reviewChanged(const QString &studyId);
    /// An undo or redo of `actor`'s change was refused (e.g. the judgement changed in between).
    void undoFailed(const QString &actor, const QString &error);

private:
    QString viewer() const;
    template<typename Function, typename Done> void runTask(Function function, Done done);
    void finishChange(const ChangeOutcome &outcome, const std::optional<QVector<StudySummary>> &rows);

    LibrarySession *m_session;
    ProfileController *m_profiles;
    int m_pending = 0;
};

} // namespace mgreview::gui
