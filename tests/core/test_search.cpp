// Search: the in-memory search-as-you-type index agrees with the FTS5 index of the store.
#include "corehelpers.h"

#include "library/libraryloader.h"
#include "library/searchtext.h"
#include "library/studysearchindex.h"
#include "store/studystore.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class SearchTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(GetParam());
        m_library.useBackend(GetParam());
        m_db = &m_library.open();
        QStringList errors;
        ASSERT_EQ(seedProjectStudies(*m_db, &errors), 20) << str(errors.join(u'\n'));
        QString error;
        ASSERT_TRUE(readLibrary(*m_db, &m_rows, &m_index, &error)) << str(error);
        ASSERT_EQ(m_rows.size(), 20);
        ASSERT_EQ(m_index.rowCount(), 20);
    }

    QVector<qint64> keysOf(const QBitArray &bits) const
    {
        QVector<qint64> keys;
        for (int row = 0; row < bits.size(); ++row) {
            if (bits.testBit(row))
                keys.append(m_rows.at(row).key);
        }
        std::sort(keys.begin(), keys.end());
        return keys;
    }
    QVector<qint64> memory(const QString &query) const { return keysOf(m_index.match(query)); }
    QVector<qint64> fts(const QString &query) const
    {
        QString error;
        std::optional<QVector<qint64>> keys = StudyStore(*m_db).search(query, &error);
        EXPECT_TRUE(error.isEmpty()) << str(query) << ": " << str(error);
        QVector<qint64> sorted = keys.value_or(QVector<qint64>());
        std::sort(sorted.begin(), sorted.end());
        return sorted;
    }
    QStringList idsOf(const QVector<qint64> &keys) const
    {
        QStringList ids;
        for (const StudySummary &row : m_rows) {
            if (keys.contains(row.key))
                ids.append(row.id);
        }
        ids.sort();
        return ids;
    }

    TempLibrary m_library;
    Database *m_db = nullptr;
    QVector<StudySummary> m_rows;
    StudySearchIndex m_index;
};

const QStringList kQueries = {
    QStringLiteral("magnesium"),
    QStringLiteral("magnes"),
    QStringLiteral("m"),
    QStringLiteral("MAGNESIUM"),
    QStringLiteral("Magnesium cramps"),
    QStringLiteral("cramps magnesium"),
    QStringLiteral("leg cramps pregnancy"),
    QStringLiteral("nocturnal leg cramps"),
    QStringLiteral("Araujo"),
    QStringLiteral("Araújo"),
    QStringLiteral("ARAÚJO"),
    QStringLiteral("araú"),
    QStringLiteral("Dugré"),
    QStringLiteral("dugre"),
    QStringLiteral("Valbø"),
    QStringLiteral("Bøhmer"),
    QStringLiteral("Garrison"),
    QStringLiteral("garrison sr"),
    QStringLiteral("Cochrane"),
    QStringLiteral("skeletal muscle"),
    QStringLiteral("CD009402.pub3"),
    QStringLiteral("10.1002/14651858.CD009402.pub3"),
    QStringLiteral("18768245"),
    QStringLiteral("360mg"),
    QStringLiteral("2020"),
    QStringLiteral("pregnancy-associated"),
    QStringLiteral("pregnancy‐associated"), // U+2010 hyphen, as Cochrane writes it
    QStringLiteral("associated"),
    QStringLiteral("double-blind"),
    QStringLiteral("placebo-controlled"),
    QStringLiteral("exercise associated"),
    QStringLiteral("(inconclusive)"),
    QStringLiteral("\"magnesium\""),
    QStringLiteral("mag*"),
    QStringLiteral("magnesium OR quinine"),
    QStringLiteral("NOT magnesium"),
    QStringLiteral("-cramps"),
    QStringLiteral("title:magnesium"),
    QStringLiteral("it's"),
    QStringLiteral("s"),
    QStringLiteral("a"),
    QStringLiteral("1"),
    QStringLiteral("efficacy"),
    QStringLiteral("oxide"),
    QStringLiteral("supplementation"),
    QStringLiteral("zzqqxxv"),
    QStringLiteral("magnesium zzqqxxv"),
};

} // namespace

TEST_P(SearchTest, MemoryIndexAgreesWithFullTextSearch)
{
    for (const QString &query : kQueries)
        EXPECT_EQ(idsOf(memory(query)), idsOf(fts(query))) << "query: " << str(query);
}

