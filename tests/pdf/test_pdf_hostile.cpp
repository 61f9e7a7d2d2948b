// Issue 6 §6: hostile and encrypted PDFs through the library commands. Every PDF a command
// reads goes through a child process with --timeout, so a file that would keep Poppler busy
// for minutes is reported (naming the file and the problem) and the rest goes on; encrypted
// attachments take --password, which is never stored.
#include "clifixture.h"
#include "pdftestsupport.h"
#include "support/templibrary.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

// Roffe 2002's conclusion (studies/), line-broken and hyphenated as a journal prints it.
const QStringList kRoffePage{QStringLiteral("The results suggest that magnesium may be ef-"),
                             QStringLiteral("fective in treatment of nocturnal leg cramps. Further"),
                             QStringLiteral("evaluation is recommended.")};
// Ten billion text operators (nested forms): hours of Poppler time, a few kilobytes on disk.
constexpr qint64 kBombOperations = 10'000'000'000;

class PdfHostileTest : public CliProcessTest
{
protected:
    QString bomb(const QString &folder)
    {
        const QString path = QDir(folder).filePath(QStringLiteral("bomb.pdf"));
        EXPECT_TRUE(writeTextBombPdf(path, kBombOperations));
        return path;
    }
    /// Roffe's page, encrypted with `password` (bytes as given) by qpdf; empty when qpdf is missing.
    QString encryptedRoffe(const QByteArray &password, int bits)
    {
        const QString plain = m_scratch.filePath(QStringLiteral("plain.pdf"));
        EXPECT_TRUE(writeTestPdf(plain, TestPdf{{{QStringLiteral("Roffe et al.")}, kRoffePage}, {}, {}}));
        const QString encrypted = m_scratch.filePath(QStringLiteral("roffe-encrypted-%1.pdf").arg(bits));
        QString error;
        if (!encryptWithQpdf(plain, encrypted, password, bits, &error)) {
            m_skipReason = error;
            return {};
        }
        return encrypted;
    }
    QJsonArray verifyJson(const QStringList &extra = {})
    {
        const CliResult r = cli(QStringList{QStringLiteral("verify-quotes"), QStringLiteral("roffe2002_rct"),
                                            QStringLiteral("--format"), QStringLiteral("json")} + extra);
        EXPECT_EQ(r.exitCode, 0) << str(r.errText());
        QString error;
        const auto array = jsonArray(r, &error);
        EXPECT_TRUE(array) << str(error) << str(r.outText());
        m_lastErr = r.errText();
        return array.value_or(QJsonArray());
    }
    QString m_skipReason;
    QString m_lastErr;
};

QJsonObject byFile(const QJsonArray &array, const QString &suffix)
{
    for (const QJsonValue &value : array) {
        if (value.toObject().value(QStringLiteral("file")).toString().endsWith(suffix))
            return value.toObject();
    }
    return {};
}

} // namespace

