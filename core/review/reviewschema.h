#pragma once

#include "store/database.h"

#include <QString>

class QSqlDatabase;

namespace mgreview {

/// Schema step that adds people and review to a library (migration to version 5):
/// `profiles`, the append-only `review_judgements`, `review_resolutions` and `audit_log`.
///
/// Append-only is enforced by the database, not only by the code: triggers abort every
/// UPDATE and DELETE on the three tables with "… is append-only" (Sql::appendOnlyTriggers:
/// RAISE(ABORT) on SQLite, plpgsql triggers that RAISE EXCEPTION on PostgreSQL, where
/// `mgreview-cli team init` also grants the team roles INSERT only; see docs/team-mode.md). Judgements and resolutions do not
/// reference `studies`, so their history outlives a deleted study.
bool createReviewSchema(SqlDialect dialect, QSqlDatabase &db, QString *error);

} // namespace mgreview
