#pragma once

// The blocking halves of File ▸ Import…: they run off the GUI thread (files are read on the
// import's own pool thread, the plan and the write on the session's I/O thread) and hand
// back plain values that the GUI thread swaps in (docs/formats/import.md, "In the app").

#include "importexport/importplan.h"
#include "library/studysearchindex.h"
#include "library/studysummary.h"

#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace mgreview {
class Database;
class RuleEngine;
} // namespace mgreview

namespace mgreview::gui {

/// Progress of a dry run or an import, written by the worker and polled by the GUI.
struct ImportProgress {
    std::atomic_int done { 0 };
    std::atomic_int total { 0 };
    std::atomic_bool cancel { false };
};

/// Reads every file in order (no database is touched). Stops between files once `cancel`
/// is set; `done`/`total` count files.
QVector<ReadResult> readImportFiles(const QStringList &files, std::optional<ImportFormat> format,
    ImportProgress *progress);

/// The dry run: what importing the read files would do.
struct ImportPreview {
    std::shared_ptr<const ImportPlan> plan; ///< Null when cancelled or failed.
    bool cancelled = false;
    QString error;
};

/// Runs on the I/O thread: compares the read records with the library (planImport).
ImportPreview planReadFiles(const Database &database, const QVector<ReadResult> &results, const QStringList &files,
    const ImportProgress *progress);

/// What the confirmed import did, with the table rows to show afterwards.
struct ImportCommit {
    ImportOutcome outcome;
    QVector<StudySummary> rows;
    std::shared_ptr<const StudySearchIndex> searchIndex; ///< Null when the rows could not be read again.
    QString refreshError;
};

/// Runs on the I/O thread: applies the plan in one transaction (applyImport), the rules
/// classify the new records, then the rows and search index are read again. `cancel` is
/// honoured before the write starts and at every progress step of it; a cancelled or
/// failed import leaves the library exactly as it was. `atStep` (tests) is called on this
/// thread at each progress step, inside the transaction, before the cancel is checked.
ImportCommit commitImportPlan(const Database &database, const ImportPlan &plan, const RuleEngine *engine,
    ImportProgress *progress, const std::function<void()> &atStep = {});

} // namespace mgreview::gui
