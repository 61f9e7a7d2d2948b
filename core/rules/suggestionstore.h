#pragma once

#include "rules/rule.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

class QSqlDatabase;

namespace mgreview {

class Database;

/// Schema step that adds rule suggestions to a library (migration to version 4).
bool createRuleSuggestionSchema(QSqlDatabase &db, QString *error);

/// Stores rule suggestions apart from human decisions.
///
/// Suggestions live in their own table, and the winning values in rule_* columns of the
/// studies table; curated values (the record) and reviewer judgements are never touched,
/// so re-running the rules can never overwrite a person's decision.
class SuggestionStore
{
public:
    explicit SuggestionStore(const Database &database);

    /// Replaces the suggestions of the given studies (one list per id, same order) in one
    /// transaction: all are saved, or none.
    bool replace(const QStringList &studyIds, const QVector<QVector<Suggestion>> &suggestions,
                 const QByteArray &rulesHash, QString *error);

    /// Every suggestion for a study, best first per target.
    std::optional<QVector<Suggestion>> forStudy(const QString &studyId, QString *error) const;
    /// The winning suggestions of every study, by study id (for outputs of whole lists).
    std::optional<QHash<QString, QVector<Suggestion>>> winningByStudy(QString *error) const;
    /// How many studies each rule matched.
    std::optional<QHash<QString, int>> hitCounts(QString *error) const;
    /// The ids of the studies a rule matched.
    std::optional<QStringList> studiesMatchedBy(const QString &ruleId, QString *error) const;
    /// The rules hash the stored suggestions were made with ("" when never classified).
    QString storedRulesHash() const;

private:
    const Database &m_database;
};

} // namespace mgreview
