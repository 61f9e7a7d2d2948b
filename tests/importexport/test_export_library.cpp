// Exports of the seeded corpus through the core entry points: each format's content, the
// funding filter, search and ids, the studies/ round trip, and that a failed or cancelled
// export leaves no file behind.
#include "clifixture.h"
#include "corehelpers.h"
#include "csvreader.h"

#include "importexport/csvexport.h"
#include "importexport/studyexport.h"
#include "io/studyfile.h"
#include "model/vocabulary.h"
#include "store/studystore.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

const QString kCochraneDoi = QStringLiteral("10.1002/14651858.CD009402.pub3");

class ExportLibraryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStringList errors;
        m_count = seedProjectStudies(m_library.open(), &errors);
        ASSERT_GT(m_count, 0) << str(errors.join(u'\n'));
    }
    const Database &db() { return *m_library.database(); }

    QByteArray exportBytes(ExportFormat format, const ExportOptions &options = {})
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const ExportResult result = exportStudies(db(), format, options, buffer);
        EXPECT_TRUE(result.ok) << str(result.error);
        return buffer.data();
    }
    QVector<QStringList> exportCsv(const ExportOptions &options = {})
    {
        QString error;
        const std::optional<QVector<QStringList>> rows = readCsv(QString::fromUtf8(exportBytes(ExportFormat::Csv, options)), &error);
        EXPECT_TRUE(rows) << str(error);
        return rows.value_or(QVector<QStringList>());
    }
    static QString column(const QStringList &row, const char *name)
    {
        return row.value(exportCsvColumns().indexOf(QLatin1StringView(name)));
    }
    /// Ids of the stored rows whose effective independence is `value`.
    QSet<QString> idsWithIndependence(const QString &value)
    {
        QString error;
        QSet<QString> ids;
        const std::optional<QVector<StudySummary>> rows = StudyStore(db()).summaries(&error);
        EXPECT_TRUE(rows) << str(error);
        for (const StudySummary &row : rows.value_or(QVector<StudySummary>()))
            if (row.independence == value)
                ids.insert(row.id);
        return ids;
    }

    TempLibrary m_library;
    QTemporaryDir m_scratch;
    int m_count = 0;
};

TEST_F(ExportLibraryTest, RisHoldsEveryStudyAndTheCochraneDoiExactlyOnce)
{
    const QByteArray ris = exportBytes(ExportFormat::Ris);
    EXPECT_EQ(ris.count("ER  - \r\n"), m_count);
    EXPECT_EQ(ris.count("TY  - "), m_count);
    EXPECT_EQ(ris.count(QByteArray("DO  - " + kCochraneDoi.toUtf8() + "\r\n")), 1);
    EXPECT_EQ(ris.count(kCochraneDoi.toUtf8()), 1);
    EXPECT_EQ(ris.count('\n'), ris.count("\r\n"));
    // The verbatim conclusion, exactly.
    EXPECT_TRUE(QString::fromUtf8(ris).contains(kGarrisonConclusion));
}

TEST_F(ExportLibraryTest, BibtexHasOneEntryPerStudyWithUniqueKeys)
{
    const QString bib = QString::fromUtf8(exportBytes(ExportFormat::Bibtex));
    EXPECT_TRUE(bib.startsWith(QStringLiteral("% Encoding: UTF-8\n")));
    EXPECT_EQ(bib.count(QStringLiteral("  doi = {") + kCochraneDoi + u'}'), 1);
    EXPECT_TRUE(bib.contains(QStringLiteral("@article{garrison2020_cochrane,\n")));
    EXPECT_TRUE(bib.contains(QStringLiteral("Dugr{\\'e}, N.")));
    QSet<QString> keys;
    qsizetype at = 0;
    while ((at = bib.indexOf(QRegularExpression(QStringLiteral("^@(article|misc)\\{"), QRegularExpression::MultilineOption), at)) >= 0) {
        const qsizetype open = bib.indexOf(u'{', at);
        const QString key = bib.mid(open + 1, bib.indexOf(u',', open) - open - 1);
        EXPECT_FALSE(keys.contains(key)) << str(key);
        keys.insert(key);
        at = open;
    }
    EXPECT_EQ(keys.size(), m_count);
}

TEST_F(ExportLibraryTest, CsvParsesBackWithExactQuotes)
{
    const QVector<QStringList> rows = exportCsv();
    ASSERT_EQ(rows.size(), m_count + 1);
    EXPECT_EQ(rows.first(), exportCsvColumns());
    QString error;
    const std::optional<Study> garrison = projectStudy(QStringLiteral("garrison2020_cochrane"), &error);
    ASSERT_TRUE(garrison) << str(error);
    bool found = false;
    for (const QStringList &row : rows) {
        ASSERT_EQ(row.size(), exportCsvColumns().size());
        if (column(row, "id") != garrison->id)
            continue;
        found = true;
        EXPECT_EQ(column(row, "doi"), kCochraneDoi);
        EXPECT_EQ(column(row, "year"), QStringLiteral("2020"));
        EXPECT_EQ(column(row, "title"), QStringLiteral("Magnesium for skeletal muscle cramps"));
        EXPECT_EQ(column(row, "authors"), garrison->citation.authors.join(QStringLiteral("; ")));
        EXPECT_EQ(column(row, "design"), QStringLiteral("cochrane_review"));
        QStringList quotes;
        for (const Conclusion &c : garrison->conclusions)
            quotes.append(c.text);
        EXPECT_EQ(column(row, "conclusions"), quotes.join(u'\n'));
        EXPECT_TRUE(column(row, "conclusions").contains(kGarrisonConclusion));
    }
    EXPECT_TRUE(found);
}

