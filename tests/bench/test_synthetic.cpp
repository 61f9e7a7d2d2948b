// The synthetic generator: deterministic, clearly synthetic, valid against the vocabularies,
// and stored without loss — other suites and the benchmarks rely on all four.
#include "support/synthetic.h"
#include "support/templibrary.h"

#include "model/vocabulary.h"
#include "store/studystore.h"

#include <gtest/gtest.h>

#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

using namespace mgreview;
using namespace mgreview::testing;

namespace {
std::string str(const QString &text)
{
    return text.toStdString();
}
} // namespace

TEST(Synthetic, SameSeedSameStudies)
{
    for (const qint64 index : {0, 1, 17, 99'999}) {
        EXPECT_EQ(syntheticStudy(index), syntheticStudy(index)) << index;
        EXPECT_FALSE(syntheticStudy(index, {1}) == syntheticStudy(index, {2})) << index;
    }
    // A study does not depend on which batch produced it.
    const QVector<Study> batch = syntheticStudies(40, 10);
    for (int i = 0; i < batch.size(); ++i)
        EXPECT_EQ(batch.at(i), syntheticStudy(40 + i));
}

TEST(Synthetic, ClearlySyntheticAndValid)
{
    const Vocabularies &vocabularies = Vocabularies::builtin();
    QSet<QString> ids, titles, directions;
    for (const Study &s : syntheticStudies(0, 2'000)) {
        ids.insert(s.id);
        titles.insert(s.citation.title);
        directions.insert(s.direction);
        EXPECT_TRUE(s.id.startsWith(u"synthetic-")) << str(s.id);
        EXPECT_TRUE(s.ids.doi.startsWith(u"10.5555/synthetic.")) << str(s.ids.doi);
        EXPECT_TRUE(s.ids.pmid.isEmpty());
        EXPECT_FALSE(s.isVerified(Field::Pmid)) << "an absent PMID is marked, not invented";
        EXPECT_FALSE(s.citation.authors.isEmpty());
        EXPECT_GT(s.citation.year, 1900);
        ASSERT_FALSE(s.conclusions.isEmpty());
        for (const Conclusion &c : s.conclusions) {
            const qsizetype words = c.text.split(u' ', Qt::SkipEmptyParts).size();
            EXPECT_GE(words, 20) << str(c.text);
            EXPECT_LE(words, 70) << str(c.text);
            EXPECT_TRUE(vocabularies.conclusionSource.contains(c.source)) << str(c.source);
        }
        EXPECT_TRUE(vocabularies.design.contains(s.design)) << str(s.design);
        EXPECT_TRUE(vocabularies.direction.contains(s.direction)) << str(s.direction);
        for (const QString &p : s.populations)
            EXPECT_TRUE(vocabularies.population.contains(p)) << str(p);
        for (const QString &c : s.crampTypes)
            EXPECT_TRUE(vocabularies.crampType.contains(c)) << str(c);
        if (!s.independence.value.isEmpty()) {
            EXPECT_TRUE(vocabularies.independence.contains(s.independence.value)) << str(s.independence.value);
        }
        if (!s.independence.link.isEmpty()) {
            EXPECT_TRUE(vocabularies.industryLink.contains(s.independence.link)) << str(s.independence.link);
        }
    }
    EXPECT_EQ(ids.size(), 2'000);
    EXPECT_GT(titles.size(), 1'000) << "titles should vary";
    EXPECT_EQ(directions.size(), vocabularies.direction.terms().size()) << "every direction occurs";
}

TEST(Synthetic, AbstractsAddTextOnly)
{
    const SyntheticProfile withAbstracts{kSyntheticDefaultSeed, SyntheticText::WithAbstracts};
    for (const qint64 index : {0, 5, 12'345}) {
        Study plain = syntheticStudy(index);
        const Study rich = syntheticStudy(index, withAbstracts);
        EXPECT_TRUE(plain.abstract.isEmpty());
        const qsizetype words = rich.abstract.split(u' ', Qt::SkipEmptyParts).size();
        EXPECT_GE(words, 120) << str(rich.abstract);
        EXPECT_LE(words, 320) << str(rich.abstract);
        // The abstract ends with the study's own first conclusion, verbatim.
        EXPECT_TRUE(rich.abstract.endsWith(rich.conclusions.constFirst().text)) << str(rich.abstract);
        plain.abstract = rich.abstract;
        EXPECT_EQ(plain, rich) << "everything but the abstract is the same study";
    }
}

TEST(Synthetic, StoredWithoutLoss)
{
    TempLibrary library;
    Database &database = library.open();
    SyntheticWriteOptions options;
    options.batchSize = 64; // Several transactions.
    qint64 reported = 0;
    options.progress = [&](qint64 written) {
        reported = written;
        return true;
    };
    QString error;
    ASSERT_TRUE(writeSyntheticLibrary(database, 300, options, &error)) << str(error);
    EXPECT_EQ(reported, 300);
    StudyStore store(database);
    EXPECT_EQ(store.count(&error), 300);
    for (const qint64 index : {0, 63, 64, 299}) {
        const Study expected = syntheticStudy(index);
        const std::optional<Study> loaded = store.load(expected.id, &error);
        ASSERT_TRUE(loaded) << str(expected.id) << ": " << str(error);
        EXPECT_EQ(*loaded, expected) << str(expected.id);
    }
}

TEST(Synthetic, CacheIsReusedAndKeyed)
{
    QTemporaryDir folder;
    ASSERT_TRUE(folder.isValid());
    QString error;
    const QString path = cachedSyntheticLibrary(folder.path(), 50, {}, &error);
    ASSERT_FALSE(path.isEmpty()) << str(error);
    EXPECT_EQ(path, syntheticLibraryPath(folder.path(), 50));
    EXPECT_TRUE(path.contains(QStringLiteral("-g%1-").arg(kSyntheticGeneratorVersion))) << str(path);
    const QDateTime written = QFileInfo(path).lastModified();
    // A second call finds the file and does not write it again.
    bool generated = false;
    SyntheticWriteOptions watched;
    watched.progress = [&](qint64) {
        generated = true;
        return true;
    };
    EXPECT_EQ(cachedSyntheticLibrary(folder.path(), 50, watched, &error), path);
    EXPECT_FALSE(generated);
    EXPECT_EQ(QFileInfo(path).lastModified(), written);
    // No partial files are left behind.
    EXPECT_EQ(QDir(folder.path()).entryList(QDir::Files).size(), 1) << str(QDir(folder.path()).entryList().join(u' '));
    EXPECT_NE(syntheticLibraryPath(folder.path(), 50, {7}), path) << "the seed is part of the key";
    EXPECT_NE(syntheticLibraryPath(folder.path(), 50, {kSyntheticDefaultSeed, SyntheticText::WithAbstracts}), path);
}
