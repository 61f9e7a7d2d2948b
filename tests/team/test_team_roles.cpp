// Roles in the database: after `team init`, each team role is refused, by PostgreSQL
// itself, what it may not do — even through plain SQL, as someone using psql would.
#include "corehelpers.h"

#include "annotations/annotationservice.h"
#include "review/reviewservice.h"
#include "pdf/pdftextstore.h"
#include "store/studystore.h"
#include "store/teamroles.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class TeamRolesTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        MGREVIEW_REQUIRE_BACKEND(Backend::Postgres);
        m_library.useBackend(Backend::Postgres);
        Database &owner = m_library.open();
        QStringList errors;
        ASSERT_EQ(seedProjectStudies(owner, &errors), 20) << str(errors.join(u'\n'));
        QString error;
        ReviewService review(owner);
        ASSERT_TRUE(review.addProfile({QStringLiteral("Bea"), Role::Reviewer}, &error)) << str(error);
        ASSERT_TRUE(review.addProfile({QStringLiteral("Ann"), Role::Clinician}, &error)) << str(error);
        QStringList log;
        ASSERT_TRUE(initTeamLibrary(owner, &log, &error)) << str(error);
        ASSERT_FALSE(log.isEmpty());
        // Running it again is harmless.
        ASSERT_TRUE(initTeamLibrary(owner, &log, &error)) << str(error);

        // One login per role, named after this test's schema so parallel tests never collide.
        for (const QString &role : teamRoleNames()) {
            const QString user = m_library.postgres()->name() + u'_' + role;
            ASSERT_TRUE(runAdminSql({QStringLiteral("CREATE ROLE %1 LOGIN").arg(user)}, &error)) << str(error);
            m_users.append(user);
            ASSERT_TRUE(grantTeamRole(owner, user, role, &error)) << str(error);
        }
    }
    void TearDown() override
    {
        m_clients.clear();
        QString error;
        for (const QString &user : std::as_const(m_users))
            EXPECT_TRUE(runAdminSql({QStringLiteral("DROP ROLE IF EXISTS %1").arg(user)}, &error)) << str(error);
    }

    /// The library as a member of `role` sees it.
    Database &as(const QString &role)
    {
        LibraryLocation location;
        location.kind = LibraryLocation::Kind::Postgres;
        location.url = m_library.postgres()->url(m_library.postgres()->name() + u'_' + role);
        QString error;
        std::unique_ptr<Database> db = Database::open(location, &error);
        if (!db)
            throw std::runtime_error("cannot connect as " + role.toStdString() + ": " + error.toStdString());
        m_clients.push_back(std::move(db));
        return *m_clients.back();
    }

    /// The error of running `sql`; empty when it worked.
    static QString sqlError(const Database &db, const QString &sql)
    {
        QSqlQuery q(db.connection());
        return q.exec(sql) ? QString() : q.lastError().text();
    }

    static JudgementContent judgement()
    {
        return {QStringLiteral("unclear"), {}, QStringLiteral("statement not found"), {}, {}, std::nullopt};
    }

    TempLibrary m_library;
    QStringList m_users;
    std::vector<std::unique_ptr<Database>> m_clients;
};

::testing::AssertionResult refused(const QString &error)
{
    if (error.contains(QStringLiteral("permission denied")))
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "expected 'permission denied', got: '" << str(error) << "'";
}

} // namespace

