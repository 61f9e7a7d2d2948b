// Dual independent review in the window (issue 4): blinding in the form, the pane and the
// conflicts list; conflicts and their resolution; agreement (Cohen's kappa) from core.
#include "test_review_support.h"

#include "agreementmodel.h"
#include "agreementview.h"
#include "conclusionpane.h"
#include "conflictsmodel.h"
#include "conflictsresolvedialog.h"
#include "conflictsview.h"
#include "reviewdocks.h"

#include <QDockWidget>
#include <QLabel>
#include <QTableView>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

const QString kNygaard = QStringLiteral("nygaard2008_rct");
const QString kCohen = QStringLiteral("cohenhagai2018_rct");
const QString kBeaReason = QStringLiteral("Bea: the COI statement names Nycomed compensation.");

} // namespace

TEST(ReviewDual, ASecondReviewerDoesNotSeeTheFirstUntilTheyLookAndLookingIsLogged)
{
    auto open = openSignedIn(QStringLiteral("Bea"), Role::Reviewer);
    MainWindow &window = *open->window;
    fillAndSave(window, openAssessForm(window, kNygaard), QStringLiteral("industry-linked"),
        QStringLiteral("author-paid"), kBeaReason);

    signIn(window, QStringLiteral("Carl"), Role::Reviewer);
    AssessDialog *form = openAssessForm(window, kNygaard);
    ASSERT_NE(form, nullptr);
    // Carl's form: that someone judged, not who or what.
    EXPECT_TRUE(form->othersText().contains(QStringLiteral("1 other reviewer has judged this study")))
        << str(form->othersText());
    EXPECT_FALSE(form->othersText().contains(QStringLiteral("Bea")));
    EXPECT_FALSE(form->othersText().contains(kBeaReason));
    EXPECT_TRUE(form->revealButton()->isVisible());
    // Nor does the pane tell him.
    QString pane = window.pane()->toPlainText();
    EXPECT_FALSE(pane.contains(kBeaReason)) << str(pane);
    EXPECT_FALSE(pane.contains(QStringLiteral("reviewer Bea")));
    EXPECT_TRUE(pane.contains(QStringLiteral("hidden until you record your own"))) << str(pane);

    // He chooses to look: the form shows Bea's judgement, and the audit log records it.
    QTest::mouseClick(form->revealButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return form->othersText().contains(kBeaReason) && window.isSettled(); }))
        << str(form->othersText());
    EXPECT_FALSE(form->revealButton()->isVisible());
    pane = window.pane()->toPlainText();
    EXPECT_TRUE(pane.contains(kBeaReason)) << str(pane);

    auto db = openDirect(open->library);
    QString error;
    const std::optional<QVector<AuditEntry>> audit = ReviewService(*db).auditLog(&error);
    ASSERT_TRUE(audit) << str(error);
    const auto reveal = std::find_if(audit->cbegin(), audit->cend(), [](const AuditEntry &e) {
        return e.action == u"reveal" && e.actor == u"Carl" && e.studyId == u"nygaard2008_rct";
    });
    EXPECT_NE(reveal, audit->cend()) << "no reveal entry by Carl in the audit log";
    form->close();
}

TEST(ReviewDual, RecordingOnesOwnJudgementShowsTheOthers)
{
    auto open = openSignedIn(QStringLiteral("Bea"), Role::Reviewer);
    MainWindow &window = *open->window;
    fillAndSave(window, openAssessForm(window, kNygaard), QStringLiteral("industry-linked"),
        QStringLiteral("author-paid"), kBeaReason);
    signIn(window, QStringLiteral("Carl"), Role::Reviewer);
    fillAndSave(window, openAssessForm(window, kNygaard), QStringLiteral("unclear"), QString(),
        QStringLiteral("Carl: funding source not provided."));
    AssessDialog *form = openAssessForm(window, kNygaard);
    ASSERT_NE(form, nullptr);
    EXPECT_TRUE(form->othersText().contains(kBeaReason)) << str(form->othersText());
    EXPECT_FALSE(form->revealButton()->isVisible());
    // His own judgement is where the form starts.
    EXPECT_EQ(form->valueFields()->value(), QStringLiteral("unclear"));
    EXPECT_EQ(form->reasonEdit()->toPlainText(), QStringLiteral("Carl: funding source not provided."));
    form->close();
}

