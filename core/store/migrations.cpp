#include "store/migrations.h"

#include "store/database.h"
#include "store/fulltextindex.h"
#include "store/sqldialect.h"
#include "store/studyrows.h"
#include "rules/suggestionstore.h"
#include "review/reviewschema.h"
#include "pdf/pdfschema.h"
#include "annotations/annotationschema.h"
#include "importexport/importschema.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <functional>

namespace mgreview::Migrations {

namespace {

using Step = std::function<bool(const Database &, QSqlDatabase &, QString *)>;

bool execAll(QSqlDatabase &db, const QStringList &statements, QString *error)
{
    QSqlQuery q(db);
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            *error = describeSqlError(sql.section(u'(', 0, 0).simplified(), q);
            return false;
        }
    }
    return true;
}

// v1: studies with their sortable/filterable projections and the full record as JSON.
// `version` counts saves: StudyStore::update refuses a save made against an older one.
// On PostgreSQL every committed change of a study is announced (NOTIFY, see ChangeListener).
bool toVersion1(const Database &database, QSqlDatabase &db, QString *error)
{
    const SqlDialect dialect = database.dialect();
    return execAll(db, QStringList{
        QStringLiteral("CREATE TABLE studies (") + Sql::autoKeyColumn(dialect, QStringLiteral("pk")) +
        QStringLiteral(","
                       " id TEXT NOT NULL UNIQUE,"
                       " title TEXT NOT NULL DEFAULT '',"
                       " authors TEXT NOT NULL DEFAULT '',"
                       " first_author TEXT NOT NULL DEFAULT '',"
                       " year INTEGER NOT NULL DEFAULT 0,"
                       " journal TEXT NOT NULL DEFAULT '',"
                       " doi TEXT NOT NULL DEFAULT '',"
                       " pmid TEXT NOT NULL DEFAULT '',"
                       " design TEXT NOT NULL DEFAULT '',"
                       " populations TEXT NOT NULL DEFAULT '',"
                       " cramp_types TEXT NOT NULL DEFAULT '',"
                       " direction TEXT NOT NULL DEFAULT '',"
                       " independence TEXT NOT NULL DEFAULT '',"
                       " independence_link TEXT NOT NULL DEFAULT '',"
                       " independence_source TEXT NOT NULL DEFAULT '',"
                       " independence_reason TEXT NOT NULL DEFAULT '',"
                       " record TEXT NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 1,"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX studies_doi ON studies(doi)"),
        QStringLiteral("CREATE INDEX studies_pmid ON studies(pmid)"),
        QStringLiteral("CREATE TABLE library_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
    } + Sql::changeNotificationTrigger(dialect, QStringLiteral("studies"), QStringLiteral("id"), true), error);
}

// v2: full-text search over title, authors and conclusions, filled from existing rows.
bool toVersion2(const Database &database, QSqlDatabase &db, QString *error)
{
    if (!execAll(db, database.fullText().createStatements(), error))
        return false;
    // Read every row before writing: the index writes run on the same connection.
    QVector<std::pair<qint64, Study>> studies;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT pk, record FROM studies"))) {
            *error = describeSqlError(QStringLiteral("reading studies to index"), q);
            return false;
        }
        while (q.next()) {
            std::optional<Study> study = studyFromRecordJson(q.value(1).toByteArray(), error);
            if (!study)
                return false;
            studies.append({q.value(0).toLongLong(), std::move(*study)});
        }
    }
    for (const auto &[key, study] : std::as_const(studies)) {
        if (!database.fullText().upsert(db, key, searchableText(study), error))
            return false;
    }
    return true;
}

// v3: which studies were seeded from studies/ files, so a study the user deleted or
// edited is never brought back or overwritten by the next start.
bool toVersion3(const Database &, QSqlDatabase &db, QString *error)
{
    if (!execAll(db, {QStringLiteral("CREATE TABLE seed_log ("
                                     " study_id TEXT PRIMARY KEY,"
                                     " file_sha256 TEXT NOT NULL,"
                                     " seeded_at TEXT NOT NULL)")}, error))
        return false;
    // Libraries from v2 were seeded without a log: every study they hold counts as seeded.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO seed_log(study_id, file_sha256, seeded_at) "
                             "SELECT id, '', ? FROM studies"));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("recording seeded studies"), q);
        return false;
    }
    return true;
}

