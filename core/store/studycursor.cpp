#include "store/studycursor.h"

#include "store/database.h"
#include "store/studyrows.h"

#include <QSqlQuery>

namespace mgreview {

bool forEachStudyRecord(const Database &database, const std::function<bool(qint64 key)> &wanted,
                        const std::function<bool(qint64 key, const Study &study)> &visit, QString *error)
{
    QSqlQuery q(database.connection());
    // Forward only: the driver need not keep rows already visited.
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT pk, record FROM studies ORDER BY pk"))) {
        *error = describeSqlError(QStringLiteral("reading studies"), q);
        return false;
    }
    while (q.next()) {
        const qint64 key = q.value(0).toLongLong();
        if (wanted && !wanted(key))
            continue;
        QString recordError;
        const std::optional<Study> study = studyFromRecordJson(q.value(1).toByteArray(), &recordError);
        if (!study) {
            *error = QStringLiteral("study record %1 cannot be read: %2").arg(key).arg(recordError);
            return false;
        }
        if (!visit(key, *study))
            return true;
    }
    return true;
}

} // namespace mgreview
