// BM_OpenLibrary: what the window waits for before it is interactive — open the library file
// (schema check), read the table rows and build the search index (openLibrary() without
// seeding) — and the process's peak resident memory.
//
// Peak memory is the kernel's high-water mark of this process (VmHWM). It is only a fair
// figure for "opening a library" when this benchmark is the first thing the process does,
// so it is registered first, cached libraries are generated in a child process, and
// tests/bench/run-benchmarks.sh runs it alone in a fresh process for each size.

#include "benchsupport.h"

#include "store/studystore.h"

#include <QString>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>

namespace mgreview::bench {

namespace {

void openLibraryBenchmark(benchmark::State &state, qint64 size)
{
    releaseFixture(); // Nothing else of ours is held while we measure.
    const double baselineMb = procStatusMb("VmRSS");
    LibraryLocation location;
    location.sqlitePath = libraryPath(size);
    OpenOptions options;
    options.seed = false;

    std::optional<LoadedLibrary> library;
    double openMs = 0, readMs = 0;
    for (auto _ : state) {
        state.PauseTiming();
        library.reset(); // Freeing the previous copy is not part of opening.
        state.ResumeTiming();
        library.emplace(openLibrary(location, options));
        state.PauseTiming();
        if (!library->error.isEmpty()) {
            fail(state, library->error);
            return;
        }
        if (library->summaries.size() != size || library->searchIndex.rowCount() != size) {
            fail(state, QStringLiteral("read %1 rows, expected %2").arg(library->summaries.size()).arg(size));
            return;
        }
        openMs += double(library->openMs);
        readMs += double(library->readMs);
        state.ResumeTiming();
    }
    const double iterations = double(state.iterations());
    state.counters[std::string("studies")] = double(size);
    state.counters[std::string("db_open_ms")] = openMs / iterations;
    state.counters[std::string("read_index_ms")] = readMs / iterations;
    state.counters[std::string("index_MB")] = double(library->searchIndex.byteSize()) / 1048576.0;
    state.counters[std::string("baseline_rss_MB")] = baselineMb;
    state.counters[std::string("rss_open_MB")] = procStatusMb("VmRSS");
    state.counters[std::string("peak_rss_MB")] = procStatusMb("VmHWM");
}

/// The two halves of opening, each alone on one thread (openLibrary runs them side by side),
/// to see which one bounds the time of opening.
void readSummariesBenchmark(benchmark::State &state, qint64 size)
{
    QString error;
    LoadedFixture *fixture = loadedFixture(size, &error);
    if (!fixture) {
        fail(state, error);
        return;
    }
    StudyStore store(*fixture->library.database);
    std::optional<QVector<StudySummary>> rows;
    for (auto _ : state) {
        state.PauseTiming();
        rows.reset();
        state.ResumeTiming();
        rows = store.summaries(&error);
        if (!rows || rows->size() != size) {
            fail(state, error.isEmpty() ? QStringLiteral("wrong number of rows") : error);
            return;
        }
    }
}

void buildSearchIndexBenchmark(benchmark::State &state, qint64 size)
{
    QString error;
    LoadedFixture *fixture = loadedFixture(size, &error);
    if (!fixture) {
        fail(state, error);
        return;
    }
    StudyStore store(*fixture->library.database);
    std::optional<StudySearchIndex> index;
    for (auto _ : state) {
        state.PauseTiming();
        index.reset();
        state.ResumeTiming();
        index.emplace();
        if (!store.forEachSearchText([&](qint64, const SearchableText &text) { index->append(text); }, &error)) {
            fail(state, error);
            return;
        }
    }
    if (index->rowCount() != size)
        fail(state, QStringLiteral("the index has %1 rows, expected %2").arg(index->rowCount()).arg(size));
}

} // namespace

void registerOpenBenchmarks()
{
    // Largest first: in a process running everything, the 100,000-study peak is measured
    // before anything else has touched memory.
    QVector<qint64> sizes = settings().sizes;
    std::sort(sizes.begin(), sizes.end(), std::greater<>());
    for (const qint64 size : std::as_const(sizes)) {
        benchmark::RegisterBenchmark(("BM_OpenLibrary/" + std::to_string(size)).c_str(),
                                     [size](benchmark::State &state) { openLibraryBenchmark(state, size); })
            ->Unit(benchmark::kMillisecond)
            ->Iterations(settings().openIterations);
    }
    const qint64 largest = sizes.constFirst();
    benchmark::RegisterBenchmark(("BM_OpenPhase/" + std::to_string(largest) + "/summaries").c_str(),
                                 [largest](benchmark::State &state) { readSummariesBenchmark(state, largest); })
        ->Unit(benchmark::kMillisecond)
        ->Iterations(settings().openIterations);
    benchmark::RegisterBenchmark(("BM_OpenPhase/" + std::to_string(largest) + "/search_index").c_str(),
                                 [largest](benchmark::State &state) { buildSearchIndexBenchmark(state, largest); })
        ->Unit(benchmark::kMillisecond)
        ->Iterations(settings().openIterations);
}

} // namespace mgreview::bench
