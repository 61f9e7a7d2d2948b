// Funding review in the window (issue 4): permissions per role, the Assess funding form,
// the table and filter counts after a flag, undo/redo with the keyboard, and the pane.
#include "test_review_support.h"

#include "conclusionpane.h"
#include "reviewpanebar.h"
#include "studytableview.h"

#include <QSpinBox>
#include <QStatusBar>
#include <QTextCursor>
#include <QToolButton>
#include <QUndoGroup>

using namespace mgreview;
using namespace mgreview::gui;
using namespace mgreview::testing;

namespace {

const QString kRoffe = QStringLiteral("roffe2002_rct"); // curated: unclear ("unverified")

/// Selects the words `quote` in a statement view, as a reader would by dragging.
void selectWords(QPlainTextEdit *view, const QString &quote)
{
    const qsizetype at = view->toPlainText().indexOf(quote);
    ASSERT_GE(at, 0) << str(quote);
    QTextCursor cursor(view->document());
    cursor.setPosition(int(at));
    cursor.setPosition(int(at + quote.size()), QTextCursor::KeepAnchor);
    view->setTextCursor(cursor);
}

} // namespace

TEST(ReviewWindow, ClinicianCannotAssessFundingAndIsToldWhy)
{
    auto open = openSignedIn(QStringLiteral("Ann"), Role::Clinician);
    MainWindow &window = *open->window;
    EXPECT_EQ(window.statusBar()->findChild<QLabel *>(QStringLiteral("profileStatus"))->text(),
        QStringLiteral("Signed in as Ann (clinician)"));
    selectAndReadPane(window, kRoffe);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));

    QAction *assess = window.review()->assessAction();
    EXPECT_FALSE(assess->isEnabled());
    // The refusal is core's (review/permissions.h), word for word.
    EXPECT_EQ(assess->toolTip(), refusal(Profile { QStringLiteral("Ann"), Role::Clinician }, Action::RecordJudgement));
    EXPECT_EQ(assess->toolTip(), QStringLiteral("clinician 'Ann' may not record funding judgements"));
    QToolButton *button = window.review()->paneBar()->assessButton();
    EXPECT_FALSE(button->isEnabled());
    EXPECT_EQ(button->toolTip(), assess->toolTip());

    // Ctrl+J does nothing for her.
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(window.tableView(), Qt::Key_J, Qt::ControlModifier);
    QTest::qWait(100);
    EXPECT_EQ(window.review()->assessDialog(), nullptr);
}

TEST(ReviewWindow, NobodySignedInIsReadOnly)
{
    auto open = openSeededWindow();
    MainWindow &window = *open->window;
    selectAndReadPane(window, kRoffe);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled(); }));
    EXPECT_FALSE(window.review()->assessAction()->isEnabled());
    EXPECT_TRUE(window.review()->assessAction()->toolTip().contains(QStringLiteral("Nobody is signed in")))
        << str(window.review()->assessAction()->toolTip());
    EXPECT_FALSE(window.review()->undoAction()->isEnabled());
}