TEST_F(ExportLibraryTest, IndependentOnlyExportsOnlyIndependentStudies)
{
    ExportOptions options;
    options.filter = IndependenceFilter::Independent;
    const QVector<QStringList> rows = exportCsv(options);
    ASSERT_FALSE(rows.isEmpty());
    QSet<QString> ids;
    for (const QStringList &row : rows.mid(1)) {
        EXPECT_EQ(column(row, "independence"), QStringLiteral("independent")) << str(column(row, "id"));
        ids.insert(column(row, "id"));
    }
    EXPECT_EQ(ids, idsWithIndependence(QStringLiteral("independent")));
    EXPECT_FALSE(ids.isEmpty());
    // The seeded industry-linked trials are excluded (issue 4).
    for (const char *id : {"dahle1995_rct", "nygaard2008_rct", "barna2021_rct"})
        EXPECT_FALSE(ids.contains(QLatin1StringView(id))) << id;

    // The same filter in RIS: only the independent studies' records.
    const QByteArray ris = exportBytes(ExportFormat::Ris, options);
    EXPECT_EQ(ris.count("ER  - "), ids.size());
    EXPECT_FALSE(ris.contains("ID  - dahle1995_rct"));
}

TEST_F(ExportLibraryTest, IndustryLinkedAndUnclearSplitTheRest)
{
    ExportOptions linked;
    linked.filter = IndependenceFilter::IndustryLinked;
    ExportOptions unclear;
    unclear.filter = IndependenceFilter::Unclear;
    ExportOptions independent;
    independent.filter = IndependenceFilter::Independent;
    const qsizetype total = exportCsv(linked).size() - 1 + exportCsv(unclear).size() - 1 + exportCsv(independent).size() - 1;
    EXPECT_EQ(total, m_count);
    QSet<QString> linkedIds;
    for (const QStringList &row : exportCsv(linked).mid(1))
        linkedIds.insert(column(row, "id"));
    EXPECT_TRUE(linkedIds.contains(QStringLiteral("dahle1995_rct")));
    EXPECT_TRUE(linkedIds.contains(QStringLiteral("barna2021_rct")));
}

TEST_F(ExportLibraryTest, SearchAndIdsNarrowTheExport)
{
    ExportOptions options;
    options.search = QStringLiteral("CD009402.pub3");
    QVector<QStringList> rows = exportCsv(options);
    ASSERT_EQ(rows.size(), 2) << "only the 2020 Cochrane review has this DOI";
    EXPECT_EQ(column(rows.at(1), "id"), QStringLiteral("garrison2020_cochrane"));

    options = {};
    options.ids = {QStringLiteral("miller2010_sportshealth"), QStringLiteral("garrison2020_cochrane")};
    rows = exportCsv(options);
    ASSERT_EQ(rows.size(), 3);
    // Library order, not the order of the list.
    QStringList ids{column(rows.at(1), "id"), column(rows.at(2), "id")};
    EXPECT_EQ(QSet<QString>(ids.cbegin(), ids.cend()), QSet<QString>(options.ids.cbegin(), options.ids.cend()));

    // Filter and ids together: a study must pass both.
    options.filter = IndependenceFilter::IndustryLinked;
    EXPECT_EQ(exportCsv(options).size(), 1);
}

TEST_F(ExportLibraryTest, UnknownIdsAndEmptySearchesAreErrors)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ExportOptions options;
    options.ids = {QStringLiteral("nope")};
    ExportResult result = exportStudies(db(), ExportFormat::Csv, options, buffer);
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.error, QStringLiteral("no study with id 'nope'"));
    options = {};
    options.search = QStringLiteral("--- ,");
    result = exportStudies(db(), ExportFormat::Csv, options, buffer);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.error.contains(QStringLiteral("no word"))) << str(result.error);
}

TEST_F(ExportLibraryTest, JsonIsAnArrayOfTheEffectiveStudies)
{
    const QByteArray bytes = exportBytes(ExportFormat::Json);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    ASSERT_EQ(parseError.error, QJsonParseError::NoError) << str(parseError.errorString());
    ASSERT_TRUE(document.isArray());
    EXPECT_EQ(document.array().size(), m_count);
    // Written as Qt writes the whole array at once.
    EXPECT_EQ(bytes, document.toJson(QJsonDocument::Indented));
    for (const QJsonValue &value : document.array()) {
        const QJsonObject o = value.toObject();
        EXPECT_FALSE(o[u"independence"].toObject()[u"value"].toString().isEmpty()) << str(o[u"id"].toString());
        EXPECT_TRUE(o.contains(u"classified_by"));
        if (o[u"id"].toString() == u"garrison2020_cochrane") {
            EXPECT_EQ(o[u"doi"].toString(), kCochraneDoi);
        }
    }
}

