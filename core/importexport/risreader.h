#pragma once

#include "importexport/importtypes.h"

#include <QByteArray>
#include <QStringView>

namespace mgreview {

/// Reads RIS text (docs/formats/import.md#ris). Handles the dialects of Zotero, EndNote,
/// Ovid ("1." numbering lines), Scopus, Web of Science, Embase, ProQuest and Rayyan
/// (untagged continuation lines), any line ends. `firstLine` is the line number of the
/// first line of `text` (readers split big files into parts read in parallel).
ReadResult readRis(QStringView text, const QString &file, int firstLine = 1);

/// Reads a whole RIS file from its bytes. Big UTF-8 files are cut at ER lines into parts that
/// are decoded and read in parallel, each part's text freed when read: the file is never held
/// as one UTF-16 string (twice its size in UTF-8). Other encodings are decoded whole.
ReadResult readRisBytes(const QByteArray &bytes, const QString &file);

} // namespace mgreview
