#include "support/testbackend.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QUuid>

namespace mgreview::testing {

namespace {

QAtomicInt g_adminConnections;

QString withoutPassword(const QUrl &url)
{
    return url.toString(QUrl::RemovePassword);
}

} // namespace

std::string backendName(const ::testing::TestParamInfo<Backend> &info)
{
    return info.param == Backend::Sqlite ? "Sqlite" : "Postgres";
}

QUrl testPostgresUrl()
{
    const QByteArray value = qgetenv("MGREVIEW_TEST_PG_URL");
    return value.isEmpty() ? QUrl() : QUrl(QString::fromUtf8(value), QUrl::StrictMode);
}

bool postgresRequired()
{
    return qgetenv("MGREVIEW_TEST_PG_REQUIRED") == "1";
}

QString backendUnavailable(Backend backend)
{
    if (backend == Backend::Sqlite)
        return {};
    if (testPostgresUrl().isEmpty())
        return QStringLiteral("PostgreSQL tests need a server: MGREVIEW_TEST_PG_URL is not set "
                              "(run them with scripts/run-tests.sh or scripts/with-postgres.sh)");
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return QStringLiteral("Qt's PostgreSQL driver QPSQL is not installed (libqt6sql6-psql)");
    return {};
}

bool runAdminSql(const QStringList &statements, QString *error)
{
    const QUrl url = testPostgresUrl();
    const QString name = QStringLiteral("mgreview_test_admin_%1").arg(g_adminConnections.fetchAndAddRelaxed(1));
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open()) {
            *error = withoutPassword(url) + QStringLiteral(": ") + db.lastError().text();
            ok = false;
        } else {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SET client_min_messages = warning")); // no "drop cascades to …"
            for (const QString &sql : statements) {
                if (!q.exec(sql)) {
                    *error = sql + QStringLiteral(": ") + q.lastError().text();
                    ok = false;
                    break;
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

TempPostgresDatabase::TempPostgresDatabase(Isolation isolation) : m_isolation(isolation)
{
    m_error = backendUnavailable(Backend::Postgres);
    if (!m_error.isEmpty())
        return;
    // Unique across the test processes ctest runs in parallel.
    m_name = QStringLiteral("mgt_") + QUuid::createUuid().toString(QUuid::Id128).left(20);
    const QString sql = isolation == Isolation::Schema
        ? QStringLiteral("CREATE SCHEMA %1").arg(m_name)
        : QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(m_name);
    QString error;
    if (!runAdminSql({sql}, &error))
        m_error = QStringLiteral("cannot create a test library: ") + error;
}

TempPostgresDatabase::~TempPostgresDatabase()
{
    if (!isValid())
        return;
    const QString sql = m_isolation == Isolation::Schema
        ? QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(m_name)
        : QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name);
    QString error;
    if (!runAdminSql({sql}, &error))
        ADD_FAILURE() << "cannot remove test library " << m_name.toStdString() << ": " << error.toStdString();
}

QUrl TempPostgresDatabase::url(const QString &user) const
{
    QUrl url = testPostgresUrl();
    if (m_isolation == Isolation::Database) {
        url.setPath(u'/' + m_name);
    } else {
        // libpq's "options": server settings for the session; no space, so it needs no quoting.
        QUrlQuery query(url);
        query.addQueryItem(QStringLiteral("options"), QStringLiteral("-csearch_path=") + m_name);
        url.setQuery(query);
    }
    if (!user.isEmpty()) {
        url.setUserName(user);
        url.setPassword({});
    }
    return url;
}

} // namespace mgreview::testing