TEST_F(ExportLibraryTest, StudiesFolderRoundTripGivesEqualRecords)
{
    const QString folder = m_scratch.filePath(QStringLiteral("exported/studies"));
    const ExportResult result = exportStudiesToPath(db(), ExportFormat::Studies, {}, folder);
    ASSERT_TRUE(result.ok) << str(result.error);
    EXPECT_EQ(result.exported, m_count);
    QStringList errors;
    const QVector<LoadedStudy> reread = readStudyFolder(folder, Vocabularies::builtin(), &errors);
    EXPECT_TRUE(errors.isEmpty()) << str(errors.join(u'\n'));
    const QVector<Study> originals = projectStudies(&errors);
    ASSERT_EQ(reread.size(), originals.size());
    for (qsizetype i = 0; i < originals.size(); ++i)
        EXPECT_TRUE(sameStudy(originals.at(i), reread.at(i).study));
    // No staging folder is left beside it.
    EXPECT_EQ(QDir(m_scratch.filePath(QStringLiteral("exported"))).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
              QStringList{QStringLiteral("studies")});
}

TEST_F(ExportLibraryTest, StudiesFolderMustBeNewOrEmpty)
{
    const QString folder = m_scratch.filePath(QStringLiteral("full"));
    ASSERT_TRUE(QDir().mkpath(folder));
    ASSERT_TRUE(writeFileBytes(QDir(folder).filePath(QStringLiteral("mine.toml")), "id = \"mine\"\n"));
    const ExportResult result = exportStudiesToPath(db(), ExportFormat::Studies, {}, folder);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.error.startsWith(folder)) << str(result.error);
    EXPECT_EQ(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("mine.toml")});

    const QString empty = m_scratch.filePath(QStringLiteral("empty"));
    ASSERT_TRUE(QDir().mkpath(empty));
    ExportOptions options;
    options.filter = IndependenceFilter::Independent;
    const ExportResult ok = exportStudiesToPath(db(), ExportFormat::Studies, options, empty);
    ASSERT_TRUE(ok.ok) << str(ok.error);
    EXPECT_EQ(QDir(empty).entryList(QDir::Files).size(), ok.exported);
}

TEST_F(ExportLibraryTest, FailedExportLeavesNoFileAndKeepsAnOldOne)
{
    const QString missing = m_scratch.filePath(QStringLiteral("no/such/folder/out.ris"));
    ExportResult result = exportStudiesToPath(db(), ExportFormat::Ris, {}, missing);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.error.startsWith(missing)) << str(result.error);
    EXPECT_FALSE(QFileInfo::exists(missing));

    // An export that fails part-way keeps the file that was there.
    const QString existing = m_scratch.filePath(QStringLiteral("old.csv"));
    ASSERT_TRUE(writeFileBytes(existing, "old content\n"));
    ExportOptions options;
    options.ids = {QStringLiteral("garrison2020_cochrane"), QStringLiteral("nope")};
    result = exportStudiesToPath(db(), ExportFormat::Csv, options, existing);
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(readFileBytes(existing), QByteArray("old content\n"));
    EXPECT_EQ(QDir(m_scratch.path()).entryList(QDir::Files), QStringList{QStringLiteral("old.csv")});
}

TEST_F(ExportLibraryTest, CancelLeavesNoFileOrFolder)
{
    const auto cancelAfterThree = [](qint64 done, qint64 total) {
        EXPECT_LE(done, total);
        return done < 3;
    };
    const QString file = m_scratch.filePath(QStringLiteral("cancelled.bib"));
    ExportResult result = exportStudiesToPath(db(), ExportFormat::Bibtex, {}, file, cancelAfterThree);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.cancelled);
    EXPECT_FALSE(QFileInfo::exists(file));

    const QString folder = m_scratch.filePath(QStringLiteral("cancelled"));
    result = exportStudiesToPath(db(), ExportFormat::Studies, {}, folder, cancelAfterThree);
    EXPECT_TRUE(result.cancelled);
    EXPECT_TRUE(QDir(m_scratch.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
}

TEST_F(ExportLibraryTest, ProgressCountsEveryStudy)
{
    QVector<qint64> seen;
    qint64 reportedTotal = -1;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const ExportResult result = exportStudies(db(), ExportFormat::Ris, {}, buffer, [&](qint64 done, qint64 total) {
        seen.append(done);
        reportedTotal = total;
        return true;
    });
    ASSERT_TRUE(result.ok);
    EXPECT_EQ(reportedTotal, m_count);
    EXPECT_EQ(seen.size(), m_count + 1);
    EXPECT_EQ(seen.last(), m_count);
    EXPECT_EQ(result.exported, m_count);
}

} // namespace
