#pragma once

#include "library/studysearchindex.h"
#include "library/studysummary.h"
#include "store/database.h"
#include "store/seeder.h"

#include <QString>
#include <QVector>

#include <memory>

namespace mgreview {

/// Everything a window needs to show a library, read in one go.
struct LoadedLibrary {
    std::unique_ptr<Database> database;
    QVector<StudySummary> summaries;
    StudySearchIndex searchIndex; ///< Rows in the order of summaries.
    SeedReport seed;
    QString error; ///< Non-empty: the library could not be opened; nothing else is set.
    qint64 openMs = 0, readMs = 0, indexMs = 0;
};

/// Options for openLibrary().
struct OpenOptions {
    bool seed = true;       ///< Seed from studies/ (first start, or new studies shipped).
    QString studiesFolder;  ///< Where to seed from; empty: findStudiesFolder().
};

/// Opens (creating and migrating if needed), seeds, and reads the table rows and search
/// index of a library. Blocking: call it from a worker thread (the GUI uses QtConcurrent),
/// or from the command line.
LoadedLibrary openLibrary(const LibraryLocation &location, const OpenOptions &options = {});

/// Reads rows and search index of an open library (after changes).
bool readLibrary(const Database &database, QVector<StudySummary> *summaries, StudySearchIndex *index,
                 QString *error);

} // namespace mgreview
