#pragma once

#include <QString>

class QSqlDatabase;

namespace mgreview {

/// Schema step that adds people and review to a library (migration to version 5):
/// `profiles`, the append-only `review_judgements`, `review_resolutions` and `audit_log`.
///
/// Append-only is enforced by the database, not only by the code: triggers abort every
/// UPDATE and DELETE on the three tables with "… is append-only". (On PostgreSQL the same
/// is done with BEFORE UPDATE OR DELETE triggers that RAISE EXCEPTION, plus REVOKE UPDATE,
/// DELETE for the application's role; see docs/review.md.) Judgements and resolutions do not
/// reference `studies`, so their history outlives a deleted study.
bool createReviewSchema(QSqlDatabase &db, QString *error);

} // namespace mgreview
