// mgreview-bench-matrix: recomputing the evidence matrix after a filter change at 100,000
// studies (product.md §5: one frame, ≤ 16 ms). Build RelWithDebInfo or Release and run
//   build/tests/matrix/mgreview-bench-matrix [--benchmark_filter=…]
// Counters: mean_ms, p50_ms, p99_ms, max_ms over every recompute timed one by one.
//
// The studies are the synthetic library's (tests/support/synthetic.h), projected to
// summaries as the store projects them; no database is involved, because a filter change
// never reads the database.

#include "support/synthetic.h"

#include "format/studyoutput.h"
#include "matrix/evidencematrix.h"
#include "matrix/evidencematrixmodel.h"
#include "model/vocabulary.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <vector>

using namespace mgreview;

namespace {

constexpr qint64 kStudies = 100'000;

const QVector<StudySummary> &summaries()
{
    static const QVector<StudySummary> rows = [] {
        QVector<StudySummary> out;
        out.reserve(kStudies);
        constexpr qint64 kBatch = 10'000;
        for (qint64 first = 0; first < kStudies; first += kBatch) {
            for (const Study &study : testing::syntheticStudies(first, kBatch))
                out.append(summarize(study));
        }
        return out;
    }();
    return rows;
}

const IndependenceFilter kFilters[] = {IndependenceFilter::All, IndependenceFilter::Independent,
                                       IndependenceFilter::IndustryLinked, IndependenceFilter::Unclear};

// Times every iteration on its own, so the tail (p99) is reported, not only the mean.
class Timings
{
public:
    void add(std::chrono::steady_clock::duration d) { m_ms.push_back(std::chrono::duration<double, std::milli>(d).count()); }
    void report(benchmark::State &state)
    {
        if (m_ms.empty())
            return;
        std::sort(m_ms.begin(), m_ms.end());
        double sum = 0;
        for (const double v : m_ms)
            sum += v;
        const auto at = [&](double q) { return m_ms[std::min(m_ms.size() - 1, size_t(q * double(m_ms.size())))]; };
        state.counters["mean_ms"] = sum / double(m_ms.size());
        state.counters["p50_ms"] = at(0.50);
        state.counters["p99_ms"] = at(0.99);
        state.counters["max_ms"] = m_ms.back();
        state.counters["studies"] = double(summaries().size());
    }

private:
    std::vector<double> m_ms;
};

// What the GUI does on a filter change: the codes exist, the matrix is recomputed.
void BM_MatrixRecomputeAfterFilterChange(benchmark::State &state)
{
    const MatrixStudyCodes codes(summaries(), Vocabularies::builtin());
    Timings timings;
    size_t i = 0;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        EvidenceMatrix m = EvidenceMatrix::compute(codes, kFilters[i++ % 4]);
        timings.add(std::chrono::steady_clock::now() - start);
        benchmark::DoNotOptimize(m);
    }
    timings.report(state);
}
BENCHMARK(BM_MatrixRecomputeAfterFilterChange)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// A search typed into the field: about 10 % of the studies match.
void BM_MatrixRecomputeWithTextMatches(benchmark::State &state)
{
    const MatrixStudyCodes codes(summaries(), Vocabularies::builtin());
    QBitArray bits(summaries().size());
    std::mt19937 rng(7);
    for (int i = 0; i < bits.size(); ++i)
        bits.setBit(i, rng() % 10 == 0);
    const std::optional<QBitArray> matches = bits;
    Timings timings;
    size_t i = 0;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        EvidenceMatrix m = EvidenceMatrix::compute(codes, kFilters[i++ % 4], matches);
        timings.add(std::chrono::steady_clock::now() - start);
        benchmark::DoNotOptimize(m);
    }
    timings.report(state);
}
BENCHMARK(BM_MatrixRecomputeWithTextMatches)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Through the model, as a view sees it: recompute plus dataChanged.
void BM_MatrixModelSetFilter(benchmark::State &state)
{
    EvidenceMatrixModel model(Vocabularies::builtin());
    model.setStudies(summaries());
    Timings timings;
    size_t i = 0;
    for (auto _ : state) {
        StudyFilter filter;
        filter.independence = kFilters[i++ % 4];
        const auto start = std::chrono::steady_clock::now();
        model.setFilter(filter);
        timings.add(std::chrono::steady_clock::now() - start);
    }
    timings.report(state);
}
BENCHMARK(BM_MatrixModelSetFilter)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Once per study list (opening the library, an import): codes from summaries.
void BM_MatrixCodesFromSummaries(benchmark::State &state)
{
    Timings timings;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        MatrixStudyCodes codes(summaries(), Vocabularies::builtin());
        timings.add(std::chrono::steady_clock::now() - start);
        benchmark::DoNotOptimize(codes);
    }
    timings.report(state);
}
BENCHMARK(BM_MatrixCodesFromSummaries)->Unit(benchmark::kMillisecond)->MinTime(2.0);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    // Generated before timing starts, so no benchmark pays for it.
    summaries();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
