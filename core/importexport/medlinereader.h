#pragma once

#include "importexport/importtypes.h"

#include <QStringView>

namespace mgreview {

/// Reads PubMed MEDLINE text (.nbib, .txt "PMID- …" records; docs/formats/import.md#medline):
/// continuation lines, FAU/AU, AID/LID [doi], PT, MH/OT, COIS (conflict-of-interest
/// statement, verbatim) and GR grant lines (funders, type left empty: PubMed does not say it).
ReadResult readMedline(QStringView text, const QString &file);

} // namespace mgreview
