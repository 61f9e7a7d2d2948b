#pragma once

#include "importexport/exportformat.h"
#include "importexport/exportselection.h"

#include <QString>

class QIODevice;

namespace mgreview {

class Database;

/// Exports the studies `options` select to `device` (open for writing) in `format`, one
/// study at a time in library order (docs/formats/export.md). Only the selected rows and one
/// record are held at a time, so 100,000 studies export in little memory.
///
/// RIS, BibTeX, CSV and JSON show the effective classification (reviewer > curated > rule).
/// The studies/ format writes a folder, not a stream: use exportStudiesToPath() for it (this
/// function refuses it with an error).
///
/// Cancelling through `progress` stops at once with result.cancelled; what was written to
/// the device so far is incomplete, which exportStudiesToPath() never lets reach a file.
ExportResult exportStudies(const Database &database, ExportFormat format, const ExportOptions &options,
                           QIODevice &device, const ExportProgress &progress = {});

/// Exports to a file, or for the studies/ format to a folder, atomically: the file is written
/// through QSaveFile (a temporary file renamed over `path` only once complete), the folder
/// is filled as a hidden temporary sibling and renamed to `path` at the end. A failed or
/// cancelled export leaves no file or folder behind and an existing file untouched.
///
/// For the studies/ format `path` must not exist or be an empty folder (existing study files
/// are never overwritten or mixed with others). Errors name the path.
ExportResult exportStudiesToPath(const Database &database, ExportFormat format, const ExportOptions &options,
                                 const QString &path, const ExportProgress &progress = {});

} // namespace mgreview
