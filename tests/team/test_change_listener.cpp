// Live changes: a committed change by one client reaches another client's ChangeListener.
#include "corehelpers.h"

#include "annotations/annotationservice.h"
#include "review/reviewservice.h"
#include "store/changelistener.h"
#include "store/teamroles.h"
#include "store/studystore.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class ChangeListenerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(Backend::Postgres);
        // Notifications are per database: a database of its own keeps other tests' out.
        m_library.useBackend(Backend::Postgres, TempPostgresDatabase::Isolation::Database);
        m_library.open().setAuthor(QStringLiteral("Ann"));
        QString error;
        m_colleague = Database::open(m_library.location(), &error);
        ASSERT_TRUE(m_colleague) << str(error);
        m_colleague->setAuthor(QStringLiteral("Bea: reviewer"));
    }
    void TearDown() override { m_colleague.reset(); }

    TempLibrary m_library;
    std::unique_ptr<Database> m_colleague;
};

} // namespace

TEST(ChangePayload, Parses)
{
    EXPECT_EQ(ChangeListener::parsePayload(QStringLiteral("studies:garrison2020_cochrane:3:Ann")),
              (RowChange{QStringLiteral("studies"), QStringLiteral("garrison2020_cochrane"), 3, QStringLiteral("Ann")}));
    // The author is free text and comes last.
    EXPECT_EQ(ChangeListener::parsePayload(QStringLiteral("annotations:17::Bea: reviewer"))->author,
              QStringLiteral("Bea: reviewer"));
    EXPECT_EQ(ChangeListener::parsePayload(QStringLiteral("annotations:17::Bea"))->version, 0);
    EXPECT_FALSE(ChangeListener::parsePayload(QStringLiteral("studies:x:3")));
    EXPECT_FALSE(ChangeListener::parsePayload(QStringLiteral("studies:x:three:Ann")));
    EXPECT_FALSE(ChangeListener::parsePayload(QStringLiteral(":x:1:Ann")));
}

TEST_F(ChangeListenerTest, AColleaguesSaveReachesTheOtherClient)
{
    ChangeListener listener(*m_library.database());
    QString error;
    ASSERT_TRUE(listener.start(&error)) << str(error);
    ASSERT_TRUE(listener.isListening());
    QSignalSpy studies(&listener, &ChangeListener::studyChanged);
    QSignalSpy all(&listener, &ChangeListener::changed);

    StudyStore theirs(*m_colleague);
    ASSERT_TRUE(theirs.insert(fullStudy(QStringLiteral("garrison2020_cochrane")), &error)) << str(error);
    ASSERT_TRUE(studies.wait(10000)) << "no notification of the insert";
    ASSERT_EQ(studies.size(), 1);
    EXPECT_EQ(studies.at(0).at(0).toString(), QStringLiteral("garrison2020_cochrane"));
    EXPECT_EQ(studies.at(0).at(1).toInt(), 1);
    EXPECT_EQ(studies.at(0).at(2).toString(), QStringLiteral("Bea: reviewer"));

    Study edited = fullStudy(QStringLiteral("garrison2020_cochrane"));
    edited.citation.title = QStringLiteral("Edited by Bea");
    ASSERT_TRUE(theirs.update(edited, 1).saved());
    ASSERT_TRUE(studies.wait(10000)) << "no notification of the update";
    EXPECT_EQ(studies.at(1).at(1).toInt(), 2);
    // The listener's library sees the change at once.
    EXPECT_EQ(StudyStore(*m_library.database()).load(QStringLiteral("garrison2020_cochrane"), &error)->citation.title,
              QStringLiteral("Edited by Bea"));
    EXPECT_EQ(all.size(), 2);
    EXPECT_EQ(qvariant_cast<RowChange>(all.at(1).at(0)).table, QStringLiteral("studies"));
}

