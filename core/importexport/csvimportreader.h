#pragma once

#include "importexport/importtypes.h"

#include <QStringView>

namespace mgreview {

/// Reads a CSV / TSV export (docs/formats/import.md#csv): the delimiter (comma, semicolon,
/// tab) is taken from the header line, quoted fields may hold delimiters and line breaks
/// (RFC 4180), and header names of Zotero, Scopus, Embase, Rayyan, ASReview and generic
/// files (title, abstract, authors, year, doi, …) are mapped to study fields.
ReadResult readCsv(QStringView text, const QString &file);

} // namespace mgreview