TEST_F(PdfHostileTest, LinkPdfsGivesUpOnAHostilePdfAndLinksTheOthers)
{
    const QString folder = m_scratch.filePath(QStringLiteral("inbox"));
    ASSERT_TRUE(QDir().mkpath(folder));
    bomb(folder);
    ASSERT_TRUE(writeTestPdf(QDir(folder).filePath(QStringLiteral("sebo.pdf")),
                             TestPdf{{{QStringLiteral("doi: 10.1093/fampra/cmt065")}}, {}, {}}));
    const CliResult r = cli({QStringLiteral("link-pdfs"), folder, QStringLiteral("--dry-run"), QStringLiteral("--timeout"),
                             QStringLiteral("2"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_TRUE(r.finished);
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    QString error;
    const auto results = jsonArray(r, &error);
    ASSERT_TRUE(results) << str(error);
    const QJsonObject hostile = byFile(*results, QStringLiteral("/bomb.pdf"));
    EXPECT_EQ(hostile.value(QStringLiteral("outcome")).toString(), QStringLiteral("unreadable"));
    const QString message = hostile.value(QStringLiteral("message")).toString();
    EXPECT_TRUE(message.contains(QDir(folder).filePath(QStringLiteral("bomb.pdf")))) << str(message);
    EXPECT_TRUE(message.contains(QStringLiteral("gave up after 2 s"))) << str(message);
    const QJsonObject sebo = byFile(*results, QStringLiteral("/sebo.pdf"));
    EXPECT_EQ(sebo.value(QStringLiteral("outcome")).toString(), QStringLiteral("matched"));
    EXPECT_EQ(sebo.value(QStringLiteral("study")).toString(), QStringLiteral("sebo2014_sr"));
}

TEST_F(PdfHostileTest, VerifyQuotesOnAnUnindexedHostilePdfReportsItAndChecksTheOthers)
{
    const QString good = m_scratch.filePath(QStringLiteral("roffe.pdf"));
    ASSERT_TRUE(writeTestPdf(good, TestPdf{{kRoffePage}, {}, {}}));
    const QString hostile = bomb(m_scratch.path());
    for (const QString &file : {good, hostile}) {
        const CliResult r = cli({QStringLiteral("attach"), QStringLiteral("roffe2002_rct"), file});
        ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    }
    const QJsonArray checks = verifyJson({QStringLiteral("--timeout"), QStringLiteral("2")});
    ASSERT_EQ(checks.size(), 2);
    QStringList statuses;
    for (const QJsonValue &value : checks) {
        const QJsonObject check = value.toObject();
        if (check.value(QStringLiteral("pdf")).toString() == u"bomb.pdf") {
            EXPECT_EQ(check.value(QStringLiteral("status")).toString(), QStringLiteral("not-found"));
            const QString problem = check.value(QStringLiteral("problem")).toString();
            EXPECT_TRUE(problem.contains(QStringLiteral("bomb.pdf: gave up after 2 s"))) << str(problem);
        } else {
            EXPECT_EQ(check.value(QStringLiteral("status")).toString(), QStringLiteral("verified"));
        }
        statuses.append(check.value(QStringLiteral("status")).toString());
    }
    EXPECT_TRUE(statuses.contains(QStringLiteral("verified")));
}

TEST_F(PdfHostileTest, SharedJbig2BombIsReportedNotHung)
{
    const QString shared = sharedFolder();
    const QString path = QDir(shared).filePath(QStringLiteral("testdata/pdf.js/test/pdfs/bomb_giant.pdf"));
    if (shared.isEmpty() || !QFile::exists(path))
        GTEST_SKIP() << "../shared/testdata is absent";
    const QString folder = m_scratch.filePath(QStringLiteral("shared"));
    ASSERT_TRUE(QDir().mkpath(folder));
    ASSERT_TRUE(QFile::copy(path, QDir(folder).filePath(QStringLiteral("bomb_giant.pdf"))));
    const CliResult r = cli({QStringLiteral("link-pdfs"), folder, QStringLiteral("--dry-run"), QStringLiteral("--timeout"),
                             QStringLiteral("3")});
    ASSERT_TRUE(r.finished);
    EXPECT_EQ(r.exitCode, 0) << str(r.errText());
    // Either the time or the memory limit stops it; both name the file.
    EXPECT_TRUE(r.outText().startsWith(QStringLiteral("unreadable %1/bomb_giant.pdf: %1/bomb_giant.pdf: ").arg(folder)))
        << str(r.outText());
    EXPECT_TRUE(r.errText().contains(QStringLiteral("0 matched (0 attached, dry run), 0 ambiguous, 0 unmatched, 1 unreadable")))
        << str(r.errText());
}

TEST_F(PdfHostileTest, EncryptedAttachmentIsCheckedWithThePasswordWhichIsNotStored)
{
    const QByteArray password = QStringLiteral("Zx-pässwörd-42").toUtf8(); // AES-256 takes UTF-8
    const QString pdf = encryptedRoffe(password, 256);
    if (pdf.isEmpty())
        GTEST_SKIP() << str(m_skipReason);
    CliResult r = cli({QStringLiteral("attach"), QStringLiteral("roffe2002_rct"), pdf});
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());

    QJsonArray checks = verifyJson();
    ASSERT_EQ(checks.size(), 1);
    EXPECT_EQ(checks.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("not-found"));
    EXPECT_TRUE(checks.at(0).toObject().value(QStringLiteral("problem")).toString().contains(QStringLiteral("needs a password")));
    EXPECT_TRUE(m_lastErr.contains(QStringLiteral("--password"))) << str(m_lastErr);

    checks = verifyJson({QStringLiteral("--password"), QStringLiteral("wrong one")});
    ASSERT_EQ(checks.size(), 1);
    EXPECT_TRUE(checks.at(0).toObject().value(QStringLiteral("problem")).toString().contains(QStringLiteral("does not open it")));

    checks = verifyJson({QStringLiteral("--password"), QString::fromUtf8(password)});
    ASSERT_EQ(checks.size(), 1);
    const QJsonObject check = checks.at(0).toObject();
    EXPECT_EQ(check.value(QStringLiteral("status")).toString(), QStringLiteral("verified")) << str(m_lastErr);
    EXPECT_EQ(check.value(QStringLiteral("page")).toInt(), 2);
    EXPECT_FALSE(check.contains(QStringLiteral("problem")));

    // The text is indexed now; the password is nowhere in the library's files.
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile file(m_library.path() + suffix);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        EXPECT_FALSE(bytes.contains(password)) << str(file.fileName());
        EXPECT_FALSE(bytes.contains(QStringLiteral("Zx-pässwörd-42").toLatin1())) << str(file.fileName());
    }
}

TEST_F(PdfHostileTest, IndexPdfsTakesALatin1Password)
{
    // Revision 4 (AES-128) hashes the password's bytes: this file was made with Latin-1 ones.
    const QString pdf = encryptedRoffe(QByteArray("p\xE4ss"), 128);
    if (pdf.isEmpty())
        GTEST_SKIP() << str(m_skipReason);
    ASSERT_EQ(cli({QStringLiteral("attach"), QStringLiteral("roffe2002_rct"), pdf}).exitCode, 0);
    CliResult r = cli({QStringLiteral("index-pdfs")});
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    EXPECT_TRUE(r.outText().contains(QStringLiteral("encrypted; it needs a password to open"))) << str(r.outText());
    EXPECT_TRUE(r.errText().contains(QStringLiteral("0 of 1 PDFs indexed"))) << str(r.errText());
    EXPECT_TRUE(r.errText().contains(QStringLiteral("--password"))) << str(r.errText());

    r = cli({QStringLiteral("index-pdfs"), QStringLiteral("--password"), QStringLiteral("päss")});
    ASSERT_EQ(r.exitCode, 0) << str(r.errText());
    EXPECT_TRUE(r.outText().contains(QStringLiteral("2 pages"))) << str(r.outText());
    EXPECT_TRUE(r.errText().contains(QStringLiteral("1 of 1 PDFs indexed"))) << str(r.errText());
    r = cli({QStringLiteral("pdf-search"), QStringLiteral("nocturnal"), QStringLiteral("--format"), QStringLiteral("json")});
    QString error;
    const auto hits = jsonArray(r, &error);
    ASSERT_TRUE(hits && hits->size() == 1) << str(r.outText());
    EXPECT_EQ(hits->at(0).toObject().value(QStringLiteral("page")).toInt(), 2);
}
