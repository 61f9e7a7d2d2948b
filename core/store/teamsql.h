#pragma once

// SQL that `team init` (store/teamroles.h) adds to a PostgreSQL library beyond grants:
//
// - change notifications (Sql::changeNotificationTrigger) for annotations and
//   pdf_attachments, keyed by study id, so windows refresh their notes and PDF lists;
// - mgreview_index_notes(study_id, notes, note_words): a SECURITY DEFINER function, the only
//   way team roles below editor change the search index. It keeps the study's own words
//   (weight A, written by editors through FullTextIndex::upsert) and its own text, and
//   replaces only the annotation part (weight B, after Sql notes separator in `other`). A
//   student with psql can therefore neither rewrite nor erase what a study says; at most
//   the words of annotations, which they may write anyway.

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace mgreview::TeamSql {

/// The statements, idempotent (functions replaced, triggers dropped and created again), for
/// the tables the library has. `schema` is the quoted schema of the library.
QStringList statements(QSqlDatabase &db, const QString &schema);

/// The name of the notes re-indexing function.
inline constexpr char kIndexNotesFunction[] = "mgreview_index_notes";

} // namespace mgreview::TeamSql
