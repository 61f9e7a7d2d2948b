#pragma once

#include "store/fulltextindex.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace mgreview {

class Database;

/// Annotations take part in full-text search: the tag labels and notes of a study's live
/// annotations are indexed with the study (SearchableText::other), so searching for a word
/// of a note finds the study, in the window and with `mgreview-cli search`.

/// The tags and notes of the study's annotations (deleted ones excluded), one per line.
bool annotationSearchText(QSqlDatabase &db, const QString &studyId, QString *notes, QString *error);

/// Appends them to `text` (after kNotesSeparator).
bool appendAnnotationSearchText(QSqlDatabase &db, const QString &studyId, SearchableText *text, QString *error);

/// A study's full-text row: its storage key and its text with its annotations.
struct IndexedStudyText {
    qint64 studyKey = 0;
    SearchableText text;
};

/// The text full-text search holds for a study: its own text and its live annotations, as
/// reindexStudyWithAnnotations() writes it (and as an in-memory index row should read, see
/// StudySearchIndex::replaceRow). `out` stays empty for a study not in the library.
bool studySearchText(QSqlDatabase &db, const QString &studyId, std::optional<IndexedStudyText> *out, QString *error);

/// Writes the study's full-text row again: its own text and its annotations. A study that is
/// not in the library (annotations outlive studies) is skipped. Runs in the caller's transaction.
/// On a PostgreSQL team library (after `team init`) only the annotation part is written,
/// through mgreview_index_notes(): people who may annotate never write study_text.
bool reindexStudyWithAnnotations(const Database &database, QSqlDatabase &db, const QString &studyId, QString *error);

} // namespace mgreview