TEST(ReviewWindow, ReviewerFlagsAStudyAndTheTableAndCountsFollowThenUndoAndRedo)
{
    auto open = openSignedIn(QStringLiteral("Ann"), Role::Reviewer);
    MainWindow &window = *open->window;
    EXPECT_EQ(filterText(window, IndependenceFilter::IndustryLinked), QStringLiteral("Industry-linked only (3)"));
    EXPECT_EQ(filterText(window, IndependenceFilter::Unclear), QStringLiteral("Unclear (16)"));
    EXPECT_EQ(independenceCell(window, kRoffe), QStringLiteral("Unclear"));

    AssessDialog *form = openAssessForm(window, kRoffe);
    ASSERT_NE(form, nullptr);
    // The form shows the study's statements; Roffe has no funding or COI statement.
    EXPECT_TRUE(form->statementView(0)->toPlainText().isEmpty());
    EXPECT_TRUE(form->statementView(2)->toPlainText().contains(QStringLiteral("published and unpublished data")));
    // Nothing chosen yet: cannot save, and the form says why.
    EXPECT_FALSE(form->saveButton()->isEnabled());
    EXPECT_FALSE(form->problem().isEmpty());

    // The quote comes from the selected words of the funding notes, exactly.
    const QString quote = QStringLiteral("review authors obtained unpublished data");
    selectWords(form->statementView(2), quote);
    ASSERT_TRUE(form->useSelectionButton()->isEnabled());
    QTest::mouseClick(form->useSelectionButton(), Qt::LeftButton);
    EXPECT_EQ(form->evidenceEdit()->toPlainText(), quote);
    EXPECT_TRUE(form->evidenceStatus().contains(QStringLiteral("Found verbatim in the funding notes")))
        << str(form->evidenceStatus());

    // Industry-linked without a link is refused with core's message; with one it can be saved.
    auto *linked = form->findChild<QRadioButton *>(QStringLiteral("value-industry-linked"));
    QTest::mouseClick(linked, Qt::LeftButton, {}, QPoint(6, linked->height() / 2));
    QTest::keyClicks(form->reasonEdit(), QStringLiteral("Test: the manufacturer paid for the trial."));
    EXPECT_FALSE(form->saveButton()->isEnabled());
    EXPECT_TRUE(form->problem().contains(QStringLiteral("needs the link"))) << str(form->problem());
    form->valueFields()->linkBox()->setCurrentIndex(form->valueFields()->linkBox()->findData(QStringLiteral("funded")));
    ASSERT_TRUE(form->saveButton()->isEnabled()) << str(form->problem());
    QTest::mouseClick(form->saveButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] {
        return window.review()->assessDialog() == nullptr && window.isSettled()
            && rowOf(window, kRoffe).independence == u"industry-linked";
    }));

    // The table's Independence column and the filter counts follow the reviewer.
    EXPECT_EQ(independenceCell(window, kRoffe), QStringLiteral("Industry-linked (funded)"));
    EXPECT_EQ(rowOf(window, kRoffe).independenceSource, QStringLiteral("reviewer"));
    EXPECT_EQ(filterText(window, IndependenceFilter::IndustryLinked), QStringLiteral("Industry-linked only (4)"));
    EXPECT_EQ(filterText(window, IndependenceFilter::Unclear), QStringLiteral("Unclear (15)"));
    // The pane says who decided, why and on what evidence.
    const QString pane = window.pane()->toPlainText();
    EXPECT_TRUE(pane.contains(QStringLiteral("Source: reviewer Ann"))) << str(pane);
    EXPECT_TRUE(pane.contains(QStringLiteral("Test: the manufacturer paid for the trial.")));
    EXPECT_TRUE(pane.contains(quote));
    EXPECT_TRUE(window.review()->paneBar()->text().startsWith(QStringLiteral("Your judgement: Industry-linked")));

    // Ctrl+Z undoes the flag: the curated value is back, and so are the counts.
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    ASSERT_TRUE(window.review()->undoAction()->isEnabled());
    QTest::keyClick(window.tableView(), Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return window.isSettled() && rowOf(window, kRoffe).independence == u"unclear"; }));
    EXPECT_EQ(rowOf(window, kRoffe).independenceSource, QStringLiteral("curated"));
    EXPECT_EQ(filterText(window, IndependenceFilter::IndustryLinked), QStringLiteral("Industry-linked only (3)"));
    EXPECT_EQ(independenceCell(window, kRoffe), QStringLiteral("Unclear"));

    // Ctrl+Shift+Z applies it again.
    ASSERT_TRUE(window.review()->redoAction()->isEnabled());
    QTest::keyClick(window.tableView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(
        waitUntil([&] { return window.isSettled() && rowOf(window, kRoffe).independence == u"industry-linked"; }));
    EXPECT_EQ(filterText(window, IndependenceFilter::IndustryLinked), QStringLiteral("Industry-linked only (4)"));

    // Nothing was erased: flag, undo, redo are three rows and three audit entries.
    auto db = openDirect(open->library);
    QString error;
    const std::optional<QVector<AuditEntry>> audit = ReviewService(*db).auditLog(&error);
    ASSERT_TRUE(audit) << str(error);
    QStringList actions;
    for (const AuditEntry &e : *audit) {
        if (e.studyId == kRoffe)
            actions.append(e.action);
    }
    EXPECT_EQ(actions, (QStringList { QStringLiteral("judgement"), QStringLiteral("undo"), QStringLiteral("undo") }));
    const std::optional<QVector<Judgement>> history = ReviewService(*db).judgementHistory(&error);
    ASSERT_TRUE(history) << str(error);
    ASSERT_EQ(history->size(), 3);
    EXPECT_EQ(history->at(0).content.evidence, quote);
    EXPECT_EQ(history->at(0).content.evidenceSource, QStringLiteral("funding_notes"));
    EXPECT_EQ(history->at(0).reviewer, QStringLiteral("Ann"));
    EXPECT_EQ(history->at(1).content.value, QStringLiteral("withdrawn"));
}