TEST_F(TeamRolesTest, ClinicianReadsAndWritesNothing)
{
    Database &db = as(QStringLiteral("clinician"));
    QString error;
    StudyStore store(db);
    EXPECT_EQ(store.count(&error), 20) << str(error);
    EXPECT_EQ(store.search(QStringLiteral("magnesium pregnancy"), &error)->isEmpty(), false) << str(error);

    EXPECT_FALSE(store.insert(fullStudy(QStringLiteral("by_clinician")), &error));
    EXPECT_TRUE(refused(error));
    std::optional<VersionedStudy> study = store.loadVersioned(QStringLiteral("garrison2020_cochrane"), &error);
    ASSERT_TRUE(study) << str(error);
    study->study.citation.title = QStringLiteral("Changed by a clinician");
    const SaveResult save = store.update(study->study, study->version);
    EXPECT_EQ(save.status, SaveResult::Status::Failed);
    EXPECT_TRUE(refused(save.error));
    EXPECT_FALSE(store.remove(QStringLiteral("garrison2020_cochrane"), &error));
    EXPECT_TRUE(refused(error));
    EXPECT_FALSE(ReviewService(db).recordJudgement(QStringLiteral("sebo2014_sr"), QStringLiteral("Bea"), judgement(),
                                                   &error));
    EXPECT_TRUE(refused(error));
    // Plain SQL, as with psql.
    EXPECT_TRUE(refused(sqlError(db, QStringLiteral("UPDATE studies SET title = 'x'"))));
    EXPECT_TRUE(refused(sqlError(db, QStringLiteral("DELETE FROM seed_log"))));
    EXPECT_TRUE(refused(sqlError(db, QStringLiteral("INSERT INTO profiles(name, role, created_at) "
                                                    "VALUES ('Eve', 'reviewer', 'now')"))));
    EXPECT_TRUE(refused(sqlError(db, QStringLiteral("TRUNCATE audit_log"))));
    EXPECT_TRUE(refused(sqlError(db, QStringLiteral("DROP TABLE studies"))).operator bool() ||
                sqlError(db, QStringLiteral("DROP TABLE studies")).contains(QStringLiteral("must be owner")));
    EXPECT_EQ(StudyStore(*m_library.database()).count(&error), 20);
}

TEST_F(TeamRolesTest, StudentMayNotJudgeOrEdit)
{
    Database &db = as(QStringLiteral("student"));
    QString error;
    EXPECT_EQ(StudyStore(db).count(&error), 20) << str(error);
    EXPECT_FALSE(StudyStore(db).insert(fullStudy(QStringLiteral("by_student")), &error));
    EXPECT_TRUE(refused(error));
    EXPECT_FALSE(ReviewService(db).recordJudgement(QStringLiteral("sebo2014_sr"), QStringLiteral("Bea"), judgement(),
                                                   &error));
    EXPECT_TRUE(refused(error));
    EXPECT_TRUE(refused(sqlError(db, QStringLiteral("INSERT INTO audit_log(at, actor, action) VALUES ('now', 'Stu', 'x')"))));
}

TEST_F(TeamRolesTest, ReviewerJudgesButNeverEditsStudiesOrHistory)
{
    Database &db = as(QStringLiteral("reviewer"));
    QString error;
    ReviewService review(db);
    const std::optional<ChangeResult> change
        = review.recordJudgement(QStringLiteral("sebo2014_sr"), QStringLiteral("Bea"), judgement(), &error);
    ASSERT_TRUE(change) << str(error);
    EXPECT_FALSE(StudyStore(db).insert(fullStudy(QStringLiteral("by_reviewer")), &error));
    EXPECT_TRUE(refused(error));
    EXPECT_TRUE(refused(sqlError(db, QStringLiteral("UPDATE review_judgements SET reason = 'rewritten'"))));
    EXPECT_TRUE(refused(sqlError(db, QStringLiteral("DELETE FROM audit_log"))));
    EXPECT_TRUE(refused(sqlError(db, QStringLiteral("UPDATE studies SET independence = 'independent'"))));
}

