#pragma once

#include "model/study.h"

#include <QByteArray>

namespace mgreview {

/// One RIS record (docs/formats/export.md#ris), UTF-8, every line ending in CRLF as the RIS
/// specification asks, ending with "ER  - " and a blank line.
///
/// Tags, in this order: TY (JOUR, ELEC or GEN: referenceKind()), ID (the study id), AU (one
/// per author, "Surname, S. R." for "Surname SR"; other names as stored), TI, T2 and JO (both
/// the journal: readers differ in which they take), PY, VL, IS, SP and EP (pages split at the
/// first hyphen or en dash, as given; left out when not verified), DO, AN (PMID), C2 (PMCID),
/// AB, KW (one per keyword), N1 (one per line of exportNotes()), ER. Empty fields are left
/// out. Values are one line: line breaks inside them become spaces.
QByteArray risRecord(const Study &study);

} // namespace mgreview
