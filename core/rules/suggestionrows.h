#pragma once

// Writing suggestion rows on SQLite through SQLite's own API (store/sqlitestatement.h).
// Internal to SuggestionStore.

#include "rules/rule.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVector>

namespace mgreview {

/// For each study: deletes its suggestions, inserts `suggestions[i]` and sets its rule_*
/// columns to the winning values, in the caller's transaction on a SQLite connection. The
/// same rows as SuggestionStore::replace writes through Qt on other databases.
bool sqliteWriteSuggestions(QSqlDatabase &db, const QStringList &studyIds,
                            const QVector<QVector<Suggestion>> &suggestions, const QString &rulesHash,
                            const QString &now, QString *error);

/// The winning values of one study's suggestions as the rule_* columns hold them.
struct WinningValues {
    QString independence, link, reason, design, direction;
    QStringList populations, crampTypes;
    void take(const Suggestion &s);
};

} // namespace mgreview
