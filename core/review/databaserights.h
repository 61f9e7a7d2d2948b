#pragma once

// What the connected database user may write, as PostgreSQL itself decides it (the team
// roles of `mgreview-cli team init`, store/teamroles.h). The window asks once at connect and
// disables what the database would refuse anyway, whatever the local profile says: a
// reviewer profile on a clinician login may read, and nothing else.

#include "review/permissions.h"
#include "store/database.h"

#include <QString>

#include <optional>

namespace mgreview {

struct DatabaseRights {
    /// False on SQLite (a file: whoever can open it may write it): allows() is always true.
    bool limited = false;
    /// The team role as connectedTeamRole() names it ("owner", "editor", …; empty: none).
    QString role;
    bool annotate = false;        ///< INSERT on annotations and annotation_events.
    bool recordJudgements = false; ///< INSERT on review_judgements and audit_log.
    bool resolveConflicts = false; ///< INSERT on review_resolutions and audit_log.
    bool editStudies = false;     ///< UPDATE on studies and study_text.
    bool attachPdfs = false;      ///< INSERT on pdf_files and pdf_attachments.

    /// Whether the database lets this user do what `action` writes. Reading is never limited.
    bool allows(Action action) const;
    /// "the database role clinician may not annotate studies".
    QString refusal(Action action) const;
};

/// Reads the connected user's privileges (has_table_privilege, so grants made directly
/// to a user count as well as team roles). Tables the library does not have yet count as
/// not writable. nullopt and *error on failure.
std::optional<DatabaseRights> readDatabaseRights(const Database &database, QString *error);

} // namespace mgreview
