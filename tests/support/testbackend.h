#pragma once

// The two kinds of library the store tests run against: an SQLite file and a PostgreSQL
// database. PostgreSQL tests need a server: scripts/run-tests.sh and
// scripts/with-postgres.sh start a throwaway one and export MGREVIEW_TEST_PG_URL
// (postgresql://user@127.0.0.1:PORT/db, a superuser that may create databases and roles).
// Without it the PostgreSQL cases skip with a reason — unless MGREVIEW_TEST_PG_REQUIRED=1
// (set by run-tests.sh), where they fail, so CI never passes by skipping them.

#include <QString>
#include <QUrl>

#include <gtest/gtest.h>

#include <string>

namespace mgreview::testing {

enum class Backend { Sqlite, Postgres };

/// For INSTANTIATE_TEST_SUITE_P(Backends, Fixture, kAllBackends, backendName).
inline const auto kAllBackends = ::testing::Values(Backend::Sqlite, Backend::Postgres);
std::string backendName(const ::testing::TestParamInfo<Backend> &info);

/// MGREVIEW_TEST_PG_URL, or an empty URL.
QUrl testPostgresUrl();
/// Why `backend` cannot be tested in this environment; empty when it can.
QString backendUnavailable(Backend backend);
/// Whether a missing server is a failure rather than a skip (MGREVIEW_TEST_PG_REQUIRED=1).
bool postgresRequired();

/// Runs statements on the server's maintenance database as the test superuser.
bool runAdminSql(const QStringList &statements, QString *error);

/// A fresh, empty PostgreSQL library on the test server, removed (with any connections
/// still open to it) when the object dies. By default a schema of its own in the test
/// database (the URL selects it with search_path), which costs milliseconds; a whole
/// database (hundreds of milliseconds) for tests that need one, such as notifications,
/// which are per database.
class TempPostgresDatabase
{
public:
    enum class Isolation { Schema, Database };
    explicit TempPostgresDatabase(Isolation isolation = Isolation::Schema);
    ~TempPostgresDatabase();
    TempPostgresDatabase(const TempPostgresDatabase &) = delete;
    TempPostgresDatabase &operator=(const TempPostgresDatabase &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    /// The schema or database name.
    QString name() const { return m_name; }
    /// The library's URL, as the test superuser or as `user` (trust authentication).
    QUrl url(const QString &user = {}) const;

private:
    Isolation m_isolation;
    QString m_name;
    QString m_error;
};

} // namespace mgreview::testing

/// In SetUp() (or a test): skips — or, under run-tests.sh, fails — when `backend` has no
/// server to run against.
#define MGREVIEW_REQUIRE_BACKEND(backend)                                                                  \
    do {                                                                                                   \
        const QString mgreviewWhy = ::mgreview::testing::backendUnavailable(backend);                      \
        if (!mgreviewWhy.isEmpty()) {                                                                      \
            if (::mgreview::testing::postgresRequired())                                                   \
                FAIL() << mgreviewWhy.toStdString();                                                       \
            GTEST_SKIP() << mgreviewWhy.toStdString();                                                     \
        }                                                                                                  \
    } while (false)
