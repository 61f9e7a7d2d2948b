#pragma once

#include "model/study.h"
#include "rules/effectivestudy.h"

#include <QByteArray>

namespace mgreview {

/// The JSON export is the array `mgreview-cli list --format json` prints, written one study
/// at a time: "[\n", then the objects separated by ",\n", then "\n]\n" ("[\n]\n" when empty).
/// The bytes equal QJsonDocument(array).toJson(Indented) of the same objects.
QByteArray jsonExportHeader();
QByteArray jsonExportSeparator();
QByteArray jsonExportFooter(qint64 written);

/// One study object, indented as an element of the array: studyToOutputJson() of the
/// effective study (reviewer > curated > rule values) plus "classified_by" naming who decided
/// each classified attribute, exactly as `list --format json` prints it.
QByteArray jsonExportObject(const Study &effective, const ClassificationSources &sources);

} // namespace mgreview
