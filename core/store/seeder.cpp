#include "store/seeder.h"

#include "io/studyfile.h"
#include "model/vocabulary.h"
#include "store/database.h"
#include "store/studystore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace mgreview {

SeedReport seedLibrary(const Database &database, const QString &studiesFolder, const Vocabularies &vocabularies)
{
    SeedReport report;
    const QVector<LoadedStudy> loaded = readStudyFolder(studiesFolder, vocabularies, &report.errors);

    QSqlDatabase db = database.connection();
    QSet<QString> seeded;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT study_id FROM seed_log"))) {
            report.errors.append(describeSqlError(QStringLiteral("reading the seed log"), q));
            report.ok = false;
            return report;
        }
        while (q.next())
            seeded.insert(q.value(0).toString());
    }

    QVector<Study> fresh;
    QVector<const LoadedStudy *> freshSources;
    StudyStore store(database);
    for (const LoadedStudy &item : loaded) {
        if (seeded.contains(item.study.id) || store.contains(item.study.id)) {
            ++report.alreadyPresent;
            continue;
        }
        fresh.append(item.study);
        freshSources.append(&item);
    }
    if (fresh.isEmpty())
        return report;

    // The studies and their seed-log entries are saved together or not at all.
    QString error;
    const auto logSeeded = [&](QSqlDatabase &txDb, QString *txError) {
        QSqlQuery q(txDb);
        q.prepare(QStringLiteral("INSERT INTO seed_log(study_id, file_sha256, seeded_at) VALUES (?, ?, ?)"));
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        for (const LoadedStudy *item : std::as_const(freshSources)) {
            q.addBindValue(item->study.id);
            q.addBindValue(QString::fromLatin1(item->sha256));
            q.addBindValue(now);
            if (!q.exec()) {
                *txError = describeSqlError(QStringLiteral("recording seeded study '%1'").arg(item->study.id), q);
                return false;
            }
        }
        return true;
    };
    if (!store.insertMany(fresh, &error, {}, logSeeded)) {
        report.errors.append(error);
        report.ok = false;
        return report;
    }
    report.added = int(fresh.size());
    return report;
}

QString findStudiesFolder()
{
    QStringList candidates;
    const QString fromEnvironment = qEnvironmentVariable("MGREVIEW_STUDIES_DIR");
    if (!fromEnvironment.isEmpty())
        candidates.append(fromEnvironment);
    if (QCoreApplication::instance())
        candidates.append(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/mgreview/studies"));
    candidates.append(QStringLiteral(MGREVIEW_DATA_DIR "/studies"));
    candidates.append(QStringLiteral(MGREVIEW_SOURCE_DIR "/studies"));
    for (const QString &candidate : std::as_const(candidates)) {
        if (QDir(candidate).exists())
            return QDir(candidate).absolutePath();
    }
    return {};
}

} // namespace mgreview
