#pragma once

// Conversions between Study and the rows of the studies table. Internal to the store.

#include "library/studysummary.h"
#include "model/study.h"
#include "store/fulltextindex.h"

#include <QByteArray>

#include <optional>

namespace mgreview {

QByteArray studyToRecordJson(const Study &study);
std::optional<Study> studyFromRecordJson(const QByteArray &json, QString *error);
SearchableText searchableText(const Study &study);
/// Codes joined as "|a|b|" so that SQL can filter with LIKE '%|a|%' on any dialect.
QString joinCodes(const QStringList &codes);
QStringList splitCodes(const QString &joined);

} // namespace mgreview
