// Schema step 7: a library of version 6 gains the annotation tables and keeps its studies;
// the new history refuses edits from the start.
#include "corehelpers.h"

#include "annotations/annotationservice.h"
#include "review/reviewservice.h"
#include "store/migrations.h"
#include "store/studystore.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace mgreview;
using namespace mgreview::testing;

TEST(AnnotationMigration, SixToSevenAddsAnnotationTablesAndKeepsStudies)
{
    QTemporaryDir dir;
    LibraryLocation location;
    location.sqlitePath = dir.filePath(QStringLiteral("library.sqlite"));
    QString error;
    std::unique_ptr<Database> db = Database::openRaw(location, &error);
    ASSERT_TRUE(db) << str(error);
    ASSERT_TRUE(Migrations::migrate(*db, 6, &error)) << str(error);
    std::optional<Study> study = projectStudy(QStringLiteral("roffe2002_rct"), &error);
    ASSERT_TRUE(study) << str(error);
    ASSERT_TRUE(StudyStore(*db).insert(*study, &error)) << str(error);
    ASSERT_TRUE(ReviewService(*db).addProfile({ QStringLiteral("Stu"), Role::Student }, &error)) << str(error);
    EXPECT_FALSE(db->connection().tables().contains(QStringLiteral("annotations")));

    ASSERT_TRUE(Migrations::migrate(*db, 7, &error)) << str(error);
    EXPECT_EQ(Migrations::currentVersion(*db, &error), 7);
    EXPECT_TRUE(db->connection().tables().contains(QStringLiteral("annotations")));
    EXPECT_TRUE(db->connection().tables().contains(QStringLiteral("annotation_events")));
    EXPECT_EQ(StudyStore(*db).load(QStringLiteral("roffe2002_rct"), &error)->conclusions, study->conclusions);

    const std::optional<AnnotationResult> made = AnnotationService(*db).createFromQuote(QStringLiteral("roffe2002_rct"),
        QStringLiteral("magnesium may be effective"), std::nullopt, QStringLiteral("overstated"), {},
        QStringLiteral("Stu"), &error);
    ASSERT_TRUE(made) << str(error);
    QSqlQuery q(db->connection());
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE annotation_events SET after_json = '{}'")));
    EXPECT_TRUE(q.lastError().text().contains(QStringLiteral("append-only"))) << str(q.lastError().text());

    // And on to the latest version without touching them.
    ASSERT_TRUE(Migrations::migrate(*db, Migrations::latestVersion(), &error)) << str(error);
    EXPECT_EQ(AnnotationService(*db).list({}, &error)->size(), 1);
}
