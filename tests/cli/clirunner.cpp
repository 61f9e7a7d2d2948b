#include "clirunner.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcess>

namespace mgreview::testing {

CliRunner::CliRunner() : m_environment(QProcessEnvironment::systemEnvironment())
{
    m_environment.insert(QStringLiteral("HOME"), m_home.path());
    m_environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    // Table layout and seeding must not depend on the shell the tests run from.
    m_environment.remove(QStringLiteral("COLUMNS"));
    m_environment.remove(QStringLiteral("MGREVIEW_STUDIES_DIR"));
}

CliResult CliRunner::run(const QStringList &arguments) const
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.setWorkingDirectory(m_home.path());
    process.start(QStringLiteral(MGREVIEW_CLI_PATH), arguments);
    CliResult result;
    if (!process.waitForStarted(30000))
        return result;
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

namespace {

std::optional<QJsonDocument> parse(const CliResult &result, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("stdout is not JSON (%1 at %2): %3")
                     .arg(parseError.errorString())
                     .arg(parseError.offset)
                     .arg(QString::fromUtf8(result.out.left(300)));
        return std::nullopt;
    }
    return document;
}

} // namespace

std::optional<QJsonArray> jsonArray(const CliResult &result, QString *error)
{
    const std::optional<QJsonDocument> document = parse(result, error);
    if (!document)
        return std::nullopt;
    if (!document->isArray()) {
        *error = QStringLiteral("stdout is JSON but not an array");
        return std::nullopt;
    }
    return document->array();
}

std::optional<QJsonObject> jsonObject(const CliResult &result, QString *error)
{
    const std::optional<QJsonDocument> document = parse(result, error);
    if (!document)
        return std::nullopt;
    if (!document->isObject()) {
        *error = QStringLiteral("stdout is JSON but not an object");
        return std::nullopt;
    }
    return document->object();
}

QStringList idsOf(const QJsonArray &array)
{
    QStringList ids;
    for (const QJsonValue &value : array)
        ids.append(value.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

} // namespace mgreview::testing
