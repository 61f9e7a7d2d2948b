#pragma once

// Helpers every reader shares: names, DOIs, years and the generated study id.

#include "model/study.h"

#include <QString>
#include <QStringView>

namespace mgreview {

/// A personal name as Citation::authors holds it: "Surname Initials" ("Smith, John A." ->
/// "Smith JA", "John A. Smith" -> "Smith JA", "Smith JA" unchanged). Organisation names
/// ("{World Health Organization}", names without a comma of more than three words) are kept whole.
QString normaliseAuthorName(QStringView raw);

/// A DOI without "https://doi.org/", "doi:" or surrounding punctuation; empty when `raw` holds none.
QString cleanDoi(QStringView raw);

/// The first plausible four-digit year (1000-2999) in `text`, or 0.
int yearFromText(QStringView text);

/// Letters and digits only, lower case, accents removed ("Müller-Lüdenscheidt" -> "mullerludenscheidt").
QString asciiKey(QStringView text);

/// A citation text built from the parts ("Authors. Title. Journal. Year;Vol(Issue):Pages.").
QString composeCitationText(const Citation &citation);

/// Fills what readers leave to the end: trimmed fields, the citation text, DOI cleanup.
void finishImportedStudy(Study &study);

/// A stable id for an imported record: first author's surname + year + '_' + six hex digits of
/// a hash of DOI, PMID, title and journal ("smith2019_3fa4c1"). The same record always gets
/// the same id.
QString generatedStudyId(const Study &study);

} // namespace mgreview
