#pragma once

#include "model/study.h"
#include "review/judgement.h"

#include <QHash>
#include <QVector>

#include <optional>

namespace mgreview {

class Database;
class ReviewStore;

/// What the reviewers' judgements on one study amount to.
///
/// - None: no reviewer has a standing judgement (the curated value or a rule decides).
/// - Single: one reviewer: their latest judgement.
/// - Agreed: several reviewers, all with the same value and link: that value.
/// - Disagreement: reviewers differ and nobody has resolved it: "unclear", with the reason
///   "reviewers disagree: A says X, B says Y — awaiting resolution". Unclear is never shown
///   as independent, so a disputed study leaves "independent only" until it is resolved.
///   When all say industry-linked and only the link differs, the value stays
///   industry-linked (link empty, the reason naming each link) until it is resolved.
/// - Resolved: a standing resolution (consensus or third reviewer): its value.
struct ReviewOutcome {
    enum class State { None, Single, Agreed, Disagreement, Resolved };

    State state = State::None;
    /// The value to show and filter by, with source Reviewer (empty when state is None).
    Independence independence;
    /// The standing (not withdrawn) judgement of each reviewer, oldest first.
    QVector<Judgement> judgements;
    /// The standing resolution, if any.
    std::optional<Resolution> resolution;

    bool decides() const { return state != State::None; }
};

/// "none", "single", "agreed", "disagreement", "resolved".
QString toString(ReviewOutcome::State state);

/// The outcome of one study from its latest rows: the latest row of each reviewer
/// (withdrawals are ignored) and the latest resolution row (ignored when withdrawn).
ReviewOutcome reviewOutcome(const QVector<Judgement> &latestRows, const std::optional<Resolution> &latestResolution);

/// The outcome of every study that has any judgement or resolution, by study id.
bool reviewOutcomes(const ReviewStore &store, QHash<QString, ReviewOutcome> *out, QString *error);

/// The reviewer-decided independence of every study where reviewers decide (state not
/// None), by study id. Empty for a library older than schema version 5. This is what
/// StudyStore::summaries() puts before curated values and rule suggestions.
std::optional<QHash<QString, Independence>> reviewerIndependenceByStudy(const Database &database, QString *error);

} // namespace mgreview
