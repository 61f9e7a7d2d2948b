#pragma once

// Database roles of a team library on PostgreSQL, so that what each person may do holds
// even for someone connecting with psql (docs/team-mode.md).
//
//   mgreview_clinician  SELECT on every table: reads, never writes.
//   mgreview_student    + annotations (when the library has them, schema v7): INSERT on
//                         annotations and annotation_events, UPDATE on annotations, and
//                         EXECUTE on mgreview_index_notes(), which re-indexes only the
//                         annotation words of a study (never its own text: study_text
//                         stays closed to students, store/teamsql.h).
//   mgreview_reviewer   + what students may, + INSERT on review_judgements,
//                         review_resolutions and audit_log;
//                         the append-only triggers refuse UPDATE and DELETE for everyone.
//   mgreview_editor     + what reviewers may, + INSERT, UPDATE, DELETE on studies and the
//                         tables that follow them (search text, seed log, rule suggestions,
//                         library_meta), on the PDF tables (v6) and the import tables (v8).
//
// profiles and schema_version are read-only for every team role (the owner adds profiles).
// init also installs change notifications for annotations and PDF attachments, so every
// window shows a colleague's new note or PDF at once.
//
// They are group roles (NOLOGIN): a person logs in as their own user, which is made a
// member of one of them (grantTeamRole). The account that runs initTeamLibrary owns the
// tables and keeps every right (it is the team's administrator).

#include "store/database.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mgreview {

/// The team roles, least to most rights: clinician, student, reviewer, editor.
QStringList teamRoleNames();

/// Brings a PostgreSQL library's schema up to date (it is open: Database::open did that),
/// creates the roles that are missing and (re)grants them exactly their rights on the
/// library's schema, including tables later schema versions add. Idempotent; needs a user
/// that owns the tables and may create roles. `log` receives one line per action.
bool initTeamLibrary(const Database &database, QStringList *log, QString *error);

/// Makes database user `user` a member of team role `role` ("reviewer" or
/// "mgreview_reviewer"), revoking any other team role it had.
bool grantTeamRole(const Database &database, const QString &user, const QString &role, QString *error);

/// The team role of the connected user: "owner" (owns the studies table), else the most
/// capable of "editor", "reviewer", "student", "clinician" it is a member of; empty when it
/// has none (or on SQLite, where there are no roles). nullopt and *error on failure.
std::optional<QString> connectedTeamRole(const Database &database, QString *error);

} // namespace mgreview
