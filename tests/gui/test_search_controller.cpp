// Search-as-you-type: debounced, off the GUI thread, stale results dropped.
#include "searchcontroller.h"

#include "model/vocabulary.h"
#include "models/studytablemodel.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::gui;

namespace {

struct Fixture {
    StudyTableModel model { Vocabularies::builtin() };
    SearchController controller { &model };

    Fixture()
    {
        const QStringList titles = { QStringLiteral("Magnesium for night cramps"),
            QStringLiteral("Magnesium in pregnancy"), QStringLiteral("Quinine for cramps") };
        QVector<StudySummary> rows;
        auto index = std::make_shared<StudySearchIndex>();
        for (int i = 0; i < titles.size(); ++i) {
            StudySummary row;
            row.key = i + 1;
            row.id = QStringLiteral("s%1").arg(i);
            row.title = titles.at(i);
            rows.append(row);
            index->append({ titles.at(i), QStringLiteral("Author%1").arg(i), QString(), QString() });
        }
        model.setStudies(rows);
        controller.setIndex(index);
    }

    QStringList ids() const
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(model.index(row, 0).data(StudyTableModel::StudyIdRole).toString());
        out.sort();
        return out;
    }
};

} // namespace

TEST(SearchController, AppliesOnlyTheLastQueryOfABurst)
{
    Fixture f;
    QSignalSpy applied(&f.controller, &SearchController::applied);
    for (const char *partial : { "m", "ma", "mag", "magn", "magnesium p" })
        f.controller.setQuery(QString::fromLatin1(partial));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !applied.isEmpty(); }, 10'000));
    QTest::qWait(SearchController::kDebounceMs * 3);
    ASSERT_EQ(applied.size(), 1) << "keystrokes within the debounce interval must coalesce";
    EXPECT_EQ(applied.at(0).at(0).toString(), QStringLiteral("magnesium p"));
    EXPECT_EQ(f.ids(), QStringList { QStringLiteral("s1") });
}

TEST(SearchController, ExtendingAQueryNarrowsAndClearingRestores)
{
    Fixture f;
    QSignalSpy applied(&f.controller, &SearchController::applied);
    f.controller.setQuery(QStringLiteral("cramps"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return applied.size() == 1; }, 10'000));
    EXPECT_EQ(f.ids(), (QStringList { QStringLiteral("s0"), QStringLiteral("s2") }));
    f.controller.setQuery(QStringLiteral("cramps quin"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return applied.size() == 2; }, 10'000));
    EXPECT_EQ(f.ids(), QStringList { QStringLiteral("s2") });
    // Shortening is not an extension: the full index is searched again.
    f.controller.setQuery(QStringLiteral("magnesium"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return applied.size() == 3; }, 10'000));
    EXPECT_EQ(f.ids(), (QStringList { QStringLiteral("s0"), QStringLiteral("s1") }));
    f.controller.setQuery(QString());
    ASSERT_TRUE(QTest::qWaitFor([&] { return applied.size() == 4; }, 10'000));
    EXPECT_EQ(f.model.rowCount(), 3);
}

TEST(SearchController, QueryTypedBeforeTheIndexArrivesAppliesWhenItDoes)
{
    StudyTableModel model(Vocabularies::builtin());
    SearchController controller(&model);
    QSignalSpy applied(&controller, &SearchController::applied);
    controller.setQuery(QStringLiteral("quinine"));
    QTest::qWait(SearchController::kDebounceMs * 2);
    EXPECT_TRUE(applied.isEmpty());

    StudySummary row;
    row.key = 1;
    row.id = QStringLiteral("q");
    row.title = QStringLiteral("Quinine");
    StudySummary other = row;
    other.key = 2;
    other.id = QStringLiteral("m");
    other.title = QStringLiteral("Magnesium");
    model.setStudies({ row, other });
    auto index = std::make_shared<StudySearchIndex>();
    index->append({ row.title, {}, {}, {} });
    index->append({ other.title, {}, {}, {} });
    controller.setIndex(index);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !applied.isEmpty(); }, 10'000));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, 0).data(StudyTableModel::StudyIdRole).toString(), QStringLiteral("q"));
}

TEST(SearchController, RestrictionCombinesWithTheSearchAndSurvivesNewRows)
{
    Fixture f;
    QSignalSpy applied(&f.controller, &SearchController::applied);
    // A rule filter without search text: exactly its rows.
    QBitArray rule(3);
    rule.setBit(1);
    rule.setBit(2);
    f.controller.setRestriction(rule);
    EXPECT_EQ(f.ids(), (QStringList { QStringLiteral("s1"), QStringLiteral("s2") }));
    // With a search: both must hold.
    f.controller.setQuery(QStringLiteral("magnesium"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return applied.size() == 1; }, 10'000));
    EXPECT_EQ(f.ids(), QStringList { QStringLiteral("s1") });
    // The same studies given anew (e.g. after classifying): reapply() restores both at once.
    const QVector<StudySummary> rows = f.model.allStudies();
    f.model.setStudies(rows);
    EXPECT_EQ(f.model.rowCount(), 3);
    f.controller.reapply();
    EXPECT_EQ(f.ids(), QStringList { QStringLiteral("s1") });
    // Removing the restriction leaves the search.
    f.controller.setRestriction(std::nullopt);
    EXPECT_EQ(f.ids(), (QStringList { QStringLiteral("s0"), QStringLiteral("s1") }));
    EXPECT_FALSE(f.controller.hasRestriction());
}
