// Study ▸ Edit study… against a colleague's save: the window's stale save shows the
// conflict dialog (theirs beside mine), and each choice stores the right study. Two
// connections to one library stand for two computers: two opens of the same SQLite file
// (versions work there too) and, with MGREVIEW_TEST_PG_URL, of the same PostgreSQL library.
#include "corehelpers.h"

#include "mainwindow.h"
#include "profilecontroller.h"
#include "reviewui.h"
#include "studyconflictdialog.h"
#include "studyconflictmodel.h"
#include "studyeditdialog.h"
#include "studyeditui.h"

#include "store/studystore.h"

#include <QAction>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

const QString kStudy = QStringLiteral("garrison2020_cochrane");

Study withTitle(Study study, const QString &title)
{
    study.citation.title = title;
    return study;
}

TEST(StudyConflictModel, ListsDifferingFieldsAndStartsWithTheSideThatChanged)
{
    Study base = fullStudy(QStringLiteral("s1"));
    Study mine = withTitle(base, QStringLiteral("My title"));
    mine.ids.pmid = QStringLiteral("123");
    Study theirs = withTitle(base, QStringLiteral("Their title"));
    theirs.ids.doi = QStringLiteral("10.1000/theirs");
    gui::StudyConflictModel model;
    model.setStudies(base, mine, theirs);
    ASSERT_EQ(model.rowCount(), 3); // doi, pmid, title
    EXPECT_EQ(model.conflicting(), QStringList{QStringLiteral("title")});
    const int title = model.rowOf(QStringLiteral("title"));
    const int doi = model.rowOf(QStringLiteral("doi"));
    const int pmid = model.rowOf(QStringLiteral("pmid"));
    ASSERT_GE(title, 0);
    EXPECT_EQ(model.keep(title), gui::StudyConflictModel::Keep::Mine);
    EXPECT_EQ(model.keep(doi), gui::StudyConflictModel::Keep::Theirs);
    EXPECT_EQ(model.keep(pmid), gui::StudyConflictModel::Keep::Mine);
    EXPECT_EQ(model.data(model.index(title, gui::StudyConflictModel::TheirsColumn)).toString(), u"Their title");
    EXPECT_EQ(model.data(model.index(title, gui::StudyConflictModel::MineColumn)).toString(), u"My title");
    EXPECT_EQ(model.data(model.index(title, gui::StudyConflictModel::FieldColumn)).toString(), u"Title");
    EXPECT_EQ(model.data(model.index(title, gui::StudyConflictModel::ChangedByColumn)).toString(), u"both of you");
    EXPECT_EQ(model.data(model.index(doi, gui::StudyConflictModel::ChangedByColumn)).toString(), u"them");
    EXPECT_EQ(model.data(model.index(pmid, gui::StudyConflictModel::ChangedByColumn)).toString(), u"you");
    // Checking Theirs in a row keeps theirs; the Mine check of that row goes off.
    ASSERT_TRUE(model.setData(model.index(title, gui::StudyConflictModel::TheirsColumn), Qt::Checked,
                              Qt::CheckStateRole));
    EXPECT_EQ(model.data(model.index(title, gui::StudyConflictModel::MineColumn), Qt::CheckStateRole).toInt(),
              Qt::Unchecked);
    QStringList chosen = model.theirsChosen();
    chosen.sort();
    EXPECT_EQ(chosen, (QStringList{QStringLiteral("doi"), QStringLiteral("title")}));
}