TEST(ReviewDual, DisagreementIsListedAndAResolutionRemovesItAndDecides)
{
    auto open = openSignedIn(QStringLiteral("Bea"), Role::Reviewer);
    MainWindow &window = *open->window;
    ReviewDocks *docks = window.review()->docks();
    window.review()->showConflicts();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    EXPECT_EQ(docks->conflictsModel()->rowCount(), 0);
    EXPECT_TRUE(docks->conflictsView()->summary()->text().startsWith(QStringLiteral("No conflicts")));

    fillAndSave(window, openAssessForm(window, kCohen), QStringLiteral("unclear"), QString(),
        QStringLiteral("Funding not reported."));
    signIn(window, QStringLiteral("Carl"), Role::Reviewer);
    fillAndSave(window, openAssessForm(window, kCohen), QStringLiteral("independent"), QString(),
        QStringLiteral("Investigator-initiated."));

    // The dock lists the study with both reviewers and what each said.
    ASSERT_TRUE(waitUntil([&] { return docks->conflictsModel()->rowCount() == 1 && window.isSettled(); }));
    ConflictsModel *model = docks->conflictsModel();
    EXPECT_EQ(model->index(0, 0).data(ConflictsModel::StudyIdRole).toString(), kCohen);
    EXPECT_TRUE(
        model->index(0, ConflictsModel::StudyColumn).data().toString().startsWith(QStringLiteral("Cohen-Hagai 2018")));
    EXPECT_EQ(model->index(0, ConflictsModel::ReviewersColumn).data().toString(), QStringLiteral("Bea, Carl"));
    EXPECT_EQ(model->index(0, ConflictsModel::JudgementsColumn).data().toString(),
        QStringLiteral("Bea: Unclear · Carl: Independent"));
    // Until resolved the study counts as unclear.
    EXPECT_EQ(rowOf(window, kCohen).independence, QStringLiteral("unclear"));

    // A clinician sees the list but may not resolve; the button says why.
    signIn(window, QStringLiteral("Cleo"), Role::Clinician);
    docks->conflictsView()->selectStudy(kCohen);
    EXPECT_FALSE(docks->conflictsView()->resolveButton()->isEnabled());
    EXPECT_EQ(docks->conflictsView()->resolveButton()->toolTip(),
        QStringLiteral("clinician 'Cleo' may not resolve conflicts between reviewers"));

    // Carl resolves it by consensus.
    signIn(window, QStringLiteral("Carl"), Role::Reviewer);
    ASSERT_TRUE(docks->conflictsView()->selectStudy(kCohen));
    ASSERT_TRUE(docks->conflictsView()->resolveButton()->isEnabled());
    QTest::mouseClick(docks->conflictsView()->resolveButton(), Qt::LeftButton);
    ConflictsResolveDialog *resolve = docks->resolveDialog();
    ASSERT_NE(resolve, nullptr);
    // Carl judged the study, so he cannot be its third reviewer.
    EXPECT_FALSE(resolve->thirdReviewerButton()->isEnabled());
    EXPECT_FALSE(resolve->saveButton()->isEnabled());
    resolve->valueFields()->setValue(QStringLiteral("independent"), QString());
    QTest::keyClicks(resolve->reasonEdit(), QStringLiteral("Agreed: investigator-initiated, no company."));
    ASSERT_TRUE(resolve->saveButton()->isEnabled()) << str(resolve->problem());
    QTest::mouseClick(resolve->saveButton(), Qt::LeftButton);
    ASSERT_TRUE(
        waitUntil([&] { return docks->resolveDialog() == nullptr && window.isSettled() && model->rowCount() == 0; }));
    // The resolution is the effective value now.
    EXPECT_EQ(rowOf(window, kCohen).independence, QStringLiteral("independent"));
    EXPECT_EQ(rowOf(window, kCohen).independenceSource, QStringLiteral("reviewer"));
    EXPECT_TRUE(rowOf(window, kCohen).independenceReason.contains(QStringLiteral("Agreed: investigator-initiated")));
    EXPECT_EQ(filterText(window, IndependenceFilter::Independent), QStringLiteral("Independent only (2)"));

    // Undoing the resolution brings the conflict back.
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(window.tableView(), Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && model->rowCount() == 1; }));
    EXPECT_EQ(rowOf(window, kCohen).independence, QStringLiteral("unclear"));
}

