// mgreview-bench: Google Benchmark targets for the product's scale bars (product.md §5).
// Own flags (before Google Benchmark's): --sizes=10000,100000 --open-iterations=N
// --keystroke-cycles=N --keystroke-report --abstracts --prepare-only. See docs/performance.md.

#include "benchsupport.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>
#include <vector>

using namespace mgreview::bench;

namespace {

bool parseOwnFlag(const char *arg, Settings *settings, bool *prepareOnly, bool *bad)
{
    const auto valueOf = [arg](const char *flag) -> const char * {
        const size_t length = std::strlen(flag);
        return std::strncmp(arg, flag, length) == 0 ? arg + length : nullptr;
    };
    if (const char *value = valueOf("--sizes=")) {
        settings->sizes.clear();
        for (const QByteArray &part : QByteArray(value).split(',')) {
            bool ok = false;
            const qint64 size = part.toLongLong(&ok);
            if (!ok || size <= 0)
                *bad = true;
            settings->sizes.append(size);
        }
        return true;
    }
    if (const char *value = valueOf("--open-iterations=")) {
        settings->openIterations = std::max(1, std::atoi(value));
        return true;
    }
    if (const char *value = valueOf("--keystroke-cycles=")) {
        settings->keystrokeCycles = std::max(1, std::atoi(value));
        return true;
    }
    if (std::strcmp(arg, "--abstracts") == 0) {
        settings->abstracts = true;
        return true;
    }
    if (std::strcmp(arg, "--keystroke-report") == 0) {
        settings->keystrokeReport = true;
        return true;
    }
    if (std::strcmp(arg, "--prepare-only") == 0) {
        *prepareOnly = true;
        return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);

    Settings settings;
    bool prepareOnly = false;
    bool bad = false;
    std::vector<char *> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        if (!parseOwnFlag(argv[i], &settings, &prepareOnly, &bad))
            rest.push_back(argv[i]);
    }
    if (bad || settings.sizes.isEmpty()) {
        std::fprintf(stderr, "mgreview-bench: --sizes needs positive numbers, e.g. --sizes=10000,100000\n");
        return 2;
    }
    setSettings(settings);
    int restCount = int(rest.size());
    benchmark::Initialize(&restCount, rest.data());
    if (benchmark::ReportUnrecognizedArguments(restCount, rest.data()))
        return 2;

    QString error;
    if (!prepareLibraries(settings.sizes, &error)) {
        std::fprintf(stderr, "mgreview-bench: %s\n", qPrintable(error));
        return 1;
    }
    if (prepareOnly)
        return 0;

    // Registration order is run order: opening first, for a fair peak memory figure.
    registerOpenBenchmarks();
    registerSearchBenchmarks();
    registerTableBenchmarks();
    registerClassifyBenchmarks();
    registerExportBenchmarks();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    releaseFixture();
    if (anyFailure()) {
        std::fprintf(stderr, "mgreview-bench: at least one benchmark failed (see above)\n");
        return 1;
    }
    return 0;
}