class StudyConflictWindow : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(GetParam());
        if (GetParam() == Backend::Postgres)
            m_library.useBackend(Backend::Postgres);
        gui::WindowOptions options;
        options.persistLayout = false;
        options.errorDialogs = false;
        m_window = std::make_unique<gui::MainWindow>(options);
        m_window->show();
        m_window->review()->requestProfile(QStringLiteral("Bea"), Role::Reviewer);
        OpenOptions open;
        open.studiesFolder = projectStudiesFolder();
        m_window->openLibrary(m_library.location(), open);
        ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->isLibraryLoaded(); }, 30000));
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return m_window->review()->profiles()->may(Action::EditStudies); }, 10000));
        QString error;
        m_colleague = Database::open(m_library.location(), &error);
        ASSERT_TRUE(m_colleague) << str(error);
        m_window->selectStudy(kStudy);
        ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->shownStudyId() == kStudy; }, 10000));
        ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->studyEdit()->editAction()->isEnabled(); }, 10000));
    }
    void TearDown() override
    {
        m_window.reset();
        m_colleague.reset();
    }

    /// Opens the form, types my title and DOI; meanwhile the colleague saves their title and
    /// PMID; then I save: the conflict dialog must appear.
    gui::StudyConflictDialog *editAgainstAColleague()
    {
        QSignalSpy shown(m_window->studyEdit(), &gui::StudyEditUi::editorShown);
        m_window->studyEdit()->editAction()->trigger();
        if (!QTest::qWaitFor([&] { return !shown.isEmpty(); }, 10000))
            return nullptr;
        gui::StudyEditDialog *form = m_window->studyEdit()->editor();
        form->titleField()->setText(QStringLiteral("Title by me"));
        form->doiField()->setText(QStringLiteral("10.9999/mine"));

        QString error;
        StudyStore store(*m_colleague);
        std::optional<VersionedStudy> theirs = store.loadVersioned(kStudy, &error);
        EXPECT_TRUE(theirs) << str(error);
        theirs->study.citation.title = QStringLiteral("Title by Ann");
        theirs->study.ids.pmid = QStringLiteral("99999999");
        const SaveResult colleague = store.update(theirs->study, theirs->version);
        EXPECT_TRUE(colleague.saved()) << str(colleague.error);
        m_theirVersion = colleague.version;

        QSignalSpy conflict(m_window->studyEdit(), &gui::StudyEditUi::conflictShown);
        QTest::mouseClick(form->saveButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return !conflict.isEmpty(); }, 10000))
            return nullptr;
        return m_window->studyEdit()->conflictDialog();
    }

    Study stored()
    {
        QString error;
        std::optional<Study> study = StudyStore(*m_colleague).load(kStudy, &error);
        EXPECT_TRUE(study) << str(error);
        return study.value_or(Study{});
    }
    int storedVersion()
    {
        QString error;
        return StudyStore(*m_colleague).loadVersioned(kStudy, &error).value_or(VersionedStudy{}).version;
    }

    TempLibrary m_library;
    std::unique_ptr<gui::MainWindow> m_window;
    std::unique_ptr<Database> m_colleague;
    int m_theirVersion = 0;
};

TEST_P(StudyConflictWindow, KeepTheirsWritesNothing)
{
    gui::StudyConflictDialog *dialog = editAgainstAColleague();
    ASSERT_TRUE(dialog);
    // Their title and mine, side by side; my DOI and their PMID are listed too.
    gui::StudyConflictModel *model = dialog->model();
    const int title = model->rowOf(QStringLiteral("title"));
    ASSERT_GE(title, 0);
    EXPECT_EQ(model->data(model->index(title, gui::StudyConflictModel::TheirsColumn)).toString(), u"Title by Ann");
    EXPECT_EQ(model->data(model->index(title, gui::StudyConflictModel::MineColumn)).toString(), u"Title by me");
    EXPECT_GE(model->rowOf(QStringLiteral("doi")), 0);
    EXPECT_GE(model->rowOf(QStringLiteral("pmid")), 0);
    EXPECT_EQ(dialog->theirVersion(), m_theirVersion);

    QSignalSpy notSaved(m_window->studyEdit(), &gui::StudyEditUi::notSaved);
    QTest::mouseClick(dialog->keepTheirsButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !notSaved.isEmpty(); }, 10000));
    const Study now = stored();
    EXPECT_EQ(now.citation.title, u"Title by Ann");
    EXPECT_EQ(now.ids.pmid, u"99999999");
    EXPECT_NE(now.ids.doi, u"10.9999/mine");
    EXPECT_EQ(storedVersion(), m_theirVersion);
}

