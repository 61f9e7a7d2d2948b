#include "benchsupport.h"

#include "support/synthetic.h"

#include "model/vocabulary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mgreview::bench {

namespace {
Settings g_settings;
bool g_failed = false;
std::unique_ptr<LoadedFixture> g_fixture;
} // namespace

const Settings &settings()
{
    return g_settings;
}

void setSettings(const Settings &settings)
{
    g_settings = settings;
}

QString dataFolder()
{
    const QString fromEnvironment = qEnvironmentVariable("MGREVIEW_BENCH_DATA");
    return fromEnvironment.isEmpty() ? QStringLiteral(MGREVIEW_BENCH_DATA_DIR) : fromEnvironment;
}

QString libraryPath(qint64 size)
{
    testing::SyntheticProfile profile;
    if (g_settings.abstracts)
        profile.text = testing::SyntheticText::WithAbstracts;
    return testing::syntheticLibraryPath(dataFolder(), size, profile);
}

bool prepareLibraries(const QVector<qint64> &sizes, QString *error)
{
    const QString generator = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("mgreview-generate"));
    for (const qint64 size : sizes) {
        if (QFileInfo::exists(libraryPath(size)))
            continue;
        std::fprintf(stderr, "generating the synthetic library of %lld studies (cached for later runs)...\n",
                     static_cast<long long>(size));
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList arguments{QStringLiteral("--count"), QString::number(size), QStringLiteral("--cache-dir"),
                              dataFolder()};
        if (g_settings.abstracts)
            arguments.append(QStringLiteral("--abstracts"));
        process.start(generator, arguments);
        if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            *error = QStringLiteral("%1 failed (%2)").arg(generator, process.errorString());
            return false;
        }
        if (!QFileInfo::exists(libraryPath(size))) {
            *error = QStringLiteral("%1 did not create %2").arg(generator, libraryPath(size));
            return false;
        }
    }
    return true;
}

qint64 procStatusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double procStatusMb(const char *field)
{
    const qint64 kb = procStatusKb(field);
    return kb < 0 ? -1.0 : double(kb) / 1024.0;
}

LoadedFixture *loadedFixture(qint64 size, QString *error)
{
    if (g_fixture && g_fixture->size == size)
        return g_fixture.get();
    releaseFixture();
    LibraryLocation location;
    location.sqlitePath = libraryPath(size);
    OpenOptions options;
    options.seed = false;
    auto fixture = std::make_unique<LoadedFixture>();
    fixture->size = size;
    fixture->library = openLibrary(location, options);
    if (!fixture->library.error.isEmpty()) {
        *error = fixture->library.error;
        return nullptr;
    }
    if (fixture->library.summaries.size() != size) {
        *error = QStringLiteral("%1 holds %2 studies, expected %3")
                     .arg(location.sqlitePath)
                     .arg(fixture->library.summaries.size())
                     .arg(size);
        return nullptr;
    }
    fixture->model = std::make_unique<StudyTableModel>(Vocabularies::builtin());
    fixture->model->setStudies(fixture->library.summaries);
    g_fixture = std::move(fixture);
    return g_fixture.get();
}

void releaseFixture()
{
    g_fixture.reset();
}

void fail(benchmark::State &state, const QString &message)
{
    g_failed = true;
    state.SkipWithError(message.toStdString().c_str());
}

bool anyFailure()
{
    return g_failed;
}

Percentiles percentiles(std::vector<double> millis)
{
    Percentiles p;
    if (millis.empty())
        return p;
    std::sort(millis.begin(), millis.end());
    // Nearest-rank percentiles: the value below which the given share of samples fall.
    const auto rank = [&](double share) {
        const size_t index = size_t(std::ceil(share * double(millis.size())));
        return millis.at(std::clamp<size_t>(index, 1, millis.size()) - 1);
    };
    p.mean = std::accumulate(millis.begin(), millis.end(), 0.0) / double(millis.size());
    p.p50 = rank(0.50);
    p.p99 = rank(0.99);
    p.max = millis.back();
    return p;
}

} // namespace mgreview::bench
