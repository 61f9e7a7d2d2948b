// The review models under QAbstractItemModelTester, and the pane model's reviewers' section.
#include "agreementmodel.h"
#include "conflictsmodel.h"

#include "model/vocabulary.h"
#include "models/studydetailmodel.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::gui;

namespace {

Judgement judgement(const char *reviewer, const char *value, const char *link, const char *reason)
{
    Judgement j;
    j.studyId = QStringLiteral("s1");
    j.reviewer = QString::fromLatin1(reviewer);
    j.content
        = { QString::fromLatin1(value), QString::fromLatin1(link), QString::fromLatin1(reason), {}, {}, std::nullopt };
    j.recordedAt = QDateTime(QDate(2025, 1, 2), QTime(10, 30), Qt::UTC);
    return j;
}

QString sectionText(const StudyDetailModel &model, const QString &id)
{
    const int row = model.sectionRow(id);
    if (row < 0)
        return {};
    QString text;
    const QModelIndex section = model.index(row, 0);
    for (int r = 0; r < model.rowCount(section); ++r) {
        text += model.index(r, 0, section).data().toString() + u'|' + model.index(r, 1, section).data().toString()
            + u'|' + model.index(r, 0, section).data(StudyDetailModel::SourceRole).toString() + u'|'
            + model.index(r, 0, section).data(StudyDetailModel::NoteRole).toString() + u'\n';
    }
    return text;
}

} // namespace

TEST(ReviewModels, ConflictsModelPassesTheTesterAndHidesWhatBlindedReadersMayNotSee)
{
    ConflictsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Conflict c;
    c.studyId = QStringLiteral("s1");
    c.judgements = { judgement("Bea", "industry-linked", "funded", "grant from maker"),
        judgement("Carl", "independent", "", "university") };
    model.setConflicts({ c }, { { QStringLiteral("s1"), QStringLiteral("Roffe 2002") } });
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, ConflictsModel::StudyColumn).data().toString(), QStringLiteral("Roffe 2002 (s1)"));
    EXPECT_EQ(model.index(0, ConflictsModel::JudgementsColumn).data().toString(),
        QStringLiteral("Bea: Industry-linked (Funded or sponsored by a manufacturer) · Carl: Independent"));
    EXPECT_TRUE(model.index(0, ConflictsModel::JudgementsColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("grant from maker")));
    model.setConflicts({ c }, {}, { QStringLiteral("s1") });
    EXPECT_FALSE(model.index(0, ConflictsModel::JudgementsColumn).data().toString().contains(QStringLiteral("Bea:")));
    EXPECT_FALSE(model.index(0, ConflictsModel::JudgementsColumn).data(Qt::ToolTipRole).isValid());
    model.setConflicts({}, {});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ReviewModels, AgreementModelPassesTheTesterAndAddsTotals)
{
    AgreementModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.rowCount(), 0);
    ReviewerRatings ratings;
    ratings[QStringLiteral("a")] = { { QStringLiteral("Bea"), QStringLiteral("independent") },
        { QStringLiteral("Carl"), QStringLiteral("unclear") } };
    ratings[QStringLiteral("b")] = { { QStringLiteral("Bea"), QStringLiteral("unclear") },
        { QStringLiteral("Carl"), QStringLiteral("unclear") } };
    model.setAgreement(agreementBetween(QStringLiteral("Bea"), QStringLiteral("Carl"), ratings));
    ASSERT_EQ(model.rowCount(), 4);
    ASSERT_EQ(model.columnCount(), 4);
    EXPECT_EQ(model.index(0, 2).data().toInt(), 1);
    EXPECT_EQ(model.index(2, 2).data().toInt(), 1);
    EXPECT_EQ(model.index(3, 2).data().toInt(), 2);
    EXPECT_EQ(model.index(0, 3).data().toInt(), 1);
    EXPECT_EQ(model.index(3, 3).data().toInt(), 2);
    EXPECT_EQ(model.headerData(3, Qt::Vertical).toString(), QStringLiteral("Total"));
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ReviewModels, PaneShowsTheReviewerOutcomeAndBlindsWhoAndWhy)
{
    StudyDetailModel model(Vocabularies::builtin());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Study study;
    study.id = QStringLiteral("s1");
    study.citation.title = QStringLiteral("A trial");
    study.independence
        = { QStringLiteral("unclear"), QString(), QStringLiteral("unverified"), ClassificationSource::Curated };

    StudyReviewInfo review;
    review.loaded = true;
    review.viewer = QStringLiteral("Bea");
    review.outcome.state = ReviewOutcome::State::Single;
    review.outcome.judgements = { judgement("Bea", "industry-linked", "funded", "maker paid") };
    review.outcome.independence = { QStringLiteral("industry-linked"), QStringLiteral("funded"),
        QStringLiteral("Bea, 2025-01-02: maker paid"), ClassificationSource::Reviewer };
    review.visible = review.outcome.judgements;
    model.setStudy(study, {}, review);
    QString independence = sectionText(model, QStringLiteral("independence"));
    EXPECT_TRUE(independence.contains(QStringLiteral("Industry-linked — Funded or sponsored by a manufacturer")))
        << independence.toStdString();
    EXPECT_TRUE(independence.contains(QStringLiteral("|reviewer Bea|"))) << independence.toStdString();
    EXPECT_TRUE(independence.contains(QStringLiteral("maker paid")));
    const QString judgements = sectionText(model, QStringLiteral("review"));
    EXPECT_TRUE(judgements.startsWith(QStringLiteral("Bea (you)|Industry-linked"))) << judgements.toStdString();
    EXPECT_TRUE(judgements.contains(QStringLiteral("recorded 2025-01-02 10:30 UTC")));

    // Carl has not judged: the value shows (the table shows it too), who and why do not.
    review.viewer = QStringLiteral("Carl");
    review.visible.clear();
    review.hidden = 1;
    review.blinded = true;
    model.setStudy(study, {}, review);
    independence = sectionText(model, QStringLiteral("independence"));
    EXPECT_TRUE(independence.contains(QStringLiteral("Industry-linked"))) << independence.toStdString();
    EXPECT_FALSE(independence.contains(QStringLiteral("Bea"))) << independence.toStdString();
    EXPECT_FALSE(independence.contains(QStringLiteral("maker paid")));
    EXPECT_TRUE(sectionText(model, QStringLiteral("review"))
                    .contains(QStringLiteral("1 judgement, hidden until you record your own")));

    // Without review data the pane is as before: the curated value, no reviewers' section.
    model.setStudy(study, {});
    EXPECT_TRUE(sectionText(model, QStringLiteral("independence")).contains(QStringLiteral("|Unclear|")));
    EXPECT_EQ(model.sectionRow(QStringLiteral("review")), -1);
}