TEST(ReviewWindow, EvidenceNotInTheStatementsIsWarnedAboutButSaved)
{
    auto open = openSignedIn(QStringLiteral("Ann"), Role::Reviewer);
    MainWindow &window = *open->window;
    AssessDialog *form = openAssessForm(window, QStringLiteral("nygaard2008_rct"));
    ASSERT_NE(form, nullptr);
    QTest::keyClicks(form->evidenceEdit(), QStringLiteral("funded by Nycomed"));
    EXPECT_TRUE(form->evidenceStatus().contains(QStringLiteral("Not found verbatim"))) << str(form->evidenceStatus());
    // With a page it is a quote from the full text instead.
    form->pageBox()->setValue(3);
    EXPECT_TRUE(form->evidenceStatus().contains(QStringLiteral("full text, p. 3"))) << str(form->evidenceStatus());
    form->pageBox()->setValue(0);
    // A verbatim quote from the COI statement, across its line break-free text, is found.
    form->evidenceEdit()->clear();
    QTest::keyClicks(form->evidenceEdit(), QStringLiteral("he received a compensation from Nycomed"));
    EXPECT_TRUE(form->evidenceStatus().contains(QStringLiteral("conflict-of-interest statement")));
    form->evidenceEdit()->clear();
    fillAndSave(window, form, QStringLiteral("unclear"), QString(), QStringLiteral("Quote check."),
        QStringLiteral("funded by Nycomed"));
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("not found")))
        << str(window.statusBar()->currentMessage());
    auto db = openDirect(open->library);
    QString error;
    const std::optional<QVector<Judgement>> history = ReviewService(*db).judgementHistory(&error);
    ASSERT_TRUE(history && history->size() == 1) << str(error);
    EXPECT_EQ(history->at(0).content.evidenceSource, QStringLiteral("not_found"));
}

TEST(ReviewWindow, IndependentOnlyExcludesTheIndustryLinkedTrialsAndDisputedStudies)
{
    auto open = openSignedIn(QStringLiteral("Bea"), Role::Reviewer);
    MainWindow &window = *open->window;
    // Bea says Nygaard is independent, Carl says industry-linked: a dispute counts as unclear,
    // never as independent, until it is resolved.
    fillAndSave(window, openAssessForm(window, QStringLiteral("nygaard2008_rct")), QStringLiteral("independent"),
        QString(), QStringLiteral("Test: no funder named."));
    fillAndSave(window, openAssessForm(window, QStringLiteral("supakatisant2015_rct")), QStringLiteral("independent"),
        QString(), QStringLiteral("University grant."));
    signIn(window, QStringLiteral("Carl"), Role::Reviewer);
    fillAndSave(window, openAssessForm(window, QStringLiteral("nygaard2008_rct")), QStringLiteral("industry-linked"),
        QStringLiteral("author-paid"), QStringLiteral("Author paid by Nycomed."));
    EXPECT_EQ(rowOf(window, QStringLiteral("nygaard2008_rct")).independence, QStringLiteral("unclear"));

    window.setIndependenceFilter(IndependenceFilter::Independent);
    const QStringList independent = visibleIds(window);
    EXPECT_TRUE(independent.contains(QStringLiteral("supakatisant2015_rct"))) << str(independent.join(u' '));
    for (const char *id : { "dahle1995_rct", "nygaard2008_rct", "barna2021_rct" })
        EXPECT_FALSE(independent.contains(QString::fromLatin1(id))) << id;
    EXPECT_EQ(filterText(window, IndependenceFilter::Independent), QStringLiteral("Independent only (2)"));
}

TEST(ReviewWindow, UndoHistoriesArePerProfile)
{
    auto open = openSignedIn(QStringLiteral("Bea"), Role::Reviewer);
    MainWindow &window = *open->window;
    fillAndSave(window, openAssessForm(window, kRoffe), QStringLiteral("unclear"), QString(), QStringLiteral("Bea's."));
    EXPECT_TRUE(window.review()->undoAction()->isEnabled());
    EXPECT_TRUE(window.review()->undoAction()->text().contains(kRoffe)) << str(window.review()->undoAction()->text());
    // Carl cannot undo Bea's judgement (core would refuse): his history is empty.
    signIn(window, QStringLiteral("Carl"), Role::Reviewer);
    EXPECT_FALSE(window.review()->undoAction()->isEnabled());
    signIn(window, QStringLiteral("Bea"), Role::Reviewer);
    EXPECT_TRUE(window.review()->undoAction()->isEnabled());
}
