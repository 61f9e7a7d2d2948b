#pragma once

// Reading back our own CSV export (csvexport.h): the columns no other tool writes.

#include "model/study.h"

#include <QStringList>

namespace mgreview {

/// Whether a CSV header row is our own export's: it has the columns id, independence_source
/// and conclusions (names compared as written by exportCsvColumns()).
bool isOwnCsvExportHeader(const QStringList &header);

/// Fills `study` from a row of our own CSV export, after the generic columns (title, year,
/// DOI, …) were read: the study id (when valid), the authors exactly as stored (split on
/// "; ", not re-normalised), funding and conflict-of-interest statements, the verbatim
/// conclusions (one per line, text only), PMCID, registration, not-verified notes, and the
/// codes that were **curated** (coded_by says so; a rule's codes are recomputed by the rules,
/// and the independence only when independence_source is "curated").
void readOwnCsvRow(const QStringList &header, const QStringList &fields, Study *study);

} // namespace mgreview
