// Judgements, resolutions and the audit log are append-only: enforced by the database
// (triggers) and by structure (the store has no statement that updates or deletes).
#include "reviewfixture.h"

#include "review/reviewsql.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

class AppendOnlyTest : public ReviewTest
{
protected:
    /// Bea and Carl disagree on sebo2014_sr and Dan resolves it: a row in every review table.
    void fillEveryTable()
    {
        flag(QStringLiteral("sebo2014_sr"), QStringLiteral("Bea"), judgement("independent"));
        flag(QStringLiteral("sebo2014_sr"), QStringLiteral("Carl"), judgement("unclear"));
        QString error;
        ASSERT_TRUE(service().recordResolution(QStringLiteral("sebo2014_sr"), QStringLiteral("Dan"),
            { QStringLiteral("unclear"), {}, QStringLiteral("not retrieved"), QStringLiteral("third-reviewer") },
            &error))
            << str(error);
    }
    QString execError(const QString &sql)
    {
        QSqlQuery q(db().connection());
        if (q.exec(sql))
            return {};
        return q.lastError().text();
    }
};

QString sourceFile(const char *relative)
{
    QFile file(QStringLiteral(MGREVIEW_SOURCE_DIR "/") + QString::fromLatin1(relative));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << relative;
    return QString::fromUtf8(file.readAll());
}

} // namespace

TEST_P(AppendOnlyTest, UpdateAndDeleteFailInTheDatabase)
{
    fillEveryTable();
    const QStringList tables
        = { QStringLiteral("review_judgements"), QStringLiteral("review_resolutions"), QStringLiteral("audit_log") };
    for (const QString &table : tables) {
        const int before = count(table);
        ASSERT_GT(before, 0) << str(table);
        const QString update = execError(QStringLiteral("UPDATE %1 SET reason = 'rewritten'").arg(table));
        EXPECT_TRUE(update.contains(QStringLiteral("%1 is append-only").arg(table))) << str(update);
        const QString remove = execError(QStringLiteral("DELETE FROM %1").arg(table));
        EXPECT_TRUE(remove.contains(QStringLiteral("%1 is append-only").arg(table))) << str(remove);
        EXPECT_EQ(count(table), before) << str(table);
        EXPECT_TRUE(column(QStringLiteral("SELECT id FROM %1 WHERE reason = 'rewritten'").arg(table)).isEmpty());
    }
}

TEST_P(AppendOnlyTest, TheStoreHasNoStatementThatChangesOrRemovesRows)
{
    const QStringList forbidden = { QStringLiteral("UPDATE"), QStringLiteral("DELETE"), QStringLiteral("REPLACE"),
        QStringLiteral("ON CONFLICT"), QStringLiteral("DROP"), QStringLiteral("ALTER"), QStringLiteral("TRUNCATE") };
    int inserts = 0;
    for (const ReviewSql::Statement statement : ReviewSql::all()) {
        const QString sql = ReviewSql::text(statement);
        ASSERT_FALSE(sql.isEmpty()) << int(statement);
        EXPECT_TRUE(sql.startsWith(QStringLiteral("SELECT ")) || sql.startsWith(QStringLiteral("INSERT INTO ")))
            << str(sql);
        for (const QString &word : forbidden)
            EXPECT_FALSE(sql.contains(word, Qt::CaseInsensitive)) << str(sql);
        inserts += sql.startsWith(QStringLiteral("INSERT INTO ")) ? 1 : 0;
    }
    EXPECT_EQ(inserts, 4); // profiles, audit_log, review_judgements, review_resolutions

    // Structure: the store prepares only catalogue statements, and the service has no SQL.
    const QString store = sourceFile("core/review/reviewstore.cpp");
    EXPECT_TRUE(store.contains(QStringLiteral("q.prepare(ReviewSql::text(statement))")));
    EXPECT_EQ(store.count(QStringLiteral(".prepare(")), 1);
    EXPECT_FALSE(store.contains(QStringLiteral(".exec(Q")));
    for (const char *file :
        { "core/review/reviewservice.cpp", "core/review/reviewchanges.cpp", "core/review/reviewoutcome.cpp" }) {
        const QString source = sourceFile(file);
        EXPECT_FALSE(source.isEmpty()) << file;
        EXPECT_FALSE(source.contains(QStringLiteral("QSqlQuery"))) << file;
        EXPECT_FALSE(source.contains(QStringLiteral("UPDATE"))) << file;
        EXPECT_FALSE(source.contains(QStringLiteral("DELETE"))) << file;
    }
}