TEST_F(TeamRolesTest, EditorEditsStudiesButHistoryStaysAppendOnly)
{
    Database &db = as(QStringLiteral("editor"));
    QString error;
    StudyStore store(db);
    std::optional<VersionedStudy> study = store.loadVersioned(QStringLiteral("garrison2020_cochrane"), &error);
    ASSERT_TRUE(study) << str(error);
    study->study.citation.title = QStringLiteral("Edited by the editor");
    const SaveResult save = store.update(study->study, study->version);
    EXPECT_TRUE(save.saved()) << str(save.error);
    EXPECT_TRUE(store.insert(fullStudy(QStringLiteral("by_editor")), &error)) << str(error);
    // Even with rights on the tables, nobody rewrites history: the triggers refuse.
    ASSERT_TRUE(ReviewService(db).recordJudgement(QStringLiteral("sebo2014_sr"), QStringLiteral("Bea"), judgement(),
                                                  &error))
        << str(error);
    EXPECT_TRUE(refused(sqlError(db, QStringLiteral("DELETE FROM review_judgements"))));
    const QString ownerTries = sqlError(*m_library.database(), QStringLiteral("DELETE FROM review_judgements"));
    EXPECT_TRUE(ownerTries.contains(QStringLiteral("review_judgements is append-only"))) << str(ownerTries);
}

TEST_F(TeamRolesTest, StudentAnnotatesClinicianMayNotAndNobodyRewritesTheHistory)
{
    QString error;
    ASSERT_TRUE(ReviewService(*m_library.database()).addProfile({QStringLiteral("Stu"), Role::Student}, &error))
        << str(error);
    const QString study = QStringLiteral("garrison2020_cochrane");
    const QString quote
        = QStringLiteral("unlikely that magnesium supplementation provides clinically meaningful cramp prophylaxis");

    // A student annotates (history, current state and the study's search text in one go).
    Database &student = as(QStringLiteral("student"));
    const std::optional<AnnotationResult> made = AnnotationService(student).createFromQuote(
        study, quote, std::nullopt, QStringLiteral("Key finding"), QStringLiteral("zebrafinch note"),
        QStringLiteral("Stu"), &error);
    ASSERT_TRUE(made) << str(error);
    ASSERT_TRUE(AnnotationService(student).edit(made->annotation.id, QStringLiteral("Stu"), std::nullopt,
                                                QStringLiteral("zebrafinch note, edited"), &error))
        << str(error);
    Database &clinician = as(QStringLiteral("clinician"));
    const std::optional<QVector<qint64>> found = StudyStore(clinician).search(QStringLiteral("zebrafinch"), &error);
    ASSERT_TRUE(found) << str(error);
    EXPECT_EQ(found->size(), 1);
    // An editor's save of the study keeps its notes searchable.
    Database &editor = as(QStringLiteral("editor"));
    std::optional<VersionedStudy> edited = StudyStore(editor).loadVersioned(study, &error);
    ASSERT_TRUE(edited) << str(error);
    edited->study.citation.title = QStringLiteral("Edited after the annotation");
    const SaveResult save = StudyStore(editor).update(edited->study, edited->version);
    ASSERT_TRUE(save.saved()) << str(save.error);
    EXPECT_EQ(StudyStore(clinician).search(QStringLiteral("zebrafinch"), &error)->size(), 1) << str(error);

    // A clinician who claims to be the student is stopped by the database itself.
    EXPECT_FALSE(AnnotationService(clinician).createFromQuote(study, quote, std::nullopt, QStringLiteral("Overstated"),
                                                             {}, QStringLiteral("Stu"), &error));
    EXPECT_TRUE(refused(error));
    EXPECT_TRUE(refused(sqlError(clinician, QStringLiteral("UPDATE annotations SET note = 'x'"))));
    // The student may not erase annotations or history, nor touch PDFs or judgements.
    EXPECT_TRUE(refused(sqlError(student, QStringLiteral("DELETE FROM annotations"))));
    EXPECT_TRUE(refused(sqlError(student, QStringLiteral("UPDATE annotation_events SET actor = 'Eve'"))));
    EXPECT_TRUE(refused(sqlError(student, QStringLiteral("DELETE FROM pdf_attachments"))));
    EXPECT_TRUE(refused(sqlError(student, QStringLiteral("INSERT INTO pdf_files(sha256, size, added_at) "
                                                         "VALUES ('0', 1, 'now')"))));
    // Even the owner: the history is append-only and annotations are never removed.
    const QString ownerRewrites = sqlError(*m_library.database(), QStringLiteral("UPDATE annotation_events SET actor = 'Eve'"));
    EXPECT_TRUE(ownerRewrites.contains(QStringLiteral("annotation_events is append-only"))) << str(ownerRewrites);
    const QString ownerTruncates = sqlError(*m_library.database(), QStringLiteral("TRUNCATE annotation_events CASCADE"));
    EXPECT_TRUE(ownerTruncates.contains(QStringLiteral("append-only"))
                || ownerTruncates.contains(QStringLiteral("never removed")))
        << str(ownerTruncates);
    const QString ownerDeletes = sqlError(*m_library.database(), QStringLiteral("DELETE FROM annotations"));
    EXPECT_TRUE(ownerDeletes.contains(QStringLiteral("never removed"))) << str(ownerDeletes);
}