TEST_P(StudyConflictWindow, KeepMineOverwritesAgainstTheirVersion)
{
    gui::StudyConflictDialog *dialog = editAgainstAColleague();
    ASSERT_TRUE(dialog);
    QSignalSpy saved(m_window->studyEdit(), &gui::StudyEditUi::saved);
    QTest::mouseClick(dialog->keepMineButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !saved.isEmpty(); }, 10000));
    const Study now = stored();
    EXPECT_EQ(now.citation.title, u"Title by me");
    EXPECT_EQ(now.ids.doi, u"10.9999/mine");
    // Mine whole: their PMID is gone (as the dialog said), and a new version was written.
    EXPECT_NE(now.ids.pmid, u"99999999");
    EXPECT_EQ(storedVersion(), m_theirVersion + 1);
    EXPECT_EQ(saved.first().at(1).toInt(), m_theirVersion + 1);
}

TEST_P(StudyConflictWindow, MergeTakesEachFieldAsChosen)
{
    gui::StudyConflictDialog *dialog = editAgainstAColleague();
    ASSERT_TRUE(dialog);
    gui::StudyConflictModel *model = dialog->model();
    // Their PMID is preselected (only they changed it); my DOI too; the title, changed by
    // both, I give to them by clicking its Theirs check.
    EXPECT_EQ(model->conflicting(), QStringList{QStringLiteral("title")});
    EXPECT_EQ(model->keep(model->rowOf(QStringLiteral("pmid"))), gui::StudyConflictModel::Keep::Theirs);
    EXPECT_EQ(model->keep(model->rowOf(QStringLiteral("doi"))), gui::StudyConflictModel::Keep::Mine);
    const QModelIndex theirTitle = model->index(model->rowOf(QStringLiteral("title")), gui::StudyConflictModel::TheirsColumn);
    ASSERT_TRUE(model->setData(theirTitle, Qt::Checked, Qt::CheckStateRole));

    QSignalSpy saved(m_window->studyEdit(), &gui::StudyEditUi::saved);
    QTest::mouseClick(dialog->mergeButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !saved.isEmpty(); }, 10000));
    const Study now = stored();
    EXPECT_EQ(now.citation.title, u"Title by Ann");
    EXPECT_EQ(now.ids.pmid, u"99999999");
    EXPECT_EQ(now.ids.doi, u"10.9999/mine");
    EXPECT_EQ(storedVersion(), m_theirVersion + 1);
}

TEST_P(StudyConflictWindow, ASaveWithoutAColleagueNeedsNoDialog)
{
    QSignalSpy shown(m_window->studyEdit(), &gui::StudyEditUi::editorShown);
    QSignalSpy conflict(m_window->studyEdit(), &gui::StudyEditUi::conflictShown);
    QSignalSpy saved(m_window->studyEdit(), &gui::StudyEditUi::saved);
    const int before = storedVersion();
    m_window->studyEdit()->editAction()->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !shown.isEmpty(); }, 10000));
    m_window->studyEdit()->editor()->titleField()->setText(QStringLiteral("Quietly corrected"));
    QTest::mouseClick(m_window->studyEdit()->editor()->saveButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !saved.isEmpty(); }, 10000));
    EXPECT_TRUE(conflict.isEmpty());
    EXPECT_EQ(stored().citation.title, u"Quietly corrected");
    EXPECT_EQ(storedVersion(), before + 1);
}

/// The documentation screenshot of the dialog, when MGREVIEW_DOC_SCREENSHOTS names a folder.
TEST_P(StudyConflictWindow, DocScreenshot)
{
    const QString out = qEnvironmentVariable("MGREVIEW_DOC_SCREENSHOTS");
    if (out.isEmpty() || GetParam() != Backend::Sqlite)
        GTEST_SKIP() << "set MGREVIEW_DOC_SCREENSHOTS=docs/screenshots to render team-conflict.png";
    gui::StudyConflictDialog *dialog = editAgainstAColleague();
    ASSERT_TRUE(dialog);
    QTest::qWait(200);
    ASSERT_TRUE(dialog->grab().save(QDir(out).filePath(QStringLiteral("team-conflict.png"))));
}

INSTANTIATE_TEST_SUITE_P(Backends, StudyConflictWindow, kAllBackends, backendName);

} // namespace
