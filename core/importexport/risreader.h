#pragma once

#include "importexport/importtypes.h"

#include <QStringView>

namespace mgreview {

/// Reads RIS text (docs/formats/import.md#ris). Handles the dialects of Zotero, EndNote,
/// Ovid ("1." numbering lines), Scopus, Web of Science, Embase, ProQuest and Rayyan
/// (untagged continuation lines), any line ends. `firstLine` is the line number of the
/// first line of `text` (readers split big files into parts read in parallel).
ReadResult readRis(QStringView text, const QString &file, int firstLine = 1);

/// Reads a whole RIS file's text, in parallel parts on big inputs.
ReadResult readRisParallel(QStringView text, const QString &file);

} // namespace mgreview