TEST_F(TeamRolesTest, StudentsReindexOnlyTheirNotesNeverTheStudyText)
{
    QString error;
    ASSERT_TRUE(ReviewService(*m_library.database()).addProfile({QStringLiteral("Stu"), Role::Student}, &error))
        << str(error);
    const QString study = QStringLiteral("garrison2020_cochrane");
    Database &student = as(QStringLiteral("student"));
    Database &clinician = as(QStringLiteral("clinician"));
    const auto found = [&](const QString &words) {
        QString searchError;
        const std::optional<QVector<qint64>> keys = StudyStore(clinician).search(words, &searchError);
        EXPECT_TRUE(keys) << str(searchError);
        return keys ? keys->size() : -1;
    };
    const qsizetype ownWords = found(QStringLiteral("magnesium skeletal"));
    ASSERT_GT(ownWords, 0);

    // With psql: study_text is closed to students, whatever they try.
    EXPECT_TRUE(refused(sqlError(student, QStringLiteral("UPDATE study_text SET title = 'rewritten'"))));
    EXPECT_TRUE(refused(sqlError(student, QStringLiteral("UPDATE study_text SET words = ''"))));
    EXPECT_TRUE(refused(sqlError(student, QStringLiteral("DELETE FROM study_text"))));
    EXPECT_TRUE(refused(sqlError(student, QStringLiteral("INSERT INTO study_text(study_pk, words) VALUES (-1, '')"))));
    // The one door, mgreview_index_notes(), replaces the annotation words only: the study's
    // own words stay, even when it is called with nothing or with a forged weight.
    EXPECT_EQ(sqlError(student, QStringLiteral("SELECT mgreview_index_notes('%1', '', '')").arg(study)), QString());
    EXPECT_EQ(sqlError(student, QStringLiteral("SELECT mgreview_index_notes('%1', 'x', 'qqforged'':1A ''qqa')")
                                    .arg(study)),
              QString());
    EXPECT_EQ(found(QStringLiteral("magnesium skeletal")), ownWords);
    // Clinicians may not annotate, so not even that.
    EXPECT_TRUE(refused(sqlError(clinician, QStringLiteral("SELECT mgreview_index_notes('%1', 'x', 'x')").arg(study))));

    // Through the program: a student's note is found, and gone once the note is deleted.
    const QString quote
        = QStringLiteral("unlikely that magnesium supplementation provides clinically meaningful cramp prophylaxis");
    const std::optional<AnnotationResult> made = AnnotationService(student).createFromQuote(
        study, quote, std::nullopt, QStringLiteral("Key finding"), QStringLiteral("quokkanote"),
        QStringLiteral("Stu"), &error);
    ASSERT_TRUE(made) << str(error);
    EXPECT_EQ(found(QStringLiteral("quokkanote")), 1);
    EXPECT_EQ(found(QStringLiteral("qqforged")), 0) << "the forged words were replaced by the real notes";
    ASSERT_TRUE(AnnotationService(student).remove(made->annotation.id, QStringLiteral("Stu"), &error)) << str(error);
    EXPECT_EQ(found(QStringLiteral("quokkanote")), 0);
    EXPECT_EQ(found(QStringLiteral("magnesium skeletal")), ownWords);
    // The study's text itself is as the editor wrote it.
    QSqlQuery q(clinician.connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT t.title FROM study_text t JOIN studies s ON s.pk = t.study_pk "
                                      "WHERE s.id = '%1'").arg(study)) && q.next());
    EXPECT_NE(q.value(0).toString(), QStringLiteral("rewritten"));
    EXPECT_FALSE(q.value(0).toString().isEmpty());
}

