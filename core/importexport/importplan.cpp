#include "importexport/importplan.h"

#include "importexport/duplicatekeys.h"
#include "importexport/importreader.h"
#include "importexport/recordfields.h"
#include "store/database.h"
#include "store/studystore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>
#include <QtConcurrent/QtConcurrentMap>

namespace mgreview {

QString toString(RecordStatus status)
{
    switch (status) {
    case RecordStatus::New: return QStringLiteral("new");
    case RecordStatus::Duplicate: return QStringLiteral("duplicate");
    case RecordStatus::ProbableDuplicate: return QStringLiteral("probable-duplicate");
    }
    return {};
}

namespace {

/// Reads the keys of every library study (projections only: no record is parsed).
bool loadLibraryIndex(const Database &database, DuplicateIndex *index, QSet<QString> *ids, QString *error)
{
    QSqlQuery q(database.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, doi, pmid, title, first_author, year FROM studies"))) {
        *error = describeSqlError(QStringLiteral("reading the library to find duplicates"), q);
        return false;
    }
    while (q.next()) {
        const QString id = q.value(0).toString();
        ids->insert(id);
        index->add(id, duplicateKeys(q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                                     q.value(4).toString(), q.value(5).toInt()));
    }
    return true;
}

QString uniqueId(const QString &base, const QSet<QString> &taken)
{
    if (!taken.contains(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = base + u'_' + QString::number(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

} // namespace

std::optional<ImportPlan> planImport(const Database &database, const QVector<ReadResult> &results,
                                     const QStringList &files, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    ImportPlan plan;
    plan.files = files;
    DuplicateIndex index;
    QSet<QString> libraryIds;
    if (!loadLibraryIndex(database, &index, &libraryIds, error))
        return std::nullopt;
    QSet<QString> taken = libraryIds;
    qsizetype total = 0;
    for (const ReadResult &r : results)
        total += r.records.size();
    plan.records.reserve(total);
    // The keys and generated ids (normalised titles and names, a hash) are computed on all
    // cores first; the comparison below must stay in file order and is only lookups.
    struct Keyed {
        const ImportedRecord *record;
        DuplicateKeys keys;
        QString generatedId;
    };
    QVector<Keyed> keyed;
    keyed.reserve(total);
    for (const ReadResult &result : results) {
        for (const ImportedRecord &record : result.records)
            keyed.append({&record, {}, {}});
    }
    QtConcurrent::blockingMap(keyed, [](Keyed &k) {
        const Study &study = k.record->study;
        k.keys = duplicateKeys(study);
        if (study.id.isEmpty())
            k.generatedId = generatedStudyId(study);
    });
    qsizetype next = 0;
    for (const ReadResult &result : results) {
        plan.issues += result.issues;
        for (qsizetype r = 0; r < result.records.size(); ++r) {
            Keyed &k = keyed[next++];
            PlannedRecord p;
            p.record = *k.record;
            Study &study = p.record.study;
            const DuplicateKeys &keys = k.keys;
            QString reason;
            const bool ownId = !study.id.isEmpty(); // the studies/ format names its ids
            if (ownId && libraryIds.contains(study.id)) {
                p.status = RecordStatus::Duplicate;
                p.matchId = study.id;
                p.matchReason = QStringLiteral("same study id");
            } else if (const QString exact = index.exact(keys, &reason); !exact.isEmpty()) {
                p.status = RecordStatus::Duplicate;
                p.matchId = exact;
                p.matchReason = reason;
                p.matchInImport = !libraryIds.contains(exact);
            } else {
                if (const QString probable = index.probable(keys, &reason); !probable.isEmpty()) {
                    p.status = RecordStatus::ProbableDuplicate;
                    p.matchId = probable;
                    p.matchReason = reason;
                    p.matchInImport = !libraryIds.contains(probable);
                }
                if (!ownId)
                    study.id = uniqueId(k.generatedId, taken);
                else if (taken.contains(study.id))
                    study.id = uniqueId(study.id, taken);
                taken.insert(study.id);
                index.add(study.id, keys);
            }
            switch (p.status) {
            case RecordStatus::New: ++plan.newCount; break;
            case RecordStatus::Duplicate: ++plan.duplicateCount; break;
            case RecordStatus::ProbableDuplicate: ++plan.probableCount; break;
            }
            plan.records.append(std::move(p));
        }
    }
    plan.planMs = timer.elapsed();
    return plan;
}

std::optional<ImportPlan> planImport(const Database &database, const QStringList &files,
                                     std::optional<ImportFormat> format, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    QVector<ReadResult> results;
    for (const QString &file : files)
        results.append(readImportFile(file, format));
    const qint64 readMs = timer.elapsed();
    std::optional<ImportPlan> plan = planImport(database, results, files, error);
    if (plan)
        plan->readMs = readMs;
    return plan;
}

namespace {

qint64 nextKey(QSqlDatabase &db, const QString &table, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) + 1 FROM ") + table) || !q.next()) {
        *error = describeSqlError(QStringLiteral("numbering %1").arg(table), q);
        return -1;
    }
    return q.value(0).toLongLong();
}

} // namespace

ImportOutcome applyImport(const Database &database, const ImportPlan &plan,
                          const std::function<bool(int, int)> &progress, const RuleEngine *engine)
{
    ImportOutcome outcome;
    QElapsedTimer timer;
    timer.start();
    QVector<Study> studies;
    studies.reserve(plan.newCount + plan.probableCount);
    for (const PlannedRecord &p : plan.records) {
        if (p.status != RecordStatus::Duplicate)
            studies.append(p.record.study);
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    // The batch and its review list are saved with the studies: all or nothing.
    auto recordBatch = [&](QSqlDatabase &db, QString *error) {
        const qint64 batch = nextKey(db, QStringLiteral("import_batches"), error);
        if (batch < 0)
            return false;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO import_batches(id, imported_at, files, new_count, duplicate_count, "
                                 "probable_count, error_count) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(batch);
        q.addBindValue(now);
        q.addBindValue(plan.files.join(u'\n'));
        q.addBindValue(plan.newCount);
        q.addBindValue(plan.duplicateCount);
        q.addBindValue(plan.probableCount);
        q.addBindValue(int(plan.issues.size()));
        if (!q.exec()) {
            *error = describeSqlError(QStringLiteral("recording the import"), q);
            return false;
        }
        qint64 candidate = nextKey(db, QStringLiteral("duplicate_candidates"), error);
        if (candidate < 0)
            return false;
        QSqlQuery c(db);
        c.prepare(QStringLiteral("INSERT INTO duplicate_candidates(id, batch_id, study_id, other_id, reason, status, "
                                 "created_at) VALUES (?, ?, ?, ?, ?, 'open', ?)"));
        for (const PlannedRecord &p : plan.records) {
            if (p.status != RecordStatus::ProbableDuplicate)
                continue;
            c.bindValue(0, candidate++);
            c.bindValue(1, batch);
            c.bindValue(2, p.record.study.id);
            c.bindValue(3, p.matchId);
            c.bindValue(4, p.matchReason);
            c.bindValue(5, now);
            if (!c.exec()) {
                *error = describeSqlError(QStringLiteral("recording a probable duplicate"), c);
                return false;
            }
            ++outcome.candidates;
        }
        outcome.batchId = batch;
        return true;
    };
    const int total = int(studies.size());
    std::function<bool(int)> step;
    if (progress)
        step = [&](int done) { return progress(done, total); };
    StudyStore store(database);
    if (!store.insertMany(studies, &outcome.error, step, recordBatch)) {
        outcome.cancelled = outcome.error.startsWith(QStringLiteral("cancelled"));
        outcome.candidates = 0;
        outcome.batchId = 0;
        return outcome;
    }
    outcome.ok = true;
    outcome.inserted = total;
    outcome.insertMs = timer.elapsed();
    if (engine && !studies.isEmpty())
        outcome.classification = classifyStudies(database, *engine, studies);
    return outcome;
}

} // namespace mgreview
