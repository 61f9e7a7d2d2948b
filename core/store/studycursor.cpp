#include "store/studycursor.h"

#include "store/database.h"
#include "store/studyrows.h"

#include <QSqlQuery>

namespace mgreview {

namespace {

// SQLite hands TEXT to Qt as UTF-16 and the record parser wants UTF-8: read the bytes as they
// are stored instead of converting twice per record.
QString recordColumn(const Database &database)
{
    return database.dialect() == SqlDialect::Sqlite ? QStringLiteral("CAST(record AS BLOB)") : QStringLiteral("record");
}

bool parseAndVisit(qint64 key, const QByteArray &json, const std::function<bool(qint64, const Study &)> &visit,
                   bool *stop, QString *error)
{
    QString recordError;
    const std::optional<Study> study = studyFromRecordJson(json, &recordError);
    if (!study) {
        *error = QStringLiteral("study record %1 cannot be read: %2").arg(key).arg(recordError);
        return false;
    }
    *stop = !visit(key, *study);
    return true;
}

} // namespace

bool forEachStudyRecord(const Database &database, const QVector<qint64> &keys,
                        const std::function<bool(qint64 key, const Study &study)> &visit, QString *error)
{
    if (keys.isEmpty())
        return true;
    QSqlDatabase db = database.connection();
    qint64 total = 0;
    {
        QSqlQuery count(db);
        if (!count.exec(QStringLiteral("SELECT count(*) FROM studies")) || !count.next()) {
            *error = describeSqlError(QStringLiteral("counting studies"), count);
            return false;
        }
        total = count.value(0).toLongLong();
    }

    bool stop = false;
    // A few studies (a search, a filter that keeps little): one lookup each. Qt's driver
    // converts every column of every row it steps over, so a pass over 100,000 rows to
    // write a few hundred would cost more than the lookups.
    if (qint64(keys.size()) * 4 < total) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT ") + recordColumn(database) + QStringLiteral(" FROM studies WHERE pk = ?"));
        for (const qint64 key : keys) {
            q.bindValue(0, key);
            if (!q.exec()) {
                *error = describeSqlError(QStringLiteral("reading study record %1").arg(key), q);
                return false;
            }
            if (!q.next()) {
                *error = QStringLiteral("study record %1 is no longer in the library").arg(key);
                return false;
            }
            const QByteArray json = q.value(0).toByteArray();
            q.finish();
            if (!parseAndVisit(key, json, visit, &stop, error))
                return false;
            if (stop)
                return true;
        }
        return true;
    }

    QSqlQuery q(db);
    // Forward only: the driver need not keep rows already visited.
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT pk, ") + recordColumn(database) + QStringLiteral(" FROM studies ORDER BY pk"))) {
        *error = describeSqlError(QStringLiteral("reading studies"), q);
        return false;
    }
    qsizetype next = 0;
    while (next < keys.size() && q.next()) {
        const qint64 key = q.value(0).toLongLong();
        if (key < keys.at(next))
            continue;
        if (key > keys.at(next)) {
            *error = QStringLiteral("study record %1 is no longer in the library").arg(keys.at(next));
            return false;
        }
        ++next;
        if (!parseAndVisit(key, q.value(1).toByteArray(), visit, &stop, error))
            return false;
        if (stop)
            return true;
    }
    if (next < keys.size()) {
        *error = QStringLiteral("study record %1 is no longer in the library").arg(keys.at(next));
        return false;
    }
    return true;
}

} // namespace mgreview