TEST_P(AppendOnlyTest, EveryChangeIsLoggedWithBeforeAndAfter)
{
    const QString study = QStringLiteral("nygaard2008_rct");
    const qint64 first = flag(study, QStringLiteral("Bea"), judgement("unclear", "", "funding not reported"));
    const qint64 second
        = flag(study, QStringLiteral("Bea"), judgement("industry-linked", "product-supplied", "tablets"));
    EXPECT_GT(second, first);
    QString error;
    const std::optional<QVector<AuditEntry>> log = service().auditLog(&error);
    ASSERT_TRUE(log) << str(error);
    ASSERT_GE(log->size(), 2);
    const AuditEntry &a = log->at(log->size() - 2);
    const AuditEntry &b = log->last();
    EXPECT_EQ(a.id, first);
    EXPECT_EQ(b.id, second);
    EXPECT_EQ(b.actor, QStringLiteral("Bea"));
    EXPECT_EQ(b.action, QStringLiteral("judgement"));
    EXPECT_EQ(b.studyId, study);
    EXPECT_EQ(b.reason, QStringLiteral("tablets"));
    EXPECT_TRUE(a.before.isEmpty()); // no judgement before the first
    EXPECT_EQ(b.before, a.after);
    const QJsonObject after = QJsonDocument::fromJson(b.after.toUtf8()).object();
    EXPECT_EQ(after.value(QStringLiteral("value")).toString(), QStringLiteral("industry-linked"));
    EXPECT_EQ(after.value(QStringLiteral("link")).toString(), QStringLiteral("product-supplied"));
    EXPECT_EQ(after.value(QStringLiteral("reviewer")).toString(), QStringLiteral("Bea"));
    EXPECT_TRUE(b.at.isValid());
    // The second row supersedes the first; both stay.
    EXPECT_EQ(column(QStringLiteral("SELECT coalesce(CAST(supersedes AS TEXT), 'none') FROM review_judgements ORDER BY id")),
        (QStringList {
            QStringLiteral("none"), column(QStringLiteral("SELECT min(id) FROM review_judgements")).value(0) }));
}

TEST_P(AppendOnlyTest, AChangeAndItsAuditEntryAreSavedTogetherOrNotAtAll)
{
    flag(QStringLiteral("sebo2014_sr"), QStringLiteral("Bea"), judgement("unclear"));
    const int audit = count(QStringLiteral("audit_log"));
    // Make the judgement insert fail after the audit entry was written.
    QSqlQuery q(db().connection());
    if (db().dialect() == SqlDialect::Sqlite) {
        ASSERT_TRUE(q.exec(QStringLiteral("CREATE TEMP TRIGGER fail_insert BEFORE INSERT ON review_judgements "
                                          "BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END")))
            << str(q.lastError().text());
    } else {
        ASSERT_TRUE(q.exec(QStringLiteral("CREATE FUNCTION fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$ "
                                          "BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$")))
            << str(q.lastError().text());
        ASSERT_TRUE(q.exec(QStringLiteral("CREATE TRIGGER fail_insert BEFORE INSERT ON review_judgements "
                                          "FOR EACH ROW EXECUTE FUNCTION fail_insert()")))
            << str(q.lastError().text());
    }
    QString error;
    EXPECT_FALSE(service().recordJudgement(
        QStringLiteral("sebo2014_sr"), QStringLiteral("Bea"), judgement("independent"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("disk full (simulated)"))) << str(error);
    EXPECT_EQ(count(QStringLiteral("audit_log")), audit);
    EXPECT_EQ(count(QStringLiteral("review_judgements")), 1);
    ASSERT_TRUE(q.exec(db().dialect() == SqlDialect::Sqlite ? QStringLiteral("DROP TRIGGER fail_insert")
                                                            : QStringLiteral("DROP FUNCTION fail_insert() CASCADE")))
        << str(q.lastError().text());
    EXPECT_TRUE(service().recordJudgement(
        QStringLiteral("sebo2014_sr"), QStringLiteral("Bea"), judgement("independent"), &error))
        << str(error);
    EXPECT_EQ(count(QStringLiteral("audit_log")), audit + 1);
}

TEST_P(AppendOnlyTest, EvidenceIsCheckedAgainstTheStatements)
{
    const QString study = QStringLiteral("nygaard2008_rct");
    QString error;
    JudgementContent c = judgement("industry-linked", "author-paid", "author compensated by the manufacturer");
    // Verbatim from the COI statement; white space may differ (statements are copied across lines).
    c.evidence = QStringLiteral("he received a compensation\nfrom Nycomed for this effort");
    std::optional<ChangeResult> result = service().recordJudgement(study, QStringLiteral("Bea"), c, &error);
    ASSERT_TRUE(result) << str(error);
    EXPECT_TRUE(result->warnings.isEmpty()) << str(result->warnings.join(u'\n'));
    c.evidence = QStringLiteral("Source of funding not provided");
    result = service().recordJudgement(study, QStringLiteral("Bea"), c, &error);
    ASSERT_TRUE(result) << str(error);
    // Changed wording is not a quote: saved, but marked and reported.
    c.evidence = QStringLiteral("he was paid by Nycomed");
    result = service().recordJudgement(study, QStringLiteral("Bea"), c, &error);
    ASSERT_TRUE(result) << str(error);
    ASSERT_EQ(result->warnings.size(), 1);
    EXPECT_TRUE(result->warnings.first().contains(QStringLiteral("not a verbatim quote")))
        << str(result->warnings.first());
    c.page = 3;
    result = service().recordJudgement(study, QStringLiteral("Bea"), c, &error);
    ASSERT_TRUE(result) << str(error);
    ASSERT_EQ(result->warnings.size(), 1);
    EXPECT_TRUE(result->warnings.first().contains(QStringLiteral("page 3"))) << str(result->warnings.first());
    EXPECT_EQ(column(QStringLiteral("SELECT evidence_source || '/' || coalesce(CAST(page AS TEXT), '-') FROM review_judgements "
                                    "ORDER BY id")),
        (QStringList { QStringLiteral("coi_statement/-"), QStringLiteral("funding_statement/-"),
            QStringLiteral("not_found/-"), QStringLiteral("page/3") }));
    // A page without a quote makes no sense.
    c.evidence.clear();
    EXPECT_FALSE(service().recordJudgement(study, QStringLiteral("Bea"), c, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("give the quote"))) << str(error);
}

INSTANTIATE_TEST_SUITE_P(Backends, AppendOnlyTest, kAllBackends, backendName);
