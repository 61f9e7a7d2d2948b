#include "store/changelistener.h"

#include "store/sqldialect.h"

#include <QAtomicInt>
#include <QLoggingCategory>
#include <QSqlError>
#include <QVariant>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace mgreview {

namespace {
QAtomicInt g_listeners;
}

ChangeListener::ChangeListener(const Database &database, QObject *parent)
    : QObject(parent),
      m_database(database),
      m_connectionName(QStringLiteral("mgreview_listener_%1").arg(g_listeners.fetchAndAddRelaxed(1)))
{
}

ChangeListener::~ChangeListener()
{
    stop();
}

bool ChangeListener::start(QString *error)
{
    if (m_listening || m_database.dialect() != SqlDialect::Postgres)
        return true;
    QSqlDatabase db = m_database.openSeparateConnection(m_connectionName, error);
    if (!db.isOpen()) {
        stop();
        return false;
    }
    QSqlDriver *driver = db.driver();
    connect(driver, &QSqlDriver::notification, this, &ChangeListener::onNotification);
    if (!driver->subscribeToNotification(QString::fromLatin1(Sql::kChangeChannel))) {
        *error = QStringLiteral("%1: cannot listen for changes: %2")
                     .arg(m_database.location().displayName(), driver->lastError().text());
        stop();
        return false;
    }
    m_listening = true;
    return true;
}

void ChangeListener::stop()
{
    m_listening = false;
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            db.driver()->unsubscribeFromNotification(QString::fromLatin1(Sql::kChangeChannel));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::optional<RowChange> ChangeListener::parsePayload(const QString &payload)
{
    // The author comes last: it is free text and may itself contain ':'.
    const QStringList parts = payload.split(u':');
    if (parts.size() < 4 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return std::nullopt;
    RowChange change;
    change.table = parts.at(0);
    change.key = parts.at(1);
    bool ok = true;
    change.version = parts.at(2).isEmpty() ? 0 : parts.at(2).toInt(&ok);
    if (!ok)
        return std::nullopt;
    change.author = parts.mid(3).join(u':');
    return change;
}

void ChangeListener::onNotification(const QString &name, QSqlDriver::NotificationSource,
                                    const QVariant &payload)
{
    if (name != QLatin1String(Sql::kChangeChannel))
        return;
    const std::optional<RowChange> change = parsePayload(payload.toString());
    if (!change) {
        qCWarning(lcStore) << "ignoring a change notification that is not understood:" << payload.toString();
        return;
    }
    emit changed(*change);
    if (change->table == u"studies")
        emit studyChanged(change->key, change->version, change->author);
}

} // namespace mgreview