// v4: rule suggestions, stored apart from human decisions (core/rules/suggestionstore.cpp).
bool toVersion4(const Database &, QSqlDatabase &db, QString *error)
{
    return createRuleSuggestionSchema(db, error);
}

// v5: profiles and the append-only review tables and audit log (core/review/reviewschema.cpp).
bool toVersion5(const Database &database, QSqlDatabase &db, QString *error)
{
    return createReviewSchema(database.dialect(), db, error);
}

// v6: PDF attachments and their extracted text (core/pdf/pdfschema.cpp).
bool toVersion6(const Database &database, QSqlDatabase &db, QString *error)
{
    return createPdfSchema(database, db, error);
}

// v7: annotations (core/annotations/annotationschema.cpp).
bool toVersion7(const Database &database, QSqlDatabase &db, QString *error)
{
    return createAnnotationSchema(database, db, error);
}

// v8: import batches, duplicate review list and merges (core/importexport/importschema.cpp).
bool toVersion8(const Database &database, QSqlDatabase &db, QString *error)
{
    return createImportSchema(database, db, error);
}

const QVector<Step> &steps()
{
    static const QVector<Step> all = {toVersion1, toVersion2, toVersion3, toVersion4, toVersion5,
                                      toVersion6, toVersion7, toVersion8};
    return all;
}

bool setVersion(QSqlDatabase &db, int version, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO schema_version(version, applied_at) VALUES (?, ?)"));
    q.addBindValue(version);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!q.exec()) {
        *error = describeSqlError(QStringLiteral("recording the schema version"), q);
        return false;
    }
    return true;
}

} // namespace

int latestVersion()
{
    return int(steps().size());
}

int currentVersion(const Database &database, QString *error)
{
    QSqlDatabase db = database.connection();
    if (!Sql::tableExists(database.dialect(), db, QStringLiteral("schema_version")))
        return 0;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !q.next()) {
        *error = describeSqlError(QStringLiteral("reading the schema version"), q);
        return -1;
    }
    return q.value(0).toInt();
}

bool migrate(const Database &database, int target, QString *error)
{
    if (target < 0 || target > latestVersion()) {
        // steps() has no entry beyond the latest version: refuse rather than index past it.
        *error = QStringLiteral("cannot upgrade the library to schema version %1: this program knows versions 0 to %2")
                     .arg(target)
                     .arg(latestVersion());
        return false;
    }
    QSqlDatabase db = database.connection();
    int version = currentVersion(database, error);
    if (version < 0)
        return false;
    if (version > latestVersion()) {
        *error = QStringLiteral("the library has schema version %1, newer than this program understands (%2); "
                                "please update MgReview")
                     .arg(version)
                     .arg(latestVersion());
        return false;
    }
    if (version == 0) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                   " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"))) {
            *error = describeSqlError(QStringLiteral("creating the schema version table"), q);
            return false;
        }
    }
    while (version < target) {
        Transaction transaction(db);
        if (!transaction.isActive()) {
            *error = QStringLiteral("cannot start a transaction: %1").arg(transaction.beginError());
            return false;
        }
        QString stepError;
        if (database.dialect() == SqlDialect::Postgres) {
            // Two team members starting the program on a new server at once: the second waits
            // here until the first has committed the step, then sees it done.
            QSqlQuery lock(db);
            if (!lock.exec(QStringLiteral("LOCK TABLE schema_version IN EXCLUSIVE MODE")) ||
                !lock.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !lock.next()) {
                *error = describeSqlError(QStringLiteral("locking the schema for an upgrade"), lock);
                return false;
            }
            const int committed = lock.value(0).toInt();
            lock.finish();
            if (committed > version) {
                version = committed;
                continue; // the transaction rolls back: nothing was written
            }
        }
        if (!steps().at(version)(database, db, &stepError) || !setVersion(db, version + 1, &stepError) ||
            !transaction.commit(&stepError)) {
            *error = QStringLiteral("upgrading the library to version %1 failed: %2").arg(version + 1).arg(stepError);
            return false;
        }
        ++version;
    }
    return true;
}

} // namespace mgreview::Migrations
