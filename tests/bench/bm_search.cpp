// BM_SearchAsYouType: typing realistic queries one character at a time. Each keystroke is
// what the window does before it can paint: match the query in the in-memory index (only
// the previous hits when the query extends the previous one) and hand the hits to the
// table model, which rebuilds its visible rows. Mean and 99th percentile per keystroke are
// computed here over all keystrokes and reported as counters.
//
// BM_FullTextSearch: the same final queries through SQLite FTS5 (StudyStore::search), for
// comparison; it is what the command line uses.

#include "benchsupport.h"

#include "store/studystore.h"

#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

namespace mgreview::bench {

namespace {

const QStringList &queries()
{
    static const QStringList all{QStringLiteral("magnesium pregnancy"), QStringLiteral("garrison"),
                                 QStringLiteral("placebo cramps night"), QStringLiteral("xyzzy")};
    return all;
}

/// Every prefix of every query, in typing order.
QStringList keystrokes()
{
    QStringList out;
    for (const QString &query : queries()) {
        for (qsizetype length = 1; length <= query.size(); ++length)
            out.append(query.left(length));
    }
    return out;
}

void searchAsYouTypeBenchmark(benchmark::State &state, qint64 size)
{
    QString error;
    LoadedFixture *fixture = loadedFixture(size, &error);
    if (!fixture) {
        fail(state, error);
        return;
    }
    const StudySearchIndex &index = fixture->library.searchIndex;
    StudyTableModel &model = *fixture->model;
    const QStringList keys = keystrokes();

    std::vector<double> millis;
    millis.reserve(size_t(state.max_iterations));
    QString previousQuery;
    QBitArray previousHits;
    qsizetype next = 0;
    for (auto _ : state) {
        const QString &query = keys.at(next);
        next = (next + 1) % keys.size();
        const auto start = std::chrono::steady_clock::now();
        // Typing on extends the query: the new hits are a subset of the previous ones.
        const bool refine = !previousQuery.isEmpty() && query.startsWith(previousQuery);
        QBitArray hits = index.match(query, refine ? &previousHits : nullptr);
        model.setTextMatches(hits);
        const auto end = std::chrono::steady_clock::now();
        millis.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        previousQuery = query;
        previousHits = std::move(hits);
    }

    // The last query typed is complete: check the model shows what the index found.
    if (model.rowCount() != previousHits.count(true)) {
        fail(state, QStringLiteral("model shows %1 rows for '%2', index found %3")
                        .arg(model.rowCount())
                        .arg(previousQuery)
                        .arg(previousHits.count(true)));
        return;
    }
    // Every keystroke's hits must be the studies FTS5 finds: same semantics, two engines.
    StudyStore store(*fixture->library.database);
    for (const QString &query : keys) {
        const QBitArray bits = index.match(query);
        QVector<qint64> inMemory;
        for (qsizetype row = 0; row < bits.size(); ++row) {
            if (bits.testBit(row))
                inMemory.append(fixture->library.summaries.at(row).key);
        }
        std::optional<QVector<qint64>> inSql = store.search(query, &error);
        if (inSql)
            std::sort(inSql->begin(), inSql->end());
        if (!inSql || *inSql != inMemory) {
            fail(state, QStringLiteral("'%1': the in-memory index finds %2 studies, FTS5 %3 %4")
                            .arg(query)
                            .arg(inMemory.size())
                            .arg(inSql ? inSql->size() : -1)
                            .arg(error));
            return;
        }
    }

    if (settings().keystrokeReport) {
        // Mean time and hits per keystroke, to see which prefixes are slow.
        std::fprintf(stderr, "\n%lld studies: keystroke, mean ms, max ms, hits\n", static_cast<long long>(size));
        for (qsizetype k = 0; k < keys.size(); ++k) {
            std::vector<double> times;
            for (size_t i = size_t(k); i < millis.size(); i += size_t(keys.size()))
                times.push_back(millis.at(i));
            const Percentiles pk = percentiles(times);
            std::fprintf(stderr, "  %-22s %8.2f %8.2f %7lld\n", qPrintable(u'"' + keys.at(k) + u'"'), pk.mean, pk.max,
                         static_cast<long long>(index.match(keys.at(k)).count(true)));
        }
    }
    const Percentiles p = percentiles(std::move(millis));
    state.counters[std::string("mean_ms")] = p.mean;
    state.counters[std::string("p50_ms")] = p.p50;
    state.counters[std::string("p99_ms")] = p.p99;
    state.counters[std::string("max_ms")] = p.max;
    state.counters[std::string("keystrokes")] = double(state.iterations());
    model.setTextMatches(std::nullopt);
}

void fullTextSearchBenchmark(benchmark::State &state, qint64 size, const QString &query)
{
    QString error;
    LoadedFixture *fixture = loadedFixture(size, &error);
    if (!fixture) {
        fail(state, error);
        return;
    }
    StudyStore store(*fixture->library.database);
    // Both searches promise the same semantics: hold them to it on the synthetic data.
    const qsizetype inMemory = fixture->library.searchIndex.match(query).count(true);
    std::optional<QVector<qint64>> keys;
    for (auto _ : state) {
        keys = store.search(query, &error);
        if (!keys) {
            fail(state, error);
            return;
        }
    }
    if (keys->size() != inMemory) {
        fail(state, QStringLiteral("FTS5 finds %1 studies for '%2', the in-memory index %3")
                        .arg(keys->size())
                        .arg(query)
                        .arg(inMemory));
        return;
    }
    state.counters[std::string("hits")] = double(keys->size());
}

std::string slug(const QString &query)
{
    QString out = query;
    out.replace(u' ', u'_');
    return out.toStdString();
}

} // namespace

void registerSearchBenchmarks()
{
    const QVector<qint64> &sizes = settings().sizes;
    const qint64 keystrokeCount = keystrokes().size();
    for (const qint64 size : sizes) {
        benchmark::RegisterBenchmark(("BM_SearchAsYouType/" + std::to_string(size)).c_str(),
                                     [size](benchmark::State &state) { searchAsYouTypeBenchmark(state, size); })
            ->Unit(benchmark::kMillisecond)
            ->Iterations(keystrokeCount * settings().keystrokeCycles);
    }
    const qint64 largest = *std::max_element(sizes.begin(), sizes.end());
    for (const QString &query : queries()) {
        benchmark::RegisterBenchmark(("BM_FullTextSearch/" + std::to_string(largest) + '/' + slug(query)).c_str(),
                                     [largest, query](benchmark::State &state) {
                                         fullTextSearchBenchmark(state, largest, query);
                                     })
            ->Unit(benchmark::kMillisecond);
    }
}

} // namespace mgreview::bench
