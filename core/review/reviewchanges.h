#pragma once

#include "review/judgement.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mgreview {

class ReviewStore;

// How one review change is appended: first its audit-log entry (whose id is the change id),
// then the row it describes, pointing back at it. Both run in the caller's transaction, so
// a change and its audit entry are saved together or not at all. Used by ReviewService only.

/// Compact JSON text.
QString compactJson(const QJsonObject &object);
/// The audit state of a judgement slot: the standing judgement with its reviewer, or ""
/// (no judgement) when `content` is a withdrawal.
QString stateJson(const QString &reviewer, const JudgementContent &content);
/// The same for a resolution.
QString stateJson(const QString &resolver, const ResolutionContent &content);

/// Appends a change of `reviewer`'s judgement on a study: `head` is the row it supersedes
/// (the audit "before"), `after` the new state. Returns the change id.
std::optional<qint64> appendJudgementChange(ReviewStore &store, const QString &studyId, const QString &reviewer,
    const QString &action, const std::optional<Judgement> &head, const JudgementContent &after, const QString &reason,
    std::optional<qint64> undoes, QString *error);
/// Appends a change of a study's resolution; `actor` did it, `resolver` is named in the row.
std::optional<qint64> appendResolutionChange(ReviewStore &store, const QString &studyId, const QString &actor,
    const QString &resolver, const QString &action, const std::optional<Resolution> &head,
    const ResolutionContent &after, const QString &reason, std::optional<qint64> undoes, QString *error);

} // namespace mgreview
