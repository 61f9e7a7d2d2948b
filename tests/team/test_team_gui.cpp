// The main window on a team library: a colleague's change appears within the second and
// the status bar names who changed what.
#include "corehelpers.h"

#include "annotationui.h"
#include "mainwindow.h"
#include "notesmodel.h"
#include "teamui.h"

#include "annotations/annotationservice.h"
#include "review/reviewservice.h"
#include "store/teamroles.h"

#include "models/studytablemodel.h"
#include "store/studystore.h"

#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace mgreview;
using namespace mgreview::testing;

TEST(TeamUiText, NamesTheStudyAsTheTableDoes)
{
    StudySummary garrison;
    garrison.id = QStringLiteral("garrison2020_cochrane");
    garrison.firstAuthor = QStringLiteral("Garrison SR");
    garrison.year = 2020;
    EXPECT_EQ(gui::TeamUi::changeMessage(QStringLiteral("Ann"), &garrison, garrison.id),
              QStringLiteral("Ann changed Garrison 2020"));
    EXPECT_EQ(gui::TeamUi::changeMessage(QStringLiteral("Ann"), nullptr, QStringLiteral("new_study")),
              QStringLiteral("Ann changed new_study"));
}

TEST(TeamWindow, AColleaguesChangeAppearsLive)
{
    MGREVIEW_REQUIRE_BACKEND(Backend::Postgres);
    TempLibrary library;
    library.useBackend(Backend::Postgres, TempPostgresDatabase::Isolation::Database);
    gui::WindowOptions options;
    options.persistLayout = false;
    options.errorDialogs = false;
    gui::MainWindow window(options);
    window.show();
    OpenOptions openOptions;
    openOptions.studiesFolder = projectStudiesFolder();
    QSignalSpy listening(window.team(), &gui::TeamUi::listeningChanged);
    window.openLibrary(library.location(), openOptions);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.isLibraryLoaded(); }, 30000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !listening.isEmpty(); }, 30000));
    ASSERT_TRUE(window.team()->isListening());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.team()->teamRole().isEmpty(); }, 10000));
    EXPECT_EQ(window.team()->teamRole(), QStringLiteral("owner"));
    ASSERT_EQ(window.tableModel()->allStudies().size(), 20);

    // Ann, on another computer, retitles a study and adds one.
    QString error;
    std::unique_ptr<Database> ann = Database::open(library.location(), &error);
    ASSERT_TRUE(ann) << str(error);
    ann->setAuthor(QStringLiteral("Ann"));
    StudyStore annStore(*ann);
    std::optional<VersionedStudy> garrison = annStore.loadVersioned(QStringLiteral("garrison2020_cochrane"), &error);
    ASSERT_TRUE(garrison) << str(error);
    garrison->study.citation.title = QStringLiteral("Retitled by Ann");
    ASSERT_TRUE(annStore.update(garrison->study, garrison->version).saved());
    QSignalSpy refreshed(window.team(), &gui::TeamUi::rowsRefreshed);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        for (const StudySummary &s : window.tableModel()->allStudies()) {
            if (s.id == u"garrison2020_cochrane")
                return s.title == u"Retitled by Ann";
        }
        return false;
    }, 10000)) << "the table never showed Ann's title";
    EXPECT_EQ(window.statusBar()->currentMessage(), QStringLiteral("Ann changed Garrison 2020"));

    ASSERT_TRUE(annStore.insert(fullStudy(QStringLiteral("ann_new_study")), &error)) << str(error);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.tableModel()->allStudies().size() == 21; }, 10000));
    // Search finds the new study: the search index came with the rows.
    window.setSearchText(QStringLiteral("quoted backslash"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.isSearchSettled(); }, 10000));
    EXPECT_EQ(window.tableModel()->rowCount(), 1);
}

TEST(TeamWindow, AColleaguesNoteAppearsInTheNotesView)
{
    MGREVIEW_REQUIRE_BACKEND(Backend::Postgres);
    TempLibrary library;
    library.useBackend(Backend::Postgres, TempPostgresDatabase::Isolation::Database);
    Database &owner = library.open();
    QStringList errors;
    ASSERT_EQ(seedProjectStudies(owner, &errors), 20) << str(errors.join(u'\n'));
    QString error;
    ASSERT_TRUE(ReviewService(owner).addProfile({QStringLiteral("Ann"), Role::Reviewer}, &error)) << str(error);
    QStringList log;
    ASSERT_TRUE(initTeamLibrary(owner, &log, &error)) << str(error); // adds the notes and PDF notifications

    gui::WindowOptions options;
    options.persistLayout = false;
    options.errorDialogs = false;
    gui::MainWindow window(options);
    window.show();
    QSignalSpy listening(window.team(), &gui::TeamUi::listeningChanged);
    window.openLibrary(library.location(), {});
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.isLibraryLoaded(); }, 30000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !listening.isEmpty(); }, 30000));
    ASSERT_TRUE(window.team()->isListening());
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.annotations()->isSettled(); }, 10000));
    const int before = window.annotations()->notesModel()->rowCount();

    std::unique_ptr<Database> ann = Database::open(library.location(), &error);
    ASSERT_TRUE(ann) << str(error);
    ann->setAuthor(QStringLiteral("Ann"));
    QSignalSpy notes(window.team(), &gui::TeamUi::notesRefreshed);
    ASSERT_TRUE(AnnotationService(*ann).createFromQuote(
        QStringLiteral("garrison2020_cochrane"),
        QStringLiteral("unlikely that magnesium supplementation provides clinically meaningful cramp prophylaxis"),
        std::nullopt, QStringLiteral("Key finding"), QStringLiteral("seen live"), QStringLiteral("Ann"), &error))
        << str(error);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !notes.isEmpty(); }, 10000)) << "no notification of Ann's note";
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.annotations()->notesModel()->rowCount() == before + 1; }, 10000))
        << "the Notes view never showed Ann's note";
    EXPECT_EQ(window.team()->lastChangeMessage(), QStringLiteral("Ann changed the notes of Garrison 2020"));
}
