#pragma once

#include "store/database.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>

#include <optional>

namespace mgreview {

/// One committed change of a row, as announced by the database.
struct RowChange {
    QString table;  ///< "studies", …
    QString key;    ///< The row's key (a study's id).
    int version = 0; ///< The row's version after the change (0: the table has none).
    QString author; ///< Who changed it: their mgreview.author, else their database user.
    bool operator==(const RowChange &) const = default;
};

/// Live changes of a team library: tells when a colleague's change to a study is committed.
///
/// PostgreSQL announces every committed insert, update and delete of a study on the channel
/// Sql::kChangeChannel (a trigger, see Sql::changeNotificationTrigger), so this needs no
/// polling. The listener keeps a connection of its own (its session must stay idle between
/// notifications) in the thread that calls start(), whose event loop delivers the signals
/// — the GUI thread. Changes by this program's own connections are announced too; compare
/// `author` to tell them apart. On SQLite libraries start() succeeds and nothing is ever
/// announced (one writer at a time: there are no colleagues).
class ChangeListener : public QObject
{
    Q_OBJECT
public:
    explicit ChangeListener(const Database &database, QObject *parent = nullptr);
    ~ChangeListener() override;

    /// Opens the listening connection and subscribes; false and *error when that fails.
    bool start(QString *error);
    void stop();
    bool isListening() const { return m_listening; }

    /// Parses a payload "table:key:version:author"; nullopt when it is not one.
    static std::optional<RowChange> parsePayload(const QString &payload);

signals:
    /// Any announced change.
    void changed(const mgreview::RowChange &change);
    /// A study was added, edited or removed (reload it by id: gone means removed).
    void studyChanged(const QString &id, int version, const QString &author);

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    const Database &m_database;
    QString m_connectionName;
    bool m_listening = false;
};

} // namespace mgreview
