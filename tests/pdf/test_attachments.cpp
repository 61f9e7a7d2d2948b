// Attach, detach and deduplicate PDFs by SHA-256.
#include "pdffixture.h"

#include "pdf/attachmentstore.h"

#include <QFileInfo>
#include <QSqlQuery>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class AttachmentTest : public PdfLibraryTest
{
protected:
    void SetUp() override
    {
        PdfLibraryTest::SetUp();
        m_pdf = makePdf(QStringLiteral("Roffe 2002.pdf"), {QStringLiteral("Magnesium citrate for leg cramps")});
    }
    int rowCount(const QString &table)
    {
        QSqlQuery q(database().connection());
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM ") + table) && q.next());
        return q.value(0).toInt();
    }
    QString m_pdf;
};

} // namespace

TEST_F(AttachmentTest, StoredUnderItsHashBesideTheLibrary)
{
    AttachmentStore store(database());
    EXPECT_EQ(store.folder(), m_library.path() + QStringLiteral(".attachments"));
    QString error;
    const auto result = store.attach(QStringLiteral("roffe2002_rct"), m_pdf, QStringLiteral("full text"),
                                     AttachmentStorage::Stored, &error);
    ASSERT_TRUE(result) << str(error);
    const Attachment &a = result->attachment;
    const QString sha = AttachmentStore::sha256OfFile(m_pdf, &error);
    ASSERT_EQ(sha.size(), 64);
    EXPECT_EQ(a.sha256, sha);
    EXPECT_EQ(a.storedPath, sha.left(2) + u'/' + sha.mid(2) + QStringLiteral(".pdf"));
    EXPECT_EQ(a.filePath, store.folder() + u'/' + a.storedPath);
    EXPECT_EQ(readFileBytes(a.filePath), readFileBytes(m_pdf));
    EXPECT_EQ(a.originalName, QStringLiteral("Roffe 2002.pdf"));
    EXPECT_EQ(a.label, QStringLiteral("full text"));
    EXPECT_EQ(a.textStatus, QStringLiteral("pending"));
    EXPECT_FALSE(result->alreadyAttached);
}

TEST_F(AttachmentTest, SameFileIsStoredOnceAndDetachKeepsItWhileUsed)
{
    AttachmentStore store(database());
    QString error;
    const auto first = store.attach(QStringLiteral("roffe2002_rct"), m_pdf, {}, AttachmentStorage::Stored, &error);
    ASSERT_TRUE(first) << str(error);
    const auto again = store.attach(QStringLiteral("roffe2002_rct"), m_pdf, QStringLiteral("other"),
                                    AttachmentStorage::Stored, &error);
    ASSERT_TRUE(again) << str(error);
    EXPECT_TRUE(again->alreadyAttached);
    const auto second = store.attach(QStringLiteral("dahle1995_rct"), m_pdf, QStringLiteral("supplement"),
                                     AttachmentStorage::Stored, &error);
    ASSERT_TRUE(second) << str(error);
    EXPECT_TRUE(second->reusedStoredFile);
    EXPECT_EQ(second->attachment.filePath, first->attachment.filePath);
    EXPECT_EQ(rowCount(QStringLiteral("pdf_files")), 1);
    EXPECT_EQ(rowCount(QStringLiteral("pdf_attachments")), 2);
    EXPECT_EQ(QDir(store.folder()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);

    // Detaching from one study keeps the file for the other; the study itself is untouched.
    const Study before = study(QStringLiteral("roffe2002_rct"));
    ASSERT_TRUE(store.detach(QStringLiteral("roffe2002_rct"), first->attachment.sha256.left(10), &error)) << str(error);
    EXPECT_TRUE(QFileInfo::exists(first->attachment.filePath));
    EXPECT_EQ(study(QStringLiteral("roffe2002_rct")), before);
    EXPECT_TRUE(store.attachments(QStringLiteral("roffe2002_rct"), &error)->isEmpty());
    // The last use goes: so do the stored file and its row.
    ASSERT_TRUE(store.detach(QStringLiteral("dahle1995_rct"), QStringLiteral("Supplement"), &error)) << str(error);
    EXPECT_FALSE(QFileInfo::exists(first->attachment.filePath));
    EXPECT_EQ(rowCount(QStringLiteral("pdf_files")), 0);
}

TEST_F(AttachmentTest, SeveralPdfsPerStudyAndAmbiguousLabelsRefused)
{
    AttachmentStore store(database());
    QString error;
    const QString supplement = makePdf(QStringLiteral("s1.pdf"), {QStringLiteral("Supplement one")});
    const QString other = makePdf(QStringLiteral("s2.pdf"), {QStringLiteral("Supplement two")});
    ASSERT_TRUE(store.attach(QStringLiteral("roffe2002_rct"), m_pdf, {}, AttachmentStorage::Stored, &error));
    ASSERT_TRUE(store.attach(QStringLiteral("roffe2002_rct"), supplement, QStringLiteral("supplement"), AttachmentStorage::Stored, &error));
    ASSERT_TRUE(store.attach(QStringLiteral("roffe2002_rct"), other, QStringLiteral("supplement"), AttachmentStorage::Linked, &error));
    const auto list = store.attachments(QStringLiteral("roffe2002_rct"), &error);
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 3);
    EXPECT_EQ(list->at(2).storage, AttachmentStorage::Linked);
    EXPECT_EQ(list->at(2).filePath, QFileInfo(other).absoluteFilePath());

    EXPECT_FALSE(store.detach(QStringLiteral("roffe2002_rct"), QStringLiteral("supplement"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("names 2 PDFs"))) << str(error);
    EXPECT_FALSE(store.detach(QStringLiteral("roffe2002_rct"), QStringLiteral("nothing"), &error));
    // Detaching a linked file never deletes the user's file.
    ASSERT_TRUE(store.detach(QStringLiteral("roffe2002_rct"), list->at(2).sha256, &error)) << str(error);
    EXPECT_TRUE(QFileInfo::exists(other));
}

TEST_F(AttachmentTest, BadFilesAndUnknownStudiesAreRefusedWithAReason)
{
    AttachmentStore store(database());
    QString error;
    const QString empty = m_files.filePath(QStringLiteral("empty.pdf"));
    ASSERT_TRUE(writeFileBytes(empty, {}));
    EXPECT_FALSE(store.attach(QStringLiteral("roffe2002_rct"), empty, {}, AttachmentStorage::Stored, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("empty.pdf")) && error.contains(QStringLiteral("0 bytes"))) << str(error);
    const QString text = m_files.filePath(QStringLiteral("text.pdf"));
    ASSERT_TRUE(writeFileBytes(text, "hello"));
    EXPECT_FALSE(store.attach(QStringLiteral("roffe2002_rct"), text, {}, AttachmentStorage::Stored, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("not a PDF"))) << str(error);
    EXPECT_FALSE(store.attach(QStringLiteral("no_such_study"), m_pdf, {}, AttachmentStorage::Stored, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("no_such_study"))) << str(error);
    EXPECT_EQ(rowCount(QStringLiteral("pdf_files")), 0);
    EXPECT_FALSE(QDir(store.folder()).exists() && !QDir(store.folder()).isEmpty());
}
