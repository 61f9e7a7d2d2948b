#pragma once

#include "library/studyfilter.h"
#include "library/studysummary.h"
#include "model/study.h"
#include "rules/effectivestudy.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <optional>

namespace mgreview {

class Database;

/// Which studies an export writes, and how.
struct ExportOptions {
    /// The funding-independence filter, on the effective value (reviewer > curated > rule),
    /// exactly as the table, the matrix and `list --filter` apply it.
    IndependenceFilter filter = IndependenceFilter::All;
    /// Only studies matching this search text (the toolbar's search: every word must start a
    /// word of the title, authors, conclusions or identifiers; case and accents ignored).
    /// Empty: no search.
    QString search;
    /// Only these study ids (empty: every study). An id that is not in the library is an error.
    QStringList ids;
    /// CSV only: start the file with a UTF-8 byte order mark (for spreadsheet programs).
    bool csvByteOrderMark = false;
};

/// Called after each study written with (done, total); returning false cancels the export.
/// Called from the thread that runs the export.
using ExportProgress = std::function<bool(qint64 done, qint64 total)>;

/// What an export did.
struct ExportResult {
    bool ok = false;
    bool cancelled = false; ///< Stopped by the progress callback; nothing was kept.
    qint64 exported = 0;    ///< Studies written (when ok).
    QString error;          ///< What went wrong and where (names the file), when not ok.
};

/// The table rows of the studies an export writes, in library order: filter, search and
/// ids applied together (a study must pass all three). nullopt with *error when the library
/// cannot be read, the search has no word in it, or an id is not in the library.
std::optional<QVector<StudySummary>> selectStudiesForExport(const Database &database, const ExportOptions &options,
                                                            QString *error);

/// The study as exports show it: the record with the effective independence of its row (a
/// reviewer's decision, else the curated value, else the winning rule suggestion) and the
/// design, direction, populations and cramp types rules suggested where nobody coded them.
/// `sources` (optional) names who decided each of them, as in `list --format json`.
Study effectiveExportStudy(const Study &record, const StudySummary &row, ClassificationSources *sources = nullptr);

/// One selected study, handed to a writer.
struct ExportItem {
    const Study &record;        ///< As stored (curated values only).
    const StudySummary &row;    ///< Its table row (effective classification).
};

/// Selects the studies, then reads their records one at a time in library order and calls
/// `write(item)` for each; `write` returns false (with *error set) to fail the export.
/// Holds the selected rows and one record at a time, never every record at once.
ExportResult forEachExportedStudy(const Database &database, const ExportOptions &options,
                                  const ExportProgress &progress,
                                  const std::function<bool(const ExportItem &item, QString *error)> &write);

} // namespace mgreview
