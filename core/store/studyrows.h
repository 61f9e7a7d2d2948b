#pragma once

// Conversions between Study and the rows of the studies table. Internal to the store.

#include "library/studysummary.h"
#include "model/independence.h"
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

/// Everything written for one new study (the projection columns, the record, the search
/// text), computed off the writing thread: serialising the record and the search text
/// costs as much as the SQL itself. Text columns are never null ('' when unset).
struct PreparedRow {
    QString title, authors, firstAuthor, journal, doi, pmid, design, populations, crampTypes, direction;
    Independence independence;
    int year = 0;
    QByteArray record; ///< The JSON record, UTF-8.
    SearchableText text;
};
PreparedRow prepareRow(const Study &study);

} // namespace mgreview
