#pragma once

#include "rules/rulefields.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace mgreview {

/// What a rule classifies.
enum class RuleTarget { Independence, Design, Direction, Population, CrampType };

/// "independence", "design", "direction", "population", "cramp_type".
QString ruleTargetName(RuleTarget target);
std::optional<RuleTarget> ruleTargetFromName(const QString &name);
QStringList ruleTargetNames();

/// One condition of a rule: a test on a field, or a composition of conditions.
struct RuleCondition {
    enum class Kind { All, Any, Not, Test };
    enum class Test { Contains, Regex, Word, Equals };

    Kind kind = Kind::Test;
    QVector<RuleCondition> children; ///< For All, Any, Not (Not has exactly one).

    // For Test:
    RuleField field = RuleField::Title;
    Test test = Test::Contains;
    QString pattern;
    bool caseSensitive = false;
    QRegularExpression regex; ///< Compiled once at load (Regex tests only).
    bool matchesEmpty = false; ///< Whether the test holds for an empty text (decided at load).
    int line = 0;             ///< Where it was written, for messages.

    /// Number of tests below this condition (a rule's specificity).
    int testCount() const;
};

/// A classification rule from a rules file (see docs/formats/rules.md).
struct Rule {
    QString id;
    QString description;
    RuleTarget target = RuleTarget::Independence;
    QString value; ///< A vocabulary id of the target.
    QString link;  ///< For independence = industry-linked: how it is linked.
    int priority = 50;
    QString reason; ///< May contain {match}, {field}, {rule}.
    RuleCondition when;
    QString file;
    int line = 0;
    bool enabled = true;
};

/// Where a rule matched: the field, and the span inside the n-th text of that field.
struct RuleMatch {
    RuleField field = RuleField::Title;
    int textIndex = 0; ///< Which text of the field (e.g. the 2nd conclusion).
    qsizetype start = -1;
    qsizetype length = 0;
    QString text; ///< The matched text, exactly as in the record.
};

/// What one rule suggests for one study, and why.
struct Suggestion {
    QString studyId;
    RuleTarget target = RuleTarget::Independence;
    QString value;
    QString link;
    QString ruleId;
    int priority = 0;
    int specificity = 0;
    RuleMatch match;  ///< Empty (start -1) when the rule matched only through `not`.
    QString reason;   ///< The rule's reason with {match} filled in.
    bool winning = false; ///< The suggestion that decides this target (others stay visible).
};

} // namespace mgreview