TEST(ReviewDual, TheConflictsListKeepsABlindedReviewerBlind)
{
    auto open = openSignedIn(QStringLiteral("Bea"), Role::Reviewer);
    MainWindow &window = *open->window;
    fillAndSave(window, openAssessForm(window, kCohen), QStringLiteral("unclear"), QString(), QStringLiteral("B."));
    signIn(window, QStringLiteral("Carl"), Role::Reviewer);
    fillAndSave(window, openAssessForm(window, kCohen), QStringLiteral("independent"), QString(), QStringLiteral("C."));
    signIn(window, QStringLiteral("Dan"), Role::Reviewer);
    window.review()->showConflicts();
    ConflictsModel *model = window.review()->docks()->conflictsModel();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && model->rowCount() == 1; }));
    const QString said = model->index(0, ConflictsModel::JudgementsColumn).data().toString();
    EXPECT_FALSE(said.contains(QStringLiteral("Independent"))) << str(said);
    EXPECT_TRUE(said.contains(QStringLiteral("hidden"))) << str(said);
    ASSERT_TRUE(window.review()->docks()->conflictsView()->selectStudy(kCohen));
    EXPECT_FALSE(window.review()->docks()->conflictsView()->resolveButton()->isEnabled());
}

TEST(ReviewDual, AgreementShowsCoreKappaForAConstructedSet)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    // Four studies judged by both (Bea rows, Carl columns): agree on three.
    //   independent/independent, independent/unclear, industry-linked/industry-linked, unclear/unclear
    // p_o = 3/4; Bea's margins 2,1,1 and Carl's 1,1,2 of 4: p_e = (2·1 + 1·1 + 1·2)/16 = 0.3125;
    // kappa = (0.75 − 0.3125) / (1 − 0.3125) = 0.636…
    // Written through a second connection once the window is idle (it classifies at open).
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    {
        auto db = openDirect(open->library);
        ReviewService service(*db);
        QString error;
        ASSERT_TRUE(service.addProfile({ QStringLiteral("Bea"), Role::Reviewer }, &error)) << str(error);
        ASSERT_TRUE(service.addProfile({ QStringLiteral("Carl"), Role::Reviewer }, &error)) << str(error);
        const auto flag = [&](const char *study, const char *reviewer, const char *value, const char *link = "") {
            JudgementContent c { QString::fromLatin1(value), QString::fromLatin1(link), QStringLiteral("test"), {}, {},
                std::nullopt };
            ASSERT_TRUE(service.recordJudgement(QString::fromLatin1(study), QString::fromLatin1(reviewer), c, &error))
                << str(error);
        };
        flag("roffe2002_rct", "Bea", "independent");
        flag("roffe2002_rct", "Carl", "independent");
        flag("frusso1999_rct", "Bea", "independent");
        flag("frusso1999_rct", "Carl", "unclear");
        flag("dahle1995_rct", "Bea", "industry-linked", "funded");
        flag("dahle1995_rct", "Carl", "industry-linked", "funded");
        flag("bilbey1996_case_reports", "Bea", "unclear");
        flag("bilbey1996_case_reports", "Carl", "unclear");
    }
    window.review()->showAgreement();
    AgreementView *view = window.review()->docks()->agreementView();
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && view->pairBox()->count() == 1; }));
    EXPECT_EQ(view->pairBox()->currentText(), QStringLiteral("Bea × Carl (4 studies)"));

    const KappaEstimate expected = cohensKappa({ { 1, 0, 1 }, { 0, 1, 0 }, { 0, 0, 1 } });
    ASSERT_TRUE(expected.kappa);
    EXPECT_NEAR(*expected.kappa, 0.4375 / 0.6875, 1e-12);
    const QString statistics = view->statistics()->text();
    EXPECT_TRUE(statistics.contains(AgreementView::kappaText(expected).toHtmlEscaped())) << str(statistics);
    EXPECT_TRUE(statistics.contains(QStringLiteral("0.64 (95 % CI"))) << str(statistics);
    EXPECT_TRUE(statistics.contains(QStringLiteral("75.0 % (3 of 4)"))) << str(statistics);

    // The 3×3 table (plus totals) as core counted it.
    const AgreementModel *model = view->model();
    ASSERT_EQ(model->rowCount(), 4);
    EXPECT_EQ(model->index(0, 0).data().toInt(), 1);
    EXPECT_EQ(model->index(0, 2).data().toInt(), 1);
    EXPECT_EQ(model->index(1, 1).data().toInt(), 1);
    EXPECT_EQ(model->index(2, 2).data().toInt(), 1);
    EXPECT_EQ(model->index(2, 0).data().toInt(), 0);
    EXPECT_EQ(model->index(3, 3).data().toInt(), 4);
    EXPECT_EQ(model->index(0, 3).data().toInt(), 2); // Bea: independent twice.
    EXPECT_EQ(model->index(3, 2).data().toInt(), 2); // Carl: unclear twice.
    EXPECT_EQ(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Independent"));
}
