#pragma once

// The fixture of the mgreview-cli process suites: a temporary library seeded from the
// project's studies/, and helpers that run the CLI and parse what it prints.

#include "clirunner.h"

#include "corehelpers.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>

namespace mgreview::testing {

inline const QString kGarrisonConclusion = QStringLiteral(
    "It is unlikely that magnesium supplementation provides clinically meaningful cramp prophylaxis to older "
    "adults experiencing skeletal muscle cramps. In contrast, for those experiencing pregnancy-associated rest "
    "cramps the literature is conflicting and further research in this population is needed. We found no RCTs "
    "evaluating magnesium for exercise-associated muscle cramps or disease-state-associated muscle cramps (for "
    "example amyotrophic lateral sclerosis/motor neuron disease) other than a single small (inconclusive) study "
    "in people with liver cirrhosis, only some of whom suffered cramps.");

inline QStringList projectStudyIds()
{
    QStringList ids;
    const QStringList files = QDir(projectStudiesFolder()).entryList({QStringLiteral("*.toml")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        ids.append(file.chopped(5));
    return ids;
}

class CliProcessTest : public ::testing::Test
{
protected:
    /// Runs against the temporary library, seeded from the project's studies/.
    CliResult cli(const QStringList &arguments) const
    {
        return m_runner.run(QStringList{QStringLiteral("--library"), m_library.path(), QStringLiteral("--studies"),
                                        projectStudiesFolder()}
                            + arguments);
    }
    QJsonArray listJson(const QStringList &extra = {}) const
    {
        const CliResult result = cli(QStringList{QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")}
                                     + extra);
        EXPECT_TRUE(result.finished);
        EXPECT_EQ(result.exitCode, 0) << str(result.errText());
        QString error;
        const std::optional<QJsonArray> array = jsonArray(result, &error);
        EXPECT_TRUE(array) << str(error);
        return array.value_or(QJsonArray());
    }
    QJsonObject showJson(const QString &id) const
    {
        const CliResult result = cli({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json")});
        EXPECT_EQ(result.exitCode, 0) << str(result.errText());
        QString error;
        const std::optional<QJsonObject> object = jsonObject(result, &error);
        EXPECT_TRUE(object) << str(error);
        return object.value_or(QJsonObject());
    }
    /// A studies folder holding the given files (name -> content).
    QString studiesFolder(const QMap<QString, QByteArray> &files)
    {
        const QString folder = m_scratch.filePath(QStringLiteral("studies"));
        EXPECT_TRUE(QDir().mkpath(folder));
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            EXPECT_TRUE(writeFileBytes(QDir(folder).filePath(it.key()), it.value()));
        return folder;
    }

    CliRunner m_runner;
    TempLibrary m_library;
    QTemporaryDir m_scratch;
};

inline void expectUsageError(const CliResult &result, const QString &message)
{
    EXPECT_TRUE(result.finished);
    EXPECT_EQ(result.exitCode, 2) << str(result.errText());
    EXPECT_TRUE(result.out.isEmpty()) << "stdout must stay clean: " << str(result.outText());
    EXPECT_TRUE(result.errText().startsWith(QStringLiteral("mgreview-cli: ") + message)) << str(result.errText());
    EXPECT_TRUE(result.errText().contains(QStringLiteral("Usage: mgreview-cli"))) << str(result.errText());
}

} // namespace mgreview::testing
