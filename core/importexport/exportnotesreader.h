#pragma once

// Reads back the labelled note lines our own RIS and BibTeX exports write (exportNotes(),
// docs/formats/export.md#notes), so that export -> import keeps the funding facts and the
// verbatim conclusions.

#include "model/study.h"

#include <QString>
#include <QStringList>

namespace mgreview {

/// What readExportNotes() made of a record's note lines.
struct ExportNotesReading {
    /// A "Funding independence: VALUE; source: SOURCE" line was found. Every record our RIS and
    /// BibTeX exports write has one (an unclassified study says "unclear; source: none"), so
    /// the record comes from one of our exports: its ID / key is a study id, its AN a PMID.
    bool fromExport = false;
    QStringList unread; ///< Lines that are none of ours, in order (the reader keeps them as a note).
};

/// Reads the lines exportNotes() writes back into `study`: "Funding statement: ",
/// "Conflicts of interest: ", "Funders: NAME (TYPE); …" (TYPE when it is a funder type id),
/// "Funding independence: …", "Registration: ", "Conclusion (SOURCE[, WHERE]): TEXT" (TEXT
/// verbatim) and "Not verified: FIELD: REASON". Fields `study` already holds are not replaced.
///
/// Only a curated independence is restored (as curated): a rule's is recomputed by the rules
/// on import, "source: none" means nobody classified the study, and a reviewer's judgement
/// belongs to the review log, not the record: its line stays in `unread`, so it is not lost.
ExportNotesReading readExportNotes(const QStringList &lines, Study *study);

/// Whether `text` is a valid study id of the studies/ format (lower-case letters, digits, '_',
/// starting with a letter or digit): an id an import may keep.
bool isStudyIdText(const QString &text);

} // namespace mgreview
