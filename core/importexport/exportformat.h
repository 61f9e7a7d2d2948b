#pragma once

#include <QString>

#include <optional>

namespace mgreview {

/// The formats studies can be exported to (docs/formats/export.md).
enum class ExportFormat {
    Ris,     ///< RIS (reference managers: Zotero, EndNote, Mendeley, Rayyan, Covidence).
    Bibtex,  ///< BibTeX (LaTeX, JabRef).
    Csv,     ///< CSV, RFC 4180, one row per study (spreadsheets).
    Json,    ///< JSON array of study objects, as `mgreview-cli list --format json` prints.
    Studies, ///< The studies/ TOML format: a folder with one file per study.
};

/// "ris", "bibtex", "csv", "json", "studies" (the command-line words).
QString toString(ExportFormat format);
/// Parses the command-line words (also "bib" for BibTeX); nullopt for anything else.
std::optional<ExportFormat> exportFormatFromString(const QString &text);
/// "RIS", "BibTeX", "CSV", "JSON", "studies/ folder (TOML)": for menus and messages.
QString displayName(ExportFormat format);
/// The file suffix ("ris", "bib", "csv", "json"); empty for the studies/ folder.
QString fileSuffix(ExportFormat format);
/// True for the studies/ format, which writes a folder rather than one file.
inline bool writesFolder(ExportFormat format)
{
    return format == ExportFormat::Studies;
}

} // namespace mgreview
