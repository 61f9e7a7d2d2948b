#pragma once

#include "importexport/importtypes.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace mgreview {

/// The format of a file from its name and first bytes: .ris/.nbib/.bib/.csv/.tsv/.xml/.toml,
/// or for .txt and unknown names the content ("TY  -" RIS, "PMID-" MEDLINE, "@article{"
/// BibTeX, "<PubmedArticleSet" XML, a header line with delimiters CSV). A folder is "studies".
std::optional<ImportFormat> detectImportFormat(const QString &path, const QByteArray &head);

/// Reads one file (or, for the studies format, a studies/ folder or one .toml file).
/// `format` overrides detection. Never throws: unreadable files come back as issues.
ReadResult readImportFile(const QString &path, std::optional<ImportFormat> format = std::nullopt);

/// Reads bytes already in memory (tests, drag and drop). `displayName` names the file in issues.
/// The bytes are taken by value and released once decoded (a 200 MB file need not be held twice).
ReadResult readImportBytes(QByteArray bytes, const QString &displayName, ImportFormat format);

} // namespace mgreview
