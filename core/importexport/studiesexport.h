#pragma once

#include "importexport/exportselection.h"

#include <QString>

namespace mgreview {

class Database;

/// Writes the selected studies in the studies/ format (docs/formats/studies.md) into a new
/// folder, one `<id>.toml` per study, through writeStudyText(): the stored record, curated
/// values only (rule suggestions and reviewer judgements are not part of a study file; the
/// review log has its own export). Reading the folder back with readStudyFolder() gives
/// records equal to the library's.
///
/// The folder is written as a hidden temporary sibling and renamed to `folder` when complete,
/// so a failure or cancel leaves nothing. `folder` must not exist, or be empty. A study whose
/// id is not a valid studies/ id (lowercase letters, digits, '_') fails the export, naming it.
ExportResult exportStudiesToFolder(const Database &database, const ExportOptions &options, const QString &folder,
                                   const ExportProgress &progress = {});

} // namespace mgreview
