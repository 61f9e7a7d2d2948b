#include "store/database.h"

#include "store/fulltextindex.h"
#include "store/migrations.h"

#include <QAtomicInt>

#include <atomic>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrlQuery>

#include <mutex>

Q_LOGGING_CATEGORY(lcStore, "mgreview.store")

namespace mgreview {

namespace {
QAtomicInt g_connectionCounter;

// A serial per thread, never reused: thread ids and QThread addresses can be recycled by
// the pool, and a new thread must never pick up a connection another thread opened.
std::atomic<quint64> g_threadSerials{0};
quint64 threadSerial()
{
    thread_local const quint64 serial = ++g_threadSerials;
    return serial;
}

QString threadConnectionName(const QString &base)
{
    return base + u'@' + QString::number(threadSerial());
}
} // namespace

Database::Database(LibraryLocation location, SqlDialect dialect)
    : m_location(std::move(location)),
      m_dialect(dialect),
      m_baseName(QStringLiteral("mgreview_%1").arg(g_connectionCounter.fetchAndAddRelaxed(1))),
      m_fullText(FullTextIndex::create(dialect)),
      m_ownerThread(threadSerial())
{
}

Database::~Database()
{
    // Connections of every thread carry our base name; drop them all.
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name == m_baseName || name.startsWith(m_baseName + u'@')) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                if (db.isOpen())
                    db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
}

std::unique_ptr<Database> Database::openRaw(const LibraryLocation &location, QString *error)
{
    const SqlDialect dialect = location.kind == LibraryLocation::Kind::Sqlite ? SqlDialect::Sqlite
                                                                               : SqlDialect::Postgres;
    std::unique_ptr<Database> database(new Database(location, dialect));
    QSqlDatabase db;
    if (dialect == SqlDialect::Sqlite) {
        const QFileInfo info(location.sqlitePath);
        if (info.exists() && !info.isFile()) {
            *error = QStringLiteral("%1: not a library file (it is a folder)").arg(location.sqlitePath);
            return nullptr;
        }
        if (!QDir().mkpath(info.absolutePath())) {
            *error = QStringLiteral("%1: cannot create the folder for the library").arg(location.sqlitePath);
            return nullptr;
        }
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_baseName);
        db.setDatabaseName(location.sqlitePath);
        if (!db.open()) {
            *error = QStringLiteral("%1: cannot open the library: %2")
                         .arg(location.displayName(), db.lastError().text());
            return nullptr;
        }
    } else {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
            *error = QStringLiteral("%1: cannot open a team library: Qt's PostgreSQL driver (QPSQL) is not "
                                    "installed (Debian package libqt6sql6-psql)")
                         .arg(location.displayName());
            return nullptr;
        }
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), database->m_baseName);
        if (!database->openPostgres(db, error))
            return nullptr;
    }
    if (!database->configure(db, error))
        return nullptr;
    return database;
}

namespace {
std::mutex g_passwordMutex;
Database::PasswordProvider g_passwordProvider;

bool needsPassword(const QSqlError &error)
{
    // libpq: "fe_sendauth: no password supplied" or "password authentication failed".
    const QString text = error.text();
    return text.contains(QStringLiteral("no password supplied")) ||
           text.contains(QStringLiteral("password authentication failed"));
}
} // namespace

void Database::setPasswordProvider(PasswordProvider provider)
{
    const std::lock_guard lock(g_passwordMutex);
    g_passwordProvider = std::move(provider);
}

bool Database::openPostgres(QSqlDatabase &db, QString *error) const
{
    const QUrl &url = m_location.url;
    if (!url.isValid() || url.path().size() < 2) {
        *error = QStringLiteral("%1: not a PostgreSQL library address; expected "
                                "postgresql://user@host:port/database")
                     .arg(m_location.displayName());
        return false;
    }
    db.setHostName(url.host().isEmpty() ? QStringLiteral("localhost") : url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setDatabaseName(url.path().mid(1));
    // libpq options such as sslmode, sslrootcert, sslcert pass straight through.
    QStringList options;
    bool hasTimeout = false;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        QString quoted = value;
        quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        options.append(key + QStringLiteral("='") + quoted + u'\'');
        hasTimeout = hasTimeout || key == u"connect_timeout";
    }
    if (!hasTimeout)
        options.append(QStringLiteral("connect_timeout=10")); // an unreachable server fails, never hangs
    db.setConnectOptions(options.join(u';'));
    if (!url.password().isEmpty())
        db.setPassword(url.password());
    if (db.open())
        return true;
    PasswordProvider provider;
    {
        const std::lock_guard lock(g_passwordMutex);
        provider = g_passwordProvider;
    }
    if (url.password().isEmpty() && provider && needsPassword(db.lastError())) {
        const QString password = provider(m_location);
        if (!password.isEmpty()) {
            db.setPassword(password);
            if (db.open())
                return true;
        }
    }
    *error = QStringLiteral("%1: cannot open the library: %2")
                 .arg(m_location.displayName(), db.lastError().text().trimmed());
    return false;
}

