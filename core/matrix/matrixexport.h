#pragma once

#include "library/studysummary.h"
#include "matrix/evidencematrix.h"
#include "model/study.h"

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QVector>

#include <functional>
#include <optional>

namespace mgreview {

struct Vocabularies;

/// The formats of the evidence matrix export (command line and GUI).
enum class MatrixFormat { Table, Csv, Json, Svg, Png, Pdf, Html };

/// "table", "csv", "json", "svg", "png", "pdf", "html" (the command-line words).
QString toString(MatrixFormat format);
/// Parses the command-line words; nullopt for anything else.
std::optional<MatrixFormat> matrixFormatFromString(const QString &text);
/// PNG and PDF: bytes that must go to a file, not to a terminal.
bool isBinaryMatrixFormat(MatrixFormat format);

/// A study's full record by id (nullptr when unknown). The HTML export needs the verbatim
/// conclusions and funding statements, which summaries do not carry.
using StudyRecordLookup = std::function<const Study *(const QString &id)>;

/// What every export shows: the computed matrix (already filtered), the studies it indexes
/// and the vocabularies for labels.
struct MatrixExportInput {
    const EvidenceMatrix &matrix;
    const QVector<StudySummary> &studies;
    const Vocabularies &vocabularies;
    StudyRecordLookup records; ///< Needed by HTML; may be empty for the other formats.
};

/// A grid for people (monospace): counts with direction symbols, totals, a legend, then
/// each non-empty cell's bottom line. Lines are kept within `lineWidth` where possible.
QString matrixToTable(const MatrixExportInput &input, int lineWidth = 120);

/// RFC 4180, CRLF line ends. First row: a corner cell, then the cramp types (labels), then
/// "Total"; first column: the populations, then "Total". Each cell starts with its study
/// count: "3 (2 no benefit; 1 benefit)", "0 (no studies)".
QString matrixToCsv(const MatrixExportInput &input);

/// Indented JSON (UTF-8): filter, rows, columns, directions, every cell (ids, counts by
/// direction, design, independence and certainty, strongest design, bottom line), totals.
QByteArray matrixToJson(const MatrixExportInput &input);

/// One self-contained XHTML file (inline CSS, no scripts, no external resources): the grid
/// with links to each cell's section; per cell its bottom line and its studies with first
/// author, year, title, design, direction, independence (with reason), DOI link, verbatim
/// conclusions and funding statements ("not reported" / "not verified" where so).
QString matrixToHtml(const MatrixExportInput &input);

/// The printable figure (grid and legend) as SVG, PNG (at `scale` × the figure's natural
/// size) or PDF (A4, scaled to fit). Empty on failure.
QByteArray matrixToSvg(const MatrixExportInput &input);
QImage matrixToImage(const MatrixExportInput &input, qreal scale = 2.0);
QByteArray matrixToPng(const MatrixExportInput &input, qreal scale = 2.0);
QByteArray matrixToPdf(const MatrixExportInput &input);

/// Any format, as the bytes to write (text formats as UTF-8).
QByteArray exportMatrix(MatrixFormat format, const MatrixExportInput &input, int lineWidth = 120);

/// Writes bytes to a file through a temporary file renamed when complete, so a failed write
/// never leaves half a file. On failure *error names the file and the reason.
bool writeExportFile(const QString &path, const QByteArray &bytes, QString *error);

} // namespace mgreview
