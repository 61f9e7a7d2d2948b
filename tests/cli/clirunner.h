#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>

namespace mgreview::testing {

/// What one run of mgreview-cli did.
struct CliResult {
    bool finished = false; ///< False: it did not start, crashed or timed out.
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

/// Runs the built mgreview-cli (its path is compiled in) with a private HOME and data
/// folder, so no test ever reads or writes the user's own library.
class CliRunner
{
public:
    CliRunner();
    /// The environment the CLI runs with; tests may add variables.
    QProcessEnvironment &environment() { return m_environment; }
    CliResult run(const QStringList &arguments) const;

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_environment;
};

/// Parses stdout as a JSON array / object; nullopt (with *error) when it is not exactly one.
std::optional<QJsonArray> jsonArray(const CliResult &result, QString *error);
std::optional<QJsonObject> jsonObject(const CliResult &result, QString *error);
/// The "id" of every object of an array, in order.
QStringList idsOf(const QJsonArray &array);

} // namespace mgreview::testing
