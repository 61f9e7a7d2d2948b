// Stored suggestions: kept apart from curated values, replaced whole on re-run, shown in the
// table rows and the pane where no person has decided.
#include "model/vocabulary.h"
#include "models/studydetailmodel.h"
#include "rules/classifier.h"
#include "rules/suggestionstore.h"
#include "store/seeder.h"
#include "store/studystore.h"
#include "support/templibrary.h"

#include <gtest/gtest.h>

using namespace mgreview;

namespace {

class SuggestionStoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Database &db = m_library.open();
        const SeedReport seed = seedLibrary(db, mgreview::testing::projectStudiesFolder(), Vocabularies::builtin());
        ASSERT_EQ(seed.added, 20);
    }
    const Database &db() { return *m_library.database(); }

    /// A study that nobody coded: only the text the rules read.
    Study uncoded()
    {
        Study s;
        s.id = QStringLiteral("imported_1");
        s.citation.title = QStringLiteral("Oral magnesium for leg cramps in pregnancy: a randomized controlled trial");
        s.citation.authors = {QStringLiteral("Doe J")};
        s.conclusions.append({QStringLiteral("Magnesium did not reduce cramp frequency."), QStringLiteral("abstract"), {}, {}});
        s.funding.statement = QStringLiteral("Supported by a grant from the National Institutes of Health.");
        s.populationText = QStringLiteral("pregnant women");
        return s;
    }

    mgreview::testing::TempLibrary m_library;
};

TEST_F(SuggestionStoreTest, ClassifyingTwiceGivesTheSameStoredSuggestions)
{
    const RuleEngine engine(defaultRules());
    const ClassifyReport first = classifyLibrary(db(), engine);
    ASSERT_TRUE(first.error.isEmpty()) << first.error.toStdString();
    EXPECT_EQ(first.studies, 20);
    EXPECT_GT(first.suggestions, 60);
    QString error;
    const auto before = SuggestionStore(db()).forStudy(QStringLiteral("nygaard2008_rct"), &error);
    const auto countsBefore = SuggestionStore(db()).hitCounts(&error);
    const ClassifyReport second = classifyLibrary(db(), engine);
    EXPECT_EQ(second.suggestions, first.suggestions);
    const auto after = SuggestionStore(db()).forStudy(QStringLiteral("nygaard2008_rct"), &error);
    ASSERT_TRUE(before && after) << error.toStdString();
    ASSERT_EQ(before->size(), after->size());
    for (int i = 0; i < before->size(); ++i) {
        EXPECT_EQ(before->at(i).ruleId, after->at(i).ruleId);
        EXPECT_EQ(before->at(i).match.text, after->at(i).match.text);
        EXPECT_EQ(before->at(i).winning, after->at(i).winning);
    }
    EXPECT_EQ(*countsBefore, *SuggestionStore(db()).hitCounts(&error));
    EXPECT_EQ(SuggestionStore(db()).storedRulesHash(), QString::fromLatin1(defaultRules().hash));
}

TEST_F(SuggestionStoreTest, CuratedRecordsAreNeverChanged)
{
    StudyStore store(db());
    QString error;
    const std::optional<QVector<Study>> before = store.loadAll(&error);
    ASSERT_TRUE(before);
    // Rules that contradict every curated value, at the highest priority.
    RuleLoadResult hostile = parseRules(
        "[[rule]]\nid = \"h.ind\"\ntarget = \"independence\"\nvalue = \"independent\"\npriority = 1000\nreason = \"r\"\n"
        "when = { field = \"title\", regex = \".\" }\n"
        "[[rule]]\nid = \"h.design\"\ntarget = \"design\"\nvalue = \"secondary\"\npriority = 1000\nreason = \"r\"\n"
        "when = { field = \"title\", regex = \".\" }\n",
        QStringLiteral("hostile.toml"), Vocabularies::builtin());
    ASSERT_TRUE(hostile.errors.isEmpty());
    ASSERT_TRUE(classifyLibrary(db(), RuleEngine(hostile.rules)).error.isEmpty());
    const std::optional<QVector<Study>> after = store.loadAll(&error);
    ASSERT_TRUE(after);
    EXPECT_EQ(*before, *after);
    const std::optional<QVector<StudySummary>> rows = store.summaries(&error);
    ASSERT_TRUE(rows);
    for (const StudySummary &row : *rows) {
        if (row.id == u"dahle1995_rct") {
            EXPECT_EQ(row.independence, QStringLiteral("industry-linked"));
            EXPECT_EQ(row.independenceSource, QStringLiteral("curated"));
            EXPECT_EQ(row.design, QStringLiteral("rct"));
        }
    }
}

