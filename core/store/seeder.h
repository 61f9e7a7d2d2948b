#pragma once

#include <QString>
#include <QStringList>

namespace mgreview {

class Database;
struct Vocabularies;

/// What seeding did.
struct SeedReport {
    int added = 0;           ///< Studies new to the library.
    int alreadyPresent = 0;  ///< Seeded before (kept as they are, edits included).
    QStringList errors;      ///< Invalid files ("file:line:column: message"); they are skipped.
    bool ok = true;          ///< False when the library could not be written (nothing was added).
};

/// Seeds a library from a studies/ folder: adds every valid study the library has never
/// been seeded with, in one transaction. A study seeded before is never re-added or
/// overwritten, even if the user edited or deleted it.
SeedReport seedLibrary(const Database &database, const QString &studiesFolder, const Vocabularies &vocabularies);

/// The installed studies/ folder: $MGREVIEW_STUDIES_DIR, then <prefix>/share/mgreview/studies
/// next to the executable, then the source tree (for running from a build folder).
/// Empty when none exists.
QString findStudiesFolder();

} // namespace mgreview
