// mgreview-generate: writes a synthetic library (tests/support/synthetic.h) to try the GUI,
// the CLI or the benchmarks on 10,000 or 100,000 studies.
//
//   mgreview-generate --count 100000 --output big.sqlite [--seed S] [--batch B] [--abstracts]
//   mgreview-generate --count 100000 --cache-dir DIR [--abstracts]   (benchmark cache; prints the path)

#include "support/synthetic.h"

#include "store/database.h"
#include "store/studystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>

using namespace mgreview;

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message)
{
    err() << "mgreview-generate: " << message << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mgreview-generate"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes a library of clearly synthetic studies (ids synthetic-NNNNNN, DOIs 10.5555/synthetic.N) "
        "for scale testing. The same seed always gives the same studies."));
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("Number of studies."),
                                         QStringLiteral("N"));
    const QCommandLineOption outputOption(QStringLiteral("output"),
                                          QStringLiteral("Library file to create (must not exist)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption cacheOption(QStringLiteral("cache-dir"),
                                         QStringLiteral("Create (if missing) the cached benchmark library in "
                                                        "DIR and print its path."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("PRNG seed."), QStringLiteral("S"),
                                        QString::number(testing::kSyntheticDefaultSeed));
    const QCommandLineOption batchOption(QStringLiteral("batch"),
                                         QStringLiteral("Studies per transaction (default 10000)."),
                                         QStringLiteral("B"), QStringLiteral("10000"));
    const QCommandLineOption abstractsOption(QStringLiteral("abstracts"),
                                             QStringLiteral("Give every study a structured abstract of about 200 "
                                                            "words, as imported records have."));
    parser.addOptions({countOption, outputOption, cacheOption, seedOption, batchOption, abstractsOption});
    parser.process(app);

    bool ok = false;
    const qint64 count = parser.value(countOption).toLongLong(&ok);
    if (!ok || count <= 0)
        return fail(QStringLiteral("--count needs a positive number"));
    const quint64 seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--seed needs a non-negative number"));
    const int batch = parser.value(batchOption).toInt(&ok);
    if (!ok || batch <= 0)
        return fail(QStringLiteral("--batch needs a positive number"));
    if (parser.isSet(outputOption) == parser.isSet(cacheOption))
        return fail(QStringLiteral("give exactly one of --output FILE and --cache-dir DIR"));

    testing::SyntheticWriteOptions options;
    options.profile.seed = seed;
    options.profile.text = parser.isSet(abstractsOption) ? testing::SyntheticText::WithAbstracts
                                                         : testing::SyntheticText::ConclusionsOnly;
    options.batchSize = batch;
    options.progress = [count](qint64 written) {
        err() << "\r" << written << " / " << count << " studies" << Qt::flush;
        return true;
    };
    QElapsedTimer timer;
    timer.start();
    QString error;
    QString path;
    if (parser.isSet(cacheOption)) {
        const QString cached = testing::syntheticLibraryPath(parser.value(cacheOption), count, options.profile);
        if (QFileInfo::exists(cached)) {
            QTextStream(stdout) << cached << Qt::endl;
            return 0;
        }
        path = testing::cachedSyntheticLibrary(parser.value(cacheOption), count, options, &error);
        if (path.isEmpty())
            return fail(error);
    } else {
        path = parser.value(outputOption);
        if (QFileInfo::exists(path))
            return fail(QStringLiteral("%1 already exists; choose a new file").arg(path));
        LibraryLocation location;
        location.sqlitePath = path;
        std::unique_ptr<Database> database = Database::open(location, &error);
        if (!database)
            return fail(error);
        if (!testing::writeSyntheticLibrary(*database, count, options, &error))
            return fail(error);
    }
    const double seconds = double(timer.elapsed()) / 1000.0;
    err() << "\r" << count << " studies in " << QString::number(seconds, 'f', 1) << " s ("
          << QString::number(double(count) / std::max(seconds, 0.001), 'f', 0) << " studies/s), "
          << QString::number(double(QFileInfo(path).size()) / 1e6, 'f', 1) << " MB" << Qt::endl;
    QTextStream(stdout) << path << Qt::endl;
    return 0;
}
