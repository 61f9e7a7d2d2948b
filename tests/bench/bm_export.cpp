// Export at scale (issue 8): every study of the synthetic library written as RIS, CSV,
// BibTeX and JSON through the same entry point as `mgreview-cli export` and File ▸ Export
// (exportStudiesToPath: selection, one record at a time, a QSaveFile renamed into place).
// The file goes to the bench data folder and is removed afterwards.
//
// Memory: only the database is opened (no table rows or search index, which an export does
// not need). rss_delta_MB is the resident growth during the export; peak_rss_MB is the
// process's high-water mark, a fair figure only when the benchmark runs alone in a fresh
// process (run-benchmarks.sh does that).

#include "benchsupport.h"

#include "importexport/studyexport.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <string>

namespace mgreview::bench {

namespace {

void exportBenchmark(benchmark::State &state, qint64 size, ExportFormat format)
{
    // The database alone, not the window's rows and search index: an export needs neither,
    // so the memory figures are the export's own.
    releaseFixture();
    QString error;
    LibraryLocation location;
    location.sqlitePath = libraryPath(size);
    const std::unique_ptr<Database> database = Database::open(location, &error);
    if (!database) {
        fail(state, error);
        return;
    }
    const QString path = QDir(dataFolder()).filePath(QStringLiteral("export-bench.") + fileSuffix(format));
    const double rssBefore = procStatusMb("VmRSS");
    qint64 exported = 0;
    qint64 bytes = 0;
    for (auto _ : state) {
        const ExportResult result = exportStudiesToPath(*database, format, {}, path);
        state.PauseTiming();
        if (!result.ok) {
            fail(state, result.error);
            return;
        }
        exported = result.exported;
        bytes = QFileInfo(path).size();
        state.ResumeTiming();
    }
    QFile::remove(path);
    if (exported != size)
        fail(state, QStringLiteral("exported %1 studies, expected %2").arg(exported).arg(size));
    state.counters["studies"] = double(exported);
    state.counters["file_MB"] = double(bytes) / 1048576.0;
    state.counters["rss_delta_MB"] = procStatusMb("VmRSS") - rssBefore;
    state.counters["peak_rss_MB"] = procStatusMb("VmHWM");
}

} // namespace

void registerExportBenchmarks()
{
    const QVector<qint64> &sizes = settings().sizes;
    const qint64 largest = *std::max_element(sizes.begin(), sizes.end());
    for (const ExportFormat format : {ExportFormat::Ris, ExportFormat::Csv, ExportFormat::Bibtex, ExportFormat::Json}) {
        const std::string name = "BM_Export/" + toString(format).toStdString() + "/" + std::to_string(largest);
        benchmark::RegisterBenchmark(name.c_str(), [largest, format](benchmark::State &state) {
            exportBenchmark(state, largest, format);
        })
            ->Unit(benchmark::kMillisecond)
            ->Iterations(2);
    }
}

} // namespace mgreview::bench