TEST_F(TeamRolesTest, EditorAttachesPdfsOthersMayNot)
{
    // PDF text written as the editor is found by everybody, by the same word rules as study
    // search: prefixes, case and accents ignored, every term on the same page.
    Database &editor = as(QStringLiteral("editor"));
    QSqlQuery q(editor.connection());
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO pdf_files(sha256, size, added_at) VALUES ('abc', 10, 'now')")))
        << str(q.lastError().text());
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO pdf_attachments(study_id, sha256, label, storage, path, "
                                      "original_name, attached_at) VALUES ('sebo2014_sr', 'abc', 'full text', "
                                      "'linked', '/x/sebo.pdf', 'sebo.pdf', 'now')")))
        << str(q.lastError().text());
    QString error;
    ASSERT_TRUE(PdfTextStore(editor).savePages(
        QStringLiteral("abc"),
        {PdfPageText{QStringLiteral("Nocturnal leg cramps in Genève."), {}},
         PdfPageText{QStringLiteral("Magnésium did not HELP; quinine-free."), {}}},
        &error))
        << str(error);
    Database &student = as(QStringLiteral("student"));
    const std::optional<QVector<PdfPageHit>> hits
        = PdfTextStore(student).search(QStringLiteral("magnesium hel"), &error);
    ASSERT_TRUE(hits) << str(error);
    ASSERT_EQ(hits->size(), 1);
    EXPECT_EQ(hits->first().page, 2);
    EXPECT_EQ(hits->first().studyId, QStringLiteral("sebo2014_sr"));
    EXPECT_EQ(PdfTextStore(student).search(QStringLiteral("geneve"), &error)->size(), 1) << str(error);
    EXPECT_TRUE(PdfTextStore(student).search(QStringLiteral("geneve magnesium"), &error)->isEmpty()) << str(error);
    EXPECT_TRUE(PdfTextStore(student).search(QStringLiteral("ramps"), &error)->isEmpty()) << str(error);
    const std::optional<QVector<qint64>> keys = PdfTextStore(student).matchingStudyKeys(QStringLiteral("QUIN"), &error);
    ASSERT_TRUE(keys) << str(error);
    EXPECT_EQ(keys->size(), 1);

    EXPECT_TRUE(refused(sqlError(student, QStringLiteral("DELETE FROM pdf_pages"))));
    EXPECT_TRUE(refused(sqlError(as(QStringLiteral("reviewer")), QStringLiteral("UPDATE pdf_attachments SET label = 'x'"))));
    EXPECT_TRUE(refused(sqlError(as(QStringLiteral("clinician")), QStringLiteral("DELETE FROM quote_checks"))));
}

TEST_F(TeamRolesTest, EachConnectionKnowsItsRole)
{
    QString error;
    EXPECT_EQ(connectedTeamRole(*m_library.database(), &error), QStringLiteral("owner")) << str(error);
    for (const QString &role : teamRoleNames())
        EXPECT_EQ(connectedTeamRole(as(role), &error), role) << str(error);
}

TEST_F(TeamRolesTest, UnknownRoleIsRefusedWithTheChoices)
{
    QString error;
    EXPECT_FALSE(grantTeamRole(*m_library.database(), m_users.constFirst(), QStringLiteral("admin"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("clinician, student, reviewer, editor"))) << str(error);
}

TEST(TeamRolesSqlite, NeedAPostgresLibrary)
{
    TempLibrary library;
    Database &db = library.open();
    QStringList log;
    QString error;
    EXPECT_FALSE(initTeamLibrary(db, &log, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("PostgreSQL"))) << str(error);
}