TEST_P(SearchTest, EveryWordOfTheCorpusAgrees)
{
    // Beyond a hand-picked list: every word (and its first three letters) of every
    // study's indexed text, so punctuation and accents of the real data are covered.
    QStringList words;
    QString error;
    ASSERT_TRUE(StudyStore(*m_db).forEachSearchText(
        [&](qint64, const SearchableText &text) {
            for (const QString &field : { text.title, text.authors, text.conclusions, text.other })
                words += field.split(QChar(u' '), Qt::SkipEmptyParts);
        },
        &error))
        << str(error);
    words.removeDuplicates();
    ASSERT_GT(words.size(), 300);
    int differing = 0;
    for (const QString &word : std::as_const(words)) {
        for (const QString &query : { word, word.left(3) }) {
            const QVector<qint64> inMemory = memory(query);
            const QVector<qint64> inSql = fts(query);
            if (inMemory != inSql && ++differing <= 20)
                ADD_FAILURE() << "query '" << str(query) << "': memory " << str(idsOf(inMemory).join(u','))
                              << " vs FTS " << str(idsOf(inSql).join(u','));
        }
    }
    EXPECT_EQ(differing, 0);
}

TEST_P(SearchTest, CaseDiacriticsAndPrefixes)
{
    const QVector<qint64> araujo = memory(QStringLiteral("Araujo"));
    EXPECT_EQ(idsOf(araujo), QStringList { QStringLiteral("araujo2020_plosone") });
    EXPECT_EQ(memory(QStringLiteral("Araújo")), araujo);
    EXPECT_EQ(memory(QStringLiteral("ARAÚJO")), araujo);
    EXPECT_EQ(memory(QStringLiteral("Dugre")), memory(QStringLiteral("Dugré")));
    EXPECT_FALSE(memory(QStringLiteral("Dugre")).isEmpty());

    const QVector<qint64> magnesium = memory(QStringLiteral("magnesium"));
    EXPECT_GE(magnesium.size(), 15);
    EXPECT_EQ(memory(QStringLiteral("MAGNESIUM")), magnesium);
    // A prefix finds at least what the whole word finds.
    const QVector<qint64> magnes = memory(QStringLiteral("magnes"));
    EXPECT_TRUE(std::includes(magnes.begin(), magnes.end(), magnesium.begin(), magnesium.end()));
    // A term must start a word: "agnesium" is inside words only.
    EXPECT_TRUE(memory(QStringLiteral("agnesium")).isEmpty());
    EXPECT_TRUE(fts(QStringLiteral("agnesium")).isEmpty());

    EXPECT_TRUE(memory(QStringLiteral("zzqqxxv")).isEmpty());
    EXPECT_EQ(idsOf(memory(QStringLiteral("CD009402.pub3"))), QStringList { QStringLiteral("garrison2020_cochrane") });
}

TEST_P(SearchTest, MultipleTermsMustAllMatch)
{
    const QVector<qint64> both = memory(QStringLiteral("pregnancy magnesium"));
    const QVector<qint64> pregnancy = memory(QStringLiteral("pregnancy"));
    const QVector<qint64> magnesium = memory(QStringLiteral("magnesium"));
    QVector<qint64> intersection;
    std::set_intersection(
        pregnancy.begin(), pregnancy.end(), magnesium.begin(), magnesium.end(), std::back_inserter(intersection));
    EXPECT_EQ(both, intersection);
    EXPECT_FALSE(both.isEmpty());
    // FTS syntax in the query is text, not operators.
    EXPECT_TRUE(memory(QStringLiteral("magnesium OR zzqqxxv")).isEmpty());
    EXPECT_TRUE(fts(QStringLiteral("magnesium OR zzqqxxv")).isEmpty());
}

TEST_P(SearchTest, EmptyQueryMatchesAll)
{
    for (const QString &query : { QString(), QStringLiteral("   "), QStringLiteral("-- ()\"*") }) {
        const QBitArray bits = m_index.match(query);
        EXPECT_EQ(bits.size(), 20);
        EXPECT_EQ(bits.count(true), 20) << str(query);
        QString error;
        EXPECT_FALSE(StudyStore(*m_db).search(query, &error).has_value()) << str(query);
        EXPECT_TRUE(error.isEmpty()) << str(error);
    }
}

TEST_P(SearchTest, RestrictToGivesTheSameAsAFreshMatch)
{
    const QStringList typing = { QStringLiteral("m"), QStringLiteral("ma"), QStringLiteral("mag"),
        QStringLiteral("magn"), QStringLiteral("magnesium"), QStringLiteral("magnesium "),
        QStringLiteral("magnesium c"), QStringLiteral("magnesium cr"), QStringLiteral("magnesium cramps"),
        QStringLiteral("magnesium cramps p"), QStringLiteral("magnesium cramps pregnan") };
    QBitArray previous = m_index.match(QString());
    for (const QString &query : typing) {
        const QBitArray refined = m_index.match(query, &previous);
        const QBitArray fresh = m_index.match(query);
        EXPECT_EQ(refined, fresh) << str(query);
        previous = refined;
    }
    EXPECT_GT(previous.count(true), 0);
    // An empty restriction finds nothing, whatever the query.
    const QBitArray none(20);
    EXPECT_EQ(m_index.match(QStringLiteral("magnesium"), &none).count(true), 0);
}

