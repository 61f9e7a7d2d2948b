#pragma once

#include "review/agreement.h"
#include "review/judgement.h"
#include "review/permissions.h"
#include "review/profile.h"
#include "review/reviewoutcome.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace mgreview {

class Database;

/// What a change did: its id (for undo) and anything the person should know.
struct ChangeResult {
    qint64 changeId = 0; ///< The audit-log entry of the change.
    QStringList warnings; ///< E.g. an evidence quote not found in the statements.
};

/// The judgements on a study that a person may see now.
struct VisibleJudgements {
    /// Standing judgements: the viewer's own first, then the others' (oldest first).
    QVector<Judgement> judgements;
    /// Other reviewers' standing judgements held back by blinding.
    int hidden = 0;
    /// True while the viewer is a reviewer who has neither judged the study nor chosen to look.
    bool blinded = false;
};

/// A study whose reviewers disagree and which nobody has resolved.
struct Conflict {
    QString studyId;
    QVector<Judgement> judgements; ///< The standing judgement of each reviewer.
};

/// People, funding-independence judgements, dual review and agreement: the one way to
/// change review data.
///
/// Every write checks the person's permissions (review/permissions.h) and fails with a
/// message such as "clinician 'Ann' may not record funding judgements". Every change is
/// one transaction that appends a row to `review_judgements` or `review_resolutions` and
/// one to `audit_log` (who, when, what, before, after, why); nothing is ever updated or
/// deleted. A change's id is its audit-log id.
///
/// Undo for an undo stack (e.g. a QUndoCommand): keep the id of the change; undo() appends
/// the inverse and returns the id of that undo change; redo() takes the undo's id and
/// appends the inverse of the undo. Both refuse when the judgement changed in between.
class ReviewService
{
public:
    explicit ReviewService(const Database &database);

    // --- People ----------------------------------------------------------------------------
    /// Adds a profile; names are unique without regard to case.
    bool addProfile(const Profile &profile, QString *error);
    std::optional<QVector<Profile>> profiles(QString *error) const;
    /// The profile with that name (any case), or nullopt and "no profile named 'X'".
    std::optional<Profile> profile(const QString &name, QString *error) const;

    // --- Changes ---------------------------------------------------------------------------
    /// Records (or changes) `reviewer`'s judgement of a study. The value, link and reason are
    /// checked (validateJudgement); an evidence quote is looked up in the study's funding
    /// statement, COI statement and funding notes, and when it is in none of them the
    /// judgement is still saved, marked not_found (or page, when a page is given), with a warning.
    std::optional<ChangeResult> recordJudgement(
        const QString &studyId, const QString &reviewer, JudgementContent content, QString *error);
    /// Withdraws the reviewer's standing judgement (a new "withdrawn" row).
    std::optional<ChangeResult> withdrawJudgement(
        const QString &studyId, const QString &reviewer, const QString &reason, QString *error);
    /// Resolves a disagreement (or replaces a standing resolution). A third-reviewer
    /// resolution must come from a reviewer without a judgement on the study.
    std::optional<ChangeResult> recordResolution(
        const QString &studyId, const QString &resolver, const ResolutionContent &content, QString *error);
    /// Appends the inverse of a judgement or resolution change (restoring the state before
    /// it). Only the judgement's own reviewer may undo a judgement; any reviewer a resolution.
    std::optional<ChangeResult> undo(qint64 changeId, const QString &actor, QString *error);
    /// Undoes an undo (`undoChangeId` must be the id undo() returned).
    std::optional<ChangeResult> redo(qint64 undoChangeId, const QString &actor, QString *error);
    /// The viewer chooses to see other reviewers' judgements before recording their own;
    /// logged in the audit log (action "reveal"). Returns the change id.
    std::optional<qint64> revealOthers(const QString &studyId, const QString &viewer, QString *error);

    // --- Reading ---------------------------------------------------------------------------
    /// Blinding: a reviewer sees other reviewers' judgements on a study only after recording
    /// their own there (even if later withdrawn) or revealing; other roles see all.
    std::optional<VisibleJudgements> visibleJudgements(
        const QString &studyId, const QString &viewer, QString *error) const;
    /// What the reviewers' judgements on one study amount to (review/reviewoutcome.h).
    std::optional<ReviewOutcome> outcome(const QString &studyId, QString *error) const;
    /// Studies whose reviewers' standing judgements differ in value or link, unresolved, by id.
    std::optional<QVector<Conflict>> conflicts(QString *error) const;
    /// Agreement over the studies both reviewers judged (standing judgements): of the two
    /// named reviewers, or of every pair when `reviewers` is empty.
    std::optional<QVector<PairAgreement>> agreement(const QStringList &reviewers, QString *error) const;

    // --- History (exports) -----------------------------------------------------------------
    std::optional<QVector<Judgement>> judgementHistory(QString *error) const;
    std::optional<QVector<Resolution>> resolutionHistory(QString *error) const;
    std::optional<QVector<AuditEntry>> auditLog(QString *error) const;

private:
    std::optional<Profile> actor(const QString &name, Action action, QString *error) const;

    const Database &m_database;
};

} // namespace mgreview