TEST_F(SuggestionStoreTest, RulesFillWhatNobodyCoded)
{
    QString error;
    ASSERT_TRUE(StudyStore(db()).insert(uncoded(), &error)) << error.toStdString();
    ASSERT_TRUE(classifyLibrary(db(), RuleEngine(defaultRules()), {QStringLiteral("imported_1")}).error.isEmpty());
    const std::optional<QVector<StudySummary>> rows = StudyStore(db()).summaries(&error);
    ASSERT_TRUE(rows);
    const auto it = std::find_if(rows->cbegin(), rows->cend(), [](const StudySummary &s) { return s.id == u"imported_1"; });
    ASSERT_NE(it, rows->cend());
    EXPECT_EQ(it->independence, QStringLiteral("independent"));
    EXPECT_EQ(it->independenceSource, QStringLiteral("rule"));
    EXPECT_TRUE(it->independenceReason.contains(QStringLiteral("Institutes of Health")));
    EXPECT_EQ(it->design, QStringLiteral("rct"));
    EXPECT_EQ(it->direction, QStringLiteral("no_benefit"));
    EXPECT_EQ(it->populations, QStringList{QStringLiteral("pregnant_women")});
    const std::optional<QStringList> matched = SuggestionStore(db()).studiesMatchedBy(QStringLiteral("design.rct"), &error);
    ASSERT_TRUE(matched);
    EXPECT_TRUE(matched->contains(QStringLiteral("imported_1")));
}

TEST_F(SuggestionStoreTest, PaneShowsTheDecidingRuleAndItsMatchedText)
{
    QString error;
    ASSERT_TRUE(StudyStore(db()).insert(uncoded(), &error));
    ASSERT_TRUE(classifyLibrary(db(), RuleEngine(defaultRules())).error.isEmpty());
    const std::optional<Study> study = StudyStore(db()).load(QStringLiteral("imported_1"), &error);
    const std::optional<QVector<Suggestion>> suggestions = SuggestionStore(db()).forStudy(QStringLiteral("imported_1"), &error);
    ASSERT_TRUE(study && suggestions);
    StudyDetailModel model(Vocabularies::builtin());
    model.setStudy(*study, *suggestions);
    const QModelIndex independence = model.index(0, 0, model.index(model.sectionRow(QStringLiteral("independence")), 0));
    EXPECT_EQ(independence.siblingAtColumn(1).data().toString(), QStringLiteral("Independent"));
    EXPECT_EQ(independence.data(StudyDetailModel::SourceRole).toString(), QStringLiteral("rule independence.public_funding_statement"));
    EXPECT_EQ(independence.data(StudyDetailModel::MatchFieldRole).toString(), QStringLiteral("funding"));
    EXPECT_EQ(independence.data(StudyDetailModel::MatchTextRole).toString(), QStringLiteral("Institutes of Health"));
    EXPECT_EQ(independence.data(StudyDetailModel::MatchBeforeRole).toString(), QStringLiteral("Supported by a grant from the National "));
    EXPECT_EQ(independence.data(StudyDetailModel::MatchAfterRole).toString(), QStringLiteral("."));
    const int rulesRow = model.sectionRow(QStringLiteral("rules"));
    ASSERT_GE(rulesRow, 0);
    EXPECT_EQ(model.rowCount(model.index(rulesRow, 0)), suggestions->size());
}

TEST_F(SuggestionStoreTest, StaleSpansAreNotShownAsMatches)
{
    QString error;
    Study s = uncoded();
    ASSERT_TRUE(StudyStore(db()).insert(s, &error));
    ASSERT_TRUE(classifyLibrary(db(), RuleEngine(defaultRules())).error.isEmpty());
    const std::optional<QVector<Suggestion>> suggestions = SuggestionStore(db()).forStudy(s.id, &error);
    // The record changed after classification: the old span no longer points at the text.
    s.funding.statement = QStringLiteral("Changed later.");
    StudyDetailModel model(Vocabularies::builtin());
    model.setStudy(s, *suggestions);
    const QModelIndex independence = model.index(0, 0, model.index(model.sectionRow(QStringLiteral("independence")), 0));
    EXPECT_EQ(independence.data(StudyDetailModel::MatchBeforeRole).toString(), QString());
    EXPECT_EQ(independence.data(StudyDetailModel::MatchTextRole).toString(), QStringLiteral("Institutes of Health"));
}

} // namespace
