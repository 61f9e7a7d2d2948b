#pragma once

#include "model/study.h"
#include "rules/effectivestudy.h"

#include <QByteArray>
#include <QStringList>

namespace mgreview {

/// The CSV export's columns, in order: id, authors, year, title, journal, doi, pmid, design,
/// populations, cramp_types, direction, independence, independence_source, funding, coi,
/// conclusions, then (so that our CSV import reads the record back) coded_by,
/// independence_link, independence_reason, volume, issue, pages, pmcid, registration,
/// abstract, keywords, not_verified.
QStringList exportCsvColumns();

/// The header row (CRLF-terminated); with `byteOrderMark`, preceded by a UTF-8 BOM so that
/// spreadsheet programs detect the encoding.
QByteArray exportCsvHeader(bool byteOrderMark);

/// One RFC 4180 row for a study (docs/formats/export.md#csv), UTF-8, ending in CRLF.
/// authors are joined by "; ", populations and cramp types (vocabulary ids) by ';', the
/// verbatim conclusions by a line feed (a line break inside one becomes a space); year is empty when unknown; title is the citation's
/// title exactly (empty when not known); design, direction and independence are vocabulary ids.
/// Fields holding a comma, a double quote, CR or LF are quoted, quotes doubled.
/// coded_by says who coded design, populations, cramp types and direction
/// ("design=curated; populations=rule; …", from `sources`); keywords are joined by "; ",
/// not_verified holds one "field: reason" per line; pages are left out when not verified.
QByteArray exportCsvRow(const Study &study, const ClassificationSources &sources = {});

} // namespace mgreview
