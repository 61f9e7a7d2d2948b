#pragma once

#include <QString>

namespace mgreview {

class Database;

/// Schema versions and the steps between them.
///
/// Version 0 is an empty database. Each step runs in its own transaction and records the
/// new version in `schema_version`; a failed step rolls back and leaves the previous
/// version intact. Steps are never edited once released: changes get a new step.
namespace Migrations {

/// The version this build writes.
int latestVersion();
/// The version recorded in the database (0 for an empty one); -1 and *error when unreadable.
int currentVersion(const Database &database, QString *error);
/// Runs every step from the current version up to `target`. Refuses a database newer
/// than this build understands.
bool migrate(const Database &database, int target, QString *error);

} // namespace Migrations
} // namespace mgreview
