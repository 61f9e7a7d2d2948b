#pragma once

#include "model/study.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace mgreview {

/// The bibliographic formats the importer reads (docs/formats/import.md).
enum class ImportFormat { Ris, Bibtex, Medline, Csv, PubmedXml, Studies, Json };

QString toString(ImportFormat format);
/// "ris", "bibtex" (or "bib"), "medline" (or "nbib"), "csv" (or "tsv"), "pubmed-xml", "studies",
/// "json" (our own JSON export only).
std::optional<ImportFormat> importFormatFromString(const QString &name);

/// Something a reader could not read, said as "file:line: reason".
struct ImportIssue {
    QString file; ///< The file as the user named it.
    int line = 0; ///< 1-based; 0 when the problem concerns the whole file.
    QString reason;

    QString toString() const;
    bool operator==(const ImportIssue &) const = default;
};

/// One record read from a file, with where it starts (for messages and the review list).
struct ImportedRecord {
    Study study;
    QString file;
    int line = 0;
};

/// What a reader made of one file: the records it could read and the problems it met.
/// Readers never stop at the first problem: a broken record is reported and skipped.
struct ReadResult {
    QVector<ImportedRecord> records;
    QVector<ImportIssue> issues;
    ImportFormat format = ImportFormat::Ris;
    QString encoding; ///< What the bytes were read as ("UTF-8", "UTF-16LE", "Windows-1252", …).
};

} // namespace mgreview
