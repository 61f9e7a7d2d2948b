#pragma once

#include "importexport/importtypes.h"

#include <QByteArray>
#include <QString>

namespace mgreview {

/// Reads our own JSON export back (docs/formats/export.md#json, `mgreview-cli export --format
/// json` or `list --format json`): an array of study objects, each with "id" and
/// "classified_by". Every field of the record comes back as it was, with one exception that
/// is on purpose: the export shows the *effective* coding, so an attribute whose
/// classified_by is not "curated" (filled by a rule, decided by reviewers, or nobody's) is
/// left empty — the rules recompute theirs on import, and reviewer judgements live in the
/// review log (a reviewer's independence is kept as the extra fact "Reviewer judgement (export)").
///
/// Other JSON is refused with a clear error: invalid JSON names the line; a document that is
/// not an array of such objects, or an element without "id"/"classified_by", says that only
/// MgReview's own JSON export can be imported.
ReadResult readStudyJson(const QByteArray &bytes, const QString &file);

} // namespace mgreview
