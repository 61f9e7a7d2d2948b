#pragma once

#include "importexport/importtypes.h"
#include "rules/classifier.h"

#include <QString>
#include <QVector>

#include <functional>
#include <optional>

namespace mgreview {

class Database;
class RuleEngine;

/// What an import will do with a record (docs/formats/import.md#duplicates).
enum class RecordStatus {
    New,               ///< Added to the library.
    Duplicate,         ///< Same DOI or PMID as a study of the library or an earlier record of the import: skipped.
    ProbableDuplicate, ///< Same normalised title, first author's surname and year ±1: added, and listed for review.
};

QString toString(RecordStatus status);

/// One record of an import plan.
struct PlannedRecord {
    ImportedRecord record; ///< record.study.id is the id it gets (generated unless the file gave one).
    RecordStatus status = RecordStatus::New;
    QString matchId;       ///< The study (library or earlier in this import) it duplicates.
    QString matchReason;   ///< "same DOI 10.…", "same PMID 123", "same title, first author and year (±1)".
    bool matchInImport = false; ///< The match is another record of this import, not a library study.
};

/// The dry run: what importing the files would do. Nothing is written to make it.
struct ImportPlan {
    QStringList files;
    QVector<PlannedRecord> records;
    QVector<ImportIssue> issues; ///< Everything the readers could not read.
    int newCount = 0, duplicateCount = 0, probableCount = 0;
    qint64 readMs = 0, planMs = 0;
};

/// Reads the files and compares every record with the library and with the records before it.
/// `format` applies to every file; detection otherwise. Returns nullopt (with *error) only when
/// the library cannot be read; unreadable files become issues.
std::optional<ImportPlan> planImport(const Database &database, const QStringList &files,
                                     std::optional<ImportFormat> format, QString *error);
/// The same for records already read (tests, drag and drop).
std::optional<ImportPlan> planImport(const Database &database, const QVector<ReadResult> &results,
                                     const QStringList &files, QString *error);

/// What applying a plan did.
struct ImportOutcome {
    bool ok = false;
    bool cancelled = false;
    QString error;
    qint64 batchId = 0;
    int inserted = 0;
    int candidates = 0;
    ClassifyReport classification; ///< The rules run on the new records (when an engine was given).
    qint64 insertMs = 0;
};

/// Applies a plan in one transaction: new and probable-duplicate records are inserted (with
/// their search index), the batch and the review list are recorded; duplicates are skipped.
/// `progress(done, total)` may return false to cancel: then, or on any failure, the library is
/// left exactly as it was. With an engine, the rules then classify the new records (their own
/// transaction; a failure there is reported in classification.error, the import stands).
ImportOutcome applyImport(const Database &database, const ImportPlan &plan,
                          const std::function<bool(int done, int total)> &progress = {},
                          const RuleEngine *engine = nullptr);

} // namespace mgreview