TEST_P(SearchTest, CancelledMatchIsEmpty)
{
    std::atomic_bool cancel { true };
    EXPECT_EQ(m_index.match(QStringLiteral("magnesium"), nullptr, &cancel).count(true), 0);
}

TEST(SearchText, TermsAreFoldedWords)
{
    EXPECT_EQ(searchTerms(QStringLiteral("Araújo, CD009402.pub3 -- ARAUJO")),
        QStringList({ QStringLiteral("araujo"), QStringLiteral("cd009402"), QStringLiteral("pub3") }));
    EXPECT_EQ(searchTerms(QStringLiteral("pregnancy‐associated")),
        QStringList({ QStringLiteral("pregnancy"), QStringLiteral("associated") }));
    EXPECT_TRUE(searchTerms(QStringLiteral(" ,.;-\"* ")).isEmpty());
    EXPECT_EQ(foldForSearch(QStringLiteral("Dugré ARAÚJO")), QStringLiteral("dugre araujo"));
}

namespace {

// The reference semantics, written the slow and obvious way.
QBitArray referenceMatch(const QVector<QString> &texts, const QString &query)
{
    const QStringList terms = searchTerms(query);
    QBitArray out(int(texts.size()));
    for (int row = 0; row < texts.size(); ++row) {
        const QStringList words = searchTerms(texts.at(row));
        bool all = true;
        for (const QString &term : terms) {
            all = std::any_of(words.begin(), words.end(), [&](const QString &w) { return w.startsWith(term); });
            if (!all)
                break;
        }
        out.setBit(row, all);
    }
    return out;
}

} // namespace

TEST(SearchIndex, LargeIndexAgreesWithTheReference)
{
    // Enough rows for the parallel chunked scan, with accents and non-ASCII punctuation.
    const QStringList vocabulary = {
        QStringLiteral("magnesium"),
        QStringLiteral("Magnesiumcitrat"),
        QStringLiteral("cramp"),
        QStringLiteral("cramps"),
        QStringLiteral("Araújo"),
        QStringLiteral("pregnancy‐associated"),
        QStringLiteral("—placebo"),
        QStringLiteral("women’s"),
        QStringLiteral("«trial»"),
        QStringLiteral("Bøhmer"),
        QStringLiteral("CD009402.pub3"),
        QStringLiteral("Ωmega"),
        QStringLiteral("x²"),
        QStringLiteral("nocturnal"),
        QStringLiteral("leg"),
        QStringLiteral("élan"),
        QStringLiteral("2020"),
        QStringLiteral("n=46"),
    };
    QRandomGenerator random(20240601);
    QVector<QString> texts;
    StudySearchIndex index;
    for (int row = 0; row < 10'000; ++row) {
        SearchableText text;
        QStringList parts[3];
        for (QStringList &part : parts) {
            const int n = int(random.bounded(1, 6));
            for (int i = 0; i < n; ++i)
                part.append(vocabulary.at(int(random.bounded(vocabulary.size()))));
        }
        text.title = parts[0].join(u' ');
        text.authors = parts[1].join(QStringLiteral("; "));
        text.conclusions = parts[2].join(u' ');
        index.append(text);
        texts.append(text.title + u' ' + text.authors + u' ' + text.conclusions);
    }
    ASSERT_EQ(index.rowCount(), 10'000);
    const QStringList queries
        = { QStringLiteral("magnesium"), QStringLiteral("magnes"), QStringLiteral("cramp"), QStringLiteral("araujo"),
              QStringLiteral("associated"), QStringLiteral("placebo"), QStringLiteral("s"), QStringLiteral("trial"),
              QStringLiteral("bohmer"), QStringLiteral("bøhmer"), QStringLiteral("pub3"), QStringLiteral("mega"),
              QStringLiteral("ωmega"), QStringLiteral("x2"), QStringLiteral("elan"), QStringLiteral("46"),
              QStringLiteral("leg nocturnal cramps"), QStringLiteral("magnesium araujo 2020"), QStringLiteral("zzz") };
    for (const QString &query : queries) {
        const QBitArray expected = referenceMatch(texts, query);
        const QBitArray actual = index.match(query);
        EXPECT_EQ(actual, expected) << str(query) << ": " << actual.count(true) << " vs " << expected.count(true);
        // Refining from a broader query gives the same.
        const QBitArray broader = index.match(query.left(1));
        EXPECT_EQ(index.match(query, &broader), expected) << str(query);
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchTest, kAllBackends, backendName);
