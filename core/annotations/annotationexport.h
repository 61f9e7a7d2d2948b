#pragma once

#include "annotations/annotationservice.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace mgreview {

/// Export formats of annotations (docs/annotations.md).
enum class AnnotationFormat { Markdown, Csv, JsonLd };
/// "markdown", "csv", "jsonld"; nullopt for anything else ("md" and "json-ld" are accepted too).
std::optional<AnnotationFormat> annotationFormatFromString(const QString &text);

/// A Markdown handout: grouped by study, then by conclusion (or PDF page), each annotation
/// as its quote (a block quote), its tag, author and date, and its note (Markdown, as
/// written). Orphaned annotations say so and keep their quote. `title` heads the page
/// ("Annotations by Stu"). `tags` gives tag labels.
QString annotationsToMarkdown(const QVector<ResolvedAnnotation> &annotations, const QString &title,
    const AnnotationTags &tags = AnnotationTags::builtin());

/// The CSV columns: id, study_id, study, target, conclusion, pdf_sha256, page, tag, tag_label,
/// exact, prefix, suffix, start, end, note, author, created, modified, status, current_start,
/// current_end.
QStringList annotationCsvColumns();
/// Header row plus one row per annotation (RFC 4180, CRLF, fields quoted when needed).
QString annotationsToCsv(const QVector<ResolvedAnnotation> &annotations,
    const AnnotationTags &tags = AnnotationTags::builtin());

/// Writes `content` to `path` atomically (a failed write leaves any old file intact);
/// false and *error ("cannot write FILE: reason") on failure.
bool writeAnnotationFile(const QString &path, const QByteArray &content, QString *error);

} // namespace mgreview
