// Classification at scale (issue: rules that explain themselves): every default rule on
// every study, spread over the cores. Target: 100,000 studies in at most 2 s. Reading the
// records and storing the suggestions are measured separately (they are I/O, not rules).

#include "benchsupport.h"

#include "rules/ruleengine.h"
#include "store/studystore.h"

#include <QElapsedTimer>

#include <string>

namespace mgreview::bench {

namespace {

void classifyBenchmark(benchmark::State &state, qint64 size)
{
    QString error;
    LoadedFixture *fixture = loadedFixture(size, &error);
    if (!fixture) {
        fail(state, error);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    const std::optional<QVector<Study>> studies = StudyStore(*fixture->library.database).loadAll(&error);
    if (!studies) {
        fail(state, error);
        return;
    }
    const double readMs = double(timer.elapsed());
    const RuleEngine engine(defaultRules());
    qint64 suggestions = 0;
    for (auto _ : state) {
        const QVector<QVector<Suggestion>> result = engine.classifyAll(*studies);
        suggestions = 0;
        for (const auto &list : result)
            suggestions += list.size();
        benchmark::DoNotOptimize(result.data());
    }
    if (suggestions == 0)
        fail(state, QStringLiteral("no suggestions at all: the rules matched nothing"));
    state.counters["studies"] = double(studies->size());
    state.counters["rules"] = double(defaultRules().rules.size());
    state.counters["suggestions"] = double(suggestions);
    state.counters["read_records_ms"] = readMs;
}

} // namespace

void registerClassifyBenchmarks()
{
    const QVector<qint64> &sizes = settings().sizes;
    const qint64 largest = *std::max_element(sizes.begin(), sizes.end());
    benchmark::RegisterBenchmark(("BM_ClassifyAll/" + std::to_string(largest)).c_str(),
                                 [largest](benchmark::State &state) { classifyBenchmark(state, largest); })
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3);
}

} // namespace mgreview::bench
