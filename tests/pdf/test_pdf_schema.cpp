// Schema step 5 -> 6 (core/pdf/pdfschema.cpp), tested from the previous version.
#include "corehelpers.h"

#include "store/database.h"
#include "store/migrations.h"
#include "store/studystore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace mgreview;
using namespace mgreview::testing;

TEST(PdfSchema, FiveToSixAddsPdfTablesAndKeepsStudies)
{
    QTemporaryDir dir;
    LibraryLocation location;
    location.sqlitePath = dir.filePath(QStringLiteral("library.sqlite"));
    QString error;
    const std::unique_ptr<Database> db = Database::openRaw(location, &error);
    ASSERT_TRUE(db) << str(error);
    ASSERT_TRUE(Migrations::migrate(*db, 5, &error)) << str(error);
    ASSERT_TRUE(StudyStore(*db).insert(fullStudy(QStringLiteral("kept")), &error)) << str(error);
    const QStringList pdfTables{QStringLiteral("pdf_files"), QStringLiteral("pdf_attachments"), QStringLiteral("pdf_pages"),
                                QStringLiteral("quote_checks"), QStringLiteral("pdf_page_text")};
    for (const QString &table : pdfTables)
        ASSERT_FALSE(db->connection().tables().contains(table)) << str(table);

    ASSERT_TRUE(Migrations::migrate(*db, 6, &error)) << str(error);
    EXPECT_EQ(Migrations::currentVersion(*db, &error), 6);
    for (const QString &table : pdfTables)
        EXPECT_TRUE(db->connection().tables().contains(table)) << str(table);
    const std::optional<Study> kept = StudyStore(*db).load(QStringLiteral("kept"), &error);
    ASSERT_TRUE(kept) << str(error);
    EXPECT_TRUE(sameStudy(fullStudy(QStringLiteral("kept")), *kept));

    // The checks hold: a label-less storage word or a page 0 is refused.
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO pdf_files(sha256, size, added_at) VALUES ('ab', 1, 'now')")))
        << str(q.lastError().text());
    EXPECT_FALSE(q.exec(QStringLiteral("INSERT INTO pdf_attachments(study_id, sha256, label, storage, path, original_name, "
                                       "attached_at) VALUES ('kept', 'ab', 'x', 'elsewhere', 'p', 'n', 'now')")));
    EXPECT_FALSE(q.exec(QStringLiteral("INSERT INTO pdf_pages(sha256, page, text) VALUES ('ab', 0, '')")));
    ASSERT_TRUE(Migrations::migrate(*db, Migrations::latestVersion(), &error)) << str(error);
}
