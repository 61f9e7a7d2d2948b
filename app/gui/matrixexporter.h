#pragma once

#include "library/studyfilter.h"
#include "library/studysummary.h"
#include "matrix/matrixexport.h"

#include <QBitArray>
#include <QFuture>
#include <QString>
#include <QVector>

#include <optional>

namespace mgreview::gui {

class LibrarySession;

/// What to export: the studies and the filter the matrix on screen shows.
struct MatrixExportJob {
    QString path;
    MatrixFormat format = MatrixFormat::Csv;
    QVector<StudySummary> studies; ///< A shallow copy of the table's studies (read-only).
    IndependenceFilter filter = IndependenceFilter::All;
    std::optional<QBitArray> textMatches; ///< The search (and rule filter) in force.
};

struct MatrixExportOutcome {
    bool ok = false;
    QString message; ///< What was written, or why not (names the file).
};

/// Exports the matrix without touching the GUI thread: the HTML report first reads the full
/// records (verbatim conclusions, funding statements) on the session's I/O thread; then the
/// matrix is computed, rendered and written through a temporary file on a worker thread.
/// Continue on the GUI thread with `.then(context, …)`. The session must be open.
QFuture<MatrixExportOutcome> startMatrixExport(LibrarySession *session, MatrixExportJob job);

/// "evidence-matrix-independent.pdf": a default file name for a filter and format.
QString defaultMatrixExportName(IndependenceFilter filter, MatrixFormat format);
/// The file suffix of a format ("csv", "png", …; "txt" for the table).
QString matrixFormatSuffix(MatrixFormat format);

} // namespace mgreview::gui
