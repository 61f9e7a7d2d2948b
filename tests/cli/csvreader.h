#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace mgreview::testing {

/// A strict RFC 4180 reader, independent of the writer under test: records end in CRLF,
/// fields with a comma, quote, CR or LF must be quoted, quotes inside are doubled.
/// Returns nullopt and sets *error (with the offset) on anything else.
std::optional<QVector<QStringList>> readCsv(const QString &text, QString *error);

} // namespace mgreview::testing
