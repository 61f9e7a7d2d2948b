#include "store/sqlitestatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace mgreview {

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteStatement::SqliteStatement(sqlite3 *db, const char *sql) : m_db(db)
{
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::text(int parameter, const QByteArray &utf8)
{
    sqlite3_bind_text(m_stmt, parameter, utf8.isEmpty() ? "" : utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void SqliteStatement::integer(int parameter, qint64 value)
{
    sqlite3_bind_int64(m_stmt, parameter, value);
}

int SqliteStatement::run()
{
    const int rc = sqlite3_step(m_stmt);
    sqlite3_reset(m_stmt);
    return rc;
}

QString SqliteStatement::error(const QString &what) const
{
    QString reason = QString::fromUtf8(sqlite3_errmsg(m_db));
    const int code = sqlite3_errcode(m_db) & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        reason += QStringLiteral(" (another program or window is writing to the library; try again when it has "
                                 "finished)");
    return QStringLiteral("%1 failed: %2").arg(what, reason);
}

} // namespace mgreview
