#pragma once

#include "model/study.h"

#include <QJsonObject>

#include <optional>

namespace mgreview {

/// The JSON form of a study: used for storage (studies.record) and for JSON output.
/// Keys are snake_case and follow docs/formats/studies.md; the top level always carries
/// id, title, authors, year, doi, pmid, pmcid, design, populations, cramp_types, direction,
/// independence {value, link, source, reason} and conclusions [{text, source, where, note}].
QJsonObject studyToJson(const Study &study);
/// Reads studyToJson's output back. Unknown keys are ignored (newer writers may add some).
std::optional<Study> studyFromJson(const QJsonObject &object, QString *error);

} // namespace mgreview
