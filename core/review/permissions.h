#pragma once

#include "review/profile.h"

#include <QString>

namespace mgreview {

/// What a person may try to do. Every write in core/review checks may() first, so the
/// rules hold for the window, the command line and any future client alike.
enum class Action {
    RecordJudgement, ///< Flag a study's funding independence (and undo one's own flag).
    ResolveConflict, ///< Record a resolution where reviewers disagree.
    ViewOthersJudgements, ///< See individual reviewers' judgements (reviewers: after blinding).
    Annotate, ///< Highlight and note conclusions (annotations arrive later).
    ReadAnnotations,
    ExportReviewData, ///< Export judgements, resolutions and the audit log.
    EditStudies, ///< Change a study's record (Study ▸ Edit study…), saved against its version.
};

/// Whether a person with this profile may do `action`:
///
/// | action               | clinician | student | reviewer |
/// |----------------------|-----------|---------|----------|
/// | RecordJudgement      | no        | no      | yes      |
/// | ResolveConflict      | no        | no      | yes      |
/// | ViewOthersJudgements | yes       | yes     | yes (blinded until their own judgement) |
/// | Annotate             | no        | yes     | yes      |
/// | ReadAnnotations      | yes       | yes     | yes      |
/// | ExportReviewData     | yes       | yes     | yes      |
/// | EditStudies          | no        | no      | yes      |
///
/// On a team library the database role limits this further (review/databaserights.h).
bool may(const Profile &profile, Action action);

/// What the action is, as the end of "may not …": "record funding judgements".
QString describe(Action action);
/// The refusal to show when may() is false: "clinician 'Ann' may not record funding judgements".
QString refusal(const Profile &profile, Action action);

} // namespace mgreview
