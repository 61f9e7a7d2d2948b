#pragma once

#include "rules/rule.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace mgreview {

struct Vocabularies;

/// A loaded set of rules, in file order.
struct RuleSet {
    QVector<Rule> rules;
    /// Content hash of the files it came from (stored with suggestions).
    QByteArray hash;
};

/// The result of loading a rules file.
struct RuleLoadResult {
    RuleSet rules;      ///< Valid only when errors is empty.
    QStringList errors; ///< "file:line:column: message".
};

/// Parses rules from TOML text (format: docs/formats/rules.md). Every problem is reported
/// with its position: syntax, unknown keys and fields, unknown targets and values, invalid
/// regular expressions, duplicate ids. Regular expressions are compiled here, once.
RuleLoadResult parseRules(const QByteArray &utf8, const QString &displayName, const Vocabularies &vocabularies);
RuleLoadResult loadRulesFile(const QString &path, const Vocabularies &vocabularies);

/// The default rules compiled into the program (resources/rules/default.toml).
const RuleSet &defaultRules();

/// Default rules with a user file's rules added: a user rule with a default rule's id
/// replaces it (`enabled = false` switches it off). Errors in the user file leave the
/// result empty; callers keep their last good rules.
RuleLoadResult combineRules(const RuleSet &base, const QString &userFile, const Vocabularies &vocabularies);

} // namespace mgreview