QSqlDatabase Database::openSeparateConnection(const QString &name, QString *error) const
{
    QSqlDatabase db = QSqlDatabase::cloneDatabase(m_baseName, name);
    if (!db.open()) {
        *error = QStringLiteral("%1: cannot open a connection: %2")
                     .arg(m_location.displayName(), db.lastError().text().trimmed());
        return db;
    }
    if (!configure(db, error))
        db.close();
    return db;
}

void Database::setAuthor(const QString &author)
{
    m_author = author;
    if (m_dialect != SqlDialect::Postgres)
        return;
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT set_config('mgreview.author', ?, false)"));
    q.addBindValue(sqlText(author));
    if (!q.exec())
        qCWarning(lcStore) << "cannot record the author:" << q.lastError().text();
}

std::unique_ptr<Database> Database::open(const LibraryLocation &location, QString *error)
{
    std::unique_ptr<Database> database = openRaw(location, error);
    if (!database)
        return nullptr;
    if (!Migrations::migrate(*database, Migrations::latestVersion(), error)) {
        *error = QStringLiteral("%1: %2").arg(location.displayName(), *error);
        return nullptr;
    }
    return database;
}

bool Database::configure(QSqlDatabase &db, QString *error) const
{
    QSqlQuery q(db);
    if (m_dialect == SqlDialect::Postgres) {
        // Notices (e.g. "relation already exists, skipping") are not errors; the author
        // names this session in change notifications.
        q.prepare(QStringLiteral("SELECT set_config('client_min_messages', 'warning', false), "
                                 "set_config('mgreview.author', ?, false)"));
        q.addBindValue(sqlText(m_author));
        if (!q.exec()) {
            *error = QStringLiteral("%1: %2").arg(m_location.displayName(), q.lastError().text().trimmed());
            return false;
        }
        return true;
    }
    // A locked library waits a while instead of failing at once; WAL lets readers and one
    // writer work together; foreign keys keep child rows honest.
    const char *pragmas[] = {"PRAGMA busy_timeout = 5000", "PRAGMA foreign_keys = ON",
                             "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"};
    for (const char *pragma : pragmas) {
        if (!q.exec(QString::fromLatin1(pragma))) {
            *error = QStringLiteral("%1: %2").arg(m_location.displayName(), q.lastError().text());
            return false;
        }
    }
    // Opening a non-database file "succeeds"; the first real read tells.
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        *error = QStringLiteral("%1: not a readable library: %2")
                     .arg(m_location.displayName(), q.lastError().text());
        return false;
    }
    return true;
}

QSqlDatabase Database::connection() const
{
    const QString name = threadConnectionName(m_baseName);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    // The base connection belongs to the opening thread; every other thread gets a clone.
    if (threadSerial() == m_ownerThread)
        return QSqlDatabase::database(m_baseName, false);
    QSqlDatabase db = QSqlDatabase::cloneDatabase(m_baseName, name);
    if (!db.open()) {
        qCWarning(lcStore) << "cannot open a connection for this thread:" << db.lastError().text();
        return db;
    }
    QString error;
    if (!configure(db, &error))
        qCWarning(lcStore) << error;
    return db;
}

void Database::releaseThreadConnection() const
{
    const QString name = threadConnectionName(m_baseName);
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db))
{
    m_active = m_db.transaction();
    if (!m_active)
        m_beginError = m_db.lastError().text();
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

bool Transaction::commit(QString *error)
{
    if (!m_active) {
        *error = QStringLiteral("no transaction: %1").arg(m_beginError);
        return false;
    }
    m_active = false;
    if (m_db.commit())
        return true;
    *error = QStringLiteral("could not save: %1").arg(m_db.lastError().text());
    m_db.rollback();
    return false;
}

QString describeSqlError(const QString &what, const QSqlQuery &query)
{
    const QSqlError error = query.lastError();
    // The driver's own words ("database is locked"), without Qt's "Unable to fetch row".
    QString reason = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    // SQLITE_BUSY / SQLITE_LOCKED (extended codes keep the primary code in the low byte):
    // tell the user what to do, not only what happened.
    const bool sqlite = query.driver() && query.driver()->dbmsType() == QSqlDriver::SQLite;
    const int code = error.nativeErrorCode().toInt() & 0xff;
    if (sqlite && (code == 5 || code == 6))
        reason += QStringLiteral(" (another program or window is writing to the library; try again when it has finished)");
    return QStringLiteral("%1 failed: %2").arg(what, reason);
}

} // namespace mgreview
