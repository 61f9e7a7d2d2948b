#pragma once

#include "rules/rule.h"
#include "rules/ruleloader.h"

#include <QVector>

#include <atomic>
#include <functional>
#include <optional>

namespace mgreview {

/// Applies a rule set to studies. Deterministic: the same rules and record always give the
/// same suggestions in the same order. Every rule is evaluated for every study.
///
/// Precedence among suggestions for one target: higher priority, then higher specificity
/// (more tests in the rule's conditions), then rule id. For single-valued targets
/// (independence, design, direction) the first suggestion wins; for sets (population,
/// cramp type) the best suggestion of each value wins. Losing suggestions stay in the
/// result, marked winning = false.
class RuleEngine
{
public:
    explicit RuleEngine(RuleSet rules);

    const RuleSet &rules() const { return m_rules; }

    /// Every suggestion of every enabled rule for one study.
    QVector<Suggestion> classify(const Study &study) const;

    /// Classifies many studies on all cores. Returns one suggestion list per study (same
    /// order). `cancel` stops early (the result is then incomplete and should be dropped).
    QVector<QVector<Suggestion>> classifyAll(const QVector<Study> &studies, const std::atomic_bool *cancel = nullptr,
                                            const std::function<void(int done)> &progress = {}) const;

    /// Whether one condition holds for a study; fills `match` with the first span found.
    static bool evaluate(const RuleCondition &condition, const Study &study, RuleMatch *match);

private:
    RuleSet m_rules;
};

/// A classified attribute as the user sees it: who decided, what, and why.
struct EffectiveClassification {
    QStringList values;  ///< One value, or several for population / cramp type.
    QString link;        ///< Independence link type.
    ClassificationSource source = ClassificationSource::None;
    QString reason;
    QVector<Suggestion> decidingSuggestions; ///< When source is Rule.
};

/// Human decisions outrank rules. For independence: the reviewers' decision when given
/// (`reviewer`, from ReviewService::outcome / reviewerIndependenceByStudy, source Reviewer),
/// else the curated value in the record, else the winning rule suggestion. Other targets:
/// the curated value, else the winning rule suggestions.
EffectiveClassification effectiveClassification(const Study &study, const QVector<Suggestion> &suggestions,
                                                RuleTarget target,
                                                const std::optional<Independence> &reviewer = std::nullopt);

/// The reason text of a rule with {match}, {field} and {rule} filled in.
QString expandReason(const Rule &rule, const RuleMatch &match);

} // namespace mgreview
