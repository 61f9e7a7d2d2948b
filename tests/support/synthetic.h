#pragma once

// Synthetic study libraries for scale tests and benchmarks.
//
// Every record is generated from a seeded PRNG keyed by (seed, study number), so study N is
// the same whatever the batch size or the library size: a 10,000-study library is the first
// 10,000 studies of the 100,000-study one. Records look like the real ones (surnames, titles,
// verbatim-style conclusions, vocabulary codes) but are clearly marked as synthetic: ids
// "synthetic-000123", DOIs 10.5555/synthetic.123 (10.5555 is the DOI test prefix), and
// invented funders and manufacturers.

#include "model/study.h"

#include <QString>
#include <QVector>

#include <functional>

namespace mgreview {
class Database;
}

namespace mgreview::testing {

/// Bump when the generated records change, so cached libraries are regenerated.
inline constexpr int kSyntheticGeneratorVersion = 3;
/// The seed the benchmarks and the cache use.
inline constexpr quint64 kSyntheticDefaultSeed = 20240521;

/// What the records hold. Seeded studies have no abstract; imported ones (RIS, PubMed) do,
/// and an abstract is several times the text of everything else a study has.
enum class SyntheticText {
    ConclusionsOnly, ///< Title, authors, 1–2 conclusions of about 40 words.
    WithAbstracts,   ///< The same, plus a structured abstract of about 200 words.
};

/// Which synthetic library: the same options always give the same studies.
struct SyntheticProfile {
    quint64 seed = kSyntheticDefaultSeed;
    SyntheticText text = SyntheticText::ConclusionsOnly;
};

/// Study number `index` (0-based) of the synthetic library with this profile.
Study syntheticStudy(qint64 index, const SyntheticProfile &profile = {});
/// Studies first … first+count-1.
QVector<Study> syntheticStudies(qint64 first, qint64 count, const SyntheticProfile &profile = {});

struct SyntheticWriteOptions {
    SyntheticProfile profile;
    qint64 first = 0;       ///< Number of the first study to write.
    int batchSize = 10'000; ///< Studies per StudyStore::insertMany (one transaction each).
    /// Called after each batch with the number of studies written so far; false cancels
    /// (the batches already committed stay).
    std::function<bool(qint64 written)> progress;
};

/// Writes `count` synthetic studies into an open library, batch by batch.
bool writeSyntheticLibrary(const Database &database, qint64 count, const SyntheticWriteOptions &options,
                           QString *error);

/// Where the cached library of `count` studies lives in `cacheFolder`. The name carries the
/// count, the generator version, the schema version and the profile, so a stale file is
/// never reused.
QString syntheticLibraryPath(const QString &cacheFolder, qint64 count, const SyntheticProfile &profile = {});

/// The cached synthetic library of `count` studies, generated first if it is missing.
/// Generation writes to a temporary file that is renamed when complete, so an interrupted
/// run never leaves a half library behind. Returns the path, or an empty string and *error.
QString cachedSyntheticLibrary(const QString &cacheFolder, qint64 count, const SyntheticWriteOptions &options,
                               QString *error);

} // namespace mgreview::testing