TEST_F(ChangeListenerTest, RolledBackChangesAreNeverAnnounced)
{
    ChangeListener listener(*m_library.database());
    QString error;
    ASSERT_TRUE(listener.start(&error)) << str(error);
    QSignalSpy studies(&listener, &ChangeListener::studyChanged);
    StudyStore theirs(*m_colleague);
    EXPECT_FALSE(theirs.insertMany({fullStudy(QStringLiteral("rolled_back"))}, &error, {},
                                   [](QSqlDatabase &, QString *extraError) {
                                       *extraError = QStringLiteral("refused");
                                       return false;
                                   }));
    // Then a committed change: it must be the first (and only) one heard.
    ASSERT_TRUE(theirs.insert(fullStudy(QStringLiteral("committed")), &error)) << str(error);
    ASSERT_TRUE(studies.wait(10000));
    ASSERT_EQ(studies.size(), 1);
    EXPECT_EQ(studies.at(0).at(0).toString(), QStringLiteral("committed"));

    // My own saves are announced with my name (the GUI leaves those out of its messages).
    ASSERT_TRUE(StudyStore(*m_library.database()).remove(QStringLiteral("committed"), &error)) << str(error);
    ASSERT_TRUE(studies.wait(10000));
    EXPECT_EQ(studies.at(1).at(2).toString(), QStringLiteral("Ann"));
}

TEST_F(ChangeListenerTest, AnnotationsAndPdfAttachmentsOfATeamLibraryAreAnnounced)
{
    // `team init` adds the triggers; the colleague annotates and attaches a PDF.
    Database &owner = *m_library.database();
    QStringList errors;
    ASSERT_EQ(seedProjectStudies(owner, &errors), 20) << str(errors.join(u'\n'));
    QString error;
    ASSERT_TRUE(ReviewService(owner).addProfile({QStringLiteral("Bea"), Role::Reviewer}, &error)) << str(error);
    QStringList log;
    ASSERT_TRUE(initTeamLibrary(owner, &log, &error)) << str(error);
    ChangeListener listener(owner);
    ASSERT_TRUE(listener.start(&error)) << str(error);
    QSignalSpy all(&listener, &ChangeListener::changed);
    const QString study = QStringLiteral("garrison2020_cochrane");
    const auto heard = [&](const QString &table) -> std::optional<RowChange> {
        for (int waited = 0; waited < 100; ++waited) {
            for (const QList<QVariant> &signal : std::as_const(all)) {
                const RowChange change = qvariant_cast<RowChange>(signal.at(0));
                if (change.table == table)
                    return change;
            }
            all.wait(100);
        }
        return std::nullopt;
    };

    ASSERT_TRUE(AnnotationService(*m_colleague)
                    .createFromQuote(study,
                                     QStringLiteral("unlikely that magnesium supplementation provides clinically "
                                                    "meaningful cramp prophylaxis"),
                                     std::nullopt, QStringLiteral("Key finding"), QStringLiteral("a note"),
                                     QStringLiteral("Bea"), &error))
        << str(error);
    const std::optional<RowChange> note = heard(QStringLiteral("annotations"));
    ASSERT_TRUE(note) << "no notification of the annotation";
    EXPECT_EQ(note->key, study);
    EXPECT_EQ(note->author, QStringLiteral("Bea: reviewer"));

    QSqlQuery q(m_colleague->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO pdf_files(sha256, size, added_at) VALUES ('abc', 10, 'now')")));
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO pdf_attachments(study_id, sha256, label, storage, path, "
                                      "original_name, attached_at) VALUES ('%1', 'abc', 'full text', 'linked', "
                                      "'/x/g.pdf', 'g.pdf', 'now')")
                           .arg(study)))
        << str(q.lastError().text());
    const std::optional<RowChange> pdf = heard(QStringLiteral("pdf_attachments"));
    ASSERT_TRUE(pdf) << "no notification of the PDF";
    EXPECT_EQ(pdf->key, study);
}

TEST(ChangeListenerSqlite, StartsAndStaysQuiet)
{
    TempLibrary library;
    Database &db = library.open();
    ChangeListener listener(db);
    QString error;
    EXPECT_TRUE(listener.start(&error)) << str(error);
    EXPECT_FALSE(listener.isListening());
}
