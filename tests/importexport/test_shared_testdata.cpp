// Every RIS, BibTeX, MEDLINE, CSV and PubMed XML file listed in ../shared/testdata/MANIFEST.md
// is imported; the record count must match the MANIFEST, or the difference is named below.
#include "importtesthelpers.h"

#include "support/templibrary.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace mgreview::testing {
namespace {

struct ManifestEntry {
    QString path;
    ImportFormat format;
    int records = 0;
};

std::optional<ImportFormat> formatOf(const QString &column)
{
    if (column == u"RIS")
        return ImportFormat::Ris;
    if (column == u"BibTeX")
        return ImportFormat::Bibtex;
    if (column.startsWith(QStringLiteral("PubMed MEDLINE")))
        return ImportFormat::Medline;
    if (column.startsWith(QStringLiteral("CSV/TSV")))
        return ImportFormat::Csv;
    if (column == u"PubMed XML")
        return ImportFormat::PubmedXml;
    return std::nullopt;
}

QVector<ManifestEntry> manifestEntries(const QString &shared)
{
    QFile file(QDir(shared).filePath(QStringLiteral("testdata/MANIFEST.md")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QVector<ManifestEntry> entries;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : lines) {
        if (!line.startsWith(QStringLiteral("| `")))
            continue;
        const QStringList cells = line.split(u'|');
        if (cells.size() < 7)
            continue;
        const std::optional<ImportFormat> format = formatOf(cells.at(4).trimmed());
        bool ok = false;
        const int records = cells.at(5).trimmed().toInt(&ok);
        if (!format || !ok)
            continue;
        QString path = cells.at(1).trimmed();
        path = path.mid(1, path.size() - 2);
        entries.append({path, *format, records});
    }
    return entries;
}

/// Files whose count differs from the MANIFEST's mechanical count, with the reason.
const QHash<QString, QPair<int, QString>> &knownDifferences()
{
    static const QHash<QString, QPair<int, QString>> differences{
#include "shared_testdata_differences.inc"
    };
    return differences;
}

TEST(SharedTestdata, EveryBibliographicFileImportsWithTheManifestCount)
{
    const QString shared = sharedFolder();
    if (shared.isEmpty())
        GTEST_SKIP() << "../shared is absent: nothing to check";
    const QVector<ManifestEntry> entries = manifestEntries(shared);
    if (entries.isEmpty())
        GTEST_SKIP() << "../shared/testdata/MANIFEST.md is absent or lists no bibliographic files";
    int checked = 0;
    for (const ManifestEntry &e : entries) {
        const QString path = QDir(shared).filePath(QStringLiteral("testdata/") + e.path);
        if (!QFile::exists(path)) {
            ADD_FAILURE() << "listed but missing: " << u8(path);
            continue;
        }
        const ReadResult r = readImportFile(path, e.format); // must not crash, whatever it holds
        const auto known = knownDifferences().constFind(e.path);
        const int expected = known == knownDifferences().cend() ? e.records : known->first;
        EXPECT_EQ(r.records.size(), expected)
            << u8(e.path) << " (" << u8(toString(e.format)) << ", MANIFEST " << e.records << ")"
            << (known == knownDifferences().cend() ? std::string() : " — " + u8(known->second)) << "\n"
            << issuesText(r).substr(0, 600);
        ++checked;
    }
    EXPECT_GT(checked, 100);
}

} // namespace
} // namespace mgreview::testing
